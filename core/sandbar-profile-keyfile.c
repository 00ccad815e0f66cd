/* sandbar-profile-keyfile.c — a profile to and from its key file
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The key names are part of Sandbar's public interface (DESIGN.md, Store).
 * Reading keeps the parsed GKeyFile as the profile's backing, so that a
 * save writes back unknown groups, keys and comments, and leaves the
 * spelling of values that did not change alone.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sandbar-profile-private.h"

#define GROUP_PROFILE    "Profile"
#define GROUP_FILESYSTEM "Filesystem"
#define GROUP_NETWORK    "Network"
#define GROUP_SOCKETS    "UnixSockets"

typedef struct
{
  const char *word;
  int         value;
} Choice;

static const Choice write_access_choices[] = {
  { "none", SANDBAR_WRITE_ACCESS_NONE },
  { "roots", SANDBAR_WRITE_ACCESS_ROOTS },
  { "all", SANDBAR_WRITE_ACCESS_ALL },
  { NULL, 0 }
};

static const Choice network_access_choices[] = {
  { "restricted", SANDBAR_NETWORK_ACCESS_RESTRICTED },
  { "full", SANDBAR_NETWORK_ACCESS_FULL },
  { NULL, 0 }
};

static const Choice socket_access_choices[] = {
  { "none", SANDBAR_SOCKET_ACCESS_NONE },
  { "allowlist", SANDBAR_SOCKET_ACCESS_ALLOWLIST },
  { "all", SANDBAR_SOCKET_ACCESS_ALL },
  { NULL, 0 }
};

/* Where a field lives in the file, to point at its line in messages. */
typedef struct
{
  SandbarField  field;
  const char   *group;
  const char   *key;
} FieldKey;

static const FieldKey field_keys[] = {
  { SANDBAR_FIELD_VERSION, GROUP_PROFILE, "Version" },
  { SANDBAR_FIELD_NAME, GROUP_PROFILE, "Name" },
  { SANDBAR_FIELD_DESCRIPTION, GROUP_PROFILE, "Description" },
  { SANDBAR_FIELD_COMMAND, GROUP_PROFILE, "Command" },
  { SANDBAR_FIELD_WORKING_DIRECTORY, GROUP_PROFILE, "WorkingDirectory" },
  { SANDBAR_FIELD_WRITE_ACCESS, GROUP_FILESYSTEM, "WriteAccess" },
  { SANDBAR_FIELD_WRITABLE_ROOT, GROUP_FILESYSTEM, "WritableRoots" },
  { SANDBAR_FIELD_PROTECTED_NAME, GROUP_FILESYSTEM, "ProtectedNames" },
  { SANDBAR_FIELD_DENY_READ, GROUP_FILESYSTEM, "DenyRead" },
  { SANDBAR_FIELD_NETWORK_ACCESS, GROUP_NETWORK, "Access" },
  { SANDBAR_FIELD_LOCALHOST_PORT, GROUP_NETWORK, "LocalhostPorts" },
  { SANDBAR_FIELD_SOCKET_ACCESS, GROUP_SOCKETS, "Access" },
  { SANDBAR_FIELD_UNIX_SOCKET, GROUP_SOCKETS, "Paths" },
};

/* Reader state: the text for line lookups, the parsed file, the result. */
typedef struct
{
  const char     *data;
  gsize           length;
  GKeyFile       *keyfile;
  SandbarProfile *profile;
  guint           error_line;
} Reader;

static gboolean
is_blank (char c)
{
  return c == ' ' || c == '\t';
}

/* Returns the 1-based line of `key=` in `[group]`, or 0. */
static guint
find_key_line (const char *data,
               gsize       length,
               const char *group,
               const char *key)
{
  const char *p = data;
  const char *end = data + length;
  gboolean in_group = FALSE;
  gsize key_length = strlen (key);
  gsize group_length = strlen (group);
  guint line = 1;

  while (p < end)
    {
      const char *eol = memchr (p, '\n', end - p);
      const char *s = p;

      if (eol == NULL)
        eol = end;
      while (s < eol && is_blank (*s))
        s++;

      if (s < eol && *s == '[')
        in_group = (gsize)(eol - s) >= group_length + 2 &&
                   memcmp (s + 1, group, group_length) == 0 && s[group_length + 1] == ']';
      else if (in_group && (gsize)(eol - s) > key_length && memcmp (s, key, key_length) == 0)
        {
          const char *q = s + key_length;

          while (q < eol && is_blank (*q))
            q++;
          if (q < eol && *q == '=')
            return line;
        }

      p = eol + 1;
      line++;
    }

  return 0;
}

