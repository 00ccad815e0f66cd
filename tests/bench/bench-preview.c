/* bench-preview.c — how fast the window starts and the preview follows
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a test: it prints timings. Run it under a display (the meson target
 * bench-preview uses xvfb-run):
 *
 *   cold start          main() to the window's first frame
 *   type, N sockets     a keystroke in a socket row to the preview buffer
 *                       holding the new rendering, for N = 10, 100, 1000
 *   scope, N sockets    a click on a socket's scope (the parameters are
 *                       numbered anew) to the preview updated
 *   model, N sockets    a change made to the profile object (network
 *                       access) to the preview buffer updated
 *
 * The preview is updated synchronously on every edit, so "to the buffer
 * updated" is the time the edit takes to return. Targets (issue #5):
 * ≤ 8 ms at 100 sockets, ≤ 50 ms at 1,000, cold start ≤ 400 ms.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sandbar-application.h"
#include "sandbar-editor.h"
#include "sandbar-path-list.h"
#include "sandbar-window.h"

#define ROUNDS 25

static gint64 start_time;

static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       user_data)
{
  gint64 *painted = user_data;

  if (*painted == 0)
    *painted = g_get_monotonic_time ();
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
report (const char *what,
        guint       n,
        double     *samples,
        guint       n_samples,
        double      target)
{
  qsort (samples, n_samples, sizeof (double), compare_doubles);
  printf ("%-22s %5u sockets: median %7.2f ms  max %7.2f ms", what, n,
          samples[n_samples / 2], samples[n_samples - 1]);
  if (target > 0)
    printf ("   (target %.0f ms: %s)", target, samples[n_samples / 2] <= target ? "met" : "MISSED");
  printf ("\n");
}

static SandbarProfile *
make_profile (guint n)
{
  g_autofree char *id = g_strdup_printf ("bench-%u", n);
  g_autofree char *name = g_strdup_printf ("Bench, %u sockets", n);
  SandbarProfile *profile = sandbar_profile_new (id);
  g_autoptr(GPtrArray) rules = g_ptr_array_new_with_free_func (g_object_unref);

  sandbar_profile_set_name (profile, name);
  sandbar_profile_set_socket_access (profile, SANDBAR_SOCKET_ACCESS_ALLOWLIST);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = g_strdup_printf ("/tmp/sandbar-bench/s%05u.sock", i);

      g_ptr_array_add (rules, sandbar_socket_rule_new (path, i % 2 ? SANDBAR_SOCKET_SCOPE_EXACT
                                                                   : SANDBAR_SOCKET_SCOPE_SUBPATH));
    }
  sandbar_profile_set_socket_rules (profile, rules);
  return profile;
}

static void
bench_sockets (SandbarApplication *app,
               SandbarWindow      *window,
               guint               n,
               double              target)
{
  SandbarProfileStore *store = sandbar_application_get_store (app);
  g_autoptr(SandbarProfile) profile = make_profile (n);
  g_autoptr(GError) error = NULL;
  SandbarEditor *editor;
  SandbarPathList *sockets;
  SandbarPathRow *row;
  GtkEditable *entry;
  SandbarProfile *working;
  double edits[ROUNDS];
  double scopes[ROUNDS];
  double changes[ROUNDS];
  gint64 t;

  if (!sandbar_profile_store_create (store, profile, &error))
    g_error ("%s", error->message);

  t = g_get_monotonic_time ();
  if (!sandbar_window_select_profile (window, sandbar_profile_get_id (profile)))
    g_error ("could not select %s", sandbar_profile_get_id (profile));
  printf ("%-22s %5u sockets: %7.2f ms (rows built, preview rendered)\n", "open profile", n,
          (g_get_monotonic_time () - t) / 1000.0);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  drain ();

  editor = SANDBAR_EDITOR (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                          SANDBAR_TYPE_WINDOW, "editor"));
  sockets = SANDBAR_PATH_LIST (gtk_widget_get_template_child (GTK_WIDGET (editor),
                                                              SANDBAR_TYPE_EDITOR,
                                                              "sockets_list"));
  row = sandbar_path_list_get_row (sockets, n - 1);
  entry = GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (row), SANDBAR_TYPE_PATH_ROW,
                                                       "entry"));
  working = sandbar_editor_get_profile (editor);

  for (guint i = 0; i < ROUNDS; i++)
    {
      int position = -1;

      /* A keystroke at the end of the last socket's path: the row's text
       * changes, the list reads its rows back into the profile, the
       * editor validates, the preview renders. */
      t = g_get_monotonic_time ();
      gtk_editable_insert_text (entry, "x", 1, &position);
      edits[i] = (g_get_monotonic_time () - t) / 1000.0;
      drain ();

      /* A click on the scope: the socket moves between the two groups of
       * the profile, and the parameters are numbered anew. */
      t = g_get_monotonic_time ();
      gtk_widget_activate_action (GTK_WIDGET (row), "row.scope", "i",
                                  sandbar_path_row_get_scope (row) == SANDBAR_SOCKET_SCOPE_EXACT
                                  ? SANDBAR_SOCKET_SCOPE_SUBPATH : SANDBAR_SOCKET_SCOPE_EXACT);
      scopes[i] = (g_get_monotonic_time () - t) / 1000.0;
      drain ();

      t = g_get_monotonic_time ();
      sandbar_profile_set_network_access (working, i % 2 ? SANDBAR_NETWORK_ACCESS_RESTRICTED
                                                         : SANDBAR_NETWORK_ACCESS_FULL);
      changes[i] = (g_get_monotonic_time () - t) / 1000.0;
      drain ();
    }

  report ("type in a socket row", n, edits, ROUNDS, target);
  report ("change a socket scope", n, scopes, ROUNDS, target);
  report ("change the model", n, changes, ROUNDS, target);
  sandbar_window_save_now (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SandbarApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *profiles = NULL;
  g_autofree char *command = NULL;
  SandbarWindow *window;
  gint64 initialized, started, built;
  gint64 painted = 0;

  start_time = g_get_monotonic_time ();

  setlocale (LC_ALL, "");
  if (!gtk_init_check ())
    {
      fprintf (stderr, "bench-preview: no display\n");
      return 77;
    }
  initialized = g_get_monotonic_time ();

  dir = g_dir_make_tmp ("sandbar-bench-XXXXXX", &error);
  g_assert_no_error (error);
  profiles = g_build_filename (dir, "profiles", NULL);
  g_setenv ("SANDBAR_PROFILES_DIR", profiles, TRUE);

  /* Cold start: what `sandbar` does, up to the first frame on screen. */
  app = sandbar_application_new ("io.github.sandbar.Sandbar.Bench", G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("%s", error->message);
  started = g_get_monotonic_time ();
  g_application_activate (G_APPLICATION (app));
  window = SANDBAR_WINDOW (sandbar_application_get_window (app));
  built = g_get_monotonic_time ();
  gtk_widget_realize (GTK_WIDGET (window));
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (on_after_paint), &painted);
  while (painted == 0)
    g_main_context_iteration (NULL, TRUE);

  printf ("%-22s              %7.2f ms   (target 400 ms: %s)\n", "cold start",
          (painted - start_time) / 1000.0,
          (painted - start_time) / 1000.0 <= 400 ? "met" : "MISSED");
  printf ("  gtk_init %.0f ms, startup (store, settings) %.0f ms, window %.0f ms, "
          "first frame %.0f ms\n",
          (initialized - start_time) / 1000.0, (started - initialized) / 1000.0,
          (built - started) / 1000.0, (painted - built) / 1000.0);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  drain ();

  bench_sockets (app, window, 10, 0);
  bench_sockets (app, window, 100, 8);
  bench_sockets (app, window, 1000, 50);

  gtk_window_destroy (GTK_WINDOW (window));
  drain ();

  command = g_strdup_printf ("rm -rf '%s'", dir);
  g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
  return 0;
}
