/* sandbar-window.h — the main window: list | editor | preview
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sandbar-application.h"

G_BEGIN_DECLS

#define SANDBAR_TYPE_WINDOW (sandbar_window_get_type ())

G_DECLARE_FINAL_TYPE (SandbarWindow, sandbar_window, SANDBAR, WINDOW, AdwApplicationWindow)

SandbarWindow  *sandbar_window_new               (SandbarApplication *application);
gboolean        sandbar_window_select_profile    (SandbarWindow      *self,
                                                  const char         *id);
SandbarProfile *sandbar_window_get_profile       (SandbarWindow      *self);
gboolean        sandbar_window_save_now          (SandbarWindow      *self);
void            sandbar_window_new_profile       (SandbarWindow      *self,
                                                  const char         *template_id);
void            sandbar_window_duplicate_profile (SandbarWindow      *self);
void            sandbar_window_delete_profile    (SandbarWindow      *self);
void            sandbar_window_undo_delete       (SandbarWindow      *self,
                                                  const char         *id);
void            sandbar_window_launch            (SandbarWindow      *self,
                                                  const char         *id);
void            sandbar_window_focus_search      (SandbarWindow      *self);
void            sandbar_window_add_toast         (SandbarWindow      *self,
                                                  AdwToast           *toast);

G_END_DECLS
