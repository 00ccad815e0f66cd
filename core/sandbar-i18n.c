/* sandbar-i18n.c — gettext set-up shared by sandbar and sandbarctl
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The translations are looked up in the folder the build was configured
 * for (LOCALEDIR), unless one of these says otherwise:
 *
 * - $SANDBAR_LOCALEDIR, an absolute path: the tests point it at the
 *   build folder's po/, where meson compiles each <lang>/LC_MESSAGES/
 *   sandbar.mo, so a build speaks other languages before it is installed;
 * - inside Sandbar.app, the bundle's Resources/share/locale.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "sandbar-bundle.h"
#include "sandbar-i18n.h"

/**
 * sandbar_i18n_get_locale_dir:
 *
 * Returns: the folder holding `<lang>/LC_MESSAGES/sandbar.mo`
 */
const char *
sandbar_i18n_get_locale_dir (void)
{
  static char *bundle_dir;
  const char *dir = g_getenv ("SANDBAR_LOCALEDIR");
  const char *resources;

  /* A relative folder would be looked up from whatever the working
   * directory is when a message is first translated. */
  if (dir != NULL && g_path_is_absolute (dir))
    return dir;

  resources = sandbar_bundle_get_resources ();
  if (resources != NULL)
    {
      if (bundle_dir == NULL)
        bundle_dir = g_build_filename (resources, "share", "locale", NULL);
      return bundle_dir;
    }

  return LOCALEDIR;
}

/**
 * sandbar_i18n_init:
 *
 * Sets the locale from the environment and binds Sandbar's message
 * catalogue, in UTF-8, as the default text domain. Call it first thing in
 * main(), after sandbar_bundle_init().
 */
void
sandbar_i18n_init (void)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, sandbar_i18n_get_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
