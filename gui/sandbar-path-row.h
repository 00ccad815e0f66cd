/* sandbar-path-row.h — one path of a profile, with where it really points
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sandbar-path-resolver.h"
#include "sandbar-types.h"

G_BEGIN_DECLS

#define SANDBAR_TYPE_PATH_ROW (sandbar_path_row_get_type ())

G_DECLARE_FINAL_TYPE (SandbarPathRow, sandbar_path_row, SANDBAR, PATH_ROW, AdwPreferencesRow)

GtkWidget          *sandbar_path_row_new           (SandbarField         field,
                                                    SandbarPathResolver *resolver);
SandbarField        sandbar_path_row_get_field     (SandbarPathRow      *self);
const char         *sandbar_path_row_get_text      (SandbarPathRow      *self);
void                sandbar_path_row_set_text      (SandbarPathRow      *self,
                                                    const char          *text);
SandbarSocketScope  sandbar_path_row_get_scope     (SandbarPathRow      *self);
void                sandbar_path_row_set_scope     (SandbarPathRow      *self,
                                                    SandbarSocketScope   scope);
void                sandbar_path_row_set_error     (SandbarPathRow      *self,
                                                    const char          *message);
const char         *sandbar_path_row_get_error     (SandbarPathRow      *self);
void                sandbar_path_row_set_resolver  (SandbarPathRow      *self,
                                                    SandbarPathResolver *resolver);
void                sandbar_path_row_refresh       (SandbarPathRow      *self);
gboolean            sandbar_path_row_get_exists    (SandbarPathRow      *self);
gboolean            sandbar_path_row_get_root_equivalent (SandbarPathRow *self);
const char         *sandbar_path_row_get_status    (SandbarPathRow      *self);
void                sandbar_path_row_grab_focus    (SandbarPathRow      *self);
GtkWidget          *sandbar_path_row_get_scope_control (SandbarPathRow  *self);

char               *sandbar_path_contract_home     (const char          *path);

G_END_DECLS
