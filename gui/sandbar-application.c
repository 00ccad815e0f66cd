/* sandbar-application.c — the application: actions, settings, the store
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The application owns what outlives a window: the profile store, the
 * path resolver, the settings and the menu-bar or tray item. Its actions
 * are the public face of the program: keyboard shortcuts, the primary menu
 * and the menu-bar or tray item all activate the same `app.*` actions.
 *
 * On Linux and the BSDs the tray item is a process of its own,
 * `sandbar-tray` (gui/tray/, see gui/status/sandbar-tray-link.c): this
 * process starts it and ends when its window closes; the tray process
 * stays while its item is shown. On macOS the menu-bar item is in this
 * process: while it is shown, closing the window leaves Sandbar running
 * in the menu bar; without one Sandbar is a plain window and closing it
 * quits.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <gtksourceview/gtksource.h>
#include <stdio.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "sandbar-application.h"
#include "sandbar-bundle.h"
#include "sandbar-gui-resources.h"
#include "sandbar-open-terminal.h"
#include "sandbar-preferences.h"
#include "sandbar-status-item.h"
#if SANDBAR_TRAY_PROCESS
#include "sandbar-tray-link.h"
#endif
#include "sandbar-window.h"

struct _SandbarApplication
{
  AdwApplication        parent_instance;

  /* Owned */
  SandbarProfileStore  *store;
  GError               *store_error;
  SandbarPathResolver  *resolver;
  GSettings            *settings;
  SandbarStatusItem    *status_item;

  guint                 held : 1;
};

G_DEFINE_FINAL_TYPE (SandbarApplication, sandbar_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "profile", 'p', 0, G_OPTION_ARG_STRING, NULL,
    N_("Select the profile with this ID"), N_("ID") },
  { "launch", 'l', 0, G_OPTION_ARG_STRING, NULL,
    N_("Open a terminal in the profile with this ID, without the window"), N_("ID") },
  { NULL }
};

/* Inside Sandbar.app the libraries' translations are in the bundle. */
static const char * const library_domains[] = { "gtk40", "libadwaita", "gtksourceview-5", NULL };

static void
on_window_visible (GtkWindow          *window,
                   GParamSpec         *pspec,
                   SandbarApplication *self)
{
  if (self->status_item != NULL)
    sandbar_status_item_set_window_visible (self->status_item,
                                            gtk_widget_get_visible (GTK_WIDGET (window)));
}

/* For the benchmarks (tests/bench/bench-app.c): with
 * SANDBAR_BENCH_FIRST_FRAME set, each new window prints the monotonic
 * time of its first frame, and a line when it is finalized; set to
 * "exit", Sandbar quits after the first frame. */
static void
on_bench_after_paint (GdkFrameClock *clock,
                      GtkWidget     *window)
{
  g_signal_handlers_disconnect_by_func (clock, on_bench_after_paint, window);
  g_print ("sandbar-first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  fflush (stdout);
  if (g_strcmp0 (g_getenv ("SANDBAR_BENCH_FIRST_FRAME"), "exit") == 0)
    g_application_quit (g_application_get_default ());
}

static void
on_bench_realize (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_bench_after_paint), window);
}

