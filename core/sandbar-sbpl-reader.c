/* sandbar-sbpl-reader.c — tokenizer and parser for SBPL with source spans
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* SBPL is read by a modified TinyScheme inside macOS. This reader follows
 * stock TinyScheme 1.42 (Debian `tinyscheme`, checked on Debian 12) where
 * that is known, plus the two Apple additions that real profiles use:
 * `#"…"` regex literals and `#|…|#` block comments. It works on bytes:
 * columns count bytes, and invalid UTF-8 is data like any other byte.
 *
 * String escapes, as TinyScheme decodes them:
 *
 * - `\"` `\\` `\n` `\t` `\r` → `"` `\` LF TAB CR
 * - `\xHH` (or `\XHH`): exactly two hex digits → that byte
 * - `\o`, `\oo`, `\ooo`: one to three octal digits → that byte; above
 *   `\377` is an error
 * - any other `\c` → `c`: the backslash is dropped, so `\u00e9` reads as
 *   `u00e9` and `\b` as `b`
 *
 * TinyScheme also accepts `: ; < = > ? @` as “hex digits” after `\x` (it
 * tests `c <= 'F'`); this reader reports them as an invalid escape instead.
 * TinyScheme keeps the bytes after a decoded NUL (`\x00`, `\0`) wrong; this
 * reader keeps them, which is why every value carries a length.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sandbar-sbpl-reader.h"

G_DEFINE_QUARK (sandbar-sbpl-reader-error-quark, sandbar_sbpl_reader_error)

struct _SandbarSbplTokenizer
{
  const char *text;
  gsize       length;
  gsize       pos;
  guint       line;
  gsize       line_start;
};

/* A lexical problem found while scanning one token. @message is marked
 * with N_() and translated when the GError is built. */
typedef struct
{
  gboolean               found;
  SandbarSbplReaderError code;
  SandbarSbplSpan        where;
  const char            *message;
} Problem;

/* Everything the parser needs about one token; the public tokenizer API
 * hands out only @token. */
typedef struct
{
  SandbarSbplToken token;
  Problem          problem;
  gint64           number;
} Scan;

typedef struct
{
  SandbarSbplNode *list;
  gboolean         is_quote;
} Frame;


/* Cursor */

static void
tokenizer_init (SandbarSbplTokenizer *self,
                const char           *text,
                gsize                 length)
{
  self->text = text;
  self->length = length;
  self->pos = 0;
  self->line = 1;
  self->line_start = 0;
}

/* Returns the byte @offset bytes ahead, or -1 past the end. The text may
 * hold NUL bytes, so the end is only ever decided by the length. */
static int
peek (const SandbarSbplTokenizer *self,
      gsize                       offset)
{
  if (self->pos + offset >= self->length)
    return -1;
  return (guchar) self->text[self->pos + offset];
}

/* Moves one byte forward, keeping the line count: every byte of the text
 * passes through here, strings and comments included. */
static void
bump (SandbarSbplTokenizer *self)
{
  g_assert (self->pos < self->length);

  if (self->text[self->pos] == '\n')
    {
      self->line++;
      self->line_start = self->pos + 1;
    }
  self->pos++;
}

static void
mark (const SandbarSbplTokenizer *self,
      SandbarSbplSpan            *span)
{
  span->start = self->pos;
  span->end = self->pos;
  span->line = self->line;
  span->column = (guint) (self->pos - self->line_start + 1);
}

/* Records the first problem of a token at @where; later ones would only
 * be noise. */
static void
problem_set (Problem                *problem,
             const SandbarSbplSpan  *where,
             SandbarSbplReaderError  code,
             const char             *message)
{
  if (problem->found)
    return;

  problem->found = TRUE;
  problem->code = code;
  problem->message = message;
  problem->where = *where;
}

/* Records a problem at the cursor. */
static void
problem_set_here (Problem                    *problem,
                  const SandbarSbplTokenizer *self,
                  SandbarSbplReaderError      code,
                  const char                 *message)
{
  SandbarSbplSpan here;

  mark (self, &here);
  problem_set (problem, &here, code, message);
}

