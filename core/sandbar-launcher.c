/* sandbar-launcher.c — resolve, generate, write private files, build argv
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <pwd.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sandbar-bundle.h"
#include "sandbar-launcher.h"

/* Launch files older than this are removed by the next launch. */
#define STALE_LAUNCH_SECONDS (12 * 60 * 60)

/**
 * sandbar_launch_default_command:
 * @profile: a profile
 * @error: return location for a #GError
 *
 * The profile's command split into words (no shell sees it), or the
 * user's login shell when the command is empty.
 *
 * Returns: (transfer full): the command vector
 */
GStrv
sandbar_launch_default_command (SandbarProfile  *profile,
                                GError         **error)
{
  const char *command = sandbar_profile_get_command (profile);
  const char *shell;
  GStrv argv = NULL;

  if (*command != '\0')
    {
      if (!g_shell_parse_argv (command, NULL, &argv, error))
        return NULL;
      return argv;
    }

  shell = g_getenv ("SHELL");
  if (shell == NULL || *shell != '/')
    {
      struct passwd *entry = getpwuid (getuid ());

      shell = entry != NULL && entry->pw_shell != NULL && *entry->pw_shell == '/'
              ? entry->pw_shell : "/bin/sh";
    }

  /* A login shell, as a terminal window starts one. */
  argv = g_new0 (char *, 3);
  argv[0] = g_strdup (shell);
  argv[1] = g_strdup ("-l");
  return argv;
}

void
sandbar_launch_free (SandbarLaunch *launch)
{
  if (launch == NULL)
    return;

  g_clear_pointer (&launch->policy, sandbar_policy_free);
  g_clear_pointer (&launch->command, g_strfreev);
  g_clear_pointer (&launch->argv, g_strfreev);
  g_clear_object (&launch->dir);
  g_clear_pointer (&launch->warnings, g_ptr_array_unref);
  g_free (launch);
}

/**
 * sandbar_launch_prepare:
 * @profile: the profile to run under
 * @resolver: how paths resolve (the real machine, or a fake in tests)
 * @flags: how the working directory is chosen
 * @backend: Seatbelt or bubblewrap
 * @command: (nullable) (array zero-terminated=1): the command, or %NULL
 *   for sandbar_launch_default_command()
 * @error: return location for a #GError
 *
 * Validates and resolves @profile, writes the launch files into a fresh
 * private directory and builds the full argv.
 *
 * Returns: (transfer full): the prepared launch, or %NULL
 */
SandbarLaunch *
sandbar_launch_prepare (SandbarProfile       *profile,
                        SandbarPathResolver  *resolver,
                        SandbarPolicyFlags    flags,
                        SandbarBackend       *backend,
                        const char * const   *command,
                        GError              **error)
{
  g_autoptr(SandbarLaunch) launch = g_new0 (SandbarLaunch, 1);

  g_return_val_if_fail (SANDBAR_IS_PROFILE (profile), NULL);
  g_return_val_if_fail (SANDBAR_IS_BACKEND (backend), NULL);

  launch->warnings = g_ptr_array_new_with_free_func (g_free);

  if (command != NULL && command[0] != NULL)
    launch->command = g_strdupv ((char **)command);
  else if ((launch->command = sandbar_launch_default_command (profile, error)) == NULL)
    return NULL;

  launch->policy = sandbar_policy_new (profile, resolver, flags, error);
  if (launch->policy == NULL)
    return NULL;

  /* The files of earlier `open` launches, whose terminals have long
   * read them. */
  sandbar_private_dir_clean_stale (NULL, STALE_LAUNCH_SECONDS);
  launch->dir = sandbar_private_dir_new (NULL, error);
  if (launch->dir == NULL)
    return NULL;

  launch->argv = sandbar_backend_build_argv (backend, launch->policy,
                                             (const char * const *)launch->command,
                                             launch->dir, launch->warnings, error);
  if (launch->argv == NULL)
    return NULL;

  return g_steal_pointer (&launch);
}

/* The child gets the default dispositions back; sandbarctl ignores
 * SIGINT and SIGQUIT while it waits, as a shell does, so that Ctrl-C
 * reaches only the sandboxed command. */
static void
restore_signals (gpointer user_data)
{
  signal (SIGINT, SIG_DFL);
  signal (SIGQUIT, SIG_DFL);
}

/**
 * sandbar_launch_run:
 * @launch: a prepared launch
 * @wait_status: (out): the command's wait status
 * @error: return location for a #GError
 *
 * Runs the sandboxed command in this terminal, in the working directory
 * of the policy, with the user's environment ([func@bundle_child_environ]),
 * and waits for it. The launch files are removed after.
 *
 * Returns: %TRUE if the command was started (whatever its exit status)
 */
gboolean
sandbar_launch_run (SandbarLaunch  *launch,
                    int            *wait_status,
                    GError        **error)
{
  struct sigaction ignore = { 0 };
  struct sigaction old_int;
  struct sigaction old_quit;
  g_auto(GStrv) envp = NULL;
  GPid pid;
  int status = 0;

  g_return_val_if_fail (launch != NULL, FALSE);

  /* The user's environment, not what Sandbar.app set up for GTK; the
   * backend adds SANDBAR_PROFILE and SANDBAR_SANDBOX inside the sandbox. */
  envp = sandbar_bundle_child_environ ();
  if (!g_spawn_async (launch->policy->working_directory, launch->argv, envp,
                      G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_CHILD_INHERITS_STDIN,
                      restore_signals, NULL, &pid, error))
    return FALSE;

  ignore.sa_handler = SIG_IGN;
  sigaction (SIGINT, &ignore, &old_int);
  sigaction (SIGQUIT, &ignore, &old_quit);
  while (waitpid (pid, &status, 0) < 0 && errno == EINTR)
    ;
  sigaction (SIGINT, &old_int, NULL);
  sigaction (SIGQUIT, &old_quit, NULL);
  g_spawn_close_pid (pid);

  if (launch->dir != NULL)
    sandbar_private_dir_remove (launch->dir, NULL);

  *wait_status = status;
  return TRUE;
}

/**
 * sandbar_launch_open_terminal:
 * @launch: a prepared launch
 * @terminal: the terminal emulator to use
 * @error: return location for a #GError
 *
 * Opens a new terminal window running the sandboxed command. The launch
 * files stay: the terminal starts after this returns. They are removed
 * with the stale ones of earlier launches.
 *
 * Returns: %TRUE if the terminal was started
 */
gboolean
sandbar_launch_open_terminal (SandbarLaunch    *launch,
                              SandbarTerminal  *terminal,
                              GError          **error)
{
  g_return_val_if_fail (launch != NULL, FALSE);
  g_return_val_if_fail (SANDBAR_IS_TERMINAL (terminal), FALSE);

  if (launch->dir != NULL)
    sandbar_private_dir_set_keep (launch->dir, TRUE);

  return sandbar_terminal_open (terminal, (const char * const *)launch->argv,
                                launch->policy->working_directory, launch->dir, error);
}
