/* sandbarctl-policy.c — sbpl, params, check: what a profile allows
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "sandbar-backend.h"
#include "sandbar-policy.h"
#include "sandbar-sbpl.h"
#include "sandbar-summary.h"
#include "sandbarctl.h"

/* The built-in policy when no profile is named: read-only files,
 * restricted network, no Unix sockets. */
static SandbarProfile *
new_default_profile (void)
{
  SandbarProfile *profile = sandbar_profile_new ("default");

  sandbar_profile_set_name (profile, _("Default"));
  sandbar_profile_set_write_access (profile, SANDBAR_WRITE_ACCESS_NONE);
  return profile;
}

/* Command-line paths may be relative to the working directory, as in
 * Codex; saved profiles may not. `..` is left for the resolver, which
 * resolves it physically. */
static char *
absolute_path (const char *path,
               const char *cwd)
{
  if (path[0] == '/' || path[0] == '$' || (path[0] == '~' && (path[1] == '\0' || path[1] == '/')))
    return g_strdup (path);
  if (path[0] == '\0')
    return g_strdup (path);

  return g_build_filename (cwd, path, NULL);
}

static void
append_paths (GStrv              *list,
              const char * const *current,
              char              **added,
              const char         *cwd)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_strv_builder_addv (builder, (const char **)current);
  for (guint i = 0; added != NULL && added[i] != NULL; i++)
    {
      g_autofree char *path = absolute_path (added[i], cwd);

      g_strv_builder_add (builder, path);
    }
  *list = g_strv_builder_end (builder);
}

static gboolean
apply_ports (SandbarProfile  *profile,
             char           **words,
             GError         **error)
{
  guint n_current;
  const guint *current = sandbar_profile_get_localhost_ports (profile, &n_current);
  g_autoptr(GArray) ports = g_array_new (FALSE, FALSE, sizeof (guint));

  g_array_append_vals (ports, current, n_current);
  for (guint i = 0; words != NULL && words[i] != NULL; i++)
    {
      guint64 port;

      if (!g_ascii_string_to_unsigned (words[i], 10, 1, 65535, &port, NULL))
        {
          sandbar_input_set_error (error, SANDBAR_INPUT_ERROR_INVALID_PORT,
                                   SANDBAR_FIELD_LOCALHOST_PORT, words[i], -1,
                                   _("a port is a number from 1 to 65535"));
          return FALSE;
        }
      g_array_append_vals (ports, &(guint){ port }, 1);
    }

  sandbar_profile_set_localhost_ports (profile, (const guint *)(gpointer)ports->data, ports->len);
  return TRUE;
}

/* Applies the Codex-style flags on top of the profile. */
static gboolean
apply_flags (SandbarProfile         *profile,
             SandbarctlPolicyFlags  *flags,
             const char             *cwd,
             GError                **error)
{
  g_auto(GStrv) roots = NULL;
  g_auto(GStrv) deny = NULL;

  append_paths (&roots, sandbar_profile_get_writable_roots (profile), flags->writable_roots, cwd);
  sandbar_profile_set_writable_roots (profile, (const char * const *)roots);
  if (flags->writable_roots != NULL &&
      sandbar_profile_get_write_access (profile) == SANDBAR_WRITE_ACCESS_NONE)
    sandbar_profile_set_write_access (profile, SANDBAR_WRITE_ACCESS_ROOTS);
  if (flags->full_write)
    sandbar_profile_set_write_access (profile, SANDBAR_WRITE_ACCESS_ALL);

  append_paths (&deny, sandbar_profile_get_deny_read (profile), flags->deny_read, cwd);
  sandbar_profile_set_deny_read (profile, (const char * const *)deny);

  if (flags->network)
    sandbar_profile_set_network_access (profile, SANDBAR_NETWORK_ACCESS_FULL);
  if (flags->local_binding)
    sandbar_profile_set_allow_local_binding (profile, TRUE);
  if (!apply_ports (profile, flags->localhost_ports, error))
    return FALSE;

  for (guint i = 0; flags->sockets != NULL && flags->sockets[i] != NULL; i++)
    {
      g_autofree char *path = absolute_path (flags->sockets[i], cwd);
      g_autoptr(SandbarSocketRule) rule = sandbar_socket_rule_new (path,
                                                                   SANDBAR_SOCKET_SCOPE_SUBPATH);

      sandbar_profile_add_socket_rule (profile, rule);
      if (sandbar_profile_get_socket_access (profile) != SANDBAR_SOCKET_ACCESS_ALL)
        sandbar_profile_set_socket_access (profile, SANDBAR_SOCKET_ACCESS_ALLOWLIST);
    }
  if (flags->all_sockets)
    sandbar_profile_set_socket_access (profile, SANDBAR_SOCKET_ACCESS_ALL);

  return TRUE;
}

