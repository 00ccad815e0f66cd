/* sandbar-status-demo.c — the tray item with made-up profiles, by hand
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shows the item in the tray of the running desktop (KDE, XFCE, Cinnamon,
 * MATE, waybar, GNOME with the AppIndicator extension) and prints each
 * action a click activates. Type a line to rename the first profile, an
 * empty line to add one; "Quit" in the menu or Ctrl-C ends it.
 *
 *   _build/tests/status/sandbar-status-demo
 */

#include "config.h"

#include <glib-unix.h>
#include <locale.h>
#include <stdio.h>

#include "sandbar-profile.h"
#include "sandbar-status-item.h"

static GMainLoop *loop;

static void
print_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  SandbarStatusItem *item = *(SandbarStatusItem **) user_data;
  const char *token = sandbar_status_item_get_activation_token (item);

  g_print ("app.%s%s%s%s%s\n", g_action_get_name (G_ACTION (action)),
           parameter != NULL ? " " : "",
           parameter != NULL ? g_variant_get_string (parameter, NULL) : "",
           token != NULL ? ", activation token " : "", token != NULL ? token : "");
  if (g_str_equal (g_action_get_name (G_ACTION (action)), "quit"))
    g_main_loop_quit (loop);
}

static void
on_shown (SandbarStatusItem *item,
          GParamSpec        *pspec,
          gpointer           user_data)
{
  g_print (sandbar_status_item_is_shown (item) ? "shown in the tray\n"
                                               : "no tray shows it (is there one?)\n");
}

static gboolean
on_input (gint         fd,
          GIOCondition condition,
          gpointer     user_data)
{
  GListStore *profiles = user_data;
  char line[256];
  static int added;

  if (fgets (line, sizeof line, stdin) == NULL)
    return G_SOURCE_REMOVE;
  g_strchomp (line);

  if (line[0] == '\0')
    {
      g_autofree char *id = g_strdup_printf ("added-%d", ++added);
      g_autoptr(SandbarProfile) profile = sandbar_profile_new (id);

      sandbar_profile_set_name (profile, id);
      g_list_store_append (profiles, profile);
    }
  else if (g_list_model_get_n_items (G_LIST_MODEL (profiles)) > 0)
    {
      g_autoptr(SandbarProfile) first = g_list_model_get_item (G_LIST_MODEL (profiles), 0);

      sandbar_profile_set_name (first, line);
    }
  return G_SOURCE_CONTINUE;
}

static gboolean
on_sigint (gpointer user_data)
{
  g_main_loop_quit (loop);
  return G_SOURCE_REMOVE;
}

int
main (int   argc,
      char *argv[])
{
  static const struct { const char *id; const char *name; } made_up[] = {
    { "docker-only", "Docker only" },
    { "git-over-ssh", "Git over SSH" },
    { "shell-no-network", "Shell, no network" },
  };
  g_autoptr(GListStore) profiles = g_list_store_new (SANDBAR_TYPE_PROFILE);
  g_autoptr(GSimpleActionGroup) actions = g_simple_action_group_new ();
  g_autoptr(SandbarStatusItem) item = NULL;
  g_autoptr(GError) error = NULL;
  const GActionEntry entries[] = {
    { "launch", print_action, "s" },
    { "present", print_action },
    { "quit", print_action },
  };

  setlocale (LC_ALL, "");

  for (guint i = 0; i < G_N_ELEMENTS (made_up); i++)
    {
      g_autoptr(SandbarProfile) profile = sandbar_profile_new (made_up[i].id);

      sandbar_profile_set_name (profile, made_up[i].name);
      g_list_store_append (profiles, profile);
    }
  g_action_map_add_action_entries (G_ACTION_MAP (actions), entries, G_N_ELEMENTS (entries),
                                   &item);

  item = sandbar_status_item_new (G_LIST_MODEL (profiles), G_ACTION_GROUP (actions), &error);
  if (item == NULL)
    {
      g_printerr ("sandbar-status-demo: %s\n", error->message);
      return 1;
    }
  g_signal_connect (item, "notify::shown", G_CALLBACK (on_shown), NULL);
  on_shown (item, NULL, NULL);

  loop = g_main_loop_new (NULL, FALSE);
  g_unix_fd_add (0, G_IO_IN, on_input, profiles);
  g_unix_signal_add (SIGINT, on_sigint, NULL);
  g_main_loop_run (loop);
  g_main_loop_unref (loop);
  return 0;
}
