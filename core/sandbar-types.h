/* sandbar-types.h — forward declarations and enumerations of the core
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _SandbarProfile      SandbarProfile;
typedef struct _SandbarProfileStore SandbarProfileStore;
typedef struct _SandbarSocketRule   SandbarSocketRule;

/**
 * SandbarWriteAccess:
 * @SANDBAR_WRITE_ACCESS_NONE: nothing is writable (read-only)
 * @SANDBAR_WRITE_ACCESS_ROOTS: only the writable roots (and temp, if chosen)
 * @SANDBAR_WRITE_ACCESS_ALL: every path is writable
 *
 * How much of the file system a sandboxed command may change.
 */
typedef enum
{
  SANDBAR_WRITE_ACCESS_NONE,
  SANDBAR_WRITE_ACCESS_ROOTS,
  SANDBAR_WRITE_ACCESS_ALL,
} SandbarWriteAccess;

/**
 * SandbarNetworkAccess:
 * @SANDBAR_NETWORK_ACCESS_RESTRICTED: no IP traffic except chosen loopback ports
 * @SANDBAR_NETWORK_ACCESS_FULL: all IP traffic (Unix sockets keep their own rules)
 */
typedef enum
{
  SANDBAR_NETWORK_ACCESS_RESTRICTED,
  SANDBAR_NETWORK_ACCESS_FULL,
} SandbarNetworkAccess;

/**
 * SandbarSocketAccess:
 * @SANDBAR_SOCKET_ACCESS_NONE: no Unix socket can be reached
 * @SANDBAR_SOCKET_ACCESS_ALLOWLIST: only the sockets of the rule list
 * @SANDBAR_SOCKET_ACCESS_ALL: every Unix socket
 */
typedef enum
{
  SANDBAR_SOCKET_ACCESS_NONE,
  SANDBAR_SOCKET_ACCESS_ALLOWLIST,
  SANDBAR_SOCKET_ACCESS_ALL,
} SandbarSocketAccess;

/**
 * SandbarSocketScope:
 * @SANDBAR_SOCKET_SCOPE_SUBPATH: the path and every socket below it
 * @SANDBAR_SOCKET_SCOPE_EXACT: exactly this path
 */
typedef enum
{
  SANDBAR_SOCKET_SCOPE_SUBPATH,
  SANDBAR_SOCKET_SCOPE_EXACT,
} SandbarSocketScope;

G_END_DECLS
