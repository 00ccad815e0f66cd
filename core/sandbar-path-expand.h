/* sandbar-path-expand.h — expansion of `~` and `$VAR` in user paths
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "sandbar-input.h"

G_BEGIN_DECLS

/**
 * SandbarEnvLookup:
 * @name: a variable name such as `HOME`
 * @user_data: closure data
 *
 * Returns: (nullable) (transfer none): the value of @name, or %NULL if unset
 */
typedef const char *(*SandbarEnvLookup) (const char *name,
                                         gpointer    user_data);

const char *sandbar_env_lookup_process   (const char       *name,
                                          gpointer          user_data);
gboolean    sandbar_path_needs_expansion (const char       *path);
char       *sandbar_path_expand          (SandbarField      field,
                                          const char       *path,
                                          SandbarEnvLookup  lookup,
                                          gpointer          user_data,
                                          GError          **error);
char       *sandbar_path_expand_if_set   (SandbarField      field,
                                          const char       *path,
                                          SandbarEnvLookup  lookup,
                                          gpointer          user_data,
                                          GError          **error);

G_END_DECLS
