/* bench-common.h — timing, statistics and the rows of the benchmark table
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every benchmark program prints its own readable report, and with
 * `--tsv` one line per figure instead, which tests/bench/bench.py gathers
 * into the one table of `meson compile -C _build bench`:
 *
 *   row <TAB> section <TAB> case <TAB> median <TAB> min <TAB> max <TAB> unit
 *       <TAB> target <TAB> verdict
 *
 * The verdict is "met", "MISSED" or empty (no target). Lines that start
 * with "note:" are shown under the table; others are ignored.
 */

#pragma once

#include <glib.h>
#include <stdio.h>
#include <string.h>

typedef struct
{
  double median;
  double min;
  double max;
} BenchStats;

static inline double
bench_now_us (void)
{
  return (double) g_get_monotonic_time ();
}

static inline int
bench_compare_doubles (gconstpointer a,
                       gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* Sorts @samples. The median of an even count is the lower middle one,
 * a value that was measured. */
static inline BenchStats
bench_stats (GArray *samples)
{
  g_assert (samples->len > 0);
  g_array_sort (samples, bench_compare_doubles);
  return (BenchStats) {
    g_array_index (samples, double, (samples->len - 1) / 2),
    g_array_index (samples, double, 0),
    g_array_index (samples, double, samples->len - 1),
  };
}

static inline BenchStats
bench_stats_of (const double *samples,
                guint         n)
{
  g_autoptr(GArray) array = g_array_sized_new (FALSE, FALSE, sizeof (double), n);

  g_array_append_vals (array, samples, n);
  return bench_stats (array);
}

/* One figure, with its target (as text) and whether it is met
 * ("met", "MISSED" or "" when there is no target). */
static inline void
bench_row_full (const char       *section,
                const char       *label,
                const BenchStats *s,
                const char       *unit,
                const char       *target,
                const char       *verdict)
{
  printf ("row\t%s\t%s\t%.2f\t%.2f\t%.2f\t%s\t%s\t%s\n", section, label, s->median, s->min,
          s->max, unit, target, verdict);
  fflush (stdout);
}

/* One figure whose median must be at most @target; @target <= 0 means
 * there is no target. */
static inline void
bench_row (const char       *section,
           const char       *label,
           const BenchStats *s,
           const char       *unit,
           double            target)
{
  char text[32] = "";

  if (target > 0)
    g_snprintf (text, sizeof text, "≤ %g", target);
  bench_row_full (section, label, s, unit, text,
                  target <= 0 ? "" : s->median <= target ? "met" : "MISSED");
}

static inline gboolean
bench_want_tsv (int    *argc,
                char ***argv)
{
  for (int i = 1; i < *argc; i++)
    if (strcmp ((*argv)[i], "--tsv") == 0)
      {
        memmove (&(*argv)[i], &(*argv)[i + 1], (*argc - i) * sizeof (char *));
        (*argc)--;
        return TRUE;
      }

  return FALSE;
}
