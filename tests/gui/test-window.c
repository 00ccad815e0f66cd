/* test-window.c — the window, driven through its widgets
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each test starts the application on a fresh profiles folder (seeded with
 * the built-in templates), drives the real window the way a user would —
 * typing into rows, flipping switches, choosing from menus — and checks
 * what the user would notice: the preview shows exactly what the core
 * renders for the same profile, the file on disk follows, invalid input
 * is refused where it was typed, and undo gives the file back. It also
 * saves screenshots for people to look at.
 *
 * Runs under Xvfb (see meson.build); without a display it is skipped.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <gtksourceview/gtksource.h>
#include <string.h>

#include "sandbar-application.h"
#include "sandbar-editor.h"
#include "sandbar-launcher.h"
#include "sandbar-path-list.h"
#include "sandbar-policy.h"
#include "sandbar-preview.h"
#include "sandbar-profile-list.h"
#include "sandbar-sbpl.h"
#include "sandbar-summary.h"
#include "sandbar-templates.h"
#include "sandbar-window.h"

#define TEST_APP_ID "io.github.sandbar.Sandbar.Test"

/* The window saves this long after the last edit; tests wait longer. */
#define SAVE_WAIT_MS 3000
/* As in sandbar-window-private.h. */
#define SANDBAR_WINDOW_SAVE_DELAY_MS 400

typedef struct
{
  char               *dir;
  char               *profiles;
  SandbarApplication *app;
  SandbarWindow      *window;
  SandbarEditor      *editor;
  SandbarPreview     *preview;
  SandbarProfileList *list;
} Fixture;

/* Files written into the profiles folder before the application starts,
 * as "name", "contents", …, NULL. */
typedef struct
{
  const char * const *files;
} FixtureData;

/* ---------------------------------------------------------------------- */
/* Main loop helpers                                                      */
/* ---------------------------------------------------------------------- */

static void
wait_ms (guint ms)
{
  gint64 until = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

typedef gboolean (*Condition) (gpointer data);

/* Iterates until @condition holds, or fails after @timeout_ms. */
static void
wait_for (Condition   condition,
          gpointer    data,
          guint       timeout_ms,
          const char *what)
{
  gint64 until = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > until)
        g_error ("Timed out waiting for %s", what);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static gpointer
child (gpointer    widget,
       GType       type,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (object);
  return object;
}

/* ---------------------------------------------------------------------- */
/* Fixture                                                                */
/* ---------------------------------------------------------------------- */

static void
reset_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  static guint n_apps;
  const FixtureData *data = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *app_id = NULL;

  /* The trash needs them; an isolated test starts without them. `~` in
   * profiles is $HOME, which isolation leaves at /dev/null. */
  g_assert_no_errno (g_mkdir_with_parents (g_get_home_dir (), 0700));
  g_setenv ("HOME", g_get_home_dir (), TRUE);
  g_assert_no_errno (g_mkdir_with_parents (g_get_user_data_dir (), 0700));

  fixture->dir = g_dir_make_tmp ("sandbar-gui-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->profiles = g_build_filename (fixture->dir, "profiles", NULL);
  g_setenv ("SANDBAR_PROFILES_DIR", fixture->profiles, TRUE);

  /* A folder that does not exist yet is seeded with the templates; extra
   * files go in after seeding, as a user would add them. */
  if (data != NULL && data->files != NULL)
    {
      g_autoptr(SandbarProfileStore) seeder = sandbar_profile_store_new (fixture->profiles);

      g_assert_true (sandbar_profile_store_load (seeder, &error));
      g_assert_no_error (error);
      for (guint i = 0; data->files[i] != NULL; i += 2)
        {
          g_autofree char *path = g_build_filename (fixture->profiles, data->files[i], NULL);

          g_assert_true (g_file_set_contents (path, data->files[i + 1], -1, &error));
          g_assert_no_error (error);
        }
    }

  reset_settings ();
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_LIGHT);

  app_id = g_strdup_printf ("%s%u", TEST_APP_ID, ++n_apps);
  fixture->app = sandbar_application_new (app_id, G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (fixture->app), NULL, &error));
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (fixture->app));

  fixture->window = SANDBAR_WINDOW (sandbar_application_get_window (fixture->app));
  g_assert_nonnull (fixture->window);
  fixture->editor = child (fixture->window, SANDBAR_TYPE_WINDOW, "editor");
  fixture->preview = child (fixture->window, SANDBAR_TYPE_WINDOW, "preview");
  fixture->list = child (fixture->window, SANDBAR_TYPE_WINDOW, "profile_list");

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autofree char *command = NULL;

  /* The window and everything in it go away with it. (A registered
   * GtkApplication keeps a reference to itself until it shuts down, which
   * needs g_application_run(): each test has its own application id.) */
  if (fixture->window != NULL)
    {
      g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *) &fixture->window);
      gtk_window_destroy (GTK_WINDOW (fixture->window));
      wait_ms (50);
      g_assert_null (fixture->window);
    }
  g_object_unref (fixture->app);

  command = g_strdup_printf ("rm -rf '%s'", fixture->dir);
  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL));
  g_free (fixture->profiles);
  g_free (fixture->dir);
}

/* ---------------------------------------------------------------------- */
/* Driving the window                                                     */
/* ---------------------------------------------------------------------- */

/* Selects a profile by clicking its row, as it were: through the list's
 * selection model. */
static void
select_in_list (Fixture    *fixture,
                const char *id)
{
  GtkListView *view = child (fixture->list, SANDBAR_TYPE_PROFILE_LIST, "list_view");
  GtkSelectionModel *model = gtk_list_view_get_model (view);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      g_autoptr(SandbarProfile) profile = g_list_model_get_item (G_LIST_MODEL (model), i);

      if (g_str_equal (sandbar_profile_get_id (profile), id))
        {
          gtk_selection_model_select_item (model, i, TRUE);
          g_assert_cmpstr (sandbar_profile_get_id (sandbar_window_get_profile (fixture->window)),
                           ==, id);
          return;
        }
    }

  g_error ("No profile %s in the list", id);
}

static void
type_into (gpointer    editable,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (editable), text);
}

static SandbarPathList *
editor_list (Fixture    *fixture,
             const char *name)
{
  return child (fixture->editor, SANDBAR_TYPE_EDITOR, name);
}

static GtkEditable *
row_entry (SandbarPathRow *row)
{
  return child (row, SANDBAR_TYPE_PATH_ROW, "entry");
}

static void
activate_app_action (Fixture    *fixture,
                     const char *name,
                     GVariant   *parameter)
{
  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), name, parameter);
}

static void
on_clipboard_text (GObject      *clipboard,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  char **text = user_data;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (clipboard), result, NULL);
  if (*text == NULL)
    *text = g_strdup ("");
}

static gboolean
is_set (gpointer pointer)
{
  return *(char **) pointer != NULL;
}

static char *
read_clipboard (GtkWidget *widget)
{
  char *text = NULL;

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL, on_clipboard_text,
                                 &text);
  wait_for (is_set, &text, 5000, "the clipboard");
  return text;
}

/* ---------------------------------------------------------------------- */
/* What the core says                                                     */
/* ---------------------------------------------------------------------- */

static SandbarSbpl *
render (SandbarProfile *profile)
{
  g_autoptr(SandbarPathResolver) resolver = sandbar_path_resolver_new ();
  g_autoptr(SandbarPolicy) policy = NULL;
  g_autoptr(GError) error = NULL;

  policy = sandbar_policy_new (profile, resolver, SANDBAR_POLICY_NONE, &error);
  g_assert_no_error (error);
  return sandbar_sbpl_render (policy);
}

