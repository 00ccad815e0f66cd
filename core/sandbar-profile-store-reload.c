/* sandbar-profile-store-reload.c — taking the folder's files into the list
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The scan of sandbar_profile_store_load() and the events of the folder's
 * file monitor both end in _sandbar_profile_store_reload_name(): the text
 * of a file becomes a new profile, an update of one in place, or a
 * problem, and a file that is gone takes its profile with it.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#include <sys/stat.h>

#include "sandbar-profile-store-private.h"

/* Takes @contents as the text of the file of @id: updates the profile in
 * place (so that views bound to it follow), adds it, or, if the text does
 * not parse, takes it out of the list and reports the file. Text equal to
 * what the store last read or wrote changes nothing: that is the echo of
 * the store's own writes in the file monitor. */
void
_sandbar_profile_store_adopt_contents (SandbarProfileStore *self,
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

  data = _sandbar_profile_store_bytes_get_data (contents, &length);
  profile = sandbar_profile_new_from_data (id, data, length, &line, &error);
  if (profile == NULL)
    {
      _sandbar_profile_store_remove_entry (self, id);
      _sandbar_profile_store_set_problem (self, path, line, error->message);
      return;
    }

  _sandbar_profile_store_clear_problem (self, path);
  if (entry == NULL)
    {
      _sandbar_profile_store_add_entry (self, profile, contents);
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
      _sandbar_profile_store_adopt_contents (self, id, path, contents);
      return;
    }

  _sandbar_profile_store_remove_entry (self, id);
  if (g_error_matches (error, SANDBAR_STORE_ERROR, SANDBAR_STORE_ERROR_NOT_FOUND))
    _sandbar_profile_store_clear_problem (self, path);
  else
    _sandbar_profile_store_set_problem (self, path, 0, error->message);
}

/* Loads (or unloads) the folder entry @name after a scan or an event. */
void
_sandbar_profile_store_reload_name (SandbarProfileStore *self,
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
      _sandbar_profile_store_clear_problem (self, path);
      return;
    }

  /* Translators: %s says what a profile ID may contain */
  message = g_strdup_printf (_("the file name is not a valid profile ID, so the file is not "
                               "loaded; rename it. %s"), error->message);
  _sandbar_profile_store_set_problem (self, path, 0, message);
}

void
_sandbar_profile_store_on_directory_changed (GFileMonitor      *monitor,
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
      _sandbar_profile_store_reload_name (self, name);
    }
}
