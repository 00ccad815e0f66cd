/* sandbar-sbpl-reader.h — tokenizer and parser for SBPL with source spans
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SANDBAR_SBPL_READER_ERROR (sandbar_sbpl_reader_error_quark ())

/* Deepest nesting of lists (and quotes) the parser accepts. Generated
 * profiles nest about five deep; the limit keeps the recursive helpers
 * below safe from hostile or fuzzed input. */
#define SANDBAR_SBPL_MAX_DEPTH 512

/**
 * SandbarSbplReaderError:
 * @SANDBAR_SBPL_READER_ERROR_UNTERMINATED_STRING: a `"…"` string has no closing quote
 * @SANDBAR_SBPL_READER_ERROR_UNTERMINATED_REGEX: a `#"…"` regex literal has no closing quote
 * @SANDBAR_SBPL_READER_ERROR_UNTERMINATED_COMMENT: a `#|…|#` comment is not closed
 * @SANDBAR_SBPL_READER_ERROR_UNBALANCED_PAREN: a `(` is never closed
 * @SANDBAR_SBPL_READER_ERROR_UNEXPECTED_CLOSE: a `)` closes nothing, or follows a bare quote
 * @SANDBAR_SBPL_READER_ERROR_INVALID_ESCAPE: `\x` without two hex digits, or an octal
 *   escape above `\377`; TinyScheme fails with “Error reading string” on both
 * @SANDBAR_SBPL_READER_ERROR_INVALID_TOKEN: a token SBPL does not have: an unknown
 *   `#` form, a malformed or out-of-range number, quasiquote, a dotted pair,
 *   or a quote with nothing after it
 * @SANDBAR_SBPL_READER_ERROR_NUL_BYTE: a raw NUL byte in the text; C consumers
 *   (sandbox-exec, TinyScheme) would stop reading there
 * @SANDBAR_SBPL_READER_ERROR_TOO_DEEP: lists nest deeper than %SANDBAR_SBPL_MAX_DEPTH
 *
 * Why SBPL text could not be read. Every message starts with the
 * position of the problem as `LINE:COLUMN: `, for example
 * `3:14: unterminated string`.
 */
typedef enum
{
  SANDBAR_SBPL_READER_ERROR_UNTERMINATED_STRING,
  SANDBAR_SBPL_READER_ERROR_UNTERMINATED_REGEX,
  SANDBAR_SBPL_READER_ERROR_UNTERMINATED_COMMENT,
  SANDBAR_SBPL_READER_ERROR_UNBALANCED_PAREN,
  SANDBAR_SBPL_READER_ERROR_UNEXPECTED_CLOSE,
  SANDBAR_SBPL_READER_ERROR_INVALID_ESCAPE,
  SANDBAR_SBPL_READER_ERROR_INVALID_TOKEN,
  SANDBAR_SBPL_READER_ERROR_NUL_BYTE,
  SANDBAR_SBPL_READER_ERROR_TOO_DEEP,
} SandbarSbplReaderError;

/**
 * SandbarSbplSpan:
 * @start: byte offset of the first byte
 * @end: byte offset just after the last byte
 * @line: 1-based line of @start
 * @column: 1-based column of @start, counted in bytes (so that
 *   `gtk_text_buffer_get_iter_at_line_index (buffer, &iter, line - 1, column - 1)`
 *   finds it)
 *
 * Where a token or node is in the text.
 */
typedef struct
{
  gsize start;
  gsize end;
  guint line;
  guint column;
} SandbarSbplSpan;

/**
 * SandbarSbplTokenKind:
 * @SANDBAR_SBPL_TOKEN_OPEN: `(`
 * @SANDBAR_SBPL_TOKEN_CLOSE: `)`
 * @SANDBAR_SBPL_TOKEN_QUOTE: `'`
 * @SANDBAR_SBPL_TOKEN_SYMBOL: a symbol such as `allow`, `file-read*`, `AF_UNIX`
 * @SANDBAR_SBPL_TOKEN_STRING: a string literal `"…"`, quotes included
 * @SANDBAR_SBPL_TOKEN_REGEX: a regex literal `#"…"`, delimiters included
 * @SANDBAR_SBPL_TOKEN_NUMBER: `42`, `-1`, `#o0004`, `#x1F`, `#b101`, `#d9`
 * @SANDBAR_SBPL_TOKEN_BOOLEAN: `#t` or `#f`
 * @SANDBAR_SBPL_TOKEN_LINE_COMMENT: `;` up to (not including) the line end
 * @SANDBAR_SBPL_TOKEN_BLOCK_COMMENT: `#|…|#`, which may nest
 * @SANDBAR_SBPL_TOKEN_ERROR: text that could not be read (see [method@SbplTokenizer.next])
 *
 * The kinds of token; tokens and whitespace together cover the text.
 */
typedef enum
{
  SANDBAR_SBPL_TOKEN_OPEN,
  SANDBAR_SBPL_TOKEN_CLOSE,
  SANDBAR_SBPL_TOKEN_QUOTE,
  SANDBAR_SBPL_TOKEN_SYMBOL,
  SANDBAR_SBPL_TOKEN_STRING,
  SANDBAR_SBPL_TOKEN_REGEX,
  SANDBAR_SBPL_TOKEN_NUMBER,
  SANDBAR_SBPL_TOKEN_BOOLEAN,
  SANDBAR_SBPL_TOKEN_LINE_COMMENT,
  SANDBAR_SBPL_TOKEN_BLOCK_COMMENT,
  SANDBAR_SBPL_TOKEN_ERROR,
} SandbarSbplTokenKind;

