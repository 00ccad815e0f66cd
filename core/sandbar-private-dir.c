/* sandbar-private-dir.c — a fresh 0700 directory for launch files
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sandbar-private-dir.h"

/**
 * SandbarPrivateDir:
 *
 * A directory only the user can enter, made fresh for one launch, that
 * holds the files the launch needs (the Seatbelt profile, a terminal
 * launcher script).
 *
 * The files are created with `O_CREAT | O_EXCL | O_NOFOLLOW` relative to a
 * descriptor of the directory, so nothing put in their place beforehand
 * (a file, a symlink) is ever followed or reused. The directory and the
 * files it wrote are removed when the object is finalized, unless
 * [property@PrivateDir:keep] is set: `sandbarctl args` keeps them so that
 * the argv it prints can be run.
 */

struct _SandbarPrivateDir
{
  GObject parent_instance;

  /* Owned */
  char      *path;
  GPtrArray *names;    /* files written, in order */
  int        dir_fd;   /* -1 once removed */
  gboolean   keep;
};

G_DEFINE_FINAL_TYPE (SandbarPrivateDir, sandbar_private_dir, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  PROP_KEEP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sandbar_private_dir_finalize (GObject *object)
{
  SandbarPrivateDir *self = (SandbarPrivateDir *)object;

  if (!self->keep && self->dir_fd >= 0)
    {
      g_autoptr(GError) error = NULL;

      /* Nobody is left to tell: the files are private, and a leftover
       * directory is only clutter in the temporary folder. */
      if (!sandbar_private_dir_remove (self, &error))
        g_debug ("%s", error->message);
    }

  if (self->dir_fd >= 0)
    close (self->dir_fd);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->names, g_ptr_array_unref);

  G_OBJECT_CLASS (sandbar_private_dir_parent_class)->finalize (object);
}

