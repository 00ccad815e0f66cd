/* fuzz-profile-keyfile.c — the profile key file loader and validator
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A profile file is hand-editable and shared between people, so any bytes
 * must load as a valid profile or give an error, never a crash. For a file
 * that loads:
 *  - the profile validates (the loader let nothing invalid through);
 *  - it saves (sandbar_profile_to_data()) as UTF-8 text that loads again
 *    as an equal profile (sandbar_profile_equal()): nothing is lost or
 *    changes meaning on a load/save round trip;
 *  - saving again gives the same text, except for carriage returns:
 *    GKeyFile drops one `\r` before each line break when it reads a file
 *    (CRLF files load as LF), so a value, blank line or comment that ends
 *    in several of them loses one per save — a line-ending normalization
 *    of text Sandbar does not interpret, never a change of meaning;
 *  - a copy is equal, and saves to the same text.
 * For a file that does not: the error is in the profile domain, its
 * message is UTF-8 (it is shown to the user), and the line it names is
 * inside the file.
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "fuzz.h"
#include "sandbar-profile.h"

void
fuzz_init (void)
{
}

static guint
count_lines (const uint8_t *data,
             size_t         size)
{
  guint lines = 1;

  for (size_t i = 0; i < size; i++)
    if (data[i] == '\n')
      lines++;
  return lines;
}

static char *
without_cr (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (*p != '\r')
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(SandbarProfile) profile = NULL;
  g_autoptr(SandbarProfile) again = NULL;
  g_autoptr(SandbarProfile) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *saved_again = NULL;
  g_autofree char *saved_copy = NULL;
  gsize saved_length, saved_again_length;
  guint line = G_MAXUINT;

  /* Never NUL-terminated, as a file read from disk need not be. */
  profile = sandbar_profile_new_from_data ("fuzz", (const char *) data, size, &line, &error);
  if (profile == NULL)
    {
      fuzz_check (error != NULL);
      fuzz_check (error->domain == SANDBAR_PROFILE_ERROR);
      fuzz_check (g_utf8_validate (error->message, -1, NULL));
      fuzz_check (line <= count_lines (data, size));
      if (fuzz_verbose)
        printf ("#   refused (line %u): %s\n", line, error->message);
      return 0;
    }
  fuzz_check (error == NULL);
  fuzz_check (line == 0);

  if (!sandbar_profile_validate (profile, &error))
    fuzz_fail ("a loaded profile does not validate: %s", error->message);

  saved = sandbar_profile_to_data (profile, &saved_length);
  fuzz_check (saved != NULL);
  fuzz_check (strlen (saved) == saved_length);
  fuzz_check (g_utf8_validate (saved, saved_length, NULL));

  again = sandbar_profile_new_from_data ("fuzz", saved, saved_length, &line, &error);
  if (again == NULL)
    fuzz_fail ("a saved profile does not load again (line %u): %s\n--- saved:\n%s",
               line, error->message, saved);
  if (!sandbar_profile_equal (profile, again))
    fuzz_fail ("a saved profile loads as a different one\n--- saved:\n%s", saved);

  saved_again = sandbar_profile_to_data (again, &saved_again_length);
  {
    g_autofree char *first = without_cr (saved);
    g_autofree char *second = without_cr (saved_again);

    if (strcmp (first, second) != 0)
      fuzz_fail ("saving twice changes the text\n--- first:\n%s\n--- second:\n%s",
                 saved, saved_again);
  }

  copy = sandbar_profile_copy (profile, "fuzz");
  fuzz_check (sandbar_profile_equal (profile, copy));
  saved_copy = sandbar_profile_to_data (copy, NULL);
  fuzz_check (strcmp (saved, saved_copy) == 0);

  return 0;
}
