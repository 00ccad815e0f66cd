/* test-tray-process.c — sandbar-tray, the tray process, as a tray sees it
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the built `sandbar-tray` ($SANDBAR_TRAY_PROGRAM) on a private
 * session bus (GTestDBus) with a fake tray (sandbar-test-tray.c) and,
 * when a case needs one, a fake window process: a name on the bus with
 * an org.gtk.Actions object that records what it is asked. The terminal
 * is the recorder ($SANDBAR_TERMINAL), the window program a script that
 * records its arguments and focus token. No display, no GTK.
 *
 * What a user would see: the menu lists the profiles; a click opens a
 * terminal, or asks the open window; the icon opens the window with the
 * tray's focus token; Quit ends both; the process lives exactly while
 * there is an item in a tray or a window, and one runs at a time.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "sandbar-backend.h"
#include "sandbar-test-tray.h"
#include "sandbar-tray-link.h"

#define WINDOW_ID   "io.github.sandbar.Sandbar.TrayProcessTest"
#define TRAY_ID     WINDOW_ID SANDBAR_TRAY_LINK_TRAY_SUFFIX
#define ITEM_PATH   "/StatusNotifierItem"
#define ITEM_IFACE  "org.kde.StatusNotifierItem"
#define MENU_PATH   "/MenuBar"
#define MENU_IFACE  "com.canonical.dbusmenu"

typedef struct
{
  char               *dir;
  char               *profiles;
  char               *terminal_record;
  char               *window_record;
  char               *window_program;
  char               *terminal;     /* $SANDBAR_TERMINAL, if not the recorder */
  SandbarTestWatcher *watcher;
  GDBusConnection    *bus;          /* the test's calls, a tray's */
  GSubprocess        *tray;
  gboolean            tray_exited;
  int                 tray_status;
  char               *item_name;    /* the tray process's unique name */

  /* The fake window process */
  GDBusConnection    *window;
  guint               window_owner_id;
  guint               window_object_id;
  GPtrArray          *window_calls; /* "action(parameter) token" */
} Fixture;

/* ---------------------------------------------------------------------- */
/* The fake window process                                                */
/* ---------------------------------------------------------------------- */

static const char actions_xml[] =
  "<node>"
  "  <interface name='org.gtk.Actions'>"
  "    <method name='Activate'>"
  "      <arg type='s' name='action_name' direction='in'/>"
  "      <arg type='av' name='parameter' direction='in'/>"
  "      <arg type='a{sv}' name='platform_data' direction='in'/>"
  "    </method>"
  "  </interface>"
  "</node>";

static void
on_window_method (GDBusConnection       *connection,
                  const char            *sender,
                  const char            *object_path,
                  const char            *interface_name,
                  const char            *method_name,
                  GVariant              *parameters,
                  GDBusMethodInvocation *invocation,
                  gpointer               user_data)
{
  Fixture *f = user_data;
  g_autoptr(GVariant) parameter = NULL;
  g_autoptr(GVariant) platform_data = NULL;
  g_autoptr(GString) call = g_string_new (NULL);
  const char *action;
  const char *token = NULL;

  g_variant_get (parameters, "(&s@av@a{sv})", &action, &parameter, &platform_data);
  g_string_append (call, action);
  if (g_variant_n_children (parameter) > 0)
    {
      g_autoptr(GVariant) boxed = g_variant_get_child_value (parameter, 0);
      g_autoptr(GVariant) value = g_variant_get_variant (boxed);
      g_autofree char *printed = g_variant_print (value, FALSE);

      g_string_append_printf (call, "(%s)", printed);
    }
  if (g_variant_lookup (platform_data, "activation-token", "&s", &token))
    g_string_append_printf (call, " %s", token);

  g_ptr_array_add (f->window_calls, g_string_free (g_steal_pointer (&call), FALSE));
  g_dbus_method_invocation_return_value (invocation, NULL);
}

static const GDBusInterfaceVTable window_vtable = { on_window_method, NULL, NULL, { 0 } };

static void
window_start (Fixture *f)
{
  g_autoptr(GDBusNodeInfo) node = g_dbus_node_info_new_for_xml (actions_xml, NULL);
  g_autofree char *path = sandbar_tray_link_object_path (WINDOW_ID);
  g_autoptr(GError) error = NULL;

  f->window = sandbar_test_connect ();
  f->window_object_id = g_dbus_connection_register_object (f->window, path, node->interfaces[0],
                                                           &window_vtable, f, NULL, &error);
  g_assert_no_error (error);
  f->window_owner_id = g_bus_own_name_on_connection (f->window, WINDOW_ID,
                                                     G_BUS_NAME_OWNER_FLAGS_NONE,
                                                     NULL, NULL, NULL, NULL);
  SANDBAR_TEST_WAIT_UNTIL (sandbar_test_name_has_owner (f->bus, WINDOW_ID));
}

