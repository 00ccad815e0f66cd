/* sandbar-bundle.h — running from inside Sandbar.app
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The gdk-pixbuf loaders list in the bundle, with this placeholder where
 * the bundle's Resources folder goes (written by macos-bundle/bundle.sh). */
#define SANDBAR_BUNDLE_LOADERS_TEMPLATE "lib/gdk-pixbuf-2.0/2.10.0/loaders.cache.in"
#define SANDBAR_BUNDLE_PLACEHOLDER      "@SANDBAR_RESOURCES@"

char       *sandbar_bundle_find_resources     (const char          *executable);
void        sandbar_bundle_init               (void);
const char *sandbar_bundle_get_resources      (void);
gboolean    sandbar_bundle_set_up_environment (const char          *resources,
                                               const char          *cache_dir,
                                               GError             **error);
GStrv       sandbar_bundle_child_environ      (void);
void        sandbar_bundle_bind_text_domains  (const char          *resources,
                                               const char * const  *domains);

G_END_DECLS
