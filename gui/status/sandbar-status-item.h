/* sandbar-status-item.h — the menu-bar item (macOS) and tray item (Linux)
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An icon in the macOS menu bar or in a Linux tray whose menu lists the
 * profiles ("click the icon, pick a profile, get a sandboxed terminal"),
 * then "Edit Profiles…" and "Quit". It only activates actions of the
 * application, the same ones the window and the keyboard use:
 *
 * | entry              | action    | parameter         |
 * |--------------------|-----------|-------------------|
 * | a profile          | `launch`  | "s": the profile id |
 * | Edit Profiles…     | `present` | none              |
 * | Quit               | `quit`    | none              |
 * | click on the icon  | `present` | none (Linux; the macOS icon opens the menu) |
 *
 * An entry whose action is missing, disabled or takes another parameter
 * type is shown disabled. The menu follows the model as it changes.
 *
 * One implementation is built, chosen by the host system: macOS
 * (NSStatusItem, gui/macos/), Linux and the BSDs (StatusNotifierItem and
 * com.canonical.dbusmenu over D-Bus, GIO only), a no-op elsewhere.
 *
 * Using it from a GApplication (see also README.md):
 *
 * - create it in `startup`, after chaining up (on macOS the display must
 *   be open), with the application as @actions;
 * - keep the window reachable when sandbar_status_item_is_shown() is
 *   %FALSE (no tray on this desktop): quit when the window is closed then,
 *   and watch `notify::shown`, which changes when a tray comes and goes;
 * - call sandbar_status_item_set_window_visible() when the window is shown
 *   and hidden (macOS: Dock icon and menu bar only while it is open);
 * - in the `present` action, pass sandbar_status_item_get_activation_token()
 *   to gtk_window_set_startup_id() when it is not %NULL (Wayland focus);
 * - drop the item in `shutdown`.
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The names of the actions the item activates in the application's
 * action group (the `app.` actions of a GApplication). */
#define SANDBAR_STATUS_ITEM_ACTION_LAUNCH  "launch"
#define SANDBAR_STATUS_ITEM_ACTION_PRESENT "present"
#define SANDBAR_STATUS_ITEM_ACTION_QUIT    "quit"

#define SANDBAR_TYPE_STATUS_ITEM (sandbar_status_item_get_type ())

G_DECLARE_FINAL_TYPE (SandbarStatusItem, sandbar_status_item, SANDBAR, STATUS_ITEM, GObject)

SandbarStatusItem *sandbar_status_item_new                (GListModel        *profiles,
                                                           GActionGroup      *actions,
                                                           GError           **error);

gboolean           sandbar_status_item_is_shown           (SandbarStatusItem *self);

const char        *sandbar_status_item_get_tooltip        (SandbarStatusItem *self);
void               sandbar_status_item_set_tooltip        (SandbarStatusItem *self,
                                                           const char        *tooltip);
const char        *sandbar_status_item_get_icon_theme_path (SandbarStatusItem *self);
void               sandbar_status_item_set_icon_theme_path (SandbarStatusItem *self,
                                                           const char        *path);
const char        *sandbar_status_item_get_activation_token (SandbarStatusItem *self);

void               sandbar_status_item_set_window_visible (SandbarStatusItem *self,
                                                           gboolean           visible);

G_END_DECLS