static char *
preview_text (Fixture *fixture)
{
  GtkTextView *view = child (fixture->preview, SANDBAR_TYPE_PREVIEW, "source_view");
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Like g_assert_cmpstr(), but shows only the first line that differs. */
static void
assert_same_text (const char *shown,
                  const char *expected)
{
  g_auto(GStrv) a = g_strsplit (shown, "\n", -1);
  g_auto(GStrv) b = g_strsplit (expected, "\n", -1);
  guint i;

  if (g_str_equal (shown, expected))
    return;

  for (i = 0; a[i] != NULL && b[i] != NULL && g_str_equal (a[i], b[i]); i++)
    ;
  g_error ("Preview differs from the core's rendering at line %u:\n  shown:    %s\n"
           "  expected: %s", i + 1, a[i] != NULL ? a[i] : "(end)", b[i] != NULL ? b[i] : "(end)");
}

/* The preview's text and parameter table are exactly the core's. */
static void
assert_preview_is (Fixture        *fixture,
                   SandbarProfile *expected)
{
  g_autoptr(SandbarSbpl) sbpl = render (expected);
  g_autofree char *text = preview_text (fixture);
  GtkColumnView *table = child (fixture->preview, SANDBAR_TYPE_PREVIEW, "params_view");
  GtkStack *stack = child (fixture->preview, SANDBAR_TYPE_PREVIEW, "stack");
  GListModel *rows;

  g_assert_false (sandbar_preview_get_stale (fixture->preview));
  assert_same_text (text, sbpl->text->str);

  /* The table, as the Parameters page shows it. */
  gtk_stack_set_visible_child_name (stack, "parameters");
  rows = G_LIST_MODEL (gtk_column_view_get_model (table));
  g_assert_nonnull (rows);

  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, sbpl->params->len);
  for (guint i = 0; i < sbpl->params->len; i++)
    {
      SandbarSbplParam *param = g_ptr_array_index (sbpl->params, i);
      g_autoptr(GObject) row = g_list_model_get_item (rows, i);
      g_autofree char *name = NULL;
      g_autofree char *value = NULL;

      g_object_get (row, "name", &name, "value", &value, NULL);
      g_assert_cmpstr (name, ==, param->name);
      g_assert_cmpstr (value, ==, param->value);
    }
  gtk_stack_set_visible_child_name (stack, "profile");
}

static char *
profile_path (Fixture    *fixture,
              const char *id)
{
  g_autofree char *name = g_strconcat (id, ".sandbar", NULL);

  return g_build_filename (fixture->profiles, name, NULL);
}

static GBytes *
read_bytes (Fixture    *fixture,
            const char *id)
{
  g_autofree char *path = profile_path (fixture, id);
  g_autoptr(GError) error = NULL;
  char *data;
  gsize length;

  if (!g_file_get_contents (path, &data, &length, &error))
    return NULL;
  return g_bytes_new_take (data, length);
}

static SandbarProfile *
read_profile (Fixture    *fixture,
              const char *id)
{
  g_autoptr(GBytes) bytes = read_bytes (fixture, id);
  gsize length;
  const char *data;

  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &length);
  return sandbar_profile_new_from_data (id, data, length, NULL, NULL);
}

typedef struct
{
  Fixture        *fixture;
  SandbarProfile *expected;
} DiskCheck;

static gboolean
disk_has (gpointer user_data)
{
  DiskCheck *check = user_data;
  g_autoptr(SandbarProfile) on_disk =
    read_profile (check->fixture, sandbar_profile_get_id (check->expected));

  return on_disk != NULL && sandbar_profile_equal (on_disk, check->expected);
}

static void
assert_disk_gets (Fixture        *fixture,
                  SandbarProfile *expected)
{
  DiskCheck check = { fixture, expected };

  wait_for (disk_has, &check, SAVE_WAIT_MS, "the profile to be saved");
}

static gboolean
file_exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static SandbarProfile *
copy_of_stored (Fixture    *fixture,
                const char *id)
{
  g_autoptr(SandbarProfile) on_disk = read_profile (fixture, id);

  g_assert_nonnull (on_disk);
  return g_steal_pointer (&on_disk);
}

/* ---------------------------------------------------------------------- */
/* Screenshots                                                            */
/* ---------------------------------------------------------------------- */

static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = g_strconcat (name, ".png", NULL);
  g_autofree char *path = NULL;
  const char *dir = g_getenv ("SANDBAR_SCREENSHOT_DIR");
  GtkSnapshot *snapshot;
  GskRenderer *renderer;
  int width, height;

  /* Let transitions (revealers, toasts) finish. */
  gtk_test_widget_wait_for_draw (widget);
  wait_ms (500);

  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));

  if (dir == NULL)
    dir = g_get_tmp_dir ();
  g_assert_no_errno (g_mkdir_with_parents (dir, 0755));
  path = g_build_filename (dir, file, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Screenshot: %s", path);
}

/* ---------------------------------------------------------------------- */
/* Tests                                                                  */
/* ---------------------------------------------------------------------- */

static void
test_edit_fields (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(SandbarProfile) expected = NULL;
  g_autoptr(SandbarSocketRule) typed = NULL;
  g_autoptr(SandbarSocketRule) agent = NULL;
  g_autoptr(SandbarProfile) early = NULL;
  SandbarPathList *sockets = editor_list (fixture, "sockets_list");
  GtkSwitch *temp = child (fixture->editor, SANDBAR_TYPE_EDITOR, "include_temp_switch");
  AdwComboRow *network = child (fixture->editor, SANDBAR_TYPE_EDITOR, "network_access_row");
  AdwWindowTitle *title = child (fixture->window, SANDBAR_TYPE_WINDOW, "window_title");
  SandbarPathRow *row;

  g_setenv ("SSH_AUTH_SOCK", "/tmp/sandbar-test-agent.sock", TRUE);

  select_in_list (fixture, "docker-only");
  expected = copy_of_stored (fixture, "docker-only");
  assert_preview_is (fixture, expected);

  /* Text: the name, shown in the title at once. */
  type_into (child (fixture->editor, SANDBAR_TYPE_EDITOR, "name_row"), "Docker builds");
  sandbar_profile_set_name (expected, "Docker builds");
  assert_preview_is (fixture, expected);
  g_assert_cmpstr (adw_window_title_get_title (title), ==, "Docker builds");

  /* A switch: temporary files are no longer writable. */
  g_assert_true (gtk_switch_get_active (temp));
  gtk_switch_set_active (temp, FALSE);
  sandbar_profile_set_include_temp (expected, FALSE);
  assert_preview_is (fixture, expected);

  /* A choice: full network. */
  adw_combo_row_set_selected (network, 1);
  sandbar_profile_set_network_access (expected, SANDBAR_NETWORK_ACCESS_FULL);
  assert_preview_is (fixture, expected);

  /* A socket typed into a new row. */
  gtk_widget_activate_action (GTK_WIDGET (sockets), "path-list.add", NULL);
  g_assert_cmpuint (sandbar_path_list_get_n_rows (sockets), ==, 2);
  row = sandbar_path_list_get_row (sockets, 1);
  type_into (row_entry (row), "/tmp/sandbar-test.sock");
  typed = sandbar_socket_rule_new ("/tmp/sandbar-test.sock", SANDBAR_SOCKET_SCOPE_SUBPATH);
  sandbar_profile_add_socket_rule (expected, typed);
  assert_preview_is (fixture, expected);
  g_assert_cmpstr (sandbar_path_row_get_status (row), ==,
                   "/tmp/sandbar-test.sock (does not exist)");

  /* A preset from the menu: the ssh-agent, exactly that socket. */
  gtk_widget_activate_action (GTK_WIDGET (sockets), "path-list.add-preset", "s", "ssh-agent");
  agent = sandbar_socket_rule_new ("$SSH_AUTH_SOCK", SANDBAR_SOCKET_SCOPE_EXACT);
  sandbar_profile_add_socket_rule (expected, agent);
  assert_preview_is (fixture, expected);

  /* The Docker socket carries the badge; the others do not. */
  g_assert_true (sandbar_path_row_get_root_equivalent (sandbar_path_list_get_row (sockets, 0)));
  g_assert_false (sandbar_path_row_get_root_equivalent (row));

  /* Saved after a pause, not on every keystroke. */
  early = read_profile (fixture, "docker-only");
  g_assert_false (sandbar_profile_equal (early, expected));
  assert_disk_gets (fixture, expected);

  /* The inline rendering is the core's too, and Copy copies what is
   * shown. */
  gtk_switch_set_active (child (fixture->preview, SANDBAR_TYPE_PREVIEW, "inline_switch"), TRUE);
  {
    g_autoptr(SandbarSbpl) sbpl = render (expected);
    g_autofree char *text = preview_text (fixture);
    g_autofree char *copied = NULL;

    assert_same_text (text, sbpl->inline_text->str);
    g_signal_emit_by_name (child (fixture->preview, SANDBAR_TYPE_PREVIEW, "copy_button"),
                           "clicked");
    copied = read_clipboard (GTK_WIDGET (fixture->window));
    assert_same_text (copied, sbpl->inline_text->str);
  }
  sandbar_preview_set_inline (fixture->preview, FALSE);

  g_unsetenv ("SSH_AUTH_SOCK");
}

