/* sandbarctl-launch.c — args, run, open: commands under a profile
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>

#include "sandbar-launcher.h"
#include "sandbarctl.h"

static int command_args (SandbarctlGlobals *globals, int argc, char **argv);
static int command_run (SandbarctlGlobals *globals, int argc, char **argv);
static int command_open (SandbarctlGlobals *globals, int argc, char **argv);

const SandbarctlCommand sandbarctl_launch_commands[] = {
  { "args", N_("[ID] [FLAGS] [--backend NAME] [-0] [-- COMMAND…]"),
    N_("Print the full command line that would run"), command_args },
  { "run", N_("[ID] [FLAGS] [-- COMMAND…]"),
    N_("Run a command under the profile in this terminal"), command_run },
  { "open", N_("[ID] [FLAGS] [--terminal TERMINAL] [-- COMMAND…]"),
    N_("Open a new terminal window running under the profile"), command_open },
  { NULL }
};

/* What every launch command shares. */
typedef struct
{
  SandbarctlPolicyFlags  flags;
  char                  *backend;
  GStrv                  command;   /* after `--`, or NULL */
} LaunchOptions;

static void
launch_options_clear (LaunchOptions *options)
{
  sandbarctl_policy_flags_clear (&options->flags);
  g_clear_pointer (&options->backend, g_free);
  g_clear_pointer (&options->command, g_strfreev);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LaunchOptions, launch_options_clear)

/* Everything after the first `--` is the command, untouched: GOption would
 * otherwise take `args -- ls` and `args ls` to mean the same. */
static void
split_command (int     *argc,
               char  **argv,
               GStrv   *command)
{
  for (int i = 1; i < *argc; i++)
    if (g_str_equal (argv[i], "--"))
      {
        *command = g_strdupv (argv + i + 1);
        argv[i] = NULL;
        *argc = i;
        return;
      }
}

static SandbarLaunch *
prepare (const SandbarctlCommand  *command,
         SandbarctlGlobals        *globals,
         LaunchOptions            *options,
         GOptionEntry             *extra,
         gboolean                  will_run,
         int                       argc,
         char                    **argv,
         int                      *exit_status)
{
  g_autoptr(SandbarProfile) profile = NULL;
  g_autoptr(SandbarPathResolver) resolver = NULL;
  g_autoptr(SandbarBackend) backend = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) all = g_array_new (TRUE, TRUE, sizeof (GOptionEntry));
  SandbarPolicyFlags policy_flags;
  SandbarLaunch *launch;
  GOptionEntry backend_entry[] = {
    { "backend", 0, 0, G_OPTION_ARG_STRING, &options->backend,
      N_("Use the sandbox NAME: seatbelt (macOS) or bwrap (Linux)"), N_("NAME") },
    { NULL }
  };

  split_command (&argc, argv, &options->command);
  if (options->command != NULL && options->command[0] == NULL)
    {
      *exit_status = sandbarctl_usage_error (command->name, _("“--” must be followed by a command"));
      return NULL;
    }

  for (guint i = 0; extra != NULL && extra[i].long_name != NULL; i++)
    g_array_append_val (all, extra[i]);
  g_array_append_val (all, backend_entry[0]);

  if (!sandbarctl_parse_policy_command (command, globals, (GOptionEntry *)(gpointer)all->data,
                                        &options->flags, &argc, &argv, exit_status))
    return NULL;

  backend = sandbar_backend_new (options->backend, &error);
  if (backend == NULL)
    {
      *exit_status = sandbarctl_fail ("--backend", error);
      return NULL;
    }

  /* `args` may show another platform's command line; running needs the
   * sandbox program here. */
  if (will_run && !sandbar_backend_check_available (backend, &error))
    {
      *exit_status = sandbarctl_fail (NULL, error);
      return NULL;
    }

  if (!sandbarctl_load_profile (globals, argc == 2 ? argv[1] : NULL, &options->flags, &profile,
                                &resolver, &policy_flags, exit_status))
    return NULL;

  launch = sandbar_launch_prepare (profile, resolver, policy_flags, backend,
                                   (const char * const *)options->command, &error);
  if (launch == NULL)
    {
      *exit_status = sandbarctl_fail (NULL, error);
      return NULL;
    }

  return launch;
}

