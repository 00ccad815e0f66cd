/* sandbar-sbpl-private.h — limits of the SBPL generator, for its tests
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sandbar-sbpl.h"

G_BEGIN_DECLS

/* The longest string literal of the inline rendering, in escaped bytes
 * between the quotes. sandbox-exec refuses literals above about 1025 bytes
 * ("Error reading string"); 900 is sandbox-runtime's SBPL_STRING_MAX_BYTES.
 * A longer value is written as `(string-append "…" "…")`. */
#define SANDBAR_SBPL_LITERAL_MAX_BYTES 900

SandbarSbpl *_sandbar_sbpl_render_full (const SandbarPolicy *policy,
                                        gsize                literal_max);

G_END_DECLS
