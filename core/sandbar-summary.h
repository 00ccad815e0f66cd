/* sandbar-summary.h — a policy described in plain words
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sandbar-policy.h"

G_BEGIN_DECLS

gboolean  sandbar_summary_is_root_equivalent_socket (const char     *canonical);
char     *sandbar_summary_describe                  (SandbarProfile *profile,
                                                     SandbarPolicy  *policy);

G_END_DECLS