/**
 * sandbarctl_policy_entries:
 * @flags: where the parsed flags go
 *
 * Returns: (transfer full): the option entries of the policy flags
 */
GOptionEntry *
sandbarctl_policy_entries (SandbarctlPolicyFlags *flags)
{
  const GOptionEntry entries[] = {
    { "allow-unix-socket", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &flags->sockets,
      N_("Allow the Unix socket PATH and every socket below it (repeatable)"), N_("PATH") },
    { "allow-all-unix-sockets", 0, 0, G_OPTION_ARG_NONE, &flags->all_sockets,
      N_("Allow every Unix socket"), NULL },
    { "writable-root", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &flags->writable_roots,
      N_("Make the folder PATH writable (repeatable)"), N_("PATH") },
    { "full-write", 0, 0, G_OPTION_ARG_NONE, &flags->full_write,
      N_("Make every file writable"), NULL },
    { "network", 0, 0, G_OPTION_ARG_NONE, &flags->network,
      N_("Allow the full IP network"), NULL },
    { "localhost-port", 0, 0, G_OPTION_ARG_STRING_ARRAY, &flags->localhost_ports,
      N_("Allow connections to loopback port N, e.g. a proxy (repeatable)"), N_("N") },
    { "allow-local-binding", 0, 0, G_OPTION_ARG_NONE, &flags->local_binding,
      N_("Allow servers listening on loopback"), NULL },
    { "deny-read", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &flags->deny_read,
      N_("Hide PATH: neither readable nor writable (repeatable)"), N_("PATH") },
    { "cwd", 0, 0, G_OPTION_ARG_FILENAME, &flags->cwd,
      N_("Start in DIR; relative paths are taken from DIR"), N_("DIR") },
    { NULL }
  };

  return g_memdup2 (entries, sizeof entries);
}

void
sandbarctl_policy_flags_clear (SandbarctlPolicyFlags *flags)
{
  g_clear_pointer (&flags->sockets, g_strfreev);
  g_clear_pointer (&flags->writable_roots, g_strfreev);
  g_clear_pointer (&flags->localhost_ports, g_strfreev);
  g_clear_pointer (&flags->deny_read, g_strfreev);
  g_clear_pointer (&flags->cwd, g_free);
}

/**
 * sandbarctl_load_profile:
 * @globals: the global options
 * @id: (nullable): a profile id, or %NULL for the built-in policy
 * @flags: the parsed policy flags
 * @profile_out: (out) (transfer full): the profile with the flags applied
 * @resolver_out: (out) (transfer full): the resolver to use with it
 * @policy_flags: (out): how the working directory is chosen
 * @exit_status: (out): the status to exit with on failure
 *
 * Loads the profile (or the default) and applies the flags. Errors are
 * printed.
 *
 * Returns: %FALSE if the command should exit with @exit_status
 */
