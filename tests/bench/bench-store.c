/* bench-store.c — how long the profile store takes to load and to save
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built with the tests, run by `meson compile -C _build bench` (all
 * benchmarks, one table) or directly:
 *
 *   _build/tests/bench/bench-store [--tsv] [RUNS]
 *
 * In a fresh temporary folder it writes 1,000 profile files (the built-in
 * templates under other names, each with a few folders and sockets of its
 * own) and times
 *
 *   load          sandbar_profile_store_new() + _load(): the folder is
 *                 read, every file parsed and validated, the list sorted
 *                 and the folder watched; the page cache is warm
 *   save          sandbar_profile_store_save() of one changed profile:
 *                 validate, render, compare with the file on disk, write
 *                 a temporary file, fsync it, rename it, fsync the folder
 *
 * For the save, fsync() and fdatasync() are wrapped below (this program
 * defines them, so the calls of GLib and of the store reach these first)
 * and their time is reported apart: it is the disk's, not Sandbar's.
 * Issue 9's targets: load ≤ 100 ms, save ≤ 5 ms plus fsync.
 */

#include "config.h"

#include <dlfcn.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>
#include <unistd.h>

#include "bench-common.h"
#include "sandbar-profile-store.h"
#include "sandbar-templates.h"

#define DEFAULT_RUNS 21
#define N_PROFILES 1000

/* ---------------------------------------------------------------------- */
/* fsync, timed                                                            */
/* ---------------------------------------------------------------------- */

static double sync_us;
static guint n_syncs;

typedef int (*SyncFunc) (int fd);

static int
timed_sync (const char *name,
            int         fd)
{
  static SyncFunc real[2];
  SyncFunc *func = &real[name[1] == 'd'];
  double t0;
  int result;

  if (*func == NULL)
    *func = (SyncFunc) dlsym (RTLD_NEXT, name);
  t0 = bench_now_us ();
  result = (*func) (fd);
  sync_us += bench_now_us () - t0;
  n_syncs++;
  return result;
}

int fsync (int fd);
int fdatasync (int fd);

int
fsync (int fd)
{
  return timed_sync ("fsync", fd);
}

int
fdatasync (int fd)
{
  return timed_sync ("fdatasync", fd);
}

/* ---------------------------------------------------------------------- */

/* Writes @n profiles into @directory without fsync (setting up is not
 * what is measured). */
static void
write_profiles (const char *directory,
                guint       n)
{
  g_auto(GStrv) templates = sandbar_templates_list_ids ();
  guint n_templates = g_strv_length (templates);

  g_assert_cmpint (g_mkdir_with_parents (directory, 0700), ==, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("profile-%04u", i);
      g_autofree char *name = g_strdup_printf ("Project %04u", (i * 7919u) % n);
      g_autofree char *root = g_strdup_printf ("~/src/project-%04u", i);
      g_autofree char *socket = g_strdup_printf ("/run/user/1000/project-%04u.sock", i);
      g_autofree char *path = NULL;
      g_autofree char *data = NULL;
      g_autoptr(SandbarProfile) profile = NULL;
      g_autoptr(GError) error = NULL;
      const char *roots[] = { root, "/tmp/build", NULL };
      g_autoptr(GPtrArray) rules = g_ptr_array_new_with_free_func (g_object_unref);
      gsize length;

      profile = sandbar_templates_new_profile (templates[i % n_templates], id, &error);
      g_assert_no_error (error);
      sandbar_profile_set_name (profile, name);
      sandbar_profile_set_working_directory (profile, root);
      sandbar_profile_set_write_access (profile, SANDBAR_WRITE_ACCESS_ROOTS);
      sandbar_profile_set_writable_roots (profile, roots);
      sandbar_profile_set_socket_access (profile, SANDBAR_SOCKET_ACCESS_ALLOWLIST);
      g_ptr_array_add (rules, sandbar_socket_rule_new (socket, SANDBAR_SOCKET_SCOPE_EXACT));
      g_ptr_array_add (rules, sandbar_socket_rule_new ("$SSH_AUTH_SOCK",
                                                       SANDBAR_SOCKET_SCOPE_EXACT));
      sandbar_profile_set_socket_rules (profile, rules);

      data = sandbar_profile_to_data (profile, &length);
      path = g_strdup_printf ("%s/%s%s", directory, id, SANDBAR_PROFILE_SUFFIX);
      g_file_set_contents (path, data, length, &error);
      g_assert_no_error (error);
    }
}

