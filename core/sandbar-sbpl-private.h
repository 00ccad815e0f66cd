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

/* The most path filters in one rule; a longer list becomes several rules
 * of the same kind. Seatbelt refuses a rule whose serialized patterns pass
 * 65535 bytes ("pattern serialization length … exceeds maximum"). A
 * filter's path is at most 1023 bytes, or 1279 for a root joined with a
 * protected name (1023 + "/" + 255): 12 of them are at most 15,348
 * bytes, within the 16 KiB at which Nix splits its rules, which leaves
 * the serialization's own overhead room four times over. The split goes
 * by count, not by length, so that the text still depends only on the
 * profile's shape (DESIGN.md, "Parameters, not text"). */
#define SANDBAR_SBPL_FILTERS_PER_RULE 12

SandbarSbpl *_sandbar_sbpl_render_full (const SandbarPolicy *policy,
                                        gsize                literal_max);

G_END_DECLS
