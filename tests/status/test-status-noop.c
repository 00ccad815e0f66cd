/* test-status-noop.c — the item where there is no menu bar or tray
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built against the no-op backend on every system, so that it keeps
 * compiling where it is not the one in use.
 */

#include "config.h"

#include <locale.h>

#include "sandbar-profile.h"
#include "sandbar-status-item.h"

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           gpointer    user_data)
{
  guint *count = user_data;

  (*count)++;
}

/* The item exists and is never shown: the application keeps its window as
 * the way in. The properties still behave. */
static void
test_never_shown (void)
{
  g_autoptr(GListStore) profiles = g_list_store_new (SANDBAR_TYPE_PROFILE);
  g_autoptr(GSimpleActionGroup) actions = g_simple_action_group_new ();
  g_autoptr(SandbarProfile) profile = sandbar_profile_new ("shell");
  g_autoptr(GError) error = NULL;
  SandbarStatusItem *item;
  guint tooltip_notifies = 0;

  g_list_store_append (profiles, profile);
  item = sandbar_status_item_new (G_LIST_MODEL (profiles), G_ACTION_GROUP (actions), &error);
  g_assert_no_error (error);
  g_assert_false (sandbar_status_item_is_shown (item));
  g_assert_cmpstr (sandbar_status_item_get_tooltip (item), ==, "Sandbar");

  g_signal_connect (item, "notify::tooltip", G_CALLBACK (on_notify), &tooltip_notifies);
  sandbar_status_item_set_tooltip (item, "Two profiles");
  sandbar_status_item_set_tooltip (item, "Two profiles");
  g_assert_cmpuint (tooltip_notifies, ==, 1);
  sandbar_status_item_set_tooltip (item, NULL);
  g_assert_cmpstr (sandbar_status_item_get_tooltip (item), ==, "Sandbar");

  sandbar_status_item_set_window_visible (item, TRUE);
  g_list_store_remove_all (profiles);
  g_assert_false (sandbar_status_item_is_shown (item));
  g_assert_null (sandbar_status_item_get_activation_token (item));

  g_assert_finalize_object (item);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sandbar/status-noop/never-shown", test_never_shown);

  return g_test_run ();
}
