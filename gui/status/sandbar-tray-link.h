/* sandbar-tray-link.h — the window process and the tray process
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Where the tray process is the way to the tray (Linux and the BSDs);
 * on macOS the menu-bar item lives in the window's process. */
#define SANDBAR_TRAY_LINK_TRAY_SUFFIX ".Tray"

/* The tray process's action that ends it alone: the window's Quit asks
 * for it (the tray's own Quit asks the window to quit as well). */
#define SANDBAR_TRAY_LINK_ACTION_EXIT "exit"

char     *sandbar_tray_link_tray_id        (const char       *window_app_id);
char     *sandbar_tray_link_object_path    (const char       *app_id);
void      sandbar_tray_link_activate       (GDBusConnection  *connection,
                                            const char       *app_id,
                                            const char       *action,
                                            GVariant         *parameter,
                                            const char       *activation_token);
char     *sandbar_tray_link_find_program   (void);
gboolean  sandbar_tray_link_start_tray     (const char       *window_app_id,
                                            GError          **error);

G_END_DECLS
