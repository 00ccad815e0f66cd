/* sandbar-socket-rule.h — one entry of the Unix-socket allowlist
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "sandbar-types.h"

G_BEGIN_DECLS

#define SANDBAR_TYPE_SOCKET_RULE (sandbar_socket_rule_get_type ())

G_DECLARE_FINAL_TYPE (SandbarSocketRule, sandbar_socket_rule, SANDBAR, SOCKET_RULE, GObject)

SandbarSocketRule  *sandbar_socket_rule_new       (const char              *path,
                                                   SandbarSocketScope       scope);
const char         *sandbar_socket_rule_get_path  (SandbarSocketRule       *self);
SandbarSocketScope  sandbar_socket_rule_get_scope (SandbarSocketRule       *self);
gboolean            sandbar_socket_rule_equal     (SandbarSocketRule       *a,
                                                   SandbarSocketRule       *b);

G_END_DECLS
