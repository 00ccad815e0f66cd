/* sandbarctl.c — the command-line tool: option parsing and dispatch
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "sandbar-backend.h"
#include "sandbar-bundle.h"
#include "sandbar-i18n.h"
#include "sandbar-input.h"
#include "sandbar-terminal.h"
#include "sandbar-profile.h"
#include "sandbarctl.h"

static const SandbarctlCommand *command_tables[] = {
  sandbarctl_profile_commands,
  sandbarctl_policy_commands,
  sandbarctl_launch_commands,
};

/* Invalid input is the user's to fix (exit 2); the rest is ours or the
 * system's (exit 1). */
static gboolean
is_input_error (const GError *error)
{
  return error->domain == SANDBAR_INPUT_ERROR ||
         error->domain == SANDBAR_PROFILE_ERROR ||
         g_error_matches (error, SANDBAR_STORE_ERROR, SANDBAR_STORE_ERROR_INVALID) ||
         g_error_matches (error, SANDBAR_STORE_ERROR, SANDBAR_STORE_ERROR_NOT_FOUND) ||
         g_error_matches (error, SANDBAR_STORE_ERROR, SANDBAR_STORE_ERROR_EXISTS) ||
         g_error_matches (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE) ||
         g_error_matches (error, G_OPTION_ERROR, G_OPTION_ERROR_UNKNOWN_OPTION) ||
         g_error_matches (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED) ||
         g_error_matches (error, SANDBAR_BACKEND_ERROR, SANDBAR_BACKEND_ERROR_UNKNOWN) ||
         g_error_matches (error, SANDBAR_BACKEND_ERROR, SANDBAR_BACKEND_ERROR_UNSUPPORTED) ||
         g_error_matches (error, SANDBAR_TERMINAL_ERROR,
                          SANDBAR_TERMINAL_ERROR_INVALID_TEMPLATE);
}

/**
 * sandbarctl_fail:
 * @subject: (nullable): what failed, e.g. the command and its argument
 * @error: why
 *
 * Prints `sandbarctl: SUBJECT: MESSAGE` to stderr.
 *
 * Returns: the exit status for @error
 */
int
sandbarctl_fail (const char   *subject,
                 const GError *error)
{
  if (subject != NULL)
    g_printerr ("sandbarctl: %s: %s\n", subject, error->message);
  else
    g_printerr ("sandbarctl: %s\n", error->message);

  return is_input_error (error) ? SANDBARCTL_EXIT_USAGE : SANDBARCTL_EXIT_FAILURE;
}

int
sandbarctl_usage_error (const char *command,
                        const char *format,
                        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("sandbarctl: %s: %s\n", command, message);
  g_printerr (_("Try “sandbarctl %s --help”.\n"), command);
  return SANDBARCTL_EXIT_USAGE;
}

static GOptionEntry global_entries[] = {
  { "profiles-dir", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Use the profiles in DIR instead of the default folder"), N_("DIR") },
  { NULL }
};

static GOptionGroup *
new_global_group (SandbarctlGlobals *globals)
{
  GOptionGroup *group;
  GOptionEntry *entries = g_memdup2 (global_entries, sizeof global_entries);

  entries[0].arg_data = &globals->profiles_dir;
  group = g_option_group_new ("global", _("Options for every command:"),
                              _("Show options for every command"), entries, g_free);
  g_option_group_set_translation_domain (group, GETTEXT_PACKAGE);
  g_option_group_add_entries (group, entries);
  return group;
}

/**
 * sandbarctl_parse:
 * @command: the command being run
 * @globals: where global options go
 * @entries: (nullable): the command's own options
 * @argc: (inout): arguments after the command name
 * @argv: (inout): the arguments; options are removed
 * @exit_status: (out): the status to exit with when this returns %FALSE
 *
 * Parses a command's options (and the global ones, which may also follow
 * the command). `--` ends the options; what follows stays in @argv.
 *
 * Returns: %FALSE if the command should exit with @exit_status now
 */
gboolean
sandbarctl_parse (const SandbarctlCommand   *command,
                  SandbarctlGlobals         *globals,
                  GOptionEntry              *entries,
                  int                       *argc,
                  char                    ***argv,
                  int                       *exit_status)
{
  g_autofree char *parameter_string = g_strdup_printf ("%s %s", command->name,
                                                       command->parameters);
  g_autoptr(GOptionContext) context = g_option_context_new (parameter_string);
  g_autoptr(GError) error = NULL;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _(command->summary));
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_add_group (context, new_global_group (globals));

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *exit_status = sandbarctl_usage_error (command->name, "%s", error->message);
      return FALSE;
    }

  return TRUE;
}

