/* test-status-item.c — the tray item over D-Bus, as a tray sees it
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Linux status item against a fake StatusNotifierWatcher on a private
 * session bus, with a list of profiles and an action group that records
 * what was activated: what a user of KDE, XFCE or Cinnamon would see and
 * click, checked through the same D-Bus calls their trays make.
 *
 * The bus is a GTestDBus rather than a `dbus-run-session` wrapper: the
 * program then runs the same under `meson test`, gdb or valgrind, needs
 * no wrapper on the command line, and g_test_dbus_down() fails the run if
 * anything kept the session bus connection (a leaked item or call).
 * The watcher and the tray's calls use connections of their own, so every
 * message really goes through dbus-daemon.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <unistd.h>

#include "sandbar-profile-store.h"
#include "sandbar-status-item.h"
#include "sandbar-test-tray.h"

#define ITEM_PATH      "/StatusNotifierItem"
#define ITEM_INTERFACE "org.kde.StatusNotifierItem"
#define MENU_PATH      "/MenuBar"
#define MENU_INTERFACE "com.canonical.dbusmenu"

/* The fixed entries (sandbar-status-menu.h); part of what trays cache. */
#define SEPARATOR_ID 1
#define EDIT_ID      2
#define QUIT_ID      3

typedef struct
{
  char     *member;
  GVariant *parameters;
} Signal;

typedef struct
{
  /* The application */
  GListModel         *profiles;
  GSimpleActionGroup *actions;
  GPtrArray          *activations;   /* of char *: "launch ID", "present", "present TOKEN", "quit" */
  SandbarStatusItem  *item;
  guint               shown_notifies;
  gboolean            drop_item_on_quit;

  /* The desktop */
  SandbarTestWatcher *watcher;
  GDBusConnection    *tray;
  GPtrArray          *signals;       /* of Signal, from the item */
  guint               subscription;
  char               *item_name;
} Fixture;

/* ---------------------------------------------------------------------- */
/* The application                                                        */
/* ---------------------------------------------------------------------- */

static void
launch_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  Fixture *f = user_data;

  g_ptr_array_add (f->activations,
                   g_strdup_printf ("launch %s", g_variant_get_string (parameter, NULL)));
}

static void
present_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  Fixture *f = user_data;
  const char *token = sandbar_status_item_get_activation_token (f->item);

  /* What the application passes to gtk_window_set_startup_id(). */
  if (token != NULL)
    g_ptr_array_add (f->activations, g_strdup_printf ("present %s", token));
  else
    g_ptr_array_add (f->activations, g_strdup ("present"));
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  Fixture *f = user_data;

  g_ptr_array_add (f->activations, g_strdup ("quit"));
  /* An application may drop the item as it quits. */
  if (f->drop_item_on_quit)
    g_clear_object (&f->item);
}

static const GActionEntry action_entries[] = {
  { "launch", launch_activated, "s" },
  { "present", present_activated },
  { "quit", quit_activated },
};

static SandbarProfile *
profile_new (const char *id,
             const char *name)
{
  SandbarProfile *profile = sandbar_profile_new (id);

  sandbar_profile_set_name (profile, name);
  return profile;
}

static GListModel *
profiles_new (void)
{
  GListStore *store = g_list_store_new (SANDBAR_TYPE_PROFILE);
  g_autoptr(SandbarProfile) docker = profile_new ("docker-only", "Docker only");
  g_autoptr(SandbarProfile) git = profile_new ("git-ssh", "Git over SSH");
  g_autoptr(SandbarProfile) shell = profile_new ("shell", "Shell, no network");

  g_list_store_append (store, docker);
  g_list_store_append (store, git);
  g_list_store_append (store, shell);
  return G_LIST_MODEL (store);
}

static void
on_shown (SandbarStatusItem *item,
          GParamSpec        *pspec,
          gpointer           user_data)
{
  Fixture *f = user_data;

  f->shown_notifies++;
}

/* Creates the item; no watcher is needed for that. */
static void
start_item (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  f->item = sandbar_status_item_new (f->profiles, G_ACTION_GROUP (f->actions), &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->item);
  g_signal_connect (f->item, "notify::shown", G_CALLBACK (on_shown), f);
}

/* A watcher, then the item: what starting Sandbar in a KDE session does. */
static void
start_with_tray (Fixture *f)
{
  GPtrArray *registrations;

  f->watcher = sandbar_test_watcher_new (TRUE);
  start_item (f);
  SANDBAR_TEST_WAIT_UNTIL (sandbar_status_item_is_shown (f->item));

  registrations = sandbar_test_watcher_get_registrations (f->watcher);
  g_assert_cmpuint (registrations->len, ==, 1);
  f->item_name = g_strdup (g_ptr_array_index (registrations, 0));
}

/* ---------------------------------------------------------------------- */
/* The desktop                                                            */
/* ---------------------------------------------------------------------- */

static void
signal_free (gpointer data)
{
  Signal *signal = data;

  g_free (signal->member);
  g_variant_unref (signal->parameters);
  g_free (signal);
}

