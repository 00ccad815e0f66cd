/* sandbar-profile-store-edit.c — create, save and import
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The public ways to write a profile. A save never overwrites a file that
 * changed on disk since the store read it: the edit becomes a conflict
 * copy, and the profile takes the text on disk.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sandbar-profile-store-private.h"

#define CONFLICT_SUFFIX "-conflict"

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
      _sandbar_profile_store_set_exists_error (error, id, path);
      return FALSE;
    }

  if (!_sandbar_profile_store_write_new_file (id, path, contents, error))
    return FALSE;

  _sandbar_profile_store_add_entry (self, profile, contents);
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
  copy_id = _sandbar_profile_store_make_unique_id (self, base);
  copy_path = sandbar_profile_store_get_path (self, copy_id);

  /* The id is not part of the text, so the copy renders as @contents. */
  copy = sandbar_profile_copy (profile, copy_id);
  if (!_sandbar_profile_store_write_new_file (copy_id, copy_path, contents, error))
    return FALSE;
  _sandbar_profile_store_add_entry (self, copy, contents);

  /* The original follows the file, as if the monitor had seen it first. */
  _sandbar_profile_store_adopt_contents (self, id, path, on_disk);

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
      _sandbar_profile_store_set_read_error (error, sandbar_profile_get_id (profile), path,
                                             read_error);
      return FALSE;
    }

  /* A file that vanished is written again: there is no other version to
   * keep. */
  if (on_disk == NULL || !g_bytes_equal (on_disk, contents))
    {
      if (on_disk != NULL && !g_bytes_equal (on_disk, entry->contents))
        return save_conflict (self, profile, path, contents, on_disk, conflict_id, error);

      if (!_sandbar_profile_store_replace_file (path, contents, error))
        return FALSE;
    }

  g_bytes_unref (entry->contents);
  entry->contents = g_bytes_ref (contents);
  if (entry->profile != profile)
    sandbar_profile_assign (entry->profile, profile);
  return TRUE;
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

  if (!_sandbar_profile_store_check_id (id, error))
    return FALSE;

  data = _sandbar_profile_store_bytes_get_data (contents, &length);
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
  if (replace && _sandbar_profile_store_is_id_taken (self, id))
    {
      if (!_sandbar_profile_store_replace_file (path, contents, error))
        return FALSE;
    }
  else if (g_hash_table_contains (self->entries, id))
    {
      _sandbar_profile_store_set_exists_error (error, id, path);
      return FALSE;
    }
  else if (!_sandbar_profile_store_write_new_file (id, path, contents, error))
    return FALSE;

  _sandbar_profile_store_adopt_contents (self, id, path, contents);
  return TRUE;
}
