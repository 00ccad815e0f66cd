/* test-profile.c — the profile model and its key file form
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sandbar-enum-types.h"
#include "sandbar-profile.h"

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  GHashTable *counts = user_data;
  const char *name = g_intern_string (pspec->name);
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, name));

  g_hash_table_insert (counts, (gpointer)name, GUINT_TO_POINTER (n + 1));
}

/* @counts is keyed by interned names: intern @name too, rather than count
 * on the linker to merge equal string literals (it does not under ASan). */
static guint
notified (GHashTable *counts,
          const char *name)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (counts, g_intern_string (name)));
}

static void
test_defaults (void)
{
  g_autoptr(SandbarProfile) profile = sandbar_profile_new ("x");
  guint n_ports;

  g_assert_cmpstr (sandbar_profile_get_id (profile), ==, "x");
  g_assert_cmpstr (sandbar_profile_get_name (profile), ==, "");
  g_assert_cmpstr (sandbar_profile_get_command (profile), ==, "");
  g_assert_cmpstr (sandbar_profile_get_working_directory (profile), ==, "");
  g_assert_cmpint (sandbar_profile_get_write_access (profile), ==, SANDBAR_WRITE_ACCESS_ROOTS);
  g_assert_cmpuint (g_strv_length ((char **)sandbar_profile_get_writable_roots (profile)), ==, 0);
  g_assert_true (sandbar_profile_get_include_temp (profile));
  g_assert_cmpstrv (sandbar_profile_get_protected_names (profile), ((const char *[]){ ".git", NULL }));
  g_assert_cmpuint (g_strv_length ((char **)sandbar_profile_get_deny_read (profile)), ==, 0);
  g_assert_cmpint (sandbar_profile_get_network_access (profile), ==,
                   SANDBAR_NETWORK_ACCESS_RESTRICTED);
  sandbar_profile_get_localhost_ports (profile, &n_ports);
  g_assert_cmpuint (n_ports, ==, 0);
  g_assert_false (sandbar_profile_get_allow_local_binding (profile));
  g_assert_cmpint (sandbar_profile_get_socket_access (profile), ==, SANDBAR_SOCKET_ACCESS_NONE);
  g_assert_cmpuint (sandbar_profile_get_socket_rules (profile)->len, ==, 0);
}

/* Every property notifies exactly once per real change and never when a
 * setter is given the current value: the preview and autosave rely on it. */
typedef struct
{
  const char *property;
  void      (*set_value) (GValue *value, int variant);
  GType       type;
} PropertyCase;

static void
set_string_value (GValue *value, int variant)
{
  g_value_set_string (value, variant ? "second" : "first");
}

static void
set_path_list_value (GValue *value, int variant)
{
  static const char *a[] = { "/a", NULL };
  static const char *b[] = { "/a", "/b;c", NULL };

  g_value_set_boxed (value, variant ? b : a);
}

static void
set_boolean_value (GValue *value, int variant)
{
  g_value_set_boolean (value, variant);
}

static void
set_enum_value (GValue *value, int variant)
{
  g_value_set_enum (value, variant ? 2 : 0);
}

static void
set_network_value (GValue *value, int variant)
{
  g_value_set_enum (value, variant);
}

static void
set_ports_value (GValue *value, int variant)
{
  g_autoptr(GArray) ports = g_array_new (FALSE, FALSE, sizeof (guint));
  guint port = variant ? 8080 : 3128;

  g_array_append_val (ports, port);
  g_value_set_boxed (value, ports);
}

static void
set_rules_value (GValue *value, int variant)
{
  g_autoptr(GPtrArray) rules = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (rules, sandbar_socket_rule_new ("/run/a.sock", SANDBAR_SOCKET_SCOPE_SUBPATH));
  if (variant)
    g_ptr_array_add (rules, sandbar_socket_rule_new ("/run/b.sock", SANDBAR_SOCKET_SCOPE_EXACT));
  g_value_set_boxed (value, rules);
}

