/* main.c — the sandbar-tray binary: locale, then the tray process
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sandbar-i18n.h"
#include "sandbar-tray-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SandbarTrayApplication) app = NULL;

  sandbar_i18n_init ();

  app = sandbar_tray_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