static void
sandbar_private_dir_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SandbarPrivateDir *self = SANDBAR_PRIVATE_DIR (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_KEEP:
      g_value_set_boolean (value, self->keep);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sandbar_private_dir_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  SandbarPrivateDir *self = SANDBAR_PRIVATE_DIR (object);

  switch (prop_id)
    {
    case PROP_KEEP:
      sandbar_private_dir_set_keep (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sandbar_private_dir_class_init (SandbarPrivateDirClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sandbar_private_dir_finalize;
  object_class->get_property = sandbar_private_dir_get_property;
  object_class->set_property = sandbar_private_dir_set_property;

  /**
   * SandbarPrivateDir:path:
   *
   * The absolute path of the directory.
   */
  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * SandbarPrivateDir:keep:
   *
   * Whether the directory and its files outlive the object.
   */
  properties[PROP_KEEP] =
    g_param_spec_boolean ("keep", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sandbar_private_dir_init (SandbarPrivateDir *self)
{
  self->names = g_ptr_array_new_with_free_func (g_free);
  self->dir_fd = -1;
}

/* Sets `WHAT: reason` from an errno value; @what names the file. */
static void
set_io_error (GError **error,
              int      saved_errno,
              char    *what)
{
  /* Translators: the first %s says what failed, e.g. Cannot create “/x”,
   * the second is the system's reason. */
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), _("%s: %s"),
               what, g_strerror (saved_errno));
  g_free (what);
}

/* The directory under which launch directories are made: the canonical
 * `$TMPDIR` (on macOS a per-user folder reached through the `/var`
 * symlink), else GLib's idea of the temporary folder. */
static char *
default_parent (GError **error)
{
  const char *tmpdir = g_getenv ("TMPDIR");
  char *canonical;
  char *result;

  if (tmpdir == NULL || *tmpdir == '\0')
    tmpdir = g_get_tmp_dir ();

  canonical = realpath (tmpdir, NULL);
  if (canonical == NULL)
    {
      int saved_errno = errno;

      set_io_error (error, saved_errno,
                    g_strdup_printf (_("The temporary folder “%s” cannot be used"), tmpdir));
      return NULL;
    }

  /* realpath() memory comes from malloc(); hand out GLib memory. */
  result = g_strdup (canonical);
  free (canonical);
  return result;
}

/**
 * sandbar_private_dir_new:
 * @parent: (nullable): the directory to create it in, or %NULL for the
 *   canonical `$TMPDIR` (or the system's temporary folder)
 * @error: return location for a #GError in %G_IO_ERROR
 *
 * Creates a fresh directory named `sandbar-XXXXXX` with mode 0700 and
 * checks that it is what was asked for: a real directory (not a
 * symlink), owned by this user, with mode 0700. Anything else is refused
 * and nothing is written.
 *
 * Returns: (transfer full): the directory, or %NULL with @error set
 */
SandbarPrivateDir *
sandbar_private_dir_new (const char  *parent,
                         GError     **error)
{
  g_autoptr(SandbarPrivateDir) self = NULL;
  g_autofree char *base = NULL;
  g_autofree char *template = NULL;
  struct stat st;
  int fd;

  if (parent == NULL)
    {
      base = default_parent (error);
      if (base == NULL)
        return NULL;
      parent = base;
    }

  template = g_build_filename (parent, "sandbar-XXXXXX", NULL);
  if (g_mkdtemp_full (template, 0700) == NULL)
    {
      int saved_errno = errno;

      set_io_error (error, saved_errno,
                    g_strdup_printf (_("Cannot create a private folder in “%s”"), parent));
      return NULL;
    }

  self = g_object_new (SANDBAR_TYPE_PRIVATE_DIR, NULL);
  self->path = g_steal_pointer (&template);

  /* Checked through a descriptor opened without following symlinks, so
   * what is checked is what the files are later created in: fstat() of
   * this descriptor is lstat() of the path, without the race. */
  fd = open (self->path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0 || fstat (fd, &st) != 0 || !S_ISDIR (st.st_mode) || st.st_uid != geteuid () ||
      (st.st_mode & 07777) != 0700)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                   _("The private folder “%s” is not a folder of yours with mode 0700, so it "
                     "is not used"),
                   self->path);
      if (fd >= 0)
        close (fd);
      /* rmdir() removes only an empty directory and never follows a
       * symlink: whatever is there now is otherwise left alone. */
      g_rmdir (self->path);
      self->keep = TRUE;
      return NULL;
    }
  self->dir_fd = fd;

  return g_steal_pointer (&self);
}

/**
 * sandbar_private_dir_get_path:
 * @self: a private directory
 *
 * Returns: (transfer none): the absolute path of the directory
 */
const char *
sandbar_private_dir_get_path (SandbarPrivateDir *self)
{
  g_return_val_if_fail (SANDBAR_IS_PRIVATE_DIR (self), NULL);

  return self->path;
}

static gboolean
is_safe_name (const char *name)
{
  if (*name == '\0' || g_str_equal (name, ".") || g_str_equal (name, ".."))
    return FALSE;

  for (const char *p = name; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '.' && *p != '_' && *p != '-')
      return FALSE;

  return TRUE;
}

static gboolean
write_all (int          fd,
           const char  *data,
           gsize        length)
{
  while (length > 0)
    {
      gssize written = write (fd, data, length);

      if (written < 0)
        {
          if (errno == EINTR)
            continue;
          return FALSE;
        }
      data += written;
      length -= written;
    }

  return TRUE;
}

/**
 * sandbar_private_dir_write_file:
 * @self: a private directory
 * @name: a file name: one component of ASCII letters, digits, `.`, `_`
 *   and `-`
 * @data: (array length=length): the contents
 * @length: the length of @data
 * @mode: the file's permissions, e.g. 0600 (applied exactly, whatever
 *   the umask)
 * @error: return location for a #GError in %G_IO_ERROR
 *
 * Creates @name in the directory, writes @data and syncs it to disk. The
 * file must not exist yet: a file or symlink already in its place makes
 * this fail, and is neither followed nor changed.
 *
 * Returns: (transfer full): the absolute path of the file, or %NULL with
 *   @error set (a partly written file is removed)
 */
char *
sandbar_private_dir_write_file (SandbarPrivateDir  *self,
                                const char         *name,
                                const char         *data,
                                gsize               length,
                                guint               mode,
                                GError            **error)
{
  g_autofree char *path = NULL;
  int fd;

  g_return_val_if_fail (SANDBAR_IS_PRIVATE_DIR (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail ((mode & ~0777u) == 0, NULL);

  if (!is_safe_name (name))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                   _("“%s” is not a plain file name"), name);
      return NULL;
    }

  if (self->dir_fd < 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_CLOSED,
                   _("The private folder “%s” was already removed"), self->path);
      return NULL;
    }

  path = g_build_filename (self->path, name, NULL);

  do
    fd = openat (self->dir_fd, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
  while (fd < 0 && errno == EINTR);

  if (fd < 0)
    {
      int saved_errno = errno;

      set_io_error (error, saved_errno, g_strdup_printf (_("Cannot create “%s”"), path));
      return NULL;
    }

  if (fchmod (fd, mode) != 0 || !write_all (fd, data, length) || fsync (fd) != 0)
    {
      int saved_errno = errno;

      close (fd);
      unlinkat (self->dir_fd, name, 0);
      set_io_error (error, saved_errno, g_strdup_printf (_("Cannot write “%s”"), path));
      return NULL;
    }

  if (close (fd) != 0)
    {
      int saved_errno = errno;

      unlinkat (self->dir_fd, name, 0);
      set_io_error (error, saved_errno, g_strdup_printf (_("Cannot write “%s”"), path));
      return NULL;
    }

  g_ptr_array_add (self->names, g_strdup (name));
  return g_steal_pointer (&path);
}

/**
 * sandbar_private_dir_set_keep:
 * @self: a private directory
 * @keep: whether the directory outlives the object
 *
 * With @keep, finalizing the object leaves the directory and its files
 * on disk, for a printed command line that refers to them.
 */
void
sandbar_private_dir_set_keep (SandbarPrivateDir *self,
                              gboolean           keep)
{
  g_return_if_fail (SANDBAR_IS_PRIVATE_DIR (self));

  keep = !!keep;
  if (self->keep == keep)
    return;

  self->keep = keep;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEEP]);
}

