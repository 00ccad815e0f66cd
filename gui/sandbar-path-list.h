/* sandbar-path-list.h — an editable list of paths, names or sockets
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sandbar-path-resolver.h"
#include "sandbar-path-row.h"

G_BEGIN_DECLS

#define SANDBAR_TYPE_PATH_LIST (sandbar_path_list_get_type ())

G_DECLARE_FINAL_TYPE (SandbarPathList, sandbar_path_list, SANDBAR, PATH_LIST, AdwPreferencesGroup)

const char * const *sandbar_path_list_get_paths    (SandbarPathList     *self);
void                sandbar_path_list_set_paths    (SandbarPathList     *self,
                                                    const char * const  *paths);
GPtrArray          *sandbar_path_list_get_rules    (SandbarPathList     *self);
void                sandbar_path_list_set_rules    (SandbarPathList     *self,
                                                    GPtrArray           *rules);
guint               sandbar_path_list_get_n_rows   (SandbarPathList     *self);
SandbarPathRow     *sandbar_path_list_get_row      (SandbarPathList     *self,
                                                    guint                index);
void                sandbar_path_list_set_error    (SandbarPathList     *self,
                                                    int                  index,
                                                    const char          *message);
SandbarPathRow     *sandbar_path_list_add_path     (SandbarPathList     *self,
                                                    const char          *path,
                                                    SandbarSocketScope   scope);
void                sandbar_path_list_refresh      (SandbarPathList     *self);

G_END_DECLS
