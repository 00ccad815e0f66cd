/* sandbar-path-resolver.h — user paths to the spellings the sandbox matches
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "sandbar-input.h"
#include "sandbar-path-expand.h"

G_BEGIN_DECLS

#define SANDBAR_TYPE_PATH_RESOLVER (sandbar_path_resolver_get_type ())

G_DECLARE_FINAL_TYPE (SandbarPathResolver, sandbar_path_resolver, SANDBAR, PATH_RESOLVER, GObject)

/**
 * SandbarResolveFlags:
 * @SANDBAR_RESOLVE_NONE: the path must be absolute after `~`/`$VAR` expansion
 * @SANDBAR_RESOLVE_ALLOW_RELATIVE: a relative path is taken against the
 *   resolver's working directory (command-line input, as Codex does)
 */
typedef enum
{
  SANDBAR_RESOLVE_NONE           = 0,
  SANDBAR_RESOLVE_ALLOW_RELATIVE = 1 << 0,
} SandbarResolveFlags;

/**
 * SandbarResolvedPath:
 * @as_written: the path exactly as the user wrote it
 * @canonical: the absolute spelling the kernel matches: realpath of the
 *   longest existing ancestor plus the remaining components, no trailing
 *   slash (except `/` itself)
 * @alias: (nullable): with macOS aliases on, the user-facing spelling of a
 *   canonical path under `/private/tmp`, `/private/var` or `/private/etc`
 *   (`/tmp/x` for `/private/tmp/x`); %NULL otherwise
 * @exists: whether the whole path exists (as anything, after symlinks)
 */
typedef struct
{
  char     *as_written;
  char     *canonical;
  char     *alias;
  gboolean  exists;
} SandbarResolvedPath;

void                 sandbar_resolved_path_clear     (SandbarResolvedPath *resolved);

SandbarPathResolver *sandbar_path_resolver_new       (void);
SandbarPathResolver *sandbar_path_resolver_new_fake  (void);

void                 sandbar_path_resolver_fake_add_directory (SandbarPathResolver *self,
                                                               const char          *path);
void                 sandbar_path_resolver_fake_add_file      (SandbarPathResolver *self,
                                                               const char          *path);
void                 sandbar_path_resolver_fake_add_symlink   (SandbarPathResolver *self,
                                                               const char          *path,
                                                               const char          *target);

void                 sandbar_path_resolver_set_env_lookup     (SandbarPathResolver *self,
                                                               SandbarEnvLookup     lookup,
                                                               gpointer             user_data,
                                                               GDestroyNotify       destroy);
const char          *sandbar_path_resolver_lookup_env         (SandbarPathResolver *self,
                                                               const char          *name);
void                 sandbar_path_resolver_set_working_directory
                                                              (SandbarPathResolver *self,
                                                               const char          *directory);
const char          *sandbar_path_resolver_get_working_directory
                                                              (SandbarPathResolver *self);
void                 sandbar_path_resolver_set_macos_aliases  (SandbarPathResolver *self,
                                                               gboolean             enabled);
gboolean             sandbar_path_resolver_get_macos_aliases  (SandbarPathResolver *self);

gboolean             sandbar_path_resolver_resolve   (SandbarPathResolver  *self,
                                                      SandbarField          field,
                                                      const char           *path,
                                                      SandbarResolveFlags   flags,
                                                      SandbarResolvedPath  *out,
                                                      GError              **error);
gboolean             sandbar_path_resolver_is_directory
                                                     (SandbarPathResolver  *self,
                                                      const char           *canonical);
gboolean             sandbar_path_resolver_exists    (SandbarPathResolver  *self,
                                                      const char           *canonical);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SandbarResolvedPath, sandbar_resolved_path_clear)

G_END_DECLS
