/* sandbar-open-terminal.c — a terminal under a profile, as Preferences say
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window and the tray process both open terminals; both go through
 * here, so that the terminal chosen in Preferences (the `terminal` and
 * `custom-terminal-command` settings) is the one either of them starts.
 * The rest is the core's launcher, the same path `sandbarctl open` takes.
 */

#include "config.h"

#include "sandbar-backend.h"
#include "sandbar-launcher.h"
#include "sandbar-open-terminal.h"
#include "sandbar-terminal.h"

/* The terminal the settings choose: "auto", a known id, or "custom". */
static SandbarTerminal *
new_terminal (GSettings  *settings,
              GError    **error)
{
  g_autofree char *choice = g_settings_get_string (settings, "terminal");

  if (g_str_equal (choice, "custom"))
    {
      g_autofree char *command = g_settings_get_string (settings, "custom-terminal-command");

      return sandbar_terminal_new_custom (command, error);
    }

  return sandbar_terminal_new (choice, error);
}

/**
 * sandbar_open_terminal:
 * @profile: a valid profile
 * @resolver: the path resolver
 * @settings: the application's settings (schema `io.github.sandbar.Sandbar`)
 * @warnings: (out) (optional) (element-type utf8) (transfer full): what
 *   the user should know about the launch, such as a socket that does not
 *   exist yet
 * @error: return location for a #GError
 *
 * Opens a terminal running the profile's command inside the sandbox, the
 * way `sandbarctl open` does: the core resolves the profile, writes the
 * launch files and builds the command line; the terminal is the one
 * chosen in Preferences.
 *
 * Returns: %TRUE if the terminal was started
 */
gboolean
sandbar_open_terminal (SandbarProfile       *profile,
                       SandbarPathResolver  *resolver,
                       GSettings            *settings,
                       GPtrArray           **warnings,
                       GError              **error)
{
  g_autoptr(SandbarBackend) backend = NULL;
  g_autoptr(SandbarTerminal) terminal = NULL;
  g_autoptr(SandbarLaunch) launch = NULL;

  g_return_val_if_fail (SANDBAR_IS_PROFILE (profile), FALSE);
  g_return_val_if_fail (SANDBAR_IS_PATH_RESOLVER (resolver), FALSE);
  g_return_val_if_fail (G_IS_SETTINGS (settings), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((backend = sandbar_backend_new (NULL, error)) == NULL ||
      !sandbar_backend_check_available (backend, error) ||
      (terminal = new_terminal (settings, error)) == NULL)
    return FALSE;

  launch = sandbar_launch_prepare (profile, resolver, SANDBAR_POLICY_NONE, backend, NULL, error);
  if (launch == NULL || !sandbar_launch_open_terminal (launch, terminal, error))
    return FALSE;

  if (warnings != NULL)
    *warnings = g_ptr_array_ref (launch->warnings);
  return TRUE;
}
