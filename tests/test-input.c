/* test-input.c — the input policy: what every path field rejects and accepts
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sandbar-path-expand.h"
#include "sandbar-profile.h"

typedef enum
{
  FIELD_WRITABLE_ROOT,
  FIELD_DENY_READ,
  FIELD_UNIX_SOCKET,
  FIELD_WORKING_DIRECTORY,
  N_FIELDS
} PathField;

static const char *field_labels[N_FIELDS] = {
  "Writable folder", "Hidden path", "Unix socket", "Working directory"
};

/* Puts @path into @field of a fresh, otherwise valid profile. */
static SandbarProfile *
profile_with_path (PathField   field,
                   const char *path)
{
  SandbarProfile *profile = sandbar_profile_new ("test");
  const char *list[] = { path, NULL };

  sandbar_profile_set_name (profile, "Test");
  switch (field)
    {
    case FIELD_WRITABLE_ROOT:
      sandbar_profile_set_writable_roots (profile, list);
      break;
    case FIELD_DENY_READ:
      sandbar_profile_set_deny_read (profile, list);
      break;
    case FIELD_UNIX_SOCKET:
      {
        g_autoptr(SandbarSocketRule) rule =
          sandbar_socket_rule_new (path, SANDBAR_SOCKET_SCOPE_SUBPATH);

        sandbar_profile_add_socket_rule (profile, rule);
      }
      break;
    case FIELD_WORKING_DIRECTORY:
      sandbar_profile_set_working_directory (profile, path);
      break;
    default:
      g_assert_not_reached ();
    }

  return profile;
}

typedef struct
{
  const char *name;
  const char *path;          /* NULL: built by the test */
  int         code;
} Rejected;

static char *
repeat_path (gsize length)
{
  char *path = g_malloc (length + 1);

  path[0] = '/';
  memset (path + 1, 'a', length - 1);
  path[length] = '\0';
  return path;
}

static void
assert_rejected (PathField   field,
                 const char *path,
                 int         code)
{
  g_autoptr(SandbarProfile) profile = profile_with_path (field, path);
  g_autoptr(GError) error = NULL;
  SandbarField failed;

  g_assert_false (sandbar_profile_validate_full (profile, &failed, NULL, &error));
  g_assert_error (error, SANDBAR_INPUT_ERROR, code);
  /* The message names the field so that the user knows what to fix. */
  g_assert_true (g_str_has_prefix (error->message, field_labels[field]));
}

static void
test_rejected (void)
{
  static const Rejected cases[] = {
    { "empty", "", SANDBAR_INPUT_ERROR_EMPTY },
    { "newline", "/tmp/a\nb", SANDBAR_INPUT_ERROR_CONTROL_CHARACTER },
    { "tab", "/tmp/a\tb", SANDBAR_INPUT_ERROR_CONTROL_CHARACTER },
    { "carriage return", "/tmp/a\rb", SANDBAR_INPUT_ERROR_CONTROL_CHARACTER },
    { "escape", "/tmp/\033[31m", SANDBAR_INPUT_ERROR_CONTROL_CHARACTER },
    { "delete", "/tmp/\177", SANDBAR_INPUT_ERROR_CONTROL_CHARACTER },
    { "c1", "/tmp/\302\205", SANDBAR_INPUT_ERROR_CONTROL_CHARACTER },
    { "invalid utf-8", "/tmp/\377\376", SANDBAR_INPUT_ERROR_INVALID_UTF8 },
    { "overlong utf-8", "/tmp/\300\257", SANDBAR_INPUT_ERROR_INVALID_UTF8 },
    { "relative", "tmp/a", SANDBAR_INPUT_ERROR_RELATIVE },
    { "dot relative", "./a", SANDBAR_INPUT_ERROR_RELATIVE },
    { "tilde user", "~root/a", SANDBAR_INPUT_ERROR_RELATIVE },
  };

  for (PathField field = 0; field < N_FIELDS; field++)
    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        /* An empty working directory means the home directory. */
        if (field == FIELD_WORKING_DIRECTORY && cases[i].code == SANDBAR_INPUT_ERROR_EMPTY)
          continue;
        g_test_message ("%s: %s", field_labels[field], cases[i].name);
        assert_rejected (field, cases[i].path, cases[i].code);
      }
}

