/* sandbar-tray-application.c — the tray process
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `sandbar-tray` shows Sandbar's item in a Linux tray (StatusNotifierItem,
 * gui/status/) and does what its menu says, with GIO only: no display, no
 * toolkit, so that what stays running while no window is open is small
 * (see sandbar-tray-link.c for why it is a process of its own).
 *
 * The window process starts it (`--window-app-id ID --window-program
 * PATH`); a second start hands over to the running one. Its menu:
 *
 * - a profile: while the window runs, the window's `launch` action (it
 *   saves the edits in progress first, and reports in place); otherwise a
 *   terminal straight from here, as Preferences choose; when that fails,
 *   the window opens with `--launch ID` to say why;
 * - Edit Profiles… and a click on the icon: the window's `present`, or
 *   the window program started, with the tray's activation token;
 * - Quit: the window's `quit` too, then this process ends.
 *
 * The window's own Quit ends this process with the `exit` action.
 *
 * It lives while its item is shown or the window runs (a tray that
 * appears later then shows it); otherwise it ends. At start it waits a
 * few seconds for a tray to answer, once.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sandbar-open-terminal.h"
#include "sandbar-path-resolver.h"
#include "sandbar-profile-store.h"
#include "sandbar-status-item.h"
#include "sandbar-tray-application.h"
#include "sandbar-tray-link.h"

/* How long a new tray process waits for a tray to show its item, when
 * the window is not running either. A one-shot timer, not a poll. */
#define START_GRACE_SECONDS 5

struct _SandbarTrayApplication
{
  GApplication          parent_instance;

  /* Owned */
  char                 *window_app_id;
  char                 *window_program;
  SandbarProfileStore  *store;
  SandbarPathResolver  *resolver;
  GSettings            *settings;
  SandbarStatusItem    *item;
  guint                 window_watch_id;
  guint                 grace_id;

  guint                 window_running : 1;
  guint                 held : 1;
};

G_DEFINE_FINAL_TYPE (SandbarTrayApplication, sandbar_tray_application, G_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "window-app-id", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The application id of the window process"), N_("ID") },
  { "window-program", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("The program that shows the window"), N_("PATH") },
  { NULL }
};

/* Alive while there is something to do: an item in a tray, a window that
 * a tray may still want (a panel that restarts), or the first seconds. */
static void
update_hold (SandbarTrayApplication *self)
{
  gboolean wanted = self->grace_id != 0 || self->window_running ||
                    (self->item != NULL && sandbar_status_item_is_shown (self->item));

  if (wanted && !self->held)
    g_application_hold (G_APPLICATION (self));
  else if (!wanted && self->held)
    g_application_release (G_APPLICATION (self));
  self->held = wanted;
}

static gboolean
on_grace_over (gpointer user_data)
{
  SandbarTrayApplication *self = user_data;

  self->grace_id = 0;
  update_hold (self);
  return G_SOURCE_REMOVE;
}

static void
on_window_appeared (GDBusConnection *connection,
                    const char      *name,
                    const char      *name_owner,
                    gpointer         user_data)
{
  SandbarTrayApplication *self = user_data;

  self->window_running = TRUE;
  update_hold (self);
}

static void
on_window_vanished (GDBusConnection *connection,
                    const char      *name,
                    gpointer         user_data)
{
  SandbarTrayApplication *self = user_data;

  self->window_running = FALSE;
  update_hold (self);
}

/* The focus token the tray gave for the click being handled (Wayland). */
static const char *
activation_token (SandbarTrayApplication *self)
{
  return self->item != NULL ? sandbar_status_item_get_activation_token (self->item) : NULL;
}

/* Starts the window program, with @args after it. */
static void
start_window (SandbarTrayApplication *self,
              const char * const     *args)
{
  const char *token = activation_token (self);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, self->window_program);
  for (guint i = 0; args != NULL && args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  /* GTK takes the focus token from the environment at start. */
  if (token != NULL)
    envp = g_environ_setenv (envp, "XDG_ACTIVATION_TOKEN", token, TRUE);

  if (!g_spawn_async (NULL, (char **) argv->pdata, envp, G_SPAWN_STDIN_FROM_DEV_NULL, NULL, NULL,
                      NULL, &error))
    g_warning ("Could not start %s: %s", self->window_program, error->message);
}

/* Asks the running window process to run one of its actions. */
static void
activate_in_window (SandbarTrayApplication *self,
                    const char             *action,
                    GVariant               *parameter)
{
  GDBusConnection *connection = g_application_get_dbus_connection (G_APPLICATION (self));
  sandbar_tray_link_activate (connection, self->window_app_id, action, parameter,
                              activation_token (self));
}

/* ---------------------------------------------------------------------- */
/* Actions: those the item activates (sandbar-status-item.h)               */
/* ---------------------------------------------------------------------- */

static void
launch_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  SandbarTrayApplication *self = user_data;
  const char *id = g_variant_get_string (parameter, NULL);
  SandbarProfile *profile;
  g_autoptr(GError) error = NULL;

  if (self->window_running)
    {
      activate_in_window (self, "launch", parameter);
      return;
    }

  profile = sandbar_profile_store_lookup (self->store, id);
  if (profile == NULL ||
      !sandbar_open_terminal (profile, self->resolver, self->settings, NULL, &error))
    {
      const char *args[] = { "--launch", id, NULL };

      /* The window says what went wrong, where the user can fix it. */
      g_debug ("Launching %s from the tray: %s", id,
               error != NULL ? error->message : "no such profile");
      start_window (self, args);
    }
}

static void
present_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  SandbarTrayApplication *self = user_data;

  if (self->window_running)
    activate_in_window (self, "present", NULL);
  else
    start_window (self, NULL);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  SandbarTrayApplication *self = user_data;

  if (self->window_running)
    activate_in_window (self, "quit", NULL);
  g_application_quit (G_APPLICATION (self));
}