static void
on_signal (GDBusConnection *connection,
           const char      *sender_name,
           const char      *object_path,
           const char      *interface_name,
           const char      *signal_name,
           GVariant        *parameters,
           gpointer         user_data)
{
  Fixture *f = user_data;
  Signal *signal;

  if (!g_str_equal (interface_name, MENU_INTERFACE) &&
      !g_str_equal (interface_name, ITEM_INTERFACE))
    return;

  signal = g_new0 (Signal, 1);
  signal->member = g_strdup (signal_name);
  signal->parameters = g_variant_ref (parameters);
  g_ptr_array_add (f->signals, signal);
}

static guint
count_signals (Fixture    *f,
               const char *member)
{
  guint n = 0;

  for (guint i = 0; i < f->signals->len; i++)
    if (g_str_equal (((Signal *) g_ptr_array_index (f->signals, i))->member, member))
      n++;
  return n;
}

/* The parameters of the only signal @member received, or fail. */
static GVariant *
only_signal (Fixture    *f,
             const char *member)
{
  GVariant *found = NULL;

  for (guint i = 0; i < f->signals->len; i++)
    {
      Signal *signal = g_ptr_array_index (f->signals, i);

      if (g_str_equal (signal->member, member))
        {
          g_assert_null (found);
          found = signal->parameters;
        }
    }
  g_assert_nonnull (found);
  return found;
}

static GVariant *
call (Fixture    *f,
      const char *path,
      const char *interface_name,
      const char *method,
      GVariant   *parameters,
      const char *reply_type)
{
  g_autoptr(GError) error = NULL;
  GVariant *reply;

  reply = sandbar_test_call (f->tray, f->item_name, path, interface_name, method,
                             parameters, reply_type, &error);
  g_assert_no_error (error);
  return reply;
}

/* A call that must fail with InvalidArgs. */
static void
call_invalid (Fixture    *f,
              const char *path,
              const char *interface_name,
              const char *method,
              GVariant   *parameters)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;

  reply = sandbar_test_call (f->tray, f->item_name, path, interface_name, method,
                             parameters, NULL, &error);
  g_assert_error (error, G_DBUS_ERROR, G_DBUS_ERROR_INVALID_ARGS);
  g_assert_null (reply);
}

static GVariant *
get_property (Fixture    *f,
              const char *path,
              const char *interface_name,
              const char *name)
{
  g_autoptr(GVariant) reply = NULL;
  GVariant *value;

  reply = call (f, path, "org.freedesktop.DBus.Properties", "Get",
                g_variant_new ("(ss)", interface_name, name), "(v)");
  g_variant_get (reply, "(v)", &value);
  return value;
}

static GVariant *
watcher_property (Fixture    *f,
                  const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;
  GVariant *value;

  reply = sandbar_test_call (f->tray, "org.kde.StatusNotifierWatcher", "/StatusNotifierWatcher",
                             "org.freedesktop.DBus.Properties", "Get",
                             g_variant_new ("(ss)", "org.kde.StatusNotifierWatcher", name),
                             "(v)", &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(v)", &value);
  return value;
}

/* A printed GVariant, for comparisons that show what differs. */
static char *
print_and_unref (GVariant *value)
{
  char *printed = g_variant_print (value, FALSE);

  g_variant_unref (value);
  return printed;
}

static void
click (Fixture *f,
       int      id)
{
  g_autoptr(GVariant) reply = NULL;

  reply = call (f, MENU_PATH, MENU_INTERFACE, "Event",
                g_variant_new ("(isvu)", id, "clicked", g_variant_new_int32 (0), 0), "()");
}

/* One line per menu, as a user reads it: labels as sent (with dbusmenu's
 * "__" for "_"), "---" for the separator, "(off)" after disabled entries. */
static char *
describe_layout (GVariant *layout)
{
  g_autoptr(GVariant) children = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  GVariantIter iter;
  GVariant *child;

  g_variant_get (layout, "(i@a{sv}@av)", NULL, NULL, &children);
  g_variant_iter_init (&iter, children);
  while (g_variant_iter_loop (&iter, "v", &child))
    {
      g_autoptr(GVariant) properties = NULL;
      g_autoptr(GVariant) grandchildren = NULL;
      const char *label = NULL;
      const char *type = NULL;
      gboolean enabled = TRUE;

      g_variant_get (child, "(i@a{sv}@av)", NULL, &properties, &grandchildren);
      g_assert_cmpuint (g_variant_n_children (grandchildren), ==, 0);
      g_variant_lookup (properties, "label", "&s", &label);
      g_variant_lookup (properties, "type", "&s", &type);
      g_variant_lookup (properties, "enabled", "b", &enabled);

      if (text->len > 0)
        g_string_append (text, " | ");
      if (g_strcmp0 (type, "separator") == 0)
        {
          g_assert_null (label);
          g_string_append (text, "---");
        }
      else
        {
          g_assert_null (type);
          g_assert_nonnull (label);
          g_string_append (text, label);
          if (!enabled)
            g_string_append (text, " (off)");
        }
    }
  return g_strdup (text->str);
}

/* The whole menu, as a tray asks for it when it opens. */
static GVariant *
get_layout (Fixture *f,
            guint   *revision)
{
  g_autoptr(GVariant) reply = NULL;
  GVariant *layout;
  const char *no_names[] = { NULL };

  reply = call (f, MENU_PATH, MENU_INTERFACE, "GetLayout",
                g_variant_new ("(ii^as)", 0, -1, no_names), "(u(ia{sv}av))");
  g_variant_get (reply, "(u@(ia{sv}av))", revision, &layout);
  return layout;
}

static char *
menu_text (Fixture *f)
{
  g_autoptr(GVariant) layout = NULL;
  guint revision;

  layout = get_layout (f, &revision);
  return describe_layout (layout);
}

/* The id of each entry of the menu, in order. */
static GArray *
menu_ids (Fixture *f)
{
  g_autoptr(GVariant) layout = NULL;
  g_autoptr(GVariant) children = NULL;
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (int));
  GVariantIter iter;
  GVariant *child;
  guint revision;

  layout = get_layout (f, &revision);
  g_variant_get (layout, "(i@a{sv}@av)", NULL, NULL, &children);
  g_variant_iter_init (&iter, children);
  while (g_variant_iter_loop (&iter, "v", &child))
    {
      int id;

      g_variant_get (child, "(i@a{sv}@av)", &id, NULL, NULL);
      g_array_append_val (ids, id);
    }
  return ids;
}

