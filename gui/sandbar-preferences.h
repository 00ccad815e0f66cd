/* sandbar-preferences.h — the preferences window
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SANDBAR_TYPE_PREFERENCES (sandbar_preferences_get_type ())

G_DECLARE_FINAL_TYPE (SandbarPreferences, sandbar_preferences, SANDBAR, PREFERENCES,
                      AdwPreferencesWindow)

SandbarPreferences *sandbar_preferences_new (GSettings *settings);

G_END_DECLS
