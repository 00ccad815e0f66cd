/* test-sbpl-reader.c — tests for the SBPL tokenizer and parser
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "sandbar-sbpl-reader.h"

#define T(k) SANDBAR_SBPL_TOKEN_##k
#define END_OF_TOKENS ((SandbarSbplTokenKind) -1)


/* Tokens: every kind, and the exact text each token covers */

typedef struct
{
  SandbarSbplTokenKind kind;
  const char          *text;
} ExpectedToken;

typedef struct
{
  const char    *name;
  const char    *text;
  ExpectedToken  tokens[16];
} TokenCase;

static const TokenCase token_cases[] = {
  { "parens", "(a)", { { T (OPEN), "(" }, { T (SYMBOL), "a" }, { T (CLOSE), ")" },
                       { END_OF_TOKENS } } },
  { "symbols", " file-read* AF_UNIX\tnetwork-outbound a'b a#b . ",
    { { T (SYMBOL), "file-read*" }, { T (SYMBOL), "AF_UNIX" },
      { T (SYMBOL), "network-outbound" }, { T (SYMBOL), "a'b" }, { T (SYMBOL), "a#b" },
      { T (ERROR), "." }, { END_OF_TOKENS } } },
  { "symbol-delimiters", "a(b)c\"d\"e;f",
    { { T (SYMBOL), "a" }, { T (OPEN), "(" }, { T (SYMBOL), "b" }, { T (CLOSE), ")" },
      { T (SYMBOL), "c" }, { T (STRING), "\"d\"" }, { T (SYMBOL), "e" },
      { T (LINE_COMMENT), ";f" }, { END_OF_TOKENS } } },
  { "strings", "\"\" \"a b\" \"a\\\"b\" \"x\\\\\" \"(;#)\"",
    { { T (STRING), "\"\"" }, { T (STRING), "\"a b\"" }, { T (STRING), "\"a\\\"b\"" },
      { T (STRING), "\"x\\\\\"" }, { T (STRING), "\"(;#)\"" }, { END_OF_TOKENS } } },
  { "multi-line-string", "\"a\nb\" c",
    { { T (STRING), "\"a\nb\"" }, { T (SYMBOL), "c" }, { END_OF_TOKENS } } },
  { "regex", "#\"^/dev/ttys[0-9]+\" #\"a\\\"b\" #\"\\\\\"x",
    { { T (REGEX), "#\"^/dev/ttys[0-9]+\"" }, { T (REGEX), "#\"a\\\"b\"" },
      { T (REGEX), "#\"\\\\\"" }, { T (SYMBOL), "x" }, { END_OF_TOKENS } } },
  { "booleans", "#t #f(#t)",
    { { T (BOOLEAN), "#t" }, { T (BOOLEAN), "#f" }, { T (OPEN), "(" },
      { T (BOOLEAN), "#t" }, { T (CLOSE), ")" }, { END_OF_TOKENS } } },
  { "numbers", "42 -7 +3 #o0004 #x1F #b101 #d9 1.5 - +",
    { { T (NUMBER), "42" }, { T (NUMBER), "-7" }, { T (NUMBER), "+3" },
      { T (NUMBER), "#o0004" }, { T (NUMBER), "#x1F" }, { T (NUMBER), "#b101" },
      { T (NUMBER), "#d9" }, { T (SYMBOL), "1.5" }, { T (SYMBOL), "-" }, { T (SYMBOL), "+" },
      { END_OF_TOKENS } } },
  { "quote", "'a '(b)",
    { { T (QUOTE), "'" }, { T (SYMBOL), "a" }, { T (QUOTE), "'" }, { T (OPEN), "(" },
      { T (SYMBOL), "b" }, { T (CLOSE), ")" }, { END_OF_TOKENS } } },
  { "line-comments", "; one\n(a) ; two \"x\n;\n",
    { { T (LINE_COMMENT), "; one" }, { T (OPEN), "(" }, { T (SYMBOL), "a" },
      { T (CLOSE), ")" }, { T (LINE_COMMENT), "; two \"x" }, { T (LINE_COMMENT), ";" },
      { END_OF_TOKENS } } },
  { "block-comments", "#| a |# b #| x #| y |# \"z |#c#||#",
    { { T (BLOCK_COMMENT), "#| a |#" }, { T (SYMBOL), "b" },
      { T (BLOCK_COMMENT), "#| x #| y |# \"z |#" }, { T (SYMBOL), "c#||#" },
      { END_OF_TOKENS } } },
  { "errors-recover", "\"a\\x4g\" b #foo c ` d",
    { { T (ERROR), "\"a\\x4g\"" }, { T (SYMBOL), "b" }, { T (ERROR), "#foo" },
      { T (SYMBOL), "c" }, { T (ERROR), "`" }, { T (SYMBOL), "d" }, { END_OF_TOKENS } } },
  { "unterminated-string-to-end", "a \"b\nc",
    { { T (SYMBOL), "a" }, { T (ERROR), "\"b\nc" }, { END_OF_TOKENS } } },
  { "empty", "", { { END_OF_TOKENS } } },
  { "whitespace", " \t\r\n\v\f", { { END_OF_TOKENS } } },
};

/* Tokens must come in order, must not overlap, and everything between
 * them must be whitespace: together they cover the text. */