static void
test_notify (void)
{
  const PropertyCase cases[] = {
    { "name", set_string_value, G_TYPE_STRING },
    { "description", set_string_value, G_TYPE_STRING },
    { "command", set_string_value, G_TYPE_STRING },
    { "working-directory", set_string_value, G_TYPE_STRING },
    { "write-access", set_enum_value, SANDBAR_TYPE_WRITE_ACCESS },
    { "writable-roots", set_path_list_value, G_TYPE_STRV },
    { "include-temp", set_boolean_value, G_TYPE_BOOLEAN },
    { "protected-names", set_path_list_value, G_TYPE_STRV },
    { "deny-read", set_path_list_value, G_TYPE_STRV },
    { "network-access", set_network_value, SANDBAR_TYPE_NETWORK_ACCESS },
    { "localhost-ports", set_ports_value, G_TYPE_ARRAY },
    { "allow-local-binding", set_boolean_value, G_TYPE_BOOLEAN },
    { "socket-access", set_enum_value, SANDBAR_TYPE_SOCKET_ACCESS },
    { "socket-rules", set_rules_value, G_TYPE_PTR_ARRAY },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SandbarProfile) profile = sandbar_profile_new ("x");
      g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
      GValue value = G_VALUE_INIT;
      GValue read_back = G_VALUE_INIT;

      g_test_message ("property %s", cases[i].property);
      g_signal_connect (profile, "notify", G_CALLBACK (count_notify), counts);

      for (int variant = 0; variant < 2; variant++)
        {
          guint before = notified (counts, cases[i].property);
          gboolean changes;

          g_value_init (&value, cases[i].type);
          g_value_init (&read_back, cases[i].type);
          cases[i].set_value (&value, variant);
          g_object_get_property (G_OBJECT (profile), cases[i].property, &read_back);
          changes = g_param_values_cmp (g_object_class_find_property (G_OBJECT_GET_CLASS (profile),
                                                                      cases[i].property),
                                        &value, &read_back) != 0 ||
                    cases[i].type == G_TYPE_STRV || cases[i].type == G_TYPE_ARRAY ||
                    cases[i].type == G_TYPE_PTR_ARRAY;
          g_value_unset (&read_back);

          g_object_set_property (G_OBJECT (profile), cases[i].property, &value);
          if (changes)
            g_assert_cmpuint (notified (counts, cases[i].property), ==, before + 1);

          /* The same value again: no notification. */
          g_object_set_property (G_OBJECT (profile), cases[i].property, &value);
          if (changes)
            g_assert_cmpuint (notified (counts, cases[i].property), ==, before + 1);
          else
            g_assert_cmpuint (notified (counts, cases[i].property), ==, before);
          g_value_unset (&value);
        }

      /* Only the property that was set notified. */
      g_assert_cmpuint (g_hash_table_size (counts), ==, 1);
    }
}

static SandbarProfile *
make_full_profile (const char *id)
{
  SandbarProfile *profile = sandbar_profile_new (id);
  const char *roots[] = { "~/src/app", "/tmp/semi;colon", "/tmp/back\\slash", NULL };
  const char *names[] = { ".git", ".env", NULL };
  const char *deny[] = { "~/.ssh", "/tmp/quote\"d path", NULL };
  const guint ports[] = { 3128, 8080 };
  g_autoptr(SandbarSocketRule) docker =
    sandbar_socket_rule_new ("/var/run/docker.sock", SANDBAR_SOCKET_SCOPE_SUBPATH);
  g_autoptr(SandbarSocketRule) agent =
    sandbar_socket_rule_new ("$SSH_AUTH_SOCK", SANDBAR_SOCKET_SCOPE_EXACT);

  sandbar_profile_set_name (profile, "Docker only — ünïcødé");
  sandbar_profile_set_description (profile, "Two\nlines; with # and = signs");
  sandbar_profile_set_command (profile, "bash -l");
  sandbar_profile_set_working_directory (profile, "~/src/app");
  sandbar_profile_set_write_access (profile, SANDBAR_WRITE_ACCESS_ROOTS);
  sandbar_profile_set_writable_roots (profile, roots);
  sandbar_profile_set_include_temp (profile, FALSE);
  sandbar_profile_set_protected_names (profile, names);
  sandbar_profile_set_deny_read (profile, deny);
  sandbar_profile_set_network_access (profile, SANDBAR_NETWORK_ACCESS_FULL);
  sandbar_profile_set_localhost_ports (profile, ports, G_N_ELEMENTS (ports));
  sandbar_profile_set_allow_local_binding (profile, TRUE);
  sandbar_profile_set_socket_access (profile, SANDBAR_SOCKET_ACCESS_ALLOWLIST);
  sandbar_profile_add_socket_rule (profile, docker);
  sandbar_profile_add_socket_rule (profile, agent);
  return profile;
}

