/* sandbar-profile-store-private.h — hooks of the store for its tests
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sandbar-profile-store.h"

G_BEGIN_DECLS

/* Makes delete() behave as if the file system had no trash, so that the
 * `.deleted` fallback can be tested on a machine that has one. */
void _sandbar_profile_store_set_use_trash (SandbarProfileStore *self,
                                           gboolean             use_trash);

G_END_DECLS
