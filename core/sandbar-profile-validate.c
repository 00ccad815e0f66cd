/* sandbar-profile-validate.c — the profile's input policy
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Validation needs no file system: it is what can be decided from the
 * text alone, so a profile can be checked before it is saved, on any
 * machine. What depends on the machine (a variable that is unset here, a
 * path that resolves too long) is checked again when the profile is
 * rendered.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sandbar-path-expand.h"
#include "sandbar-profile.h"

/* A path in a saved profile must not depend on the directory Sandbar was
 * started from: absolute, or starting with `~` or a variable. */
static gboolean
check_absolute_as_written (SandbarField   field,
                           const char    *path,
                           GError       **error)
{
  if (path[0] == '/' || path[0] == '$' ||
      (path[0] == '~' && (path[1] == '\0' || path[1] == '/')))
    return TRUE;

  sandbar_input_set_error (error, SANDBAR_INPUT_ERROR_RELATIVE, field, path, -1,
                           _("the path is relative; start it with “/”, “~/” or a variable "
                             "such as “$HOME”"));
  return FALSE;
}

/* Expands with the current environment when possible, to catch paths that
 * only become too long (sockets) or `/` (roots) once expanded. An unset
 * variable is fine here: the profile may be meant for another session.
 * @path has passed sandbar_input_check_path() already. */
static char *
try_expand (SandbarField   field,
            const char    *path,
            GError       **error)
{
  if (!sandbar_path_needs_expansion (path))
    return g_strdup (path);

  return sandbar_path_expand_if_set (field, path, sandbar_env_lookup_process, NULL, error);
}