static void
test_round_trip (void)
{
  g_autoptr(SandbarProfile) profile = make_full_profile ("full");
  g_autoptr(SandbarProfile) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *again = NULL;
  gsize length;

  g_assert_true (sandbar_profile_validate (profile, NULL));
  data = sandbar_profile_to_data (profile, &length);
  g_assert_nonnull (strstr (data, "Version=1\n"));
  g_assert_nonnull (strstr (data, "WriteAccess=roots\n"));
  g_assert_nonnull (strstr (data, "[UnixSockets]\nAccess=allowlist\n"));
  g_assert_nonnull (strstr (data, "Paths=/var/run/docker.sock;\n"));
  g_assert_nonnull (strstr (data, "ExactPaths=$SSH_AUTH_SOCK;\n"));

  back = sandbar_profile_new_from_data ("full", data, length, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (sandbar_profile_equal (profile, back));

  /* Writing what was read changes nothing. */
  again = sandbar_profile_to_data (back, NULL);
  g_assert_cmpstr (again, ==, data);
}

static const char *hand_written =
  "# My profile, edited by hand\n"
  "[Profile]\n"
  "Version=1\n"
  "Name=Hand made\n"
  "X-Owner=alice\n"
  "\n"
  "# Files: only the project\n"
  "[Filesystem]\n"
  "WriteAccess = roots\n"
  "WritableRoots=~/src/app;\n"
  "\n"
  "[X-Team]\n"
  "# kept for the team's tooling\n"
  "Reviewed=yes\n";

static void
assert_in_order (const char  *text,
                 const char **parts)
{
  const char *p = text;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *found = strstr (p, parts[i]);

      if (found == NULL)
        g_error ("“%s” missing or out of order in:\n%s", parts[i], text);
      p = found + strlen (parts[i]);
    }
}