static void
assert_tokens_cover (const char   *text,
                     const GArray *tokens)
{
  gsize pos = 0;
  guint i;

  for (i = 0; i <= tokens->len; i++)
    {
      gsize next = i < tokens->len ? g_array_index (tokens, SandbarSbplToken, i).span.start
                                   : strlen (text);

      g_assert_cmpuint (next, >=, pos);
      for (; pos < next; pos++)
        g_assert_true (strchr (" \t\r\n\v\f", text[pos]) != NULL);
      if (i < tokens->len)
        {
          pos = g_array_index (tokens, SandbarSbplToken, i).span.end;
          g_assert_cmpuint (pos, >, next);
        }
    }
}

static void
test_tokens (gconstpointer data)
{
  const TokenCase *tc = data;
  g_autoptr(GArray) tokens = sandbar_sbpl_tokenize (tc->text, -1);
  guint n = 0;
  guint i;

  while (tc->tokens[n].kind != END_OF_TOKENS)
    n++;

  g_assert_cmpuint (tokens->len, ==, n);
  for (i = 0; i < n; i++)
    {
      const SandbarSbplToken *token = &g_array_index (tokens, SandbarSbplToken, i);
      g_autofree char *text = g_strndup (tc->text + token->span.start,
                                         token->span.end - token->span.start);

      g_assert_cmpint (token->kind, ==, tc->tokens[i].kind);
      g_assert_cmpstr (text, ==, tc->tokens[i].text);
    }

  assert_tokens_cover (tc->text, tokens);
}

/* The iterator reports the same tokens, and a GError for each ERROR token,
 * and goes on after it. */
static void
test_tokenizer_next (void)
{
  const char *text = "(a \"\\400\"\n #foo \"b\")";
  const struct
  {
    SandbarSbplTokenKind    kind;
    SandbarSbplReaderError  code;
    const char             *message;
  } expected[] = {
    { T (OPEN), 0, NULL },
    { T (SYMBOL), 0, NULL },
    { T (ERROR), SANDBAR_SBPL_READER_ERROR_INVALID_ESCAPE,
      "1:5: invalid escape in string (\\x needs two hex digits, octal escapes end at \\377)" },
    { T (ERROR), SANDBAR_SBPL_READER_ERROR_INVALID_TOKEN, "2:2: unknown “#” syntax" },
    { T (STRING), 0, NULL },
    { T (CLOSE), 0, NULL },
  };
  g_autoptr(SandbarSbplTokenizer) tokenizer = sandbar_sbpl_tokenizer_new (text, -1);
  SandbarSbplToken token;
  guint i;

  for (i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok = sandbar_sbpl_tokenizer_next (tokenizer, &token, &error);

      g_assert_cmpint (token.kind, ==, expected[i].kind);
      if (expected[i].message == NULL)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
        }
      else
        {
          g_assert_error (error, SANDBAR_SBPL_READER_ERROR, (gint) expected[i].code);
          g_assert_cmpstr (error->message, ==, expected[i].message);
          g_assert_false (ok);
        }
    }

  g_assert_false (sandbar_sbpl_tokenizer_next (tokenizer, &token, NULL));
  g_assert_false (sandbar_sbpl_tokenizer_next (tokenizer, &token, NULL));
}


/* Values: decoding of every escape, raw regexes, numbers */

typedef struct
{
  const char          *name;
  const char          *text;
  SandbarSbplNodeKind  kind;
  const char          *value;
  gsize                length;
  gint64               number;
} ValueCase;

