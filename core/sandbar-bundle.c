/* sandbar-bundle.c — running from inside Sandbar.app
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * macos-bundle/bundle.sh copies GTK and everything it loads at run time
 * into Sandbar.app/Contents/Resources (share/ with icons, schemas and
 * translations; lib/ with the gdk-pixbuf and GIO modules). Those
 * libraries look for their files where Homebrew installed them, unless
 * the environment says otherwise, so the window sets the environment
 * from main() before GTK starts; a shell script as CFBundleExecutable
 * would do the same but complicates signing.
 *
 * gdk-pixbuf's list of loaders names each loader by absolute path, and
 * the bundle can be moved, so the bundle carries a template of the list
 * and the real one is written to the user's cache folder at start.
 *
 * These variables are for Sandbar's own process only: a terminal or a
 * sandboxed command started from Sandbar.app must see the user's
 * XDG_DATA_DIRS, not the bundle's. So their values from before are kept,
 * and whatever starts the user's programs passes
 * sandbar_bundle_child_environ() to the child.
 *
 * sandbarctl only takes its translations from the bundle (see
 * sandbar-i18n.c): it changes nothing in the environment that the
 * commands it runs would inherit.
 *
 * The path logic is plain string work and is tested on Linux
 * (tests/test-bundle.c); only finding the running executable is macOS
 * code.
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#if SANDBAR_OS_MACOS
#include <mach-o/dyld.h>
#endif

#include "sandbar-bundle.h"

static char *bundle_resources;

/* What sandbar_bundle_set_up_environment() changes, and each variable's
 * value before the first call (NULL: it was not set). */
static const char * const bundle_variables[] = {
  "XDG_DATA_DIRS",
  "GSETTINGS_SCHEMA_DIR",
  "GIO_MODULE_DIR",
  "GTK_DATA_PREFIX",
  "GTK_EXE_PREFIX",
  "GDK_PIXBUF_MODULE_FILE",
};
static char *original_values[G_N_ELEMENTS (bundle_variables)];
static gboolean originals_saved;

/**
 * sandbar_bundle_find_resources:
 * @executable: the absolute, resolved path of a running program
 *
 * Tells whether @executable is a program of an application bundle, that
 * is `SOMETHING.app/Contents/MacOS/NAME`.
 *
 * Returns: (transfer full) (nullable): the bundle's
 *   `SOMETHING.app/Contents/Resources`, or %NULL if @executable is not in
 *   a bundle
 */
char *
sandbar_bundle_find_resources (const char *executable)
{
  g_autofree char *macos = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *app = NULL;
  g_autofree char *name = NULL;
  g_autofree char *app_name = NULL;
  g_auto(GStrv) parts = NULL;

  g_return_val_if_fail (executable != NULL, NULL);

  if (!g_path_is_absolute (executable))
    return NULL;

  /* A resolved path has no "." or ".." in it and no empty components;
   * anything else is not what the dynamic linker reported. */
  parts = g_strsplit (executable + 1, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] == '\0' || g_str_equal (parts[i], ".") || g_str_equal (parts[i], ".."))
      return NULL;

  name = g_path_get_basename (executable);
  macos = g_path_get_dirname (executable);
  contents = g_path_get_dirname (macos);
  app = g_path_get_dirname (contents);
  app_name = g_path_get_basename (app);

  /* macOS file systems usually ignore case, and so does Finder. */
  {
    g_autofree char *macos_name = g_path_get_basename (macos);
    g_autofree char *contents_name = g_path_get_basename (contents);
    gsize len = strlen (app_name);

    if (g_ascii_strcasecmp (macos_name, "MacOS") != 0 ||
        g_ascii_strcasecmp (contents_name, "Contents") != 0 ||
        len <= strlen (".app") ||
        g_ascii_strcasecmp (app_name + len - strlen (".app"), ".app") != 0)
      return NULL;
  }

  return g_build_filename (contents, "Resources", NULL);
}