static void
test_unknown_keys_survive (void)
{
  g_autoptr(SandbarProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;

  profile = sandbar_profile_new_from_data ("hand", hand_written, strlen (hand_written), NULL,
                                           &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sandbar_profile_get_name (profile), ==, "Hand made");
  /* Absent keys take the model defaults. */
  g_assert_true (sandbar_profile_get_include_temp (profile));
  g_assert_cmpint (sandbar_profile_get_socket_access (profile), ==, SANDBAR_SOCKET_ACCESS_NONE);

  sandbar_profile_set_name (profile, "Renamed");
  data = sandbar_profile_to_data (profile, NULL);

  /* GKeyFile keeps comments with the group or key that follows them. */
  assert_in_order (data, (const char *[]) {
    "# My profile, edited by hand\n", "[Profile]\n", "Name=Renamed\nX-Owner=alice\n",
    "# Files: only the project\n", "[Filesystem]\n", "WriteAccess=roots\n",
    "WritableRoots=~/src/app;\n",
    "[X-Team]\n# kept for the team's tooling\nReviewed=yes\n", NULL });
  g_assert_null (strstr (data, "Name=Hand made"));
}

typedef struct
{
  const char *name;
  const char *text;
  int         code;
  guint       line;
  const char *message_part;
} BadFile;

static void
test_bad_files (void)
{
  static const BadFile cases[] = {
    { "syntax", "[Profile]\nName=x\nthis is not a key\n",
      SANDBAR_PROFILE_ERROR_SYNTAX, 3, "Key=value" },
    { "invalid utf-8", "[Profile]\nName=\377\n",
      SANDBAR_PROFILE_ERROR_SYNTAX, 2, "UTF-8" },
    { "unknown write access", "[Profile]\nName=x\n[Filesystem]\nWriteAccess=some\n",
      SANDBAR_PROFILE_ERROR_INVALID, 4, "Write access “some”" },
    { "unknown network", "[Profile]\nName=x\n[Network]\nAccess=fulll\n",
      SANDBAR_PROFILE_ERROR_INVALID, 4, "Network access “fulll”" },
    { "unknown socket access", "[UnixSockets]\nAccess=any\n",
      SANDBAR_PROFILE_ERROR_INVALID, 2, "Unix socket access “any”" },
    { "bad port", "[Network]\nLocalhostPorts=80;http;\n",
      SANDBAR_PROFILE_ERROR_INVALID, 2, "Localhost port “http”" },
    { "port zero", "[Network]\nLocalhostPorts=0;\n",
      SANDBAR_PROFILE_ERROR_INVALID, 2, "Localhost port “0”" },
    { "bad boolean", "[Filesystem]\nIncludeTemp=maybe\n",
      SANDBAR_PROFILE_ERROR_INVALID, 2, "maybe" },
    { "newer version", "[Profile]\nVersion=2\n",
      SANDBAR_PROFILE_ERROR_UNSUPPORTED_VERSION, 2, "newer" },
    { "bad version", "[Profile]\nVersion=one\n",
      SANDBAR_PROFILE_ERROR_INVALID, 2, "Format version “one”" },
    { "relative root", "[Profile]\nName=x\n\n[Filesystem]\nWritableRoots=/ok;src;\n",
      SANDBAR_PROFILE_ERROR_INVALID, 5, "Writable folder “src”" },
    { "control character by escape", "[UnixSockets]\nPaths=/ok;\nExactPaths=/tmp/a\\nb;\n",
      SANDBAR_PROFILE_ERROR_INVALID, 3, "Unix socket “/tmp/a\\nb”" },
    { "bad escape", "[Profile]\nName=a\\qb\n",
      SANDBAR_PROFILE_ERROR_INVALID, 2, "Name" },
    /* GLib 2.74 warns (fatal here) when it parses these itself. */
    { "bad escape and trailing backslash", "[Profile]\nName=a\\qb\\\n",
      SANDBAR_PROFILE_ERROR_INVALID, 2, "backslash" },
    { "bad escape and trailing backslash in a list", "[Profile]\nName=x\n"
      "[Filesystem]\nDenyRead=/a\\qb;/c\\\n",
      SANDBAR_PROFILE_ERROR_INVALID, 4, "backslash" },
    { "list separator escaped outside a list", "[Profile]\nName=a\\;b\n",
      SANDBAR_PROFILE_ERROR_INVALID, 2, "Name" },
    { "protected name with slash", "[Filesystem]\nProtectedNames=.git;a/b;\n",
      SANDBAR_PROFILE_ERROR_INVALID, 2, "Protected name “a/b”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SandbarProfile) profile = NULL;
      guint line = 99;

      g_test_message ("%s", cases[i].name);
      profile = sandbar_profile_new_from_data ("bad", cases[i].text, strlen (cases[i].text),
                                               &line, &error);
      g_assert_null (profile);
      g_assert_error (error, SANDBAR_PROFILE_ERROR, cases[i].code);
      g_assert_cmpuint (line, ==, cases[i].line);
      if (strstr (error->message, cases[i].message_part) == NULL)
        g_error ("“%s” lacks “%s”", error->message, cases[i].message_part);
    }
}

static void
test_minimal_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SandbarProfile) profile = sandbar_profile_new_from_data ("bare", "", 0, NULL, &error);

  g_assert_no_error (error);
  /* Without a name, the id is shown. */
  g_assert_cmpstr (sandbar_profile_get_name (profile), ==, "bare");
}