/**
 * SandbarSbplToken:
 * @kind: what the token is
 * @span: where it is
 *
 * One token of SBPL text.
 */
typedef struct
{
  SandbarSbplTokenKind kind;
  SandbarSbplSpan      span;
} SandbarSbplToken;

/**
 * SandbarSbplNodeKind:
 * @SANDBAR_SBPL_NODE_LIST: `( … )`; a quote `'x` reads as the list `(quote x)`
 * @SANDBAR_SBPL_NODE_SYMBOL: a symbol, as written (no case folding)
 * @SANDBAR_SBPL_NODE_STRING: a string literal, decoded
 * @SANDBAR_SBPL_NODE_REGEX: a `#"…"` literal, raw (backslashes kept)
 * @SANDBAR_SBPL_NODE_NUMBER: an integer
 * @SANDBAR_SBPL_NODE_BOOLEAN: `#t` or `#f`
 *
 * The kinds of node in a parsed tree.
 */
typedef enum
{
  SANDBAR_SBPL_NODE_LIST,
  SANDBAR_SBPL_NODE_SYMBOL,
  SANDBAR_SBPL_NODE_STRING,
  SANDBAR_SBPL_NODE_REGEX,
  SANDBAR_SBPL_NODE_NUMBER,
  SANDBAR_SBPL_NODE_BOOLEAN,
} SandbarSbplNodeKind;

typedef struct _SandbarSbplNode SandbarSbplNode;

/**
 * SandbarSbplNode:
 * @kind: what the node is
 * @span: where it is in the text; for a list from `(` through `)`
 * @value: (nullable): %NULL for a list; otherwise the node's bytes,
 *   NUL-terminated for convenience but possibly holding NUL bytes (`"\x00"`),
 *   so use @length: the decoded string, the raw regex, the symbol or
 *   number as written, or `#t`/`#f`
 * @length: length of @value in bytes
 * @number: the value of a number; 1 or 0 for a boolean; 0 otherwise
 * @children: (element-type SandbarSbplNode) (nullable): the elements of a
 *   list (owned), %NULL for other kinds
 *
 * A node of the tree returned by sandbar_sbpl_parse(). The fields are
 * public and read-only; free a tree with sandbar_sbpl_node_free().
 */
struct _SandbarSbplNode
{
  SandbarSbplNodeKind  kind;
  SandbarSbplSpan      span;
  char                *value;
  gsize                length;
  gint64               number;
  GPtrArray           *children;
};

typedef struct _SandbarSbplTokenizer SandbarSbplTokenizer;

GQuark                sandbar_sbpl_reader_error_quark    (void);

SandbarSbplTokenizer *sandbar_sbpl_tokenizer_new         (const char            *text,
                                                          gssize                 length);
gboolean              sandbar_sbpl_tokenizer_next        (SandbarSbplTokenizer  *self,
                                                          SandbarSbplToken      *token,
                                                          GError               **error);
void                  sandbar_sbpl_tokenizer_free        (SandbarSbplTokenizer  *self);
GArray               *sandbar_sbpl_tokenize              (const char            *text,
                                                          gssize                 length);

SandbarSbplNode      *sandbar_sbpl_parse                 (const char            *text,
                                                          gssize                 length,
                                                          GError               **error);
SandbarSbplNode      *sandbar_sbpl_parse_full            (const char            *text,
                                                          gssize                 length,
                                                          SandbarSbplSpan       *error_span,
                                                          GError               **error);
void                  sandbar_sbpl_node_free             (SandbarSbplNode       *node);

const char           *sandbar_sbpl_node_get_head         (const SandbarSbplNode *node);
gboolean              sandbar_sbpl_node_is_call          (const SandbarSbplNode *node,
                                                          const char            *head);
gboolean              sandbar_sbpl_node_equal_bytes      (const SandbarSbplNode *node,
                                                          const char            *bytes,
                                                          gssize                 length);
GPtrArray            *sandbar_sbpl_node_find_calls       (const SandbarSbplNode *node,
                                                          const char            *head);
GPtrArray            *sandbar_sbpl_node_collect          (const SandbarSbplNode *node,
                                                          SandbarSbplNodeKind    kind);
GPtrArray            *sandbar_sbpl_node_collect_strings  (const SandbarSbplNode *node);
GBytes               *sandbar_sbpl_node_eval_string      (const SandbarSbplNode *node);

void                  sandbar_sbpl_append_quoted         (GString               *out,
                                                          const char            *s,
                                                          gsize                  len);
char                 *sandbar_sbpl_quote_string          (const char            *s,
                                                          gsize                  len);
void                  sandbar_sbpl_append_string         (GString               *out,
                                                          const char            *s,
                                                          gsize                  len,
                                                          gsize                  max_literal);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SandbarSbplNode, sandbar_sbpl_node_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SandbarSbplTokenizer, sandbar_sbpl_tokenizer_free)

G_END_DECLS
