/* sandbar-profile-store.c — the saved profiles, one file each
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store is the only code that writes the profiles folder. Its rules
 * (DESIGN.md, Store):
 *
 * - a file that cannot be loaded is reported and never written, renamed
 *   or deleted by the store;
 * - writes are atomic and durable: g_file_set_contents_full() writes a
 *   temporary file, fsyncs and renames it, then the folder is fsynced;
 * - a save never overwrites a file that changed on disk since the store
 *   read or wrote it: the store remembers the exact bytes of every file it
 *   loaded, and compares them with the disk before writing;
 * - nothing blocks on a file that is not a regular file (a named pipe
 *   would hang a plain open()).
 *
 * This file holds the object: its list model, its problems, load() with
 * the first-run seeding, and the lookups. Each other job has a file:
 *
 * - sandbar-profile-store-read.c: reading one file, never blocking;
 * - sandbar-profile-store-reload.c: the folder's files into the list, on
 *   load and on the monitor's events;
 * - sandbar-profile-store-write.c: atomic writes, no-clobber creation;
 * - sandbar-profile-store-edit.c: create, save (conflict copies), import;
 * - sandbar-profile-store-delete.c: delete to the trash, and undo.
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <string.h>
#include <sys/stat.h>

#include "sandbar-profile-store-private.h"
#include "sandbar-templates.h"

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SandbarProfileStore, sandbar_profile_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))
G_DEFINE_QUARK (sandbar-store-error-quark, sandbar_store_error)

enum {
  PROP_0,
  PROP_DIRECTORY,
  PROP_SEEDED,
  N_PROPS
};

enum {
  PROBLEMS_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ---------------------------------------------------------------------- */
/* The list model                                                         */
/* ---------------------------------------------------------------------- */

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_clear_signal_handler (&entry->name_handler, entry->profile);
  g_clear_object (&entry->profile);
  g_clear_pointer (&entry->contents, g_bytes_unref);
  g_clear_pointer (&entry->sort_key, g_free);
  g_free (entry);
}

static char *
make_sort_key (const char *name)
{
  g_autofree char *valid = g_utf8_make_valid (name, -1);
  g_autofree char *folded = g_utf8_casefold (valid, -1);

  return g_utf8_collate_key (folded, -1);
}

static int
compare_entries (const Entry *a,
                 const Entry *b)
{
  int cmp = strcmp (a->sort_key, b->sort_key);

  if (cmp != 0)
    return cmp;
  return strcmp (sandbar_profile_get_id (a->profile), sandbar_profile_get_id (b->profile));
}

/* The position after every item that sorts before or with @entry. */
static guint
find_insert_position (SandbarProfileStore *self,
                      const Entry         *entry)
{
  guint low = 0;
  guint high = self->items->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (compare_entries (g_ptr_array_index (self->items, middle), entry) <= 0)
        low = middle + 1;
      else
        high = middle;
    }

  return low;
}

