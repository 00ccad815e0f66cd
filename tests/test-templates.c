/* test-templates.c — the built-in profile templates
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

#include "sandbar-templates.h"

/* The templates of data/sandbar-core.gresource.xml, sorted. */
static const char * const expected_ids[] = {
  "docker-only",
  "full-network-project-writes",
  "git-over-ssh",
  "read-only-inspector",
  "shell-no-network",
  NULL
};

static void
test_list (void)
{
  g_auto(GStrv) ids = sandbar_templates_list_ids ();

  g_assert_cmpstrv (ids, expected_ids);
}

/* What the library ships is the file in data/templates, byte for byte. */
static void
test_lookup (void)
{
  for (guint i = 0; expected_ids[i] != NULL; i++)
    {
      g_autofree char *name = g_strconcat (expected_ids[i], ".sandbar", NULL);
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "templates",
                                                     name, NULL);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *expected = NULL;
      gsize expected_length;

      g_assert_true (g_file_get_contents (path, &expected, &expected_length, NULL));
      bytes = sandbar_templates_lookup (expected_ids[i], &error);
      g_assert_no_error (error);
      g_assert_nonnull (bytes);
      g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                       expected, expected_length);
    }
}

static void
test_new_profile (void)
{
  for (guint i = 0; expected_ids[i] != NULL; i++)
    {
      g_autoptr(SandbarProfile) profile = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *data = NULL;

      profile = sandbar_templates_new_profile (expected_ids[i], "my-copy", &error);
      g_assert_no_error (error);
      g_assert_nonnull (profile);
      g_assert_cmpstr (sandbar_profile_get_id (profile), ==, "my-copy");
      g_assert_cmpstr (sandbar_profile_get_name (profile), !=, "");
      g_assert_cmpstr (sandbar_profile_get_name (profile), !=, "my-copy");
      g_assert_true (sandbar_profile_validate (profile, &error));
      g_assert_no_error (error);

      /* The template's comment travels with the new profile. */
      data = sandbar_profile_to_data (profile, NULL);
      g_assert_true (g_str_has_prefix (data, "# A Sandbar profile"));
    }
}

