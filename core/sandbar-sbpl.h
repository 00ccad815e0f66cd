/* sandbar-sbpl.h — a policy rendered as a Seatbelt profile (SBPL)
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sandbar-policy.h"

G_BEGIN_DECLS

/**
 * SandbarSbplParam:
 * @name: the parameter name, e.g. `UNIX_SOCKET_PATH_0`
 * @value: its value, passed as `-D NAME=VALUE`
 */
typedef struct
{
  char *name;
  char *value;
} SandbarSbplParam;

/**
 * SandbarSbpl:
 * @text: the profile with every path as `(param "NAME")`: no user data
 * @inline_text: the same profile with escaped literals instead of
 *   parameters, for reading and for `sandbox-exec -f` without `-D`; a
 *   value longer than one literal may be (900 bytes) is written as
 *   `(string-append "…" "…")`
 * @params: (element-type SandbarSbplParam): the parameters in `-D` order
 *   (writable roots, protected names, sockets, hidden paths)
 */
typedef struct
{
  GString   *text;
  GString   *inline_text;
  GPtrArray *params;
} SandbarSbpl;

SandbarSbpl *sandbar_sbpl_render         (const SandbarPolicy *policy);
void         sandbar_sbpl_free           (SandbarSbpl         *sbpl);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SandbarSbpl, sandbar_sbpl_free)

G_END_DECLS