static void
rm_rf (const char *path)
{
  g_autofree char *quoted = g_shell_quote (path);
  g_autofree char *command = g_strdup_printf ("rm -rf %s", quoted);

  g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
}

int
main (int   argc,
      char *argv[])
{
  gboolean tsv = bench_want_tsv (&argc, &argv);
  guint runs = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : DEFAULT_RUNS;
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *directory = NULL;
  g_autoptr(GArray) load_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) save_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) sync_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) total_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(SandbarProfileStore) store = NULL;
  BenchStats load, save, sync, total;
  guint syncs_per_save = 0;
  SandbarProfile *profile;

  setlocale (LC_ALL, "C.UTF-8");
  if (runs == 0)
    runs = DEFAULT_RUNS;

  tmp = g_dir_make_tmp ("sandbar-bench-store-XXXXXX", &error);
  g_assert_no_error (error);
  directory = g_build_filename (tmp, "profiles", NULL);
  write_profiles (directory, N_PROFILES);

  /* Load: one warm-up run, then RUNS runs. */
  for (guint i = 0; i <= runs; i++)
    {
      g_autoptr(SandbarProfileStore) loaded = NULL;
      double t0 = bench_now_us ();
      double t;

      loaded = sandbar_profile_store_new (directory);
      if (!sandbar_profile_store_load (loaded, &error))
        g_error ("%s", error->message);
      t = bench_now_us () - t0;
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (loaded)), ==, N_PROFILES);
      if (i > 0)
        g_array_append_val (load_times, t);
    }

  /* Save: the same profile, changed each time, as the window saves it. */
  store = sandbar_profile_store_new (directory);
  if (!sandbar_profile_store_load (store, &error))
    g_error ("%s", error->message);
  profile = sandbar_profile_store_lookup (store, "profile-0500");
  g_assert_nonnull (profile);

  for (guint i = 0; i <= runs; i++)
    {
      g_autofree char *description = g_strdup_printf ("Edited %u times", i + 1);
      double t0, t;

      sandbar_profile_set_description (profile, description);
      sync_us = 0;
      n_syncs = 0;
      t0 = bench_now_us ();
      if (!sandbar_profile_store_save (store, profile, NULL, &error))
        g_error ("%s", error->message);
      t = bench_now_us () - t0;
      syncs_per_save = n_syncs;
      if (i == 0)
        continue;
      g_array_append_val (total_times, t);
      g_array_append_val (sync_times, sync_us);
      t -= sync_us;
      g_array_append_val (save_times, t);
    }

  load = bench_stats (load_times);
  save = bench_stats (save_times);
  sync = bench_stats (sync_times);
  total = bench_stats (total_times);

  if (tsv)
    {
      BenchStats ms = { load.median / 1000, load.min / 1000, load.max / 1000 };

      bench_row ("store", "load 1,000 profiles", &ms, "ms", 100);
      ms = (BenchStats) { save.median / 1000, save.min / 1000, save.max / 1000 };
      bench_row ("store", "save one profile, without fsync", &ms, "ms", 5);
      ms = (BenchStats) { sync.median / 1000, sync.min / 1000, sync.max / 1000 };
      bench_row ("store", "save one profile: its fsyncs", &ms, "ms", 0);
      if (syncs_per_save == 0)
        printf ("note: store: no fsync was seen; the save time includes it\n");
    }
  else
    {
      printf ("Profile store, %u runs after one warm-up; times in ms: median (min … max)\n",
              runs);
      printf ("load %u profiles            %8.2f (%.2f … %.2f)   target ≤ 100: %s\n",
              N_PROFILES, load.median / 1000, load.min / 1000, load.max / 1000,
              load.median <= 100000 ? "met" : "MISSED");
      printf ("save one, without fsync       %8.2f (%.2f … %.2f)   target ≤ 5: %s\n",
              save.median / 1000, save.min / 1000, save.max / 1000,
              save.median <= 5000 ? "met" : "MISSED");
      printf ("save one: %u fsync calls       %8.2f (%.2f … %.2f)\n", syncs_per_save,
              sync.median / 1000, sync.min / 1000, sync.max / 1000);
      printf ("save one, total               %8.2f (%.2f … %.2f)\n",
              total.median / 1000, total.min / 1000, total.max / 1000);
    }

  g_clear_object (&store);
  rm_rf (tmp);
  return 0;
}
