/* test-tray.c — the application with a tray: the window is optional
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * With a tray on the desktop (a fake StatusNotifierWatcher on a private
 * session bus), the window process starts the tray process (the built
 * sandbar-tray, $SANDBAR_TRAY_PROGRAM), which shows the item. Closing
 * the window ends the window process and leaves the tray process; the
 * tray's clicks reach the window while it runs; Quit in the window ends
 * both. The application runs for real (g_application_run), so these are
 * the lifetimes a user sees. The tray process on its own is tested in
 * tests/status/test-tray-process.c.
 *
 * Runs under dbus-run-session and Xvfb (see meson.build): the bus is
 * the test's own. Skips without a display or a session bus.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <locale.h>

#include <string.h>

#include "sandbar-application.h"
#include "sandbar-backend.h"
#include "sandbar-test-tray.h"
#include "sandbar-tray-link.h"

#define TEST_APP_ID "io.github.sandbar.Sandbar.TrayTest"
#define TEST_TRAY_ID TEST_APP_ID SANDBAR_TRAY_LINK_TRAY_SUFFIX

typedef struct
{
  SandbarApplication *app;
  SandbarTestWatcher *watcher;
  guint               timeout;
  gboolean            closed;
} Run;

static gboolean
close_when_shown (gpointer user_data)
{
  Run *run = user_data;
  GtkWindow *window = sandbar_application_get_window (run->app);

  /* Wait until the tray shows the item (the tray process registered it),
   * then close the window as a user does. */
  if (sandbar_test_watcher_get_registrations (run->watcher)->len == 0 || window == NULL)
    return G_SOURCE_CONTINUE;

  gtk_window_close (window);
  run->closed = TRUE;
  run->timeout = 0;
  return G_SOURCE_REMOVE;
}

static void
test_window_is_optional (void)
{
  g_autofree char *dir = g_dir_make_tmp ("sandbar-tray-XXXXXX", NULL);
  g_autofree char *profiles = g_build_filename (dir, "profiles", NULL);
  g_autofree char *command = g_strdup_printf ("rm -rf '%s'", dir);
  g_autoptr(SandbarTestWatcher) watcher = sandbar_test_watcher_new (TRUE);
  g_autoptr(GDBusConnection) bus = sandbar_test_connect ();
  char *argv[] = { (char *) "sandbar", NULL };
  Run run = { 0 };

  g_setenv ("SANDBAR_PROFILES_DIR", profiles, TRUE);
  run.app = sandbar_application_new (TEST_APP_ID, G_APPLICATION_DEFAULT_FLAGS);
  run.watcher = watcher;
  run.timeout = g_timeout_add (100, close_when_shown, &run);

  /* Closing the window ends the window process… */
  g_assert_cmpint (g_application_run (G_APPLICATION (run.app), 1, argv), ==, 0);
  g_clear_handle_id (&run.timeout, g_source_remove);
  g_assert_true (run.closed);
  g_clear_object (&run.app);

  /* …and the item stays, in the tray process. */
  g_assert_false (sandbar_test_name_has_owner (bus, TEST_APP_ID));
  g_assert_true (sandbar_test_name_has_owner (bus, TEST_TRAY_ID));
  g_assert_cmpuint (sandbar_test_watcher_get_registrations (watcher)->len, ==, 1);

  /* The tray's Quit ends it. */
  sandbar_tray_link_activate (bus, TEST_TRAY_ID, "quit", NULL, NULL);
  SANDBAR_TEST_WAIT_UNTIL (!sandbar_test_name_has_owner (bus, TEST_TRAY_ID));

  g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
}


/* The whole way a user takes: the tray lists the store's profiles, and a
 * click on one opens a terminal under it (a fake terminal records the
 * command line). The calls go over D-Bus, asynchronously, because the
 * application answers them from this thread's main loop. With the window
 * open, the tray process hands the click to the window's `launch`. Quit
 * in the window ends the tray process too. */
typedef struct
{
  SandbarApplication *app;
  SandbarTestWatcher *watcher;
  GDBusConnection    *tray;
  char               *record;
  guint               step;
  guint               timeout;
  gboolean            busy;
  GPtrArray          *labels;
  int                 docker_id;
  gboolean            launched;
  gboolean            tray_was_running;
} Click;

static void
on_layout (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Click *click = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result,
                                                            &error);
  g_autoptr(GVariant) root = NULL;
  g_autoptr(GVariant) children = NULL;

  g_assert_no_error (error);
  g_variant_get (reply, "(u@(ia{sv}av))", NULL, &root);
  children = g_variant_get_child_value (root, 2);
  for (gsize i = 0; i < g_variant_n_children (children); i++)
    {
      g_autoptr(GVariant) boxed = g_variant_get_child_value (children, i);
      g_autoptr(GVariant) child = g_variant_get_variant (boxed);
      g_autoptr(GVariant) props = g_variant_get_child_value (child, 1);
      const char *label = NULL;
      int id;

      g_variant_get_child (child, 0, "i", &id);
      if (!g_variant_lookup (props, "label", "&s", &label))
        label = "";
      g_ptr_array_add (click->labels, g_strdup (label));
      if (g_str_equal (label, "Docker only"))
        click->docker_id = id;
    }
  click->busy = FALSE;
}