gboolean
sandbarctl_load_profile (SandbarctlGlobals      *globals,
                         const char             *id,
                         SandbarctlPolicyFlags  *flags,
                         SandbarProfile        **profile_out,
                         SandbarPathResolver   **resolver_out,
                         SandbarPolicyFlags     *policy_flags,
                         int                    *exit_status)
{
  g_autoptr(SandbarProfile) profile = NULL;
  g_autoptr(SandbarPathResolver) resolver = sandbar_path_resolver_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *cwd = NULL;

  *policy_flags = SANDBAR_POLICY_NONE;

  if (id != NULL)
    {
      g_autoptr(SandbarProfileStore) store = sandbarctl_open_store (globals, exit_status);
      SandbarProfile *stored;

      if (store == NULL)
        return FALSE;
      stored = sandbar_profile_store_lookup (store, id);
      if (stored == NULL)
        {
          g_set_error (&error, SANDBAR_STORE_ERROR, SANDBAR_STORE_ERROR_NOT_FOUND,
                       _("no such profile (see “sandbarctl list”)"));
          *exit_status = sandbarctl_fail (id, error);
          return FALSE;
        }
      profile = sandbar_profile_copy (stored, id);
    }
  else
    profile = new_default_profile ();

  /* --cwd and a profile without a working directory follow Codex: the
   * directory is a writable root unless it is the home folder or `/`. */
  cwd = g_get_current_dir ();
  if (flags->cwd != NULL)
    {
      g_autofree char *given = absolute_path (flags->cwd, cwd);

      if (!sandbar_input_check_path (SANDBAR_FIELD_WORKING_DIRECTORY, given, -1, &error))
        {
          *exit_status = sandbarctl_fail (NULL, error);
          return FALSE;
        }
      g_free (cwd);
      cwd = g_steal_pointer (&given);
      sandbar_profile_set_working_directory (profile, "");
    }
  if (id == NULL || flags->cwd != NULL)
    {
      *policy_flags |= SANDBAR_POLICY_CWD_IS_DEFAULT_ROOT;
      if (cwd[0] == '/')
        sandbar_path_resolver_set_working_directory (resolver, cwd);
    }

  if (!apply_flags (profile, flags, cwd, &error) ||
      !sandbar_profile_validate (profile, &error))
    {
      *exit_status = sandbarctl_fail (NULL, error);
      return FALSE;
    }

  *profile_out = g_steal_pointer (&profile);
  *resolver_out = g_steal_pointer (&resolver);
  return TRUE;
}

/**
 * sandbarctl_resolve_policy:
 * @globals: the global options
 * @id: (nullable): a profile id, or %NULL for the built-in policy
 * @flags: the parsed policy flags
 * @profile_out: (out) (optional) (transfer full): the profile used
 * @exit_status: (out): the status to exit with on failure
 *
 * sandbarctl_load_profile(), then validates and resolves.
 *
 * Returns: (transfer full) (nullable): the policy
 */
SandbarPolicy *
sandbarctl_resolve_policy (SandbarctlGlobals      *globals,
                           const char             *id,
                           SandbarctlPolicyFlags  *flags,
                           SandbarProfile        **profile_out,
                           int                    *exit_status)
{
  g_autoptr(SandbarProfile) profile = NULL;
  g_autoptr(SandbarPathResolver) resolver = NULL;
  g_autoptr(GError) error = NULL;
  SandbarPolicyFlags policy_flags;
  SandbarPolicy *policy;

  if (!sandbarctl_load_profile (globals, id, flags, &profile, &resolver, &policy_flags,
                                exit_status))
    return NULL;

  policy = sandbar_policy_new (profile, resolver, policy_flags, &error);
  if (policy == NULL)
    {
      *exit_status = sandbarctl_fail (NULL, error);
      return NULL;
    }

  if (profile_out != NULL)
    *profile_out = g_steal_pointer (&profile);
  return policy;
}

/**
 * sandbarctl_parse_policy_command:
 * @command: the command being run
 * @globals: the global options
 * @extra: (nullable): the command's own options besides the policy flags
 * @flags: where the policy flags go
 * @argc: (inout): the arguments
 * @argv: (inout): the arguments; options are removed
 * @exit_status: (out): the status to exit with when this returns %FALSE
 *
 * Parses `[ID] [FLAGS]` with the command's own options.
 *
 * Returns: %FALSE if the command should exit with @exit_status
 */
gboolean
sandbarctl_parse_policy_command (const SandbarctlCommand  *command,
                                 SandbarctlGlobals        *globals,
                                 const GOptionEntry       *extra,
                                 SandbarctlPolicyFlags    *flags,
                                 int                      *argc,
                                 char                   ***argv,
                                 int                      *exit_status)
{
  g_autofree GOptionEntry *entries = sandbarctl_policy_entries (flags);
  g_autoptr(GArray) all = g_array_new (TRUE, TRUE, sizeof (GOptionEntry));

  for (guint i = 0; extra != NULL && extra[i].long_name != NULL; i++)
    g_array_append_val (all, extra[i]);
  for (guint i = 0; entries[i].long_name != NULL; i++)
    g_array_append_val (all, entries[i]);

  if (!sandbarctl_parse (command, globals, (GOptionEntry *)(gpointer)all->data, argc, argv,
                         exit_status))
    return FALSE;

  if (*argc > 2)
    {
      *exit_status = sandbarctl_usage_error (command->name, _("too many arguments"));
      return FALSE;
    }

  return TRUE;
}

