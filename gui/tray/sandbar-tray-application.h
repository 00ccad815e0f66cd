/* sandbar-tray-application.h — the tray process
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SANDBAR_TYPE_TRAY_APPLICATION (sandbar_tray_application_get_type ())

G_DECLARE_FINAL_TYPE (SandbarTrayApplication, sandbar_tray_application,
                      SANDBAR, TRAY_APPLICATION, GApplication)

SandbarTrayApplication *sandbar_tray_application_new (void);

G_END_DECLS
