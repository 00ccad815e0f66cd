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
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sandbar-profile-store-private.h"
#include "sandbar-templates.h"

/* A profile is a few hundred bytes; anything much larger is not one. */
#define MAX_FILE_SIZE   (1024 * 1024)
/* Matches the limit of sandbar_input_is_valid_id(). */
#define ID_MAX_BYTES    64
#define MAX_LINK_DEPTH  40
#define DELETED_FOLDER  ".deleted"
#define CONFLICT_SUFFIX "-conflict"

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
/* Files                                                                  */
/* ---------------------------------------------------------------------- */

static gconstpointer
bytes_get_data (GBytes *bytes,
                gsize  *length)
{
  gconstpointer data = g_bytes_get_data (bytes, length);

  /* GBytes returns NULL for an empty buffer; the readers want text. */
  return data != NULL ? data : "";
}

static void
set_errno_error (GError **error,
                 int      saved_errno)
{
  g_set_error_literal (error, SANDBAR_STORE_ERROR,
                       saved_errno == ENOENT ? SANDBAR_STORE_ERROR_NOT_FOUND
                                             : SANDBAR_STORE_ERROR_FAILED,
                       g_strerror (saved_errno));
}

/* The error messages of this section say what is wrong with a file without
 * naming it: a load problem carries the path beside the message, and the
 * public entry points prefix it. */
static gboolean
check_file_type (const struct stat  *st,
                 GError            **error)
{
  if (S_ISDIR (st->st_mode))
    {
      g_set_error_literal (error, SANDBAR_STORE_ERROR, SANDBAR_STORE_ERROR_FAILED,
                           _("it is a folder, not a profile file"));
      return FALSE;
    }

  if (!S_ISREG (st->st_mode))
    {
      g_set_error_literal (error, SANDBAR_STORE_ERROR, SANDBAR_STORE_ERROR_FAILED,
                           _("it is not a regular file (but a named pipe, socket or device), "
                             "so it is not read"));
      return FALSE;
    }

  if (st->st_size > MAX_FILE_SIZE)
    {
      g_set_error_literal (error, SANDBAR_STORE_ERROR, SANDBAR_STORE_ERROR_FAILED,
                           _("the file is larger than 1 MiB, far too large for a profile"));
      return FALSE;
    }

  return TRUE;
}

/**
 * sandbar_read_profile_file:
 * @path: a file that should hold a profile
 * @error: return location for a #GError in %SANDBAR_STORE_ERROR
 *
 * Reads a profile file without ever blocking on it: the type is checked
 * before the file is opened (a named pipe is never opened), the open is
 * non-blocking and does not follow a link that was not there when the type
 * was checked, and the type is checked again on the open file. A symbolic
 * link to a regular file is followed: people keep profiles in dotfiles
 * repositories. At most 1 MiB is read. The message does not name the file.
 *
 * Returns: (transfer full): the bytes, or %NULL (NOT_FOUND if there is no
 *   file, FAILED otherwise)
 */
GBytes *
sandbar_read_profile_file (const char  *path,
                           GError     **error)
{
  g_autofree char *buffer = NULL;
  struct stat st;
  int flags = O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC;
  gsize capacity;
  gsize length = 0;
  int fd;

  if (lstat (path, &st) != 0)
    {
      set_errno_error (error, errno);
      return NULL;
    }

  if (S_ISLNK (st.st_mode))
    {
      if (stat (path, &st) != 0)
        {
          int saved_errno = errno;

          if (saved_errno == ENOENT)
            g_set_error_literal (error, SANDBAR_STORE_ERROR, SANDBAR_STORE_ERROR_FAILED,
                                 _("it is a link to a file that does not exist"));
          else
            set_errno_error (error, saved_errno);
          return NULL;
        }
    }
  else
    flags |= O_NOFOLLOW;

  if (!check_file_type (&st, error))
    return NULL;

  fd = open (path, flags);
  if (fd < 0)
    {
      set_errno_error (error, errno);
      return NULL;
    }

  if (fstat (fd, &st) != 0)
    {
      set_errno_error (error, errno);
      close (fd);
      return NULL;
    }
  if (!check_file_type (&st, error))
    {
      close (fd);
      return NULL;
    }

  /* The file may still grow while it is read: read to the end, but never
   * more than the limit. */
  capacity = MIN ((gsize) st.st_size, MAX_FILE_SIZE) + 1;
  buffer = g_malloc (capacity);
  for (;;)
    {
      gssize n;

      if (length == capacity)
        {
          if (capacity > MAX_FILE_SIZE)
            break;
          capacity = MIN (capacity * 2, MAX_FILE_SIZE + 1);
          buffer = g_realloc (buffer, capacity);
        }

      n = read (fd, buffer + length, capacity - length);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          set_errno_error (error, errno);
          close (fd);
          return NULL;
        }
      if (n == 0)
        break;
      length += n;
    }
  close (fd);

  if (length > MAX_FILE_SIZE)
    {
      g_set_error_literal (error, SANDBAR_STORE_ERROR, SANDBAR_STORE_ERROR_FAILED,
                           _("the file is larger than 1 MiB, far too large for a profile"));
      return NULL;
    }

  return g_bytes_new_take (g_steal_pointer (&buffer), length);
}