static char *
activations_text (Fixture *f)
{
  g_ptr_array_add (f->activations, NULL);
  g_autofree char *text = g_strjoinv (", ", (char **) f->activations->pdata);
  g_ptr_array_remove_index (f->activations, f->activations->len - 1);
  return g_steal_pointer (&text);
}

#define assert_activations(f, expected)                         \
  G_STMT_START {                                                \
    g_autofree char *actual_ = activations_text (f);            \
    g_assert_cmpstr (actual_, ==, expected);                    \
    g_ptr_array_set_size ((f)->activations, 0);                 \
  } G_STMT_END

#define assert_menu(f, expected)                                \
  G_STMT_START {                                                \
    g_autofree char *actual_ = menu_text (f);                   \
    g_assert_cmpstr (actual_, ==, expected);                    \
  } G_STMT_END

/* ---------------------------------------------------------------------- */
/* Fixture                                                                */
/* ---------------------------------------------------------------------- */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->profiles = profiles_new ();
  f->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (f->actions), action_entries,
                                   G_N_ELEMENTS (action_entries), f);
  f->activations = g_ptr_array_new_with_free_func (g_free);
  f->signals = g_ptr_array_new_with_free_func (signal_free);

  f->tray = sandbar_test_connect ();
  f->subscription = g_dbus_connection_signal_subscribe (f->tray, NULL, NULL, NULL, NULL, NULL,
                                                        G_DBUS_SIGNAL_FLAGS_NONE, on_signal,
                                                        f, NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->item != NULL)
    g_assert_finalize_object (g_steal_pointer (&f->item));

  /* The item's name goes with it: the tray drops the icon. */
  if (f->item_name != NULL)
    SANDBAR_TEST_WAIT_UNTIL (!sandbar_test_name_has_owner (f->tray, f->item_name));

  g_clear_pointer (&f->watcher, sandbar_test_watcher_free);
  g_dbus_connection_signal_unsubscribe (f->tray, f->subscription);
  g_dbus_connection_close_sync (f->tray, NULL, NULL);
  g_clear_object (&f->tray);
  g_clear_pointer (&f->signals, g_ptr_array_unref);
  g_clear_pointer (&f->activations, g_ptr_array_unref);
  g_clear_pointer (&f->item_name, g_free);
  g_clear_object (&f->actions);
  g_clear_object (&f->profiles);
}

/* ---------------------------------------------------------------------- */
/* Tests                                                                  */
/* ---------------------------------------------------------------------- */

/* Starting with a tray: the item registers under the name the
 * specification gives and the tray lists it. */
static void
test_registers (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *prefix = g_strdup_printf ("org.kde.StatusNotifierItem-%d-", (int) getpid ());
  g_autoptr(GVariant) items = NULL;
  g_autofree const char **names = NULL;

  start_with_tray (f);
  g_assert_true (sandbar_status_item_is_shown (f->item));
  g_assert_cmpuint (f->shown_notifies, ==, 1);

  g_assert_true (g_str_has_prefix (f->item_name, prefix));
  g_assert_true (sandbar_test_name_has_owner (f->tray, f->item_name));

  items = watcher_property (f, "RegisteredStatusNotifierItems");
  names = g_variant_get_strv (items, NULL);
  g_assert_cmpuint (g_strv_length ((char **) names), ==, 1);
  g_assert_cmpstr (names[0], ==, f->item_name);
}

