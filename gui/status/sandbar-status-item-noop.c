/* sandbar-status-item-noop.c — no menu-bar or tray item
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For systems with neither AppKit nor StatusNotifierItem trays. The item
 * exists but is never shown, so the application keeps its window as the
 * way in (and quits when it is closed).
 */

#include "config.h"

#include "sandbar-status-item-private.h"

struct _SandbarStatusBackend
{
  SandbarStatusMenu *menu;
};

SandbarStatusBackend *
_sandbar_status_backend_new (SandbarStatusItem  *item,
                             SandbarStatusMenu  *menu,
                             GError            **error)
{
  SandbarStatusBackend *self = g_new0 (SandbarStatusBackend, 1);

  self->menu = g_object_ref (menu);
  return self;
}

void
_sandbar_status_backend_free (SandbarStatusBackend *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->menu);
  g_free (self);
}

void
_sandbar_status_backend_tooltip_changed (SandbarStatusBackend *self)
{
}

void
_sandbar_status_backend_icon_theme_path_changed (SandbarStatusBackend *self)
{
}

void
_sandbar_status_backend_set_window_visible (SandbarStatusBackend *self,
                                            gboolean              visible)
{
}
