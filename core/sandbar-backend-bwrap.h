/* sandbar-backend-bwrap.h — the Linux backend: bubblewrap
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sandbar-backend.h"

G_BEGIN_DECLS

#define SANDBAR_TYPE_BACKEND_BWRAP (sandbar_backend_bwrap_get_type ())

G_DECLARE_FINAL_TYPE (SandbarBackendBwrap, sandbar_backend_bwrap, SANDBAR, BACKEND_BWRAP, GObject)

SandbarBackend *sandbar_backend_bwrap_new (SandbarPathResolver *resolver);

G_END_DECLS