static void
on_bench_finalized (gpointer  data,
                    GObject  *window)
{
  g_print ("sandbar-window-finalized %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  fflush (stdout);
}

/* Once the window is gone, Sandbar may stay in the tray for days: the
 * heap the window used is handed back to the system. glibc keeps freed
 * memory in its arenas, and the window's widgets, text layouts and
 * render nodes leave many free pages scattered in it, which only
 * malloc_trim() returns. Run once, when idle, not on a timer. */
static gboolean
trim_memory (gpointer user_data)
{
#ifdef __GLIBC__
  malloc_trim (0);
#endif
  return G_SOURCE_REMOVE;
}

static void
on_window_finalized (gpointer  data,
                     GObject  *window)
{
  g_idle_add_full (G_PRIORITY_LOW, trim_memory, NULL, NULL);
}

static SandbarWindow *
ensure_window (SandbarApplication *self)
{
  GtkWindow *window = sandbar_application_get_window (self);

  if (window == NULL)
    {
      window = GTK_WINDOW (sandbar_window_new (self));
      /* macOS: a Dock icon and a menu bar only while the window is open. */
      g_signal_connect_object (window, "notify::visible", G_CALLBACK (on_window_visible), self,
                               0);
      g_object_weak_ref (G_OBJECT (window), on_window_finalized, NULL);
      if (g_getenv ("SANDBAR_BENCH_FIRST_FRAME") != NULL)
        {
          g_signal_connect (window, "realize", G_CALLBACK (on_bench_realize), NULL);
          g_object_weak_ref (G_OBJECT (window), on_bench_finalized, NULL);
        }
    }

  return SANDBAR_WINDOW (window);
}

/* Shows the window, with the focus token a tray hands over on Wayland. */
static void
present_window (SandbarApplication *self)
{
  SandbarWindow *window = ensure_window (self);
  const char *token = self->status_item != NULL
                      ? sandbar_status_item_get_activation_token (self->status_item) : NULL;

  if (token != NULL)
    gtk_window_set_startup_id (GTK_WINDOW (window), token);
  gtk_window_present (GTK_WINDOW (window));
}

/* ---------------------------------------------------------------------- */
/* Actions                                                                */
/* ---------------------------------------------------------------------- */

static void
new_action (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  SandbarWindow *window = ensure_window (user_data);

  sandbar_window_new_profile (window, g_variant_get_string (parameter, NULL));
  gtk_window_present (GTK_WINDOW (window));
}

static void
duplicate_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  SandbarWindow *window = ensure_window (user_data);

  sandbar_window_duplicate_profile (window);
}

static void
delete_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  SandbarWindow *window = ensure_window (user_data);

  sandbar_window_delete_profile (window);
}

static void
launch_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  SandbarApplication *self = user_data;
  const char *id = g_variant_get_string (parameter, NULL);
  GtkWindow *window = sandbar_application_get_window (self);
  SandbarProfile *profile;
  g_autoptr(GError) error = NULL;

  /* From the window, or with the window open: it saves what is being
   * edited first, and reports in place. */
  if (window != NULL || *id == '\0' || self->store == NULL)
    {
      sandbar_window_launch (ensure_window (self), id);
      return;
    }

  /* From the menu bar or tray, with no window: just the terminal. */
  profile = sandbar_profile_store_lookup (self->store, id);
  if (profile == NULL || !sandbar_application_open_terminal (self, profile, NULL, &error))
    {
      SandbarWindow *shown = ensure_window (self);

      gtk_window_present (GTK_WINDOW (shown));
      sandbar_window_launch (shown, id);
    }
}