static void
items_changed (SandbarProfileStore *self,
               guint                position,
               guint                removed,
               guint                added)
{
  /* load() announces everything at once when it is done. */
  if (!self->loading)
    g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static void
on_name_changed (SandbarProfile *profile,
                 GParamSpec     *pspec,
                 gpointer        user_data)
{
  SandbarProfileStore *self = user_data;
  Entry *entry = g_hash_table_lookup (self->entries, sandbar_profile_get_id (profile));
  guint old_position;
  guint new_position;

  if (entry == NULL || entry->profile != profile)
    return;

  g_free (entry->sort_key);
  entry->sort_key = make_sort_key (sandbar_profile_get_name (profile));

  if (!g_ptr_array_find (self->items, entry, &old_position))
    g_return_if_reached ();
  g_ptr_array_remove_index (self->items, old_position);
  new_position = find_insert_position (self, entry);
  g_ptr_array_insert (self->items, new_position, entry);

  if (old_position != new_position)
    {
      guint first = MIN (old_position, new_position);
      guint n = MAX (old_position, new_position) - first + 1;

      items_changed (self, first, n, n);
    }
}

Entry *
_sandbar_profile_store_add_entry (SandbarProfileStore *self,
                                  SandbarProfile      *profile,
                                  GBytes              *contents)
{
  Entry *entry = g_new0 (Entry, 1);
  guint position;

  g_assert (!g_hash_table_contains (self->entries, sandbar_profile_get_id (profile)));

  entry->profile = g_object_ref (profile);
  entry->contents = g_bytes_ref (contents);
  entry->sort_key = make_sort_key (sandbar_profile_get_name (profile));
  entry->name_handler = g_signal_connect (profile, "notify::name",
                                          G_CALLBACK (on_name_changed), self);

  g_hash_table_insert (self->entries, g_strdup (sandbar_profile_get_id (profile)), entry);
  position = find_insert_position (self, entry);
  g_ptr_array_insert (self->items, position, entry);
  items_changed (self, position, 0, 1);
  return entry;
}

void
_sandbar_profile_store_remove_entry (SandbarProfileStore *self,
                                     const char          *id)
{
  g_autofree char *key = g_strdup (id);
  Entry *entry = g_hash_table_lookup (self->entries, key);
  guint position;

  if (entry == NULL)
    return;

  if (!g_ptr_array_find (self->items, entry, &position))
    g_return_if_reached ();
  g_ptr_array_remove_index (self->items, position);
  g_hash_table_remove (self->entries, key);
  items_changed (self, position, 1, 0);
}

static GType
sandbar_profile_store_get_item_type (GListModel *model)
{
  return SANDBAR_TYPE_PROFILE;
}

static guint
sandbar_profile_store_get_n_items (GListModel *model)
{
  return SANDBAR_PROFILE_STORE (model)->items->len;
}

static gpointer
sandbar_profile_store_get_item (GListModel *model,
                                guint       position)
{
  SandbarProfileStore *self = SANDBAR_PROFILE_STORE (model);
  Entry *entry;

  if (position >= self->items->len)
    return NULL;
  entry = g_ptr_array_index (self->items, position);
  return g_object_ref (entry->profile);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = sandbar_profile_store_get_item_type;
  iface->get_n_items = sandbar_profile_store_get_n_items;
  iface->get_item = sandbar_profile_store_get_item;
}

/* ---------------------------------------------------------------------- */
/* Problems                                                               */
/* ---------------------------------------------------------------------- */

static void
problems_changed (SandbarProfileStore *self)
{
  if (self->loading)
    self->problems_dirty = TRUE;
  else
    g_signal_emit (self, signals[PROBLEMS_CHANGED], 0);
}

void
_sandbar_profile_store_set_problem (SandbarProfileStore *self,
                                    const char          *path,
                                    guint                line,
                                    const char          *message)
{
  SandbarLoadProblem *problem;
  guint position;

  for (position = 0; position < self->problems->len; position++)
    {
      int cmp;

      problem = g_ptr_array_index (self->problems, position);
      cmp = strcmp (problem->path, path);
      if (cmp > 0)
        break;
      if (cmp == 0)
        {
          if (problem->line == line && g_str_equal (problem->message, message))
            return;
          problem->line = line;
          g_free (problem->message);
          problem->message = g_strdup (message);
          problems_changed (self);
          return;
        }
    }

  problem = g_new0 (SandbarLoadProblem, 1);
  problem->path = g_strdup (path);
  problem->line = line;
  problem->message = g_strdup (message);
  g_ptr_array_insert (self->problems, position, problem);
  problems_changed (self);
}

void
_sandbar_profile_store_clear_problem (SandbarProfileStore *self,
                                      const char          *path)
{
  for (guint i = 0; i < self->problems->len; i++)
    {
      SandbarLoadProblem *problem = g_ptr_array_index (self->problems, i);

      if (g_str_equal (problem->path, path))
        {
          g_ptr_array_remove_index (self->problems, i);
          problems_changed (self);
          return;
        }
    }
}

/**
 * sandbar_load_problem_free:
 * @problem: (nullable): a problem
 *
 * Frees a #SandbarLoadProblem.
 */
void
sandbar_load_problem_free (SandbarLoadProblem *problem)
{
  if (problem == NULL)
    return;

  g_free (problem->path);
  g_free (problem->message);
  g_free (problem);
}

/* ---------------------------------------------------------------------- */
/* Reading the folder                                                     */
/* ---------------------------------------------------------------------- */

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/* Creates the profiles folder and writes every built-in template into it,
 * byte for byte but for the name and description in the user's language.
 * Only ever called when the folder did not exist. */
static gboolean
seed (SandbarProfileStore  *self,
      GError              **error)
{
  g_auto(GStrv) ids = NULL;

  if (g_mkdir_with_parents (self->directory, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *shown = g_filename_display_name (self->directory);

      g_set_error (error, SANDBAR_STORE_ERROR, SANDBAR_STORE_ERROR_FAILED,
                   _("Could not create the profiles folder “%s”: %s"), shown,
                   g_strerror (saved_errno));
      return FALSE;
    }

  ids = sandbar_templates_list_ids ();
  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(GBytes) contents = sandbar_templates_lookup_translated (ids[i], NULL);
      g_autofree char *path = sandbar_profile_store_get_path (self, ids[i]);
      g_autoptr(GError) local_error = NULL;

      g_assert (contents != NULL);
      if (!_sandbar_profile_store_write_new_file (ids[i], path, contents, &local_error) &&
          !g_error_matches (local_error, SANDBAR_STORE_ERROR, SANDBAR_STORE_ERROR_EXISTS))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }

  self->seeded = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEEDED]);
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* GObject                                                                */
/* ---------------------------------------------------------------------- */