/* The window process ends: its name leaves the bus. */
static void
window_stop (Fixture *f)
{
  if (f->window == NULL)
    return;
  g_clear_handle_id (&f->window_owner_id, g_bus_unown_name);
  g_dbus_connection_unregister_object (f->window, f->window_object_id);
  g_dbus_connection_close_sync (f->window, NULL, NULL);
  g_clear_object (&f->window);
  SANDBAR_TEST_WAIT_UNTIL (!sandbar_test_name_has_owner (f->bus, WINDOW_ID));
}

static void
assert_window_calls (Fixture    *f,
                     const char *expected)
{
  g_autofree char *joined = NULL;

  g_ptr_array_add (f->window_calls, NULL);
  joined = g_strjoinv (" | ", (char **) f->window_calls->pdata);
  g_ptr_array_set_size (f->window_calls, 0);
  g_assert_cmpstr (joined, ==, expected);
}

/* ---------------------------------------------------------------------- */
/* The tray process                                                       */
/* ---------------------------------------------------------------------- */

static void
on_tray_exited (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Fixture *f = user_data;

  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  f->tray_status = g_subprocess_get_if_exited (G_SUBPROCESS (source))
                   ? g_subprocess_get_exit_status (G_SUBPROCESS (source)) : -1;
  f->tray_exited = TRUE;
}

static GSubprocess *
spawn_tray (Fixture *f)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_autofree char *terminal = NULL;
  g_autofree char *quoted = g_shell_quote (g_getenv ("SANDBAR_TEST_RECORDER"));
  g_autoptr(GError) error = NULL;
  GSubprocess *tray;

  terminal = f->terminal != NULL ? g_strdup (f->terminal)
                                 : g_strconcat (quoted, " --fake-terminal {}", NULL);
  /* G_TEST_OPTION_ISOLATE_DIRS gives children HOME=/dev/null. */
  g_subprocess_launcher_setenv (launcher, "HOME", g_get_home_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "SANDBAR_PROFILES_DIR", f->profiles, TRUE);
  g_subprocess_launcher_setenv (launcher, "SANDBAR_TERMINAL", terminal, TRUE);
  g_subprocess_launcher_setenv (launcher, "SANDBAR_RECORDER_OUT", f->terminal_record, TRUE);
  g_subprocess_launcher_setenv (launcher, "SANDBAR_WINDOW_RECORD", f->window_record, TRUE);
  g_subprocess_launcher_setenv (launcher, "GSETTINGS_BACKEND", "memory", TRUE);
  tray = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("SANDBAR_TRAY_PROGRAM"),
                                      "--window-app-id", WINDOW_ID,
                                      "--window-program", f->window_program, NULL);
  g_assert_no_error (error);
  return tray;
}

static void
tray_start (Fixture *f)
{
  f->tray = spawn_tray (f);
  g_subprocess_wait_async (f->tray, NULL, on_tray_exited, f);
}

/* Waits for the tray process to show its item; keeps its bus name. */
static void
tray_wait_shown (Fixture *f)
{
  GPtrArray *registrations = sandbar_test_watcher_get_registrations (f->watcher);

  SANDBAR_TEST_WAIT_UNTIL (registrations->len > 0 || f->tray_exited);
  g_assert_false (f->tray_exited);
  g_assert_cmpuint (registrations->len, ==, 1);
  f->item_name = g_strdup (g_ptr_array_index (registrations, 0));
}

static GVariant *
tray_call (Fixture    *f,
           const char *path,
           const char *interface_name,
           const char *method,
           GVariant   *parameters,
           const char *reply_type)
{
  g_autoptr(GError) error = NULL;
  GVariant *reply;

  reply = sandbar_test_call (f->bus, f->item_name, path, interface_name, method, parameters,
                             reply_type, &error);
  g_assert_no_error (error);
  return reply;
}