static void
find_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  SandbarWindow *window = ensure_window (user_data);

  gtk_window_present (GTK_WINDOW (window));
  sandbar_window_focus_search (window);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  SandbarApplication *self = user_data;
  SandbarPreferences *preferences = sandbar_preferences_new (self->settings);

  gtk_window_set_transient_for (GTK_WINDOW (preferences), GTK_WINDOW (ensure_window (self)));
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  SandbarApplication *self = user_data;
  const char *developers[] = { _("The Sandbar authors"), NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", ensure_window (self),
                        "application-name", _("Sandbar"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "comments", _("Run untrusted command-line work in saved sandbox "
                                      "profiles: choose which folders it may change, whether "
                                      "it may use the network, and exactly which local "
                                      "services it may reach."),
                        "developers", developers,
                        "copyright", _("© 2026 The Sandbar authors"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *app = user_data;
  GList *windows = gtk_application_get_windows (app);

#if SANDBAR_TRAY_PROCESS
  GDBusConnection *connection = g_application_get_dbus_connection (G_APPLICATION (app));

  /* Quit means all of Sandbar, the tray item too. */
  if (connection != NULL)
    {
      g_autofree char *tray_id =
        sandbar_tray_link_tray_id (g_application_get_application_id (G_APPLICATION (app)));

      sandbar_tray_link_activate (connection, tray_id, SANDBAR_TRAY_LINK_ACTION_EXIT, NULL, NULL);
    }
#endif

  /* Closing saves pending edits. */
  while (windows != NULL)
    {
      GtkWindow *window = windows->data;

      windows = windows->next;
      gtk_window_close (window);
    }
  g_application_quit (G_APPLICATION (app));
}

static void
present_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  present_window (user_data);
}

static const GActionEntry app_actions[] = {
  { "new", new_action, "s" },
  { "duplicate", duplicate_action },
  { "delete", delete_action },
  { "launch", launch_action, "s" },
  { "find", find_action },
  { "preferences", preferences_action },
  { "about", about_action },
  { "quit", quit_action },
  { "present", present_action },
  { "open-editor", present_action },
};

static const struct {
  const char *action;
  const char *accels[3];
} app_accels[] = {
  { "app.new('')", { "<Control>n", NULL } },
  { "app.duplicate", { "<Control>d", NULL } },
  { "app.launch('')", { "<Control>Return", NULL } },
  { "app.find", { "<Control>f", NULL } },
  { "app.preferences", { "<Control>comma", NULL } },
  { "app.quit", { "<Control>q", NULL } },
  { "window.close", { "<Control>w", NULL } },
};

/* ---------------------------------------------------------------------- */
/* GApplication                                                           */
/* ---------------------------------------------------------------------- */

#if SANDBAR_TRAY_PROCESS
/* The tray item is the tray process's (sandbar-tray-link.c): start it,
 * or hand over to the one running. Without a session bus there is no
 * tray. The process ends with its window all the same. */
static void
start_status_item (SandbarApplication *self)
{
  GApplication *application = G_APPLICATION (self);
  g_autoptr(GError) error = NULL;

  if (g_application_get_dbus_connection (application) == NULL ||
      (g_application_get_flags (application) & G_APPLICATION_NON_UNIQUE) != 0)
    return;

  if (!sandbar_tray_link_start_tray (g_application_get_application_id (application), &error))
    g_warning ("No tray item: %s", error->message);
}
#else
/* Closing the window leaves Sandbar running only while its item is in
 * the menu bar: otherwise nothing would be left to open it. */
static void
on_status_item_shown (SandbarApplication *self)
{
  gboolean shown = self->status_item != NULL &&
                   sandbar_status_item_is_shown (self->status_item);

  if (shown && !self->held)
    g_application_hold (G_APPLICATION (self));
  else if (!shown && self->held)
    g_application_release (G_APPLICATION (self));
  self->held = shown;
}

/* The menu-bar item lists the store's profiles. Without a session bus
 * (Linux builds without the tray process) there is none, and Sandbar is
 * a plain window. */
static void
start_status_item (SandbarApplication *self)
{
  g_autoptr(GError) error = NULL;

  if (self->store_error != NULL)
    return;

  self->status_item = sandbar_status_item_new (G_LIST_MODEL (self->store),
                                               G_ACTION_GROUP (self), &error);
  if (self->status_item == NULL)
    {
      g_debug ("No menu-bar or tray item: %s", error->message);
      return;
    }

  sandbar_status_item_set_tooltip (self->status_item, _("Sandbar"));
  g_signal_connect_object (self->status_item, "notify::shown",
                           G_CALLBACK (on_status_item_shown), self, G_CONNECT_SWAPPED);
  on_status_item_shown (self);
}
#endif

static void
sandbar_application_startup (GApplication *application)
{
  SandbarApplication *self = SANDBAR_APPLICATION (application);

  G_APPLICATION_CLASS (sandbar_application_parent_class)->startup (application);

  gtk_source_init ();
  sandbar_bundle_bind_text_domains (sandbar_bundle_get_resources (), library_domains);

  /* The icon is in the resources (icons/ under the resource base path),
   * so it shows before Sandbar is installed too. */
  gtk_window_set_default_icon_name (APP_ID);

  self->settings = g_settings_new (APP_ID);
  self->resolver = sandbar_path_resolver_new ();
  self->store = sandbar_profile_store_new (NULL);
  if (!sandbar_profile_store_load (self->store, &self->store_error))
    g_warning ("%s", self->store_error->message);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (app_accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), app_accels[i].action,
                                           app_accels[i].accels);

  start_status_item (self);
}

static void
sandbar_application_shutdown (GApplication *application)
{
  SandbarApplication *self = SANDBAR_APPLICATION (application);

  g_clear_object (&self->status_item);
  if (self->held)
    {
      self->held = FALSE;
      g_application_release (application);
    }

  G_APPLICATION_CLASS (sandbar_application_parent_class)->shutdown (application);
}

static void
sandbar_application_activate (GApplication *application)
{
  present_window (SANDBAR_APPLICATION (application));
}