/* What a tray reads to draw the icon. */
static void
test_item_properties (Fixture       *f,
                      gconstpointer  data)
{
  static const struct {
    const char *name;
    const char *value;   /* printed GVariant */
  } expected[] = {
    { "Category", "'ApplicationStatus'" },
    { "Id", "'io.github.sandbar.Sandbar'" },
    { "Title", "'Sandbar'" },
    { "Status", "'Active'" },
    { "IconName", "'io.github.sandbar.Sandbar-symbolic'" },
    { "IconThemePath", "''" },
    { "ItemIsMenu", "false" },
    { "Menu", "objectpath '/MenuBar'" },
    { "ToolTip", "('', @a(iiay) [], 'Sandbar', '')" },
  };
  g_autoptr(GVariant) all = NULL;
  g_autoptr(GVariant) properties = NULL;
  g_autoptr(GVariant) tooltip = NULL;
  g_autoptr(GVariant) theme_path = NULL;
  g_autoptr(GVariant) menu_theme_path = NULL;
  g_autofree const char **menu_theme_paths = NULL;
  const char *tooltip_title;
  const char *new_path;

  start_with_tray (f);

  /* Trays read everything at once. */
  all = call (f, ITEM_PATH, "org.freedesktop.DBus.Properties", "GetAll",
              g_variant_new ("(s)", ITEM_INTERFACE), "(a{sv})");
  properties = g_variant_get_child_value (all, 0);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(GVariant) value = g_variant_lookup_value (properties, expected[i].name, NULL);
      g_autofree char *printed = NULL;

      g_assert_nonnull (value);
      printed = g_variant_print (value, TRUE);
      g_assert_cmpstr (printed, ==, expected[i].value);
    }

  /* The menu's own properties. */
  {
    g_autoptr(GVariant) version = get_property (f, MENU_PATH, MENU_INTERFACE, "Version");
    g_autoptr(GVariant) direction = get_property (f, MENU_PATH, MENU_INTERFACE, "TextDirection");
    g_autoptr(GVariant) status = get_property (f, MENU_PATH, MENU_INTERFACE, "Status");

    g_assert_cmpuint (g_variant_get_uint32 (version), ==, 3);
    g_assert_cmpstr (g_variant_get_string (direction, NULL), ==, "ltr");
    g_assert_cmpstr (g_variant_get_string (status, NULL), ==, "normal");
  }

  /* A new tooltip is announced and read again. */
  sandbar_status_item_set_tooltip (f->item, "Sandbar — 3 profiles");
  tooltip = get_property (f, ITEM_PATH, ITEM_INTERFACE, "ToolTip");
  g_assert_cmpuint (count_signals (f, "NewToolTip"), ==, 1);
  g_variant_get (tooltip, "(&s@a(iiay)&s&s)", NULL, NULL, &tooltip_title, NULL);
  g_assert_cmpstr (tooltip_title, ==, "Sandbar — 3 profiles");

  /* Running from the build folder: the tray is told where the icon is. */
  sandbar_status_item_set_icon_theme_path (f->item, "/opt/sandbar/icons");
  theme_path = get_property (f, ITEM_PATH, ITEM_INTERFACE, "IconThemePath");
  menu_theme_path = get_property (f, MENU_PATH, MENU_INTERFACE, "IconThemePath");
  g_assert_cmpstr (g_variant_get_string (theme_path, NULL), ==, "/opt/sandbar/icons");
  menu_theme_paths = g_variant_get_strv (menu_theme_path, NULL);
  g_assert_cmpstr (menu_theme_paths[0], ==, "/opt/sandbar/icons");
  g_assert_null (menu_theme_paths[1]);
  g_variant_get (only_signal (f, "NewIconThemePath"), "(&s)", &new_path);
  g_assert_cmpstr (new_path, ==, "/opt/sandbar/icons");
  g_assert_cmpuint (count_signals (f, "NewIcon"), ==, 1);
}

/* The menu lists exactly the profiles, in order, then the fixed entries. */
static void
test_layout (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GVariant) layout = NULL;
  g_autoptr(GVariant) root_properties = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *text = NULL;
  g_autofree char *printed = NULL;
  const char *label_only[] = { "label", NULL };
  const char *no_names[] = { NULL };
  const char *display = NULL;
  guint revision;
  int root;

  start_with_tray (f);

  layout = get_layout (f, &revision);
  g_assert_cmpuint (revision, >=, 1);
  g_variant_get (layout, "(i@a{sv}av)", &root, &root_properties, NULL);
  g_assert_cmpint (root, ==, 0);
  g_assert_true (g_variant_lookup (root_properties, "children-display", "&s", &display));
  g_assert_cmpstr (display, ==, "submenu");
  text = describe_layout (layout);
  g_assert_cmpstr (text, ==,
                   "Docker only | Git over SSH | Shell, no network | --- | Edit Profiles… | Quit");

  /* Fixed ids for the fixed entries, distinct ids for the profiles. */
  ids = menu_ids (f);
  g_assert_cmpuint (ids->len, ==, 6);
  g_assert_cmpint (g_array_index (ids, int, 3), ==, SEPARATOR_ID);
  g_assert_cmpint (g_array_index (ids, int, 4), ==, EDIT_ID);
  g_assert_cmpint (g_array_index (ids, int, 5), ==, QUIT_ID);
  g_assert_cmpint (g_array_index (ids, int, 0), !=, g_array_index (ids, int, 1));
  g_assert_cmpint (g_array_index (ids, int, 1), !=, g_array_index (ids, int, 2));
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (g_array_index (ids, int, i), >, QUIT_ID);

  /* recursionDepth 0: the root alone. */
  reply = call (f, MENU_PATH, MENU_INTERFACE, "GetLayout",
                g_variant_new ("(ii^as)", 0, 0, no_names), "(u(ia{sv}av))");
  g_clear_pointer (&layout, g_variant_unref);
  layout = g_variant_get_child_value (reply, 1);
  g_clear_pointer (&text, g_free);
  text = describe_layout (layout);
  g_assert_cmpstr (text, ==, "");
  g_clear_pointer (&reply, g_variant_unref);

  /* One item, with only the properties asked for. */
  reply = call (f, MENU_PATH, MENU_INTERFACE, "GetLayout",
                g_variant_new ("(ii^as)", QUIT_ID, -1, label_only), "(u(ia{sv}av))");
  printed = print_and_unref (g_variant_get_child_value (reply, 1));
  g_assert_cmpstr (printed, ==, "(3, {'label': <'Quit'>}, [])");

  /* An id that does not exist is the tray's mistake, answered as such. */
  call_invalid (f, MENU_PATH, MENU_INTERFACE, "GetLayout",
                g_variant_new ("(ii^as)", 12345, -1, no_names));
}

