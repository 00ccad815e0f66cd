/* sandbar-private-dir.h — a fresh 0700 directory for launch files
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SANDBAR_TYPE_PRIVATE_DIR (sandbar_private_dir_get_type ())

G_DECLARE_FINAL_TYPE (SandbarPrivateDir, sandbar_private_dir, SANDBAR, PRIVATE_DIR, GObject)

SandbarPrivateDir *sandbar_private_dir_new        (const char         *parent,
                                                   GError            **error);
const char        *sandbar_private_dir_get_path   (SandbarPrivateDir  *self);
char              *sandbar_private_dir_write_file (SandbarPrivateDir  *self,
                                                   const char         *name,
                                                   const char         *data,
                                                   gsize               length,
                                                   guint               mode,
                                                   GError            **error);
void               sandbar_private_dir_set_keep   (SandbarPrivateDir  *self,
                                                   gboolean            keep);
gboolean           sandbar_private_dir_get_keep   (SandbarPrivateDir  *self);
gboolean           sandbar_private_dir_remove     (SandbarPrivateDir  *self,
                                                   GError            **error);
guint              sandbar_private_dir_clean_stale (const char        *parent,
                                                    gint64             max_age_seconds);

G_END_DECLS