#define V(name, text, kind, value, number) \
  { name, text, SANDBAR_SBPL_NODE_##kind, value, sizeof (value) - 1, number }

/* Escapes decode as Debian's tinyscheme 1.42 does (test_tinyscheme_agrees
 * checks this when tinyscheme is installed). */
static const ValueCase value_cases[] = {
  V ("plain", "\"/Users/me\"", STRING, "/Users/me", 0),
  V ("empty", "\"\"", STRING, "", 0),
  V ("quote", "\"a\\\"b\"", STRING, "a\"b", 0),
  V ("backslash", "\"a\\\\b\"", STRING, "a\\b", 0),
  V ("newline-tab-cr", "\"\\n\\t\\r\"", STRING, "\n\t\r", 0),
  V ("hex", "\"\\x41\\X42\\x7e\\xFf\"", STRING, "AB~\xff", 0),
  V ("hex-then-digit", "\"\\x414\"", STRING, "A4", 0),
  V ("hex-nul", "\"a\\x00b\"", STRING, "a\0b", 0),
  V ("octal", "\"\\101\\1234\\7\\0\"", STRING, "AS4\a\0", 0),
  V ("octal-short", "\"\\18\"", STRING, "\0018", 0),
  V ("octal-max", "\"\\377\"", STRING, "\xff", 0),
  V ("unknown-escapes-drop-backslash", "\"\\q\\b\\f\\a\\(\\;\"", STRING, "qbfa(;", 0),
  V ("unicode-escape-is-not-one", "\"\\u00e9\"", STRING, "u00e9", 0),
  V ("raw-newline", "\"a\nb\"", STRING, "a\nb", 0),
  V ("raw-utf8", "\"é€😀\"", STRING, "é€😀", 0),
  V ("syntax-is-data", "\"() ; #| ' ` , #t\"", STRING, "() ; #| ' ` , #t", 0),
  V ("regex-raw", "#\"^/dev/ttys[0-9]+$\"", REGEX, "^/dev/ttys[0-9]+$", 0),
  V ("regex-keeps-backslashes", "#\"\\.plist$\"", REGEX, "\\.plist$", 0),
  V ("regex-escaped-quote", "#\"^/a\\\"b(/.*)?$\"", REGEX, "^/a\\\"b(/.*)?$", 0),
  V ("regex-double-backslash", "#\"a\\\\\"", REGEX, "a\\\\", 0),
  V ("symbol", "file-read*", SYMBOL, "file-read*", 0),
  V ("symbol-case-kept", "AF_UNIX", SYMBOL, "AF_UNIX", 0),
  V ("integer", "42", NUMBER, "42", 42),
  V ("negative", "-17", NUMBER, "-17", -17),
  V ("octal-number", "#o0004", NUMBER, "#o0004", 4),
  V ("hex-number", "#xff", NUMBER, "#xff", 255),
  V ("binary-number", "#b101", NUMBER, "#b101", 5),
  V ("decimal-number", "#d19", NUMBER, "#d19", 19),
  V ("max-number", "9223372036854775807", NUMBER, "9223372036854775807", G_MAXINT64),
  V ("true", "#t", BOOLEAN, "#t", 1),
  V ("false", "#f", BOOLEAN, "#f", 0),
};

static void
test_value (gconstpointer data)
{
  const ValueCase *vc = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SandbarSbplNode) root = sandbar_sbpl_parse (vc->text, -1, &error);
  const SandbarSbplNode *node;

  g_assert_no_error (error);
  g_assert_cmpuint (root->children->len, ==, 1);
  node = g_ptr_array_index (root->children, 0);
  g_assert_cmpint (node->kind, ==, vc->kind);
  g_assert_cmpmem (node->value, node->length, vc->value, vc->length);
  g_assert_cmpint (node->value[node->length], ==, '\0');
  g_assert_true (sandbar_sbpl_node_equal_bytes (node, vc->value, vc->length));
  g_assert_cmpint (node->number, ==, vc->number);
  g_assert_null (node->children);
  g_assert_cmpuint (node->span.start, ==, 0);
  g_assert_cmpuint (node->span.end, ==, strlen (vc->text));
}

/* Runs `tinyscheme FILE` on @program and returns its standard output. */
static GBytes *
run_tinyscheme (const char *tinyscheme,
                const char *program)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  int fd;
  const char *argv[] = { tinyscheme, NULL, NULL };

  fd = g_file_open_tmp ("sbpl-reader-XXXXXX.scm", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, program, -1, &error);
  g_assert_no_error (error);

  argv[1] = path;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_unlink (path);

  return g_bytes_new (out, strlen (out));
}

/* The escape rules are TinyScheme's: ask it. A NUL ends TinyScheme's
 * strings for display, so cases holding one are left out. */
static void
test_tinyscheme_agrees (void)
{
  g_autofree char *tinyscheme = g_find_program_in_path ("tinyscheme");
  guint i;

  if (tinyscheme == NULL)
    {
      g_test_skip ("tinyscheme is not installed");
      return;
    }

  for (i = 0; i < G_N_ELEMENTS (value_cases); i++)
    {
      const ValueCase *vc = &value_cases[i];
      g_autofree char *program = NULL;
      g_autofree char *expected = NULL;
      g_autoptr(GBytes) out = NULL;

      if (vc->kind != SANDBAR_SBPL_NODE_STRING || memchr (vc->value, '\0', vc->length))
        continue;

      program = g_strdup_printf ("(display \"[\")(display %s)(display \"]\")", vc->text);
      expected = g_strdup_printf ("[%s]", vc->value);
      out = run_tinyscheme (tinyscheme, program);
      g_assert_cmpmem (g_bytes_get_data (out, NULL), g_bytes_get_size (out),
                       expected, strlen (expected));
    }
}


/* Spans of nodes: lines and columns are 1-based, columns count bytes */

static void
test_spans (void)
{
  const char *text =
    "(version 1)\n"
    "; comment\n"
    "(allow file-read*\n"
    "  (subpath \"/a\n"
    "b\") #\"c\")\n"
    "\t(é x)\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(SandbarSbplNode) root = sandbar_sbpl_parse (text, -1, &error);
  const SandbarSbplNode *allow, *subpath, *path, *regex, *last, *x;

  g_assert_no_error (error);
  g_assert_cmpuint (root->span.start, ==, 0);
  g_assert_cmpuint (root->span.end, ==, strlen (text));
  g_assert_cmpuint (root->children->len, ==, 3);

  allow = g_ptr_array_index (root->children, 1);
  g_assert_cmpuint (allow->span.line, ==, 3);
  g_assert_cmpuint (allow->span.column, ==, 1);
  g_assert_cmpuint (allow->span.start, ==, strstr (text, "(allow") - text);
  g_assert_cmpuint (allow->span.end, ==, strstr (text, "c\")\n") - text + 3);

  subpath = g_ptr_array_index (allow->children, 2);
  g_assert_cmpuint (subpath->span.line, ==, 4);
  g_assert_cmpuint (subpath->span.column, ==, 3);

  path = g_ptr_array_index (subpath->children, 1);
  g_assert_cmpuint (path->span.line, ==, 4);
  g_assert_cmpuint (path->span.column, ==, 12);
  g_assert_cmpmem (path->value, path->length, "/a\nb", 4);

  /* After a string holding a line break, counting goes on right. */
  regex = g_ptr_array_index (allow->children, 3);
  g_assert_cmpint (regex->kind, ==, SANDBAR_SBPL_NODE_REGEX);
  g_assert_cmpuint (regex->span.line, ==, 5);
  g_assert_cmpuint (regex->span.column, ==, 5);

  /* A tab is one column; "é" is two bytes, so x is at byte column 6. */
  last = g_ptr_array_index (root->children, 2);
  g_assert_cmpuint (last->span.line, ==, 6);
  g_assert_cmpuint (last->span.column, ==, 2);
  x = g_ptr_array_index (last->children, 1);
  g_assert_cmpuint (x->span.column, ==, 6);
}


