/* fuzz-sbpl-reader.c — the SBPL tokenizer and parser on arbitrary bytes
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reader reads text a user pastes or edits, so any bytes must give a
 * tree or an error, never a crash, a hang or a read past the end. Beyond
 * "no crash" this checks what the preview and the tests rely on:
 *  - sandbar_sbpl_tokenize() and the step-by-step tokenizer agree, and
 *    their spans are in order, inside the text, and cover no byte twice;
 *  - a parse error comes with a span inside the text; a tree's spans are
 *    inside the text and each child lies inside its parent;
 *  - a string node, quoted again with sandbar_sbpl_quote_string(), reads
 *    back to the same bytes (the inline rendering depends on this);
 *  - the input itself, as a string literal, reads back to itself.
 */

#include "config.h"

#include <string.h>

#include "fuzz.h"
#include "sandbar-sbpl-reader.h"

void
fuzz_init (void)
{
}

static void
check_span (const SandbarSbplSpan *span,
            size_t                 size)
{
  fuzz_check (span->start <= span->end);
  fuzz_check (span->end <= size);
  fuzz_check (span->line >= 1);
}

static void
check_requote (const char *value,
               gsize       length)
{
  g_autofree char *quoted = NULL;
  g_autoptr(SandbarSbplNode) root = NULL;
  g_autoptr(GError) error = NULL;
  SandbarSbplNode *node;

  if (memchr (value, '\0', length) != NULL)
    return;
  quoted = sandbar_sbpl_quote_string (value, length);
  root = sandbar_sbpl_parse (quoted, -1, &error);
  if (root == NULL)
    fuzz_fail ("quoted string does not read back: %s", error->message);
  fuzz_check (root->children->len == 1);
  node = g_ptr_array_index (root->children, 0);
  fuzz_check (node->kind == SANDBAR_SBPL_NODE_STRING);
  fuzz_check (sandbar_sbpl_node_equal_bytes (node, value, length));
}

static void
check_tree (const SandbarSbplNode *node,
            const SandbarSbplNode *parent,
            size_t                 size,
            guint                  depth)
{
  fuzz_check (depth <= SANDBAR_SBPL_MAX_DEPTH + 2);
  check_span (&node->span, size);
  if (parent != NULL && parent->span.end > parent->span.start)
    {
      fuzz_check (node->span.start >= parent->span.start);
      fuzz_check (node->span.end <= parent->span.end);
    }

  switch (node->kind)
    {
    case SANDBAR_SBPL_NODE_LIST:
      fuzz_check (node->children != NULL);
      for (guint i = 0; i < node->children->len; i++)
        check_tree (g_ptr_array_index (node->children, i), node, size, depth + 1);
      break;
    case SANDBAR_SBPL_NODE_STRING:
      fuzz_check (node->value != NULL);
      check_requote (node->value, node->length);
      break;
    case SANDBAR_SBPL_NODE_SYMBOL:
    case SANDBAR_SBPL_NODE_REGEX:
      fuzz_check (node->value != NULL);
      break;
    case SANDBAR_SBPL_NODE_NUMBER:
    case SANDBAR_SBPL_NODE_BOOLEAN:
      break;
    default:
      fuzz_fail ("unknown node kind %d", node->kind);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *text = (const char *) data;
  g_autoptr(GArray) tokens = NULL;
  g_autoptr(SandbarSbplTokenizer) tokenizer = NULL;
  g_autoptr(SandbarSbplNode) root = NULL;
  g_autoptr(GError) error = NULL;
  SandbarSbplSpan error_span = { 0, };
  gsize last_end = 0;
  guint n = 0;

  /* All at once, and step by step: the same tokens. */
  tokens = sandbar_sbpl_tokenize (text, size);
  tokenizer = sandbar_sbpl_tokenizer_new (text, size);
  for (;;)
    {
      g_autoptr(GError) local_error = NULL;
      SandbarSbplToken token;
      const SandbarSbplToken *expected;

      if (!sandbar_sbpl_tokenizer_next (tokenizer, &token, &local_error) &&
          local_error == NULL)
        break;
      fuzz_check (n < tokens->len);
      expected = &g_array_index (tokens, SandbarSbplToken, n);
      fuzz_check (token.kind == expected->kind);
      fuzz_check (token.span.start == expected->span.start);
      fuzz_check (token.span.end == expected->span.end);
      fuzz_check ((local_error != NULL) == (token.kind == SANDBAR_SBPL_TOKEN_ERROR));
      check_span (&token.span, size);
      fuzz_check (token.span.start >= last_end);
      /* Every step moves on, or the highlighter would loop forever. */
      fuzz_check (token.span.end > token.span.start);
      last_end = token.span.end;
      n++;
    }
  fuzz_check (n == tokens->len);

  root = sandbar_sbpl_parse_full (text, size, &error_span, &error);
  if (root == NULL)
    {
      fuzz_check (error != NULL);
      fuzz_check (error->domain == SANDBAR_SBPL_READER_ERROR);
      fuzz_check (g_utf8_validate (error->message, -1, NULL));
      check_span (&error_span, size);
    }
  else
    {
      fuzz_check (error == NULL);
      fuzz_check (root->kind == SANDBAR_SBPL_NODE_LIST);
      check_tree (root, NULL, size, 0);
    }

  check_requote (text, size);
  return 0;
}
