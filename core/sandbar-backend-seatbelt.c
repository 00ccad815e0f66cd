/* sandbar-backend-seatbelt.c — the macOS backend: sandbox-exec and SBPL
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sandbar-backend-seatbelt.h"
#include "sandbar-sbpl.h"

/**
 * SandbarBackendSeatbelt:
 *
 * Runs a command under `/usr/bin/sandbox-exec` with the policy rendered
 * as SBPL ([func@sbpl_render]): the parameter rendering is written as
 * `profile.sb` into the launch's private directory, and every path
 * travels as its own `-DNAME=VALUE` argument.
 *
 * SBPL cannot set the environment, so the command is started through
 * `/usr/bin/env SANDBAR_PROFILE=… SANDBAR_SANDBOX=seatbelt` inside the
 * sandbox.
 */

struct _SandbarBackendSeatbelt
{
  GObject parent_instance;
};

static void backend_iface_init (SandbarBackendInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SandbarBackendSeatbelt, sandbar_backend_seatbelt, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (SANDBAR_TYPE_BACKEND, backend_iface_init))

static const char *
seatbelt_get_name (SandbarBackend *backend)
{
  return "seatbelt";
}

static gboolean
seatbelt_check_available (SandbarBackend  *backend,
                          GError         **error)
{
  if (g_file_test (SANDBAR_SANDBOX_EXEC, G_FILE_TEST_IS_REGULAR) &&
      g_file_test (SANDBAR_SANDBOX_EXEC, G_FILE_TEST_IS_EXECUTABLE))
    return TRUE;

  g_set_error_literal (error, SANDBAR_BACKEND_ERROR, SANDBAR_BACKEND_ERROR_UNAVAILABLE,
                       _("sandbox-exec was not found; Sandbar’s Seatbelt backend needs macOS"));
  return FALSE;
}

static GStrv
seatbelt_build_argv (SandbarBackend       *backend,
                     const SandbarPolicy  *policy,
                     const char * const   *command,
                     SandbarPrivateDir    *dir,
                     GPtrArray            *warnings,
                     GError              **error)
{
  g_autoptr(GStrvBuilder) argv = g_strv_builder_new ();
  g_autoptr(SandbarSbpl) sbpl = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *profile_path = NULL;
  g_autofree char *profile_env = NULL;

  g_return_val_if_fail (dir != NULL, NULL);

  /* env(1) takes every leading NAME=VALUE word as a variable to set, so
   * such a first word would never run as the command. */
  if (strchr (command[0], '=') != NULL)
    {
      sandbar_input_set_error (error, SANDBAR_INPUT_ERROR_NOT_ALLOWED, SANDBAR_FIELD_COMMAND,
                               command[0], -1,
                               _("the first word contains “=”, so it would be taken as a "
                                 "variable to set instead of the program to run; set "
                                 "variables with “env NAME=VALUE program”"));
      return NULL;
    }

  sbpl = sandbar_sbpl_render (policy);
  profile_path = sandbar_private_dir_write_file (dir, "profile.sb", sbpl->text->str,
                                                 sbpl->text->len, 0600, &local_error);
  if (profile_path == NULL)
    {
      g_set_error (error, SANDBAR_BACKEND_ERROR, SANDBAR_BACKEND_ERROR_FAILED,
                   _("Cannot write the Seatbelt profile: %s"), local_error->message);
      return NULL;
    }

  g_strv_builder_add_many (argv, SANDBAR_SANDBOX_EXEC, "-f", profile_path, NULL);
  for (guint i = 0; i < sbpl->params->len; i++)
    {
      SandbarSbplParam *param = g_ptr_array_index (sbpl->params, i);
      g_autofree char *define = g_strconcat ("-D", param->name, "=", param->value, NULL);

      g_strv_builder_add (argv, define);
    }

  profile_env = g_strconcat ("SANDBAR_PROFILE=", policy->profile_id, NULL);
  g_strv_builder_add_many (argv, "--", "/usr/bin/env", profile_env, "SANDBAR_SANDBOX=seatbelt",
                           NULL);
  g_strv_builder_addv (argv, (const char **)command);

  return g_strv_builder_end (argv);
}

static GPtrArray *
seatbelt_describe_limits (SandbarBackend      *backend,
                          const SandbarPolicy *policy)
{
  GPtrArray *limits = g_ptr_array_new_with_free_func (g_free);

  /* The profile itself says everything else: Seatbelt enforces all of it. */
  g_ptr_array_add (limits,
                   g_strdup (_("macOS does not start a sandbox inside another one: launching "
                               "from a program that is already sandboxed fails.")));
  return limits;
}

static void
backend_iface_init (SandbarBackendInterface *iface)
{
  iface->get_name = seatbelt_get_name;
  iface->check_available = seatbelt_check_available;
  iface->build_argv = seatbelt_build_argv;
  iface->describe_limits = seatbelt_describe_limits;
}

static void
sandbar_backend_seatbelt_class_init (SandbarBackendSeatbeltClass *klass)
{
}

static void
sandbar_backend_seatbelt_init (SandbarBackendSeatbelt *self)
{
}

/**
 * sandbar_backend_seatbelt_new:
 *
 * Returns: (transfer full): the Seatbelt backend
 */
SandbarBackend *
sandbar_backend_seatbelt_new (void)
{
  return g_object_new (SANDBAR_TYPE_BACKEND_SEATBELT, NULL);
}