/**
 * sandbar_bundle_init:
 *
 * Finds out whether the running program is inside an application bundle
 * (on macOS; elsewhere it never is). Call it first in main().
 */
void
sandbar_bundle_init (void)
{
#if SANDBAR_OS_MACOS
  char path[4096];
  uint32_t size = sizeof path;
  g_autofree char *resolved = NULL;
  g_autofree char *resources = NULL;

  if (bundle_resources != NULL || _NSGetExecutablePath (path, &size) != 0)
    return;

  /* sandbarctl may be started through a symbolic link in a bin folder. */
  resolved = realpath (path, NULL);
  if (resolved == NULL)
    return;

  resources = sandbar_bundle_find_resources (resolved);
  if (resources != NULL && g_file_test (resources, G_FILE_TEST_IS_DIR))
    bundle_resources = g_steal_pointer (&resources);
#endif
}

/**
 * sandbar_bundle_get_resources:
 *
 * Returns: (nullable): the bundle's Resources folder, or %NULL when not
 *   running from a bundle
 */
const char *
sandbar_bundle_get_resources (void)
{
  return bundle_resources;
}

/* Where gdk-pixbuf's scanner reads a quoted string, `\` escapes the
 * next character and `\n` is a line break. */
static char *
escape_for_loaders_cache (const char *text)
{
  GString *escaped = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\\' || *p == '"')
        g_string_append_c (escaped, '\\');
      if (*p == '\n')
        g_string_append (escaped, "\\n");
      else
        g_string_append_c (escaped, *p);
    }

  return g_string_free (escaped, FALSE);
}

/* Writes the loaders list for @resources from the bundle's template into
 * @cache_dir, unless it is there already, and returns its path. The file
 * name holds a hash of @resources: two copies of Sandbar.app do not take
 * turns rewriting one file. */
static char *
write_loaders_cache (const char  *resources,
                     const char  *template_path,
                     const char  *cache_dir,
                     GError     **error)
{
  g_autofree char *template = NULL;
  g_autofree char *escaped = escape_for_loaders_cache (resources);
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, resources, -1);
  g_autofree char *dir = g_build_filename (cache_dir, "sandbar", NULL);
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autofree char *existing = NULL;
  g_auto(GStrv) pieces = NULL;
  g_autofree char *contents = NULL;

  if (!g_file_get_contents (template_path, &template, NULL, error))
    return NULL;

  pieces = g_strsplit (template, SANDBAR_BUNDLE_PLACEHOLDER, -1);
  contents = g_strjoinv (escaped, pieces);

  hash[16] = '\0';
  name = g_strdup_printf ("gdk-pixbuf-loaders-%s.cache", hash);
  path = g_build_filename (dir, name, NULL);

  if (g_file_get_contents (path, &existing, NULL, NULL) && g_str_equal (existing, contents))
    return g_steal_pointer (&path);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (saved_errno));
      return NULL;
    }
  if (!g_file_set_contents (path, contents, -1, error))
    return NULL;

  return g_steal_pointer (&path);
}

/**
 * sandbar_bundle_set_up_environment:
 * @resources: the bundle's Resources folder
 * @cache_dir: where to write the list of image loaders, normally
 *   g_get_user_cache_dir()
 * @error: return location for a #GError
 *
 * Points GLib, GIO, gdk-pixbuf and GTK at the files in the bundle:
 * `XDG_DATA_DIRS` (icons, GtkSourceView's languages and styles),
 * `GSETTINGS_SCHEMA_DIR`, `GIO_MODULE_DIR`, `GDK_PIXBUF_MODULE_FILE`,
 * `GTK_DATA_PREFIX` and `GTK_EXE_PREFIX`. Call it before GTK starts:
 * the libraries read these once.
 *
 * The values from before are kept for [func@bundle_child_environ].
 *
 * Returns: %FALSE if the list of image loaders could not be written; the
 *   rest of the environment is set up all the same
 */
