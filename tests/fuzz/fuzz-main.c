/* fuzz-main.c — runs a fuzz target over files, without libFuzzer
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: fuzz-TARGET FILE-OR-FOLDER…
 *
 * Each file is one input; a folder stands for the files in it (sorted by
 * name, not recursive, dot files skipped). A missing folder is skipped, so
 * a target without regression inputs yet still runs its seeds. Exits 0
 * when every input ran; a broken promise aborts (see fuzz.h).
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "fuzz.h"

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static guint
run_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, &error))
    {
      g_printerr ("%s\n", error->message);
      exit (1);
    }

  /* Copy to a buffer of exactly the input's size, so that ASan sees a
   * read past the end as libFuzzer would. */
  {
    g_autofree uint8_t *copy = g_memdup2 (contents, length);

    if (fuzz_verbose)
      printf ("# %s\n", path);
    LLVMFuzzerTestOneInput (copy, length);
  }
  return 1;
}

static guint
run_path (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = NULL;
  const char *name;
  guint n = 0;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    return g_file_test (path, G_FILE_TEST_EXISTS) ? run_file (path) : 0;

  dir = g_dir_open (path, 0, NULL);
  if (dir == NULL)
    return 0;

  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (names, g_build_filename (path, name, NULL));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    if (g_file_test (g_ptr_array_index (names, i), G_FILE_TEST_IS_REGULAR))
      n += run_file (g_ptr_array_index (names, i));
  return n;
}

int
main (int   argc,
      char *argv[])
{
  guint n = 0;

  if (argc < 2)
    {
      g_printerr ("usage: %s FILE-OR-FOLDER…\n", argv[0]);
      return 2;
    }

  /* Line by line, so that the last input named is the one that aborted. */
  setvbuf (stdout, NULL, _IOLBF, 0);
  fuzz_exhaustive = TRUE;
  LLVMFuzzerInitialize (&argc, &argv);

  for (int i = 1; i < argc; i++)
    {
      guint ran = run_path (argv[i]);

      printf ("# %s: %u inputs\n", argv[i], ran);
      n += ran;
    }

  if (n == 0)
    {
      g_printerr ("no inputs found\n");
      return 1;
    }
  printf ("%u passed, 0 failed\n", n);
  return 0;
}