/* The same set of characters as TinyScheme's isspace() based skipspace(). */
static gboolean
is_space (int c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

/* TinyScheme ends an atom at its DELIMITERS `()";` and whitespace. A NUL
 * ends it too, so that the NUL becomes a token (and an error) of its own. */
static gboolean
is_delimiter (int c)
{
  return c == -1 || c == '\0' || is_space (c) || c == '(' || c == ')' || c == '"' || c == ';';
}

static int
digit_value (int c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return 99;
}

/* Parses @len digits in @base into a non-negative number. Returns FALSE,
 * with *overflow set when that was the reason, if a digit is invalid or
 * the value does not fit. */
static gboolean
parse_digits (const char *digits,
              gsize       len,
              guint       base,
              gint64     *out,
              gboolean   *overflow)
{
  guint64 value = 0;
  gsize i;

  *overflow = FALSE;
  if (len == 0)
    return FALSE;

  for (i = 0; i < len; i++)
    {
      int d = digit_value ((guchar) digits[i]);

      if (d >= (int) base)
        return FALSE;
      if (value > (G_MAXINT64 - (guint64) d) / base)
        {
          *overflow = TRUE;
          return FALSE;
        }
      value = value * base + d;
    }

  *out = (gint64) value;
  return TRUE;
}


/* Scanners: each starts at the first byte of its token and stops after
 * the last one. */

static void
scan_line_comment (SandbarSbplTokenizer *self)
{
  while (peek (self, 0) != -1 && peek (self, 0) != '\n')
    bump (self);
}

/* `#|…|#`, nesting like R7RS so that commenting out a region that holds a
 * block comment works. */
static void
scan_block_comment (SandbarSbplTokenizer *self,
                    Problem              *problem)
{
  SandbarSbplSpan start;
  guint depth = 0;

  mark (self, &start);

  do
    {
      if (peek (self, 0) == -1)
        {
          problem_set (problem, &start, SANDBAR_SBPL_READER_ERROR_UNTERMINATED_COMMENT,
                       N_("unterminated block comment"));
          return;
        }
      if (peek (self, 0) == '#' && peek (self, 1) == '|')
        {
          depth++;
          bump (self);
        }
      else if (peek (self, 0) == '|' && peek (self, 1) == '#')
        {
          depth--;
          bump (self);
        }
      bump (self);
    }
  while (depth > 0);
}

/* Decodes the escape after a backslash (the cursor is on the byte after
 * it) and appends the result to @value when given. See the top of the
 * file for the rules. */
static void
scan_escape (SandbarSbplTokenizer *self,
             Problem              *problem,
             const Problem        *at_backslash,
             GString              *value)
{
  int c = peek (self, 0);
  guint byte = 0;
  guint i;

  if (c == 'x' || c == 'X')
    {
      bump (self);
      for (i = 0; i < 2; i++)
        {
          if (digit_value (peek (self, 0)) >= 16)
            {
              if (!problem->found)
                *problem = *at_backslash;
              return;
            }
          byte = byte * 16 + digit_value (peek (self, 0));
          bump (self);
        }
    }
  else if (c >= '0' && c <= '7')
    {
      for (i = 0; i < 3 && peek (self, 0) >= '0' && peek (self, 0) <= '7'; i++)
        {
          byte = byte * 8 + (peek (self, 0) - '0');
          bump (self);
        }
      if (byte > 0xff)
        {
          if (!problem->found)
            *problem = *at_backslash;
          return;
        }
    }
  else
    {
      byte = c == 'n' ? '\n' : c == 't' ? '\t' : c == 'r' ? '\r' : (guint) c;
      bump (self);
    }

  if (value != NULL)
    g_string_append_c (value, (char) byte);
}

/* `"…"`. After a bad escape the scan goes on to the closing quote, so that
 * the error token covers the whole string and the next token is right. */
static void
scan_string (SandbarSbplTokenizer *self,
             Problem              *problem,
             GString              *value)
{
  Problem start = { 0, };

  problem_set_here (&start, self, SANDBAR_SBPL_READER_ERROR_UNTERMINATED_STRING,
                    N_("unterminated string"));
  bump (self);

  for (;;)
    {
      int c = peek (self, 0);

      if (c == -1)
        {
          /* The opening quote is where the user has to look. */
          *problem = start;
          return;
        }

      if (c == '"')
        {
          bump (self);
          return;
        }

      if (c == '\\')
        {
          Problem backslash = { 0, };

          problem_set_here (&backslash, self, SANDBAR_SBPL_READER_ERROR_INVALID_ESCAPE,
                            N_("invalid escape in string (\\x needs two hex digits, "
                               "octal escapes end at \\377)"));
          bump (self);
          if (peek (self, 0) == -1)
            continue;
          scan_escape (self, problem, &backslash, value);
          continue;
        }

      if (c == '\0')
        problem_set_here (problem, self, SANDBAR_SBPL_READER_ERROR_NUL_BYTE,
                          N_("NUL byte in the text"));
      if (value != NULL)
        g_string_append_c (value, (char) c);
      bump (self);
    }
}

/* `#"…"`: Apple's regex literal. The content is kept raw; a backslash
 * protects the next byte, so `\"` does not end the literal. */
static void
scan_regex (SandbarSbplTokenizer *self,
            Problem              *problem,
            GString              *value)
{
  Problem start = { 0, };

  problem_set_here (&start, self, SANDBAR_SBPL_READER_ERROR_UNTERMINATED_REGEX,
                    N_("unterminated regex literal"));
  bump (self);
  bump (self);

  for (;;)
    {
      int c = peek (self, 0);

      if (c == -1)
        {
          *problem = start;
          return;
        }
      if (c == '"')
        {
          bump (self);
          return;
        }
      if (c == '\0')
        problem_set_here (problem, self, SANDBAR_SBPL_READER_ERROR_NUL_BYTE,
                          N_("NUL byte in the text"));

      if (value != NULL)
        g_string_append_c (value, (char) c);
      bump (self);

      if (c == '\\' && peek (self, 0) != -1)
        {
          if (value != NULL)
            g_string_append_c (value, (char) peek (self, 0));
          bump (self);
        }
    }
}

/* Classifies the atom text [@start, cursor) as a symbol or a number. */
static SandbarSbplTokenKind
classify_atom (SandbarSbplTokenizer *self,
               gsize                 start,
               Problem              *problem,
               Scan                 *scan)
{
  const char *text = self->text + start;
  gsize len = self->pos - start;
  gsize sign = (text[0] == '-' || text[0] == '+') ? 1 : 0;
  gboolean overflow;
  gsize i;

  if (len == 1 && text[0] == '.')
    {
      problem_set (problem, &scan->token.span, SANDBAR_SBPL_READER_ERROR_INVALID_TOKEN,
                   N_("dotted pairs are not supported"));
      return SANDBAR_SBPL_TOKEN_ERROR;
    }

  for (i = sign; i < len; i++)
    if (text[i] < '0' || text[i] > '9')
      break;
  if (len == sign || i < len)
    return SANDBAR_SBPL_TOKEN_SYMBOL;

  if (!parse_digits (text + sign, len - sign, 10, &scan->number, &overflow))
    {
      problem_set (problem, &scan->token.span, SANDBAR_SBPL_READER_ERROR_INVALID_TOKEN,
                   N_("number out of range"));
      return SANDBAR_SBPL_TOKEN_ERROR;
    }
  if (text[0] == '-')
    scan->number = -scan->number;

  return SANDBAR_SBPL_TOKEN_NUMBER;
}

/* `#t`, `#f`, `#o17`, `#x1F`, `#b101`, `#d9`; the text [@start, cursor). */
static SandbarSbplTokenKind
classify_sharp (SandbarSbplTokenizer *self,
                gsize                 start,
                Problem              *problem,
                Scan                 *scan)
{
  const char *text = self->text + start;
  gsize len = self->pos - start;
  guint base = 0;
  gboolean overflow = FALSE;

  if (len == 2 && (text[1] == 't' || text[1] == 'f'))
    {
      scan->number = text[1] == 't';
      return SANDBAR_SBPL_TOKEN_BOOLEAN;
    }

  if (len >= 2)
    base = text[1] == 'o' ? 8 : text[1] == 'x' ? 16 : text[1] == 'b' ? 2 : text[1] == 'd' ? 10 : 0;

  if (base != 0 && parse_digits (text + 2, len - 2, base, &scan->number, &overflow))
    return SANDBAR_SBPL_TOKEN_NUMBER;

  problem_set (problem, &scan->token.span, SANDBAR_SBPL_READER_ERROR_INVALID_TOKEN,
               overflow ? N_("number out of range")
                        : base != 0 ? N_("invalid number")
                                    : N_("unknown “#” syntax"));
  return SANDBAR_SBPL_TOKEN_ERROR;
}

static void
scan_to_delimiter (SandbarSbplTokenizer *self)
{
  while (!is_delimiter (peek (self, 0)))
    bump (self);
}

/* Scans one token at the cursor (whitespace already skipped) into @scan.
 * @value receives the token's value: the decoded string, the raw regex,
 * the text of a symbol, number or boolean. */
static void
scan_token (SandbarSbplTokenizer *self,
            Scan                 *scan,
            GString              *value)
{
  gsize start = self->pos;
  int c = peek (self, 0);
  int next = peek (self, 1);
  SandbarSbplTokenKind kind;

  mark (self, &scan->token.span);

  if (c == '(' || c == ')' || c == '\'')
    {
      kind = c == '(' ? SANDBAR_SBPL_TOKEN_OPEN
                      : c == ')' ? SANDBAR_SBPL_TOKEN_CLOSE : SANDBAR_SBPL_TOKEN_QUOTE;
      bump (self);
    }
  else if (c == ';')
    {
      kind = SANDBAR_SBPL_TOKEN_LINE_COMMENT;
      scan_line_comment (self);
    }
  else if (c == '"')
    {
      kind = SANDBAR_SBPL_TOKEN_STRING;
      scan_string (self, &scan->problem, value);
    }
  else if (c == '#' && next == '"')
    {
      kind = SANDBAR_SBPL_TOKEN_REGEX;
      scan_regex (self, &scan->problem, value);
    }
  else if (c == '#' && next == '|')
    {
      kind = SANDBAR_SBPL_TOKEN_BLOCK_COMMENT;
      scan_block_comment (self, &scan->problem);
    }
  else if (c == '\0')
    {
      kind = SANDBAR_SBPL_TOKEN_ERROR;
      problem_set_here (&scan->problem, self, SANDBAR_SBPL_READER_ERROR_NUL_BYTE,
                        N_("NUL byte in the text"));
      bump (self);
    }
  else if (c == '`' || c == ',')
    {
      /* TinyScheme reads these as quasiquote; SBPL has no use for them and
       * a symbol would silently mean something else. */
      kind = SANDBAR_SBPL_TOKEN_ERROR;
      problem_set_here (&scan->problem, self, SANDBAR_SBPL_READER_ERROR_INVALID_TOKEN,
                        N_("quasiquote is not supported"));
      bump (self);
    }
  else
    {
      bump (self);
      scan_to_delimiter (self);
      if (value != NULL)
        g_string_append_len (value, self->text + start, self->pos - start);
      kind = c == '#' ? classify_sharp (self, start, &scan->problem, scan)
                      : classify_atom (self, start, &scan->problem, scan);
    }

  scan->token.span.end = self->pos;
  scan->token.kind = scan->problem.found ? SANDBAR_SBPL_TOKEN_ERROR : kind;
  /* The error span runs from the problem to the end of the bad token, so
   * an editor can underline it. */
  if (scan->problem.found)
    scan->problem.where.end = self->pos;
}

/* Skips whitespace and scans the next token. Returns FALSE at the end of
 * the text. A token with a problem comes back as an ERROR token covering
 * the bad text, with the problem in @scan, and the cursor after it. */
static gboolean
tokenizer_scan (SandbarSbplTokenizer *self,
                Scan                 *scan,
                GString              *value)
{
  memset (scan, 0, sizeof *scan);
  if (value != NULL)
    g_string_truncate (value, 0);

  while (is_space (peek (self, 0)))
    bump (self);

  if (peek (self, 0) == -1)
    return FALSE;

  scan_token (self, scan, value);
  return TRUE;
}

/* Every reader message has the shape `LINE:COLUMN: what`. */
static void
set_error (GError               **error,
           SandbarSbplSpan       *error_span,
           SandbarSbplReaderError code,
           const SandbarSbplSpan *where,
           const char            *message)
{
  if (error_span != NULL)
    *error_span = *where;

  g_set_error (error, SANDBAR_SBPL_READER_ERROR, code, "%u:%u: %s",
               where->line, where->column, _(message));
}


/* Tokenizer API */

/**
 * sandbar_sbpl_tokenizer_new:
 * @text: SBPL text; it must stay alive and unchanged while the tokenizer is used
 * @length: length of @text in bytes, or -1 if it is NUL-terminated
 *
 * Creates a tokenizer for syntax highlighting or other token-level work.
 *
 * Returns: (transfer full): a new tokenizer
 */
SandbarSbplTokenizer *
sandbar_sbpl_tokenizer_new (const char *text,
                            gssize      length)
{
  SandbarSbplTokenizer *self;

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  self = g_new0 (SandbarSbplTokenizer, 1);
  tokenizer_init (self, text, length < 0 ? strlen (text) : (gsize) length);
  return self;
}

/**
 * sandbar_sbpl_tokenizer_next:
 * @self: a tokenizer
 * @token: (out caller-allocates): the token
 * @error: return location for a #GError
 *
 * Reads the next token. Whitespace is skipped; comments are tokens.
 *
 * On a lexical error, @error is set and @token is still filled in, as a
 * %SANDBAR_SBPL_TOKEN_ERROR token that covers the bad text (an unterminated
 * string to the end of the text, a bad escape the whole string); the
 * tokenizer has moved past it, so a highlighter can call this again to go
 * on:
 *
 * ```c
 * for (;;)
 *   {
 *     g_autoptr(GError) local_error = NULL;
 *
 *     if (!sandbar_sbpl_tokenizer_next (tokenizer, &token, &local_error) &&
 *         local_error == NULL)
 *       break;
 *     highlight (&token);
 *   }
 * ```
 *
 * Returns: %TRUE if @token is a token; %FALSE at the end of the text
 *   (with @error unset) or on an error
 */
gboolean
sandbar_sbpl_tokenizer_next (SandbarSbplTokenizer  *self,
                             SandbarSbplToken      *token,
                             GError               **error)
{
  Scan scan;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (token != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!tokenizer_scan (self, &scan, NULL))
    return FALSE;

  *token = scan.token;
  if (scan.problem.found)
    {
      set_error (error, NULL, scan.problem.code, &scan.problem.where, scan.problem.message);
      return FALSE;
    }

  return TRUE;
}

/**
 * sandbar_sbpl_tokenizer_free:
 * @self: (nullable): a tokenizer
 *
 * Frees @self (not the text).
 */
void
sandbar_sbpl_tokenizer_free (SandbarSbplTokenizer *self)
{
  g_free (self);
}

/**
 * sandbar_sbpl_tokenize:
 * @text: SBPL text
 * @length: length of @text in bytes, or -1 if it is NUL-terminated
 *
 * Reads all tokens of @text, for syntax highlighting. Text that cannot be
 * read becomes %SANDBAR_SBPL_TOKEN_ERROR tokens; use sandbar_sbpl_parse()
 * for the messages.
 *
 * Returns: (transfer full) (element-type SandbarSbplToken): the tokens in
 *   order
 */
GArray *
sandbar_sbpl_tokenize (const char *text,
                       gssize      length)
{
  SandbarSbplTokenizer tokenizer;
  GArray *tokens;
  Scan scan;

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  tokenizer_init (&tokenizer, text, length < 0 ? strlen (text) : (gsize) length);
  tokens = g_array_new (FALSE, FALSE, sizeof (SandbarSbplToken));

  while (tokenizer_scan (&tokenizer, &scan, NULL))
    g_array_append_val (tokens, scan.token);

  return tokens;
}


/* Tree */

static SandbarSbplNode *
node_new (SandbarSbplNodeKind    kind,
          const SandbarSbplSpan *span)
{
  SandbarSbplNode *node = g_new0 (SandbarSbplNode, 1);

  node->kind = kind;
  node->span = *span;
  if (kind == SANDBAR_SBPL_NODE_LIST)
    node->children = g_ptr_array_new_with_free_func ((GDestroyNotify) sandbar_sbpl_node_free);

  return node;
}

static SandbarSbplNode *
node_new_atom (SandbarSbplNodeKind    kind,
               const SandbarSbplSpan *span,
               const char            *value,
               gsize                  length,
               gint64                 number)
{
  SandbarSbplNode *node = node_new (kind, span);

  /* g_malloc + NUL so that callers may also treat it as a C string. */
  node->value = g_malloc (length + 1);
  memcpy (node->value, value, length);
  node->value[length] = '\0';
  node->length = length;
  node->number = number;

  return node;
}

static SandbarSbplNodeKind
node_kind_for_token (SandbarSbplTokenKind kind)
{
  switch (kind)
    {
    case SANDBAR_SBPL_TOKEN_SYMBOL:  return SANDBAR_SBPL_NODE_SYMBOL;
    case SANDBAR_SBPL_TOKEN_STRING:  return SANDBAR_SBPL_NODE_STRING;
    case SANDBAR_SBPL_TOKEN_REGEX:   return SANDBAR_SBPL_NODE_REGEX;
    case SANDBAR_SBPL_TOKEN_NUMBER:  return SANDBAR_SBPL_NODE_NUMBER;
    case SANDBAR_SBPL_TOKEN_BOOLEAN: return SANDBAR_SBPL_NODE_BOOLEAN;
    default:
      g_assert_not_reached ();
    }
}

static Frame *
frames_top (GArray *frames)
{
  return &g_array_index (frames, Frame, frames->len - 1);
}

/* Opens a list (or a quote, which reads as `(quote …)`) inside the
 * current one. The list is attached to its parent at once, so freeing the
 * root frees everything, whatever state the parse stopped in. */
static void
frames_push (GArray                 *frames,
             const SandbarSbplToken *token,
             gboolean                is_quote)
{
  Frame frame = { node_new (SANDBAR_SBPL_NODE_LIST, &token->span), is_quote };

  g_ptr_array_add (frames_top (frames)->list->children, frame.list);
  if (is_quote)
    g_ptr_array_add (frame.list->children,
                     node_new_atom (SANDBAR_SBPL_NODE_SYMBOL, &token->span, "quote", 5, 0));
  g_array_append_val (frames, frame);
}

/* A datum ending at @end has just been completed in the top frame: a quote
 * holds exactly one datum, so pending quotes end here too. */
static void
frames_finish_quotes (GArray *frames,
                      gsize   end)
{
  while (frames_top (frames)->is_quote)
    {
      frames_top (frames)->list->span.end = end;
      g_array_set_size (frames, frames->len - 1);
    }
}

/* Handles one token of the parse. Returns FALSE with @error set when the
 * token cannot go where it is. */
static gboolean
parse_token (GArray          *frames,
             const Scan      *scan,
             const GString   *value,
             SandbarSbplSpan *error_span,
             GError         **error)
{
  const SandbarSbplToken *token = &scan->token;
  Frame *top = frames_top (frames);

  switch (token->kind)
    {
    case SANDBAR_SBPL_TOKEN_LINE_COMMENT:
    case SANDBAR_SBPL_TOKEN_BLOCK_COMMENT:
      return TRUE;

    case SANDBAR_SBPL_TOKEN_ERROR:
      set_error (error, error_span, scan->problem.code, &scan->problem.where,
                 scan->problem.message);
      return FALSE;

    case SANDBAR_SBPL_TOKEN_OPEN:
    case SANDBAR_SBPL_TOKEN_QUOTE:
      /* The root is frame 0 and does not count as a level. */
      if (frames->len > SANDBAR_SBPL_MAX_DEPTH)
        {
          set_error (error, error_span, SANDBAR_SBPL_READER_ERROR_TOO_DEEP, &token->span,
                     N_("lists nest too deeply"));
          return FALSE;
        }
      frames_push (frames, token, token->kind == SANDBAR_SBPL_TOKEN_QUOTE);
      return TRUE;

    case SANDBAR_SBPL_TOKEN_CLOSE:
      if (frames->len == 1 || top->is_quote)
        {
          set_error (error, error_span, SANDBAR_SBPL_READER_ERROR_UNEXPECTED_CLOSE, &token->span,
                     frames->len == 1 ? N_("unexpected “)”") : N_("“)” right after a quote"));
          return FALSE;
        }
      top->list->span.end = token->span.end;
      g_array_set_size (frames, frames->len - 1);
      frames_finish_quotes (frames, token->span.end);
      return TRUE;

    case SANDBAR_SBPL_TOKEN_SYMBOL:
    case SANDBAR_SBPL_TOKEN_STRING:
    case SANDBAR_SBPL_TOKEN_REGEX:
    case SANDBAR_SBPL_TOKEN_NUMBER:
    case SANDBAR_SBPL_TOKEN_BOOLEAN:
      g_ptr_array_add (top->list->children,
                       node_new_atom (node_kind_for_token (token->kind), &token->span,
                                      value->str, value->len, scan->number));
      frames_finish_quotes (frames, token->span.end);
      return TRUE;

    default:
      g_assert_not_reached ();
    }
}

/* At the end of the text every list must be closed. The innermost open
 * list is reported: with one `)` missing it is the form that lacks it. */
static gboolean
parse_check_end (GArray          *frames,
                 SandbarSbplSpan *error_span,
                 GError         **error)
{
  Frame *top = frames_top (frames);

  if (frames->len == 1)
    return TRUE;

  if (top->is_quote)
    set_error (error, error_span, SANDBAR_SBPL_READER_ERROR_INVALID_TOKEN, &top->list->span,
               N_("quote without anything to quote"));
  else
    set_error (error, error_span, SANDBAR_SBPL_READER_ERROR_UNBALANCED_PAREN, &top->list->span,
               N_("“(” is never closed"));
  return FALSE;
}

/**
 * sandbar_sbpl_parse_full:
 * @text: SBPL text
 * @length: length of @text in bytes, or -1 if it is NUL-terminated
 * @error_span: (out caller-allocates) (optional): where the error is, for
 *   an editor that marks it
 * @error: return location for a #GError
 *
 * Like sandbar_sbpl_parse(), and also tells where the error is.
 *
 * Returns: (transfer full) (nullable): the root list, or %NULL on error
 */
SandbarSbplNode *
sandbar_sbpl_parse_full (const char       *text,
                         gssize            length,
                         SandbarSbplSpan  *error_span,
                         GError          **error)
{
  SandbarSbplTokenizer tokenizer;
  g_autoptr(GArray) frames = NULL;
  g_autoptr(GString) value = NULL;
  g_autoptr(SandbarSbplNode) root = NULL;
  SandbarSbplSpan whole;
  Scan scan;

  g_return_val_if_fail (text != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  tokenizer_init (&tokenizer, text, length < 0 ? strlen (text) : (gsize) length);
  whole = (SandbarSbplSpan) { 0, tokenizer.length, 1, 1 };
  root = node_new (SANDBAR_SBPL_NODE_LIST, &whole);
  frames = g_array_new (FALSE, FALSE, sizeof (Frame));
  g_array_append_val (frames, ((Frame) { root, FALSE }));
  value = g_string_new (NULL);

  while (tokenizer_scan (&tokenizer, &scan, value))
    if (!parse_token (frames, &scan, value, error_span, error))
      return NULL;

  if (!parse_check_end (frames, error_span, error))
    return NULL;

  return g_steal_pointer (&root);
}

/**
 * sandbar_sbpl_parse:
 * @text: SBPL text
 * @length: length of @text in bytes, or -1 if it is NUL-terminated
 * @error: return location for a #GError
 *
 * Parses SBPL text into a tree. The root is a %SANDBAR_SBPL_NODE_LIST
 * spanning the whole text whose children are the top-level forms;
 * comments are dropped.
 *
 * Returns: (transfer full) (nullable): the root list, or %NULL with @error
 *   set (domain %SANDBAR_SBPL_READER_ERROR, message `LINE:COLUMN: what`)
 */
SandbarSbplNode *
sandbar_sbpl_parse (const char  *text,
                    gssize       length,
                    GError     **error)
{
  return sandbar_sbpl_parse_full (text, length, NULL, error);
}

/**
 * sandbar_sbpl_node_free:
 * @node: (nullable): a node
 *
 * Frees @node and its children.
 */
void
sandbar_sbpl_node_free (SandbarSbplNode *node)
{
  if (node == NULL)
    return;

  g_clear_pointer (&node->children, g_ptr_array_unref);
  g_free (node->value);
  g_free (node);
}


/* Queries */

/**
 * sandbar_sbpl_node_get_head:
 * @node: a node
 *
 * Returns: (nullable) (transfer none): the name of the symbol that starts
 *   the list @node, such as `allow`; %NULL if @node is not a list or does
 *   not start with a symbol
 */
const char *
sandbar_sbpl_node_get_head (const SandbarSbplNode *node)
{
  const SandbarSbplNode *first;

  g_return_val_if_fail (node != NULL, NULL);

  if (node->kind != SANDBAR_SBPL_NODE_LIST || node->children->len == 0)
    return NULL;

  first = g_ptr_array_index (node->children, 0);
  return first->kind == SANDBAR_SBPL_NODE_SYMBOL ? first->value : NULL;
}

/**
 * sandbar_sbpl_node_is_call:
 * @node: a node
 * @head: a symbol name such as `allow`
 *
 * Returns: %TRUE if @node is a list whose first element is the symbol
 *   @head (compared exactly, like Apple's reader presumably does; stock
 *   TinyScheme folds symbols to lower case)
 */
gboolean
sandbar_sbpl_node_is_call (const SandbarSbplNode *node,
                           const char            *head)
{
  const char *name;

  g_return_val_if_fail (node != NULL, FALSE);
  g_return_val_if_fail (head != NULL, FALSE);

  name = sandbar_sbpl_node_get_head (node);
  return name != NULL && strcmp (name, head) == 0;
}

/**
 * sandbar_sbpl_node_equal_bytes:
 * @node: a node
 * @bytes: bytes to compare the value with
 * @length: length of @bytes, or -1 if it is NUL-terminated
 *
 * Returns: %TRUE if @node is an atom whose value is exactly @bytes
 */
gboolean
sandbar_sbpl_node_equal_bytes (const SandbarSbplNode *node,
                               const char            *bytes,
                               gssize                 length)
{
  g_return_val_if_fail (node != NULL, FALSE);
  g_return_val_if_fail (bytes != NULL || length == 0, FALSE);

  if (length < 0)
    length = strlen (bytes);

  return node->value != NULL && node->length == (gsize) length &&
         memcmp (node->value, bytes, length) == 0;
}

/* Pre-order walk: a node comes before its children, so results are in
 * document order. Depth is bounded by the parser. */
static void
find_calls_into (const SandbarSbplNode *node,
                 const char            *head,
                 GPtrArray             *found)
{
  guint i;

  if (sandbar_sbpl_node_is_call (node, head))
    g_ptr_array_add (found, (gpointer) node);

  if (node->kind == SANDBAR_SBPL_NODE_LIST)
    for (i = 0; i < node->children->len; i++)
      find_calls_into (g_ptr_array_index (node->children, i), head, found);
}

/**
 * sandbar_sbpl_node_find_calls:
 * @node: a node, usually the root
 * @head: a symbol name such as `allow`
 *
 * Finds every form whose head symbol is @head, at any depth, @node
 * included. For top-level forms only, test the root's children with
 * sandbar_sbpl_node_is_call().
 *
 * Returns: (transfer container) (element-type SandbarSbplNode): the forms in
 *   document order, borrowed from @node
 */
GPtrArray *
sandbar_sbpl_node_find_calls (const SandbarSbplNode *node,
                              const char            *head)
{
  GPtrArray *found;

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (head != NULL, NULL);

  found = g_ptr_array_new ();
  find_calls_into (node, head, found);
  return found;
}

static void
collect_into (const SandbarSbplNode *node,
              SandbarSbplNodeKind    kind,
              GPtrArray             *found)
{
  guint i;

  if (node->kind == kind)
    g_ptr_array_add (found, (gpointer) node);

  if (node->kind == SANDBAR_SBPL_NODE_LIST)
    for (i = 0; i < node->children->len; i++)
      collect_into (g_ptr_array_index (node->children, i), kind, found);
}

/**
 * sandbar_sbpl_node_collect:
 * @node: a node, usually the root
 * @kind: the kind of node to collect
 *
 * Finds every node of @kind below @node, @node included; for example all
 * %SANDBAR_SBPL_NODE_REGEX nodes, to check that a profile has none.
 *
 * Returns: (transfer container) (element-type SandbarSbplNode): the nodes in
 *   document order, borrowed from @node
 */
GPtrArray *
sandbar_sbpl_node_collect (const SandbarSbplNode *node,
                           SandbarSbplNodeKind    kind)
{
  GPtrArray *found;

  g_return_val_if_fail (node != NULL, NULL);

  found = g_ptr_array_new ();
  collect_into (node, kind, found);
  return found;
}

/**
 * sandbar_sbpl_node_collect_strings:
 * @node: a node, usually the root
 *
 * Collects the decoded values of all string literals below @node, to
 * compare them with the data a profile was generated from. A value may
 * hold NUL bytes, hence #GBytes.
 *
 * Returns: (transfer full) (element-type GBytes): the values in document
 *   order
 */
GPtrArray *
sandbar_sbpl_node_collect_strings (const SandbarSbplNode *node)
{
  g_autoptr(GPtrArray) nodes = NULL;
  GPtrArray *values;
  guint i;

  g_return_val_if_fail (node != NULL, NULL);

  nodes = sandbar_sbpl_node_collect (node, SANDBAR_SBPL_NODE_STRING);
  values = g_ptr_array_new_full (nodes->len, (GDestroyNotify) g_bytes_unref);
  for (i = 0; i < nodes->len; i++)
    {
      const SandbarSbplNode *string = g_ptr_array_index (nodes, i);

      g_ptr_array_add (values, g_bytes_new (string->value, string->length));
    }

  return values;
}

static gboolean
eval_string_into (const SandbarSbplNode *node,
                  GByteArray            *out)
{
  guint i;

  if (node->kind == SANDBAR_SBPL_NODE_STRING)
    {
      g_byte_array_append (out, (const guint8 *) node->value, node->length);
      return TRUE;
    }

  if (!sandbar_sbpl_node_is_call (node, "string-append"))
    return FALSE;
  for (i = 1; i < node->children->len; i++)
    if (!eval_string_into (g_ptr_array_index (node->children, i), out))
      return FALSE;
  return TRUE;
}

/**
 * sandbar_sbpl_node_eval_string:
 * @node: a node
 *
 * Evaluates @node as a constant string: a string literal is its decoded
 * value, and `(string-append …)` of such strings (at any depth) is their
 * concatenation, as SBPL computes it. This is how the inline rendering
 * writes a value too long for one literal (see
 * sandbar_sbpl_append_string()).
 *
 * Returns: (transfer full) (nullable): the value, or %NULL when @node is
 *   anything else, such as a `(param …)` or a symbol
 */
GBytes *
sandbar_sbpl_node_eval_string (const SandbarSbplNode *node)
{
  g_autoptr(GByteArray) out = NULL;

  g_return_val_if_fail (node != NULL, NULL);

  out = g_byte_array_new ();
  if (!eval_string_into (node, out))
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}


/* Quoting */

/**
 * sandbar_sbpl_append_quoted:
 * @out: where to append
 * @s: the bytes to quote; must not hold NUL
 * @len: length of @s in bytes
 *
 * Appends @s to @out as an SBPL string literal. Only `\` and `"` are
 * escaped (as `\\` and `\"`); every other byte is data to the reader,
 * so `( ) ; # '`, line breaks and UTF-8 go through unchanged and
 * sandbar_sbpl_parse() gives back exactly @s. A NUL byte cannot be
 * represented safely (C consumers stop at it): the input policy rejects
 * it before text gets here.
 *
 * Literals of 256 bytes or more fail in stock TinyScheme, and above about
 * 1025 bytes in sandbox-exec; sandbar_sbpl_append_string() splits longer
 * values.
 */
void
sandbar_sbpl_append_quoted (GString    *out,
                            const char *s,
                            gsize       len)
{
  gsize i;

  g_return_if_fail (out != NULL);
  g_return_if_fail (s != NULL || len == 0);
  g_return_if_fail (len == 0 || memchr (s, '\0', len) == NULL);

  g_string_append_c (out, '"');
  for (i = 0; i < len; i++)
    {
      if (s[i] == '\\' || s[i] == '"')
        g_string_append_c (out, '\\');
      g_string_append_c (out, s[i]);
    }
  g_string_append_c (out, '"');
}

/**
 * sandbar_sbpl_quote_string:
 * @s: the bytes to quote; must not hold NUL
 * @len: length of @s in bytes
 *
 * Returns @s as an SBPL string literal; see sandbar_sbpl_append_quoted().
 *
 * Returns: (transfer full): `"…"` with `\` and `"` escaped
 */
char *
sandbar_sbpl_quote_string (const char *s,
                           gsize       len)
{
  GString *out;

  g_return_val_if_fail (s != NULL || len == 0, NULL);
  g_return_val_if_fail (len == 0 || memchr (s, '\0', len) == NULL, NULL);

  out = g_string_sized_new (len + 2);
  sandbar_sbpl_append_quoted (out, s, len);
  return g_string_free (out, FALSE);
}

/* The length of the UTF-8 character at @s, at most @len; a byte that does
 * not start a valid character counts alone (the input policy rejects
 * invalid UTF-8 before text gets here, so this only keeps the split safe). */
static gsize
utf8_char_length (const char *s,
                  gsize       len)
{
  const char *next = g_utf8_find_next_char (s, s + len);
  gsize n = next != NULL ? (gsize) (next - s) : len;

  if (n > 1 && g_utf8_get_char_validated (s, n) == (gunichar) -1)
    return 1;
  return n;
}

/**
 * sandbar_sbpl_append_string:
 * @out: where to append
 * @s: the bytes to write; must not hold NUL
 * @len: length of @s in bytes
 * @max_literal: the most bytes one literal may hold between its quotes,
 *   escapes included; at least 4, so that any one character fits
 *
 * Appends an SBPL expression whose value is @s. When @s fits in one
 * literal of @max_literal bytes (counted as escaped, without the quotes)
 * this is exactly sandbar_sbpl_append_quoted(); otherwise it is
 * `(string-append "…" "…" …)` of literals of at most @max_literal bytes
 * each. A literal ends only between two UTF-8 characters, never inside
 * one or inside an escape (`\\`, `\"`), so each is valid text on its own
 * and the pieces concatenate to exactly @s.
 *
 * sandbox-exec refuses literals above about 1025 bytes ("Error reading
 * string") while `string-append` results have no such limit (reference/
 * sbpl.md, "Length limits"); stock TinyScheme reads at most 255 bytes.
 */
void
sandbar_sbpl_append_string (GString    *out,
                            const char *s,
                            gsize       len,
                            gsize       max_literal)
{
  gsize escaped = len;
  gsize used = 0;

  g_return_if_fail (out != NULL);
  g_return_if_fail (s != NULL || len == 0);
  g_return_if_fail (len == 0 || memchr (s, '\0', len) == NULL);
  g_return_if_fail (max_literal >= 4);

  for (gsize i = 0; i < len; i++)
    escaped += s[i] == '\\' || s[i] == '"';
  if (escaped <= max_literal)
    {
      sandbar_sbpl_append_quoted (out, s, len);
      return;
    }

  g_string_append (out, "(string-append \"");
  for (gsize i = 0; i < len;)
    {
      gsize n = utf8_char_length (s + i, len - i);
      gboolean escape = n == 1 && (s[i] == '\\' || s[i] == '"');

      if (used + n + escape > max_literal)
        {
          g_string_append (out, "\" \"");
          used = 0;
        }
      if (escape)
        g_string_append_c (out, '\\');
      g_string_append_len (out, s + i, n);
      used += n + escape;
      i += n;
    }
  g_string_append (out, "\")");
}
