/* sandbar-test-recorder.h — reading what sandbar-test-recorder wrote
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <string.h>

/* A file of the recorder's: strings, each followed by a NUL byte. */
static inline GStrv
recorder_read_strings (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *contents = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 0);
  g_assert_cmpint (contents[length - 1], ==, '\0');

  for (gsize start = 0; start < length; start += strlen (contents + start) + 1)
    g_strv_builder_add (builder, contents + start);

  return g_strv_builder_end (builder);
}
