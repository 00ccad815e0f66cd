/* sandbar-path-expand.c — expansion of `~` and `$VAR` in user paths
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sandbar-path-expand.h"

/**
 * sandbar_env_lookup_process:
 * @name: a variable name
 * @user_data: unused
 *
 * The #SandbarEnvLookup of the running process. `HOME` falls back to the
 * password database so that `~` works in a stripped environment.
 *
 * Returns: (nullable) (transfer none): the value
 */
const char *
sandbar_env_lookup_process (const char *name,
                            gpointer    user_data)
{
  const char *value = g_getenv (name);

  if ((value == NULL || *value == '\0') && strcmp (name, "HOME") == 0)
    return g_get_home_dir ();

  return value;
}

static gboolean
is_name_start (char c)
{
  return g_ascii_isalpha (c) || c == '_';
}

static gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '_';
}

/* Finds a `$NAME` or `${NAME}` reference at @p. Returns the length of the
 * whole reference (0 if @p starts no reference) and the name's span. */
static gsize
match_variable (const char  *p,
                const char **name,
                gsize       *name_length)
{
  gsize n = 0;

  if (p[0] != '$')
    return 0;

  if (p[1] == '{')
    {
      if (!is_name_start (p[2]))
        return 0;
      for (n = 1; is_name_char (p[2 + n]); n++)
        ;
      if (p[2 + n] != '}')
        return 0;
      *name = p + 2;
      *name_length = n;
      return n + 3;
    }

  if (!is_name_start (p[1]))
    return 0;
  for (n = 1; is_name_char (p[1 + n]); n++)
    ;
  *name = p + 1;
  *name_length = n;
  return n + 1;
}

/**
 * sandbar_path_needs_expansion:
 * @path: a path as written
 *
 * Returns: %TRUE if @path starts with `~` or holds a `$VAR` reference
 */
gboolean
sandbar_path_needs_expansion (const char *path)
{
  const char *p;

  g_return_val_if_fail (path != NULL, FALSE);

  if (path[0] == '~' && (path[1] == '\0' || path[1] == '/'))
    return TRUE;

  for (p = strchr (path, '$'); p != NULL; p = strchr (p + 1, '$'))
    {
      const char *name;
      gsize name_length;

      if (match_variable (p, &name, &name_length) > 0)
        return TRUE;
    }

  return FALSE;
}

/* Appends the value of the variable @name to @out. Returns %FALSE if it
 * is unset or empty; the caller decides whether that deserves a message. */
static gboolean
append_variable (GString          *out,
                 const char       *name,
                 gsize             name_length,
                 SandbarEnvLookup  lookup,
                 gpointer          user_data)
{
  g_autofree char *key = g_strndup (name, name_length);
  const char *value = lookup (key, user_data);

  if (value == NULL || *value == '\0')
    return FALSE;

  g_string_append (out, value);
  return TRUE;
}

/* Expands @path into @out. On an unset or empty variable, returns %FALSE
 * and the span of its name. */
static gboolean
expand_into (GString           *out,
             const char        *path,
             SandbarEnvLookup   lookup,
             gpointer           user_data,
             const char       **unset_name,
             gsize             *unset_length)
{
  const char *p = path;

  if (p[0] == '~' && (p[1] == '\0' || p[1] == '/'))
    {
      if (!append_variable (out, "HOME", 4, lookup, user_data))
        {
          *unset_name = "HOME";
          *unset_length = 4;
          return FALSE;
        }
      p++;
    }

  while (*p != '\0')
    {
      const char *name;
      gsize name_length;
      gsize skip = match_variable (p, &name, &name_length);

      if (skip == 0)
        {
          g_string_append_c (out, *p);
          p++;
          continue;
        }

      if (!append_variable (out, name, name_length, lookup, user_data))
        {
          *unset_name = name;
          *unset_length = name_length;
          return FALSE;
        }
      p += skip;
    }

  return TRUE;
}

/* Expands @path and checks the result against the input policy again,
 * since a variable may hold anything. An unset or empty variable is no
 * error here: the result is %NULL with *@unset_name set to its name (not
 * NUL-terminated) and no message is built, so that a caller that only
 * wants to know whether the path expands pays for no translation. */
static char *
expand (SandbarField       field,
        const char        *path,
        SandbarEnvLookup   lookup,
        gpointer           user_data,
        const char       **unset_name,
        gsize             *unset_length,
        GError           **error)
{
  g_autoptr(GString) out = g_string_sized_new (strlen (path) + 32);
  SandbarInputError code;
  g_autofree char *reason = NULL;

  *unset_name = NULL;
  if (!expand_into (out, path, lookup, user_data, unset_name, unset_length))
    return NULL;

  if (sandbar_input_find_path_problem (field, out->str, out->len, &code, &reason))
    {
      g_autofree char *shown = sandbar_input_display (out->str, out->len);
      /* Translators: %s is the expanded path, then the reason it is rejected */
      g_autofree char *full = g_strdup_printf (_("expands to “%s”: %s"), shown, reason);

      sandbar_input_set_error (error, code, field, path, -1, full);
      return NULL;
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * sandbar_path_expand:
 * @field: the field @path belongs to, for messages and limits
 * @path: a path as written: `~`, `~/…`, `$VAR` and `${VAR}` are expanded
 * @lookup: how to read variables, e.g. sandbar_env_lookup_process()
 * @user_data: data for @lookup
 * @error: return location for a #GError
 *
 * Expands a user path. `$` not followed by a variable name (as in `$(…)`)
 * is kept as written; `~user` is not expanded. The result is checked
 * against the input policy again, since a variable may hold anything.
 *
 * Returns: (transfer full): the expanded path, or %NULL with @error set
 */
char *
sandbar_path_expand (SandbarField       field,
                     const char        *path,
                     SandbarEnvLookup   lookup,
                     gpointer           user_data,
                     GError           **error)
{
  const char *unset_name;
  gsize unset_length;
  char *expanded;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (lookup != NULL, NULL);

  if (!sandbar_input_check_path (field, path, -1, error))
    return NULL;

  expanded = expand (field, path, lookup, user_data, &unset_name, &unset_length, error);
  if (expanded == NULL && unset_name != NULL)
    {
      g_autofree char *key = g_strndup (unset_name, unset_length);
      g_autofree char *reason =
        g_strdup_printf (_("the environment variable %s is not set or empty"), key);

      sandbar_input_set_error (error, SANDBAR_INPUT_ERROR_UNSET_VARIABLE, field, path, -1,
                               reason);
    }

  return expanded;
}

/**
 * sandbar_path_expand_if_set:
 * @field: the field @path belongs to, for messages and limits
 * @path: a path as written, already accepted by sandbar_input_check_path()
 * @lookup: how to read variables, e.g. sandbar_env_lookup_process()
 * @user_data: data for @lookup
 * @error: return location for a #GError
 *
 * Like sandbar_path_expand(), for a caller to whom an unset or empty
 * variable is no error (a profile may be meant for another session): then
 * the result is %NULL, @error is left alone and no message is built.
 * @path itself is not checked again.
 *
 * Returns: (transfer full) (nullable): the expanded path; %NULL if a
 *   variable is unset or empty, or with @error set if the expansion breaks
 *   the input policy
 */
char *
sandbar_path_expand_if_set (SandbarField       field,
                            const char        *path,
                            SandbarEnvLookup   lookup,
                            gpointer           user_data,
                            GError           **error)
{
  const char *unset_name;
  gsize unset_length;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (lookup != NULL, NULL);

  return expand (field, path, lookup, user_data, &unset_name, &unset_length, error);
}
