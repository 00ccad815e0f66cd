/* sandbar-i18n.h — gettext set-up shared by sandbar and sandbarctl
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char *sandbar_i18n_get_locale_dir (void);
void        sandbar_i18n_init           (void);

G_END_DECLS
