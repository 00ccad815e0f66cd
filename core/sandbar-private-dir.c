/* sandbar-private-dir.c — a fresh 0700 directory for launch files
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A minimal implementation of sandbar-private-dir.h, written on the
 * terminal branch so that the macOS launcher script can be built and
 * tested there. The launch branch carries the full implementation; this
 * file keeps strictly to the header's API so that either can replace the
 * other. */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sandbar-private-dir.h"

struct _SandbarPrivateDir
{
  GObject    parent_instance;

  /* owned */
  char      *path;
  GPtrArray *names;

  guint      keep : 1;
  guint      removed : 1;
};

G_DEFINE_FINAL_TYPE (SandbarPrivateDir, sandbar_private_dir, G_TYPE_OBJECT)

/* Sets @error from errno with a message that already names the file. */
static void
set_io_error (GError **error,
              int      saved_errno,
              char    *message)
{
  g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), message);
  g_free (message);
}

static void
sandbar_private_dir_finalize (GObject *object)
{
  SandbarPrivateDir *self = SANDBAR_PRIVATE_DIR (object);

  if (!self->keep && !self->removed && self->path != NULL)
    sandbar_private_dir_remove (self, NULL);

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->names, g_ptr_array_unref);

  G_OBJECT_CLASS (sandbar_private_dir_parent_class)->finalize (object);
}

static void
sandbar_private_dir_class_init (SandbarPrivateDirClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sandbar_private_dir_finalize;
}

static void
sandbar_private_dir_init (SandbarPrivateDir *self)
{
  self->names = g_ptr_array_new_with_free_func (g_free);
}

/**
 * sandbar_private_dir_new:
 * @parent: (nullable): directory to create it in, or %NULL for the
 *   temporary directory
 * @error: return location for a #GError
 *
 * Creates a fresh directory, mode 0700, owned by the caller.
 *
 * Returns: (transfer full): the directory, or %NULL with @error set
 */
SandbarPrivateDir *
sandbar_private_dir_new (const char  *parent,
                         GError     **error)
{
  g_autoptr(SandbarPrivateDir) self = NULL;
  g_autofree char *template = NULL;
  struct stat st;

  if (parent == NULL)
    parent = g_get_tmp_dir ();

  template = g_build_filename (parent, "sandbar-XXXXXX", NULL);
  if (g_mkdtemp_full (template, 0700) == NULL)
    {
      int saved_errno = errno;

      set_io_error (error, saved_errno,
                    g_strdup_printf (_("Could not create a private folder in “%s”: %s. "
                                       "Check that the folder exists and is writable."),
                                     parent, g_strerror (saved_errno)));
      return NULL;
    }

  if (lstat (template, &st) != 0 || !S_ISDIR (st.st_mode) ||
      st.st_uid != geteuid () || (st.st_mode & 0077) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                   _("The private folder “%s” is not a folder owned by you with "
                     "mode 0700. Check the permissions of “%s”."),
                   template, parent);
      g_rmdir (template);
      return NULL;
    }

  self = g_object_new (SANDBAR_TYPE_PRIVATE_DIR, NULL);
  self->path = g_steal_pointer (&template);

  return g_steal_pointer (&self);
}

/**
 * sandbar_private_dir_get_path:
 * @self: a #SandbarPrivateDir
 *
 * Returns: (transfer none): the absolute path of the directory
 */
const char *
sandbar_private_dir_get_path (SandbarPrivateDir *self)
{
  g_return_val_if_fail (SANDBAR_IS_PRIVATE_DIR (self), NULL);

  return self->path;
}

