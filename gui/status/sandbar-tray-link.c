/* sandbar-tray-link.c — the window process and the tray process
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On Linux and the BSDs the tray item runs in a process of its own,
 * `sandbar-tray` (gui/tray/), which links GIO and not GTK: a window
 * process holds the display, GL and the toolkit's caches (about 100 MB
 * here, half of it Mesa, which GTK 4.8 loads with the X11 display even
 * with the cairo renderer), far more than an icon that waits for days
 * needs. So the window process ends when its window closes, and the tray
 * process (about 10 MB) stays.
 *
 * Each is a GApplication on the session bus: the window process with the
 * application id (io.github.sandbar.Sandbar), the tray process with the
 * same id and ".Tray". They talk through the actions GApplication exports
 * (org.gtk.Actions), the ones the keyboard and the menus use: the tray
 * asks the window's `launch` and `present` while the window runs, and
 * either asks the other's `quit`.
 */

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "sandbar-bundle.h"
#include "sandbar-tray-link.h"

/**
 * sandbar_tray_link_tray_id:
 * @window_app_id: the window process's application id
 *
 * Returns: (transfer full): the tray process's application id
 */
char *
sandbar_tray_link_tray_id (const char *window_app_id)
{
  g_return_val_if_fail (g_application_id_is_valid (window_app_id), NULL);

  return g_strconcat (window_app_id, SANDBAR_TRAY_LINK_TRAY_SUFFIX, NULL);
}

/**
 * sandbar_tray_link_object_path:
 * @app_id: a valid application id
 *
 * Returns: (transfer full): the object path where GApplication exports
 *   the actions of the application with this id: "/" and the id with
 *   '.' as '/' and '-' as '_'
 */
char *
sandbar_tray_link_object_path (const char *app_id)
{
  char *path;

  g_return_val_if_fail (g_application_id_is_valid (app_id), NULL);

  path = g_strconcat ("/", app_id, NULL);
  for (char *p = path; *p != '\0'; p++)
    if (*p == '.')
      *p = '/';
    else if (*p == '-')
      *p = '_';

  return path;
}

/**
 * sandbar_tray_link_activate:
 * @connection: the session bus
 * @app_id: the application id of the other process
 * @action: the name of one of its `app.` actions
 * @parameter: (nullable): the action's parameter; floating references
 *   are taken
 * @activation_token: (nullable): the XDG activation token to hand over,
 *   so that a window the action shows gets the focus (Wayland)
 *
 * Activates an action of the other process, without waiting for it. An
 * application that is not running is not started (no auto-start). The
 * message is flushed before this returns, so the caller may quit.
 */
void
sandbar_tray_link_activate (GDBusConnection *connection,
                            const char      *app_id,
                            const char      *action,
                            GVariant        *parameter,
                            const char      *activation_token)
{
  g_autofree char *path = NULL;
  g_autoptr(GVariant) sunk = parameter != NULL ? g_variant_ref_sink (parameter) : NULL;
  GVariantBuilder parameters;
  GVariantBuilder platform_data;

  g_return_if_fail (G_IS_DBUS_CONNECTION (connection));
  g_return_if_fail (action != NULL);

  path = sandbar_tray_link_object_path (app_id);
  g_return_if_fail (path != NULL);

  g_variant_builder_init (&parameters, G_VARIANT_TYPE ("av"));
  if (sunk != NULL)
    g_variant_builder_add (&parameters, "v", sunk);

  /* GtkApplication reads "activation-token" (Wayland) and
   * "desktop-startup-id" (X11) before it runs the action. */
  g_variant_builder_init (&platform_data, G_VARIANT_TYPE_VARDICT);
  if (activation_token != NULL)
    {
      g_variant_builder_add (&platform_data, "{sv}", "activation-token",
                             g_variant_new_string (activation_token));
      g_variant_builder_add (&platform_data, "{sv}", "desktop-startup-id",
                             g_variant_new_string (activation_token));
    }

  g_dbus_connection_call (connection, app_id, path, "org.gtk.Actions", "Activate",
                          g_variant_new ("(sava{sv})", action, &parameters, &platform_data),
                          NULL, G_DBUS_CALL_FLAGS_NO_AUTO_START, -1, NULL, NULL, NULL);
  g_dbus_connection_flush_sync (connection, NULL, NULL);
}

static gboolean
is_program (const char *path)
{
  return g_file_test (path, G_FILE_TEST_IS_REGULAR) &&
         g_file_test (path, G_FILE_TEST_IS_EXECUTABLE);
}

/**
 * sandbar_tray_link_find_program:
 *
 * Finds `sandbar-tray`: $SANDBAR_TRAY_PROGRAM when set (tests), else
 * next to the running program (a build tree: both are built in gui/),
 * else in the libexec folder it is installed in.
 *
 * Returns: (transfer full) (nullable): its path, or %NULL
 */
char *
sandbar_tray_link_find_program (void)
{
  const char *env = g_getenv ("SANDBAR_TRAY_PROGRAM");
  g_autofree char *self = NULL;
  g_autofree char *installed = NULL;

  if (env != NULL)
    return *env != '\0' && is_program (env) ? g_strdup (env) : NULL;

  self = g_file_read_link ("/proc/self/exe", NULL);
  if (self != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (self);
      g_autofree char *sibling = g_build_filename (dir, "sandbar-tray", NULL);

      if (is_program (sibling))
        return g_steal_pointer (&sibling);
    }

  installed = g_build_filename (LIBEXECDIR, "sandbar-tray", NULL);
  return is_program (installed) ? g_steal_pointer (&installed) : NULL;
}

/**
 * sandbar_tray_link_start_tray:
 * @window_app_id: the window process's application id
 * @error: return location for a #GError
 *
 * Starts the tray process for the window process with @window_app_id,
 * telling it which program shows the window (this one). When a tray
 * process already runs, the new one hands over to it and exits
 * (GApplication's uniqueness). The tray process is not our child: it
 * outlives this process.
 *
 * Returns: %TRUE if it was started
 */
gboolean
sandbar_tray_link_start_tray (const char  *window_app_id,
                              GError     **error)
{
  g_autofree char *program = sandbar_tray_link_find_program ();
  g_autofree char *window_program = g_file_read_link ("/proc/self/exe", NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = NULL;

  g_return_val_if_fail (g_application_id_is_valid (window_app_id), FALSE);

  if (program == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   "sandbar-tray is not installed in %s", LIBEXECDIR);
      return FALSE;
    }

  g_ptr_array_add (argv, program);
  g_ptr_array_add (argv, (char *) "--window-app-id");
  g_ptr_array_add (argv, (char *) window_app_id);
  if (window_program != NULL)
    {
      g_ptr_array_add (argv, (char *) "--window-program");
      g_ptr_array_add (argv, window_program);
    }
  g_ptr_array_add (argv, NULL);

  /* The tray starts windows, and they terminals: it must not pass on
   * variables this window set up for GTK (sandbar-bundle.c), or a window
   * it starts would keep them as the user's. Without
   * G_SPAWN_DO_NOT_REAP_CHILD GLib forks twice: the tray process is
   * nobody's zombie and lives on when this process ends. */
  envp = sandbar_bundle_child_environ ();
  return g_spawn_async (NULL, (char **) argv->pdata, envp, G_SPAWN_STDIN_FROM_DEV_NULL, NULL, NULL,
                        NULL, error);
}
