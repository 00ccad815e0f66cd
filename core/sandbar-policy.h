/* sandbar-policy.h — a profile resolved against this machine
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sandbar-path-resolver.h"
#include "sandbar-profile.h"

G_BEGIN_DECLS

/**
 * SandbarRootOrigin:
 * @SANDBAR_ROOT_WORKING_DIRECTORY: the working directory
 * @SANDBAR_ROOT_TEMP: `/tmp` (include-temp)
 * @SANDBAR_ROOT_TMPDIR: `$TMPDIR` (include-temp)
 * @SANDBAR_ROOT_CHOSEN: a folder of the profile's writable-roots list
 *
 * Why a folder is writable.
 */
typedef enum
{
  SANDBAR_ROOT_WORKING_DIRECTORY,
  SANDBAR_ROOT_TEMP,
  SANDBAR_ROOT_TMPDIR,
  SANDBAR_ROOT_CHOSEN,
} SandbarRootOrigin;

/**
 * SandbarPolicyPath:
 * @as_written: the path as the user wrote it
 * @canonical: the spelling the kernel matches
 * @alias: (nullable): the macOS `/tmp`-style spelling of @canonical
 * @exists: whether the path exists now
 * @is_directory: whether it is an existing directory
 * @kind: a #SandbarRootOrigin for roots, a #SandbarSocketScope for sockets
 */
typedef struct
{
  char     *as_written;
  char     *canonical;
  char     *alias;
  gboolean  exists;
  gboolean  is_directory;
  int       kind;
} SandbarPolicyPath;

/**
 * SandbarPolicy:
 * @profile_id: the profile id, or `default` for the built-in policy
 * @working_directory: canonical directory the command starts in
 * @write_access: how much can be written
 * @writable_roots: (element-type SandbarPolicyPath): in `roots` mode, the
 *   writable folders: working directory, `/tmp`, `$TMPDIR`, then the
 *   chosen ones, deduplicated by canonical path; empty otherwise
 * @protected_names: (element-type utf8): names kept read-only in roots
 * @deny_read: (element-type SandbarPolicyPath): hidden paths, deduplicated
 * @network_access: restricted or full IP network
 * @localhost_ports: (element-type guint): sorted, unique loopback ports
 * @allow_local_binding: whether servers may listen on loopback
 * @socket_access: none, allowlist or all
 * @sockets: (element-type SandbarPolicyPath): with `allowlist`, the
 *   sockets sorted bytewise by canonical path, deduplicated by path and
 *   scope; empty otherwise
 * @notes: (element-type utf8): plain-language remarks for the summary,
 *   such as why the working directory is not writable
 *
 * Everything a backend needs, with every path resolved once. Both
 * backends render from this, so Seatbelt and bubblewrap agree.
 */
typedef struct
{
  char                 *profile_id;
  char                 *working_directory;
  SandbarWriteAccess    write_access;
  GPtrArray            *writable_roots;
  GPtrArray            *protected_names;
  GPtrArray            *deny_read;
  SandbarNetworkAccess  network_access;
  GArray               *localhost_ports;
  gboolean              allow_local_binding;
  SandbarSocketAccess   socket_access;
  GPtrArray            *sockets;
  GPtrArray            *notes;
} SandbarPolicy;

/**
 * SandbarPolicyFlags:
 * @SANDBAR_POLICY_NONE: a saved profile: only an explicitly set working
 *   directory is a writable root; an empty one means the home directory
 * @SANDBAR_POLICY_CWD_IS_DEFAULT_ROOT: command-line flags without a
 *   profile (Codex style): an empty working directory means the
 *   resolver's, and it is a writable root unless it is `$HOME` or `/`
 */
typedef enum
{
  SANDBAR_POLICY_NONE                = 0,
  SANDBAR_POLICY_CWD_IS_DEFAULT_ROOT = 1 << 0,
} SandbarPolicyFlags;

SandbarPolicy *sandbar_policy_new  (SandbarProfile       *profile,
                                    SandbarPathResolver  *resolver,
                                    SandbarPolicyFlags    flags,
                                    GError              **error);
void           sandbar_policy_free (SandbarPolicy        *policy);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SandbarPolicy, sandbar_policy_free)

G_END_DECLS