static void
print_warnings (SandbarLaunch *launch)
{
  for (guint i = 0; i < launch->warnings->len; i++)
    g_printerr (_("sandbarctl: note: %s\n"), (char *)g_ptr_array_index (launch->warnings, i));
}

static int
command_args (SandbarctlGlobals  *globals,
              int                 argc,
              char              **argv)
{
  g_auto(LaunchOptions) options = { { NULL } };
  g_autoptr(SandbarLaunch) launch = NULL;
  gboolean nul = FALSE;
  int status = SANDBARCTL_EXIT_OK;
  GOptionEntry extra[] = {
    { "null", '0', 0, G_OPTION_ARG_NONE, &nul,
      N_("End each argument with NUL instead of a line break"), NULL },
    { NULL }
  };

  launch = prepare (&sandbarctl_launch_commands[0], globals, &options, extra, FALSE, argc, argv,
                    &status);
  if (launch == NULL)
    return status;

  /* The files stay, so the printed command line can be run as it is. */
  if (launch->dir != NULL)
    sandbar_private_dir_set_keep (launch->dir, TRUE);

  for (guint i = 0; launch->argv[i] != NULL; i++)
    {
      fputs (launch->argv[i], stdout);
      fputc (nul ? '\0' : '\n', stdout);
    }
  print_warnings (launch);
  return fflush (stdout) == 0 ? SANDBARCTL_EXIT_OK : SANDBARCTL_EXIT_FAILURE;
}

static int
command_run (SandbarctlGlobals  *globals,
             int                 argc,
             char              **argv)
{
  g_auto(LaunchOptions) options = { { NULL } };
  g_autoptr(SandbarLaunch) launch = NULL;
  g_autoptr(GError) error = NULL;
  int status = SANDBARCTL_EXIT_OK;
  int wait_status;

  launch = prepare (&sandbarctl_launch_commands[1], globals, &options, NULL, TRUE, argc, argv,
                    &status);
  if (launch == NULL)
    return status;

  print_warnings (launch);
  if (!sandbar_launch_run (launch, &wait_status, &error))
    return sandbarctl_fail (launch->argv[0], error);

  if (WIFEXITED (wait_status))
    return WEXITSTATUS (wait_status);

  /* Die the way the command died, so that a calling shell sees it. */
  if (WIFSIGNALED (wait_status))
    {
      int signum = WTERMSIG (wait_status);

      g_clear_pointer (&launch, sandbar_launch_free);
      signal (signum, SIG_DFL);
      raise (signum);
      return 128 + signum;
    }

  return SANDBARCTL_EXIT_FAILURE;
}

static int
command_open (SandbarctlGlobals  *globals,
              int                 argc,
              char              **argv)
{
  g_auto(LaunchOptions) options = { { NULL } };
  g_autoptr(SandbarLaunch) launch = NULL;
  g_autoptr(SandbarTerminal) terminal = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *choice = NULL;
  int status = SANDBARCTL_EXIT_OK;
  GOptionEntry extra[] = {
    { "terminal", 0, 0, G_OPTION_ARG_STRING, &choice,
      N_("Use TERMINAL: a name such as kitty, or a command with {} where the "
         "command goes"), N_("TERMINAL") },
    { NULL }
  };

  launch = prepare (&sandbarctl_launch_commands[2], globals, &options, extra, TRUE, argc, argv,
                    &status);
  if (launch == NULL)
    return status;

  if (choice != NULL && strstr (choice, "{}") != NULL)
    terminal = sandbar_terminal_new_custom (choice, &error);
  else
    terminal = sandbar_terminal_new (choice, &error);
  if (terminal == NULL)
    return sandbarctl_fail ("--terminal", error);

  print_warnings (launch);
  if (!sandbar_launch_open_terminal (launch, terminal, &error))
    return sandbarctl_fail (sandbar_terminal_get_id (terminal), error);

  return SANDBARCTL_EXIT_OK;
}