gboolean
sandbar_bundle_set_up_environment (const char  *resources,
                                   const char  *cache_dir,
                                   GError     **error)
{
  g_autofree char *share = NULL;
  g_autofree char *schemas = NULL;
  g_autofree char *gio_modules = NULL;
  g_autofree char *template = NULL;

  g_return_val_if_fail (resources != NULL, FALSE);
  g_return_val_if_fail (cache_dir != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Only the first time: later, the values are the bundle's own. */
  if (!originals_saved)
    {
      for (guint i = 0; i < G_N_ELEMENTS (bundle_variables); i++)
        original_values[i] = g_strdup (g_getenv (bundle_variables[i]));
      originals_saved = TRUE;
    }

  share = g_build_filename (resources, "share", NULL);
  schemas = g_build_filename (share, "glib-2.0", "schemas", NULL);
  gio_modules = g_build_filename (resources, "lib", "gio", "modules", NULL);

  /* Only the bundle's: Homebrew's folders would mix in other versions. */
  g_setenv ("XDG_DATA_DIRS", share, TRUE);
  g_setenv ("GSETTINGS_SCHEMA_DIR", schemas, TRUE);
  g_setenv ("GIO_MODULE_DIR", gio_modules, TRUE);
  g_setenv ("GTK_DATA_PREFIX", resources, TRUE);
  g_setenv ("GTK_EXE_PREFIX", resources, TRUE);

  template = g_build_filename (resources, SANDBAR_BUNDLE_LOADERS_TEMPLATE, NULL);
  if (g_file_test (template, G_FILE_TEST_EXISTS))
    {
      g_autofree char *cache = write_loaders_cache (resources, template, cache_dir, error);

      if (cache == NULL)
        return FALSE;
      g_setenv ("GDK_PIXBUF_MODULE_FILE", cache, TRUE);
    }

  return TRUE;
}

/**
 * sandbar_bundle_child_environ:
 *
 * The environment for a program of the user's that Sandbar starts (a
 * terminal, osascript, a sandboxed command): this process's environment
 * with the variables [func@bundle_set_up_environment] changed put back
 * as they were, unset if they were unset. Outside a bundle, the
 * environment as it is.
 *
 * Returns: (transfer full): an environment for g_spawn_async() or
 *   g_subprocess_launcher_set_environ()
 */
GStrv
sandbar_bundle_child_environ (void)
{
  GStrv envp = g_get_environ ();

  if (!originals_saved)
    return envp;

  for (guint i = 0; i < G_N_ELEMENTS (bundle_variables); i++)
    {
      if (original_values[i] != NULL)
        envp = g_environ_setenv (envp, bundle_variables[i], original_values[i], TRUE);
      else
        envp = g_environ_unsetenv (envp, bundle_variables[i]);
    }

  return envp;
}

/**
 * sandbar_bundle_bind_text_domains:
 * @resources: (nullable): the bundle's Resources folder, or %NULL
 * @domains: the text domains of the libraries, such as `gtk40`
 *
 * Libraries bind their own translations to where they were installed,
 * when they start. Inside the bundle their translations are in
 * Resources/share/locale: call this once they have started (GTK,
 * libadwaita, GtkSourceView) to point them there. Does nothing when
 * @resources is %NULL.
 */
void
sandbar_bundle_bind_text_domains (const char         *resources,
                                  const char * const *domains)
{
  g_autofree char *locale_dir = NULL;

  g_return_if_fail (domains != NULL);

  if (resources == NULL)
    return;

  locale_dir = g_build_filename (resources, "share", "locale", NULL);
  for (guint i = 0; domains[i] != NULL; i++)
    {
      bindtextdomain (domains[i], locale_dir);
      bind_textdomain_codeset (domains[i], "UTF-8");
    }
}
