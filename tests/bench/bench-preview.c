/* bench-preview.c — how fast the window starts and the preview follows
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a test: it prints timings (with --tsv, rows of the table of
 * `meson compile -C _build bench`). Run it under a display (the meson
 * target bench-preview uses xvfb-run):
 *
 *   start in-process    main() to the window's first frame (bench-app
 *                       times the real process)
 *   type, N sockets     a keystroke in a socket row to the preview buffer
 *                       holding the new rendering, for N = 10, 100, 1000
 *   scope, N sockets    a click on a socket's scope (the parameters are
 *                       numbered anew) to the preview updated
 *   model, N sockets    a change made to the profile object (network
 *                       access) to the preview buffer updated
 *   rename, N sockets   a new name: the profile changes but its Seatbelt
 *                       profile does not, so the preview's buffer must not
 *                       change (counted: the source view is not laid out
 *                       again)
 *
 * The preview is updated synchronously on every edit, so "to the buffer
 * updated" is the time the edit takes to return; "to the frame painted"
 * adds the layout and drawing of the next frame. Targets (issues 5 and
 * 9): ≤ 8 ms at 100 sockets, ≤ 50 ms at 1,000.
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
#include "sandbar-preview.h"
#include "sandbar-window.h"

#include "bench-common.h"

#define ROUNDS 25

static gint64 start_time;
static gboolean tsv;

/* The window's frames, counted. */
static guint n_frames;
static gint64 last_frame;

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

static void
on_frame (GdkFrameClock *clock,
          gpointer       user_data)
{
  n_frames++;
  last_frame = g_get_monotonic_time ();
}

