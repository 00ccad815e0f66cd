/* sandbar-summary.c — a policy described in plain words
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The summary is what `sandbarctl check` prints and the window shows: one
 * paragraph that says what can be read, written and reached, in words a
 * user who never saw SBPL understands, and what this system's sandbox
 * cannot enforce of it. Both build it here, so they always say the same.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sandbar-summary.h"

/* Daemon sockets whose owner is root: reaching them is as good as root
 * (`docker run -v /:/host`). Matched on the file name so that every
 * install location counts. */
static const char * const root_equivalent_names[] = {
  "docker.sock", "podman.sock", "containerd.sock", "crio.sock", NULL
};

/**
 * sandbar_summary_is_root_equivalent_socket:
 * @canonical: a socket path
 *
 * Returns: %TRUE if reaching @canonical gives root-equivalent power
 */
gboolean
sandbar_summary_is_root_equivalent_socket (const char *canonical)
{
  const char *base = strrchr (canonical, '/');

  base = base != NULL ? base + 1 : canonical;
  return g_strv_contains (root_equivalent_names, base);
}

static void
append_list (GString    *out,
             GPtrArray  *items)
{
  for (guint i = 0; i < items->len; i++)
    {
      if (i > 0)
        g_string_append (out, i + 1 == items->len ? _(" and ") : ", ");
      g_string_append (out, g_ptr_array_index (items, i));
    }
}

static const char *
root_origin (int origin)
{
  switch (origin)
    {
    case SANDBAR_ROOT_WORKING_DIRECTORY: return _(" (working directory)");
    case SANDBAR_ROOT_TEMP:              return _(" (temporary files)");
    case SANDBAR_ROOT_TMPDIR:            return _(" ($TMPDIR)");
    default:                             return "";
    }
}

static void
describe_files (GString       *out,
                SandbarPolicy *policy)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < policy->deny_read->len; i++)
    g_ptr_array_add (items, g_strdup (((SandbarPolicyPath *)
                                       g_ptr_array_index (policy->deny_read, i))->canonical));
  if (items->len == 0)
    g_string_append (out, _("It can read every file."));
  else
    {
      g_string_append (out, _("It can read every file except "));
      append_list (out, items);
      g_string_append (out, _(", which are hidden."));
    }
  g_string_append_c (out, ' ');

  switch (policy->write_access)
    {
    case SANDBAR_WRITE_ACCESS_NONE:
      g_string_append (out, _("It cannot change any file."));
      return;
    case SANDBAR_WRITE_ACCESS_ALL:
      g_string_append (out, _("It can change every file it has permission to."));
      return;
    case SANDBAR_WRITE_ACCESS_ROOTS:
    default:
      break;
    }

  if (policy->writable_roots->len == 0)
    {
      g_string_append (out, _("It cannot change any file: no folder is writable."));
      return;
    }

  g_ptr_array_set_size (items, 0);
  for (guint i = 0; i < policy->writable_roots->len; i++)
    {
      SandbarPolicyPath *root = g_ptr_array_index (policy->writable_roots, i);

      g_ptr_array_add (items, g_strconcat (root->canonical, root_origin (root->kind), NULL));
    }
  g_string_append (out, _("It can change files only in "));
  append_list (out, items);
  g_string_append_c (out, '.');

  if (policy->protected_names->len > 0)
    {
      g_string_append (out, _(" Inside them, these names stay read-only: "));
      append_list (out, policy->protected_names);
      g_string_append_c (out, '.');
    }
}

static void
describe_network (GString       *out,
                  SandbarPolicy *policy)
{
  g_string_append_c (out, ' ');
  if (policy->network_access == SANDBAR_NETWORK_ACCESS_FULL)
    {
      g_string_append (out, _("It can use the internet and the local network."));
      return;
    }

  g_string_append (out, _("It cannot use the network"));
  if (policy->localhost_ports->len > 0)
    {
      g_autoptr(GPtrArray) ports = g_ptr_array_new_with_free_func (g_free);

      for (guint i = 0; i < policy->localhost_ports->len; i++)
        g_ptr_array_add (ports, g_strdup_printf ("%u", g_array_index (policy->localhost_ports,
                                                                      guint, i)));
      g_string_append (out, _(", except loopback port "));
      append_list (out, ports);
    }
  if (policy->allow_local_binding)
    g_string_append (out, policy->localhost_ports->len > 0
                          ? _(" and servers it runs on loopback")
                          : _(", except servers it runs on loopback"));
  g_string_append_c (out, '.');
}