/* Names are shown as they are: dbusmenu would take "_" for a mnemonic. */
static void
test_labels (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(SandbarProfile) underscore = profile_new ("my-box", "my_box");
  g_autoptr(SandbarProfile) unnamed = profile_new ("unnamed", "");

  g_list_store_remove_all (G_LIST_STORE (f->profiles));
  g_list_store_append (G_LIST_STORE (f->profiles), underscore);
  g_list_store_append (G_LIST_STORE (f->profiles), unnamed);
  start_with_tray (f);

  assert_menu (f, "my__box | unnamed | --- | Edit Profiles… | Quit");
}

static void
test_group_properties (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariant) value = NULL;
  g_autofree char *printed = NULL;
  const int ids[] = { EDIT_ID, 4242, QUIT_ID };
  const char *label_only[] = { "label", NULL };
  const char *no_names[] = { NULL };

  start_with_tray (f);

  /* libdbusmenu hosts ask for several items at once; unknown ones are
   * left out (the menu may have changed since the tray looked). */
  reply = call (f, MENU_PATH, MENU_INTERFACE, "GetGroupProperties",
                g_variant_new ("(@ai^as)",
                               g_variant_new_fixed_array (G_VARIANT_TYPE_INT32, ids,
                                                          G_N_ELEMENTS (ids), sizeof (int)),
                               label_only),
                "(a(ia{sv}))");
  printed = g_variant_print (reply, FALSE);
  g_assert_cmpstr (printed, ==, "([(2, {'label': <'Edit Profiles…'>}), (3, {'label': <'Quit'>})],)");
  g_clear_pointer (&reply, g_variant_unref);

  /* No ids: every item, the root included. */
  reply = call (f, MENU_PATH, MENU_INTERFACE, "GetGroupProperties",
                g_variant_new ("(@ai^as)", g_variant_new_array (G_VARIANT_TYPE_INT32, NULL, 0),
                               no_names),
                "(a(ia{sv}))");
  {
    g_autoptr(GVariant) all = g_variant_get_child_value (reply, 0);

    g_assert_cmpuint (g_variant_n_children (all), ==, 7);
  }

  value = call (f, MENU_PATH, MENU_INTERFACE, "GetProperty",
                g_variant_new ("(is)", SEPARATOR_ID, "type"), "(v)");
  g_clear_pointer (&printed, g_free);
  printed = g_variant_print (value, FALSE);
  g_assert_cmpstr (printed, ==, "(<'separator'>,)");

  call_invalid (f, MENU_PATH, MENU_INTERFACE, "GetProperty",
                g_variant_new ("(is)", QUIT_ID, "no-such-property"));
  call_invalid (f, MENU_PATH, MENU_INTERFACE, "GetProperty",
                g_variant_new ("(is)", 4242, "label"));
}

/* Clicking an entry activates the application's action. */
static void
test_click (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autofree char *printed = NULL;
  GVariantBuilder events;
  const int show_ids[] = { 0, EDIT_ID, 4242 };

  start_with_tray (f);
  ids = menu_ids (f);

  click (f, g_array_index (ids, int, 0));
  assert_activations (f, "launch docker-only");
  click (f, g_array_index (ids, int, 2));
  assert_activations (f, "launch shell");
  click (f, EDIT_ID);
  assert_activations (f, "present");
  click (f, QUIT_ID);
  assert_activations (f, "quit");

  /* Nothing for the separator, nor for other events. */
  click (f, SEPARATOR_ID);
  g_clear_pointer (&reply, g_variant_unref);
  reply = call (f, MENU_PATH, MENU_INTERFACE, "Event",
                g_variant_new ("(isvu)", g_array_index (ids, int, 1), "hovered",
                               g_variant_new_int32 (0), 0), "()");
  assert_activations (f, "");

  call_invalid (f, MENU_PATH, MENU_INTERFACE, "Event",
                g_variant_new ("(isvu)", 4242, "clicked", g_variant_new_int32 (0), 0));
  assert_activations (f, "");

  /* Several events at once; the unknown id is reported back. */
  g_variant_builder_init (&events, G_VARIANT_TYPE ("a(isvu)"));
  g_variant_builder_add (&events, "(isvu)", g_array_index (ids, int, 1), "clicked",
                         g_variant_new_int32 (0), 0);
  g_variant_builder_add (&events, "(isvu)", 4242, "clicked", g_variant_new_int32 (0), 0);
  g_clear_pointer (&reply, g_variant_unref);
  reply = call (f, MENU_PATH, MENU_INTERFACE, "EventGroup",
                g_variant_new ("(a(isvu))", &events), "(ai)");
  printed = g_variant_print (reply, FALSE);
  g_assert_cmpstr (printed, ==, "([4242],)");
  assert_activations (f, "launch git-ssh");

  /* Trays ask before they open the menu; Cinnamon needs an answer. */
  g_clear_pointer (&reply, g_variant_unref);
  g_clear_pointer (&printed, g_free);
  printed = print_and_unref (call (f, MENU_PATH, MENU_INTERFACE, "AboutToShow",
                                   g_variant_new ("(i)", 0), "(b)"));
  g_assert_cmpstr (printed, ==, "(false,)");
  reply = call (f, MENU_PATH, MENU_INTERFACE, "AboutToShowGroup",
                g_variant_new ("(@ai)",
                               g_variant_new_fixed_array (G_VARIANT_TYPE_INT32, show_ids,
                                                          G_N_ELEMENTS (show_ids), sizeof (int))),
                "(aiai)");
  g_clear_pointer (&printed, g_free);
  printed = g_variant_print (reply, FALSE);
  g_assert_cmpstr (printed, ==, "([], [4242])");
  call_invalid (f, MENU_PATH, MENU_INTERFACE, "AboutToShow", g_variant_new ("(i)", 4242));
  assert_activations (f, "");
}