/**
 * sandbar_private_dir_write_file:
 * @self: a #SandbarPrivateDir
 * @name: a file name (no `/`)
 * @data: (array length=length): the contents
 * @length: length of @data
 * @mode: permissions of the new file, e.g. 0600 or 0700
 * @error: return location for a #GError
 *
 * Creates a new file in the directory. An existing file or symbolic link
 * of that name is never followed or overwritten.
 *
 * Returns: (transfer full): the path of the file, or %NULL with @error set
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
  gsize written = 0;
  int fd;

  g_return_val_if_fail (SANDBAR_IS_PRIVATE_DIR (self), NULL);
  g_return_val_if_fail (name != NULL && *name != '\0', NULL);
  g_return_val_if_fail (strchr (name, '/') == NULL, NULL);
  g_return_val_if_fail (strcmp (name, ".") != 0 && strcmp (name, "..") != 0, NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (!self->removed, NULL);

  path = g_build_filename (self->path, name, NULL);
  fd = open (path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode & 0777);
  if (fd < 0)
    {
      int saved_errno = errno;

      set_io_error (error, saved_errno,
                    g_strdup_printf (_("Could not create “%s”: %s."),
                                     path, g_strerror (saved_errno)));
      return NULL;
    }

  /* The umask must not weaken or widen what the caller asked for. */
  if (fchmod (fd, mode & 0777) != 0)
    goto fail;

  while (written < length)
    {
      gssize n = write (fd, data + written, length - written);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        goto fail;
      written += n;
    }

  if (close (fd) != 0)
    {
      fd = -1;
      goto fail;
    }

  g_ptr_array_add (self->names, g_strdup (name));

  return g_steal_pointer (&path);

fail:
  {
    int saved_errno = errno;

    if (fd >= 0)
      close (fd);
    g_unlink (path);
    set_io_error (error, saved_errno,
                  g_strdup_printf (_("Could not write “%s”: %s."),
                                   path, g_strerror (saved_errno)));
    return NULL;
  }
}

/**
 * sandbar_private_dir_set_keep:
 * @self: a #SandbarPrivateDir
 * @keep: whether the directory outlives @self
 *
 * By default the directory and the files written into it are removed when
 * @self is finalized. A launch whose files are read later (a terminal
 * window that starts after the call returns) keeps them.
 */
void
sandbar_private_dir_set_keep (SandbarPrivateDir *self,
                              gboolean           keep)
{
  g_return_if_fail (SANDBAR_IS_PRIVATE_DIR (self));

  self->keep = !!keep;
}

/**
 * sandbar_private_dir_get_keep:
 * @self: a #SandbarPrivateDir
 *
 * Returns: whether the directory outlives @self
 */
gboolean
sandbar_private_dir_get_keep (SandbarPrivateDir *self)
{
  g_return_val_if_fail (SANDBAR_IS_PRIVATE_DIR (self), FALSE);

  return self->keep;
}

/**
 * sandbar_private_dir_remove:
 * @self: a #SandbarPrivateDir
 * @error: return location for a #GError
 *
 * Removes the files written with [method@PrivateDir.write_file] and the
 * directory itself.
 *
 * Returns: %TRUE on success
 */
gboolean
sandbar_private_dir_remove (SandbarPrivateDir  *self,
                            GError            **error)
{
  g_return_val_if_fail (SANDBAR_IS_PRIVATE_DIR (self), FALSE);

  if (self->removed)
    return TRUE;

  for (guint i = 0; i < self->names->len; i++)
    {
      const char *name = g_ptr_array_index (self->names, i);
      g_autofree char *path = g_build_filename (self->path, name, NULL);

      if (g_unlink (path) != 0 && errno != ENOENT)
        {
          int saved_errno = errno;

          set_io_error (error, saved_errno,
                        g_strdup_printf (_("Could not remove “%s”: %s."),
                                         path, g_strerror (saved_errno)));
          return FALSE;
        }
    }

  if (g_rmdir (self->path) != 0 && errno != ENOENT)
    {
      int saved_errno = errno;

      set_io_error (error, saved_errno,
                    g_strdup_printf (_("Could not remove “%s”: %s."),
                                     self->path, g_strerror (saved_errno)));
      return FALSE;
    }

  self->removed = TRUE;

  return TRUE;
}