/* Errors: code and `LINE:COLUMN: message` */

typedef struct
{
  const char             *name;
  const char             *text;
  gssize                  length;
  SandbarSbplReaderError  code;
  const char             *message;
} ErrorCase;

#define E(name, text, code, message) \
  { name, text, -1, SANDBAR_SBPL_READER_ERROR_##code, message }

static const ErrorCase error_cases[] = {
  E ("unterminated-string", "(version 1)\n(allow file-read*\n  (subpath \"/Users/me))\n",
     UNTERMINATED_STRING, "3:12: unterminated string"),
  E ("unterminated-string-backslash", "\"abc\\", UNTERMINATED_STRING,
     "1:1: unterminated string"),
  E ("unterminated-string-after-bad-escape", "\"\\xZZ", UNTERMINATED_STRING,
     "1:1: unterminated string"),
  E ("unterminated-regex", "(regex #\"^/a\\\")", UNTERMINATED_REGEX,
     "1:8: unterminated regex literal"),
  E ("unterminated-comment", "(a)\n  #| x #| y |# z", UNTERMINATED_COMMENT,
     "2:3: unterminated block comment"),
  E ("unbalanced-paren", "(version 1)\n(allow file-read* (subpath \"/a\")\n(deny default)\n",
     UNBALANCED_PAREN, "2:1: “(” is never closed"),
  E ("unbalanced-inner", "(allow x\n  (subpath \"/a\"", UNBALANCED_PAREN,
     "2:3: “(” is never closed"),
  E ("unexpected-close", "(version 1))\n", UNEXPECTED_CLOSE, "1:12: unexpected “)”"),
  E ("unexpected-close-first", "\n )", UNEXPECTED_CLOSE, "2:2: unexpected “)”"),
  E ("close-after-quote", "(a ')", UNEXPECTED_CLOSE, "1:5: “)” right after a quote"),
  E ("invalid-hex-escape", "(a\n \"x\\x4g\")", INVALID_ESCAPE,
     "2:4: invalid escape in string (\\x needs two hex digits, octal escapes end at \\377)"),
  E ("invalid-hex-escape-tinyscheme-quirk", "\"\\x:0\"", INVALID_ESCAPE,
     "1:2: invalid escape in string (\\x needs two hex digits, octal escapes end at \\377)"),
  E ("short-hex-escape", "\"\\x4\"", INVALID_ESCAPE,
     "1:2: invalid escape in string (\\x needs two hex digits, octal escapes end at \\377)"),
  E ("octal-escape-too-big", "\"ok\" \"\\400\"", INVALID_ESCAPE,
     "1:7: invalid escape in string (\\x needs two hex digits, octal escapes end at \\377)"),
  E ("unknown-sharp", "(a #foo)", INVALID_TOKEN, "1:4: unknown “#” syntax"),
  E ("sharp-alone", "# x", INVALID_TOKEN, "1:1: unknown “#” syntax"),
  E ("sharp-char", "#\\a", INVALID_TOKEN, "1:1: unknown “#” syntax"),
  E ("sharp-vector", "#(a)", INVALID_TOKEN, "1:1: unknown “#” syntax"),
  E ("sharp-true-long", "#true", INVALID_TOKEN, "1:1: unknown “#” syntax"),
  E ("bad-octal-number", "(file-mode #o0008)", INVALID_TOKEN, "1:12: invalid number"),
  E ("empty-hex-number", "#x", INVALID_TOKEN, "1:1: invalid number"),
  E ("number-out-of-range", "9223372036854775808", INVALID_TOKEN, "1:1: number out of range"),
  E ("hex-number-out-of-range", "#x10000000000000000", INVALID_TOKEN,
     "1:1: number out of range"),
  E ("quasiquote", "(a `b)", INVALID_TOKEN, "1:4: quasiquote is not supported"),
  E ("unquote", "(a ,b)", INVALID_TOKEN, "1:4: quasiquote is not supported"),
  E ("dotted-pair", "(a . b)", INVALID_TOKEN, "1:4: dotted pairs are not supported"),
  E ("quote-at-end", "(a)\n'", INVALID_TOKEN, "2:1: quote without anything to quote"),
  { "nul-byte", "(a)\0(b)", 7, SANDBAR_SBPL_READER_ERROR_NUL_BYTE, "1:4: NUL byte in the text" },
  { "nul-in-string", "\"a\0b\"", 5, SANDBAR_SBPL_READER_ERROR_NUL_BYTE,
    "1:3: NUL byte in the text" },
  { "nul-in-regex", "#\"a\0b\"", 6, SANDBAR_SBPL_READER_ERROR_NUL_BYTE,
    "1:4: NUL byte in the text" },
};

static void
test_error (gconstpointer data)
{
  const ErrorCase *ec = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SandbarSbplNode) root = NULL;
  SandbarSbplSpan span = { 0, };
  g_autofree char *position = NULL;

  root = sandbar_sbpl_parse_full (ec->text, ec->length, &span, &error);
  g_assert_null (root);
  g_assert_error (error, SANDBAR_SBPL_READER_ERROR, (gint) ec->code);
  g_assert_cmpstr (error->message, ==, ec->message);

  /* The span handed to an editor is the position in the message. */
  position = g_strdup_printf ("%u:%u: ", span.line, span.column);
  g_assert_true (g_str_has_prefix (ec->message, position));
  g_assert_cmpuint (span.end, >=, span.start);
}