static void
sandbar_profile_store_constructed (GObject *object)
{
  SandbarProfileStore *self = SANDBAR_PROFILE_STORE (object);
  g_autofree char *directory = g_steal_pointer (&self->directory);

  G_OBJECT_CLASS (sandbar_profile_store_parent_class)->constructed (object);

  if (directory == NULL || directory[0] == '\0')
    {
      g_free (directory);
      directory = sandbar_profile_store_default_directory ();
    }
  self->directory = g_canonicalize_filename (directory, NULL);
  self->directory_file = g_file_new_for_path (self->directory);
}

static void
sandbar_profile_store_dispose (GObject *object)
{
  SandbarProfileStore *self = SANDBAR_PROFILE_STORE (object);

  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }

  g_ptr_array_set_size (self->items, 0);
  g_hash_table_remove_all (self->entries);

  G_OBJECT_CLASS (sandbar_profile_store_parent_class)->dispose (object);
}

static void
sandbar_profile_store_finalize (GObject *object)
{
  SandbarProfileStore *self = SANDBAR_PROFILE_STORE (object);

  g_clear_pointer (&self->directory, g_free);
  g_clear_object (&self->directory_file);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->entries, g_hash_table_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);

  G_OBJECT_CLASS (sandbar_profile_store_parent_class)->finalize (object);
}