/* Every control of the editor reaches the model and the file. */
static void
test_every_control (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(SandbarProfile) expected = NULL;
  g_autoptr(SandbarSocketRule) rule = NULL;
  const guint ports[] = { 3128, 8080 };
  const char * const roots[] = { "/tmp/sandbar-root", NULL };
  const char * const names[] = { ".git", ".hg", NULL };
  const char * const hidden[] = { "~/.ssh", "~/.aws", "~/.gnupg", "/tmp/secret", NULL };
  SandbarPathList *list;
  SandbarPathRow *row;

  select_in_list (fixture, "docker-only");
  expected = copy_of_stored (fixture, "docker-only");

  type_into (child (fixture->editor, SANDBAR_TYPE_EDITOR, "description_row"), "Described");
  sandbar_profile_set_description (expected, "Described");
  type_into (child (fixture->editor, SANDBAR_TYPE_EDITOR, "command_row"), "make -j4");
  sandbar_profile_set_command (expected, "make -j4");
  row = child (fixture->editor, SANDBAR_TYPE_EDITOR, "working_directory_row");
  /* A folder can be chosen, or typed. */
  g_assert_true (gtk_widget_get_visible (child (row, SANDBAR_TYPE_PATH_ROW, "choose_button")));
  type_into (row_entry (row), "/tmp");
  sandbar_profile_set_working_directory (expected, "/tmp");
  assert_preview_is (fixture, expected);

  list = editor_list (fixture, "writable_roots_list");
  gtk_widget_activate_action (GTK_WIDGET (list), "path-list.add", NULL);
  type_into (row_entry (sandbar_path_list_get_row (list, 0)), roots[0]);
  sandbar_profile_set_writable_roots (expected, roots);
  assert_preview_is (fixture, expected);

  list = editor_list (fixture, "protected_names_list");
  gtk_widget_activate_action (GTK_WIDGET (list), "path-list.add", NULL);
  type_into (row_entry (sandbar_path_list_get_row (list, 1)), ".hg");
  sandbar_profile_set_protected_names (expected, names);
  assert_preview_is (fixture, expected);

  list = editor_list (fixture, "deny_read_list");
  gtk_widget_activate_action (GTK_WIDGET (list), "path-list.add", NULL);
  type_into (row_entry (sandbar_path_list_get_row (list, 3)), "/tmp/secret");
  sandbar_profile_set_deny_read (expected, hidden);
  assert_preview_is (fixture, expected);

  type_into (child (fixture->editor, SANDBAR_TYPE_EDITOR, "ports_row"), "3128, 8080");
  sandbar_profile_set_localhost_ports (expected, ports, G_N_ELEMENTS (ports));
  assert_preview_is (fixture, expected);

  gtk_switch_set_active (child (fixture->editor, SANDBAR_TYPE_EDITOR, "local_binding_switch"),
                         TRUE);
  sandbar_profile_set_allow_local_binding (expected, TRUE);
  assert_preview_is (fixture, expected);

  /* The scope of the Docker socket: that socket only. */
  list = editor_list (fixture, "sockets_list");
  row = sandbar_path_list_get_row (list, 0);
  /* The scope menu's "Exactly this path". */
  gtk_widget_activate_action (GTK_WIDGET (row), "row.scope", "i", SANDBAR_SOCKET_SCOPE_EXACT);
  rule = sandbar_socket_rule_new ("/var/run/docker.sock", SANDBAR_SOCKET_SCOPE_EXACT);
  {
    g_autoptr(GPtrArray) rules = g_ptr_array_new ();

    g_ptr_array_add (rules, rule);
    sandbar_profile_set_socket_rules (expected, rules);
  }
  assert_preview_is (fixture, expected);

  /* Remove it again with its button. */
  g_signal_emit_by_name (child (row, SANDBAR_TYPE_PATH_ROW, "remove_button"), "clicked");
  sandbar_profile_set_socket_rules (expected, NULL);
  assert_preview_is (fixture, expected);

  adw_combo_row_set_selected (child (fixture->editor, SANDBAR_TYPE_EDITOR, "socket_access_row"),
                              2);
  sandbar_profile_set_socket_access (expected, SANDBAR_SOCKET_ACCESS_ALL);
  assert_preview_is (fixture, expected);

  adw_combo_row_set_selected (child (fixture->editor, SANDBAR_TYPE_EDITOR, "write_access_row"),
                              0);
  sandbar_profile_set_write_access (expected, SANDBAR_WRITE_ACCESS_NONE);
  assert_preview_is (fixture, expected);
  /* Lists that do nothing without chosen folders step aside. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (editor_list (fixture,
                                                                   "writable_roots_list"))));

  assert_disk_gets (fixture, expected);
}

static void
test_invalid_input (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(SandbarProfile) expected = NULL;
  g_autoptr(SandbarProfile) invalid = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *good_text = NULL;
  g_autofree char *stale_text = NULL;
  SandbarPathRow *directory = child (fixture->editor, SANDBAR_TYPE_EDITOR,
                                     "working_directory_row");
  AdwEntryRow *ports = child (fixture->editor, SANDBAR_TYPE_EDITOR, "ports_row");
  GtkLabel *network_error = child (fixture->editor, SANDBAR_TYPE_EDITOR, "network_error");
  GtkRevealer *banner = child (fixture->preview, SANDBAR_TYPE_PREVIEW, "stale_revealer");
  const guint port = 8080;

  select_in_list (fixture, "shell-no-network");
  expected = copy_of_stored (fixture, "shell-no-network");
  before = read_bytes (fixture, "shell-no-network");
  good_text = preview_text (fixture);

  /* A relative working directory: the core's message, on that row. */
  type_into (row_entry (directory), "relative/dir");
  invalid = sandbar_profile_copy (expected, "shell-no-network");
  sandbar_profile_set_working_directory (invalid, "relative/dir");
  g_assert_false (sandbar_profile_validate (invalid, &error));
  g_assert_cmpstr (sandbar_path_row_get_error (directory), ==, error->message);
  g_assert_cmpstr (sandbar_path_row_get_status (directory), ==, error->message);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (directory), "invalid"));

  /* The preview keeps the last good text, marked out of date. */
  g_assert_true (sandbar_preview_get_stale (fixture->preview));
  g_assert_cmpstr (sandbar_preview_get_message (fixture->preview), ==, error->message);
  g_assert_true (gtk_revealer_get_reveal_child (banner));
  stale_text = preview_text (fixture);
  g_assert_cmpstr (stale_text, ==, good_text);
  save_screenshot (GTK_WIDGET (fixture->window), "window-invalid");

  /* Text that is not a port at all. */
  type_into (ports, "80x");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (ports), "error"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (network_error)));
  g_assert_cmpstr (gtk_label_get_label (network_error), ==,
                   "Localhost port “80x”: a port is a number from 1 to 65535");

  /* Nothing of it reaches the disk. */
  wait_ms (1000);
  after = read_bytes (fixture, "shell-no-network");
  g_assert_true (g_bytes_equal (before, after));

  /* Fixed, everything is saved and the preview is live again. */
  type_into (ports, "8080");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (ports), "error"));
  type_into (row_entry (directory), "/tmp");
  g_assert_null (sandbar_path_row_get_error (directory));
  sandbar_profile_set_working_directory (expected, "/tmp");
  sandbar_profile_set_localhost_ports (expected, &port, 1);
  assert_preview_is (fixture, expected);
  g_assert_false (gtk_revealer_get_reveal_child (banner));
  assert_disk_gets (fixture, expected);
}