static guint
find_field_line (Reader       *reader,
                 SandbarField  field,
                 guint         index)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_keys); i++)
    {
      const char *key = field_keys[i].key;

      if (field_keys[i].field != field)
        continue;

      /* A socket rule lives in Paths or ExactPaths, by its scope. */
      if (field == SANDBAR_FIELD_UNIX_SOCKET)
        {
          GPtrArray *rules = sandbar_profile_get_socket_rules (reader->profile);

          if (index < rules->len &&
              sandbar_socket_rule_get_scope (g_ptr_array_index (rules, index)) ==
              SANDBAR_SOCKET_SCOPE_EXACT)
            key = "ExactPaths";
        }

      return find_key_line (reader->data, reader->length, field_keys[i].group, key);
    }

  return 0;
}

/* GKeyFile's own messages carry no line number: check the shape of every
 * line first so that a broken file can be reported as file:line. */
static gboolean
check_lines (Reader  *reader,
             GError **error)
{
  const char *p = reader->data;
  const char *end = reader->data + reader->length;
  guint line = 1;

  while (p < end)
    {
      const char *eol = memchr (p, '\n', end - p);
      const char *s = p;
      const char *e;

      if (eol == NULL)
        eol = end;
      e = eol;
      while (s < e && is_blank (*s))
        s++;
      while (e > s && (is_blank (e[-1]) || e[-1] == '\r'))
        e--;

      if (memchr (p, '\0', eol - p) != NULL || !g_utf8_validate_len (p, eol - p, NULL))
        {
          reader->error_line = line;
          g_set_error (error, SANDBAR_PROFILE_ERROR, SANDBAR_PROFILE_ERROR_SYNTAX,
                       _("the line is not valid UTF-8 text"));
          return FALSE;
        }

      if (s < e && *s != '#' && !(*s == '[' && e[-1] == ']') && memchr (s, '=', e - s) == NULL)
        {
          reader->error_line = line;
          g_set_error (error, SANDBAR_PROFILE_ERROR, SANDBAR_PROFILE_ERROR_SYNTAX,
                       _("expected “[Group]”, “Key=value” or a “#” comment"));
          return FALSE;
        }

      p = eol + 1;
      line++;
    }

  return TRUE;
}

/* Sets @error for a value of @field on its line. */
static void
set_field_error (Reader       *reader,
                 GError      **error,
                 SandbarField  field,
                 const char   *group,
                 const char   *key,
                 const char   *value,
                 const char   *reason)
{
  g_autoptr(GError) input_error = NULL;

  reader->error_line = find_key_line (reader->data, reader->length, group, key);
  sandbar_input_set_error (&input_error, SANDBAR_INPUT_ERROR_INVALID_CHOICE, field,
                           value, -1, reason);
  g_set_error_literal (error, SANDBAR_PROFILE_ERROR, SANDBAR_PROFILE_ERROR_INVALID,
                       input_error->message);
}

/* Invalid UTF-8 is caught line by line before, so the only way a present
 * value cannot be read is a backslash sequence GKeyFile does not know. */
static const char *
bad_escape_reason (void)
{
  return _("contains an unknown backslash sequence; write a backslash as “\\\\”");
}

/* Whether every backslash in @raw starts a sequence GKeyFile knows (`\s`,
 * `\n`, `\t`, `\r`, `\\`, and `\;` in a list). Checked before GKeyFile
 * parses the value: GLib 2.74 sets its GError twice (a warning, fatal in
 * tests) for a value with an unknown sequence and a trailing backslash. */
