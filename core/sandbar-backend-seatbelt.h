/* sandbar-backend-seatbelt.h — the macOS backend: sandbox-exec and SBPL
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sandbar-backend.h"

G_BEGIN_DECLS

#define SANDBAR_TYPE_BACKEND_SEATBELT (sandbar_backend_seatbelt_get_type ())

G_DECLARE_FINAL_TYPE (SandbarBackendSeatbelt, sandbar_backend_seatbelt, SANDBAR, BACKEND_SEATBELT,
                      GObject)

/* Always this path: a `sandbox-exec` earlier on PATH must not be used. */
#define SANDBAR_SANDBOX_EXEC "/usr/bin/sandbox-exec"

SandbarBackend *sandbar_backend_seatbelt_new (void);

G_END_DECLS