/* Nesting is bounded, so recursive walks over a tree stay safe. */
static void
test_depth_limit (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SandbarSbplNode) ok = NULL;
  g_autoptr(SandbarSbplNode) deep = NULL;
  guint i;

  for (i = 0; i < SANDBAR_SBPL_MAX_DEPTH; i++)
    g_string_append_c (text, '(');
  for (i = 0; i < SANDBAR_SBPL_MAX_DEPTH; i++)
    g_string_append_c (text, ')');
  ok = sandbar_sbpl_parse (text->str, text->len, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ok);

  g_string_prepend (text, "(a\n'");
  g_string_append_c (text, ')');
  deep = sandbar_sbpl_parse (text->str, text->len, &error);
  g_assert_error (error, SANDBAR_SBPL_READER_ERROR, SANDBAR_SBPL_READER_ERROR_TOO_DEEP);
  g_assert_null (deep);
  g_assert_true (g_str_has_prefix (error->message, "2:"));
}


/* Trees */

static void
test_nested (void)
{
  const char *text = "(a (b (c \"d\") ()) 'e '(f #t) ''g) (h)";
  g_autoptr(GError) error = NULL;
  g_autoptr(SandbarSbplNode) root = sandbar_sbpl_parse (text, -1, &error);
  const SandbarSbplNode *a, *b, *c, *empty, *quote_e, *quote_list, *quote_quote, *inner;

  g_assert_no_error (error);
  g_assert_cmpuint (root->children->len, ==, 2);

  a = g_ptr_array_index (root->children, 0);
  g_assert_cmpstr (sandbar_sbpl_node_get_head (a), ==, "a");
  g_assert_cmpuint (a->children->len, ==, 5);
  g_assert_cmpuint (a->span.end, ==, strlen ("(a (b (c \"d\") ()) 'e '(f #t) ''g)"));

  b = g_ptr_array_index (a->children, 1);
  g_assert_true (sandbar_sbpl_node_is_call (b, "b"));
  c = g_ptr_array_index (b->children, 1);
  g_assert_true (sandbar_sbpl_node_is_call (c, "c"));
  g_assert_cmpint (((SandbarSbplNode *) g_ptr_array_index (c->children, 1))->kind, ==,
                   SANDBAR_SBPL_NODE_STRING);
  empty = g_ptr_array_index (b->children, 2);
  g_assert_cmpint (empty->kind, ==, SANDBAR_SBPL_NODE_LIST);
  g_assert_cmpuint (empty->children->len, ==, 0);
  g_assert_null (sandbar_sbpl_node_get_head (empty));

  /* 'e reads as (quote e), spanning the quote and the datum */
  quote_e = g_ptr_array_index (a->children, 2);
  g_assert_true (sandbar_sbpl_node_is_call (quote_e, "quote"));
  g_assert_cmpuint (quote_e->children->len, ==, 2);
  g_assert_cmpuint (quote_e->span.end - quote_e->span.start, ==, 2);
  g_assert_true (sandbar_sbpl_node_equal_bytes (g_ptr_array_index (quote_e->children, 1),
                                                "e", -1));

  quote_list = g_ptr_array_index (a->children, 3);
  g_assert_true (sandbar_sbpl_node_is_call (quote_list, "quote"));
  g_assert_true (sandbar_sbpl_node_is_call (g_ptr_array_index (quote_list->children, 1), "f"));
  g_assert_cmpuint (quote_list->span.end - quote_list->span.start, ==, strlen ("'(f #t)"));

  quote_quote = g_ptr_array_index (a->children, 4);
  inner = g_ptr_array_index (quote_quote->children, 1);
  g_assert_true (sandbar_sbpl_node_is_call (inner, "quote"));
  g_assert_cmpuint (quote_quote->span.end, ==, inner->span.end);

  g_assert_true (sandbar_sbpl_node_is_call (g_ptr_array_index (root->children, 1), "h"));
  g_assert_false (sandbar_sbpl_node_is_call (g_ptr_array_index (root->children, 1), "H"));
  g_assert_false (sandbar_sbpl_node_is_call (g_ptr_array_index (a->children, 0), "a"));
}

static void
test_comments_are_dropped (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SandbarSbplNode) root =
    sandbar_sbpl_parse ("; a\n(x #| (y) |# ; )\n z)\n#| |#", -1, &error);
  const SandbarSbplNode *x;

  g_assert_no_error (error);
  g_assert_cmpuint (root->children->len, ==, 1);
  x = g_ptr_array_index (root->children, 0);
  g_assert_cmpuint (x->children->len, ==, 2);
  g_assert_true (sandbar_sbpl_node_equal_bytes (g_ptr_array_index (x->children, 1), "z", 1));
}


/* A realistic profile: Codex's shape, with `#"…"` regexes */

