/* fuzz-shell-quote.c — launcher-script quoting against a real /bin/sh
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input, split at NUL bytes, is an argv (NUL is the one byte an
 * argument cannot hold). sandbar_terminal_shell_quote_argv() quotes it,
 * with sandbar-test-recorder as the program, into the line a launcher
 * script ends with, `exec <quoted words>`, and the words must come back
 * exactly:
 *
 *  - always, in process: a strict reader of POSIX shell words (single
 *    quotes, backslash escapes, blanks between words) reads the quoted
 *    text back to the same argv, and finds no unquoted character that a
 *    shell treats specially (`$`, backquote, `;`, `|`, `&`, redirections,
 *    globs, `~`, `#`, a line break…);
 *  - on every 16th input (every input in the reproducer), for real: the
 *    script is written to a file and run by /bin/sh, it execs the
 *    recorder, and the recorded argv must equal the input.
 *
 * Why both: a shell per input costs two exec()s, which keeps libFuzzer
 * near a few hundred inputs a second; the in-process reader runs at full
 * speed and guards the same promise, while the sampled real shell keeps
 * that reader honest (the real shell is the judge, and any input where
 * the two disagree fails). $FUZZ_SHELL_EVERY changes the sample rate.
 */

#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/wait.h>

#include <glib/gstdio.h>

#include "fuzz.h"
#include "sandbar-terminal.h"

#ifndef SANDBAR_TEST_RECORDER
#error "SANDBAR_TEST_RECORDER must name the recorder binary"
#endif

static char *work_dir;
static char *script_path;
static char *record_path;
static guint shell_every = 16;
static guint64 n_inputs;

static void
remove_work_dir (void)
{
  g_unlink (record_path);
  g_unlink (script_path);
  g_rmdir (work_dir);
}

void
fuzz_init (void)
{
  g_autoptr(GError) error = NULL;
  const char *every = g_getenv ("FUZZ_SHELL_EVERY");

  if (every != NULL && atoi (every) > 0)
    shell_every = atoi (every);
  work_dir = g_dir_make_tmp ("sandbar-fuzz-XXXXXX", &error);
  if (work_dir == NULL)
    fuzz_fail ("%s", error->message);
  script_path = g_build_filename (work_dir, "launch.sh", NULL);
  record_path = g_build_filename (work_dir, "record", NULL);
  atexit (remove_work_dir);
}

/* POSIX shell words, strictly: outside quotes only blanks, `'…'` and
 * backslash escapes are accepted, plus ordinary characters that no shell
 * treats specially anywhere in a word. Returns %NULL with @reason set on
 * anything else. */
static GPtrArray *
read_words (const char  *text,
            const char **reason)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) word = NULL;
  const char *p = text;

  while (*p != '\0')
    {
      char c = *p;

      if (c == ' ' || c == '\t')
        {
          if (word != NULL)
            g_ptr_array_add (words, g_string_free (g_steal_pointer (&word), FALSE));
          p++;
          continue;
        }

      if (word == NULL)
        word = g_string_new (NULL);

      if (c == '\'')
        {
          const char *end = strchr (p + 1, '\'');

          if (end == NULL)
            {
              *reason = "unterminated single quote";
              return NULL;
            }
          g_string_append_len (word, p + 1, end - (p + 1));
          p = end + 1;
        }
      else if (c == '\\')
        {
          if (p[1] == '\0' || p[1] == '\n')
            {
              *reason = "backslash at the end of a line";
              return NULL;
            }
          g_string_append_c (word, p[1]);
          p += 2;
        }
      else if (strchr ("\n|&;<>()$`\"*?[]#~=%{}!^", c) != NULL)
        {
          *reason = "an unquoted special character";
          return NULL;
        }
      else
        {
          g_string_append_c (word, c);
          p++;
        }
    }

  if (word != NULL)
    g_ptr_array_add (words, g_string_free (g_steal_pointer (&word), FALSE));
  return g_steal_pointer (&words);
}