static int
sandbar_application_command_line (GApplication            *application,
                                  GApplicationCommandLine *command_line)
{
  SandbarApplication *self = SANDBAR_APPLICATION (application);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  const char *profile = NULL;
  const char *launch = NULL;
  SandbarWindow *window;

  /* The desktop file's actions: a terminal, and the window only if the
   * launch fails (it says why) or was already open. */
  if (g_variant_dict_lookup (options, "launch", "&s", &launch))
    {
      g_action_group_activate_action (G_ACTION_GROUP (self), "launch",
                                      g_variant_new_string (launch));
      return EXIT_SUCCESS;
    }

  window = ensure_window (self);
  if (g_variant_dict_lookup (options, "profile", "&s", &profile) &&
      !sandbar_window_select_profile (window, profile))
    g_application_command_line_printerr (command_line,
                                         _("sandbar: there is no profile “%s”\n"), profile);

  gtk_window_present (GTK_WINDOW (window));
  return EXIT_SUCCESS;
}

static void
sandbar_application_finalize (GObject *object)
{
  SandbarApplication *self = SANDBAR_APPLICATION (object);

  g_clear_object (&self->status_item);
  g_clear_object (&self->store);
  g_clear_error (&self->store_error);
  g_clear_object (&self->resolver);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (sandbar_application_parent_class)->finalize (object);
}

static void
sandbar_application_class_init (SandbarApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = sandbar_application_finalize;
  app_class->startup = sandbar_application_startup;
  app_class->activate = sandbar_application_activate;
  app_class->command_line = sandbar_application_command_line;
  app_class->shutdown = sandbar_application_shutdown;

  /* The library is static: referring to its resource makes sure the
   * linker keeps the object that registers it. */
  g_assert (sandbar_gui_get_resource () != NULL);
}

static void
sandbar_application_init (SandbarApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
}

/**
 * sandbar_application_new:
 * @application_id: the application id, normally `io.github.sandbar.Sandbar`
 * @flags: extra flags; %G_APPLICATION_NON_UNIQUE for tests
 *
 * Returns: (transfer full): the application
 */
SandbarApplication *
sandbar_application_new (const char        *application_id,
                         GApplicationFlags  flags)
{
  return g_object_new (SANDBAR_TYPE_APPLICATION,
                       "application-id", application_id,
                       "flags", flags | G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

SandbarProfileStore *
sandbar_application_get_store (SandbarApplication *self)
{
  g_return_val_if_fail (SANDBAR_IS_APPLICATION (self), NULL);
  return self->store;
}

/**
 * sandbar_application_get_store_error:
 * @self: the application
 *
 * Returns: (nullable): why the profiles folder could not be read
 */
const GError *
sandbar_application_get_store_error (SandbarApplication *self)
{
  g_return_val_if_fail (SANDBAR_IS_APPLICATION (self), NULL);
  return self->store_error;
}

SandbarPathResolver *
sandbar_application_get_resolver (SandbarApplication *self)
{
  g_return_val_if_fail (SANDBAR_IS_APPLICATION (self), NULL);
  return self->resolver;
}

GSettings *
sandbar_application_get_settings (SandbarApplication *self)
{
  g_return_val_if_fail (SANDBAR_IS_APPLICATION (self), NULL);
  return self->settings;
}

/**
 * sandbar_application_get_window:
 * @self: the application
 *
 * Returns: (transfer none) (nullable): the main window, if it is open
 */
GtkWindow *
sandbar_application_get_window (SandbarApplication *self)
{
  g_return_val_if_fail (SANDBAR_IS_APPLICATION (self), NULL);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (SANDBAR_IS_WINDOW (l->data))
      return l->data;

  return NULL;
}

/**
 * sandbar_application_open_terminal:
 * @self: the application
 * @profile: a valid profile
 * @warnings: (out) (optional) (element-type utf8) (transfer full): what
 *   the user should know about the launch, such as a socket that does not
 *   exist yet
 * @error: return location for a #GError
 *
 * Opens a terminal running the profile's command inside the sandbox, the
 * terminal chosen in Preferences (see sandbar_open_terminal()).
 *
 * Returns: %TRUE if the terminal was started
 */
gboolean
sandbar_application_open_terminal (SandbarApplication  *self,
                                   SandbarProfile      *profile,
                                   GPtrArray          **warnings,
                                   GError             **error)
{
  g_return_val_if_fail (SANDBAR_IS_APPLICATION (self), FALSE);

  return sandbar_open_terminal (profile, self->resolver, self->settings, warnings, error);
}
