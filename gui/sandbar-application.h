/* sandbar-application.h — the application: actions, settings, the store
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sandbar-path-resolver.h"
#include "sandbar-profile-store.h"

G_BEGIN_DECLS

#define SANDBAR_TYPE_APPLICATION (sandbar_application_get_type ())

G_DECLARE_FINAL_TYPE (SandbarApplication, sandbar_application, SANDBAR, APPLICATION, AdwApplication)

SandbarApplication  *sandbar_application_new          (const char          *application_id,
                                                       GApplicationFlags    flags);
SandbarProfileStore *sandbar_application_get_store    (SandbarApplication  *self);
const GError        *sandbar_application_get_store_error (SandbarApplication *self);
SandbarPathResolver *sandbar_application_get_resolver (SandbarApplication  *self);
GSettings           *sandbar_application_get_settings (SandbarApplication  *self);
GtkWindow           *sandbar_application_get_window   (SandbarApplication  *self);
gboolean             sandbar_application_open_terminal (SandbarApplication *self,
                                                       SandbarProfile      *profile,
                                                       GPtrArray          **warnings,
                                                       GError             **error);

G_END_DECLS