/* A click on the icon opens the window, with the Wayland token if the
 * tray gave one; other buttons and the wheel do nothing. */
static void
test_activate (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GVariant) reply = NULL;

  start_with_tray (f);

  reply = call (f, ITEM_PATH, ITEM_INTERFACE, "Activate", g_variant_new ("(ii)", 10, 20), "()");
  assert_activations (f, "present");
  g_clear_pointer (&reply, g_variant_unref);
  reply = call (f, ITEM_PATH, ITEM_INTERFACE, "SecondaryActivate",
                g_variant_new ("(ii)", 10, 20), "()");
  assert_activations (f, "present");

  g_clear_pointer (&reply, g_variant_unref);
  reply = call (f, ITEM_PATH, ITEM_INTERFACE, "ContextMenu", g_variant_new ("(ii)", 10, 20), "()");
  g_clear_pointer (&reply, g_variant_unref);
  reply = call (f, ITEM_PATH, ITEM_INTERFACE, "Scroll",
                g_variant_new ("(is)", 120, "vertical"), "()");
  assert_activations (f, "");

  g_clear_pointer (&reply, g_variant_unref);
  reply = call (f, ITEM_PATH, ITEM_INTERFACE, "ProvideXdgActivationToken",
                g_variant_new ("(s)", "token-123"), "()");
  g_assert_cmpstr (sandbar_status_item_get_activation_token (f->item), ==, "token-123");
  g_clear_pointer (&reply, g_variant_unref);
  reply = call (f, ITEM_PATH, ITEM_INTERFACE, "Activate", g_variant_new ("(ii)", 0, 0), "()");
  assert_activations (f, "present token-123");
  /* Good for one activation only. */
  g_assert_null (sandbar_status_item_get_activation_token (f->item));
  g_clear_pointer (&reply, g_variant_unref);
  reply = call (f, ITEM_PATH, ITEM_INTERFACE, "Activate", g_variant_new ("(ii)", 0, 0), "()");
  assert_activations (f, "present");
}

/* The menu follows the profiles: added, renamed, removed. */
static void
test_follows_model (Fixture       *f,
                    gconstpointer  data)
{
  GListStore *store;
  g_autoptr(SandbarProfile) api = profile_new ("api", "API service");
  g_autoptr(GArray) before = NULL;
  g_autoptr(GArray) after = NULL;
  g_autoptr(GVariant) layout = NULL;
  g_autofree char *printed = NULL;
  g_autofree char *expected = NULL;
  SandbarProfile *git;
  guint revision;
  guint new_revision;
  guint revision_sent;
  int parent;
  int api_id;

  start_with_tray (f);
  store = G_LIST_STORE (f->profiles);
  before = menu_ids (f);
  layout = get_layout (f, &revision);

  /* Added: LayoutUpdated with the next revision, for the root. */
  g_list_store_insert (store, 1, api);
  assert_menu (f, "Docker only | API service | Git over SSH | Shell, no network | --- | "
                  "Edit Profiles… | Quit");
  g_variant_get (only_signal (f, "LayoutUpdated"), "(ui)", &revision_sent, &parent);
  g_assert_cmpuint (revision_sent, ==, revision + 1);
  g_assert_cmpint (parent, ==, 0);
  g_clear_pointer (&layout, g_variant_unref);
  layout = get_layout (f, &new_revision);
  g_assert_cmpuint (new_revision, ==, revision_sent);

  /* The others kept their ids; the new one has one of its own. */
  after = menu_ids (f);
  g_assert_cmpint (g_array_index (after, int, 0), ==, g_array_index (before, int, 0));
  g_assert_cmpint (g_array_index (after, int, 2), ==, g_array_index (before, int, 1));
  g_assert_cmpint (g_array_index (after, int, 3), ==, g_array_index (before, int, 2));
  api_id = g_array_index (after, int, 1);
  for (guint i = 0; i < before->len; i++)
    g_assert_cmpint (api_id, !=, g_array_index (before, int, i));
  click (f, api_id);
  assert_activations (f, "launch api");

  /* Renamed in place: the item's properties change, not the layout, and
   * it keeps its id. */
  g_ptr_array_set_size (f->signals, 0);
  git = g_list_model_get_item (f->profiles, 2);
  sandbar_profile_set_name (git, "Git (SSH agent)");
  g_object_unref (git);
  assert_menu (f, "Docker only | API service | Git (SSH agent) | Shell, no network | --- | "
                  "Edit Profiles… | Quit");
  printed = g_variant_print (only_signal (f, "ItemsPropertiesUpdated"), FALSE);
  expected = g_strdup_printf ("([(%d, {'label': <'Git (SSH agent)'>, 'enabled': <true>})], [])",
                              g_array_index (before, int, 1));
  g_assert_cmpstr (printed, ==, expected);
  g_assert_cmpuint (count_signals (f, "LayoutUpdated"), ==, 0);
  g_clear_pointer (&layout, g_variant_unref);
  layout = get_layout (f, &revision);
  g_assert_cmpuint (revision, ==, new_revision);
  click (f, g_array_index (before, int, 1));
  assert_activations (f, "launch git-ssh");

  /* Removed: gone from the menu; its id no longer answers. */
  g_ptr_array_set_size (f->signals, 0);
  g_list_store_remove (store, 0);
  assert_menu (f, "API service | Git (SSH agent) | Shell, no network | --- | "
                  "Edit Profiles… | Quit");
  g_variant_get (only_signal (f, "LayoutUpdated"), "(ui)", &revision_sent, &parent);
  g_assert_cmpuint (revision_sent, ==, new_revision + 1);
  call_invalid (f, MENU_PATH, MENU_INTERFACE, "Event",
                g_variant_new ("(isvu)", g_array_index (before, int, 0), "clicked",
                               g_variant_new_int32 (0), 0));
  assert_activations (f, "");

  /* Emptied: only the fixed entries are left. */
  g_list_store_remove_all (store);
  assert_menu (f, "--- | Edit Profiles… | Quit");
}