static void
sandbar_profile_store_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  SandbarProfileStore *self = SANDBAR_PROFILE_STORE (object);

  switch (prop_id)
    {
    case PROP_DIRECTORY:
      g_value_set_string (value, self->directory);
      break;
    case PROP_SEEDED:
      g_value_set_boolean (value, self->seeded);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sandbar_profile_store_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  SandbarProfileStore *self = SANDBAR_PROFILE_STORE (object);

  switch (prop_id)
    {
    case PROP_DIRECTORY:
      g_free (self->directory);
      self->directory = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sandbar_profile_store_class_init (SandbarProfileStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = sandbar_profile_store_constructed;
  object_class->dispose = sandbar_profile_store_dispose;
  object_class->finalize = sandbar_profile_store_finalize;
  object_class->get_property = sandbar_profile_store_get_property;
  object_class->set_property = sandbar_profile_store_set_property;

  /**
   * SandbarProfileStore:directory:
   *
   * The profiles folder, absolute; %NULL at construction for
   * sandbar_profile_store_default_directory().
   */
  properties[PROP_DIRECTORY] =
    g_param_spec_string ("directory", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * SandbarProfileStore:seeded:
   *
   * Whether sandbar_profile_store_load() created the profiles folder and
   * wrote the built-in templates into it (the first run).
   */
  properties[PROP_SEEDED] =
    g_param_spec_boolean ("seeded", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SandbarProfileStore::problems-changed:
   * @self: the store
   *
   * Emitted when the list of files that could not be loaded changed; see
   * sandbar_profile_store_get_problems().
   */
  signals[PROBLEMS_CHANGED] =
    g_signal_new ("problems-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
sandbar_profile_store_init (SandbarProfileStore *self)
{
  self->items = g_ptr_array_new ();
  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, entry_free);
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) sandbar_load_problem_free);
  self->use_trash = TRUE;
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */
/* ---------------------------------------------------------------------- */

/**
 * sandbar_profile_store_default_directory:
 *
 * The folder profiles are kept in: `$SANDBAR_PROFILES_DIR` if it is set
 * and not empty; on macOS `~/Library/Application Support/Sandbar/Profiles`;
 * elsewhere `$XDG_CONFIG_HOME/sandbar/profiles`.
 *
 * Returns: (transfer full) (type filename): an absolute path
 */
char *
sandbar_profile_store_default_directory (void)
{
  const char *override = g_getenv ("SANDBAR_PROFILES_DIR");

  if (override != NULL && override[0] != '\0')
    return g_canonicalize_filename (override, NULL);

#if SANDBAR_OS_MACOS
  return g_build_filename (g_get_home_dir (), "Library", "Application Support", "Sandbar",
                           "Profiles", NULL);
#else
  return g_build_filename (g_get_user_config_dir (), "sandbar", "profiles", NULL);
#endif
}

/**
 * sandbar_profile_store_new:
 * @directory: (nullable) (type filename): the profiles folder, or %NULL
 *   for sandbar_profile_store_default_directory()
 *
 * Creates an empty store; call sandbar_profile_store_load() to read the
 * folder.
 *
 * Returns: (transfer full): a new store
 */
SandbarProfileStore *
sandbar_profile_store_new (const char *directory)
{
  return g_object_new (SANDBAR_TYPE_PROFILE_STORE, "directory", directory, NULL);
}

/**
 * sandbar_profile_store_load:
 * @self: a store
 * @error: return location for a #GError
 *
 * Reads the profiles folder and starts watching it. A folder that does
 * not exist is created (mode 0700) and seeded with the built-in
 * templates; an existing empty folder is left empty.
 *
 * A file that cannot be loaded does not make this fail: it is listed in
 * [method@SandbarProfileStore.get_problems] and left as it is.
 *
 * Call this once.
 *
 * Returns: %TRUE on success; %FALSE with @error set if the folder cannot
 *   be created or read
 */
gboolean
sandbar_profile_store_load (SandbarProfileStore  *self,
                            GError              **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autofree char *shown = NULL;
  const char *name;
  struct stat st;

  g_return_val_if_fail (SANDBAR_IS_PROFILE_STORE (self), FALSE);
  g_return_val_if_fail (!self->loaded, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  shown = g_filename_display_name (self->directory);

  if (stat (self->directory, &st) != 0)
    {
      int saved_errno = errno;

      if (saved_errno != ENOENT)
        {
          g_set_error (error, SANDBAR_STORE_ERROR, SANDBAR_STORE_ERROR_FAILED,
                       _("Could not open the profiles folder “%s”: %s"), shown,
                       g_strerror (saved_errno));
          return FALSE;
        }
      if (!seed (self, error))
        return FALSE;
    }
  else if (!S_ISDIR (st.st_mode))
    {
      g_set_error (error, SANDBAR_STORE_ERROR, SANDBAR_STORE_ERROR_FAILED,
                   _("Could not open the profiles folder “%s”: it is not a folder"), shown);
      return FALSE;
    }

  /* Watch first, then scan: a file written during the scan is seen by
   * one or the other (or both, which is harmless). */
  self->monitor = g_file_monitor_directory (self->directory_file, G_FILE_MONITOR_WATCH_MOVES,
                                            NULL, &local_error);
  if (self->monitor != NULL)
    g_signal_connect (self->monitor, "changed",
                      G_CALLBACK (_sandbar_profile_store_on_directory_changed), self);
  else
    {
      g_warning ("Could not watch the profiles folder “%s”; changes made by other programs "
                 "will not be seen: %s", shown, local_error->message);
      g_clear_error (&local_error);
    }

  dir = g_dir_open (self->directory, 0, &local_error);
  if (dir == NULL)
    {
      g_set_error (error, SANDBAR_STORE_ERROR, SANDBAR_STORE_ERROR_FAILED,
                   _("Could not open the profiles folder “%s”: %s"), shown,
                   local_error->message);
      return FALSE;
    }

  /* Read in a fixed order so that problems are found the same way. */
  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_strings);

  self->loading = TRUE;
  for (guint i = 0; i < names->len; i++)
    _sandbar_profile_store_reload_name (self, g_ptr_array_index (names, i));
  self->loading = FALSE;
  self->loaded = TRUE;

  if (self->items->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, self->items->len);
  if (self->problems_dirty)
    {
      self->problems_dirty = FALSE;
      g_signal_emit (self, signals[PROBLEMS_CHANGED], 0);
    }

  return TRUE;
}

/**
 * sandbar_profile_store_get_directory:
 * @self: a store
 *
 * Returns: (transfer none) (type filename): the absolute profiles folder
 */
const char *
sandbar_profile_store_get_directory (SandbarProfileStore *self)
{
  g_return_val_if_fail (SANDBAR_IS_PROFILE_STORE (self), NULL);
  return self->directory;
}

/**
 * sandbar_profile_store_get_seeded:
 * @self: a store
 *
 * Returns: %TRUE if loading created the folder and wrote the templates
 */
gboolean
sandbar_profile_store_get_seeded (SandbarProfileStore *self)
{
  g_return_val_if_fail (SANDBAR_IS_PROFILE_STORE (self), FALSE);
  return self->seeded;
}

/**
 * sandbar_profile_store_get_problems:
 * @self: a store
 *
 * The files of the folder that are not loaded, sorted by path. The list
 * changes as files change; [signal@SandbarProfileStore::problems-changed]
 * says when.
 *
 * Returns: (transfer none) (element-type SandbarLoadProblem): the problems
 */
GPtrArray *
sandbar_profile_store_get_problems (SandbarProfileStore *self)
{
  g_return_val_if_fail (SANDBAR_IS_PROFILE_STORE (self), NULL);
  return self->problems;
}

/**
 * sandbar_profile_store_lookup:
 * @self: a store
 * @id: a profile id
 *
 * Returns: (transfer none) (nullable): the loaded profile with @id
 */
SandbarProfile *
sandbar_profile_store_lookup (SandbarProfileStore *self,
                              const char          *id)
{
  Entry *entry;

  g_return_val_if_fail (SANDBAR_IS_PROFILE_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  entry = g_hash_table_lookup (self->entries, id);
  return entry != NULL ? entry->profile : NULL;
}

/**
 * sandbar_profile_store_get_path:
 * @self: a store
 * @id: a valid profile id
 *
 * Returns: (transfer full) (type filename): the file of the profile @id,
 *   whether it exists or not
 */
char *
sandbar_profile_store_get_path (SandbarProfileStore *self,
                                const char          *id)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (SANDBAR_IS_PROFILE_STORE (self), NULL);
  g_return_val_if_fail (sandbar_input_is_valid_id (id), NULL);

  name = g_strconcat (id, SANDBAR_PROFILE_SUFFIX, NULL);
  return g_build_filename (self->directory, name, NULL);
}

gboolean
_sandbar_profile_store_is_id_taken (SandbarProfileStore *self,
                                    const char          *id)
{
  g_autofree char *path = NULL;
  struct stat st;

  if (g_hash_table_contains (self->entries, id))
    return TRUE;
  path = sandbar_profile_store_get_path (self, id);
  return lstat (path, &st) == 0;
}

/* Like unique_id(), but @base may be too long: it is shortened to leave
 * room for the number. */
char *
_sandbar_profile_store_make_unique_id (SandbarProfileStore *self,
                                       const char          *base)
{
  for (guint n = 1; ; n++)
    {
      g_autofree char *candidate = NULL;
      char suffix[16] = "";
      gsize keep = strlen (base);

      if (n > 1)
        g_snprintf (suffix, sizeof suffix, "-%u", n);
      keep = MIN (keep, ID_MAX_BYTES - strlen (suffix));
      candidate = g_strdup_printf ("%.*s%s", (int) keep, base, suffix);
      if (!_sandbar_profile_store_is_id_taken (self, candidate))
        return g_steal_pointer (&candidate);
    }
}

/**
 * sandbar_profile_store_unique_id:
 * @self: a store
 * @base: a valid profile id
 *
 * Finds an id for a new profile: @base if neither a profile nor a file
 * uses it, else `base-2`, `base-3`, … (shortened to fit the 64-byte limit).
 *
 * Returns: (transfer full): a free id
 */
char *
sandbar_profile_store_unique_id (SandbarProfileStore *self,
                                 const char          *base)
{
  g_return_val_if_fail (SANDBAR_IS_PROFILE_STORE (self), NULL);
  g_return_val_if_fail (sandbar_input_is_valid_id (base), NULL);

  return _sandbar_profile_store_make_unique_id (self, base);
}

gboolean
_sandbar_profile_store_check_id (const char  *id,
                                 GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (sandbar_input_check_id (id, &local_error))
    return TRUE;

  g_set_error_literal (error, SANDBAR_STORE_ERROR, SANDBAR_STORE_ERROR_INVALID,
                       local_error->message);
  return FALSE;
}
