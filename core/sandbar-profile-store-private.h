/* sandbar-profile-store-private.h — shared between the files of the store
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store is one object in several files, one job each (see the comment
 * at the top of sandbar-profile-store.c). This header holds its struct and
 * the helpers the files call in each other, and the hooks of its tests.
 */

#pragma once

#include "sandbar-profile-store.h"

G_BEGIN_DECLS

/* A profile is a few hundred bytes; anything much larger is not one. */
#define MAX_FILE_SIZE   (1024 * 1024)
/* Matches the limit of sandbar_input_is_valid_id(). */
#define ID_MAX_BYTES    64

/* One loaded profile. */
typedef struct
{
  SandbarProfile *profile;
  GBytes         *contents;      /* the file as last read or written */
  char           *sort_key;      /* collation key of the casefolded name */
  gulong          name_handler;
} Entry;

struct _SandbarProfileStore
{
  GObject       parent_instance;

  char         *directory;
  GFile        *directory_file;
  GFileMonitor *monitor;

  GPtrArray    *items;           /* of Entry (borrowed from entries), in list order */
  GHashTable   *entries;         /* id → Entry */
  GPtrArray    *problems;        /* of SandbarLoadProblem, sorted by path */

  guint         seeded : 1;
  guint         loaded : 1;
  guint         loading : 1;
  guint         problems_dirty : 1;
  guint         use_trash : 1;
};

/* sandbar-profile-store.c: the list, the problems and ids */
Entry         *_sandbar_profile_store_add_entry            (SandbarProfileStore  *self,
                                                            SandbarProfile       *profile,
                                                            GBytes               *contents);
void           _sandbar_profile_store_remove_entry         (SandbarProfileStore  *self,
                                                            const char           *id);
void           _sandbar_profile_store_set_problem          (SandbarProfileStore  *self,
                                                            const char           *path,
                                                            guint                 line,
                                                            const char           *message);
void           _sandbar_profile_store_clear_problem        (SandbarProfileStore  *self,
                                                            const char           *path);
gboolean       _sandbar_profile_store_is_id_taken          (SandbarProfileStore  *self,
                                                            const char           *id);
char          *_sandbar_profile_store_make_unique_id       (SandbarProfileStore  *self,
                                                            const char           *base);
gboolean       _sandbar_profile_store_check_id             (const char           *id,
                                                            GError              **error);

/* sandbar-profile-store-read.c */
gconstpointer  _sandbar_profile_store_bytes_get_data       (GBytes               *bytes,
                                                            gsize                *length);
void           _sandbar_profile_store_set_read_error       (GError              **error,
                                                            const char           *id,
                                                            const char           *path,
                                                            GError               *read_error);

/* sandbar-profile-store-reload.c */
void           _sandbar_profile_store_adopt_contents       (SandbarProfileStore  *self,
                                                            const char           *id,
                                                            const char           *path,
                                                            GBytes               *contents);
void           _sandbar_profile_store_reload_name          (SandbarProfileStore  *self,
                                                            const char           *name);
void           _sandbar_profile_store_on_directory_changed (GFileMonitor         *monitor,
                                                            GFile                *file,
                                                            GFile                *other_file,
                                                            GFileMonitorEvent     event,
                                                            gpointer              user_data);

/* sandbar-profile-store-write.c */
void           _sandbar_profile_store_sync_directory       (const char           *directory);
void           _sandbar_profile_store_set_exists_error     (GError              **error,
                                                            const char           *id,
                                                            const char           *path);
gboolean       _sandbar_profile_store_write_new_file       (const char           *id,
                                                            const char           *path,
                                                            GBytes               *contents,
                                                            GError              **error);
gboolean       _sandbar_profile_store_replace_file         (const char           *path,
                                                            GBytes               *contents,
                                                            GError              **error);

/* Makes delete() behave as if the file system had no trash, so that the
 * `.deleted` fallback can be tested on a machine that has one. */
void _sandbar_profile_store_set_use_trash (SandbarProfileStore *self,
                                           gboolean             use_trash);

G_END_DECLS
