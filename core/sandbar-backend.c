/* sandbar-backend.c — how a policy is enforced: Seatbelt or bubblewrap
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sandbar-backend.h"
#include "sandbar-backend-bwrap.h"
#include "sandbar-backend-seatbelt.h"

/**
 * SandbarBackend:
 *
 * Turns a [struct@Policy] and a command into the argv that runs the
 * command in a sandbox: `sandbox-exec` with a Seatbelt profile on macOS,
 * `bwrap` on Linux. Every value is one argv element; no shell is
 * involved anywhere.
 *
 * Two kinds of remarks go with an argv, kept apart because they are shown
 * at different times:
 *
 * - *limits* ([method@Backend.describe_limits]): what the backend cannot
 *   enforce for a policy, whatever the launch (`sandbarctl check`, the
 *   summary, the README);
 * - *warnings* (the array passed to [method@Backend.build_argv]): what
 *   this particular launch leaves out of the policy because of the state
 *   of the disk now, such as an allowlisted socket that does not exist
 *   yet. `run`, `open` and `args` print them before starting.
 */

G_DEFINE_INTERFACE (SandbarBackend, sandbar_backend, G_TYPE_OBJECT)

G_DEFINE_QUARK (sandbar-backend-error-quark, sandbar_backend_error)

static void
sandbar_backend_default_init (SandbarBackendInterface *iface)
{
}

/**
 * sandbar_backend_new:
 * @name: (nullable): `seatbelt`, `bwrap`, or %NULL for this system's
 *   (Seatbelt on macOS, bubblewrap elsewhere)
 * @error: return location for a #GError in %SANDBAR_BACKEND_ERROR
 *
 * Creates a backend by name. It need not be usable on this system: a
 * Seatbelt argv can be inspected on Linux. Use
 * [method@Backend.check_available] before running anything.
 *
 * Returns: (transfer full): the backend, or %NULL with
 *   %SANDBAR_BACKEND_ERROR_UNKNOWN for an unknown @name
 */
SandbarBackend *
sandbar_backend_new (const char  *name,
                     GError     **error)
{
  if (name == NULL)
    name = SANDBAR_OS_MACOS ? "seatbelt" : "bwrap";

  if (g_str_equal (name, "seatbelt"))
    return sandbar_backend_seatbelt_new ();
  if (g_str_equal (name, "bwrap"))
    return sandbar_backend_bwrap_new (NULL);

  {
    g_autofree char *shown = sandbar_input_display (name, -1);

    /* Translators: %s is what the user typed; the backend names are not
     * translated. */
    g_set_error (error, SANDBAR_BACKEND_ERROR, SANDBAR_BACKEND_ERROR_UNKNOWN,
                 _("Unknown sandbox backend “%s”: choose “seatbelt” or “bwrap”"), shown);
  }
  return NULL;
}

/**
 * sandbar_backend_get_name:
 * @self: a backend
 *
 * Returns: (transfer none): `seatbelt` or `bwrap`, the value of
 *   `SANDBAR_SANDBOX` in the sandbox
 */
const char *
sandbar_backend_get_name (SandbarBackend *self)
{
  g_return_val_if_fail (SANDBAR_IS_BACKEND (self), NULL);

  return SANDBAR_BACKEND_GET_IFACE (self)->get_name (self);
}

/**
 * sandbar_backend_check_available:
 * @self: a backend
 * @error: return location for a #GError in %SANDBAR_BACKEND_ERROR
 *
 * Returns: %TRUE if the sandbox program is installed; otherwise %FALSE
 *   with %SANDBAR_BACKEND_ERROR_UNAVAILABLE saying what to install
 */
gboolean
sandbar_backend_check_available (SandbarBackend  *self,
                                 GError         **error)
{
  g_return_val_if_fail (SANDBAR_IS_BACKEND (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return SANDBAR_BACKEND_GET_IFACE (self)->check_available (self, error);
}

/**
 * sandbar_backend_build_argv:
 * @self: a backend
 * @policy: a resolved policy
 * @command: (array zero-terminated=1): the command and its arguments; at
 *   least one word (the launcher puts the login shell in for an empty one)
 * @dir: (nullable): the private directory for launch files; Seatbelt needs
 *   one for its profile, bubblewrap writes nothing
 * @warnings: (nullable) (element-type utf8): an array with a free
 *   function for strings, such as g_ptr_array_new_with_free_func (g_free);
 *   translated sentences are appended for what this launch leaves out of
 *   @policy because of the disk as it is now (a socket that does not
 *   exist yet, a hidden path with nothing to hide)
 * @error: return location for a #GError
 *
 * Builds the full argv that runs @command under @policy, starting with
 * the absolute path of the sandbox program. Every path and argument is
 * one element, whatever characters it holds.
 *
 * Returns: (transfer full): the argv, or %NULL with @error set: in
 *   %SANDBAR_INPUT_ERROR when @command cannot be run this way, in
 *   %SANDBAR_BACKEND_ERROR when a launch file cannot be written
 */
GStrv
sandbar_backend_build_argv (SandbarBackend       *self,
                            const SandbarPolicy  *policy,
                            const char * const   *command,
                            SandbarPrivateDir    *dir,
                            GPtrArray            *warnings,
                            GError              **error)
{
  g_return_val_if_fail (SANDBAR_IS_BACKEND (self), NULL);
  g_return_val_if_fail (policy != NULL, NULL);
  g_return_val_if_fail (command != NULL && command[0] != NULL, NULL);
  g_return_val_if_fail (dir == NULL || SANDBAR_IS_PRIVATE_DIR (dir), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return SANDBAR_BACKEND_GET_IFACE (self)->build_argv (self, policy, command, dir, warnings,
                                                      error);
}

/**
 * sandbar_backend_describe_limits:
 * @self: a backend
 * @policy: a resolved policy
 *
 * Says, in plain translated sentences, what this backend cannot enforce
 * of @policy: only the limits that apply to it.
 *
 * Returns: (transfer full) (element-type utf8): the sentences,
 *   possibly none
 */
GPtrArray *
sandbar_backend_describe_limits (SandbarBackend      *self,
                                 const SandbarPolicy *policy)
{
  g_return_val_if_fail (SANDBAR_IS_BACKEND (self), NULL);
  g_return_val_if_fail (policy != NULL, NULL);

  return SANDBAR_BACKEND_GET_IFACE (self)->describe_limits (self, policy);
}