/* The menu's labels, and the id of the entry labelled @label. */
static char *
menu_labels (Fixture    *f,
             const char *label,
             int        *id)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariant) children = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  const char *no_names[] = { NULL };
  GVariantIter iter;
  GVariant *child;

  reply = tray_call (f, MENU_PATH, MENU_IFACE, "GetLayout",
                     g_variant_new ("(ii^as)", 0, -1, no_names), "(u(ia{sv}av))");
  g_variant_get (reply, "(u(i@a{sv}@av))", NULL, NULL, NULL, &children);
  g_variant_iter_init (&iter, children);
  while (g_variant_iter_loop (&iter, "v", &child))
    {
      g_autoptr(GVariant) properties = NULL;
      const char *child_label = "---";
      int child_id;

      g_variant_get (child, "(i@a{sv}@av)", &child_id, &properties, NULL);
      g_variant_lookup (properties, "label", "&s", &child_label);
      if (text->len > 0)
        g_string_append (text, " | ");
      g_string_append (text, child_label);
      if (g_str_equal (child_label, label))
        *id = child_id;
    }

  return g_strdup (text->str);
}

static void
click (Fixture    *f,
       const char *label)
{
  g_autofree char *labels = NULL;
  g_autoptr(GVariant) reply = NULL;
  int id = -1;

  labels = menu_labels (f, label, &id);
  g_assert_cmpint (id, >, 0);
  reply = tray_call (f, MENU_PATH, MENU_IFACE, "Event",
                     g_variant_new ("(isvu)", id, "clicked", g_variant_new_int32 (0), 0), "()");
}

/* A click on the icon, after the tray handed over a focus token. */
static void
click_icon (Fixture    *f,
            const char *token)
{
  g_autoptr(GVariant) reply = NULL;

  if (token != NULL)
    {
      reply = tray_call (f, ITEM_PATH, ITEM_IFACE, "ProvideXdgActivationToken",
                         g_variant_new ("(s)", token), "()");
      g_clear_pointer (&reply, g_variant_unref);
    }
  reply = tray_call (f, ITEM_PATH, ITEM_IFACE, "Activate", g_variant_new ("(ii)", 0, 0), "()");
}

/* The recorder's record: the working directory, then argv, NUL after each. */
static GStrv
read_record (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  gsize length;

  SANDBAR_TEST_WAIT_UNTIL (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  for (const char *p = contents; p < contents + length; p += strlen (p) + 1)
    g_strv_builder_add (builder, p);
  g_unlink (path);
  return g_strv_builder_end (builder);
}

/* ---------------------------------------------------------------------- */
/* Fixture                                                                */
/* ---------------------------------------------------------------------- */

/* The window program: a script that writes its focus token and its
 * arguments, one per line, to $SANDBAR_WINDOW_RECORD. */
static const char window_script[] =
  "#!/bin/sh\n"
  "{ printf 'token=%s\\n' \"${XDG_ACTIVATION_TOKEN-}\"; printf '%s\\n' \"$@\"; } "
  "> \"$SANDBAR_WINDOW_RECORD.tmp\"\n"
  "mv \"$SANDBAR_WINDOW_RECORD.tmp\" \"$SANDBAR_WINDOW_RECORD\"\n";

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("sandbar-tray-process-XXXXXX", &error);
  g_assert_no_error (error);
  /* The terminal starts in the home folder, which
   * G_TEST_OPTION_ISOLATE_DIRS names without making it. */
  g_assert_no_errno (g_mkdir_with_parents (g_get_home_dir (), 0700));
  f->profiles = g_build_filename (f->dir, "profiles", NULL);
  f->terminal_record = g_build_filename (f->dir, "terminal-record", NULL);
  f->window_record = g_build_filename (f->dir, "window-record", NULL);
  f->window_program = g_build_filename (f->dir, "sandbar", NULL);
  g_assert_true (g_file_set_contents (f->window_program, window_script, -1, NULL));
  g_assert_no_errno (g_chmod (f->window_program, 0700));
  f->window_calls = g_ptr_array_new_with_free_func (g_free);
  f->bus = sandbar_test_connect ();
  if (GPOINTER_TO_INT (data))
    f->watcher = sandbar_test_watcher_new (TRUE);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *command = g_strdup_printf ("rm -rf '%s'", f->dir);

  if (f->tray != NULL && !f->tray_exited)
    {
      g_subprocess_force_exit (f->tray);
      SANDBAR_TEST_WAIT_UNTIL (f->tray_exited);
    }
  g_clear_object (&f->tray);
  window_stop (f);
  g_clear_pointer (&f->watcher, sandbar_test_watcher_free);
  g_clear_object (&f->bus);
  g_ptr_array_unref (f->window_calls);
  g_free (f->item_name);
  g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
  g_free (f->dir);
  g_free (f->profiles);
  g_free (f->terminal_record);
  g_free (f->window_record);
  g_free (f->window_program);
  g_free (f->terminal);
}

