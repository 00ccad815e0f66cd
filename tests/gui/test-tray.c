/* test-tray.c — the application with a tray: the window is optional
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * With a tray on the desktop (a fake StatusNotifierWatcher on a private
 * session bus), closing the window leaves Sandbar running in the tray,
 * and the tray's "present" brings the window back; "quit" ends it. The
 * application runs for real (g_application_run), so these are the
 * lifetimes a user sees. Without a tray, closing the window quits: see
 * /sandbar/application/profile-option in test-window.c.
 *
 * Runs under dbus-run-session and Xvfb (see meson.build): the bus is
 * the test's own. Skips without a display or a session bus.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <locale.h>

#include "sandbar-application.h"
#include "sandbar-test-tray.h"

typedef struct
{
  SandbarApplication *app;
  SandbarTestWatcher *watcher;
  guint               step;
  guint               timeout;
  gboolean            ran_on;       /* alive with the window closed */
  gboolean            came_back;    /* "present" showed a window again */
} Run;

static gboolean
step (gpointer user_data)
{
  Run *run = user_data;
  GtkWindow *window = sandbar_application_get_window (run->app);

  switch (run->step)
    {
    case 0:
      /* Wait for the tray to list the item, then close the window. */
      if (sandbar_test_watcher_get_registrations (run->watcher)->len == 0 || window == NULL)
        return G_SOURCE_CONTINUE;
      gtk_window_close (window);
      break;

    case 1:
      /* A while later the application is still running: this runs. */
      g_assert_null (window);
      run->ran_on = TRUE;
      g_action_group_activate_action (G_ACTION_GROUP (run->app), "present", NULL);
      break;

    case 2:
      run->came_back = window != NULL && gtk_widget_get_visible (GTK_WIDGET (window));
      g_action_group_activate_action (G_ACTION_GROUP (run->app), "quit", NULL);
      run->timeout = 0;
      return G_SOURCE_REMOVE;

    default:
      g_assert_not_reached ();
    }

  run->step++;
  return G_SOURCE_CONTINUE;
}

static void
test_window_is_optional (void)
{
  g_autofree char *dir = g_dir_make_tmp ("sandbar-tray-XXXXXX", NULL);
  g_autofree char *profiles = g_build_filename (dir, "profiles", NULL);
  g_autofree char *command = g_strdup_printf ("rm -rf '%s'", dir);
  g_autoptr(SandbarTestWatcher) watcher = sandbar_test_watcher_new (TRUE);
  char *argv[] = { (char *) "sandbar", NULL };
  Run run = { 0 };

  g_setenv ("SANDBAR_PROFILES_DIR", profiles, TRUE);
  run.app = sandbar_application_new ("io.github.sandbar.Sandbar.TrayTest",
                                     G_APPLICATION_NON_UNIQUE);
  run.watcher = watcher;
  run.timeout = g_timeout_add (300, step, &run);

  g_assert_cmpint (g_application_run (G_APPLICATION (run.app), 1, argv), ==, 0);
  g_clear_handle_id (&run.timeout, g_source_remove);

  g_assert_cmpuint (run.step, ==, 2);
  g_assert_true (run.ran_on);
  g_assert_true (run.came_back);
  g_clear_object (&run.app);

  g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GDBusConnection) session = NULL;

  gtk_disable_setlocale ();
  setlocale (LC_ALL, "C.UTF-8");
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 77;
    }

  session = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  if (session == NULL)
    {
      g_print ("1..0 # SKIP no session bus (run under dbus-run-session)\n");
      return 77;
    }

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sandbar/application/window-is-optional", test_window_is_optional);
  return g_test_run ();
}