/* Valid to save (the variable may be set in the session that runs it),
 * but it cannot be rendered here: saved, and the preview says why. */
static void
test_unset_variable (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(SandbarProfile) expected = NULL;
  g_autoptr(SandbarSocketRule) rule = NULL;
  SandbarPathList *sockets = editor_list (fixture, "sockets_list");
  SandbarPathRow *row;

  g_unsetenv ("SANDBAR_TEST_UNSET");
  select_in_list (fixture, "docker-only");
  expected = copy_of_stored (fixture, "docker-only");

  row = sandbar_path_list_add_path (sockets, "$SANDBAR_TEST_UNSET/agent.sock",
                                    SANDBAR_SOCKET_SCOPE_SUBPATH);
  rule = sandbar_socket_rule_new ("$SANDBAR_TEST_UNSET/agent.sock", SANDBAR_SOCKET_SCOPE_SUBPATH);
  sandbar_profile_add_socket_rule (expected, rule);

  g_assert_null (sandbar_path_row_get_error (row));
  g_assert_nonnull (strstr (sandbar_path_row_get_status (row), "SANDBAR_TEST_UNSET"));
  g_assert_true (sandbar_preview_get_stale (fixture->preview));
  g_assert_nonnull (strstr (sandbar_preview_get_message (fixture->preview),
                            "SANDBAR_TEST_UNSET"));
  assert_disk_gets (fixture, expected);
}

/* Another program rewrites the file while an edit waits to be saved:
 * neither is lost. The file keeps the other program's text, the window
 * shows it, and the edit is kept as a copy that a toast names. The window
 * either hears of the change first (file monitor) or finds out when it
 * saves (the store refuses to overwrite); @save_at_once forces the
 * second. */
static void
check_save_conflict (Fixture  *fixture,
                     gboolean  save_at_once)
{
  g_autoptr(SandbarProfile) mine = NULL;
  g_autoptr(SandbarProfile) theirs = NULL;
  g_autoptr(SandbarProfile) on_disk = NULL;
  g_autoptr(SandbarProfile) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = profile_path (fixture, "docker-only");
  g_autofree char *copy_path = profile_path (fixture, "docker-only-conflict");
  g_autofree char *text = NULL;
  AdwEntryRow *name = child (fixture->editor, SANDBAR_TYPE_EDITOR, "name_row");

  select_in_list (fixture, "docker-only");
  mine = copy_of_stored (fixture, "docker-only");
  theirs = copy_of_stored (fixture, "docker-only");

  type_into (name, "Mine");
  sandbar_profile_set_name (mine, "Mine");

  sandbar_profile_set_name (theirs, "Theirs");
  text = sandbar_profile_to_data (theirs, NULL);
  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_no_error (error);
  /* As when another profile is selected: before the monitor reports. */
  if (save_at_once)
    sandbar_window_save_now (fixture->window);

  wait_for (file_exists, copy_path, SAVE_WAIT_MS, "the edit to be kept as a copy");
  wait_ms (SANDBAR_WINDOW_SAVE_DELAY_MS * 2);

  copy = read_profile (fixture, "docker-only-conflict");
  g_assert_nonnull (copy);
  g_assert_true (sandbar_profile_equal (copy, mine));
  /* Kept once, not once per path that noticed. */
  {
    g_autofree char *second = profile_path (fixture, "docker-only-conflict-2");

    g_assert_false (g_file_test (second, G_FILE_TEST_EXISTS));
  }

  on_disk = read_profile (fixture, "docker-only");
  g_assert_true (sandbar_profile_equal (on_disk, theirs));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "Theirs");
  if (!save_at_once)
    save_screenshot (GTK_WIDGET (fixture->window), "window-conflict");
}

static void
test_conflict_seen_first (Fixture       *fixture,
                          gconstpointer  user_data)
{
  check_save_conflict (fixture, FALSE);
}

static void
test_conflict_at_save (Fixture       *fixture,
                       gconstpointer  user_data)
{
  check_save_conflict (fixture, TRUE);
}

static void
test_delete_undo (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) second_before = NULL;
  g_autoptr(GBytes) second_after = NULL;
  g_autofree char *path = profile_path (fixture, "git-over-ssh");
  g_autofree char *second = NULL;
  g_autofree char *second_path = NULL;

  select_in_list (fixture, "git-over-ssh");
  before = read_bytes (fixture, "git-over-ssh");
  g_assert_nonnull (before);

  activate_app_action (fixture, "delete", NULL);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpstr (sandbar_profile_get_id (sandbar_window_get_profile (fixture->window)), !=,
                   "git-over-ssh");
  save_screenshot (GTK_WIDGET (fixture->window), "window-deleted");

  /* A second deletion before the first toast is gone: both can be undone,
   * in any order. */
  second = g_strdup (sandbar_profile_get_id (sandbar_window_get_profile (fixture->window)));
  second_path = profile_path (fixture, second);
  second_before = read_bytes (fixture, second);
  activate_app_action (fixture, "delete", NULL);
  g_assert_false (g_file_test (second_path, G_FILE_TEST_EXISTS));

  /* The first toast's Undo button. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo-delete", "s",
                              "git-over-ssh");
  after = read_bytes (fixture, "git-over-ssh");
  g_assert_nonnull (after);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpstr (sandbar_profile_get_id (sandbar_window_get_profile (fixture->window)), ==,
                   "git-over-ssh");

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo-delete", "s", second);
  second_after = read_bytes (fixture, second);
  g_assert_nonnull (second_after);
  g_assert_true (g_bytes_equal (second_before, second_after));

  /* An undo is good once. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo-delete", "s", second);
  g_assert_cmpstr (sandbar_profile_get_id (sandbar_window_get_profile (fixture->window)), ==,
                   second);
}

static void
test_new_and_duplicate (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(SandbarProfile) template = sandbar_templates_new_profile ("docker-only", "x", NULL);
  g_autoptr(SandbarProfile) created = NULL;
  g_autoptr(SandbarProfile) copied = NULL;
  SandbarProfile *selected;

  activate_app_action (fixture, "new", g_variant_new_string ("docker-only"));
  selected = sandbar_window_get_profile (fixture->window);
  g_assert_cmpstr (sandbar_profile_get_id (selected), ==, "docker-only-2");
  created = read_profile (fixture, "docker-only-2");
  g_assert_nonnull (created);
  g_assert_true (sandbar_profile_equal (created, template));

  activate_app_action (fixture, "duplicate", NULL);
  selected = sandbar_window_get_profile (fixture->window);
  g_assert_cmpstr (sandbar_profile_get_id (selected), ==, "docker-only-2-2");
  copied = read_profile (fixture, "docker-only-2-2");
  g_assert_nonnull (copied);
  g_assert_cmpstr (sandbar_profile_get_name (copied), ==, "Docker only (copy)");

  activate_app_action (fixture, "new", g_variant_new_string (""));
  selected = sandbar_window_get_profile (fixture->window);
  g_assert_cmpstr (sandbar_profile_get_id (selected), ==, "profile");
  g_assert_true (g_file_test (profile_path (fixture, "profile"), G_FILE_TEST_EXISTS));
}

static gboolean
has_one_item (gpointer model)
{
  return g_list_model_get_n_items (model) == 1;
}

static void
test_search (Fixture       *fixture,
             gconstpointer  user_data)
{
  GtkListView *view = child (fixture->list, SANDBAR_TYPE_PROFILE_LIST, "list_view");
  GtkEditable *entry = child (fixture->list, SANDBAR_TYPE_PROFILE_LIST, "search_entry");
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (view));
  g_autoptr(SandbarProfile) found = NULL;
  GtkWidget *focus;

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 5);

  /* Ctrl+F: the search entry, ready to type in. */
  activate_app_action (fixture, "find", NULL);
  focus = gtk_window_get_focus (GTK_WINDOW (fixture->window));
  g_assert_nonnull (focus);
  g_assert_true (focus == GTK_WIDGET (entry) || gtk_widget_is_ancestor (focus, GTK_WIDGET (entry)));

  type_into (entry, "ssh");
  wait_for (has_one_item, model, 2000, "the search to filter");
  found = g_list_model_get_item (model, 0);
  g_assert_cmpstr (sandbar_profile_get_id (found), ==, "git-over-ssh");
  g_assert_cmpstr (sandbar_profile_get_id (sandbar_window_get_profile (fixture->window)), ==,
                   "git-over-ssh");
}

