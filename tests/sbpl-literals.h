/* sbpl-literals.h — how long the string literals of SBPL text are
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sandbar-sbpl-reader.h"

/* The longest string literal of @text, in bytes between its quotes as
 * written (escapes count two): what sandbox-exec's and TinyScheme's
 * readers have to hold. */
static inline gsize
sbpl_longest_literal (const GString *text)
{
  g_autoptr(GArray) tokens = sandbar_sbpl_tokenize (text->str, text->len);
  gsize longest = 0;

  for (guint i = 0; i < tokens->len; i++)
    {
      SandbarSbplToken *token = &g_array_index (tokens, SandbarSbplToken, i);

      if (token->kind == SANDBAR_SBPL_TOKEN_STRING)
        longest = MAX (longest, token->span.end - token->span.start - 2);
    }
  return longest;
}
