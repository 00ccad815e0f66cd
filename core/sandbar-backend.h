/* sandbar-backend.h — how a policy is enforced: Seatbelt or bubblewrap
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sandbar-policy.h"
#include "sandbar-private-dir.h"

G_BEGIN_DECLS

#define SANDBAR_TYPE_BACKEND (sandbar_backend_get_type ())

G_DECLARE_INTERFACE (SandbarBackend, sandbar_backend, SANDBAR, BACKEND, GObject)

#define SANDBAR_BACKEND_ERROR (sandbar_backend_error_quark ())

/**
 * SandbarBackendError:
 * @SANDBAR_BACKEND_ERROR_UNKNOWN: no backend of that name
 * @SANDBAR_BACKEND_ERROR_UNAVAILABLE: the sandbox program is missing (the
 *   message says what to install)
 * @SANDBAR_BACKEND_ERROR_UNSUPPORTED: the policy asks for something this
 *   backend cannot enforce (the message says what)
 * @SANDBAR_BACKEND_ERROR_FAILED: writing a launch file failed
 */
typedef enum
{
  SANDBAR_BACKEND_ERROR_UNKNOWN,
  SANDBAR_BACKEND_ERROR_UNAVAILABLE,
  SANDBAR_BACKEND_ERROR_UNSUPPORTED,
  SANDBAR_BACKEND_ERROR_FAILED,
} SandbarBackendError;

/**
 * SandbarBackendInterface:
 * @get_name: the backend's name, `seatbelt` or `bwrap`
 * @check_available: whether the sandbox program is installed
 * @build_argv: the argv that runs a command under a policy; launch files
 *   go into the private directory, and what this launch leaves out of the
 *   policy is appended to the warnings array
 * @describe_limits: what the backend cannot enforce for a policy
 */
struct _SandbarBackendInterface
{
  GTypeInterface parent_iface;

  const char * (*get_name)        (SandbarBackend       *self);
  gboolean     (*check_available) (SandbarBackend       *self,
                                   GError              **error);
  GStrv        (*build_argv)      (SandbarBackend       *self,
                                   const SandbarPolicy  *policy,
                                   const char * const   *command,
                                   SandbarPrivateDir    *dir,
                                   GPtrArray            *warnings,
                                   GError              **error);
  GPtrArray *  (*describe_limits) (SandbarBackend       *self,
                                   const SandbarPolicy  *policy);
};

GQuark          sandbar_backend_error_quark     (void);

SandbarBackend *sandbar_backend_new             (const char           *name,
                                                 GError              **error);
const char     *sandbar_backend_get_name        (SandbarBackend       *self);
gboolean        sandbar_backend_check_available (SandbarBackend       *self,
                                                 GError              **error);
GStrv           sandbar_backend_build_argv      (SandbarBackend       *self,
                                                 const SandbarPolicy  *policy,
                                                 const char * const   *command,
                                                 SandbarPrivateDir    *dir,
                                                 GPtrArray            *warnings,
                                                 GError              **error);
GPtrArray      *sandbar_backend_describe_limits (SandbarBackend       *self,
                                                 const SandbarPolicy  *policy);

G_END_DECLS
