/* sandbar-input.c — the input policy shared by every module that takes user text
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sandbar-input.h"

G_DEFINE_QUARK (sandbar-input-error-quark, sandbar_input_error)

/* Longest value shown in a message; the rest is elided so that a 10 MB
 * hostile value cannot flood a terminal or a dialog. */
#define DISPLAY_MAX_CHARS 200

/**
 * sandbar_field_label:
 * @field: a field
 *
 * Returns: (transfer none): the translated, user-visible name of @field
 */
const char *
sandbar_field_label (SandbarField field)
{
  switch (field)
    {
    case SANDBAR_FIELD_ID:                return _("Profile ID");
    case SANDBAR_FIELD_NAME:              return _("Name");
    case SANDBAR_FIELD_DESCRIPTION:       return _("Description");
    case SANDBAR_FIELD_COMMAND:           return _("Command");
    case SANDBAR_FIELD_WORKING_DIRECTORY: return _("Working directory");
    case SANDBAR_FIELD_WRITE_ACCESS:      return _("Write access");
    case SANDBAR_FIELD_WRITABLE_ROOT:     return _("Writable folder");
    case SANDBAR_FIELD_PROTECTED_NAME:    return _("Protected name");
    case SANDBAR_FIELD_DENY_READ:         return _("Hidden path");
    case SANDBAR_FIELD_NETWORK_ACCESS:    return _("Network access");
    case SANDBAR_FIELD_LOCALHOST_PORT:    return _("Localhost port");
    case SANDBAR_FIELD_SOCKET_ACCESS:     return _("Unix socket access");
    case SANDBAR_FIELD_UNIX_SOCKET:       return _("Unix socket");
    case SANDBAR_FIELD_VERSION:           return _("Format version");
    default:
      g_assert_not_reached ();
    }
}

/**
 * sandbar_input_display:
 * @value: (nullable): any bytes
 * @length: length of @value, or -1 if NUL-terminated
 *
 * Renders a value for an error message: valid UTF-8, control characters
 * and invalid bytes shown as escapes, long values elided.
 *
 * Returns: (transfer full): printable text
 */
char *
sandbar_input_display (const char *value,
                       gssize      length)
{
  GString *out;
  const char *p;
  const char *end;
  guint shown = 0;

  if (value == NULL)
    return g_strdup ("");

  if (length < 0)
    length = strlen (value);

  out = g_string_sized_new (MIN ((gsize) length, DISPLAY_MAX_CHARS * 4) + 8);
  p = value;
  end = value + length;

  while (p < end)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (shown == DISPLAY_MAX_CHARS)
        {
          g_string_append (out, "…");
          break;
        }

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_printf (out, "\\x%02X", (guchar) *p);
          p++;
        }
      else
        {
          if (c == '\n')
            g_string_append (out, "\\n");
          else if (c == '\t')
            g_string_append (out, "\\t");
          else if (c == '\r')
            g_string_append (out, "\\r");
          else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0))
            g_string_append_printf (out, "\\x%02X", c);
          else
            g_string_append_unichar (out, c);
          p = g_utf8_next_char (p);
        }
      shown++;
    }

  return g_string_free (out, FALSE);
}

/**
 * sandbar_input_set_error:
 * @error: return location for a #GError
 * @code: a #SandbarInputError
 * @field: the field the value belongs to
 * @value: (nullable): the offending value as the user wrote it
 * @value_length: length of @value, or -1
 * @reason: translated reason, in plain words
 *
 * Sets @error to `Field "value": reason`, the one message shape users see
 * for every rejected input.
 */
void
sandbar_input_set_error (GError           **error,
                         SandbarInputError  code,
                         SandbarField       field,
                         const char        *value,
                         gssize             value_length,
                         const char        *reason)
{
  g_autofree char *shown = sandbar_input_display (value, value_length);

  /* Translators: the first %s is a field such as "Unix socket", the second
   * the value the user typed, the third why it was rejected. */
  g_set_error (error, SANDBAR_INPUT_ERROR, code, _("%s “%s”: %s"),
               sandbar_field_label (field), shown, reason);
}