static void
test_docker_only (void)
{
  g_autoptr(SandbarProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *rules;

  profile = sandbar_templates_new_profile ("docker-only", "docker", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sandbar_profile_get_name (profile), ==, "Docker only");
  g_assert_cmpint (sandbar_profile_get_network_access (profile), ==,
                   SANDBAR_NETWORK_ACCESS_RESTRICTED);
  g_assert_cmpint (sandbar_profile_get_socket_access (profile), ==,
                   SANDBAR_SOCKET_ACCESS_ALLOWLIST);
  rules = sandbar_profile_get_socket_rules (profile);
  g_assert_cmpuint (rules->len, ==, 1);
  g_assert_cmpstr (sandbar_socket_rule_get_path (g_ptr_array_index (rules, 0)), ==,
                   "/var/run/docker.sock");
}

static GKeyFile *
load_keyfile (GBytes *bytes)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (g_key_file_load_from_bytes (keyfile, bytes, G_KEY_FILE_KEEP_COMMENTS, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&keyfile);
}

/* The translators' list of names and descriptions is the templates'. */
static void
test_texts (void)
{
  const char * const *texts = sandbar_templates_get_texts ();

  for (guint i = 0; expected_ids[i] != NULL; i++)
    {
      g_autoptr(GBytes) bytes = sandbar_templates_lookup (expected_ids[i], NULL);
      g_autoptr(GKeyFile) keyfile = load_keyfile (bytes);
      g_autofree char *name = g_key_file_get_string (keyfile, "Profile", "Name", NULL);
      g_autofree char *description = g_key_file_get_string (keyfile, "Profile", "Description",
                                                            NULL);

      g_assert_true (g_strv_contains (texts, name));
      g_assert_true (g_strv_contains (texts, description));
    }

  /* And nothing else: a renamed template leaves no stale entry. */
  g_assert_cmpuint (g_strv_length ((GStrv) texts), ==, 2 * g_strv_length ((GStrv) expected_ids));
}

/* Without a translation, the translated text is the template's, byte for
 * byte. */
static void
test_untranslated (void)
{
  g_setenv ("LANGUAGE", "", TRUE);

  for (guint i = 0; expected_ids[i] != NULL; i++)
    {
      g_autoptr(GBytes) shipped = sandbar_templates_lookup (expected_ids[i], NULL);
      g_autoptr(GBytes) translated = sandbar_templates_lookup_translated (expected_ids[i], NULL);

      g_assert_true (g_bytes_equal (shipped, translated));
    }

  g_unsetenv ("LANGUAGE");
}

/* In German, a new profile is called “Nur Docker”, and everything else
 * about it is the template's, comments included. */
static void
test_translated (void)
{
  const char *locale_dir = g_getenv ("SANDBAR_LOCALEDIR");
  g_autoptr(GBytes) shipped = NULL;
  g_autoptr(GBytes) translated = NULL;
  g_autoptr(GKeyFile) before = NULL;
  g_autoptr(GKeyFile) after = NULL;
  g_autoptr(SandbarProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) groups = NULL;

  if (locale_dir == NULL)
    {
      g_test_skip ("SANDBAR_LOCALEDIR is not set (the build's po/ folder)");
      return;
    }
  {
    g_autofree char *catalogue = g_build_filename (locale_dir, "de", "LC_MESSAGES",
                                                   GETTEXT_PACKAGE ".mo", NULL);

    if (!g_file_test (catalogue, G_FILE_TEST_EXISTS))
      {
        g_test_skip ("No German catalogue (po/de.po) was built");
        return;
      }
  }

  bindtextdomain (GETTEXT_PACKAGE, locale_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_setenv ("LANGUAGE", "de", TRUE);

  shipped = sandbar_templates_lookup ("docker-only", NULL);
  translated = sandbar_templates_lookup_translated ("docker-only", &error);
  g_assert_no_error (error);
  before = load_keyfile (shipped);
  after = load_keyfile (translated);

  {
    g_autofree char *name = g_key_file_get_string (after, "Profile", "Name", NULL);

    g_assert_cmpstr (name, ==, "Nur Docker");
  }
  g_assert_true (g_str_has_prefix (g_bytes_get_data (translated, NULL), "# A Sandbar profile"));
  groups = g_key_file_get_groups (before, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_auto(GStrv) keys = g_key_file_get_keys (before, groups[i], NULL, NULL);

      for (guint j = 0; keys[j] != NULL; j++)
        {
          g_autofree char *old_value = g_key_file_get_value (before, groups[i], keys[j], NULL);
          g_autofree char *new_value = g_key_file_get_value (after, groups[i], keys[j], NULL);

          if (g_str_equal (keys[j], "Name") || g_str_equal (keys[j], "Description"))
            g_assert_cmpstr (new_value, !=, old_value);
          else
            g_assert_cmpstr (new_value, ==, old_value);
        }
    }

  profile = sandbar_templates_new_profile ("docker-only", "docker", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sandbar_profile_get_name (profile), ==, "Nur Docker");

  g_unsetenv ("LANGUAGE");
}

static void
test_unknown (void)
{
  static const char * const unknown[] = { "no-such-template", "../templates/docker-only",
                                          "Docker-Only", "", NULL };

  for (guint i = 0; unknown[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = sandbar_templates_lookup (unknown[i], &error);
      g_autoptr(SandbarProfile) profile = NULL;

      g_assert_null (bytes);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
      /* The message names what was asked for and every valid choice. */
      g_assert_nonnull (strstr (error->message, unknown[i]));
      for (guint j = 0; expected_ids[j] != NULL; j++)
        g_assert_nonnull (strstr (error->message, expected_ids[j]));
      g_clear_error (&error);

      profile = sandbar_templates_new_profile (unknown[i], "x", &error);
      g_assert_null (profile);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
    }
}

static void
test_invalid_new_id (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SandbarProfile) profile = NULL;

  profile = sandbar_templates_new_profile ("docker-only", "Not An Id", &error);
  g_assert_null (profile);
  g_assert_error (error, SANDBAR_PROFILE_ERROR, SANDBAR_PROFILE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Not An Id"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sandbar/templates/list", test_list);
  g_test_add_func ("/sandbar/templates/lookup", test_lookup);
  g_test_add_func ("/sandbar/templates/new-profile", test_new_profile);
  g_test_add_func ("/sandbar/templates/docker-only", test_docker_only);
  g_test_add_func ("/sandbar/templates/texts", test_texts);
  g_test_add_func ("/sandbar/templates/untranslated", test_untranslated);
  g_test_add_func ("/sandbar/templates/translated", test_translated);
  g_test_add_func ("/sandbar/templates/unknown", test_unknown);
  g_test_add_func ("/sandbar/templates/invalid-new-id", test_invalid_new_id);

  return g_test_run ();
}