static gboolean
set_flag (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Waits for the frame that shows an edit made at @since and returns the
 * time from @since to that frame painted, in ms; @sync (the edit's own
 * time) when the edit drew nothing within 100 ms. */
static double
wait_for_frame (guint  frames_before,
                gint64 since,
                double sync)
{
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add (100, set_flag, &timed_out);

  while (n_frames == frames_before && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (timeout);
  drain ();
  return n_frames == frames_before ? sync : (last_frame - since) / 1000.0;
}

static void
on_buffer_changed (GtkTextBuffer *buffer,
                   gpointer       user_data)
{
  (*(guint *) user_data)++;
}

static void
report (const char *what,
        guint       n,
        double     *samples,
        guint       n_samples,
        double      target)
{
  BenchStats s = bench_stats_of (samples, n_samples);

  if (tsv)
    {
      g_autofree char *label = g_strdup_printf ("%s, %u sockets", what, n);

      bench_row ("preview", label, &s, "ms", target);
      return;
    }
  printf ("%-32s %5u sockets: median %7.2f ms  max %7.2f ms", what, n, s.median, s.max);
  if (target > 0)
    printf ("   (target %.0f ms: %s)", target, s.median <= target ? "met" : "MISSED");
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
               double              target,
               double              frame_target)
{
  SandbarProfileStore *store = sandbar_application_get_store (app);
  g_autoptr(SandbarProfile) profile = make_profile (n);
  g_autoptr(GError) error = NULL;
  SandbarEditor *editor;
  SandbarPathList *sockets;
  SandbarPathRow *row;
  GtkEditable *entry;
  GtkWidget *preview;
  GtkTextView *source_view;
  SandbarProfile *working;
  double edits[ROUNDS], edit_frames[ROUNDS];
  double scopes[ROUNDS], scope_frames[ROUNDS];
  double changes[ROUNDS], change_frames[ROUNDS];
  double renames[ROUNDS], rename_frames[ROUNDS];
  double open_ms;
  guint buffer_changes = 0;
  gulong handler;
  gint64 t;

  if (!sandbar_profile_store_create (store, profile, &error))
    g_error ("%s", error->message);

  t = g_get_monotonic_time ();
  if (!sandbar_window_select_profile (window, sandbar_profile_get_id (profile)))
    g_error ("could not select %s", sandbar_profile_get_id (profile));
  open_ms = (g_get_monotonic_time () - t) / 1000.0;
  if (!tsv)
    printf ("%-32s %5u sockets: %7.2f ms (rows built, preview rendered)\n", "open profile", n,
            open_ms);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  drain ();

  editor = SANDBAR_EDITOR (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                          SANDBAR_TYPE_WINDOW, "editor"));
  sockets = SANDBAR_PATH_LIST (gtk_widget_get_template_child (GTK_WIDGET (editor),
                                                              SANDBAR_TYPE_EDITOR,
                                                              "sockets_list"));
  preview = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), SANDBAR_TYPE_WINDOW,
                                                      "preview"));
  source_view = GTK_TEXT_VIEW (gtk_widget_get_template_child (preview, SANDBAR_TYPE_PREVIEW,
                                                              "source_view"));
  row = sandbar_path_list_get_row (sockets, n - 1);
  entry = GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (row), SANDBAR_TYPE_PATH_ROW,
                                                       "entry"));
  working = sandbar_editor_get_profile (editor);

  for (guint i = 0; i < ROUNDS; i++)
    {
      int position = -1;
      guint frames;

      /* A keystroke at the end of the last socket's path: the row's text
       * changes, the list reads its rows back into the profile, the
       * editor validates, the preview renders. */
      frames = n_frames;
      t = g_get_monotonic_time ();
      gtk_editable_insert_text (entry, "x", 1, &position);
      edits[i] = (g_get_monotonic_time () - t) / 1000.0;
      edit_frames[i] = wait_for_frame (frames, t, edits[i]);

      /* A click on the scope: the socket moves between the two groups of
       * the profile, and the parameters are numbered anew. */
      frames = n_frames;
      t = g_get_monotonic_time ();
      gtk_widget_activate_action (GTK_WIDGET (row), "row.scope", "i",
                                  sandbar_path_row_get_scope (row) == SANDBAR_SOCKET_SCOPE_EXACT
                                  ? SANDBAR_SOCKET_SCOPE_SUBPATH : SANDBAR_SOCKET_SCOPE_EXACT);
      scopes[i] = (g_get_monotonic_time () - t) / 1000.0;
      scope_frames[i] = wait_for_frame (frames, t, scopes[i]);

      frames = n_frames;
      t = g_get_monotonic_time ();
      sandbar_profile_set_network_access (working, i % 2 ? SANDBAR_NETWORK_ACCESS_RESTRICTED
                                                         : SANDBAR_NETWORK_ACCESS_FULL);
      changes[i] = (g_get_monotonic_time () - t) / 1000.0;
      change_frames[i] = wait_for_frame (frames, t, changes[i]);

      /* A new name: the profile changes, its Seatbelt profile does not,
       * and the preview's buffer must be left alone (no relayout of the
       * source view). */
      {
        g_autofree char *name = g_strdup_printf ("Bench, %u sockets (%u)", n, i);

        handler = g_signal_connect (gtk_text_view_get_buffer (source_view), "changed",
                                    G_CALLBACK (on_buffer_changed), &buffer_changes);
        frames = n_frames;
        t = g_get_monotonic_time ();
        sandbar_profile_set_name (working, name);
        renames[i] = (g_get_monotonic_time () - t) / 1000.0;
        rename_frames[i] = wait_for_frame (frames, t, renames[i]);
        g_signal_handler_disconnect (gtk_text_view_get_buffer (source_view), handler);
      }
    }

  if (tsv)
    {
      g_autofree char *label = g_strdup_printf ("open a profile of %u sockets", n);
      BenchStats once = { open_ms, open_ms, open_ms };

      bench_row ("preview", label, &once, "ms", 0);
    }
  report ("type in a socket row", n, edits, ROUNDS, target);
  report ("  to the frame painted", n, edit_frames, ROUNDS, frame_target);
  report ("change a socket scope", n, scopes, ROUNDS, target);
  report ("  to the frame painted", n, scope_frames, ROUNDS, frame_target);
  report ("change the model", n, changes, ROUNDS, target);
  report ("  to the frame painted", n, change_frames, ROUNDS, frame_target);
  report ("rename (profile text unchanged)", n, renames, ROUNDS, target);
  report ("  to the frame painted", n, rename_frames, ROUNDS, frame_target);
  if (tsv)
    {
      g_autofree char *label =
        g_strdup_printf ("rename: preview buffer changes, %u sockets, %u renames", n, ROUNDS);
      BenchStats count = { buffer_changes, buffer_changes, buffer_changes };

      bench_row_full ("preview", label, &count, "", "0", buffer_changes == 0 ? "met" : "MISSED");
    }
  else
    printf ("%-32s %5u sockets: the preview's buffer changed %u times (should be 0)\n",
            "rename", n, buffer_changes);
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
  tsv = bench_want_tsv (&argc, &argv);

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

  /* In this process, once: bench-app times the real process start. */
  if (!tsv)
    {
      printf ("%-32s              %7.2f ms   (target 400 ms: %s)\n", "start in-process",
              (painted - start_time) / 1000.0,
              (painted - start_time) / 1000.0 <= 400 ? "met" : "MISSED");
      printf ("  gtk_init %.0f ms, startup (store, settings) %.0f ms, window %.0f ms, "
              "first frame %.0f ms\n",
              (initialized - start_time) / 1000.0, (started - initialized) / 1000.0,
              (built - started) / 1000.0, (painted - built) / 1000.0);
    }

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (on_frame), NULL);
  drain ();

  bench_sockets (app, window, 10, 0, 0);
  bench_sockets (app, window, 100, 8, 0);
  bench_sockets (app, window, 1000, 50, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  drain ();

  command = g_strdup_printf ("rm -rf '%s'", dir);
  g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
  return 0;
}