/**
 * sandbarctl_open_store:
 * @globals: the global options
 * @exit_status: (out): the status to exit with on failure
 *
 * Loads the profiles (seeding the templates into a new folder) and reports
 * files that could not be read to stderr; those files are left alone.
 *
 * Returns: (transfer full) (nullable): the store
 */
SandbarProfileStore *
sandbarctl_open_store (SandbarctlGlobals *globals,
                       int               *exit_status)
{
  g_autoptr(SandbarProfileStore) store = sandbar_profile_store_new (globals->profiles_dir);
  g_autoptr(GError) error = NULL;
  GPtrArray *problems;

  if (!sandbar_profile_store_load (store, &error))
    {
      *exit_status = sandbarctl_fail (sandbar_profile_store_get_directory (store), error);
      return NULL;
    }

  if (sandbar_profile_store_get_seeded (store))
    g_printerr (_("sandbarctl: created %s with the built-in profiles\n"),
                sandbar_profile_store_get_directory (store));

  problems = sandbar_profile_store_get_problems (store);
  for (guint i = 0; i < problems->len; i++)
    {
      SandbarLoadProblem *problem = g_ptr_array_index (problems, i);

      if (problem->line > 0)
        g_printerr (_("sandbarctl: %s:%u: %s (file left unchanged)\n"),
                    problem->path, problem->line, problem->message);
      else
        g_printerr (_("sandbarctl: %s: %s (file left unchanged)\n"),
                    problem->path, problem->message);
    }

  return g_steal_pointer (&store);
}

static const SandbarctlCommand *
find_command (const char *name)
{
  for (guint t = 0; t < G_N_ELEMENTS (command_tables); t++)
    for (const SandbarctlCommand *c = command_tables[t]; c->name != NULL; c++)
      if (g_str_equal (c->name, name))
        return c;

  return NULL;
}

static char *
describe_commands (void)
{
  GString *text = g_string_new (_("Commands:"));

  for (guint t = 0; t < G_N_ELEMENTS (command_tables); t++)
    for (const SandbarctlCommand *c = command_tables[t]; c->name != NULL; c++)
      {
        g_autofree char *usage = g_strdup_printf ("%s %s", c->name, c->parameters);

        g_string_append_printf (text, "\n  %-34s %s", usage, _(c->summary));
      }

  g_string_append (text, "\n\n");
  g_string_append (text, _("Run “sandbarctl COMMAND --help” for the options of a command."));
  return g_string_free (text, FALSE);
}

static void
globals_clear (SandbarctlGlobals *globals)
{
  g_clear_pointer (&globals->profiles_dir, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SandbarctlGlobals, globals_clear)

int
main (int   argc,
      char *argv[])
{
  /* Cleared on every return, the early ones (usage, --version) included. */
  g_auto(SandbarctlGlobals) globals = { NULL };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *commands = NULL;
  gboolean show_version = FALSE;
  const SandbarctlCommand *command;
  int status;
  GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, &show_version, N_("Show the version and exit"), NULL },
    { NULL }
  };

  /* Inside Sandbar.app the translations are in the bundle. */
  sandbar_bundle_init ();
  sandbar_i18n_init ();

  context = g_option_context_new (_("COMMAND [ARGUMENTS…]"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Keep sandbox profiles and run commands inside them."));
  commands = describe_commands ();
  g_option_context_set_description (context, commands);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_add_group (context, new_global_group (&globals));
  /* Stop at the command name: its options belong to it. */
  g_option_context_set_strict_posix (context, TRUE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("sandbarctl: %s\n", error->message);
      g_printerr (_("Try “sandbarctl --help”.\n"));
      return SANDBARCTL_EXIT_USAGE;
    }

  if (show_version)
    {
      g_print ("sandbarctl %s\n", PACKAGE_VERSION);
      return SANDBARCTL_EXIT_OK;
    }

  if (argc < 2)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      g_printerr ("%s", help);
      return SANDBARCTL_EXIT_USAGE;
    }

  command = find_command (argv[1]);
  if (command == NULL)
    {
      g_autofree char *shown = sandbar_input_display (argv[1], -1);

      g_printerr (_("sandbarctl: unknown command “%s”\n"), shown);
      g_printerr (_("Try “sandbarctl --help”.\n"));
      return SANDBARCTL_EXIT_USAGE;
    }

  status = command->func (&globals, argc - 1, argv + 1);
  return status;
}
