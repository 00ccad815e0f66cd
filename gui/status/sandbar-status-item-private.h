/* sandbar-status-item-private.h — between the item and its platform backend
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sandbar-status-item.c holds the GObject (properties, notifications);
 * exactly one backend file implements the _sandbar_status_backend_*()
 * functions: sandbar-status-item-sni.c (D-Bus), ../macos/
 * sandbar-status-item-macos.m (AppKit) or sandbar-status-item-noop.c.
 *
 * The item owns its backend and frees it in dispose; the backend keeps a
 * borrowed pointer to the item to report back. Pure C and GIO, so that
 * the Objective-C file can include it.
 */

#pragma once

#include <gio/gio.h>

#include "sandbar-status-item.h"
#include "sandbar-status-menu.h"

G_BEGIN_DECLS

typedef struct _SandbarStatusBackend SandbarStatusBackend;

/* Implemented by the backend. new() shows the item; free() removes it. */
SandbarStatusBackend *_sandbar_status_backend_new                  (SandbarStatusItem    *item,
                                                                    SandbarStatusMenu    *menu,
                                                                    GError              **error);
void                  _sandbar_status_backend_free                 (SandbarStatusBackend *backend);
void                  _sandbar_status_backend_tooltip_changed      (SandbarStatusBackend *backend);
void                  _sandbar_status_backend_icon_theme_path_changed (SandbarStatusBackend *backend);
void                  _sandbar_status_backend_set_window_visible   (SandbarStatusBackend *backend,
                                                                    gboolean              visible);

/* Implemented by the item, for the backend. */
void                  _sandbar_status_item_set_shown               (SandbarStatusItem    *self,
                                                                    gboolean              shown);
void                  _sandbar_status_item_set_activation_token    (SandbarStatusItem    *self,
                                                                    const char           *token);

G_END_DECLS
