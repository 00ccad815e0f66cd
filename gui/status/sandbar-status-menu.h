/* sandbar-status-menu.h — the entries of the menu-bar and tray menu
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Private to gui/status/ and gui/macos/. One place says what the menu
 * holds, so that the D-Bus menu and the NSMenu cannot drift apart: one
 * entry per profile, in the model's order, then a separator, "Edit
 * Profiles…" and "Quit". Every entry has an id that stays the same while
 * the entry exists (a profile keeps its id across renames and moves), and
 * activating an entry activates an action of the application.
 *
 * Plain GIO: no GTK, no D-Bus, no AppKit.
 */

#pragma once

#include <gio/gio.h>

#include "sandbar-status-item.h"

G_BEGIN_DECLS

typedef enum
{
  SANDBAR_STATUS_ENTRY_PROFILE,
  SANDBAR_STATUS_ENTRY_SEPARATOR,
  SANDBAR_STATUS_ENTRY_ACTION,
} SandbarStatusEntryKind;

/* Fixed ids. 0 is the root of a D-Bus menu, so no entry has it; profiles
 * count up from SANDBAR_STATUS_MENU_FIRST_PROFILE_ID and an id is never
 * given to another profile during the life of the menu. */
enum
{
  SANDBAR_STATUS_MENU_ROOT_ID          = 0,
  SANDBAR_STATUS_MENU_SEPARATOR_ID     = 1,
  SANDBAR_STATUS_MENU_EDIT_ID          = 2,
  SANDBAR_STATUS_MENU_QUIT_ID          = 3,
  SANDBAR_STATUS_MENU_FIRST_PROFILE_ID = 16,
};

/**
 * SandbarStatusEntry:
 * @id: the stable id
 * @kind: what it is
 * @label: the text shown, translated and without mnemonics; %NULL for the
 *   separator
 * @action: the action it activates, or %NULL for the separator
 * @target: the action's parameter (a string for profiles), or %NULL
 * @enabled: whether @action exists, is enabled and takes @target
 *
 * One entry. Owned by the menu: valid until the next change is announced.
 */
typedef struct
{
  int                     id;
  SandbarStatusEntryKind  kind;
  const char             *label;
  const char             *action;
  GVariant               *target;
  gboolean                enabled;
} SandbarStatusEntry;

#define SANDBAR_TYPE_STATUS_MENU (sandbar_status_menu_get_type ())

G_DECLARE_FINAL_TYPE (SandbarStatusMenu, sandbar_status_menu, SANDBAR, STATUS_MENU, GObject)

SandbarStatusMenu        *sandbar_status_menu_new           (GListModel        *profiles,
                                                             GActionGroup      *actions);
guint                     sandbar_status_menu_get_n_entries (SandbarStatusMenu *self);
const SandbarStatusEntry *sandbar_status_menu_get_entry     (SandbarStatusMenu *self,
                                                             guint              position);
const SandbarStatusEntry *sandbar_status_menu_lookup        (SandbarStatusMenu *self,
                                                             int                id);
gboolean                  sandbar_status_menu_activate      (SandbarStatusMenu *self,
                                                             int                id);

G_END_DECLS