/* Shared shape of sbpl, params and check: [ID] [FLAGS]. */
static SandbarPolicy *
parse_and_resolve (const SandbarctlCommand  *command,
                   SandbarctlGlobals        *globals,
                   GOptionEntry             *extra,
                   int                      *argc,
                   char                   ***argv,
                   SandbarctlPolicyFlags    *flags,
                   SandbarProfile          **profile,
                   int                      *exit_status)
{
  if (!sandbarctl_parse_policy_command (command, globals, extra, flags, argc, argv, exit_status))
    return NULL;

  return sandbarctl_resolve_policy (globals, *argc == 2 ? (*argv)[1] : NULL, flags, profile,
                                    exit_status);
}

static int
command_sbpl (SandbarctlGlobals  *globals,
              int                 argc,
              char              **argv);
static int
command_params (SandbarctlGlobals  *globals,
                int                 argc,
                char              **argv);
static int
command_check (SandbarctlGlobals  *globals,
               int                 argc,
               char              **argv);

const SandbarctlCommand sandbarctl_policy_commands[] = {
  { "sbpl", N_("[ID] [FLAGS] [--inline]"),
    N_("Print the Seatbelt profile (SBPL) of a profile or of the flags"), command_sbpl },
  { "params", N_("[ID] [FLAGS]"),
    N_("Print the profile’s parameters, one NAME=VALUE per line"), command_params },
  { "check", N_("[ID] [FLAGS]"),
    N_("Validate and describe in plain words what is allowed"), command_check },
  { NULL }
};

static int
command_sbpl (SandbarctlGlobals  *globals,
              int                 argc,
              char              **argv)
{
  g_auto(SandbarctlPolicyFlags) flags = { NULL };
  g_autoptr(SandbarPolicy) policy = NULL;
  g_autoptr(SandbarSbpl) sbpl = NULL;
  gboolean inline_rendering = FALSE;
  int status = SANDBARCTL_EXIT_OK;
  GOptionEntry extra[] = {
    { "inline", 0, 0, G_OPTION_ARG_NONE, &inline_rendering,
      N_("Write paths as escaped literals instead of parameters"), NULL },
    { NULL }
  };

  policy = parse_and_resolve (&sandbarctl_policy_commands[0], globals, extra, &argc, &argv,
                              &flags, NULL, &status);
  if (policy == NULL)
    return status;

  sbpl = sandbar_sbpl_render (policy);
  if (inline_rendering)
    fwrite (sbpl->inline_text->str, 1, sbpl->inline_text->len, stdout);
  else
    fwrite (sbpl->text->str, 1, sbpl->text->len, stdout);
  return SANDBARCTL_EXIT_OK;
}

static int
command_params (SandbarctlGlobals  *globals,
                int                 argc,
                char              **argv)
{
  g_auto(SandbarctlPolicyFlags) flags = { NULL };
  g_autoptr(SandbarPolicy) policy = NULL;
  g_autoptr(SandbarSbpl) sbpl = NULL;
  int status = SANDBARCTL_EXIT_OK;

  policy = parse_and_resolve (&sandbarctl_policy_commands[1], globals, NULL, &argc, &argv,
                              &flags, NULL, &status);
  if (policy == NULL)
    return status;

  sbpl = sandbar_sbpl_render (policy);
  for (guint i = 0; i < sbpl->params->len; i++)
    {
      SandbarSbplParam *param = g_ptr_array_index (sbpl->params, i);

      g_print ("%s=%s\n", param->name, param->value);
    }
  return SANDBARCTL_EXIT_OK;
}

static int
command_check (SandbarctlGlobals  *globals,
               int                 argc,
               char              **argv)
{
  g_auto(SandbarctlPolicyFlags) flags = { NULL };
  g_autoptr(SandbarPolicy) policy = NULL;
  g_autoptr(SandbarProfile) profile = NULL;
  g_autoptr(SandbarBackend) backend = NULL;
  g_autoptr(SandbarSummary) summary = NULL;
  g_autofree char *text = NULL;
  int status = SANDBARCTL_EXIT_OK;

  policy = parse_and_resolve (&sandbarctl_policy_commands[2], globals, NULL, &argc, &argv,
                              &flags, &profile, &status);
  if (policy == NULL)
    return status;

  /* With what this machine's sandbox cannot enforce of it; the window's
   * Summary page shows the same. */
  backend = sandbar_backend_new (NULL, NULL);
  summary = sandbar_summary_new (profile, policy, backend);
  text = sandbar_summary_to_text (summary);
  g_print ("%s", text);
  return SANDBARCTL_EXIT_OK;
}
