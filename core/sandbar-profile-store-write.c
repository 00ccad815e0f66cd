/* sandbar-profile-store-write.c — atomic, durable writes that never clobber
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two ways to put a file in the profiles folder: one that must not exist
 * yet (written aside and hard-linked into place), and one that replaces
 * a file atomically, through its links. Both sync the folder after.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sandbar-profile-store-private.h"

#define MAX_LINK_DEPTH  40

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
void
_sandbar_profile_store_sync_directory (const char *directory)
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

void
_sandbar_profile_store_set_exists_error (GError     **error,
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
gboolean
_sandbar_profile_store_write_new_file (const char  *id,
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

  data = _sandbar_profile_store_bytes_get_data (contents, &length);

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
      _sandbar_profile_store_sync_directory (directory);
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
          _sandbar_profile_store_sync_directory (directory);
          return TRUE;
        }
      else
        saved_errno = errno;
    }

  g_unlink (temp);
  if (saved_errno == EEXIST)
    _sandbar_profile_store_set_exists_error (error, id, path);
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
gboolean
_sandbar_profile_store_replace_file (const char  *path,
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

  data = _sandbar_profile_store_bytes_get_data (contents, &length);
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
  _sandbar_profile_store_sync_directory (directory);
  return TRUE;
}