/* ---------------------------------------------------------------------- */
/* Cases                                                                  */
/* ---------------------------------------------------------------------- */

/* No window: the menu is the profiles (the templates a new folder gets),
 * and a click opens a terminal under the profile, from the tray process. */
static void
test_launch_without_window (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(SandbarBackend) backend = sandbar_backend_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *labels = NULL;
  g_auto(GStrv) record = NULL;
  gboolean found = FALSE;
  int id = -1;

  tray_start (f);
  tray_wait_shown (f);
  labels = menu_labels (f, "Quit", &id);
  g_assert_cmpstr (labels, ==,
                   "Docker only | Full network, project writes | Git over SSH | "
                   "Read-only inspector | Shell, no network | --- | Edit Profiles… | Quit");

  if (!sandbar_backend_check_available (backend, &error))
    {
      g_test_skip (error->message);
      return;
    }

  click (f, "Docker only");
  record = read_record (f->terminal_record);
  g_assert_cmpstr (record[2], ==, "--fake-terminal");
  for (guint i = 0; record[i] != NULL; i++)
    if (g_str_equal (record[i], "SANDBAR_PROFILE") && g_strcmp0 (record[i + 1], "docker-only") == 0)
      found = TRUE;
  g_assert_true (found);
  g_assert_cmpuint (f->window_calls->len, ==, 0);
  g_assert_false (g_file_test (f->window_record, G_FILE_TEST_EXISTS));
}

/* No window: the icon and "Edit Profiles…" start the window program,
 * with the tray's focus token when it gave one. */
static void
test_present_starts_window (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *record = NULL;

  tray_start (f);
  tray_wait_shown (f);

  click_icon (f, "token-42");
  SANDBAR_TEST_WAIT_UNTIL (g_file_get_contents (f->window_record, &record, NULL, NULL));
  g_assert_cmpstr (record, ==, "token=token-42\n\n");
  g_unlink (f->window_record);
  g_clear_pointer (&record, g_free);

  click (f, "Edit Profiles…");
  SANDBAR_TEST_WAIT_UNTIL (g_file_get_contents (f->window_record, &record, NULL, NULL));
  g_assert_cmpstr (record, ==, "token=\n\n");
}

/* A launch that fails in the tray (here: a terminal that is not there)
 * opens the window with --launch, which says why where it can be fixed. */
static void
test_failed_launch_opens_window (Fixture       *f,
                                 gconstpointer  data)
{
  g_autofree char *record = NULL;

  f->terminal = g_strdup ("/nonexistent/terminal {}");
  tray_start (f);
  tray_wait_shown (f);

  click (f, "Shell, no network");
  SANDBAR_TEST_WAIT_UNTIL (g_file_get_contents (f->window_record, &record, NULL, NULL));
  g_assert_cmpstr (record, ==, "token=\n--launch\nshell-no-network\n");
  g_assert_false (g_file_test (f->terminal_record, G_FILE_TEST_EXISTS));
}

/* With the window open, the tray asks the window: it saves edits first
 * and reports in place. The focus token goes along. */
