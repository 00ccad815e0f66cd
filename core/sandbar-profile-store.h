/* sandbar-profile-store.h — the saved profiles, one file each
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sandbar-profile.h"

G_BEGIN_DECLS

#define SANDBAR_TYPE_PROFILE_STORE (sandbar_profile_store_get_type ())

G_DECLARE_FINAL_TYPE (SandbarProfileStore, sandbar_profile_store, SANDBAR, PROFILE_STORE, GObject)

#define SANDBAR_STORE_ERROR (sandbar_store_error_quark ())

/**
 * SandbarStoreError:
 * @SANDBAR_STORE_ERROR_NOT_FOUND: no profile with that id
 * @SANDBAR_STORE_ERROR_EXISTS: a profile with that id exists already
 * @SANDBAR_STORE_ERROR_CONFLICT: the file changed on disk since it was
 *   read; the edit was saved as a copy (the message names it)
 * @SANDBAR_STORE_ERROR_INVALID: the profile or file is invalid (the
 *   message names the field and value); nothing was written
 * @SANDBAR_STORE_ERROR_FAILED: the file system refused (the message says
 *   which file and why)
 */
typedef enum
{
  SANDBAR_STORE_ERROR_NOT_FOUND,
  SANDBAR_STORE_ERROR_EXISTS,
  SANDBAR_STORE_ERROR_CONFLICT,
  SANDBAR_STORE_ERROR_INVALID,
  SANDBAR_STORE_ERROR_FAILED,
} SandbarStoreError;

/**
 * SandbarLoadProblem:
 * @path: the file that could not be loaded
 * @line: the 1-based line of the problem, or 0
 * @message: what is wrong, naming the field and value
 *
 * A profile file that is not loaded; the file is left as it is.
 */
typedef struct
{
  char  *path;
  guint  line;
  char  *message;
} SandbarLoadProblem;

/* The file name suffix of profiles. */
#define SANDBAR_PROFILE_SUFFIX ".sandbar"

GQuark               sandbar_store_error_quark                (void);

char                *sandbar_profile_store_default_directory  (void);

SandbarProfileStore *sandbar_profile_store_new                (const char           *directory);
gboolean             sandbar_profile_store_load               (SandbarProfileStore  *self,
                                                               GError              **error);
const char          *sandbar_profile_store_get_directory      (SandbarProfileStore  *self);
gboolean             sandbar_profile_store_get_seeded         (SandbarProfileStore  *self);
GPtrArray           *sandbar_profile_store_get_problems       (SandbarProfileStore  *self);

SandbarProfile      *sandbar_profile_store_lookup             (SandbarProfileStore  *self,
                                                               const char           *id);
char                *sandbar_profile_store_get_path           (SandbarProfileStore  *self,
                                                               const char           *id);
char                *sandbar_profile_store_unique_id          (SandbarProfileStore  *self,
                                                               const char           *base);

gboolean             sandbar_profile_store_create             (SandbarProfileStore  *self,
                                                               SandbarProfile       *profile,
                                                               GError              **error);
gboolean             sandbar_profile_store_save               (SandbarProfileStore  *self,
                                                               SandbarProfile       *profile,
                                                               char                **conflict_id,
                                                               GError              **error);
GBytes              *sandbar_profile_store_read_file          (SandbarProfileStore  *self,
                                                               const char           *id,
                                                               GError              **error);
gboolean             sandbar_profile_store_import             (SandbarProfileStore  *self,
                                                               const char           *id,
                                                               GBytes               *contents,
                                                               gboolean              replace,
                                                               GError              **error);
GBytes              *sandbar_profile_store_delete             (SandbarProfileStore  *self,
                                                               const char           *id,
                                                               GError              **error);
gboolean             sandbar_profile_store_restore            (SandbarProfileStore  *self,
                                                               const char           *id,
                                                               GBytes               *contents,
                                                               GError              **error);

GBytes              *sandbar_read_profile_file                (const char           *path,
                                                               GError              **error);

void                 sandbar_load_problem_free                (SandbarLoadProblem   *problem);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SandbarLoadProblem, sandbar_load_problem_free)

G_END_DECLS
