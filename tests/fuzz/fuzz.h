/* fuzz.h — what every fuzz target shares
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A target defines LLVMFuzzerTestOneInput() (and may define
 * fuzz_init()). With -Dfuzzing=true it is linked with libFuzzer; without
 * it, with fuzz-main.c, a reproducer that runs the target over the files
 * and folders named on its command line (the seed corpus and the
 * regression inputs), so every target builds and runs with any compiler.
 *
 * A target reports a broken promise with fuzz_fail(), which aborts: to
 * libFuzzer and to the reproducer's test alike, that is a crash.
 */

#pragma once

#include <glib.h>
#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);
int LLVMFuzzerInitialize   (int           *argc,
                            char        ***argv);

/* Set by the reproducer: run the slow checks (such as spawning a shell)
 * on every input instead of a sample. */
extern gboolean fuzz_exhaustive;

/* $FUZZ_VERBOSE is set: targets say what they did with each input. */
extern gboolean fuzz_verbose;

/* Called once before the first input. */
void fuzz_init (void);

#define fuzz_fail(...) \
  G_STMT_START { \
    g_printerr ("fuzz: %s:%d: ", __FILE__, __LINE__); \
    g_printerr (__VA_ARGS__); \
    g_printerr ("\n"); \
    abort (); \
  } G_STMT_END

#define fuzz_check(expr) \
  G_STMT_START { \
    if (G_UNLIKELY (!(expr))) \
      fuzz_fail ("check failed: %s", #expr); \
  } G_STMT_END

/* Reads fuzzer bytes in order; past the end every read gives 0 / "". */
typedef struct
{
  const uint8_t *data;
  size_t         size;
} FuzzInput;

static inline guint8
fuzz_byte (FuzzInput *in)
{
  guint8 b;

  if (in->size == 0)
    return 0;
  b = in->data[0];
  in->data++;
  in->size--;
  return b;
}

static inline guint16
fuzz_u16 (FuzzInput *in)
{
  guint16 hi = fuzz_byte (in);

  return (guint16) (hi << 8 | fuzz_byte (in));
}

/* Up to @max bytes as a new NUL-terminated string (the bytes may hold NUL,
 * which ends the C string early: that is input too). */
static inline char *
fuzz_bytes (FuzzInput *in,
            size_t     max)
{
  size_t n = MIN (max, in->size);
  char *s = g_strndup ((const char *) in->data, n);

  in->data += n;
  in->size -= n;
  return s;
}