static gboolean
write_all (int         fd,
           const char *data,
           gsize       length)
{
  while (length > 0)
    {
      gssize n = write (fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return FALSE;
      data += n;
      length -= n;
    }

  return TRUE;
}

/* Makes a rename or link in @directory durable. The file itself is synced
 * already, so a failure here is logged rather than reported: the new file
 * is in place and readable. */
static void
sync_directory (const char *directory)
{
  int fd = open (directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd < 0)
    {
      g_debug ("Could not open “%s” to sync it: %s", directory, g_strerror (errno));
      return;
    }

  /* Some file systems cannot sync a directory and say EINVAL. */
  if (fsync (fd) != 0 && errno != EINVAL && errno != EROFS)
    g_warning ("Could not sync the folder “%s”: %s", directory, g_strerror (errno));
  close (fd);
}

static void
set_write_error (GError     **error,
                 const char  *path,
                 const char  *reason)
{
  g_autofree char *shown = g_filename_display_name (path);

  g_set_error (error, SANDBAR_STORE_ERROR, SANDBAR_STORE_ERROR_FAILED,
               _("Could not write “%s”: %s"), shown, reason);
}

static void
set_exists_error (GError     **error,
                  const char  *id,
                  const char  *path)
{
  g_autofree char *shown = g_filename_display_name (path);

  g_set_error (error, SANDBAR_STORE_ERROR, SANDBAR_STORE_ERROR_EXISTS,
               _("A profile with the ID “%s” exists already (“%s”); choose another ID"),
               id, shown);
}

/* Whether link() failed because the file system has no hard links. */
static gboolean
is_link_unsupported (int saved_errno)
{
  return saved_errno == EPERM || saved_errno == ENOTSUP || saved_errno == EOPNOTSUPP ||
         saved_errno == ENOSYS || saved_errno == EMLINK || saved_errno == EXDEV;
}

/* Writes a file that must not exist yet (create, import, restore, seed and
 * conflict copies), atomically and without a race against another creator:
 * the text goes to a hidden temporary file, which is fsynced and then
 * hard-linked to the final name. link() fails if the name exists, which is
 * O_EXCL for a whole file. Where the file system has no hard links, the
 * name is checked and the temporary file renamed; only there can a file
 * created in between by someone else be replaced.
 *
 * The temporary file is hidden (`.<id>.sandbar.XXXXXX`), so a crash never
 * leaves anything the store would read as a profile. Fails with EXISTS if
 * @path exists (as anything, even a dangling link). */
static gboolean
write_new_file (const char  *id,
                const char  *path,
                GBytes      *contents,
                GError     **error)
{
  g_autofree char *directory = g_path_get_dirname (path);
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *temp = g_strdup_printf ("%s/.%s.XXXXXX", directory, basename);
  gconstpointer data;
  gsize length;
  int saved_errno;
  int fd;

  data = bytes_get_data (contents, &length);

  fd = g_mkstemp_full (temp, O_RDWR | O_CLOEXEC, 0644);
  if (fd < 0)
    {
      set_write_error (error, path, g_strerror (errno));
      return FALSE;
    }

  if (!write_all (fd, data, length) || fsync (fd) != 0)
    {
      saved_errno = errno;
      close (fd);
      g_unlink (temp);
      set_write_error (error, path, g_strerror (saved_errno));
      return FALSE;
    }
  if (close (fd) != 0)
    {
      saved_errno = errno;
      g_unlink (temp);
      set_write_error (error, path, g_strerror (saved_errno));
      return FALSE;
    }

  if (link (temp, path) == 0)
    {
      g_unlink (temp);
      sync_directory (directory);
      return TRUE;
    }

  saved_errno = errno;
  if (is_link_unsupported (saved_errno))
    {
      struct stat st;

      if (lstat (path, &st) == 0)
        saved_errno = EEXIST;
      else if (g_rename (temp, path) == 0)
        {
          sync_directory (directory);
          return TRUE;
        }
      else
        saved_errno = errno;
    }

  g_unlink (temp);
  if (saved_errno == EEXIST)
    set_exists_error (error, id, path);
  else
    set_write_error (error, path, g_strerror (saved_errno));
  return FALSE;
}

/* Follows symbolic links to the file they finally name, which need not
 * exist. A profile kept in a dotfiles repository is updated there and its
 * link stays. */
static char *
resolve_links (const char  *path,
               GError     **error)
{
  g_autofree char *current = g_strdup (path);

  for (guint depth = 0; depth < MAX_LINK_DEPTH; depth++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *target = NULL;
      struct stat st;

      if (lstat (current, &st) != 0 || !S_ISLNK (st.st_mode))
        return g_steal_pointer (&current);

      target = g_file_read_link (current, &local_error);
      if (target == NULL)
        {
          set_write_error (error, path, local_error->message);
          return NULL;
        }

      if (g_path_is_absolute (target))
        {
          g_free (current);
          current = g_steal_pointer (&target);
        }
      else
        {
          g_autofree char *directory = g_path_get_dirname (current);

          g_free (current);
          current = g_build_filename (directory, target, NULL);
        }
    }

  set_write_error (error, path, g_strerror (ELOOP));
  return NULL;
}

/* Replaces a file atomically and durably (save, import with replace). An
 * existing file keeps its mode; a link keeps pointing at its target, which
 * is what gets replaced. */
static gboolean
replace_file (const char  *path,
              GBytes      *contents,
              GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *target = NULL;
  g_autofree char *directory = NULL;
  gconstpointer data;
  gsize length;
  struct stat st;
  gboolean existed;
  int mode = 0644;

  target = resolve_links (path, error);
  if (target == NULL)
    return FALSE;

  existed = stat (target, &st) == 0;
  if (existed)
    mode = st.st_mode & 07777;

  data = bytes_get_data (contents, &length);
  if (!g_file_set_contents_full (target, data, length,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 mode, &local_error))
    {
      set_write_error (error, path, local_error->message);
      return FALSE;
    }

  /* The new file was created through the umask; an existing file keeps
   * exactly the mode it had. */
  if (existed && stat (target, &st) == 0 && (int)(st.st_mode & 07777) != mode &&
      g_chmod (target, mode) != 0)
    g_debug ("Could not restore the mode of “%s”: %s", target, g_strerror (errno));

  directory = g_path_get_dirname (target);
  sync_directory (directory);
  return TRUE;
}

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

static Entry *
add_entry (SandbarProfileStore *self,
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

static void
remove_entry (SandbarProfileStore *self,
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

static void
set_problem (SandbarProfileStore *self,
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

static void
clear_problem (SandbarProfileStore *self,
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

/* Takes @contents as the text of the file of @id: updates the profile in
 * place (so that views bound to it follow), adds it, or, if the text does
 * not parse, takes it out of the list and reports the file. Text equal to
 * what the store last read or wrote changes nothing: that is the echo of
 * the store's own writes in the file monitor. */
static void
adopt_contents (SandbarProfileStore *self,
                const char          *id,
                const char          *path,
                GBytes              *contents)
{
  Entry *entry = g_hash_table_lookup (self->entries, id);
  g_autoptr(SandbarProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  gconstpointer data;
  gsize length;
  guint line = 0;

  if (entry != NULL && g_bytes_equal (entry->contents, contents))
    return;

  data = bytes_get_data (contents, &length);
  profile = sandbar_profile_new_from_data (id, data, length, &line, &error);
  if (profile == NULL)
    {
      remove_entry (self, id);
      set_problem (self, path, line, error->message);
      return;
    }

  clear_problem (self, path);
  if (entry == NULL)
    {
      add_entry (self, profile, contents);
      return;
    }

  g_bytes_unref (entry->contents);
  entry->contents = g_bytes_ref (contents);
  sandbar_profile_assign (entry->profile, profile);
}

static void
reload_file (SandbarProfileStore *self,
             const char          *id,
             const char          *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) contents = NULL;

  contents = sandbar_read_profile_file (path, &error);
  if (contents != NULL)
    {
      adopt_contents (self, id, path, contents);
      return;
    }

  remove_entry (self, id);
  if (g_error_matches (error, SANDBAR_STORE_ERROR, SANDBAR_STORE_ERROR_NOT_FOUND))
    clear_problem (self, path);
  else
    set_problem (self, path, 0, error->message);
}

/* Loads (or unloads) the folder entry @name after a scan or an event. */
static void
reload_name (SandbarProfileStore *self,
             const char          *name)
{
  g_autofree char *path = NULL;
  g_autofree char *id = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  struct stat st;

  /* Hidden files include the store's own temporary files; other names
   * include those of g_file_set_contents() (`<id>.sandbar.XXXXXX`). */
  if (name[0] == '.' || !g_str_has_suffix (name, SANDBAR_PROFILE_SUFFIX))
    return;

  path = g_build_filename (self->directory, name, NULL);
  id = g_strndup (name, strlen (name) - strlen (SANDBAR_PROFILE_SUFFIX));

  if (sandbar_input_check_id (id, &error))
    {
      reload_file (self, id, path);
      return;
    }

  if (lstat (path, &st) != 0)
    {
      clear_problem (self, path);
      return;
    }

  /* Translators: %s says what a profile ID may contain */
  message = g_strdup_printf (_("the file name is not a valid profile ID, so the file is not "
                               "loaded; rename it. %s"), error->message);
  set_problem (self, path, 0, message);
}

static void
on_directory_changed (GFileMonitor      *monitor,
                      GFile             *file,
                      GFile             *other_file,
                      GFileMonitorEvent  event,
                      gpointer           user_data)
{
  SandbarProfileStore *self = user_data;
  GFile *files[2] = { file, NULL };

  switch (event)
    {
    case G_FILE_MONITOR_EVENT_RENAMED:
      files[1] = other_file;
      break;

    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
      break;

    case G_FILE_MONITOR_EVENT_CHANGED:
      /* A CHANGES_DONE_HINT follows (GIO synthesizes one where the
       * backend has none): read the file once, when it is written. */
    case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
    case G_FILE_MONITOR_EVENT_PRE_UNMOUNT:
    case G_FILE_MONITOR_EVENT_UNMOUNTED:
    default:
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(GFile) parent = NULL;
      g_autofree char *name = NULL;

      if (files[i] == NULL)
        continue;
      parent = g_file_get_parent (files[i]);
      if (parent == NULL || !g_file_equal (parent, self->directory_file))
        continue;
      name = g_file_get_basename (files[i]);
      reload_name (self, name);
    }
}

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
      if (!write_new_file (ids[i], path, contents, &local_error) &&
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
    g_signal_connect (self->monitor, "changed", G_CALLBACK (on_directory_changed), self);
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
    reload_name (self, g_ptr_array_index (names, i));
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

static gboolean
is_id_taken (SandbarProfileStore *self,
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
static char *
make_unique_id (SandbarProfileStore *self,
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
      if (!is_id_taken (self, candidate))
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

  return make_unique_id (self, base);
}

static gboolean
check_id (const char  *id,
          GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (sandbar_input_check_id (id, &local_error))
    return TRUE;

  g_set_error_literal (error, SANDBAR_STORE_ERROR, SANDBAR_STORE_ERROR_INVALID,
                       local_error->message);
  return FALSE;
}

/* Validates and renders @profile. */
static GBytes *
render (SandbarProfile  *profile,
        GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  char *data;
  gsize length;

  if (!sandbar_profile_validate (profile, &local_error))
    {
      g_set_error_literal (error, SANDBAR_STORE_ERROR, SANDBAR_STORE_ERROR_INVALID,
                           local_error->message);
      return NULL;
    }

  data = sandbar_profile_to_data (profile, &length);
  return g_bytes_new_take (data, length);
}

/* Reports a failure to read @path, the file of @id. */
static void
set_read_error (GError     **error,
                const char  *id,
                const char  *path,
                GError      *read_error)
{
  g_autofree char *shown = g_filename_display_name (path);

  if (g_error_matches (read_error, SANDBAR_STORE_ERROR, SANDBAR_STORE_ERROR_NOT_FOUND))
    g_set_error (error, SANDBAR_STORE_ERROR, SANDBAR_STORE_ERROR_NOT_FOUND,
                 _("There is no profile “%s” (no file “%s”)"), id, shown);
  else
    g_set_error (error, SANDBAR_STORE_ERROR, SANDBAR_STORE_ERROR_FAILED,
                 _("Could not read “%s”: %s"), shown, read_error->message);
}

static gboolean
create_rendered (SandbarProfileStore  *self,
                 SandbarProfile       *profile,
                 GBytes               *contents,
                 GError              **error)
{
  const char *id = sandbar_profile_get_id (profile);
  g_autofree char *path = sandbar_profile_store_get_path (self, id);

  if (g_hash_table_contains (self->entries, id))
    {
      set_exists_error (error, id, path);
      return FALSE;
    }

  if (!write_new_file (id, path, contents, error))
    return FALSE;

  add_entry (self, profile, contents);
  return TRUE;
}

/**
 * sandbar_profile_store_create:
 * @self: a store
 * @profile: a new profile
 * @error: return location for a #GError
 *
 * Validates @profile, writes it to a new file and adds it to the store.
 * The file is created atomically, and only if no file of that name exists
 * (not even one that could not be loaded).
 *
 * Returns: %TRUE on success; %FALSE with @error set to
 *   %SANDBAR_STORE_ERROR_INVALID (nothing was written),
 *   %SANDBAR_STORE_ERROR_EXISTS or %SANDBAR_STORE_ERROR_FAILED
 */
gboolean
sandbar_profile_store_create (SandbarProfileStore  *self,
                              SandbarProfile       *profile,
                              GError              **error)
{
  g_autoptr(GBytes) contents = NULL;

  g_return_val_if_fail (SANDBAR_IS_PROFILE_STORE (self), FALSE);
  g_return_val_if_fail (SANDBAR_IS_PROFILE (profile), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  contents = render (profile, error);
  if (contents == NULL)
    return FALSE;

  return create_rendered (self, profile, contents, error);
}

/* The file of @entry changed on disk since the store read it, and the
 * user edited @profile meanwhile: both versions are kept. */
static gboolean
save_conflict (SandbarProfileStore  *self,
               SandbarProfile       *profile,
               const char           *path,
               GBytes               *contents,
               GBytes               *on_disk,
               char                **conflict_id,
               GError              **error)
{
  g_autofree char *id = g_strdup (sandbar_profile_get_id (profile));
  g_autofree char *base = NULL;
  g_autofree char *copy_id = NULL;
  g_autofree char *copy_path = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *copy_shown = NULL;
  g_autoptr(SandbarProfile) copy = NULL;

  base = g_strdup_printf ("%.*s" CONFLICT_SUFFIX,
                          (int) MIN (strlen (id), ID_MAX_BYTES - strlen (CONFLICT_SUFFIX)), id);
  copy_id = make_unique_id (self, base);
  copy_path = sandbar_profile_store_get_path (self, copy_id);

  /* The id is not part of the text, so the copy renders as @contents. */
  copy = sandbar_profile_copy (profile, copy_id);
  if (!write_new_file (copy_id, copy_path, contents, error))
    return FALSE;
  add_entry (self, copy, contents);

  /* The original follows the file, as if the monitor had seen it first. */
  adopt_contents (self, id, path, on_disk);

  shown = g_filename_display_name (path);
  copy_shown = g_filename_display_name (copy_path);
  g_set_error (error, SANDBAR_STORE_ERROR, SANDBAR_STORE_ERROR_CONFLICT,
               _("“%s” was changed by another program after Sandbar read it, so it was not "
                 "overwritten; your changes were saved as “%s”"), shown, copy_shown);
  if (conflict_id != NULL)
    *conflict_id = g_steal_pointer (&copy_id);
  return FALSE;
}

/**
 * sandbar_profile_store_save:
 * @self: a store
 * @profile: a profile, usually one of the store
 * @conflict_id: (out) (optional) (nullable) (transfer full): on
 *   %SANDBAR_STORE_ERROR_CONFLICT, the id of the copy holding @profile's
 *   edit
 * @error: return location for a #GError
 *
 * Validates @profile and writes it to its file, atomically. A profile
 * that is not in the store yet is created (see
 * [method@SandbarProfileStore.create]). If @profile is not the store's
 * object for its id, the store's object takes its fields.
 *
 * If the file changed on disk since the store read or wrote it, it is not
 * overwritten: the edit is saved as a new profile `<id>-conflict` (or
 * `<id>-conflict-2`, …), returned in @conflict_id, and the profile of the
 * store takes the text on disk.
 *
 * Nothing is written if the file already holds the rendered text. If the
 * file is a symbolic link, its target is replaced and the link kept.
 *
 * Returns: %TRUE on success; %FALSE with @error set to
 *   %SANDBAR_STORE_ERROR_INVALID (nothing was written),
 *   %SANDBAR_STORE_ERROR_CONFLICT, %SANDBAR_STORE_ERROR_EXISTS or
 *   %SANDBAR_STORE_ERROR_FAILED
 */
gboolean
sandbar_profile_store_save (SandbarProfileStore  *self,
                            SandbarProfile       *profile,
                            char                **conflict_id,
                            GError              **error)
{
  g_autoptr(GError) read_error = NULL;
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(GBytes) on_disk = NULL;
  g_autofree char *path = NULL;
  Entry *entry;

  g_return_val_if_fail (SANDBAR_IS_PROFILE_STORE (self), FALSE);
  g_return_val_if_fail (SANDBAR_IS_PROFILE (profile), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (conflict_id != NULL)
    *conflict_id = NULL;

  contents = render (profile, error);
  if (contents == NULL)
    return FALSE;

  entry = g_hash_table_lookup (self->entries, sandbar_profile_get_id (profile));
  if (entry == NULL)
    return create_rendered (self, profile, contents, error);

  path = sandbar_profile_store_get_path (self, sandbar_profile_get_id (profile));
  on_disk = sandbar_read_profile_file (path, &read_error);
  if (on_disk == NULL &&
      !g_error_matches (read_error, SANDBAR_STORE_ERROR, SANDBAR_STORE_ERROR_NOT_FOUND))
    {
      set_read_error (error, sandbar_profile_get_id (profile), path, read_error);
      return FALSE;
    }

  /* A file that vanished is written again: there is no other version to
   * keep. */
  if (on_disk == NULL || !g_bytes_equal (on_disk, contents))
    {
      if (on_disk != NULL && !g_bytes_equal (on_disk, entry->contents))
        return save_conflict (self, profile, path, contents, on_disk, conflict_id, error);

      if (!replace_file (path, contents, error))
        return FALSE;
    }

  g_bytes_unref (entry->contents);
  entry->contents = g_bytes_ref (contents);
  if (entry->profile != profile)
    sandbar_profile_assign (entry->profile, profile);
  return TRUE;
}

/**
 * sandbar_profile_store_read_file:
 * @self: a store
 * @id: a profile id
 * @error: return location for a #GError
 *
 * Reads the file of a profile as it is on disk, byte for byte, whether it
 * loaded or not.
 *
 * Returns: (transfer full): the file's bytes, or %NULL with @error set to
 *   %SANDBAR_STORE_ERROR_NOT_FOUND, %SANDBAR_STORE_ERROR_INVALID (not a
 *   valid id) or %SANDBAR_STORE_ERROR_FAILED
 */
GBytes *
sandbar_profile_store_read_file (SandbarProfileStore  *self,
                                 const char           *id,
                                 GError              **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = NULL;
  GBytes *contents;

  g_return_val_if_fail (SANDBAR_IS_PROFILE_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_id (id, error))
    return NULL;

  path = sandbar_profile_store_get_path (self, id);
  contents = sandbar_read_profile_file (path, &local_error);
  if (contents == NULL)
    set_read_error (error, id, path, local_error);
  return contents;
}

/**
 * sandbar_profile_store_import:
 * @self: a store
 * @id: the id of the profile
 * @contents: the text of a profile file
 * @replace: whether to replace a profile or file with that id
 * @error: return location for a #GError
 *
 * Adds a profile from the text of a profile file, which is written as it
 * is, byte for byte (comments and unknown groups included). The text is
 * read and validated first; if it is not a valid profile, nothing is
 * written.
 *
 * Returns: %TRUE on success; %FALSE with @error set to
 *   %SANDBAR_STORE_ERROR_INVALID (the message says `line N: …`),
 *   %SANDBAR_STORE_ERROR_EXISTS (unless @replace) or
 *   %SANDBAR_STORE_ERROR_FAILED
 */
gboolean
sandbar_profile_store_import (SandbarProfileStore  *self,
                              const char           *id,
                              GBytes               *contents,
                              gboolean              replace,
                              GError              **error)
{
  g_autoptr(SandbarProfile) profile = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = NULL;
  gconstpointer data;
  gsize length;
  guint line = 0;

  g_return_val_if_fail (SANDBAR_IS_PROFILE_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (contents != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_id (id, error))
    return FALSE;

  data = bytes_get_data (contents, &length);
  if (length > MAX_FILE_SIZE)
    {
      g_set_error_literal (error, SANDBAR_STORE_ERROR, SANDBAR_STORE_ERROR_INVALID,
                           _("the file is larger than 1 MiB, far too large for a profile"));
      return FALSE;
    }

  profile = sandbar_profile_new_from_data (id, data, length, &line, &local_error);
  if (profile == NULL)
    {
      if (line > 0)
        /* Translators: %u is a line number, %s what is wrong on it */
        g_set_error (error, SANDBAR_STORE_ERROR, SANDBAR_STORE_ERROR_INVALID,
                     _("line %u: %s"), line, local_error->message);
      else
        g_set_error_literal (error, SANDBAR_STORE_ERROR, SANDBAR_STORE_ERROR_INVALID,
                             local_error->message);
      return FALSE;
    }

  path = sandbar_profile_store_get_path (self, id);
  if (replace && is_id_taken (self, id))
    {
      if (!replace_file (path, contents, error))
        return FALSE;
    }
  else if (g_hash_table_contains (self->entries, id))
    {
      set_exists_error (error, id, path);
      return FALSE;
    }
  else if (!write_new_file (id, path, contents, error))
    return FALSE;

  adopt_contents (self, id, path, contents);
  return TRUE;
}

/* Where a deleted profile goes when the file system has no trash. */
static gboolean
move_to_deleted_folder (SandbarProfileStore  *self,
                        const char           *id,
                        const char           *path,
                        GError              **error)
{
  g_autofree char *folder = g_build_filename (self->directory, DELETED_FOLDER, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *shown = g_filename_display_name (path);

  if (g_mkdir (folder, 0700) != 0 && errno != EEXIST)
    {
      int saved_errno = errno;
      g_autofree char *folder_shown = g_filename_display_name (folder);

      g_set_error (error, SANDBAR_STORE_ERROR, SANDBAR_STORE_ERROR_FAILED,
                   _("Could not delete “%s”: could not create “%s”: %s"), shown, folder_shown,
                   g_strerror (saved_errno));
      return FALSE;
    }

  for (guint n = 1; ; n++)
    {
      g_autofree char *name = NULL;
      g_autofree char *target = NULL;
      struct stat st;

      if (n == 1)
        name = g_strdup_printf ("%s-%s%s", id, stamp, SANDBAR_PROFILE_SUFFIX);
      else
        name = g_strdup_printf ("%s-%s-%u%s", id, stamp, n, SANDBAR_PROFILE_SUFFIX);
      target = g_build_filename (folder, name, NULL);
      if (lstat (target, &st) == 0)
        continue;

      if (g_rename (path, target) != 0)
        {
          int saved_errno = errno;
          g_autofree char *target_shown = g_filename_display_name (target);

          g_set_error (error, SANDBAR_STORE_ERROR, SANDBAR_STORE_ERROR_FAILED,
                       _("Could not move “%s” to “%s”: %s"), shown, target_shown,
                       g_strerror (saved_errno));
          return FALSE;
        }

      sync_directory (folder);
      sync_directory (self->directory);
      return TRUE;
    }
}

/**
 * sandbar_profile_store_delete:
 * @self: a store
 * @id: a profile id
 * @error: return location for a #GError
 *
 * Moves the file of a profile to the trash and takes the profile out of
 * the store. Where the file system has no trash, the file is moved to
 * `.deleted/<id>-<YYYYmmdd-HHMMSS>.sandbar` in the profiles folder
 * instead. A link is moved, not its target.
 *
 * Returns: (transfer full): the bytes of the file, for
 *   [method@SandbarProfileStore.restore] (undo); or %NULL with @error set
 *   to %SANDBAR_STORE_ERROR_NOT_FOUND, %SANDBAR_STORE_ERROR_INVALID (not a
 *   valid id) or %SANDBAR_STORE_ERROR_FAILED
 */
GBytes *
sandbar_profile_store_delete (SandbarProfileStore  *self,
                              const char           *id,
                              GError              **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *key = NULL;

  g_return_val_if_fail (SANDBAR_IS_PROFILE_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_id (id, error))
    return NULL;

  /* @id may belong to the profile that is about to go. */
  key = g_strdup (id);
  path = sandbar_profile_store_get_path (self, key);
  contents = sandbar_read_profile_file (path, &local_error);
  if (contents == NULL)
    {
      set_read_error (error, key, path, local_error);
      return NULL;
    }

  file = g_file_new_for_path (path);
  if (!self->use_trash || !g_file_trash (file, NULL, &local_error))
    {
      if (local_error != NULL &&
          !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED))
        {
          g_autofree char *shown = g_filename_display_name (path);

          g_set_error (error, SANDBAR_STORE_ERROR, SANDBAR_STORE_ERROR_FAILED,
                       _("Could not move “%s” to the trash: %s"), shown, local_error->message);
          return NULL;
        }
      if (!move_to_deleted_folder (self, key, path, error))
        return NULL;
    }

  remove_entry (self, key);
  clear_problem (self, path);
  return g_steal_pointer (&contents);
}

/**
 * sandbar_profile_store_restore:
 * @self: a store
 * @id: the id of a deleted profile
 * @contents: the bytes returned by [method@SandbarProfileStore.delete]
 * @error: return location for a #GError
 *
 * Undoes a delete: writes @contents back to the file of @id, byte for
 * byte, and loads it. Text that does not load is written all the same
 * (it is what was there) and reported like any such file.
 *
 * Returns: %TRUE on success; %FALSE with @error set to
 *   %SANDBAR_STORE_ERROR_EXISTS if @id is in use again,
 *   %SANDBAR_STORE_ERROR_INVALID (not a valid id) or
 *   %SANDBAR_STORE_ERROR_FAILED
 */
gboolean
sandbar_profile_store_restore (SandbarProfileStore  *self,
                               const char           *id,
                               GBytes               *contents,
                               GError              **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (SANDBAR_IS_PROFILE_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (contents != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_id (id, error))
    return FALSE;

  path = sandbar_profile_store_get_path (self, id);
  if (g_hash_table_contains (self->entries, id))
    {
      set_exists_error (error, id, path);
      return FALSE;
    }

  if (!write_new_file (id, path, contents, error))
    return FALSE;

  adopt_contents (self, id, path, contents);
  return TRUE;
}

void
_sandbar_profile_store_set_use_trash (SandbarProfileStore *self,
                                      gboolean             use_trash)
{
  g_return_if_fail (SANDBAR_IS_PROFILE_STORE (self));
  self->use_trash = !!use_trash;
}
