/* sandbar-editor.h — every setting of a profile, point and click
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sandbar-path-resolver.h"
#include "sandbar-profile.h"

G_BEGIN_DECLS

#define SANDBAR_TYPE_EDITOR (sandbar_editor_get_type ())

G_DECLARE_FINAL_TYPE (SandbarEditor, sandbar_editor, SANDBAR, EDITOR, AdwPreferencesPage)

SandbarProfile *sandbar_editor_get_profile  (SandbarEditor  *self);
void            sandbar_editor_set_profile  (SandbarEditor  *self,
                                             SandbarProfile *profile);
const char     *sandbar_editor_get_error    (SandbarEditor  *self);
void            sandbar_editor_refresh      (SandbarEditor  *self);
void            sandbar_editor_focus_name   (SandbarEditor  *self);

G_END_DECLS