/**
 * sandbar_private_dir_get_keep:
 * @self: a private directory
 *
 * Returns: whether the directory outlives the object
 */
gboolean
sandbar_private_dir_get_keep (SandbarPrivateDir *self)
{
  g_return_val_if_fail (SANDBAR_IS_PRIVATE_DIR (self), FALSE);

  return self->keep;
}

/**
 * sandbar_private_dir_remove:
 * @self: a private directory
 * @error: return location for a #GError in %G_IO_ERROR
 *
 * Removes the files this object wrote, then the directory. Files put
 * there by anything else make the directory stay (and this fail): they
 * are not ours to delete. Removing twice does nothing.
 *
 * Returns: %TRUE if the directory is gone
 */
gboolean
sandbar_private_dir_remove (SandbarPrivateDir  *self,
                            GError            **error)
{
  int first_errno = 0;
  const char *first_path = NULL;

  g_return_val_if_fail (SANDBAR_IS_PRIVATE_DIR (self), FALSE);

  if (self->dir_fd < 0)
    return TRUE;

  for (guint i = 0; i < self->names->len; i++)
    {
      const char *name = g_ptr_array_index (self->names, i);

      if (unlinkat (self->dir_fd, name, 0) != 0 && errno != ENOENT && first_errno == 0)
        {
          first_errno = errno;
          first_path = name;
        }
    }
  g_ptr_array_set_size (self->names, 0);

  close (self->dir_fd);
  self->dir_fd = -1;

  if (g_rmdir (self->path) != 0 && errno != ENOENT && first_errno == 0)
    {
      first_errno = errno;
      first_path = NULL;
    }

  if (first_errno != 0)
    {
      g_autofree char *path = first_path != NULL ? g_build_filename (self->path, first_path, NULL)
                                                 : g_strdup (self->path);

      set_io_error (error, first_errno, g_strdup_printf (_("Cannot remove “%s”"), path));
      return FALSE;
    }

  return TRUE;
}

/* Removes the files of one stale launch directory, then the directory.
 * Only plain entries are removed: a subdirectory (never made by Sandbar)
 * keeps the directory in place. */
static void
remove_stale (int         parent_fd,
              const char *name)
{
  int fd = openat (parent_fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  DIR *dir;
  struct dirent *entry;

  if (fd < 0)
    return;
  dir = fdopendir (fd);
  if (dir == NULL)
    {
      close (fd);
      return;
    }

  while ((entry = readdir (dir)) != NULL)
    if (!g_str_equal (entry->d_name, ".") && !g_str_equal (entry->d_name, ".."))
      unlinkat (fd, entry->d_name, 0);

  closedir (dir);
  unlinkat (parent_fd, name, AT_REMOVEDIR);
}

/**
 * sandbar_private_dir_clean_stale:
 * @parent: (nullable): where launch directories are made, or %NULL for
 *   the default (see sandbar_private_dir_new())
 * @max_age_seconds: how old a directory must be to go
 *
 * Removes the launch directories that earlier launches kept (a terminal
 * window starts after Sandbar returns, so `open` cannot remove its own)
 * once they are older than @max_age_seconds. Only directories named
 * `sandbar-XXXXXX`, owned by this user, with mode 0700 are touched.
 *
 * Returns: the number of directories removed
 */
guint
sandbar_private_dir_clean_stale (const char *parent,
                                 gint64      max_age_seconds)
{
  g_autofree char *base = NULL;
  gint64 cutoff = g_get_real_time () / G_USEC_PER_SEC - max_age_seconds;
  struct dirent *entry;
  guint removed = 0;
  DIR *dir;
  int fd;

  if (parent == NULL && (parent = base = default_parent (NULL)) == NULL)
    return 0;

  fd = open (parent, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0)
    return 0;
  dir = fdopendir (fd);
  if (dir == NULL)
    {
      close (fd);
      return 0;
    }

  while ((entry = readdir (dir)) != NULL)
    {
      struct stat st;

      if (!g_str_has_prefix (entry->d_name, "sandbar-") || strlen (entry->d_name) != 14)
        continue;
      if (fstatat (fd, entry->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISDIR (st.st_mode) ||
          st.st_uid != geteuid () || (st.st_mode & 07777) != 0700 || st.st_mtime > cutoff)
        continue;

      remove_stale (fd, entry->d_name);
      if (fstatat (fd, entry->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0)
        removed++;
    }

  closedir (dir);
  return removed;
}
