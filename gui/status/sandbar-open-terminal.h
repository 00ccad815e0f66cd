/* sandbar-open-terminal.h — a terminal under a profile, as Preferences say
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sandbar-path-resolver.h"
#include "sandbar-profile.h"

G_BEGIN_DECLS

gboolean sandbar_open_terminal (SandbarProfile       *profile,
                                SandbarPathResolver  *resolver,
                                GSettings            *settings,
                                GPtrArray           **warnings,
                                GError              **error);

G_END_DECLS
