/* sandbar-templates.h — the built-in profile templates
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sandbar-profile.h"

G_BEGIN_DECLS

GStrv               sandbar_templates_list_ids          (void);
GBytes             *sandbar_templates_lookup            (const char  *template_id,
                                                         GError     **error);
GBytes             *sandbar_templates_lookup_translated (const char  *template_id,
                                                         GError     **error);
SandbarProfile     *sandbar_templates_new_profile       (const char  *template_id,
                                                         const char  *new_id,
                                                         GError     **error);
const char * const *sandbar_templates_get_texts         (void);

G_END_DECLS