static void
test_too_long (void)
{
  g_autofree char *limit = repeat_path (1023);
  g_autofree char *over = repeat_path (1024);
  g_autofree char *socket_limit = repeat_path (103);
  g_autofree char *socket_over = repeat_path (104);

  for (PathField field = 0; field < N_FIELDS; field++)
    {
      g_autoptr(SandbarProfile) ok = NULL;

      if (field == FIELD_UNIX_SOCKET)
        continue;
      ok = profile_with_path (field, limit);
      g_assert_true (sandbar_profile_validate (ok, NULL));
      assert_rejected (field, over, SANDBAR_INPUT_ERROR_TOO_LONG);
    }

  {
    g_autoptr(SandbarProfile) ok = profile_with_path (FIELD_UNIX_SOCKET, socket_limit);

    g_assert_true (sandbar_profile_validate (ok, NULL));
    assert_rejected (FIELD_UNIX_SOCKET, socket_over, SANDBAR_INPUT_ERROR_TOO_LONG);
  }
}

/* A socket that is short as written but too long once expanded. */
static void
test_socket_too_long_after_expansion (void)
{
  g_autofree char *long_dir = repeat_path (100);

  g_setenv ("SANDBAR_TEST_DIR", long_dir, TRUE);
  assert_rejected (FIELD_UNIX_SOCKET, "$SANDBAR_TEST_DIR/agent.sock",
                   SANDBAR_INPUT_ERROR_TOO_LONG);
  g_unsetenv ("SANDBAR_TEST_DIR");

  /* Unset here is fine: the variable may be set where the profile runs. */
  {
    g_autoptr(SandbarProfile) profile =
      profile_with_path (FIELD_UNIX_SOCKET, "$SANDBAR_TEST_UNSET/agent.sock");

    g_assert_true (sandbar_profile_validate (profile, NULL));
  }
}

static void
test_accepted_hostile (void)
{
  static const char *paths[] = {
    "/tmp/quote\"d",
    "/tmp/single'quote",
    "/tmp/back\\slash",
    "/tmp/paren)(allow default)(",
    "/tmp/semi;colon",
    "/tmp/with space",
    "/tmp/$(rm -rf ~)",
    "/tmp/`id`",
    "/tmp/#|comment|#",
    "/tmp/ünïcødé/日本",
    "/tmp/\"))(allow network*)(\"",
    "~/x",
    "~",
    "$HOME/.docker/run/docker.sock",
    "${HOME}/x",
  };

  for (PathField field = 0; field < N_FIELDS; field++)
    for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
      {
        g_autoptr(SandbarProfile) profile = profile_with_path (field, paths[i]);
        g_autoptr(GError) error = NULL;

        sandbar_profile_validate (profile, &error);
        g_assert_no_error (error);
      }
}

static void
test_root_is_not_a_writable_folder (void)
{
  assert_rejected (FIELD_WRITABLE_ROOT, "/", SANDBAR_INPUT_ERROR_NOT_ALLOWED);
  assert_rejected (FIELD_WRITABLE_ROOT, "//", SANDBAR_INPUT_ERROR_NOT_ALLOWED);
  g_setenv ("SANDBAR_TEST_ROOT", "/", TRUE);
  assert_rejected (FIELD_WRITABLE_ROOT, "$SANDBAR_TEST_ROOT", SANDBAR_INPUT_ERROR_NOT_ALLOWED);
  g_unsetenv ("SANDBAR_TEST_ROOT");
}

static void
test_identity (void)
{
  static const char *bad_ids[] = { "", "-x", "Upper", "with space", "a/b", "a.b", "ü", NULL };
  static const char *good_ids[] = { "a", "0", "docker-only", "a-", "x1-2", NULL };

  for (guint i = 0; bad_ids[i] != NULL; i++)
    {
      g_autoptr(SandbarProfile) profile = sandbar_profile_new (bad_ids[i]);
      g_autoptr(GError) error = NULL;

      sandbar_profile_set_name (profile, "x");
      g_assert_false (sandbar_profile_validate (profile, &error));
      g_assert_error (error, SANDBAR_INPUT_ERROR, SANDBAR_INPUT_ERROR_INVALID_ID);
      g_assert_true (g_str_has_prefix (error->message, "Profile ID"));
    }

  for (guint i = 0; good_ids[i] != NULL; i++)
    {
      g_autoptr(SandbarProfile) profile = sandbar_profile_new (good_ids[i]);

      sandbar_profile_set_name (profile, "x");
      g_assert_true (sandbar_profile_validate (profile, NULL));
    }

  {
    g_autoptr(SandbarProfile) profile = sandbar_profile_new ("x");
    g_autoptr(GError) error = NULL;

    g_assert_false (sandbar_profile_validate (profile, &error));
    g_assert_error (error, SANDBAR_INPUT_ERROR, SANDBAR_INPUT_ERROR_EMPTY);
    g_clear_error (&error);

    sandbar_profile_set_name (profile, "Line\nbreak");
    g_assert_false (sandbar_profile_validate (profile, &error));
    g_assert_error (error, SANDBAR_INPUT_ERROR, SANDBAR_INPUT_ERROR_CONTROL_CHARACTER);
    g_clear_error (&error);

    sandbar_profile_set_name (profile, "Fine");
    sandbar_profile_set_description (profile, "Two\nlines are fine");
    g_assert_true (sandbar_profile_validate (profile, NULL));

    sandbar_profile_set_command (profile, "sh -c 'unterminated");
    g_assert_false (sandbar_profile_validate (profile, &error));
    g_assert_true (g_str_has_prefix (error->message, "Command"));
    g_clear_error (&error);

    sandbar_profile_set_command (profile, "sh -c 'echo \"$(id)\"; ls'");
    g_assert_true (sandbar_profile_validate (profile, NULL));
  }
}