static void
describe_sockets (GString       *out,
                  SandbarPolicy *policy)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  gboolean root_equivalent = FALSE;

  g_string_append_c (out, ' ');
  switch (policy->socket_access)
    {
    case SANDBAR_SOCKET_ACCESS_ALL:
      g_string_append (out, _("It can reach every Unix socket, including daemons such as "
                              "Docker that give root-equivalent power."));
      return;
    case SANDBAR_SOCKET_ACCESS_NONE:
      g_string_append (out, _("It cannot reach any Unix socket."));
      return;
    case SANDBAR_SOCKET_ACCESS_ALLOWLIST:
    default:
      break;
    }

  if (policy->sockets->len == 0)
    {
      g_string_append (out, _("It cannot reach any Unix socket: the list is empty."));
      return;
    }

  for (guint i = 0; i < policy->sockets->len; i++)
    {
      SandbarPolicyPath *socket = g_ptr_array_index (policy->sockets, i);

      root_equivalent |= sandbar_summary_is_root_equivalent_socket (socket->canonical);
      g_ptr_array_add (items, g_strconcat (socket->canonical,
                                           socket->kind == SANDBAR_SOCKET_SCOPE_SUBPATH &&
                                           socket->is_directory
                                           ? _(" (and every socket below it)") : "",
                                           NULL));
    }
  g_string_append (out, _("It can reach only these Unix sockets: "));
  append_list (out, items);
  g_string_append_c (out, '.');
  if (root_equivalent)
    g_string_append (out, _(" Warning: a container daemon socket gives root-equivalent power "
                            "over this computer."));
}

/* One paragraph in plain words. */
static char *
describe (SandbarProfile *profile,
          SandbarPolicy  *policy)
{
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, _("Profile “%s” (%s) is valid. Commands start in %s. "),
                          sandbar_profile_get_name (profile), policy->profile_id,
                          policy->working_directory);
  describe_files (out, policy);
  describe_network (out, policy);
  describe_sockets (out, policy);

  for (guint i = 0; i < policy->notes->len; i++)
    {
      g_string_append_c (out, ' ');
      g_string_append (out, g_ptr_array_index (policy->notes, i));
    }

  return g_string_free (out, FALSE);
}

/**
 * sandbar_summary_new:
 * @profile: the profile the policy came from
 * @policy: the resolved policy
 * @backend: (nullable): this system's sandbox, asked what it cannot
 *   enforce ([method@Backend.describe_limits])
 *
 * Describes @policy in plain words, with the limits of @backend.
 *
 * Returns: (transfer full): the summary, for [func@summary_free]
 */
SandbarSummary *
sandbar_summary_new (SandbarProfile *profile,
                     SandbarPolicy  *policy,
                     SandbarBackend *backend)
{
  SandbarSummary *summary;

  g_return_val_if_fail (SANDBAR_IS_PROFILE (profile), NULL);
  g_return_val_if_fail (policy != NULL, NULL);
  g_return_val_if_fail (backend == NULL || SANDBAR_IS_BACKEND (backend), NULL);

  summary = g_new0 (SandbarSummary, 1);
  summary->text = describe (profile, policy);
  if (backend != NULL)
    {
      summary->backend = g_strdup (sandbar_backend_get_name (backend));
      summary->limits = sandbar_backend_describe_limits (backend, policy);
    }
  else
    summary->limits = g_ptr_array_new_with_free_func (g_free);

  return summary;
}

/**
 * sandbar_summary_to_text:
 * @summary: a summary
 *
 * Writes @summary as plain text, as `sandbarctl check` prints it: the
 * paragraph, then the limits as a list.
 *
 * Returns: (transfer full): the text, ending in a newline
 */
char *
sandbar_summary_to_text (const SandbarSummary *summary)
{
  GString *out;

  g_return_val_if_fail (summary != NULL, NULL);

  out = g_string_new (summary->text);
  g_string_append_c (out, '\n');
  if (summary->limits->len > 0)
    {
      /* Translators: %s is the sandbox program, e.g. bwrap */
      g_string_append_printf (out, _("\nLimits of %s on this system:\n"), summary->backend);
      for (guint i = 0; i < summary->limits->len; i++)
        g_string_append_printf (out, "- %s\n",
                                (const char *) g_ptr_array_index (summary->limits, i));
    }

  return g_string_free (out, FALSE);
}

/**
 * sandbar_summary_free:
 * @summary: (nullable): a summary
 */
void
sandbar_summary_free (SandbarSummary *summary)
{
  if (summary == NULL)
    return;

  g_free (summary->text);
  g_free (summary->backend);
  g_ptr_array_unref (summary->limits);
  g_free (summary);
}