/* With the real store, sorted by name: a rename that moves a profile
 * changes the layout and the label, and the profile keeps its id. */
static void
test_store (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *dir = g_build_filename (g_get_user_config_dir (), "profiles", NULL);
  g_autoptr(SandbarProfileStore) store = sandbar_profile_store_new (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) before = NULL;
  g_autoptr(GArray) after = NULL;
  g_autoptr(GBytes) deleted = NULL;
  g_autofree char *printed = NULL;
  g_autofree char *expected = NULL;
  const struct { const char *id; const char *name; } profiles[] = {
    { "beta", "Beta" }, { "alpha", "Alpha" }, { "gamma", "Gamma" },
  };

  /* An existing folder: nothing is seeded. A deleted profile goes to the
   * trash of the (isolated) home, which GLib wants to exist. */
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (g_get_home_dir (), 0700), ==, 0);
  g_assert_true (sandbar_profile_store_load (store, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (profiles); i++)
    {
      g_autoptr(SandbarProfile) profile = profile_new (profiles[i].id, profiles[i].name);

      g_assert_true (sandbar_profile_store_create (store, profile, &error));
      g_assert_no_error (error);
    }

  g_clear_object (&f->profiles);
  f->profiles = G_LIST_MODEL (g_object_ref (store));
  start_with_tray (f);
  assert_menu (f, "Alpha | Beta | Gamma | --- | Edit Profiles… | Quit");
  before = menu_ids (f);

  /* "Alpha" becomes "Zulu" and moves to the end. */
  g_ptr_array_set_size (f->signals, 0);
  sandbar_profile_set_name (sandbar_profile_store_lookup (store, "alpha"), "Zulu");
  assert_menu (f, "Beta | Gamma | Zulu | --- | Edit Profiles… | Quit");
  g_assert_cmpuint (count_signals (f, "LayoutUpdated"), ==, 1);
  printed = print_and_unref (g_variant_get_child_value (only_signal (f, "ItemsPropertiesUpdated"),
                                                        0));
  expected = g_strdup_printf ("[(%d, {'label': <'Zulu'>, 'enabled': <true>})]",
                              g_array_index (before, int, 0));
  g_assert_cmpstr (printed, ==, expected);

  after = menu_ids (f);
  g_assert_cmpint (g_array_index (after, int, 0), ==, g_array_index (before, int, 1));
  g_assert_cmpint (g_array_index (after, int, 1), ==, g_array_index (before, int, 2));
  g_assert_cmpint (g_array_index (after, int, 2), ==, g_array_index (before, int, 0));

  click (f, g_array_index (after, int, 2));
  assert_activations (f, "launch alpha");

  /* Deleted: gone from the menu. */
  deleted = sandbar_profile_store_delete (store, "beta", &error);
  g_assert_no_error (error);
  assert_menu (f, "Gamma | Zulu | --- | Edit Profiles… | Quit");
}

/* Entries whose action is missing or disabled are shown disabled, do
 * nothing, and come alive with their action. */
static void
test_actions (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GArray) ids = NULL;
  GAction *launch;
  static const GActionEntry quit_entry[] = { { "quit", quit_activated } };

  g_action_map_remove_action (G_ACTION_MAP (f->actions), "quit");
  launch = g_action_map_lookup_action (G_ACTION_MAP (f->actions), "launch");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (launch), FALSE);
  start_with_tray (f);

  assert_menu (f, "Docker only (off) | Git over SSH (off) | Shell, no network (off) | --- | "
                  "Edit Profiles… | Quit (off)");
  ids = menu_ids (f);
  click (f, g_array_index (ids, int, 0));
  click (f, QUIT_ID);
  assert_activations (f, "");

  g_ptr_array_set_size (f->signals, 0);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (launch), TRUE);
  g_action_map_add_action_entries (G_ACTION_MAP (f->actions), quit_entry, 1, f);
  assert_menu (f, "Docker only | Git over SSH | Shell, no network | --- | Edit Profiles… | Quit");
  g_assert_cmpuint (count_signals (f, "ItemsPropertiesUpdated"), ==, 2);
  g_assert_cmpuint (count_signals (f, "LayoutUpdated"), ==, 0);

  click (f, g_array_index (ids, int, 0));
  click (f, QUIT_ID);
  assert_activations (f, "launch docker-only, quit");
}

