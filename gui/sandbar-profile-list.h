/* sandbar-profile-list.h — the sidebar: profiles, search, broken files
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sandbar-profile-store.h"

G_BEGIN_DECLS

#define SANDBAR_TYPE_PROFILE_LIST (sandbar_profile_list_get_type ())

G_DECLARE_FINAL_TYPE (SandbarProfileList, sandbar_profile_list, SANDBAR, PROFILE_LIST, GtkWidget)

void            sandbar_profile_list_set_store    (SandbarProfileList  *self,
                                                   SandbarProfileStore *store);
SandbarProfile *sandbar_profile_list_get_selected (SandbarProfileList  *self);
gboolean        sandbar_profile_list_select       (SandbarProfileList  *self,
                                                   const char          *id);
void            sandbar_profile_list_focus_search (SandbarProfileList  *self);
void            sandbar_profile_list_focus_list   (SandbarProfileList  *self);

G_END_DECLS