static gboolean
check_profile_path (SandbarField   field,
                    const char    *path,
                    GError       **error)
{
  g_autofree char *expanded = NULL;
  GError *local_error = NULL;

  if (!sandbar_input_check_path (field, path, -1, error) ||
      !check_absolute_as_written (field, path, error))
    return FALSE;

  expanded = try_expand (field, path, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  if (field == SANDBAR_FIELD_WRITABLE_ROOT && expanded != NULL &&
      strspn (expanded, "/") == strlen (expanded))
    {
      sandbar_input_set_error (error, SANDBAR_INPUT_ERROR_NOT_ALLOWED, field, path, -1,
                               _("the whole disk cannot be a writable folder; choose "
                                 "write access “everything” instead"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_path_list (SandbarField         field,
                 const char * const  *paths,
                 guint               *failed_index,
                 GError             **error)
{
  for (guint i = 0; paths[i] != NULL; i++)
    if (!check_profile_path (field, paths[i], error))
      {
        *failed_index = i;
        return FALSE;
      }

  return TRUE;
}

static gboolean
check_command (const char  *command,
               GError     **error)
{
  g_auto(GStrv) argv = NULL;
  g_autoptr(GError) parse_error = NULL;

  if (!sandbar_input_check_text (SANDBAR_FIELD_COMMAND, command, -1, FALSE, error))
    return FALSE;

  if (*command == '\0')
    return TRUE;

  /* The command is split into an argv vector at launch; no shell ever
   * sees it. Reject what cannot be split, such as an unmatched quote. */
  if (!g_shell_parse_argv (command, NULL, &argv, &parse_error))
    {
      g_autofree char *reason =
        g_strdup_printf (_("cannot be split into words: %s"), parse_error->message);

      sandbar_input_set_error (error, SANDBAR_INPUT_ERROR_NOT_ALLOWED, SANDBAR_FIELD_COMMAND,
                               command, -1, reason);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_identity (SandbarProfile  *self,
                SandbarField    *failed_field,
                GError         **error)
{
  const char *name = sandbar_profile_get_name (self);

  *failed_field = SANDBAR_FIELD_ID;
  if (!sandbar_input_check_id (sandbar_profile_get_id (self), error))
    return FALSE;

  *failed_field = SANDBAR_FIELD_NAME;
  if (*name == '\0')
    {
      sandbar_input_set_error (error, SANDBAR_INPUT_ERROR_EMPTY, SANDBAR_FIELD_NAME, name, -1,
                               _("the name is empty"));
      return FALSE;
    }
  if (!sandbar_input_check_text (SANDBAR_FIELD_NAME, name, -1, FALSE, error))
    return FALSE;

  *failed_field = SANDBAR_FIELD_DESCRIPTION;
  if (!sandbar_input_check_text (SANDBAR_FIELD_DESCRIPTION,
                                 sandbar_profile_get_description (self), -1, TRUE, error))
    return FALSE;

  *failed_field = SANDBAR_FIELD_COMMAND;
  if (!check_command (sandbar_profile_get_command (self), error))
    return FALSE;

  *failed_field = SANDBAR_FIELD_WORKING_DIRECTORY;
  if (*sandbar_profile_get_working_directory (self) != '\0' &&
      !check_profile_path (SANDBAR_FIELD_WORKING_DIRECTORY,
                           sandbar_profile_get_working_directory (self), error))
    return FALSE;

  return TRUE;
}

static gboolean
check_files (SandbarProfile  *self,
             SandbarField    *failed_field,
             guint           *failed_index,
             GError         **error)
{
  const char * const *names = sandbar_profile_get_protected_names (self);

  *failed_field = SANDBAR_FIELD_WRITABLE_ROOT;
  if (!check_path_list (SANDBAR_FIELD_WRITABLE_ROOT, sandbar_profile_get_writable_roots (self),
                        failed_index, error))
    return FALSE;

  *failed_field = SANDBAR_FIELD_PROTECTED_NAME;
  for (guint i = 0; names[i] != NULL; i++)
    if (!sandbar_input_check_name (SANDBAR_FIELD_PROTECTED_NAME, names[i], error))
      {
        *failed_index = i;
        return FALSE;
      }

  *failed_field = SANDBAR_FIELD_DENY_READ;
  return check_path_list (SANDBAR_FIELD_DENY_READ, sandbar_profile_get_deny_read (self),
                          failed_index, error);
}

static gboolean
check_network (SandbarProfile  *self,
               SandbarField    *failed_field,
               guint           *failed_index,
               GError         **error)
{
  guint n_ports;
  const guint *ports = sandbar_profile_get_localhost_ports (self, &n_ports);
  GPtrArray *rules = sandbar_profile_get_socket_rules (self);

  *failed_field = SANDBAR_FIELD_LOCALHOST_PORT;
  for (guint i = 0; i < n_ports; i++)
    if (ports[i] < 1 || ports[i] > 65535)
      {
        g_autofree char *shown = g_strdup_printf ("%u", ports[i]);

        *failed_index = i;
        sandbar_input_set_error (error, SANDBAR_INPUT_ERROR_INVALID_PORT,
                                 SANDBAR_FIELD_LOCALHOST_PORT, shown, -1,
                                 _("a port is a number from 1 to 65535"));
        return FALSE;
      }

  *failed_field = SANDBAR_FIELD_UNIX_SOCKET;
  for (guint i = 0; i < rules->len; i++)
    if (!check_profile_path (SANDBAR_FIELD_UNIX_SOCKET,
                             sandbar_socket_rule_get_path (g_ptr_array_index (rules, i)), error))
      {
        *failed_index = i;
        return FALSE;
      }

  return TRUE;
}

/**
 * sandbar_profile_validate_full:
 * @self: a profile
 * @failed_field: (out) (optional): the field that failed
 * @failed_index: (out) (optional): the index in a list field that failed
 * @error: return location for a #GError in %SANDBAR_INPUT_ERROR
 *
 * Like sandbar_profile_validate(), and also says where the problem is, so
 * that a file loader can point at the line and an editor at the row.
 *
 * Returns: %TRUE if the profile is valid
 */
gboolean
sandbar_profile_validate_full (SandbarProfile  *self,
                               SandbarField    *failed_field,
                               guint           *failed_index,
                               GError         **error)
{
  SandbarField field = SANDBAR_FIELD_ID;
  guint index = 0;
  gboolean ok;

  g_return_val_if_fail (SANDBAR_IS_PROFILE (self), FALSE);

  ok = check_identity (self, &field, error) &&
       check_files (self, &field, &index, error) &&
       check_network (self, &field, &index, error);

  if (failed_field != NULL)
    *failed_field = field;
  if (failed_index != NULL)
    *failed_index = index;

  return ok;
}

/**
 * sandbar_profile_validate:
 * @self: a profile
 * @error: return location for a #GError in %SANDBAR_INPUT_ERROR
 *
 * Checks every field against the input policy: a valid id, a name, text
 * without control characters, absolute paths (or `~`/`$VAR`) that are
 * valid UTF-8 and within the platform's limits, single-component
 * protected names and ports from 1 to 65535. The message names the field
 * and the value.
 *
 * Returns: %TRUE if the profile is valid
 */
gboolean
sandbar_profile_validate (SandbarProfile  *self,
                          GError         **error)
{
  return sandbar_profile_validate_full (self, NULL, NULL, error);
}