/* An application that drops the item in its quit action. */
static void
test_quit_drops_item (Fixture       *f,
                      gconstpointer  data)
{
  start_with_tray (f);
  f->drop_item_on_quit = TRUE;

  click (f, QUIT_ID);
  assert_activations (f, "quit");
  g_assert_null (f->item);
}

/* No tray: no error, not shown; a tray that starts later gets the item. */
static void
test_no_watcher (Fixture       *f,
                 gconstpointer  data)
{
  GPtrArray *registrations;

  g_assert_false (sandbar_test_name_has_owner (f->tray, "org.kde.StatusNotifierWatcher"));
  start_item (f);

  /* Let the item settle: ask the bus about the watcher once more, which
   * the item's own watch of that name has seen by then. */
  g_assert_false (sandbar_test_name_has_owner (f->tray, "org.kde.StatusNotifierWatcher"));
  for (guint i = 0; i < 10; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_false (sandbar_status_item_is_shown (f->item));
  g_assert_cmpuint (f->shown_notifies, ==, 0);

  f->watcher = sandbar_test_watcher_new (TRUE);
  SANDBAR_TEST_WAIT_UNTIL (sandbar_status_item_is_shown (f->item));
  g_assert_cmpuint (f->shown_notifies, ==, 1);
  registrations = sandbar_test_watcher_get_registrations (f->watcher);
  g_assert_cmpuint (registrations->len, ==, 1);
  f->item_name = g_strdup (g_ptr_array_index (registrations, 0));
  assert_menu (f, "Docker only | Git over SSH | Shell, no network | --- | Edit Profiles… | Quit");
}

/* The panel restarts (or crashes and comes back): the item registers with
 * each new watcher, and is not shown in between. */
static void
test_watcher_restart (Fixture       *f,
                      gconstpointer  data)
{
  start_with_tray (f);

  for (guint round = 0; round < 2; round++)
    {
      GPtrArray *registrations;

      g_clear_pointer (&f->watcher, sandbar_test_watcher_free);
      SANDBAR_TEST_WAIT_UNTIL (!sandbar_status_item_is_shown (f->item));

      f->watcher = sandbar_test_watcher_new (TRUE);
      SANDBAR_TEST_WAIT_UNTIL (sandbar_status_item_is_shown (f->item));
      registrations = sandbar_test_watcher_get_registrations (f->watcher);
      g_assert_cmpuint (registrations->len, ==, 1);
      g_assert_cmpstr (g_ptr_array_index (registrations, 0), ==, f->item_name);
    }
  /* Shown, hidden, shown, hidden, shown. */
  g_assert_cmpuint (f->shown_notifies, ==, 5);
}

/* A watcher without a tray that draws: registered, but not shown until a
 * host comes, and not after it goes. */
static void
test_host (Fixture       *f,
           gconstpointer  data)
{
  GPtrArray *registrations;
  g_autoptr(GVariant) host = NULL;

  f->watcher = sandbar_test_watcher_new (FALSE);
  start_item (f);
  registrations = sandbar_test_watcher_get_registrations (f->watcher);
  SANDBAR_TEST_WAIT_UNTIL (registrations->len == 1);
  f->item_name = g_strdup (g_ptr_array_index (registrations, 0));

  /* One round trip to the watcher after the registration: the item's
   * question about hosts was asked before it, and answered. */
  host = watcher_property (f, "IsStatusNotifierHostRegistered");
  g_assert_false (g_variant_get_boolean (host));
  for (guint i = 0; i < 10; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_false (sandbar_status_item_is_shown (f->item));

  sandbar_test_watcher_set_host_registered (f->watcher, TRUE);
  SANDBAR_TEST_WAIT_UNTIL (sandbar_status_item_is_shown (f->item));
  sandbar_test_watcher_set_host_registered (f->watcher, FALSE);
  SANDBAR_TEST_WAIT_UNTIL (!sandbar_status_item_is_shown (f->item));
  g_assert_cmpuint (f->shown_notifies, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/sandbar/status/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("registers", test_registers);
  ADD ("item-properties", test_item_properties);
  ADD ("layout", test_layout);
  ADD ("labels", test_labels);
  ADD ("group-properties", test_group_properties);
  ADD ("click", test_click);
  ADD ("activate", test_activate);
  ADD ("follows-model", test_follows_model);
  ADD ("store", test_store);
  ADD ("actions", test_actions);
  ADD ("quit-drops-item", test_quit_drops_item);
  ADD ("no-watcher", test_no_watcher);
  ADD ("watcher-restart", test_watcher_restart);
  ADD ("host", test_host);

#undef ADD

  return sandbar_test_run_on_private_bus ();
}