static void
test_protected_names (void)
{
  static const char *bad[] = { "", ".", "..", "a/b", "/", "x\ny", NULL };
  static const char *good[] = { ".git", ".env", "name with space", "ü", "a\"b", NULL };

  for (guint i = 0; bad[i] != NULL; i++)
    {
      g_autoptr(SandbarProfile) profile = sandbar_profile_new ("x");
      const char *names[] = { ".git", bad[i], NULL };
      g_autoptr(GError) error = NULL;
      guint index;

      sandbar_profile_set_name (profile, "x");
      sandbar_profile_set_protected_names (profile, names);
      g_assert_false (sandbar_profile_validate_full (profile, NULL, &index, &error));
      g_assert_cmpuint (index, ==, 1);
      g_assert_true (g_str_has_prefix (error->message, "Protected name"));
    }

  for (guint i = 0; good[i] != NULL; i++)
    {
      g_autoptr(SandbarProfile) profile = sandbar_profile_new ("x");
      const char *names[] = { good[i], NULL };

      sandbar_profile_set_name (profile, "x");
      sandbar_profile_set_protected_names (profile, names);
      g_assert_true (sandbar_profile_validate (profile, NULL));
    }
}

static void
test_ports (void)
{
  static const guint bad[] = { 0, 65536, 100000 };
  static const guint good[] = { 1, 80, 3128, 65535 };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(SandbarProfile) profile = sandbar_profile_new ("x");
      g_autoptr(GError) error = NULL;
      g_autofree char *shown = g_strdup_printf ("“%u”", bad[i]);

      sandbar_profile_set_name (profile, "x");
      sandbar_profile_set_localhost_ports (profile, &bad[i], 1);
      g_assert_false (sandbar_profile_validate (profile, &error));
      g_assert_error (error, SANDBAR_INPUT_ERROR, SANDBAR_INPUT_ERROR_INVALID_PORT);
      g_assert_nonnull (strstr (error->message, shown));
    }

  {
    g_autoptr(SandbarProfile) profile = sandbar_profile_new ("x");

    sandbar_profile_set_name (profile, "x");
    sandbar_profile_set_localhost_ports (profile, good, G_N_ELEMENTS (good));
    g_assert_true (sandbar_profile_validate (profile, NULL));
  }
}

static const char *
fake_env (const char *name,
          gpointer    user_data)
{
  GHashTable *env = user_data;

  return g_hash_table_lookup (env, name);
}

