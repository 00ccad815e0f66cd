/* fuzz-common.c — set-up shared by the libFuzzer and reproducer builds
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fuzz.h"

gboolean fuzz_exhaustive = FALSE;
gboolean fuzz_verbose = FALSE;

/* A g_return_if_fail(), a warning or an error is a bug the fuzzer found:
 * print it and abort(), which libFuzzer catches and saves the input for
 * (GLib's own fatal path raises SIGTRAP, which it does not). */
static GLogWriterOutput
fatal_writer (GLogLevelFlags   log_level,
              const GLogField *fields,
              gsize            n_fields,
              gpointer         user_data)
{
  g_log_writer_standard_streams (log_level, fields, n_fields, user_data);
  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    abort ();
  return G_LOG_WRITER_HANDLED;
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_writer_func (fatal_writer, NULL, NULL);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  fuzz_verbose = g_getenv ("FUZZ_VERBOSE") != NULL;
  fuzz_init ();
  return 0;
}