static void
on_event (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  Click *click = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result,
                                                            &error);

  g_assert_no_error (error);
  click->busy = FALSE;
}

static gboolean
click_step (gpointer user_data)
{
  Click *click = user_data;
  GPtrArray *registrations = sandbar_test_watcher_get_registrations (click->watcher);

  if (click->busy)
    return G_SOURCE_CONTINUE;

  switch (click->step)
    {
    case 0:
      if (registrations->len == 0)
        return G_SOURCE_CONTINUE;
      click->busy = TRUE;
      g_dbus_connection_call (click->tray, g_ptr_array_index (registrations, 0), "/MenuBar",
                              "com.canonical.dbusmenu", "GetLayout",
                              g_variant_new ("(ii@as)", 0, -1, g_variant_new_strv (NULL, 0)),
                              G_VARIANT_TYPE ("(u(ia{sv}av))"), G_DBUS_CALL_FLAGS_NONE, -1,
                              NULL, on_layout, click);
      break;

    case 1:
      g_assert_cmpint (click->docker_id, >, 0);
      click->busy = TRUE;
      g_dbus_connection_call (click->tray, g_ptr_array_index (registrations, 0), "/MenuBar",
                              "com.canonical.dbusmenu", "Event",
                              g_variant_new ("(isvu)", click->docker_id, "clicked",
                                             g_variant_new_int32 (0), 0),
                              NULL, G_DBUS_CALL_FLAGS_NONE, -1, NULL, on_event, click);
      break;

    case 2:
      if (!g_file_test (click->record, G_FILE_TEST_EXISTS))
        return G_SOURCE_CONTINUE;
      click->launched = TRUE;
      click->tray_was_running = sandbar_test_name_has_owner (click->tray, TEST_TRAY_ID);
      g_action_group_activate_action (G_ACTION_GROUP (click->app), "quit", NULL);
      click->timeout = 0;
      return G_SOURCE_REMOVE;

    default:
      g_assert_not_reached ();
    }

  click->step++;
  return G_SOURCE_CONTINUE;
}

static void
test_tray_click_launches (void)
{
  g_autofree char *dir = g_dir_make_tmp ("sandbar-tray-XXXXXX", NULL);
  g_autofree char *profiles = g_build_filename (dir, "profiles", NULL);
  g_autofree char *command = g_strdup_printf ("rm -rf '%s'", dir);
  g_autoptr(SandbarTestWatcher) watcher = sandbar_test_watcher_new (TRUE);
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(SandbarBackend) backend = sandbar_backend_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *quoted = NULL;
  g_autofree char *template = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  gboolean found = FALSE;
  char *argv[] = { (char *) "sandbar", NULL };
  const char *recorder = g_getenv ("SANDBAR_TEST_RECORDER");
  const char *expected[] = {
    "Docker only", "Full network, project writes", "Git over SSH", "Read-only inspector",
    "Shell, no network", "", "Edit Profiles…", "Quit",
  };
  Click click = { 0 };

  if (recorder == NULL || !sandbar_backend_check_available (backend, &error))
    {
      g_test_skip (recorder == NULL ? "SANDBAR_TEST_RECORDER is not set" : error->message);
      return;
    }

  g_setenv ("SANDBAR_PROFILES_DIR", profiles, TRUE);
  click.record = g_build_filename (dir, "record", NULL);
  g_setenv ("SANDBAR_RECORDER_OUT", click.record, TRUE);
  settings = g_settings_new ("io.github.sandbar.Sandbar");
  quoted = g_shell_quote (recorder);
  template = g_strconcat (quoted, " --fake-terminal {}", NULL);
  g_settings_set_string (settings, "terminal", "custom");
  g_settings_set_string (settings, "custom-terminal-command", template);

  click.app = sandbar_application_new (TEST_APP_ID, G_APPLICATION_DEFAULT_FLAGS);
  click.watcher = watcher;
  click.tray = sandbar_test_connect ();
  click.labels = g_ptr_array_new_with_free_func (g_free);
  click.timeout = g_timeout_add (100, click_step, &click);

  g_assert_cmpint (g_application_run (G_APPLICATION (click.app), 1, argv), ==, 0);
  g_clear_handle_id (&click.timeout, g_source_remove);

  /* The menu is the store's profiles, in its order, then the fixed items. */
  g_assert_cmpuint (click.labels->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (g_ptr_array_index (click.labels, i), ==, expected[i]);

  g_assert_true (click.launched);
  g_assert_true (g_file_get_contents (click.record, &contents, &length, NULL));
  for (const char *p = contents; p + 1 < contents + length; p += strlen (p) + 1)
    if (g_str_equal (p, "SANDBAR_PROFILE") && g_str_equal (p + strlen (p) + 1, "docker-only"))
      found = TRUE;
  g_assert_true (found);

  /* Quit in the window: the tray process ends too. */
  g_assert_true (click.tray_was_running);
  SANDBAR_TEST_WAIT_UNTIL (!sandbar_test_name_has_owner (click.tray, TEST_TRAY_ID));

  g_clear_object (&click.app);
  g_clear_object (&click.tray);
  g_ptr_array_unref (click.labels);
  g_free (click.record);
  g_unsetenv ("SANDBAR_RECORDER_OUT");
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
  g_test_add_func ("/sandbar/application/tray-click-launches", test_tray_click_launches);
  return g_test_run ();
}