static const char * const broken_files[] = {
  "broken.sandbar", "[Profile\nName=Broken\n",
  NULL
};
static const FixtureData with_broken = { broken_files };

static void
test_broken_files (Fixture       *fixture,
                   gconstpointer  user_data)
{
  GtkRevealer *revealer = child (fixture->list, SANDBAR_TYPE_PROFILE_LIST, "problems_revealer");
  GtkLabel *title = child (fixture->list, SANDBAR_TYPE_PROFILE_LIST, "problems_title");
  GtkWidget *problems = child (fixture->list, SANDBAR_TYPE_PROFILE_LIST, "problems_list");
  GtkWidget *row;

  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  g_assert_cmpstr (gtk_label_get_label (title), ==, "1 Unreadable File");
  row = gtk_widget_get_first_child (problems);
  g_assert_true (ADW_IS_ACTION_ROW (row));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "broken.sandbar");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), !=, "");
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Line "));
  /* The other profiles still load. */
  g_assert_nonnull (sandbar_window_get_profile (fixture->window));
}

/* Scrolled to the end, an edit there keeps the view still and lights up
 * only the lines that changed, for a moment. */
static void
test_preview_scroll_and_highlight (Fixture       *fixture,
                                   gconstpointer  user_data)
{
  GtkScrolledWindow *scroller = child (fixture->preview, SANDBAR_TYPE_PREVIEW,
                                       "profile_scroller");
  GtkTextView *view = child (fixture->preview, SANDBAR_TYPE_PREVIEW, "source_view");
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "changed");
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  SandbarPathList *sockets = editor_list (fixture, "sockets_list");
  GtkTextIter iter;
  double value;
  int changed_lines = 0;

  select_in_list (fixture, "docker-only");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  value = gtk_adjustment_get_value (adjustment);
  g_assert_cmpfloat (value, >, 0);

  sandbar_path_list_add_path (sockets, "/tmp/sandbar-highlight.sock",
                              SANDBAR_SOCKET_SCOPE_EXACT);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (adjustment), value, 1.0);

  for (gtk_text_buffer_get_start_iter (buffer, &iter);
       !gtk_text_iter_is_end (&iter);
       gtk_text_iter_forward_line (&iter))
    if (gtk_text_iter_has_tag (&iter, tag))
      changed_lines++;
  g_assert_cmpint (changed_lines, >, 0);
  g_assert_cmpint (changed_lines, <, 10);

  wait_ms (1300);
  for (gtk_text_buffer_get_start_iter (buffer, &iter);
       !gtk_text_iter_is_end (&iter);
       gtk_text_iter_forward_line (&iter))
    g_assert_false (gtk_text_iter_has_tag (&iter, tag));
}

/* ---------------------------------------------------------------------- */
/* Summary                                                                */
/* ---------------------------------------------------------------------- */

/* What `sandbarctl check` says of @profile on this system. */
static SandbarSummary *
summarize (SandbarProfile *profile)
{
  g_autoptr(SandbarPathResolver) resolver = sandbar_path_resolver_new ();
  g_autoptr(SandbarBackend) backend = sandbar_backend_new (NULL, NULL);
  g_autoptr(SandbarPolicy) policy = NULL;
  g_autoptr(GError) error = NULL;

  policy = sandbar_policy_new (profile, resolver, SANDBAR_POLICY_NONE, &error);
  g_assert_no_error (error);
  return sandbar_summary_new (profile, policy, backend);
}

static const char *
summary_shown (Fixture *fixture)
{
  return gtk_label_get_label (child (fixture->preview, SANDBAR_TYPE_PREVIEW, "summary_label"));
}

/* The Summary page says exactly what the core says: the paragraph, then
 * one row per limit of this system's sandbox, under a heading shown only
 * when there are any. */
static void
assert_summary_is (Fixture        *fixture,
                   SandbarProfile *expected)
{
  g_autoptr(SandbarSummary) summary = summarize (expected);
  GtkWidget *limits_box = child (fixture->preview, SANDBAR_TYPE_PREVIEW, "limits_box");
  GtkListBox *limits = child (fixture->preview, SANDBAR_TYPE_PREVIEW, "limits_list");
  GtkListBoxRow *row;
  guint n_rows;

  g_assert_false (sandbar_preview_get_stale (fixture->preview));
  g_assert_cmpstr (summary_shown (fixture), ==, summary->text);
  g_assert_cmpint (gtk_widget_get_visible (limits_box), ==, summary->limits->len > 0);
  for (n_rows = 0; (row = gtk_list_box_get_row_at_index (limits, n_rows)) != NULL; n_rows++)
    {
      GtkLabel *label = GTK_LABEL (gtk_list_box_row_get_child (row));

      g_assert_cmpuint (n_rows, <, summary->limits->len);
      g_assert_cmpstr (gtk_label_get_label (label), ==,
                       g_ptr_array_index (summary->limits, n_rows));
    }
  g_assert_cmpuint (n_rows, ==, summary->limits->len);
}

/* The Summary page says in plain words what the profile allows, follows
 * edits, and is written only while it is shown. */
