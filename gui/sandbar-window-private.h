/* sandbar-window-private.h — shared by sandbar-window.c and -actions.c
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sandbar-editor.h"
#include "sandbar-preview.h"
#include "sandbar-profile-list.h"
#include "sandbar-window.h"

G_BEGIN_DECLS

struct _SandbarWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  SandbarProfileList   *profile_list;
  AdwWindowTitle       *window_title;
  GtkButton            *launch_button;
  GtkMenuButton        *primary_menu_button;
  GtkStack             *main_stack;
  AdwStatusPage        *error_page;
  GtkPaned             *paned;
  SandbarEditor        *editor;
  SandbarPreview       *preview;

  /* Borrowed */
  SandbarProfileStore  *store;
  SandbarPathResolver  *resolver;
  GSettings            *settings;

  /* Owned */
  SandbarProfile       *profile;        /* the store's object */
  SandbarProfile       *working;        /* what the editor edits */
  GHashTable           *deleted;        /* id → GBytes of the file, for undo */
  GHashTable           *undo_toasts;    /* id → AdwToast (borrowed) */

  gulong                profile_notify_handler;
  guint                 save_source;
  guint                 saving : 1;
};

/* How long after the last edit the profile is written. */
#define SANDBAR_WINDOW_SAVE_DELAY_MS 400

void _sandbar_window_class_actions_init (GtkWidgetClass *widget_class);
void _sandbar_window_update_actions     (SandbarWindow  *self);
void _sandbar_window_show_error         (SandbarWindow  *self,
                                         const char     *message);

G_END_DECLS
