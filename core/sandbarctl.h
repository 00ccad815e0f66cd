/* sandbarctl.h — shared by the files of the command-line tool
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sandbar-policy.h"
#include "sandbar-profile-store.h"

G_BEGIN_DECLS

/* Exit statuses: invalid input or usage is 2, anything else that failed 1. */
enum
{
  SANDBARCTL_EXIT_OK = 0,
  SANDBARCTL_EXIT_FAILURE = 1,
  SANDBARCTL_EXIT_USAGE = 2,
};

typedef struct
{
  char *profiles_dir;   /* --profiles-dir, or NULL for the default */
} SandbarctlGlobals;

typedef int (*SandbarctlCommandFunc) (SandbarctlGlobals  *globals,
                                      int                 argc,
                                      char              **argv);

typedef struct
{
  const char            *name;
  const char            *parameters;   /* e.g. "ID [FILE]" */
  const char            *summary;      /* translatable, N_() */
  SandbarctlCommandFunc  func;
} SandbarctlCommand;

extern const SandbarctlCommand sandbarctl_profile_commands[];
extern const SandbarctlCommand sandbarctl_policy_commands[];
extern const SandbarctlCommand sandbarctl_launch_commands[];

/* The Codex-style flags of sbpl, params, check, args, run and open. */
typedef struct
{
  char     **sockets;
  char     **writable_roots;
  char     **localhost_ports;
  char     **deny_read;
  char      *cwd;
  gboolean   all_sockets;
  gboolean   full_write;
  gboolean   network;
  gboolean   local_binding;
} SandbarctlPolicyFlags;

GOptionEntry        *sandbarctl_policy_entries     (SandbarctlPolicyFlags *flags);
void                 sandbarctl_policy_flags_clear (SandbarctlPolicyFlags *flags);
gboolean             sandbarctl_load_profile       (SandbarctlGlobals     *globals,
                                                    const char            *id,
                                                    SandbarctlPolicyFlags *flags,
                                                    SandbarProfile       **profile_out,
                                                    SandbarPathResolver  **resolver_out,
                                                    SandbarPolicyFlags    *policy_flags,
                                                    int                   *exit_status);
gboolean             sandbarctl_parse_policy_command
                                                   (const SandbarctlCommand *command,
                                                    SandbarctlGlobals     *globals,
                                                    const GOptionEntry    *extra,
                                                    SandbarctlPolicyFlags *flags,
                                                    int                   *argc,
                                                    char                ***argv,
                                                    int                   *exit_status);
SandbarPolicy       *sandbarctl_resolve_policy     (SandbarctlGlobals     *globals,
                                                    const char            *id,
                                                    SandbarctlPolicyFlags *flags,
                                                    SandbarProfile       **profile_out,
                                                    int                   *exit_status);

int                  sandbarctl_fail           (const char          *subject,
                                                const GError        *error);
int                  sandbarctl_usage_error    (const char          *command,
                                                const char          *format,
                                                ...) G_GNUC_PRINTF (2, 3);
gboolean             sandbarctl_parse          (const SandbarctlCommand *command,
                                                SandbarctlGlobals   *globals,
                                                GOptionEntry        *entries,
                                                int                 *argc,
                                                char              ***argv,
                                                int                 *exit_status);
SandbarProfileStore *sandbarctl_open_store     (SandbarctlGlobals   *globals,
                                                int                 *exit_status);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SandbarctlPolicyFlags, sandbarctl_policy_flags_clear)

G_END_DECLS