static void
test_summary (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(SandbarProfile) expected = NULL;
  g_autoptr(SandbarSummary) summary = NULL;
  g_autofree char *restricted = NULL;
  g_autofree char *full = NULL;
  g_autofree char *copied = NULL;
  g_autofree char *printed = NULL;
  GtkWidget *window = GTK_WIDGET (fixture->window);
  GtkStack *stack = child (fixture->preview, SANDBAR_TYPE_PREVIEW, "stack");
  GtkWidget *page = child (fixture->preview, SANDBAR_TYPE_PREVIEW, "summary_box");
  GtkRevealer *banner = child (fixture->preview, SANDBAR_TYPE_PREVIEW, "stale_revealer");
  AdwComboRow *network = child (fixture->editor, SANDBAR_TYPE_EDITOR, "network_access_row");
  SandbarPathRow *directory = child (fixture->editor, SANDBAR_TYPE_EDITOR,
                                     "working_directory_row");

  select_in_list (fixture, "docker-only");
  expected = copy_of_stored (fixture, "docker-only");

  /* Not shown, not written: nothing is asked of the backend at start-up
   * or while the user types. */
  g_assert_cmpstr (summary_shown (fixture), ==, "");

  gtk_stack_set_visible_child_name (stack, "summary");
  assert_summary_is (fixture, expected);
  restricted = g_strdup (summary_shown (fixture));
  g_assert_nonnull (strstr (restricted, "It cannot use the network."));
  save_screenshot (window, "window-plain-words");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  save_screenshot (window, "window-plain-words-dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_LIGHT);

  /* Shown, it follows an edit at once. */
  adw_combo_row_set_selected (network, 1);
  sandbar_profile_set_network_access (expected, SANDBAR_NETWORK_ACCESS_FULL);
  assert_summary_is (fixture, expected);
  full = g_strdup (summary_shown (fixture));
  g_assert_nonnull (strstr (full, "It can use the internet and the local network."));

  /* Copy copies what `sandbarctl check` prints. */
  summary = summarize (expected);
  printed = sandbar_summary_to_text (summary);
  g_signal_emit_by_name (child (fixture->preview, SANDBAR_TYPE_PREVIEW, "copy_button"),
                         "clicked");
  copied = read_clipboard (window);
  g_assert_cmpstr (copied, ==, printed);

  /* Edits made on another page are caught up when it is shown again. */
  gtk_stack_set_visible_child_name (stack, "profile");
  adw_combo_row_set_selected (network, 0);
  sandbar_profile_set_network_access (expected, SANDBAR_NETWORK_ACCESS_RESTRICTED);
  g_assert_cmpstr (summary_shown (fixture), ==, full);
  gtk_stack_set_visible_child_name (stack, "summary");
  assert_summary_is (fixture, expected);
  g_assert_cmpstr (summary_shown (fixture), ==, restricted);

  /* A profile that cannot be rendered: the last good summary stays,
   * dimmed, under the same banner as the other pages. */
  type_into (row_entry (directory), "relative/dir");
  g_assert_true (sandbar_preview_get_stale (fixture->preview));
  g_assert_true (gtk_revealer_get_reveal_child (banner));
  g_assert_true (gtk_widget_has_css_class (page, "stale"));
  g_assert_cmpstr (summary_shown (fixture), ==, restricted);

  type_into (row_entry (directory), "/tmp");
  sandbar_profile_set_working_directory (expected, "/tmp");
  assert_summary_is (fixture, expected);
  g_assert_false (gtk_widget_has_css_class (page, "stale"));
  g_assert_nonnull (strstr (summary_shown (fixture), "Commands start in /tmp."));
}

/* ---------------------------------------------------------------------- */
/* Open Terminal                                                          */
/* ---------------------------------------------------------------------- */

/* Launch files live in a fresh sandbar-XXXXXX folder each time: compare
 * command lines with that name blanked out. */
static char *
normalize_launch_dirs (const char *text)
{
  g_autoptr(GRegex) regex = g_regex_new ("/sandbar-[A-Za-z0-9]{6}(?=/|$|')", 0, 0, NULL);

  return g_regex_replace_literal (regex, text, -1, 0, "/sandbar-XXXXXX", 0, NULL);
}

static GStrv
normalize_argv (const char * const *argv)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; argv[i] != NULL; i++)
    {
      g_autofree char *word = normalize_launch_dirs (argv[i]);

      g_strv_builder_add (builder, word);
    }
  return g_strv_builder_end (builder);
}

/* The recorder's file: the working directory, then argv, each ending in
 * NUL. */
static gboolean
read_record (const char  *path,
             char       **cwd,
             GStrv       *argv)
{
  g_autofree char *data = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  gsize length;

  if (!g_file_get_contents (path, &data, &length, NULL))
    return FALSE;

  for (gsize start = 0; start < length; start += strlen (data + start) + 1)
    {
      if (start == 0)
        *cwd = g_strdup (data);
      else
        g_strv_builder_add (builder, data + start);
    }
  *argv = g_strv_builder_end (builder);
  return TRUE;
}

static void
test_open_terminal (Fixture       *fixture,
                    gconstpointer  user_data)
{
  const char *recorder = g_getenv ("SANDBAR_TEST_RECORDER");
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(SandbarBackend) backend = sandbar_backend_new (NULL, NULL);
  g_autoptr(SandbarPathResolver) resolver = sandbar_path_resolver_new ();
  g_autoptr(SandbarTerminal) terminal = NULL;
  g_autoptr(SandbarLaunch) launch = NULL;
  g_autoptr(SandbarProfile) expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *quoted = NULL;
  g_autofree char *template = NULL;
  g_autofree char *out = g_build_filename (fixture->dir, "record", NULL);
  g_autofree char *cwd = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *expected_line = NULL;
  g_autofree char *expected_shown = NULL;
  g_auto(GStrv) recorded = NULL;
  g_auto(GStrv) expected_argv = NULL;
  g_auto(GStrv) normal_recorded = NULL;
  g_auto(GStrv) normal_expected = NULL;
  GtkStack *stack = child (fixture->preview, SANDBAR_TYPE_PREVIEW, "stack");
  GtkLabel *command = child (fixture->preview, SANDBAR_TYPE_PREVIEW, "command_label");

  if (recorder == NULL)
    {
      g_test_skip ("SANDBAR_TEST_RECORDER is not set");
      return;
    }
  if (!sandbar_backend_check_available (backend, &error))
    {
      g_test_skip (error->message);
      return;
    }

  /* A fake terminal: the recorder, as the custom terminal command. */
  quoted = g_shell_quote (recorder);
  template = g_strconcat (quoted, " --fake-terminal --cwd={cwd} {}", NULL);
  g_settings_set_string (settings, "terminal", "custom");
  g_settings_set_string (settings, "custom-terminal-command", template);
  g_setenv ("SANDBAR_RECORDER_OUT", out, TRUE);

  select_in_list (fixture, "docker-only");
  expected = copy_of_stored (fixture, "docker-only");

  /* An edit not yet saved is what the terminal gets. */
  type_into (child (fixture->editor, SANDBAR_TYPE_EDITOR, "command_row"), "make -j4 'all tests'");
  sandbar_profile_set_command (expected, "make -j4 'all tests'");

  /* The command line page shows what the launcher builds. */
  launch = sandbar_launch_prepare (expected, resolver, SANDBAR_POLICY_NONE, backend, NULL, &error);
  g_assert_no_error (error);
  gtk_stack_set_visible_child_name (stack, "command");
  expected_line = sandbar_terminal_shell_quote_argv ((const char * const *) launch->argv);
  expected_shown = normalize_launch_dirs (expected_line);
  shown = normalize_launch_dirs (gtk_label_get_label (command));
  g_assert_cmpstr (shown, ==, expected_shown);
  save_screenshot (GTK_WIDGET (fixture->window), "window-command-line");

  gtk_widget_activate (child (fixture->window, SANDBAR_TYPE_WINDOW, "launch_button"));
  wait_for (file_exists, out, 10000, "the fake terminal to start");
  g_assert_true (read_record (out, &cwd, &recorded));

  terminal = sandbar_terminal_new_custom (template, &error);
  g_assert_no_error (error);
  expected_argv = sandbar_terminal_build_argv (terminal, (const char * const *) launch->argv,
                                               launch->policy->working_directory, launch->dir,
                                               &error);
  g_assert_no_error (error);
  normal_recorded = normalize_argv ((const char * const *) recorded);
  normal_expected = normalize_argv ((const char * const *) expected_argv);
  g_assert_cmpstrv (normal_recorded, normal_expected);
  g_assert_cmpstr (cwd, ==, launch->policy->working_directory);

  /* The edit was saved first. */
  {
    g_autoptr(SandbarProfile) on_disk = read_profile (fixture, "docker-only");

    g_assert_true (sandbar_profile_equal (on_disk, expected));
  }

  /* An invalid profile is not launched. */
  g_assert_no_errno (g_unlink (out));
  type_into (child (fixture->editor, SANDBAR_TYPE_EDITOR, "command_row"), "make 'unclosed");
  activate_app_action (fixture, "launch", g_variant_new_string (""));
  wait_ms (1000);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  g_unsetenv ("SANDBAR_RECORDER_OUT");
}

/* Runs once the application has handled its command line: notes the
 * selected profile and closes the window, which ends the application. */
static gboolean
note_and_quit (gpointer user_data)
{
  SandbarApplication *app = user_data;
  GtkWindow *window = sandbar_application_get_window (app);
  char **selected = g_object_get_data (G_OBJECT (app), "selected");
  SandbarProfile *profile = sandbar_window_get_profile (SANDBAR_WINDOW (window));

  *selected = g_strdup (profile != NULL ? sandbar_profile_get_id (profile) : NULL);
  gtk_window_destroy (window);
  return G_SOURCE_REMOVE;
}

static void
quit_when_shown (GtkApplication  *app,
                 GtkWindow       *window,
                 char           **selected)
{
  g_object_set_data (G_OBJECT (app), "selected", selected);
  g_idle_add (note_and_quit, app);
}