static gboolean
has_known_escapes (const char *raw,
                   gboolean    list)
{
  for (const char *p = raw; *p != '\0'; p++)
    if (*p == '\\')
      {
        p++;
        if (*p == '\0' || strchr (list ? "sntr\\;" : "sntr\\", *p) == NULL)
          return FALSE;
      }
  return TRUE;
}

/* Reads a string; absent keys leave *out alone (the model default). */
static gboolean
read_string (Reader       *reader,
             SandbarField  field,
             const char   *group,
             const char   *key,
             char        **out,
             GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *raw = NULL;
  char *value;

  /* NULL if absent; no GError is asked for, so none is built. */
  raw = g_key_file_get_value (reader->keyfile, group, key, NULL);
  if (raw == NULL)
    return TRUE;
  if (!has_known_escapes (raw, FALSE))
    {
      set_field_error (reader, error, field, group, key, raw, bad_escape_reason ());
      return FALSE;
    }
  /* GKeyFile may return text and an error for a bad escape: trust the error. */
  value = g_key_file_get_string (reader->keyfile, group, key, &local_error);
  if (local_error != NULL)
    {
      g_free (value);
      set_field_error (reader, error, field, group, key, raw, bad_escape_reason ());
      return FALSE;
    }

  g_free (*out);
  *out = value;
  return TRUE;
}

static gboolean
read_list (Reader        *reader,
           SandbarField   field,
           const char    *group,
           const char    *key,
           GStrv         *out,
           GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *raw = NULL;
  GStrv value;

  raw = g_key_file_get_value (reader->keyfile, group, key, NULL);
  if (raw == NULL)
    return TRUE;
  if (!has_known_escapes (raw, TRUE))
    {
      set_field_error (reader, error, field, group, key, raw, bad_escape_reason ());
      return FALSE;
    }
  value = g_key_file_get_string_list (reader->keyfile, group, key, NULL, &local_error);
  if (local_error != NULL)
    {
      g_strfreev (value);
      set_field_error (reader, error, field, group, key, raw, bad_escape_reason ());
      return FALSE;
    }

  g_strfreev (*out);
  *out = value != NULL ? value : g_new0 (char *, 1);
  return TRUE;
}

static gboolean
read_boolean (Reader       *reader,
              SandbarField  field,
              const char   *group,
              const char   *key,
              gboolean     *out,
              GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean value;

  if (!g_key_file_has_key (reader->keyfile, group, key, NULL))
    return TRUE;

  value = g_key_file_get_boolean (reader->keyfile, group, key, &local_error);
  if (local_error != NULL)
    {
      g_autofree char *raw = g_key_file_get_value (reader->keyfile, group, key, NULL);
      g_autofree char *reason = g_strdup_printf (_("%s must be “true” or “false”"), key);

      set_field_error (reader, error, field, group, key, raw, reason);
      return FALSE;
    }

  *out = value;
  return TRUE;
}

static gboolean
read_choice (Reader        *reader,
             SandbarField   field,
             const char    *group,
             const char    *key,
             const Choice  *choices,
             int           *out,
             GError       **error)
{
  g_autofree char *value = NULL;
  g_autoptr(GString) words = NULL;

  if (!read_string (reader, field, group, key, &value, error))
    return FALSE;
  if (value == NULL)
    return TRUE;

  for (guint i = 0; choices[i].word != NULL; i++)
    if (g_str_equal (value, choices[i].word))
      {
        *out = choices[i].value;
        return TRUE;
      }

  words = g_string_new (NULL);
  for (guint i = 0; choices[i].word != NULL; i++)
    g_string_append_printf (words, "%s“%s”", i > 0 ? ", " : "", choices[i].word);

  {
    /* Translators: %s is a list of allowed words such as “none”, “all” */
    g_autofree char *reason = g_strdup_printf (_("must be one of %s"), words->str);

    set_field_error (reader, error, field, group, key, value, reason);
  }
  return FALSE;
}