static SandbarSbplNode *
parse_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "sbpl", name, NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  SandbarSbplNode *root;
  gsize length;

  g_file_get_contents (path, &text, &length, &error);
  g_assert_no_error (error);
  root = sandbar_sbpl_parse (text, length, &error);
  g_assert_no_error (error);

  return root;
}

static void
test_codex_profile (void)
{
  g_autoptr(SandbarSbplNode) root = parse_fixture ("codex-style.sb");
  g_autoptr(GPtrArray) allows = sandbar_sbpl_node_find_calls (root, "allow");
  g_autoptr(GPtrArray) denies = sandbar_sbpl_node_find_calls (root, "deny");
  g_autoptr(GPtrArray) params = sandbar_sbpl_node_find_calls (root, "param");
  g_autoptr(GPtrArray) regexes = sandbar_sbpl_node_collect (root, SANDBAR_SBPL_NODE_REGEX);
  g_autoptr(GPtrArray) strings = sandbar_sbpl_node_collect_strings (root);
  const SandbarSbplNode *first, *write, *carve_out;
  GBytes *last;
  guint i, top_allows = 0;

  first = g_ptr_array_index (root->children, 0);
  g_assert_true (sandbar_sbpl_node_is_call (first, "version"));
  g_assert_cmpint (((SandbarSbplNode *) g_ptr_array_index (first->children, 1))->number, ==, 1);
  g_assert_true (sandbar_sbpl_node_is_call (g_ptr_array_index (root->children, 1), "deny"));
  g_assert_cmpuint (denies->len, ==, 1);

  for (i = 0; i < root->children->len; i++)
    if (sandbar_sbpl_node_is_call (g_ptr_array_index (root->children, i), "allow"))
      top_allows++;
  g_assert_cmpuint (top_allows, ==, allows->len);
  g_assert_cmpuint (allows->len, ==, 25);
  g_assert_cmpuint (root->children->len, ==, 2 + 25);

  /* Regex literals keep their backslashes; `\"` did not end one. */
  g_assert_cmpuint (regexes->len, ==, 5);
  carve_out = g_ptr_array_index (regexes, 3);
  g_assert_cmpstr (carve_out->value, ==, "^/Users/me/src/a\\\"pp/\\.git(/.*)?$");
  g_assert_cmpuint (carve_out->span.line, ==, 55);

  /* The write rule: one require-all carve-out and a second root. */
  write = g_ptr_array_index (allows, 18);
  g_assert_true (sandbar_sbpl_node_equal_bytes (g_ptr_array_index (write->children, 1),
                                                "file-write*", -1));
  g_assert_true (sandbar_sbpl_node_is_call (g_ptr_array_index (write->children, 2),
                                            "require-all"));
  g_assert_cmpuint (write->span.line, ==, 54);

  g_assert_cmpuint (params->len, ==, 6);
  g_assert_cmpuint (strings->len, ==, 21);
  g_assert_cmpmem (g_bytes_get_data (g_ptr_array_index (strings, 0), NULL),
                   g_bytes_get_size (g_ptr_array_index (strings, 0)), "/dev/null", 9);
  last = g_ptr_array_index (strings, strings->len - 1);
  g_assert_cmpmem (g_bytes_get_data (last, NULL), g_bytes_get_size (last),
                   "localhost:43128", 15);
}


/* Quoting: the one escaper of sbpl.md §1 rule 2 */

static void
test_quote_table (void)
{
  const struct { const char *in; const char *out; } cases[] = {
    { "", "\"\"" },
    { "/Users/me", "\"/Users/me\"" },
    { "a\"b", "\"a\\\"b\"" },
    { "a\\b", "\"a\\\\b\"" },
    { "\\\"", "\"\\\\\\\"\"" },
    { "\\x41\\101\\n", "\"\\\\x41\\\\101\\\\n\"" },
    { "() ; #| ' $ `\n\té", "\"() ; #| ' $ `\n\té\"" },
    { "\") (allow file-write* (regex \".*", "\"\\\") (allow file-write* (regex \\\".*\"" },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *quoted = sandbar_sbpl_quote_string (cases[i].in, strlen (cases[i].in));
      g_autoptr(GString) appended = g_string_new ("x");

      g_assert_cmpstr (quoted, ==, cases[i].out);
      sandbar_sbpl_append_quoted (appended, cases[i].in, strlen (cases[i].in));
      g_assert_cmpstr (appended->str + 1, ==, cases[i].out);
    }
}

typedef enum
{
  ALPHABET_BYTES,
  ALPHABET_PRINTABLE,
  ALPHABET_HOSTILE,
  ALPHABET_UTF8,
} Alphabet;

/* Appends one random character of @alphabet. */
static void
append_random (GString  *s,
               Alphabet  alphabet)
{
  static const char hostile[] = "()\";#'$\\\\\\\"\"|`,\n ";

  switch (alphabet)
    {
    case ALPHABET_BYTES:
      g_string_append_c (s, (char) g_test_rand_int_range (1, 256));
      break;
    case ALPHABET_PRINTABLE:
      g_string_append_c (s, (char) g_test_rand_int_range (0x20, 0x7f));
      break;
    case ALPHABET_HOSTILE:
      if (g_test_rand_bit ())
        g_string_append_c (s, hostile[g_test_rand_int_range (0, sizeof hostile - 1)]);
      else
        g_string_append_c (s, (char) g_test_rand_int_range (0x20, 0x7f));
      break;
    case ALPHABET_UTF8:
      {
        gunichar c;

        do
          c = g_test_rand_bit () ? (gunichar) g_test_rand_int_range (1, 0x800)
                                 : (gunichar) g_test_rand_int_range (0x800, 0x110000);
        while (!g_unichar_validate (c));
        g_string_append_unichar (s, c);
      }
      break;
    default:
      g_assert_not_reached ();
    }
}

