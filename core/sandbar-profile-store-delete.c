/* sandbar-profile-store-delete.c — delete to the trash, and undo
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A deleted profile is moved, never unlinked: to the trash, or where the
 * file system has none, to the `.deleted` folder. Its bytes go back to
 * the caller, and restore() writes them again.
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>

#include "sandbar-profile-store-private.h"

#define DELETED_FOLDER  ".deleted"

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

      _sandbar_profile_store_sync_directory (folder);
      _sandbar_profile_store_sync_directory (self->directory);
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

  if (!_sandbar_profile_store_check_id (id, error))
    return NULL;

  /* @id may belong to the profile that is about to go. */
  key = g_strdup (id);
  path = sandbar_profile_store_get_path (self, key);
  contents = sandbar_read_profile_file (path, &local_error);
  if (contents == NULL)
    {
      _sandbar_profile_store_set_read_error (error, key, path, local_error);
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

  _sandbar_profile_store_remove_entry (self, key);
  _sandbar_profile_store_clear_problem (self, path);
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

  if (!_sandbar_profile_store_check_id (id, error))
    return FALSE;

  path = sandbar_profile_store_get_path (self, id);
  if (g_hash_table_contains (self->entries, id))
    {
      _sandbar_profile_store_set_exists_error (error, id, path);
      return FALSE;
    }

  if (!_sandbar_profile_store_write_new_file (id, path, contents, error))
    return FALSE;

  _sandbar_profile_store_adopt_contents (self, id, path, contents);
  return TRUE;
}

void
_sandbar_profile_store_set_use_trash (SandbarProfileStore *self,
                                      gboolean             use_trash)
{
  g_return_if_fail (SANDBAR_IS_PROFILE_STORE (self));
  self->use_trash = !!use_trash;
}
