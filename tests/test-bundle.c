/* test-bundle.c — finding and setting up Sandbar.app's Resources
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The path logic of core/sandbar-bundle.c, on Linux: which executables are
 * inside a bundle, the environment GTK is given, and the gdk-pixbuf
 * loaders list written from the bundle's template for wherever the bundle
 * was moved to (paths with spaces, quotes and backslashes included), and
 * the user's environment given back to the programs Sandbar starts.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <libintl.h>

#include "sandbar-bundle.h"

typedef struct
{
  const char *executable;
  const char *resources;   /* NULL: not in a bundle */
} FindCase;

static const FindCase find_cases[] = {
  { "/Applications/Sandbar.app/Contents/MacOS/sandbar",
    "/Applications/Sandbar.app/Contents/Resources" },
  { "/Applications/Sandbar.app/Contents/MacOS/sandbarctl",
    "/Applications/Sandbar.app/Contents/Resources" },
  { "/Users/me/Downloads/My Apps/Sandbar 2.app/Contents/MacOS/sandbar",
    "/Users/me/Downloads/My Apps/Sandbar 2.app/Contents/Resources" },
  /* Case-insensitive file systems, as macOS has by default. */
  { "/Applications/Sandbar.APP/contents/macos/sandbar",
    "/Applications/Sandbar.APP/contents/Resources" },
  { "/usr/bin/sandbar", NULL },
  { "/opt/homebrew/bin/sandbarctl", NULL },
  { "/home/me/src/sandbar/_build/gui/sandbar", NULL },
  { "/Applications/Sandbar.app/Contents/Resources/sandbar", NULL },
  { "/Applications/Sandbar.app/Contents/MacOS/Helpers/sandbar", NULL },
  { "/Applications/Sandbar.app/Contents/MacOS/../MacOS/sandbar", NULL },
  { "/Applications/Sandbar.app/Contents/MacOS/./sandbar", NULL },
  { "/Applications/Sandbar.app/Contents/MacOS//sandbar", NULL },
  { "/Applications/Sandbar.app/Contents/MacOS/", NULL },
  { "/Applications/Sandbar.apps/Contents/MacOS/sandbar", NULL },
  { "/Applications/.app/Contents/MacOS/sandbar", NULL },
  { "/Contents/MacOS/sandbar", NULL },
  { "Sandbar.app/Contents/MacOS/sandbar", NULL },
  { "", NULL },
};

static void
test_find_resources (gconstpointer data)
{
  const FindCase *c = data;
  g_autofree char *resources = sandbar_bundle_find_resources (c->executable);

  g_assert_cmpstr (resources, ==, c->resources);
}

/* Outside a bundle (always, on Linux) nothing is set up. */
static void
test_not_in_bundle (void)
{
  sandbar_bundle_init ();
  g_assert_null (sandbar_bundle_get_resources ());
}

static char *
make_resources (const char *parent,
                gboolean    with_template)
{
  /* A bundle moved to an awkward place. */
  g_autofree char *resources = g_build_filename (parent, "Apps \"quoted\" \\ x",
                                                 "Sandbar.app", "Contents", "Resources",
                                                 NULL);

  g_assert_no_errno (g_mkdir_with_parents (resources, 0755));
  if (with_template)
    {
      g_autofree char *template = g_build_filename (resources, SANDBAR_BUNDLE_LOADERS_TEMPLATE,
                                                    NULL);
      g_autofree char *dir = g_path_get_dirname (template);
      g_autoptr(GError) error = NULL;

      g_assert_no_errno (g_mkdir_with_parents (dir, 0755));
      g_file_set_contents (template,
                           "# GdkPixbuf Image Loader Modules file\n"
                           "\"" SANDBAR_BUNDLE_PLACEHOLDER
                           "/lib/gdk-pixbuf-2.0/2.10.0/loaders/libpixbufloader-svg.so\"\n"
                           "\"svg\" 6 \"gdk-pixbuf\" \"Scalable Vector Graphics\" \"LGPL\"\n"
                           "\n"
                           "\"" SANDBAR_BUNDLE_PLACEHOLDER
                           "/lib/gdk-pixbuf-2.0/2.10.0/loaders/libpixbufloader-png.so\"\n"
                           "\"png\" 5 \"gdk-pixbuf\" \"PNG\" \"LGPL\"\n",
                           -1, &error);
      g_assert_no_error (error);
    }

  return g_steal_pointer (&resources);
}