/* parse (quote (s)) gives back s, byte for byte, as one string token that
 * covers the whole literal; and the literal can be embedded in a form. */
static void
test_quote_round_trip (gconstpointer data)
{
  Alphabet alphabet = GPOINTER_TO_INT (data);
  guint n;

  for (n = 0; n < 500; n++)
    {
      g_autoptr(GString) s = g_string_new (NULL);
      g_autoptr(GString) form = g_string_new ("(allow file-read* (subpath ");
      g_autoptr(GError) error = NULL;
      g_autoptr(SandbarSbplNode) root = NULL;
      g_autoptr(GPtrArray) strings = NULL;
      g_autoptr(GArray) tokens = NULL;
      guint length = g_test_rand_int_range (0, 64);
      GBytes *value;
      guint i;

      for (i = 0; i < length; i++)
        append_random (s, alphabet);

      sandbar_sbpl_append_quoted (form, s->str, s->len);
      g_string_append (form, ")) ; end\n(deny default)");

      root = sandbar_sbpl_parse (form->str, form->len, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (root->children->len, ==, 2);
      strings = sandbar_sbpl_node_collect_strings (root);
      g_assert_cmpuint (strings->len, ==, 1);
      value = g_ptr_array_index (strings, 0);
      g_assert_cmpmem (g_bytes_get_data (value, NULL), g_bytes_get_size (value),
                       s->str, s->len);

      tokens = sandbar_sbpl_tokenize (form->str, form->len);
      g_assert_cmpuint (tokens->len, ==, 13);
      g_assert_cmpint (g_array_index (tokens, SandbarSbplToken, 5).kind, ==, T (STRING));
      g_assert_cmpint (g_array_index (tokens, SandbarSbplToken, 8).kind, ==, T (LINE_COMMENT));
    }
}

/* Long strings: literals of at most N bytes joined with string-append */

static void
test_append_string_table (void)
{
  const struct { const char *in; gsize max; const char *out; } cases[] = {
    /* Short enough: exactly the one literal of sandbar_sbpl_append_quoted(). */
    { "", 4, "\"\"" },
    { "abcd", 4, "\"abcd\"" },
    { "a\\b", 4, "\"a\\\\b\"" },
    /* Longer: split, counting escaped bytes, never inside an escape... */
    { "abcde", 4, "(string-append \"abcd\" \"e\")" },
    { "abc\"", 4, "(string-append \"abc\" \"\\\"\")" },
    { "ab\\\\c", 4, "(string-append \"ab\\\\\" \"\\\\c\")" },
    { "\"\"\"", 4, "(string-append \"\\\"\\\"\" \"\\\"\")" },
    /* ...or a UTF-8 character. */
    { "\xc3\xa9\xc3\xa9\xc3\xa9", 5, "(string-append \"\xc3\xa9\xc3\xa9\" \"\xc3\xa9\")" },
    { "a\xe2\x82\xac\xe2\x82\xac", 4,
      "(string-append \"a\xe2\x82\xac\" \"\xe2\x82\xac\")" },
    { "\xf0\x9f\x98\x80\xf0\x9f\x98\x80", 7,
      "(string-append \"\xf0\x9f\x98\x80\" \"\xf0\x9f\x98\x80\")" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) out = g_string_new ("x");

      sandbar_sbpl_append_string (out, cases[i].in, strlen (cases[i].in), cases[i].max);
      g_assert_cmpstr (out->str + 1, ==, cases[i].out);
    }
}

/* Random strings of up to 3000 bytes, random limits: the expression reads
 * back to exactly the string; every literal holds at most the limit, and
 * (for UTF-8 input) valid UTF-8 on its own; a string that fits is one
 * literal, as sandbar_sbpl_append_quoted() writes it. */
static void
test_append_string_round_trip (gconstpointer data)
{
  Alphabet alphabet = GPOINTER_TO_INT (data);

  for (guint n = 0; n < 300; n++)
    {
      g_autoptr(GString) s = g_string_new (NULL);
      g_autoptr(GString) expr = g_string_new (NULL);
      g_autoptr(GString) quoted = g_string_new (NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(SandbarSbplNode) root = NULL;
      g_autoptr(GBytes) value = NULL;
      g_autoptr(GArray) tokens = NULL;
      guint length = g_test_rand_int_range (0, 3000);
      gsize max = g_test_rand_bit () ? 900 : (gsize) g_test_rand_int_range (4, 300);
      guint literals = 0;
      gsize last_inner = 0;

      for (guint i = 0; i < length; i++)
        append_random (s, alphabet);

      sandbar_sbpl_append_string (expr, s->str, s->len, max);
      sandbar_sbpl_append_quoted (quoted, s->str, s->len);
      if (quoted->len - 2 <= max)
        g_assert_cmpstr (expr->str, ==, quoted->str);
      else
        g_assert_true (g_str_has_prefix (expr->str, "(string-append \""));

      root = sandbar_sbpl_parse (expr->str, expr->len, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (root->children->len, ==, 1);
      value = sandbar_sbpl_node_eval_string (g_ptr_array_index (root->children, 0));
      g_assert_nonnull (value);
      g_assert_cmpmem (g_bytes_get_data (value, NULL), g_bytes_get_size (value),
                       s->str, s->len);

      tokens = sandbar_sbpl_tokenize (expr->str, expr->len);
      for (guint i = 0; i < tokens->len; i++)
        {
          SandbarSbplToken *token = &g_array_index (tokens, SandbarSbplToken, i);
          gsize inner = token->span.end - token->span.start - 2;

          g_assert_cmpint (token->kind, !=, T (ERROR));
          if (token->kind != T (STRING))
            continue;
          literals++;
          g_assert_cmpuint (inner, <=, max);
          if (literals > 1 && last_inner < max - 3)
            g_error ("a literal of %zu bytes before another (limit %zu)", last_inner, max);
          last_inner = inner;
          if (alphabet == ALPHABET_UTF8)
            g_assert_true (g_utf8_validate_len (expr->str + token->span.start + 1, inner, NULL));
        }
      /* No piece ends early: the next character (4 bytes at most) did
       * not fit. */
      g_assert_cmpuint (literals, >=, 1);
      g_assert_cmpuint (literals, <=, 1 + (quoted->len - 2) / (max - 3));
    }
}

static void
test_eval_string (void)
{
  const struct { const char *text; const char *value; } cases[] = {
    { "\"a\\\"b\"", "a\"b" },
    { "(string-append)", "" },
    { "(string-append \"/a\" \"/\" \"b\")", "/a/b" },
    { "(string-append \"a\" (string-append \"b\" \"c\"))", "abc" },
    { "(param \"A\")", NULL },
    { "(string-append (param \"A\") \"/\" (param \"B\"))", NULL },
    { "(string-upcase \"a\")", NULL },
    { "string-append", NULL },
    { "42", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SandbarSbplNode) root = sandbar_sbpl_parse (cases[i].text, -1, &error);
      g_autoptr(GBytes) value = NULL;

      g_assert_no_error (error);
      value = sandbar_sbpl_node_eval_string (g_ptr_array_index (root->children, 0));
      if (cases[i].value == NULL)
        g_assert_null (value);
      else
        g_assert_cmpmem (g_bytes_get_data (value, NULL), g_bytes_get_size (value),
                         cases[i].value, strlen (cases[i].value));
    }
}


int
main (int   argc,
      char *argv[])
{
  guint i;

  g_test_init (&argc, &argv, NULL);

  for (i = 0; i < G_N_ELEMENTS (token_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/sandbar/sbpl-reader/tokens/%s",
                                               token_cases[i].name);
      g_test_add_data_func (path, &token_cases[i], test_tokens);
    }
  g_test_add_func ("/sandbar/sbpl-reader/tokenizer-next", test_tokenizer_next);

  for (i = 0; i < G_N_ELEMENTS (value_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/sandbar/sbpl-reader/value/%s",
                                               value_cases[i].name);
      g_test_add_data_func (path, &value_cases[i], test_value);
    }
  g_test_add_func ("/sandbar/sbpl-reader/tinyscheme-agrees", test_tinyscheme_agrees);

  g_test_add_func ("/sandbar/sbpl-reader/spans", test_spans);

  for (i = 0; i < G_N_ELEMENTS (error_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/sandbar/sbpl-reader/error/%s",
                                               error_cases[i].name);
      g_test_add_data_func (path, &error_cases[i], test_error);
    }
  g_test_add_func ("/sandbar/sbpl-reader/error/too-deep", test_depth_limit);

  g_test_add_func ("/sandbar/sbpl-reader/nested", test_nested);
  g_test_add_func ("/sandbar/sbpl-reader/comments-are-dropped", test_comments_are_dropped);
  g_test_add_func ("/sandbar/sbpl-reader/codex-profile", test_codex_profile);

  g_test_add_func ("/sandbar/sbpl-reader/quote/table", test_quote_table);
  g_test_add_data_func ("/sandbar/sbpl-reader/quote/round-trip/bytes",
                        GINT_TO_POINTER (ALPHABET_BYTES), test_quote_round_trip);
  g_test_add_data_func ("/sandbar/sbpl-reader/quote/round-trip/printable",
                        GINT_TO_POINTER (ALPHABET_PRINTABLE), test_quote_round_trip);
  g_test_add_data_func ("/sandbar/sbpl-reader/quote/round-trip/hostile",
                        GINT_TO_POINTER (ALPHABET_HOSTILE), test_quote_round_trip);
  g_test_add_data_func ("/sandbar/sbpl-reader/quote/round-trip/utf8",
                        GINT_TO_POINTER (ALPHABET_UTF8), test_quote_round_trip);
  g_test_add_func ("/sandbar/sbpl-reader/append-string/table", test_append_string_table);
  g_test_add_data_func ("/sandbar/sbpl-reader/append-string/round-trip/hostile",
                        GINT_TO_POINTER (ALPHABET_HOSTILE), test_append_string_round_trip);
  g_test_add_data_func ("/sandbar/sbpl-reader/append-string/round-trip/utf8",
                        GINT_TO_POINTER (ALPHABET_UTF8), test_append_string_round_trip);
  g_test_add_func ("/sandbar/sbpl-reader/eval-string", test_eval_string);

  return g_test_run ();
}