static gboolean
read_version (Reader  *reader,
              GError **error)
{
  g_autofree char *raw = NULL;
  guint64 version;

  raw = g_key_file_get_value (reader->keyfile, GROUP_PROFILE, "Version", NULL);
  if (raw == NULL)
    return TRUE;
  if (!g_ascii_string_to_unsigned (raw, 10, 1, G_MAXUINT, &version, NULL))
    {
      set_field_error (reader, error, SANDBAR_FIELD_VERSION, GROUP_PROFILE, "Version", raw,
                       _("must be a whole number such as 1"));
      return FALSE;
    }

  if (version > SANDBAR_PROFILE_FORMAT_VERSION)
    {
      reader->error_line = find_key_line (reader->data, reader->length, GROUP_PROFILE, "Version");
      g_set_error (error, SANDBAR_PROFILE_ERROR, SANDBAR_PROFILE_ERROR_UNSUPPORTED_VERSION,
                   _("the profile was written in format version %u by a newer Sandbar; "
                     "this one reads version %d"),
                   (guint) version, SANDBAR_PROFILE_FORMAT_VERSION);
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_identity (Reader  *reader,
               GError **error)
{
  SandbarProfile *profile = reader->profile;
  g_autofree char *name = NULL;
  g_autofree char *description = NULL;
  g_autofree char *command = NULL;
  g_autofree char *directory = NULL;

  if (!read_string (reader, SANDBAR_FIELD_NAME, GROUP_PROFILE, "Name", &name, error) ||
      !read_string (reader, SANDBAR_FIELD_DESCRIPTION, GROUP_PROFILE, "Description",
                    &description, error) ||
      !read_string (reader, SANDBAR_FIELD_COMMAND, GROUP_PROFILE, "Command", &command, error) ||
      !read_string (reader, SANDBAR_FIELD_WORKING_DIRECTORY, GROUP_PROFILE, "WorkingDirectory",
                    &directory, error))
    return FALSE;

  /* A file without a name is still usable: show its id. */
  sandbar_profile_set_name (profile, name != NULL ? name : sandbar_profile_get_id (profile));
  sandbar_profile_set_description (profile, description);
  sandbar_profile_set_command (profile, command);
  sandbar_profile_set_working_directory (profile, directory);
  return TRUE;
}

static gboolean
read_filesystem (Reader  *reader,
                 GError **error)
{
  SandbarProfile *profile = reader->profile;
  int write_access = sandbar_profile_get_write_access (profile);
  gboolean include_temp = sandbar_profile_get_include_temp (profile);
  g_auto(GStrv) roots = g_strdupv ((char **)sandbar_profile_get_writable_roots (profile));
  g_auto(GStrv) names = g_strdupv ((char **)sandbar_profile_get_protected_names (profile));
  g_auto(GStrv) deny = g_strdupv ((char **)sandbar_profile_get_deny_read (profile));

  if (!read_choice (reader, SANDBAR_FIELD_WRITE_ACCESS, GROUP_FILESYSTEM, "WriteAccess",
                    write_access_choices, &write_access, error) ||
      !read_list (reader, SANDBAR_FIELD_WRITABLE_ROOT, GROUP_FILESYSTEM, "WritableRoots",
                  &roots, error) ||
      !read_boolean (reader, SANDBAR_FIELD_WRITE_ACCESS, GROUP_FILESYSTEM, "IncludeTemp",
                     &include_temp, error) ||
      !read_list (reader, SANDBAR_FIELD_PROTECTED_NAME, GROUP_FILESYSTEM, "ProtectedNames",
                  &names, error) ||
      !read_list (reader, SANDBAR_FIELD_DENY_READ, GROUP_FILESYSTEM, "DenyRead", &deny, error))
    return FALSE;

  sandbar_profile_set_write_access (profile, write_access);
  sandbar_profile_set_writable_roots (profile, (const char * const *)roots);
  sandbar_profile_set_include_temp (profile, include_temp);
  sandbar_profile_set_protected_names (profile, (const char * const *)names);
  sandbar_profile_set_deny_read (profile, (const char * const *)deny);
  return TRUE;
}

static gboolean
read_ports (Reader  *reader,
            GError **error)
{
  g_auto(GStrv) words = g_new0 (char *, 1);
  g_autoptr(GArray) ports = g_array_new (FALSE, FALSE, sizeof (guint));

  if (!read_list (reader, SANDBAR_FIELD_LOCALHOST_PORT, GROUP_NETWORK, "LocalhostPorts",
                  &words, error))
    return FALSE;

  for (guint i = 0; words[i] != NULL; i++)
    {
      guint64 port;

      if (!g_ascii_string_to_unsigned (words[i], 10, 1, 65535, &port, NULL))
        {
          set_field_error (reader, error, SANDBAR_FIELD_LOCALHOST_PORT, GROUP_NETWORK,
                           "LocalhostPorts", words[i], _("a port is a number from 1 to 65535"));
          return FALSE;
        }
      g_array_append_vals (ports, &(guint){ port }, 1);
    }

  sandbar_profile_set_localhost_ports (reader->profile, (const guint *)(gpointer)ports->data,
                                       ports->len);
  return TRUE;
}

static gboolean
read_network (Reader  *reader,
              GError **error)
{
  SandbarProfile *profile = reader->profile;
  int network_access = sandbar_profile_get_network_access (profile);
  int socket_access = sandbar_profile_get_socket_access (profile);
  gboolean local_binding = sandbar_profile_get_allow_local_binding (profile);
  g_auto(GStrv) subpaths = g_new0 (char *, 1);
  g_auto(GStrv) exact = g_new0 (char *, 1);
  g_autoptr(GPtrArray) rules = g_ptr_array_new_with_free_func (g_object_unref);

  if (!read_choice (reader, SANDBAR_FIELD_NETWORK_ACCESS, GROUP_NETWORK, "Access",
                    network_access_choices, &network_access, error) ||
      !read_ports (reader, error) ||
      !read_boolean (reader, SANDBAR_FIELD_NETWORK_ACCESS, GROUP_NETWORK, "AllowLocalBinding",
                     &local_binding, error) ||
      !read_choice (reader, SANDBAR_FIELD_SOCKET_ACCESS, GROUP_SOCKETS, "Access",
                    socket_access_choices, &socket_access, error) ||
      !read_list (reader, SANDBAR_FIELD_UNIX_SOCKET, GROUP_SOCKETS, "Paths", &subpaths, error) ||
      !read_list (reader, SANDBAR_FIELD_UNIX_SOCKET, GROUP_SOCKETS, "ExactPaths", &exact, error))
    return FALSE;

  for (guint i = 0; subpaths[i] != NULL; i++)
    g_ptr_array_add (rules, sandbar_socket_rule_new (subpaths[i], SANDBAR_SOCKET_SCOPE_SUBPATH));
  for (guint i = 0; exact[i] != NULL; i++)
    g_ptr_array_add (rules, sandbar_socket_rule_new (exact[i], SANDBAR_SOCKET_SCOPE_EXACT));

  sandbar_profile_set_network_access (profile, network_access);
  sandbar_profile_set_allow_local_binding (profile, local_binding);
  sandbar_profile_set_socket_access (profile, socket_access);
  sandbar_profile_set_socket_rules (profile, rules);
  return TRUE;
}

/* Runs the model's validation and points at the line of the bad field. */
static gboolean
validate (Reader  *reader,
          GError **error)
{
  g_autoptr(GError) local_error = NULL;
  SandbarField field;
  guint index;

  if (sandbar_profile_validate_full (reader->profile, &field, &index, &local_error))
    return TRUE;

  reader->error_line = find_field_line (reader, field, index);
  g_set_error_literal (error, SANDBAR_PROFILE_ERROR, SANDBAR_PROFILE_ERROR_INVALID,
                       local_error->message);
  return FALSE;
}

/**
 * sandbar_profile_new_from_data:
 * @id: the profile id (the file stem)
 * @data: the key file text
 * @length: length of @data
 * @error_line: (out) (optional): on error, the 1-based line of the
 *   problem, or 0 if it has none
 * @error: return location for a #GError in %SANDBAR_PROFILE_ERROR
 *
 * Reads and validates a profile. Absent keys take the model defaults.
 *
 * Returns: (transfer full): the profile, or %NULL with @error set
 */
SandbarProfile *
sandbar_profile_new_from_data (const char  *id,
                               const char  *data,
                               gsize        length,
                               guint       *error_line,
                               GError     **error)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(SandbarProfile) profile = NULL;
  g_autoptr(GError) local_error = NULL;
  Reader reader = { data, length, keyfile, NULL, 0 };

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (error_line != NULL)
    *error_line = 0;

  if (!check_lines (&reader, error))
    goto fail;

  if (!g_key_file_load_from_data (keyfile, data, length,
                                  G_KEY_FILE_KEEP_COMMENTS | G_KEY_FILE_KEEP_TRANSLATIONS,
                                  &local_error))
    {
      g_set_error_literal (error, SANDBAR_PROFILE_ERROR, SANDBAR_PROFILE_ERROR_SYNTAX,
                           local_error->message);
      goto fail;
    }

  profile = reader.profile = sandbar_profile_new (id);
  if (!read_version (&reader, error) ||
      !read_identity (&reader, error) ||
      !read_filesystem (&reader, error) ||
      !read_network (&reader, error) ||
      !validate (&reader, error))
    goto fail;

  _sandbar_profile_set_backing (profile, keyfile);
  return g_steal_pointer (&profile);

fail:
  if (error_line != NULL)
    *error_line = reader.error_line;
  return NULL;
}

/* Writers: touch a key only when its value changed, so that a hand-edited
 * file keeps its spelling of everything the user did not change. */
static void
write_string (GKeyFile   *keyfile,
              const char *group,
              const char *key,
              const char *value)
{
  g_autofree char *old = g_key_file_get_string (keyfile, group, key, NULL);

  if (g_strcmp0 (old, value) != 0)
    g_key_file_set_string (keyfile, group, key, value);
}

static void
write_list (GKeyFile           *keyfile,
            const char         *group,
            const char         *key,
            const char * const *value)
{
  g_auto(GStrv) old = NULL;

  if (g_key_file_has_key (keyfile, group, key, NULL))
    {
      old = g_key_file_get_string_list (keyfile, group, key, NULL, NULL);
      if (old == NULL)
        old = g_new0 (char *, 1);
    }

  if (old == NULL || !g_strv_equal ((const char * const *)old, value))
    g_key_file_set_string_list (keyfile, group, key, value, g_strv_length ((char **)value));
}

static void
write_boolean (GKeyFile   *keyfile,
               const char *group,
               const char *key,
               gboolean    value)
{
  g_autoptr(GError) error = NULL;
  gboolean old = g_key_file_get_boolean (keyfile, group, key, &error);

  if (error != NULL || old != value)
    g_key_file_set_boolean (keyfile, group, key, value);
}

static void
write_choice (GKeyFile     *keyfile,
              const char   *group,
              const char   *key,
              const Choice *choices,
              int           value)
{
  for (guint i = 0; choices[i].word != NULL; i++)
    if (choices[i].value == value)
      write_string (keyfile, group, key, choices[i].word);
}

/* A NULL-terminated GPtrArray has no storage while it is empty. */
static const char * const *
strv_of (GPtrArray *array)
{
  static const char * const empty[] = { NULL };

  return array->pdata != NULL ? (const char * const *)array->pdata : empty;
}

static void
write_sockets (SandbarProfile *self,
               GKeyFile       *keyfile)
{
  GPtrArray *rules = sandbar_profile_get_socket_rules (self);
  g_autoptr(GPtrArray) subpaths = g_ptr_array_new_null_terminated (rules->len, NULL, TRUE);
  g_autoptr(GPtrArray) exact = g_ptr_array_new_null_terminated (rules->len, NULL, TRUE);

  for (guint i = 0; i < rules->len; i++)
    {
      SandbarSocketRule *rule = g_ptr_array_index (rules, i);

      g_ptr_array_add (sandbar_socket_rule_get_scope (rule) == SANDBAR_SOCKET_SCOPE_EXACT
                       ? exact : subpaths,
                       (gpointer)sandbar_socket_rule_get_path (rule));
    }

  write_choice (keyfile, GROUP_SOCKETS, "Access", socket_access_choices,
                sandbar_profile_get_socket_access (self));
  write_list (keyfile, GROUP_SOCKETS, "Paths", strv_of (subpaths));
  write_list (keyfile, GROUP_SOCKETS, "ExactPaths", strv_of (exact));
}

static void
write_ports (SandbarProfile *self,
             GKeyFile       *keyfile)
{
  guint n_ports;
  const guint *ports = sandbar_profile_get_localhost_ports (self, &n_ports);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) words = NULL;

  for (guint i = 0; i < n_ports; i++)
    {
      char word[16];

      g_snprintf (word, sizeof word, "%u", ports[i]);
      g_strv_builder_add (builder, word);
    }
  words = g_strv_builder_end (builder);
  write_list (keyfile, GROUP_NETWORK, "LocalhostPorts", (const char * const *)words);
}