/* Returns the first control character (C0, DEL, C1) of valid UTF-8 @value,
 * or 0. NUL bytes inside @length count as control characters. Every path
 * and text of every profile passes here on load: ASCII, nearly all of it,
 * is taken a byte at a time without decoding. */
static gunichar
find_control_character (const char *value,
                        gsize       length,
                        gboolean    allow_newlines)
{
  const char *p = value;
  const char *end = value + length;

  while (p < end)
    {
      gunichar c = (guchar) *p;

      if (c == '\0')
        return 0xFFFFFFFF;

      if (c < 0x80)
        p++;
      else
        {
          c = g_utf8_get_char (p);
          p = g_utf8_next_char (p);
        }

      if ((c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) &&
          !(allow_newlines && (c == '\n' || c == '\t')))
        return c;
    }

  return 0;
}

/**
 * sandbar_input_check_text:
 * @field: the field, for the message
 * @value: the text
 * @length: length of @value, or -1
 * @allow_newlines: whether line feeds and tabs are acceptable (descriptions)
 * @error: return location for a #GError
 *
 * Checks that @value is valid UTF-8 without control characters.
 * Empty text is acceptable here.
 *
 * Returns: %TRUE if @value is acceptable
 */
gboolean
sandbar_input_check_text (SandbarField  field,
                          const char   *value,
                          gssize        length,
                          gboolean      allow_newlines,
                          GError      **error)
{
  g_return_val_if_fail (value != NULL, FALSE);

  if (length < 0)
    length = strlen (value);

  if (!g_utf8_validate_len (value, length, NULL))
    {
      sandbar_input_set_error (error, SANDBAR_INPUT_ERROR_INVALID_UTF8, field, value, length,
                               _("not valid UTF-8 text"));
      return FALSE;
    }

  if (find_control_character (value, length, allow_newlines) != 0)
    {
      sandbar_input_set_error (error, SANDBAR_INPUT_ERROR_CONTROL_CHARACTER, field,
                               value, length,
                               _("contains a control character (such as a line break or NUL)"));
      return FALSE;
    }

  return TRUE;
}

/**
 * sandbar_input_find_path_problem:
 * @field: the field, for the length limit
 * @path: a path
 * @length: length of @path, or -1
 * @code: (out): why @path is rejected
 * @reason: (out) (transfer full): the translated reason
 *
 * The part of the input policy that needs no file system: not empty, valid
 * UTF-8, no control characters, shorter than the platform limit (the
 * socket limit for %SANDBAR_FIELD_UNIX_SOCKET).
 *
 * Returns: %TRUE if @path has a problem, described by @code and @reason
 */
gboolean
sandbar_input_find_path_problem (SandbarField       field,
                                 const char        *path,
                                 gssize             length,
                                 SandbarInputError *code,
                                 char             **reason)
{
  gsize limit;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (code != NULL, FALSE);
  g_return_val_if_fail (reason != NULL, FALSE);

  if (length < 0)
    length = strlen (path);

  limit = field == SANDBAR_FIELD_UNIX_SOCKET ? SANDBAR_SOCKET_PATH_MAX_BYTES
                                             : SANDBAR_PATH_MAX_BYTES;

  if (length == 0)
    {
      *code = SANDBAR_INPUT_ERROR_EMPTY;
      *reason = g_strdup (_("the path is empty"));
    }
  else if (memchr (path, '\0', length) != NULL)
    {
      /* Before the UTF-8 check, which would call a NUL invalid text. */
      *code = SANDBAR_INPUT_ERROR_CONTROL_CHARACTER;
      *reason = g_strdup (_("contains a control character (such as a line break or NUL)"));
    }
  else if (!g_utf8_validate_len (path, length, NULL))
    {
      *code = SANDBAR_INPUT_ERROR_INVALID_UTF8;
      *reason = g_strdup (_("not valid UTF-8 text"));
    }
  else if (find_control_character (path, length, FALSE) != 0)
    {
      *code = SANDBAR_INPUT_ERROR_CONTROL_CHARACTER;
      *reason = g_strdup (_("contains a control character (such as a line break or NUL)"));
    }
  else if ((gsize) length >= limit)
    {
      *code = SANDBAR_INPUT_ERROR_TOO_LONG;
      *reason = g_strdup_printf (_("the path is %zu bytes long; the limit is %zu"),
                                 (gsize) length, limit - 1);
    }
  else
    return FALSE;

  return TRUE;
}

