/* sandbar-preview.h — the generated Seatbelt profile, live
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sandbar-path-resolver.h"
#include "sandbar-profile.h"

G_BEGIN_DECLS

#define SANDBAR_TYPE_PREVIEW (sandbar_preview_get_type ())

G_DECLARE_FINAL_TYPE (SandbarPreview, sandbar_preview, SANDBAR, PREVIEW, GtkWidget)

void        sandbar_preview_update      (SandbarPreview *self,
                                         SandbarProfile *profile,
                                         const char     *input_error);
void        sandbar_preview_clear       (SandbarPreview *self);
gboolean    sandbar_preview_get_stale   (SandbarPreview *self);
const char *sandbar_preview_get_message (SandbarPreview *self);
gboolean    sandbar_preview_get_inline  (SandbarPreview *self);
void        sandbar_preview_set_inline  (SandbarPreview *self,
                                         gboolean        inline_rendering);

G_END_DECLS
