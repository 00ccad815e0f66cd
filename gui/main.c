/* main.c — the sandbar binary: bundle, locale, then the application
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sandbar-application.h"
#include "sandbar-bundle.h"
#include "sandbar-i18n.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SandbarApplication) app = NULL;
  const char *resources;

  /* Inside Sandbar.app (macOS), GTK's files are in the bundle: say so
   * before GTK starts. */
  sandbar_bundle_init ();
  resources = sandbar_bundle_get_resources ();
  if (resources != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!sandbar_bundle_set_up_environment (resources, g_get_user_cache_dir (), &error))
        g_warning ("Images may not load: %s", error->message);
    }

  sandbar_i18n_init ();

  app = sandbar_application_new (APP_ID, G_APPLICATION_DEFAULT_FLAGS);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