static void
test_copy_and_assign (void)
{
  g_autoptr(SandbarProfile) profile = make_full_profile ("a");
  g_autoptr(SandbarProfile) copy = sandbar_profile_copy (profile, "b");
  g_autoptr(SandbarProfile) other = sandbar_profile_new ("c");
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);

  g_assert_cmpstr (sandbar_profile_get_id (copy), ==, "b");
  g_assert_true (sandbar_profile_equal (profile, copy));

  sandbar_profile_set_name (other, "Docker only — ünïcødé");
  g_signal_connect (other, "notify", G_CALLBACK (count_notify), counts);
  sandbar_profile_assign (other, profile);
  g_assert_true (sandbar_profile_equal (profile, other));
  /* The name did not change, so it did not notify; the others did, once. */
  g_assert_cmpuint (notified (counts, "name"), ==, 0);
  g_assert_cmpuint (notified (counts, "socket-rules"), ==, 1);
  g_assert_cmpuint (notified (counts, "id"), ==, 0);

  sandbar_profile_set_include_temp (copy, TRUE);
  g_assert_false (sandbar_profile_equal (profile, copy));

  g_assert_finalize_object (g_steal_pointer (&copy));
}

/* Two profiles without ports, and with different ports. Equality once
 * passed an empty port array's NULL data to memcmp(): undefined behaviour
 * that the sanitizer run (build-aux/test --sanitize) turns into a failure
 * here; the profile-keyfile fuzz target found it with an empty file. */
static void
test_equal_ports (void)
{
  g_autoptr(SandbarProfile) a = sandbar_profile_new ("a");
  g_autoptr(SandbarProfile) b = sandbar_profile_new ("b");
  static const guint ports_a[] = { 8080, 3128 };
  static const guint ports_b[] = { 8080, 3129 };

  g_assert_true (sandbar_profile_equal (a, b));

  sandbar_profile_set_localhost_ports (a, ports_a, G_N_ELEMENTS (ports_a));
  g_assert_false (sandbar_profile_equal (a, b));
  sandbar_profile_set_localhost_ports (b, ports_b, G_N_ELEMENTS (ports_b));
  g_assert_false (sandbar_profile_equal (a, b));
  sandbar_profile_set_localhost_ports (b, ports_a, G_N_ELEMENTS (ports_a));
  g_assert_true (sandbar_profile_equal (a, b));

  sandbar_profile_set_localhost_ports (a, NULL, 0);
  sandbar_profile_set_localhost_ports (b, NULL, 0);
  g_assert_true (sandbar_profile_equal (a, b));
}

static void
test_socket_rules (void)
{
  g_autoptr(SandbarProfile) profile = sandbar_profile_new ("x");
  g_autoptr(SandbarSocketRule) a = sandbar_socket_rule_new ("/a", SANDBAR_SOCKET_SCOPE_SUBPATH);
  g_autoptr(SandbarSocketRule) b = sandbar_socket_rule_new ("/a", SANDBAR_SOCKET_SCOPE_EXACT);
  g_autoptr(SandbarSocketRule) c = sandbar_socket_rule_new ("/a", SANDBAR_SOCKET_SCOPE_SUBPATH);

  g_assert_false (sandbar_socket_rule_equal (a, b));
  g_assert_true (sandbar_socket_rule_equal (a, c));

  sandbar_profile_add_socket_rule (profile, a);
  sandbar_profile_add_socket_rule (profile, b);
  g_assert_cmpuint (sandbar_profile_get_socket_rules (profile)->len, ==, 2);
  g_assert_true (sandbar_profile_remove_socket_rule (profile, 0));
  g_assert_false (sandbar_profile_remove_socket_rule (profile, 5));
  g_assert_true (g_ptr_array_index (sandbar_profile_get_socket_rules (profile), 0) == b);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sandbar/profile/defaults", test_defaults);
  g_test_add_func ("/sandbar/profile/notify", test_notify);
  g_test_add_func ("/sandbar/profile/round-trip", test_round_trip);
  g_test_add_func ("/sandbar/profile/unknown-keys-survive", test_unknown_keys_survive);
  g_test_add_func ("/sandbar/profile/bad-files", test_bad_files);
  g_test_add_func ("/sandbar/profile/minimal-file", test_minimal_file);
  g_test_add_func ("/sandbar/profile/copy-and-assign", test_copy_and_assign);
  g_test_add_func ("/sandbar/profile/equal-ports", test_equal_ports);
  g_test_add_func ("/sandbar/profile/socket-rules", test_socket_rules);

  return g_test_run ();
}