static void
test_window_running (Fixture       *f,
                     gconstpointer  data)
{
  window_start (f);
  tray_start (f);
  tray_wait_shown (f);

  click (f, "Git over SSH");
  SANDBAR_TEST_WAIT_UNTIL (f->window_calls->len == 1);
  assert_window_calls (f, "launch('git-over-ssh')");

  click_icon (f, "token-7");
  SANDBAR_TEST_WAIT_UNTIL (f->window_calls->len == 1);
  assert_window_calls (f, "present token-7");

  click (f, "Edit Profiles…");
  SANDBAR_TEST_WAIT_UNTIL (f->window_calls->len == 1);
  assert_window_calls (f, "present");

  /* Quit: the window quits too, and the tray process ends. */
  click (f, "Quit");
  SANDBAR_TEST_WAIT_UNTIL (f->tray_exited);
  g_assert_cmpint (f->tray_status, ==, 0);
  SANDBAR_TEST_WAIT_UNTIL (f->window_calls->len == 1);
  assert_window_calls (f, "quit");
  g_assert_false (g_file_test (f->window_record, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (f->terminal_record, G_FILE_TEST_EXISTS));
}

/* The window's Quit ends the tray process alone ("exit"). */
static void
test_exit (Fixture       *f,
           gconstpointer  data)
{
  window_start (f);
  tray_start (f);
  tray_wait_shown (f);

  sandbar_tray_link_activate (f->bus, TRAY_ID, SANDBAR_TRAY_LINK_ACTION_EXIT, NULL, NULL);
  SANDBAR_TEST_WAIT_UNTIL (f->tray_exited);
  g_assert_cmpint (f->tray_status, ==, 0);
  g_assert_cmpuint (f->window_calls->len, ==, 0);
}

/* The window closes: the tray process stays while its item is shown. */
static void
test_outlives_window (Fixture       *f,
                      gconstpointer  data)
{
  window_start (f);
  tray_start (f);
  tray_wait_shown (f);

  window_stop (f);
  /* Past the start-up grace: still there. */
  sandbar_test_run_for (6000);
  g_assert_false (f->tray_exited);
  g_assert_true (sandbar_test_name_has_owner (f->bus, TRAY_ID));
}

/* Without a tray it waits for one while the window runs, and ends when
 * the window does; nothing polls meanwhile. */
static void
test_no_tray (Fixture       *f,
              gconstpointer  data)
{
  gint64 vanished;

  window_start (f);
  tray_start (f);
  SANDBAR_TEST_WAIT_UNTIL (sandbar_test_name_has_owner (f->bus, TRAY_ID));

  /* Past the start-up grace, the window keeps it. */
  sandbar_test_run_for (6000);
  g_assert_false (f->tray_exited);

  window_stop (f);
  vanished = g_get_monotonic_time ();
  SANDBAR_TEST_WAIT_UNTIL (f->tray_exited);
  g_assert_cmpint (f->tray_status, ==, 0);
  g_assert_cmpint (g_get_monotonic_time () - vanished, <, 5 * G_USEC_PER_SEC);
}

/* Neither tray nor window: it gives a tray a few seconds, then ends. */
static void
test_nothing_to_do (Fixture       *f,
                    gconstpointer  data)
{
  tray_start (f);
  SANDBAR_TEST_WAIT_UNTIL (f->tray_exited);
  g_assert_cmpint (f->tray_status, ==, 0);
}

/* A second start (the window opened again) hands over and ends; the
 * first keeps the one item. */
static void
test_one_at_a_time (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GSubprocess) second = NULL;
  g_autoptr(GError) error = NULL;

  tray_start (f);
  tray_wait_shown (f);

  second = spawn_tray (f);
  g_subprocess_wait_check (second, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (f->tray_exited);
  g_assert_cmpuint (sandbar_test_watcher_get_registrations (f->watcher)->len, ==, 1);
}

/* Bad arguments: the field and the value, exit status 2. */
static void
test_bad_arguments (Fixture       *f,
                    gconstpointer  data)
{
  const char *program = g_getenv ("SANDBAR_TRAY_PROGRAM");
  struct {
    const char *option;
    const char *value;
    const char *message;
  } cases[] = {
    { "--window-app-id", "not an id", "--window-app-id: “not an id” is not an application id" },
    { "--window-program", "relative/sandbar", "--window-program: “relative/sandbar” is not an absolute path" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GSubprocess) tray = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      tray = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                               &error, program, cases[i].option, cases[i].value, NULL);
      g_assert_no_error (error);
      g_subprocess_communicate_utf8 (tray, NULL, NULL, &out, &err, &error);
      g_assert_no_error (error);
      g_assert_cmpint (g_subprocess_get_exit_status (tray), ==, 2);
      g_assert_nonnull (strstr (err, cases[i].message));
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  if (g_getenv ("SANDBAR_TRAY_PROGRAM") == NULL || g_getenv ("SANDBAR_TEST_RECORDER") == NULL)
    {
      g_print ("1..0 # SKIP SANDBAR_TRAY_PROGRAM and SANDBAR_TEST_RECORDER are not set\n");
      return 0;
    }

#define ADD(path, tray, func) \
  g_test_add ("/sandbar/tray-process/" path, Fixture, GINT_TO_POINTER (tray), \
              fixture_set_up, func, fixture_tear_down)

  ADD ("launch-without-window", TRUE, test_launch_without_window);
  ADD ("present-starts-window", TRUE, test_present_starts_window);
  ADD ("failed-launch-opens-window", TRUE, test_failed_launch_opens_window);
  ADD ("window-running", TRUE, test_window_running);
  ADD ("exit", TRUE, test_exit);
  ADD ("outlives-window", TRUE, test_outlives_window);
  ADD ("no-tray", FALSE, test_no_tray);
  ADD ("nothing-to-do", FALSE, test_nothing_to_do);
  ADD ("one-at-a-time", TRUE, test_one_at_a_time);
  ADD ("bad-arguments", FALSE, test_bad_arguments);

#undef ADD

  return sandbar_test_run_on_private_bus ();
}