static void
test_environment (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("sandbar-bundle-XXXXXX", NULL);
  g_autofree char *resources = make_resources (tmp, TRUE);
  g_autofree char *cache_dir = g_build_filename (tmp, "cache", NULL);
  g_autofree char *share = g_build_filename (resources, "share", NULL);
  g_autofree char *schemas = g_build_filename (share, "glib-2.0", "schemas", NULL);
  g_autofree char *gio = g_build_filename (resources, "lib", "gio", "modules", NULL);
  g_autofree char *cache_folder = g_build_filename (cache_dir, "sandbar", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *cache = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *expected_line = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf before, after;

  g_setenv ("XDG_DATA_DIRS", "/usr/local/share:/usr/share", TRUE);
  g_unsetenv ("GDK_PIXBUF_MODULE_FILE");

  g_assert_true (sandbar_bundle_set_up_environment (resources, cache_dir, &error));
  g_assert_no_error (error);

  /* Only the bundle's folders: Homebrew's would mix versions. */
  g_assert_cmpstr (g_getenv ("XDG_DATA_DIRS"), ==, share);
  g_assert_cmpstr (g_getenv ("GSETTINGS_SCHEMA_DIR"), ==, schemas);
  g_assert_cmpstr (g_getenv ("GIO_MODULE_DIR"), ==, gio);
  g_assert_cmpstr (g_getenv ("GTK_DATA_PREFIX"), ==, resources);
  g_assert_cmpstr (g_getenv ("GTK_EXE_PREFIX"), ==, resources);

  /* The loaders list, written for where the bundle is now. */
  cache = g_strdup (g_getenv ("GDK_PIXBUF_MODULE_FILE"));
  g_assert_nonnull (cache);
  g_assert_true (g_str_has_prefix (cache, cache_folder));
  g_assert_true (g_file_get_contents (cache, &contents, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (strstr (contents, SANDBAR_BUNDLE_PLACEHOLDER));
  {
    g_auto(GStrv) pieces = g_strsplit (resources, "\\", -1);
    g_autofree char *joined = g_strjoinv ("\\\\", pieces);
    g_auto(GStrv) quotes = g_strsplit (joined, "\"", -1);

    escaped = g_strjoinv ("\\\"", quotes);
  }
  expected_line = g_strconcat ("\"", escaped,
                               "/lib/gdk-pixbuf-2.0/2.10.0/loaders/libpixbufloader-svg.so\"\n",
                               NULL);
  g_assert_nonnull (strstr (contents, expected_line));
  g_assert_nonnull (strstr (contents, "\"svg\" 6 \"gdk-pixbuf\""));

  /* Unchanged at the next start: the file is not rewritten (a rewrite
   * replaces it, with a new inode). */
  g_assert_no_errno (g_stat (cache, &before));
  g_assert_true (sandbar_bundle_set_up_environment (resources, cache_dir, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (g_getenv ("GDK_PIXBUF_MODULE_FILE"), ==, cache);
  g_assert_no_errno (g_stat (cache, &after));
  g_assert_cmpint (before.st_ino, ==, after.st_ino);

  {
    g_autofree char *quoted = g_shell_quote (tmp);
    g_autofree char *command = g_strconcat ("rm -rf -- ", quoted, NULL);

    g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL));
  }
}

/* The variables the bundle sets are the bundle's business: a child gets
 * the values from before, set or unset, and everything else as it is.
 * In a subprocess: the values are kept at the first set-up, which the
 * other tests have done already. */
static void
test_child_environ (void)
{
  g_autofree char *tmp = NULL;
  g_autofree char *resources = NULL;
  g_autofree char *cache_dir = NULL;
  g_autofree char *share = NULL;
  g_autofree char *quoted = NULL;
  g_autofree char *command = NULL;
  g_auto(GStrv) before = NULL;
  g_auto(GStrv) unchanged = NULL;
  g_auto(GStrv) child = NULL;
  g_auto(GStrv) own = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  tmp = g_dir_make_tmp ("sandbar-bundle-XXXXXX", NULL);
  resources = make_resources (tmp, TRUE);
  cache_dir = g_build_filename (tmp, "cache", NULL);
  share = g_build_filename (resources, "share", NULL);
  quoted = g_shell_quote (tmp);
  command = g_strconcat ("rm -rf -- ", quoted, NULL);

  g_setenv ("XDG_DATA_DIRS", "/home/me/.local/share/flatpak/exports/share:/usr/share", TRUE);
  g_setenv ("GTK_DATA_PREFIX", "/opt/my gtk", TRUE);
  g_unsetenv ("GSETTINGS_SCHEMA_DIR");
  g_unsetenv ("GIO_MODULE_DIR");
  g_unsetenv ("GTK_EXE_PREFIX");
  g_unsetenv ("GDK_PIXBUF_MODULE_FILE");
  g_setenv ("SANDBAR_TEST_UNRELATED", "kept", TRUE);

  /* Outside a bundle: the environment as it is. */
  before = g_get_environ ();
  unchanged = sandbar_bundle_child_environ ();
  g_assert_cmpstrv (unchanged, before);

  /* Twice, as in test_environment(): the second set-up must not take
   * the bundle's values for the user's. */
  g_assert_true (sandbar_bundle_set_up_environment (resources, cache_dir, &error));
  g_assert_true (sandbar_bundle_set_up_environment (resources, cache_dir, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (g_getenv ("XDG_DATA_DIRS"), ==, share);
  g_assert_nonnull (g_getenv ("GDK_PIXBUF_MODULE_FILE"));

  child = sandbar_bundle_child_environ ();
  g_assert_cmpstr (g_environ_getenv (child, "XDG_DATA_DIRS"), ==,
                   "/home/me/.local/share/flatpak/exports/share:/usr/share");
  g_assert_cmpstr (g_environ_getenv (child, "GTK_DATA_PREFIX"), ==, "/opt/my gtk");
  g_assert_null (g_environ_getenv (child, "GSETTINGS_SCHEMA_DIR"));
  g_assert_null (g_environ_getenv (child, "GIO_MODULE_DIR"));
  g_assert_null (g_environ_getenv (child, "GTK_EXE_PREFIX"));
  g_assert_null (g_environ_getenv (child, "GDK_PIXBUF_MODULE_FILE"));
  g_assert_cmpstr (g_environ_getenv (child, "SANDBAR_TEST_UNRELATED"), ==, "kept");
  g_assert_cmpuint (g_strv_length (child), ==, g_strv_length (before));

  /* Sandbar itself keeps the bundle's. */
  own = g_get_environ ();
  g_assert_cmpstr (g_environ_getenv (own, "XDG_DATA_DIRS"), ==, share);
  g_assert_cmpstr (g_environ_getenv (own, "GTK_EXE_PREFIX"), ==, resources);

  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL));
}

/* Another copy of the bundle elsewhere gets a list of its own. */
static void
test_two_bundles (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("sandbar-bundle-XXXXXX", NULL);
  g_autofree char *one_parent = g_build_filename (tmp, "one", NULL);
  g_autofree char *two_parent = g_build_filename (tmp, "two", NULL);
  g_autofree char *one = make_resources (one_parent, TRUE);
  g_autofree char *two = make_resources (two_parent, TRUE);
  g_autofree char *cache_dir = g_build_filename (tmp, "cache", NULL);
  g_autofree char *first = NULL;
  g_autofree char *quoted = g_shell_quote (tmp);
  g_autofree char *command = g_strconcat ("rm -rf -- ", quoted, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (sandbar_bundle_set_up_environment (one, cache_dir, &error));
  first = g_strdup (g_getenv ("GDK_PIXBUF_MODULE_FILE"));
  g_assert_true (sandbar_bundle_set_up_environment (two, cache_dir, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (g_getenv ("GDK_PIXBUF_MODULE_FILE"), !=, first);
  g_assert_true (g_file_test (first, G_FILE_TEST_IS_REGULAR));

  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL));
}

/* A bundle without image loaders leaves gdk-pixbuf alone; a cache folder
 * that cannot be written is an error, but the rest is still set up. */
static void
test_no_template_and_unwritable_cache (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("sandbar-bundle-XXXXXX", NULL);
  g_autofree char *plain = make_resources (tmp, FALSE);
  g_autofree char *with_template_parent = g_build_filename (tmp, "loaders", NULL);
  g_autofree char *with_template = make_resources (with_template_parent, TRUE);
  g_autofree char *not_a_folder = g_build_filename (tmp, "file", NULL);
  g_autofree char *schemas = g_build_filename (with_template, "share", "glib-2.0", "schemas",
                                               NULL);
  g_autofree char *quoted = g_shell_quote (tmp);
  g_autofree char *command = g_strconcat ("rm -rf -- ", quoted, NULL);
  g_autoptr(GError) error = NULL;

  g_unsetenv ("GDK_PIXBUF_MODULE_FILE");
  g_assert_true (sandbar_bundle_set_up_environment (plain, tmp, &error));
  g_assert_no_error (error);
  g_assert_null (g_getenv ("GDK_PIXBUF_MODULE_FILE"));

  g_assert_true (g_file_set_contents (not_a_folder, "", 0, NULL));
  g_assert_false (sandbar_bundle_set_up_environment (with_template, not_a_folder, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_cmpstr (g_getenv ("GSETTINGS_SCHEMA_DIR"), ==, schemas);
  g_assert_null (g_getenv ("GDK_PIXBUF_MODULE_FILE"));

  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL));
}

static void
test_bind_text_domains (void)
{
  const char * const domains[] = { "sandbar-test-a", "sandbar-test-b", NULL };
  const char *resources = "/Applications/Sandbar.app/Contents/Resources";
  g_autofree char *before = g_strdup (bindtextdomain ("sandbar-test-a", NULL));

  /* Outside a bundle: left where the libraries put them. */
  sandbar_bundle_bind_text_domains (NULL, domains);
  g_assert_cmpstr (bindtextdomain ("sandbar-test-a", NULL), ==, before);

  sandbar_bundle_bind_text_domains (resources, domains);
  for (guint i = 0; domains[i] != NULL; i++)
    {
      g_assert_cmpstr (bindtextdomain (domains[i], NULL), ==,
                       "/Applications/Sandbar.app/Contents/Resources/share/locale");
      g_assert_cmpstr (bind_textdomain_codeset (domains[i], NULL), ==, "UTF-8");
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (find_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/sandbar/bundle/find-resources/%u", i);

      g_test_add_data_func (path, &find_cases[i], test_find_resources);
    }
  g_test_add_func ("/sandbar/bundle/not-in-bundle", test_not_in_bundle);
  g_test_add_func ("/sandbar/bundle/environment", test_environment);
  g_test_add_func ("/sandbar/bundle/child-environ", test_child_environ);
  g_test_add_func ("/sandbar/bundle/two-bundles", test_two_bundles);
  g_test_add_func ("/sandbar/bundle/no-template-and-unwritable-cache",
                   test_no_template_and_unwritable_cache);
  g_test_add_func ("/sandbar/bundle/bind-text-domains", test_bind_text_domains);

  return g_test_run ();
}