static void
test_expand (void)
{
  g_autoptr(GHashTable) env = g_hash_table_new (g_str_hash, g_str_equal);
  static const struct { const char *in, *out; } cases[] = {
    { "~", "/home/u" },
    { "~/a", "/home/u/a" },
    { "/x/~/a", "/x/~/a" },
    { "$SOCK", "/run/agent.sock" },
    { "${SOCK}", "/run/agent.sock" },
    { "$SOCK.bak", "/run/agent.sock.bak" },
    { "/a/$(id)", "/a/$(id)" },
    { "/a/$", "/a/$" },
    { "/a/${", "/a/${" },
    { "/a/$1", "/a/$1" },
    { "/a/${SOCK", "/a/${SOCK" },
    { "$HOME$HOME", "/home/u/home/u" },
  };

  g_hash_table_insert (env, "HOME", "/home/u");
  g_hash_table_insert (env, "SOCK", "/run/agent.sock");
  g_hash_table_insert (env, "EMPTY", "");
  g_hash_table_insert (env, "NEWLINE", "/a\nb");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *out = sandbar_path_expand (SANDBAR_FIELD_UNIX_SOCKET, cases[i].in,
                                                  fake_env, env, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (out, ==, cases[i].out);
    }

  {
    g_autoptr(GError) error = NULL;

    g_assert_null (sandbar_path_expand (SANDBAR_FIELD_UNIX_SOCKET, "$UNSET/x", fake_env, env,
                                        &error));
    g_assert_error (error, SANDBAR_INPUT_ERROR, SANDBAR_INPUT_ERROR_UNSET_VARIABLE);
    g_assert_nonnull (strstr (error->message, "UNSET"));
    g_clear_error (&error);

    g_assert_null (sandbar_path_expand (SANDBAR_FIELD_UNIX_SOCKET, "$EMPTY/x", fake_env, env,
                                        &error));
    g_assert_error (error, SANDBAR_INPUT_ERROR, SANDBAR_INPUT_ERROR_UNSET_VARIABLE);
    g_clear_error (&error);

    /* A variable cannot smuggle in what the user could not type. */
    g_assert_null (sandbar_path_expand (SANDBAR_FIELD_UNIX_SOCKET, "$NEWLINE", fake_env, env,
                                        &error));
    g_assert_error (error, SANDBAR_INPUT_ERROR, SANDBAR_INPUT_ERROR_CONTROL_CHARACTER);
  }
}

/* For validation an unset variable is no error, but a bad expansion is. */
static void
test_expand_if_set (void)
{
  g_autoptr(GHashTable) env = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;

  g_hash_table_insert (env, "SOCK", "/run/agent.sock");
  g_hash_table_insert (env, "EMPTY", "");
  g_hash_table_insert (env, "NEWLINE", "/a\nb");

  out = sandbar_path_expand_if_set (SANDBAR_FIELD_UNIX_SOCKET, "${SOCK}.bak", fake_env, env,
                                    &error);
  g_assert_no_error (error);
  g_assert_cmpstr (out, ==, "/run/agent.sock.bak");

  g_assert_null (sandbar_path_expand_if_set (SANDBAR_FIELD_UNIX_SOCKET, "$SOCK/$UNSET",
                                             fake_env, env, &error));
  g_assert_no_error (error);
  g_assert_null (sandbar_path_expand_if_set (SANDBAR_FIELD_UNIX_SOCKET, "~/x", fake_env, env,
                                             &error));
  g_assert_no_error (error);
  g_assert_null (sandbar_path_expand_if_set (SANDBAR_FIELD_UNIX_SOCKET, "$EMPTY/x", fake_env,
                                             env, &error));
  g_assert_no_error (error);

  g_assert_null (sandbar_path_expand_if_set (SANDBAR_FIELD_UNIX_SOCKET, "$NEWLINE", fake_env,
                                             env, &error));
  g_assert_error (error, SANDBAR_INPUT_ERROR, SANDBAR_INPUT_ERROR_CONTROL_CHARACTER);
}

static void
test_display (void)
{
  g_autofree char *shown = sandbar_input_display ("a\nb\tc\001\377é", -1);
  g_autofree char *huge = g_strnfill (10000, 'x');
  g_autofree char *huge_shown = sandbar_input_display (huge, -1);

  g_assert_cmpstr (shown, ==, "a\\nb\\tc\\x01\\xFFé");
  g_assert_true (g_utf8_validate (huge_shown, -1, NULL));
  g_assert_cmpuint (g_utf8_strlen (huge_shown, -1), <, 300);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sandbar/input/rejected", test_rejected);
  g_test_add_func ("/sandbar/input/too-long", test_too_long);
  g_test_add_func ("/sandbar/input/socket-too-long-after-expansion",
                   test_socket_too_long_after_expansion);
  g_test_add_func ("/sandbar/input/accepted-hostile", test_accepted_hostile);
  g_test_add_func ("/sandbar/input/root-is-not-a-writable-folder",
                   test_root_is_not_a_writable_folder);
  g_test_add_func ("/sandbar/input/identity", test_identity);
  g_test_add_func ("/sandbar/input/protected-names", test_protected_names);
  g_test_add_func ("/sandbar/input/ports", test_ports);
  g_test_add_func ("/sandbar/input/expand", test_expand);
  g_test_add_func ("/sandbar/input/expand-if-set", test_expand_if_set);
  g_test_add_func ("/sandbar/input/display", test_display);

  return g_test_run ();
}