static void
check_words (GPtrArray          *got,
             const char * const *argv,
             const char         *who,
             const char         *quoted)
{
  guint n = g_strv_length ((char **) argv);

  if (got->len != n)
    fuzz_fail ("%s read %u words, not %u, from: %s", who, got->len, n, quoted);
  for (guint i = 0; i < n; i++)
    if (strcmp (g_ptr_array_index (got, i), argv[i]) != 0)
      fuzz_fail ("%s read word %u as \"%s\", not \"%s\", from: %s",
                 who, i, (char *) g_ptr_array_index (got, i), argv[i], quoted);
}

static GPtrArray *
run_shell (const char *quoted)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *script = g_strconcat ("exec ", quoted, "\n", NULL);
  g_autofree char *record = NULL;
  g_autofree char *env_out = g_strconcat ("SANDBAR_RECORDER_OUT=", record_path, NULL);
  const char *sh_argv[] = { "/bin/sh", script_path, NULL };
  const char *sh_env[] = { "PATH=/usr/bin:/bin", env_out, "LC_ALL=C", NULL };
  GPtrArray *words;
  gsize length;
  int status;

  g_unlink (record_path);
  /* No fsync: a scratch file, rewritten hundreds of times a second. */
  if (!g_file_set_contents_full (script_path, script, -1, G_FILE_SET_CONTENTS_NONE, 0600,
                                 &error))
    fuzz_fail ("%s", error->message);

  /* No working directory, no child set-up, descriptors left open: GLib can then use
   * posix_spawn() instead of fork(), which is what makes this affordable
   * from a process with ASan's large address space. */
  if (!g_spawn_sync (NULL, (char **) sh_argv, (char **) sh_env,
                     G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL |
                     G_SPAWN_LEAVE_DESCRIPTORS_OPEN,
                     NULL, NULL, NULL, NULL, &status, &error))
    fuzz_fail ("cannot run /bin/sh: %s", error->message);
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    fuzz_fail ("/bin/sh or the recorder failed (status %d) on: %s", status, script);
  if (!g_file_get_contents (record_path, &record, &length, &error))
    fuzz_fail ("no record: %s", error->message);

  /* cwd NUL, then each argv element NUL-terminated. */
  words = g_ptr_array_new_with_free_func (g_free);
  for (gsize start = strlen (record) + 1, i = start; i < length; i++)
    if (record[i] == '\0')
      {
        g_ptr_array_add (words, g_strndup (record + start, i - start));
        start = i + 1;
      }
  return words;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) words = NULL;
  g_autofree char *quoted = NULL;
  const char *reason = NULL;
  size_t start = 0;

  /* The recorder is the program; the fuzzer's words its arguments. A
   * sandboxed command line is rarely long: 64 words is plenty. */
  g_ptr_array_add (argv, g_strdup (SANDBAR_TEST_RECORDER));
  for (size_t i = 0; i <= size && argv->len < 64; i++)
    if (i == size || data[i] == '\0')
      {
        g_ptr_array_add (argv, g_strndup ((const char *) data + start, i - start));
        start = i + 1;
      }
  g_ptr_array_add (argv, NULL);

  quoted = sandbar_terminal_shell_quote_argv ((const char * const *) argv->pdata);
  fuzz_check (quoted != NULL);

  words = read_words (quoted, &reason);
  if (words == NULL)
    fuzz_fail ("the quoted words are not plain shell words (%s): %s", reason, quoted);
  check_words (words, (const char * const *) argv->pdata, "the word reader", quoted);

  if (fuzz_exhaustive || n_inputs++ % shell_every == 0)
    {
      g_autoptr(GPtrArray) recorded = run_shell (quoted);

      check_words (recorded, (const char * const *) argv->pdata, "/bin/sh", quoted);
    }
  return 0;
}