/* Notes that a window opened, and closes it so that the application
 * ends and the test can fail rather than hang. */
static gboolean
destroy_window (gpointer window)
{
  gtk_window_destroy (window);
  g_object_unref (window);
  return G_SOURCE_REMOVE;
}

static void
note_window (GtkApplication *app,
             GtkWindow      *window,
             gboolean       *shown)
{
  *shown = TRUE;
  g_idle_add (destroy_window, g_object_ref (window));
}

/* The menu-bar or tray item launches a profile by id while the window is
 * closed: the terminal opens, and no window does. "present" brings the
 * window back. */
static void
test_launch_without_window (Fixture       *fixture,
                            gconstpointer  user_data)
{
  const char *recorder = g_getenv ("SANDBAR_TEST_RECORDER");
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(SandbarBackend) backend = sandbar_backend_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *quoted = NULL;
  g_autofree char *template = NULL;
  g_autofree char *out = g_build_filename (fixture->dir, "record", NULL);
  g_autofree char *cwd = NULL;
  g_auto(GStrv) recorded = NULL;
  gboolean found = FALSE;
  GtkWindow *window;

  if (recorder == NULL || !sandbar_backend_check_available (backend, &error))
    {
      g_test_skip (recorder == NULL ? "SANDBAR_TEST_RECORDER is not set" : error->message);
      return;
    }

  quoted = g_shell_quote (recorder);
  template = g_strconcat (quoted, " --fake-terminal {}", NULL);
  g_settings_set_string (settings, "terminal", "custom");
  g_settings_set_string (settings, "custom-terminal-command", template);
  g_setenv ("SANDBAR_RECORDER_OUT", out, TRUE);

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  fixture->window = NULL;
  wait_ms (50);
  g_assert_null (sandbar_application_get_window (fixture->app));

  /* A launch that fails opens the window, which says why. */
  g_unsetenv ("SSH_AUTH_SOCK");
  activate_app_action (fixture, "launch", g_variant_new_string ("git-over-ssh"));
  window = sandbar_application_get_window (fixture->app);
  g_assert_nonnull (window);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  gtk_window_destroy (window);
  wait_ms (50);

  activate_app_action (fixture, "launch", g_variant_new_string ("docker-only"));
  wait_for (file_exists, out, 10000, "the fake terminal to start");
  g_assert_true (read_record (out, &cwd, &recorded));
  for (guint i = 0; recorded[i] != NULL && recorded[i + 1] != NULL; i++)
    if (g_str_equal (recorded[i], "SANDBAR_PROFILE") &&
        g_str_equal (recorded[i + 1], "docker-only"))
      found = TRUE;
  g_assert_true (found);
  g_assert_null (sandbar_application_get_window (fixture->app));

  activate_app_action (fixture, "present", NULL);
  window = sandbar_application_get_window (fixture->app);
  g_assert_nonnull (window);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  fixture->window = SANDBAR_WINDOW (window);

  g_unsetenv ("SANDBAR_RECORDER_OUT");
}

static void
test_accelerators (Fixture       *fixture,
                   gconstpointer  user_data)
{
  static const struct {
    const char *action;
    const char *accel;
  } expected[] = {
    { "app.new('')", "<Control>n" },
    { "app.duplicate", "<Control>d" },
    { "app.launch('')", "<Control>Return" },
    { "app.find", "<Control>f" },
    { "app.preferences", "<Control>comma" },
    { "app.quit", "<Control>q" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (fixture->app),
                                                                    expected[i].action);

      g_assert_true (g_strv_contains ((const char * const *) accels, expected[i].accel));
    }

  /* The shortcuts window, from gtk/help-overlay.ui. */
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (fixture->window),
                                            "show-help-overlay"));
  /* The application icon comes with the resources. */
  g_assert_true (gtk_icon_theme_has_icon (gtk_icon_theme_get_for_display (
                                            gdk_display_get_default ()), APP_ID));

  /* Every action of the primary menu and the header bar exists. */
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (fixture->app), "about"));
  activate_app_action (fixture, "about", NULL);
  {
    g_autoptr(GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());
    GtkWindow *about = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

        if (ADW_IS_ABOUT_WINDOW (window))
          about = window;
      }
    g_assert_nonnull (about);
    g_assert_cmpstr (adw_about_window_get_application_icon (ADW_ABOUT_WINDOW (about)), ==,
                     APP_ID);
    save_screenshot (GTK_WIDGET (about), "about");
    gtk_window_destroy (about);
  }
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (fixture->app), "open-editor"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (fixture->app), "delete"));
}

static void
test_empty_and_preferences (Fixture       *fixture,
                            gconstpointer  user_data)
{
  GtkStack *stack = child (fixture->window, SANDBAR_TYPE_WINDOW, "main_stack");
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWindow *preferences = NULL;
  GListModel *toplevels;

  /* Delete every profile: the window says what a profile is and offers
   * to make one. */
  while (sandbar_window_get_profile (fixture->window) != NULL)
    activate_app_action (fixture, "delete", NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (fixture->app), "delete"));
  save_screenshot (GTK_WIDGET (fixture->window), "window-empty");

  activate_app_action (fixture, "new", g_variant_new_string (""));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "profile");
  g_assert_nonnull (sandbar_window_get_profile (fixture->window));

  /* Preferences: the terminal. */
  activate_app_action (fixture, "preferences", NULL);
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, g_type_from_name ("SandbarPreferences")))
        preferences = window;
    }
  g_assert_nonnull (preferences);
  {
    AdwComboRow *terminal = child (preferences, G_OBJECT_TYPE (preferences), "terminal_row");
    AdwEntryRow *custom = child (preferences, G_OBJECT_TYPE (preferences), "custom_row");
    GListModel *choices = adw_combo_row_get_model (terminal);
    guint last = g_list_model_get_n_items (choices) - 1;

    g_assert_false (gtk_widget_get_visible (GTK_WIDGET (custom)));
    adw_combo_row_set_selected (terminal, last);
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (custom)));
    type_into (custom, "xterm -e {}");
    {
      g_autofree char *choice = g_settings_get_string (settings, "terminal");
      g_autofree char *command = g_settings_get_string (settings, "custom-terminal-command");

      g_assert_cmpstr (choice, ==, "custom");
      g_assert_cmpstr (command, ==, "xterm -e {}");
    }
    save_screenshot (GTK_WIDGET (preferences), "preferences");
  }
  gtk_window_destroy (preferences);
}

/* `sandbar --profile ID` opens the window on that profile. */
static void
test_profile_option (void)
{
  g_autofree char *dir = g_dir_make_tmp ("sandbar-gui-XXXXXX", NULL);
  g_autofree char *profiles = g_build_filename (dir, "profiles", NULL);
  g_autofree char *command = g_strdup_printf ("rm -rf '%s'", dir);
  g_autoptr(SandbarApplication) app = NULL;
  char *argv[] = { (char *) "sandbar", (char *) "--profile", (char *) "git-over-ssh", NULL };
  char *selected = NULL;

  g_setenv ("SANDBAR_PROFILES_DIR", profiles, TRUE);
  reset_settings ();
  app = sandbar_application_new (TEST_APP_ID "Option", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "window-added", G_CALLBACK (quit_when_shown), &selected);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 3, argv), ==, 0);
  g_assert_cmpstr (selected, ==, "git-over-ssh");
  g_free (selected);

  g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
}

/* `sandbar --launch ID`, the desktop file's actions: a terminal opens in
 * the profile and no window does, so the application ends. */
