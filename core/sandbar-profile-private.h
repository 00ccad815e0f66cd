/* sandbar-profile-private.h — shared between the files of the profile unit
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sandbar-profile.h"

G_BEGIN_DECLS

/* The key file a profile was read from, kept so that unknown groups, keys
 * and comments survive a save. NULL for a profile made in memory. */
GKeyFile *_sandbar_profile_get_backing (SandbarProfile *self);
void      _sandbar_profile_set_backing (SandbarProfile *self,
                                        GKeyFile       *backing);

G_END_DECLS
