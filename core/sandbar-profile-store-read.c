/* sandbar-profile-store-read.c — reading a profile file, never blocking
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A file in the profiles folder may be anything: a link, a folder, a
 * named pipe, a device, or a file far too large. Everything that reads
 * one comes here: the type is checked before and after the open, and
 * at most 1 MiB is read.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sandbar-profile-store-private.h"

/* ---------------------------------------------------------------------- */
/* Files                                                                  */
/* ---------------------------------------------------------------------- */

gconstpointer
_sandbar_profile_store_bytes_get_data (GBytes *bytes,
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

/* Reports a failure to read @path, the file of @id. */
void
_sandbar_profile_store_set_read_error (GError     **error,
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

  if (!_sandbar_profile_store_check_id (id, error))
    return NULL;

  path = sandbar_profile_store_get_path (self, id);
  contents = sandbar_read_profile_file (path, &local_error);
  if (contents == NULL)
    _sandbar_profile_store_set_read_error (error, id, path, local_error);
  return contents;
}