/**
 * sandbar_input_check_path:
 * @field: the field, for the message and the length limit
 * @path: a path as the user wrote it (may hold `~` and `$VAR`)
 * @length: length of @path, or -1
 * @error: return location for a #GError
 *
 * Checks @path with sandbar_input_find_path_problem(). Expanded and
 * canonical paths are checked again by whoever expands them.
 *
 * Returns: %TRUE if @path is acceptable
 */
gboolean
sandbar_input_check_path (SandbarField  field,
                          const char   *path,
                          gssize        length,
                          GError      **error)
{
  SandbarInputError code;
  g_autofree char *reason = NULL;

  if (!sandbar_input_find_path_problem (field, path, length, &code, &reason))
    return TRUE;

  sandbar_input_set_error (error, code, field, path, length, reason);
  return FALSE;
}

/**
 * sandbar_input_check_name:
 * @field: the field, for the message
 * @name: a single file name such as `.git`
 * @error: return location for a #GError
 *
 * Returns: %TRUE if @name is one path component (no `/`, not `.` or `..`)
 */
gboolean
sandbar_input_check_name (SandbarField   field,
                          const char    *name,
                          GError       **error)
{
  g_return_val_if_fail (name != NULL, FALSE);

  if (*name == '\0')
    {
      sandbar_input_set_error (error, SANDBAR_INPUT_ERROR_EMPTY, field, name, -1,
                               _("the name is empty"));
      return FALSE;
    }

  if (!sandbar_input_check_text (field, name, -1, FALSE, error))
    return FALSE;

  if (strchr (name, '/') != NULL || strcmp (name, ".") == 0 || strcmp (name, "..") == 0)
    {
      sandbar_input_set_error (error, SANDBAR_INPUT_ERROR_INVALID_NAME, field, name, -1,
                               _("must be a single file or folder name, without “/”"));
      return FALSE;
    }

  if (strlen (name) >= 256)
    {
      sandbar_input_set_error (error, SANDBAR_INPUT_ERROR_TOO_LONG, field, name, -1,
                               _("a file name is at most 255 bytes long"));
      return FALSE;
    }

  return TRUE;
}

/**
 * sandbar_input_is_valid_id:
 * @id: (nullable): a candidate profile id
 *
 * Returns: %TRUE if @id matches `[a-z0-9][a-z0-9-]*` and is at most 64 bytes
 */
gboolean
sandbar_input_is_valid_id (const char *id)
{
  gsize i;

  if (id == NULL || id[0] == '\0' || id[0] == '-')
    return FALSE;

  for (i = 0; id[i] != '\0'; i++)
    {
      if (i >= 64)
        return FALSE;
      if (!((id[i] >= 'a' && id[i] <= 'z') || (id[i] >= '0' && id[i] <= '9') || id[i] == '-'))
        return FALSE;
    }

  return TRUE;
}

/**
 * sandbar_input_check_id:
 * @id: a candidate profile id
 * @error: return location for a #GError
 *
 * Returns: %TRUE if @id is a valid profile id
 */
gboolean
sandbar_input_check_id (const char  *id,
                        GError     **error)
{
  g_return_val_if_fail (id != NULL, FALSE);

  if (sandbar_input_is_valid_id (id))
    return TRUE;

  sandbar_input_set_error (error, SANDBAR_INPUT_ERROR_INVALID_ID, SANDBAR_FIELD_ID, id, -1,
                           _("use 1 to 64 lowercase letters, digits and dashes, "
                             "starting with a letter or digit"));
  return FALSE;
}
