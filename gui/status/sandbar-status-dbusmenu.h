/* sandbar-status-dbusmenu.h — a SandbarStatusMenu as com.canonical.dbusmenu
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sandbar-status-menu.h"

G_BEGIN_DECLS

typedef struct _SandbarStatusDbusmenu SandbarStatusDbusmenu;

SandbarStatusDbusmenu *_sandbar_status_dbusmenu_new          (GDBusConnection       *connection,
                                                              const char            *object_path,
                                                              SandbarStatusMenu     *menu,
                                                              GError               **error);
void                   _sandbar_status_dbusmenu_free         (SandbarStatusDbusmenu *self);
void                   _sandbar_status_dbusmenu_set_icon_theme_path (SandbarStatusDbusmenu *self,
                                                              const char            *path);

G_END_DECLS