static GKeyFile *
copy_backing (SandbarProfile *self)
{
  GKeyFile *backing = _sandbar_profile_get_backing (self);
  GKeyFile *keyfile = g_key_file_new ();
  g_autofree char *data = NULL;
  gsize length;

  if (backing == NULL)
    {
      g_key_file_set_comment (keyfile, NULL, NULL,
                              " A Sandbar profile: edit it in Sandbar or by hand "
                              "(GKeyFile syntax).", NULL);
      return keyfile;
    }

  /* The backing may be shared with copies of this profile: never edit it. */
  data = g_key_file_to_data (backing, &length, NULL);
  g_key_file_load_from_data (keyfile, data, length,
                             G_KEY_FILE_KEEP_COMMENTS | G_KEY_FILE_KEEP_TRANSLATIONS, NULL);
  return keyfile;
}

/**
 * sandbar_profile_to_data:
 * @self: a profile
 * @length: (out) (optional): the length of the text
 *
 * Renders the profile as a key file in the format of DESIGN.md, keeping
 * what the file it came from held beyond Sandbar's keys.
 *
 * Returns: (transfer full): the key file text
 */
char *
sandbar_profile_to_data (SandbarProfile *self,
                         gsize          *length)
{
  g_autoptr(GKeyFile) keyfile = NULL;
  g_autofree char *version = NULL;

  g_return_val_if_fail (SANDBAR_IS_PROFILE (self), NULL);

  keyfile = copy_backing (self);
  version = g_key_file_get_value (keyfile, GROUP_PROFILE, "Version", NULL);
  if (g_strcmp0 (version, G_STRINGIFY (SANDBAR_PROFILE_FORMAT_VERSION)) != 0)
    g_key_file_set_integer (keyfile, GROUP_PROFILE, "Version", SANDBAR_PROFILE_FORMAT_VERSION);

  write_string (keyfile, GROUP_PROFILE, "Name", sandbar_profile_get_name (self));
  write_string (keyfile, GROUP_PROFILE, "Description", sandbar_profile_get_description (self));
  write_string (keyfile, GROUP_PROFILE, "Command", sandbar_profile_get_command (self));
  write_string (keyfile, GROUP_PROFILE, "WorkingDirectory",
                sandbar_profile_get_working_directory (self));

  write_choice (keyfile, GROUP_FILESYSTEM, "WriteAccess", write_access_choices,
                sandbar_profile_get_write_access (self));
  write_list (keyfile, GROUP_FILESYSTEM, "WritableRoots",
              sandbar_profile_get_writable_roots (self));
  write_boolean (keyfile, GROUP_FILESYSTEM, "IncludeTemp",
                 sandbar_profile_get_include_temp (self));
  write_list (keyfile, GROUP_FILESYSTEM, "ProtectedNames",
              sandbar_profile_get_protected_names (self));
  write_list (keyfile, GROUP_FILESYSTEM, "DenyRead", sandbar_profile_get_deny_read (self));

  write_choice (keyfile, GROUP_NETWORK, "Access", network_access_choices,
                sandbar_profile_get_network_access (self));
  write_ports (self, keyfile);
  write_boolean (keyfile, GROUP_NETWORK, "AllowLocalBinding",
                 sandbar_profile_get_allow_local_binding (self));

  write_sockets (self, keyfile);

  return g_key_file_to_data (keyfile, length, NULL);
}