static void
test_launch_option (void)
{
  const char *recorder = g_getenv ("SANDBAR_TEST_RECORDER");
  g_autofree char *dir = g_dir_make_tmp ("sandbar-gui-XXXXXX", NULL);
  g_autofree char *profiles = g_build_filename (dir, "profiles", NULL);
  g_autofree char *out = g_build_filename (dir, "record", NULL);
  g_autofree char *command = g_strdup_printf ("rm -rf '%s'", dir);
  g_autofree char *quoted = NULL;
  g_autofree char *template = NULL;
  g_autofree char *cwd = NULL;
  g_auto(GStrv) recorded = NULL;
  g_autoptr(SandbarApplication) app = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(SandbarBackend) backend = sandbar_backend_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  char *argv[] = { (char *) "sandbar", (char *) "--launch", (char *) "docker-only", NULL };
  gboolean found = FALSE;
  gboolean window_shown = FALSE;

  if (recorder == NULL || !sandbar_backend_check_available (backend, &error))
    {
      g_test_skip (recorder == NULL ? "SANDBAR_TEST_RECORDER is not set" : error->message);
      g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
      return;
    }

  /* The profile starts in the home folder. */
  g_assert_no_errno (g_mkdir_with_parents (g_get_home_dir (), 0700));
  g_setenv ("HOME", g_get_home_dir (), TRUE);
  g_setenv ("SANDBAR_PROFILES_DIR", profiles, TRUE);
  reset_settings ();
  settings = g_settings_new (APP_ID);
  quoted = g_shell_quote (recorder);
  template = g_strconcat (quoted, " --fake-terminal {}", NULL);
  g_settings_set_string (settings, "terminal", "custom");
  g_settings_set_string (settings, "custom-terminal-command", template);
  g_setenv ("SANDBAR_RECORDER_OUT", out, TRUE);

  app = sandbar_application_new (TEST_APP_ID "Launch", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "window-added", G_CALLBACK (note_window), &window_shown);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 3, argv), ==, 0);
  g_assert_false (window_shown);

  wait_for (file_exists, out, 10000, "the fake terminal to start");
  g_assert_true (read_record (out, &cwd, &recorded));
  for (guint i = 0; recorded[i] != NULL && recorded[i + 1] != NULL; i++)
    if (g_str_equal (recorded[i], "SANDBAR_PROFILE") &&
        g_str_equal (recorded[i + 1], "docker-only"))
      found = TRUE;
  g_assert_true (found);

  reset_settings ();
  g_unsetenv ("SANDBAR_RECORDER_OUT");
  g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
}

static const char * const socket_files[] = {
  "sockets-demo.sandbar",
  "[Profile]\n"
  "Version=1\n"
  "Name=Agents and containers\n"
  "Description=Docker and the SSH agent; no other network\n"
  "Command=\n"
  "WorkingDirectory=\n"
  "\n"
  "[Filesystem]\n"
  "WriteAccess=roots\n"
  "WritableRoots=/tmp/sandbar-demo-project;\n"
  "IncludeTemp=true\n"
  "ProtectedNames=.git;\n"
  "DenyRead=~/.ssh;~/.aws;\n"
  "\n"
  "[Network]\n"
  "Access=restricted\n"
  "LocalhostPorts=\n"
  "AllowLocalBinding=false\n"
  "\n"
  "[UnixSockets]\n"
  "Access=allowlist\n"
  "Paths=/var/run/docker.sock;/tmp/sandbar-demo/missing.sock;\n"
  "ExactPaths=$SSH_AUTH_SOCK;\n",
  NULL
};
static const FixtureData with_sockets = { socket_files };

static void
scroll_editor_to (Fixture    *fixture,
                  const char *name)
{
  GtkWidget *target = child (fixture->editor, SANDBAR_TYPE_EDITOR, name);
  GtkWidget *scroller = gtk_widget_get_ancestor (target, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  graphene_point_t point;

  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  g_assert_true (gtk_widget_compute_point (target,
                                           gtk_scrolled_window_get_child (
                                             GTK_SCROLLED_WINDOW (scroller)),
                                           &GRAPHENE_POINT_INIT (0, 0), &point));
  gtk_adjustment_set_value (adjustment, point.y - 12);
}

static void
test_screenshots (Fixture       *fixture,
                  gconstpointer  user_data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  SandbarPathList *sockets = editor_list (fixture, "sockets_list");
  GtkStack *stack = child (fixture->preview, SANDBAR_TYPE_PREVIEW, "stack");
  SandbarPathRow *missing;

  g_setenv ("SSH_AUTH_SOCK", "/tmp/sandbar-test-agent.sock", TRUE);
  g_mkdir_with_parents ("/tmp/sandbar-demo-project", 0700);

  select_in_list (fixture, "docker-only");
  save_screenshot (window, "window-light");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  save_screenshot (window, "window-dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_LIGHT);

  /* Sockets: Docker with its badge, a missing path with its warning. */
  select_in_list (fixture, "sockets-demo");
  g_assert_cmpuint (sandbar_path_list_get_n_rows (sockets), ==, 3);
  missing = sandbar_path_list_get_row (sockets, 1);
  g_assert_false (sandbar_path_row_get_exists (missing));
  g_assert_cmpstr (sandbar_path_row_get_status (missing), ==,
                   "/tmp/sandbar-demo/missing.sock (does not exist)");
  g_assert_true (sandbar_path_row_get_root_equivalent (sandbar_path_list_get_row (sockets, 0)));
  scroll_editor_to (fixture, "network_group");
  gtk_stack_set_visible_child_name (stack, "parameters");
  save_screenshot (window, "window-sockets");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  save_screenshot (window, "window-sockets-dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_LIGHT);
  gtk_stack_set_visible_child_name (stack, "profile");

  g_unsetenv ("SSH_AUTH_SOCK");
}

int
main (int   argc,
      char *argv[])
{
  g_auto(GStrv) mime_dirs = NULL;

  /* What gtk_test_init() does, but without aborting when there is no
   * display, and with isolated folders (its varargs are unused). */
  gtk_disable_setlocale ();
  setlocale (LC_ALL, "C.UTF-8");
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 77;
    }

  /* Each test gets its own home and data folders, but GTK's icons and
   * GtkSourceView's base language and styles are the system's: look them
   * up while the system's folders are still in place. */
  gtk_source_init ();
  gtk_source_language_manager_get_search_path (gtk_source_language_manager_get_default ());
  gtk_source_style_scheme_manager_get_search_path (
    gtk_source_style_scheme_manager_get_default ());
  gtk_icon_theme_get_for_display (gdk_display_get_default ());
  {
    const char * const *data_dirs = g_get_system_data_dirs ();
    g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

    for (guint i = 0; data_dirs[i] != NULL; i++)
      {
        g_autofree char *dir = g_build_filename (data_dirs[i], "mime", NULL);

        g_strv_builder_add (builder, dir);
      }
    mime_dirs = g_strv_builder_end (builder);
  }

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  /* Icons are found by their MIME type. */
  g_content_type_set_mime_dirs ((const char * const *) mime_dirs);

#define ADD(path, data, func) \
  g_test_add ("/sandbar/window/" path, Fixture, data, fixture_set_up, func, fixture_tear_down)

  ADD ("edit-fields", NULL, test_edit_fields);
  ADD ("every-control", NULL, test_every_control);
  ADD ("invalid-input", NULL, test_invalid_input);
  ADD ("unset-variable", NULL, test_unset_variable);
  ADD ("conflict-seen-first", NULL, test_conflict_seen_first);
  ADD ("conflict-at-save", NULL, test_conflict_at_save);
  ADD ("delete-undo", NULL, test_delete_undo);
  ADD ("new-and-duplicate", NULL, test_new_and_duplicate);
  ADD ("search", NULL, test_search);
  ADD ("broken-files", &with_broken, test_broken_files);
  ADD ("preview-scroll-and-highlight", NULL, test_preview_scroll_and_highlight);
  ADD ("summary", NULL, test_summary);
  ADD ("open-terminal", NULL, test_open_terminal);
  ADD ("launch-without-window", NULL, test_launch_without_window);
  ADD ("accelerators", NULL, test_accelerators);
  ADD ("empty-and-preferences", NULL, test_empty_and_preferences);
  ADD ("screenshots", &with_sockets, test_screenshots);

#undef ADD
  g_test_add_func ("/sandbar/application/profile-option", test_profile_option);
  g_test_add_func ("/sandbar/application/launch-option", test_launch_option);

  return g_test_run ();
}