/* The window's Quit: this process ends, the window is ending already. */
static void
exit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static const GActionEntry tray_actions[] = {
  { SANDBAR_STATUS_ITEM_ACTION_LAUNCH, launch_action, "s" },
  { SANDBAR_STATUS_ITEM_ACTION_PRESENT, present_action },
  { SANDBAR_STATUS_ITEM_ACTION_QUIT, quit_action },
  { SANDBAR_TRAY_LINK_ACTION_EXIT, exit_action },
};

/* ---------------------------------------------------------------------- */
/* GApplication                                                           */
/* ---------------------------------------------------------------------- */

static int
sandbar_tray_application_handle_local_options (GApplication *application,
                                               GVariantDict *options)
{
  SandbarTrayApplication *self = SANDBAR_TRAY_APPLICATION (application);
  g_autofree char *tray_id = NULL;

  g_variant_dict_lookup (options, "window-app-id", "s", &self->window_app_id);
  g_variant_dict_lookup (options, "window-program", "^ay", &self->window_program);
  if (self->window_app_id == NULL)
    self->window_app_id = g_strdup (APP_ID);
  if (self->window_program == NULL)
    self->window_program = g_build_filename (BINDIR, "sandbar", NULL);

  if (!g_application_id_is_valid (self->window_app_id))
    {
      g_printerr (_("sandbar-tray: --window-app-id: “%s” is not an application id\n"),
                  self->window_app_id);
      return 2;
    }
  if (!g_path_is_absolute (self->window_program))
    {
      g_printerr (_("sandbar-tray: --window-program: “%s” is not an absolute path\n"),
                  self->window_program);
      return 2;
    }

  /* One tray process per window application id. */
  tray_id = sandbar_tray_link_tray_id (self->window_app_id);
  g_application_set_application_id (application, tray_id);

  return -1;
}

static void
sandbar_tray_application_startup (GApplication *application)
{
  SandbarTrayApplication *self = SANDBAR_TRAY_APPLICATION (application);
  GDBusConnection *connection;
  g_autoptr(GError) error = NULL;

  G_APPLICATION_CLASS (sandbar_tray_application_parent_class)->startup (application);

  /* Without a session bus there is no tray, and nothing to do. */
  connection = g_application_get_dbus_connection (application);
  if (connection == NULL)
    return;

  g_action_map_add_action_entries (G_ACTION_MAP (self), tray_actions,
                                   G_N_ELEMENTS (tray_actions), self);

  self->settings = g_settings_new (APP_ID);
  self->resolver = sandbar_path_resolver_new ();
  self->store = sandbar_profile_store_new (NULL);

  /* A folder that cannot be read is the window's to report (as the
   * window process did before, no item then). */
  if (!sandbar_profile_store_load (self->store, &error))
    {
      g_debug ("No tray item: %s", error->message);
      return;
    }

  self->item = sandbar_status_item_new (G_LIST_MODEL (self->store), G_ACTION_GROUP (self),
                                        &error);
  if (self->item == NULL)
    {
      g_debug ("No tray item: %s", error->message);
      return;
    }
  sandbar_status_item_set_tooltip (self->item, _("Sandbar"));
  g_signal_connect_object (self->item, "notify::shown", G_CALLBACK (update_hold), self,
                           G_CONNECT_SWAPPED);

  self->window_watch_id = g_bus_watch_name_on_connection (connection, self->window_app_id,
                                                          G_BUS_NAME_WATCHER_FLAGS_NONE,
                                                          on_window_appeared,
                                                          on_window_vanished,
                                                          self, NULL);
  self->grace_id = g_timeout_add_seconds (START_GRACE_SECONDS, on_grace_over, self);
  update_hold (self);
}

/* A second start (the window opened again) finds this one running. */
static void
sandbar_tray_application_activate (GApplication *application)
{
}

static void
sandbar_tray_application_shutdown (GApplication *application)
{
  SandbarTrayApplication *self = SANDBAR_TRAY_APPLICATION (application);

  g_clear_handle_id (&self->grace_id, g_source_remove);
  g_clear_handle_id (&self->window_watch_id, g_bus_unwatch_name);
  g_clear_object (&self->item);
  if (self->held)
    {
      self->held = FALSE;
      g_application_release (application);
    }

  G_APPLICATION_CLASS (sandbar_tray_application_parent_class)->shutdown (application);
}

static void
sandbar_tray_application_finalize (GObject *object)
{
  SandbarTrayApplication *self = SANDBAR_TRAY_APPLICATION (object);

  g_clear_object (&self->item);
  g_clear_object (&self->store);
  g_clear_object (&self->resolver);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->window_app_id, g_free);
  g_clear_pointer (&self->window_program, g_free);

  G_OBJECT_CLASS (sandbar_tray_application_parent_class)->finalize (object);
}

static void
sandbar_tray_application_class_init (SandbarTrayApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = sandbar_tray_application_finalize;
  app_class->handle_local_options = sandbar_tray_application_handle_local_options;
  app_class->startup = sandbar_tray_application_startup;
  app_class->activate = sandbar_tray_application_activate;
  app_class->shutdown = sandbar_tray_application_shutdown;
}

static void
sandbar_tray_application_init (SandbarTrayApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
}

/**
 * sandbar_tray_application_new:
 *
 * Returns: (transfer full): the tray process's application; its id is set
 *   from `--window-app-id` when it runs
 */
SandbarTrayApplication *
sandbar_tray_application_new (void)
{
  return g_object_new (SANDBAR_TYPE_TRAY_APPLICATION,
                       "application-id", APP_ID SANDBAR_TRAY_LINK_TRAY_SUFFIX,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       NULL);
}
