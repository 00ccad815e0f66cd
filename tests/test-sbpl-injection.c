/* test-sbpl-injection.c — hostile strings in every path field are inert
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DESIGN.md, SBPL generation rules 1, 2 and 4, as properties: for random
 * and hostile strings in each path field,
 *  (a) the parameter rendering is byte-identical to the one for a benign
 *      path of the same shape (`/home/u/x`),
 *  (b) the parameters are the benign ones with exactly the expected
 *      canonical strings in place of the benign values,
 *  (c) the inline rendering reads back (sandbar_sbpl_parse) to the same
 *      tree as the benign one, except that its strings hold exactly the
 *      expected strings, where a string is a literal or, for a value too
 *      long for one literal, `(string-append "…" "…")` of literals, and
 *      no literal is longer than SANDBAR_SBPL_LITERAL_MAX_BYTES;
 * and invalid input never renders. The seed is fixed; set
 * SANDBAR_TEST_SEED to explore others and SANDBAR_TEST_ITERATIONS for more
 * strings.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "sandbar-policy.h"
#include "sandbar-profile.h"
#include "sandbar-sbpl-private.h"
#include "sandbar-sbpl-reader.h"
#include "sbpl-fixture.h"
#include "sbpl-literals.h"
#include "sbpl-random.h"

#define DEFAULT_SEED       20260401
#define DEFAULT_ITERATIONS 500

typedef enum
{
  FIELD_WRITABLE_ROOT,
  FIELD_WORKING_DIRECTORY,
  FIELD_DENY_READ,
  FIELD_SOCKET_SUBPATH,
  FIELD_SOCKET_EXACT,
  FIELD_PROTECTED_NAME,
} Field;

static const char * const field_names[] = {
  "writable-root", "working-directory", "deny-read", "socket-subpath", "socket-exact",
  "protected-name",
};

/* The roots a protected name is joined to in FIELD_PROTECTED_NAME. */
static const char * const name_roots[] = { "/home/u/src/app", "/home/u/build", NULL };

/* One value for a field: as written, and the strings it must become. */
typedef struct
{
  gboolean    macos;
  const char *written;
  const char *canonical;  /* the parameter value (for a name: the name) */
  const char *alias;      /* the macOS `/tmp` spelling, if it is a parameter too */
} Value;

static gboolean
is_socket (Field field)
{
  return field == FIELD_SOCKET_SUBPATH || field == FIELD_SOCKET_EXACT;
}

/* A profile in which only @field holds user data. */
static SandbarProfile *
profile_for (Field       field,
             const char *value)
{
  SandbarProfile *profile = sandbar_profile_new ("injection");
  g_autoptr(SandbarSocketRule) rule = NULL;
  const char *list[] = { value, NULL };

  sandbar_profile_set_name (profile, "Injection");
  switch (field)
    {
    case FIELD_WRITABLE_ROOT:
      sandbar_profile_set_writable_roots (profile, list);
      break;
    case FIELD_WORKING_DIRECTORY:
      sandbar_profile_set_working_directory (profile, value);
      break;
    case FIELD_DENY_READ:
      sandbar_profile_set_write_access (profile, SANDBAR_WRITE_ACCESS_NONE);
      sandbar_profile_set_deny_read (profile, list);
      break;
    case FIELD_SOCKET_SUBPATH:
    case FIELD_SOCKET_EXACT:
      sandbar_profile_set_write_access (profile, SANDBAR_WRITE_ACCESS_NONE);
      sandbar_profile_set_socket_access (profile, SANDBAR_SOCKET_ACCESS_ALLOWLIST);
      rule = sandbar_socket_rule_new (value, field == FIELD_SOCKET_EXACT
                                             ? SANDBAR_SOCKET_SCOPE_EXACT
                                             : SANDBAR_SOCKET_SCOPE_SUBPATH);
      sandbar_profile_add_socket_rule (profile, rule);
      break;
    case FIELD_PROTECTED_NAME:
      sandbar_profile_set_writable_roots (profile, name_roots);
      sandbar_profile_set_include_temp (profile, FALSE);
      sandbar_profile_set_protected_names (profile, list);
      break;
    default:
      g_assert_not_reached ();
    }

  return profile;
}

static SandbarSbpl *
render (Field        field,
        const Value *value)
{
  g_autoptr(SandbarProfile) profile = profile_for (field, value->written);
  g_autoptr(SandbarPathResolver) resolver = fixture_resolver_new (value->macos, NULL);
  g_autoptr(SandbarPolicy) policy = NULL;
  g_autoptr(GError) error = NULL;

  policy = sandbar_policy_new (profile, resolver, SANDBAR_POLICY_NONE, &error);
  if (policy == NULL)
    g_error ("%s “%s” was rejected: %s", field_names[field], value->written, error->message);
  return sandbar_sbpl_render (policy);
}

/* A benign string, and the hostile one that must appear in its place. */
typedef struct
{
  char     *benign;
  char     *hostile;
  gboolean  in_params;
  gboolean  in_inline;
  guint     params_hits;
  guint     inline_hits;
} Pair;

static void
pair_free (gpointer data)
{
  Pair *pair = data;

  g_free (pair->benign);
  g_free (pair->hostile);
  g_free (pair);
}

static void
add_pair (GPtrArray  *pairs,
          char       *benign,
          char       *hostile,
          gboolean    in_params,
          gboolean    in_inline)
{
  Pair *pair = g_new0 (Pair, 1);

  pair->benign = benign;
  pair->hostile = hostile;
  pair->in_params = in_params;
  pair->in_inline = in_inline;
  g_ptr_array_add (pairs, pair);
}

/* Which strings of the benign rendering the hostile value replaces. */
static GPtrArray *
expected_pairs (Field        field,
                const Value *benign,
                const Value *hostile)
{
  GPtrArray *pairs = g_ptr_array_new_with_free_func (pair_free);

  switch (field)
    {
    case FIELD_WRITABLE_ROOT:
    case FIELD_WORKING_DIRECTORY:
      /* The root, and its `.git` carve-out (joined only in the inline text). */
      add_pair (pairs, g_strdup (benign->canonical), g_strdup (hostile->canonical), TRUE, TRUE);
      add_pair (pairs, g_strconcat (benign->canonical, "/.git", NULL),
                g_strconcat (hostile->canonical, "/.git", NULL), FALSE, TRUE);
      break;
    case FIELD_DENY_READ:
    case FIELD_SOCKET_SUBPATH:
    case FIELD_SOCKET_EXACT:
      add_pair (pairs, g_strdup (benign->canonical), g_strdup (hostile->canonical), TRUE, TRUE);
      g_assert_true ((benign->alias == NULL) == (hostile->alias == NULL));
      if (hostile->alias != NULL)
        add_pair (pairs, g_strdup (benign->alias), g_strdup (hostile->alias), TRUE, TRUE);
      break;
    case FIELD_PROTECTED_NAME:
      /* A parameter of its own; inline, joined to every root. */
      add_pair (pairs, g_strdup (benign->canonical), g_strdup (hostile->canonical), TRUE, FALSE);
      for (guint i = 0; name_roots[i] != NULL; i++)
        add_pair (pairs, g_strconcat (name_roots[i], "/", benign->canonical, NULL),
                  g_strconcat (name_roots[i], "/", hostile->canonical, NULL), FALSE, TRUE);
      break;
    default:
      g_assert_not_reached ();
    }

  return pairs;
}

static Pair *
find_pair (GPtrArray  *pairs,
           const char *benign,
           gsize       length)
{
  for (guint i = 0; i < pairs->len; i++)
    {
      Pair *pair = g_ptr_array_index (pairs, i);

      if (strlen (pair->benign) == length && memcmp (pair->benign, benign, length) == 0)
        return pair;
    }
  return NULL;
}

/* The tree with every string replaced by `"`: heads, operations, filters,
 * nesting and the number of forms, but no data. */
static void
append_shape (GString               *out,
              const SandbarSbplNode *node)
{
  g_autoptr(GBytes) value = sandbar_sbpl_node_eval_string (node);

  if (value != NULL)
    {
      g_string_append_c (out, '"');
      return;
    }

  switch (node->kind)
    {
    case SANDBAR_SBPL_NODE_LIST:
      g_string_append_c (out, '(');
      for (guint i = 0; i < node->children->len; i++)
        {
          if (i > 0)
            g_string_append_c (out, ' ');
          append_shape (out, g_ptr_array_index (node->children, i));
        }
      g_string_append_c (out, ')');
      break;
    default:
      g_string_append_len (out, node->value, node->length);
      break;
    }
}

static char *
shape_of (const SandbarSbplNode *root)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < root->children->len; i++)
    {
      append_shape (out, g_ptr_array_index (root->children, i));
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

/* The strings of the tree in document order, each a literal or a
 * string-append of literals, evaluated. */
static void
collect_values (const SandbarSbplNode *node,
                GPtrArray             *values)
{
  GBytes *value = sandbar_sbpl_node_eval_string (node);

  if (value != NULL)
    g_ptr_array_add (values, value);
  else if (node->kind == SANDBAR_SBPL_NODE_LIST)
    for (guint i = 0; i < node->children->len; i++)
      collect_values (g_ptr_array_index (node->children, i), values);
}

static GPtrArray *
values_of (const SandbarSbplNode *root)
{
  GPtrArray *values = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);

  collect_values (root, values);
  return values;
}

static SandbarSbplNode *
parse (GString *text)
{
  g_autoptr(GError) error = NULL;
  SandbarSbplNode *root = sandbar_sbpl_parse (text->str, text->len, &error);

  if (root == NULL)
    g_error ("the rendering does not read back: %s\n%s", error->message, text->str);
  return root;
}

/* Properties (a), (b) and (c) for one hostile value; returns whether the
 * inline rendering had to split a string with string-append. */
static gboolean
check_value (Field        field,
             const Value *hostile)
{
  const Value benign = hostile->alias != NULL
    ? (Value) { hostile->macos, "/tmp/x", "/private/tmp/x", "/tmp/x" }
    : field == FIELD_PROTECTED_NAME
    ? (Value) { hostile->macos, "x", "x", NULL }
    : (Value) { hostile->macos, "/home/u/x", "/home/u/x", NULL };
  g_autoptr(SandbarSbpl) b = render (field, &benign);
  g_autoptr(SandbarSbpl) h = render (field, hostile);
  g_autoptr(GPtrArray) pairs = expected_pairs (field, &benign, hostile);
  g_autoptr(SandbarSbplNode) b_tree = NULL;
  g_autoptr(SandbarSbplNode) h_tree = NULL;
  g_autoptr(GPtrArray) b_strings = NULL;
  g_autoptr(GPtrArray) h_strings = NULL;
  g_autofree char *b_shape = NULL;
  g_autofree char *h_shape = NULL;

  /* (a) No user data in the text. */
  g_assert_cmpstr (h->text->str, ==, b->text->str);

  /* (b) The same parameters, with exactly the expected values. */
  g_assert_cmpuint (h->params->len, ==, b->params->len);
  for (guint i = 0; i < b->params->len; i++)
    {
      SandbarSbplParam *bp = g_ptr_array_index (b->params, i);
      SandbarSbplParam *hp = g_ptr_array_index (h->params, i);
      Pair *pair = find_pair (pairs, bp->value, strlen (bp->value));

      g_assert_cmpstr (hp->name, ==, bp->name);
      g_assert_cmpstr (hp->value, ==, pair != NULL ? pair->hostile : bp->value);
      if (pair != NULL)
        pair->params_hits++;
    }

  /* (c) The inline text reads back to the same tree and the exact strings. */
  b_tree = parse (b->inline_text);
  h_tree = parse (h->inline_text);
  b_shape = shape_of (b_tree);
  h_shape = shape_of (h_tree);
  g_assert_cmpstr (h_shape, ==, b_shape);

  g_assert_cmpuint (sbpl_longest_literal (h->inline_text), <=, SANDBAR_SBPL_LITERAL_MAX_BYTES);
  b_strings = values_of (b_tree);
  h_strings = values_of (h_tree);
  g_assert_cmpuint (h_strings->len, ==, b_strings->len);
  for (guint i = 0; i < b_strings->len; i++)
    {
      gsize b_len;
      gsize h_len;
      const char *b_str = g_bytes_get_data (g_ptr_array_index (b_strings, i), &b_len);
      const char *h_str = g_bytes_get_data (g_ptr_array_index (h_strings, i), &h_len);
      Pair *pair = find_pair (pairs, b_str, b_len);
      const char *expected = pair != NULL ? pair->hostile : b_str;
      gsize expected_len = pair != NULL ? strlen (pair->hostile) : b_len;

      if (h_len != expected_len || memcmp (h_str, expected, h_len) != 0)
        g_error ("literal %u of the inline rendering is “%.*s”, expected “%s”",
                 i, (int) h_len, h_str, expected);
      if (pair != NULL)
        pair->inline_hits++;
    }

  /* Every expected string was really there: the checks above compared
   * something. */
  for (guint i = 0; i < pairs->len; i++)
    {
      Pair *pair = g_ptr_array_index (pairs, i);

      if (pair->in_params)
        g_assert_cmpuint (pair->params_hits, >=, 1);
      if (pair->in_inline)
        g_assert_cmpuint (pair->inline_hits, >=, 1);
    }

  return strstr (h->inline_text->str, "(string-append \"") != NULL;
}

static guint
test_iterations (void)
{
  const char *env = g_getenv ("SANDBAR_TEST_ITERATIONS");

  return env != NULL ? (guint) g_ascii_strtoull (env, NULL, 10) : DEFAULT_ITERATIONS;
}

static GRand *
test_rand_new (void)
{
  const char *env = g_getenv ("SANDBAR_TEST_SEED");
  guint32 seed = env != NULL ? (guint32) g_ascii_strtoull (env, NULL, 10) : DEFAULT_SEED;

  g_test_message ("seed %u (SANDBAR_TEST_SEED)", seed);
  return g_rand_new_with_seed (seed);
}

/* Random values for one field: odd iterations on a Mac-like fixture under
 * `/tmp` (canonical `/private/tmp/…`, plus the alias for hidden paths and
 * sockets), even ones under `/home/u`. Every tenth is as long as the
 * field allows: 1023 bytes for paths, 103 for sockets, 255 for names,
 * after resolution. */
static void
test_random_field (gconstpointer data)
{
  Field field = GPOINTER_TO_INT (data);
  g_autoptr(GRand) rand = test_rand_new ();
  guint iterations = test_iterations ();
  gsize longest = 0;
  guint split = 0;

  for (guint i = 0; i < iterations; i++)
    {
      gboolean macos = i % 2 == 1;
      gboolean full = i % 10 == 9 || i % 10 == 0;
      const char *prefix = macos ? "/tmp/" : "/home/u/";
      const char *canonical_prefix = macos ? "/private/tmp/" : "/home/u/";
      gboolean aliased = macos && (field == FIELD_DENY_READ || is_socket (field));
      gsize limit = is_socket (field) ? SANDBAR_SOCKET_PATH_MAX_BYTES - 1
                                      : SANDBAR_PATH_MAX_BYTES - 1;
      g_autofree char *relative = NULL;
      g_autofree char *written = NULL;
      g_autofree char *canonical = NULL;
      g_autofree char *alias = NULL;
      Value value;

      if (field == FIELD_PROTECTED_NAME)
        {
          written = random_name (rand, 255, full);
          canonical = g_strdup (written);
        }
      else
        {
          relative = random_relative (rand, limit - strlen (canonical_prefix), full);
          written = g_strconcat (prefix, relative, NULL);
          canonical = g_strconcat (canonical_prefix, relative, NULL);
          alias = aliased ? g_strdup (written) : NULL;
        }

      value = (Value) { macos, written, canonical, alias };
      longest = MAX (longest, strlen (canonical));
      split += check_value (field, &value);
    }

  /* The limits were reached, not just approached; paths that long need
   * more than one literal inline (sockets and names never do). */
  if (iterations >= 10)
    g_assert_cmpuint (longest, >=, (field == FIELD_PROTECTED_NAME ? 255
                                    : is_socket (field) ? SANDBAR_SOCKET_PATH_MAX_BYTES - 1
                                    : SANDBAR_PATH_MAX_BYTES - 1) - 3);
  if (iterations >= 10 && field != FIELD_PROTECTED_NAME && !is_socket (field))
    g_assert_cmpuint (split, >=, 1);
}

typedef struct
{
  Field       field;
  Value       value;
} FixedCase;

/* Hand-picked values whose canonical spelling differs from the text:
 * expansion, clean-up, and the characters the shell and the resolver
 * care about. */
static const FixedCase fixed_cases[] = {
  { FIELD_WRITABLE_ROOT, { FALSE, "~/a\"b)", "/home/u/a\"b)", NULL } },
  { FIELD_WRITABLE_ROOT, { FALSE, "$HOME/$(rm -rf ~)", "/home/u/$(rm -rf ~)", NULL } },
  { FIELD_WRITABLE_ROOT, { FALSE, "/home/u//x/./\"y\\/", "/home/u/x/\"y\\", NULL } },
  { FIELD_WORKING_DIRECTORY, { FALSE, "${HOME}/src/app/../\") (allow default",
                               "/home/u/src/\") (allow default", NULL } },
  { FIELD_DENY_READ, { FALSE, "${HOME}/.ssh/\"; (allow file-read*)",
                       "/home/u/.ssh/\"; (allow file-read*)", NULL } },
  { FIELD_DENY_READ, { TRUE, "$TMPDIR/#|x|#", "/private/tmp/tmpdir-u/#|x|#",
                       "/tmp/tmpdir-u/#|x|#" } },
  { FIELD_SOCKET_SUBPATH, { FALSE, "$SSH_AUTH_SOCK", "/tmp/ssh-agent.1/agent.42", NULL } },
  { FIELD_SOCKET_EXACT, { TRUE, "/var/run/\\\") (allow network*) ;\\",
                          "/private/var/run/\\\") (allow network*) ;\\",
                          "/var/run/\\\") (allow network*) ;\\" } },
  /* Names are not paths: no expansion. */
  { FIELD_PROTECTED_NAME, { FALSE, "$HOME", "$HOME", NULL } },
  { FIELD_PROTECTED_NAME, { FALSE, "~", "~", NULL } },
  { FIELD_PROTECTED_NAME, { FALSE, "\")(allow default)(\"", "\")(allow default)(\"", NULL } },
};

static void
test_fixed (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (fixed_cases); i++)
    {
      g_test_message ("%s: %s", field_names[fixed_cases[i].field],
                      fixed_cases[i].value.written);
      check_value (fixed_cases[i].field, &fixed_cases[i].value);
    }
}

/* Invalid input. */

typedef struct
{
  const char        *value;
  SandbarInputError  code;
} Bad;

/* Bad in any path field, under `/home/u/`. */
static const Bad bad_suffixes[] = {
  { "a\nb", SANDBAR_INPUT_ERROR_CONTROL_CHARACTER },
  { "a\tb", SANDBAR_INPUT_ERROR_CONTROL_CHARACTER },
  { "\x01", SANDBAR_INPUT_ERROR_CONTROL_CHARACTER },
  { "\x1b[31m", SANDBAR_INPUT_ERROR_CONTROL_CHARACTER },
  { "a\x7f", SANDBAR_INPUT_ERROR_CONTROL_CHARACTER },
  { "\xc2\x85", SANDBAR_INPUT_ERROR_CONTROL_CHARACTER },  /* U+0085, a C1 line break */
  { "\xff", SANDBAR_INPUT_ERROR_INVALID_UTF8 },
  { "\xc3", SANDBAR_INPUT_ERROR_INVALID_UTF8 },           /* truncated sequence */
  { "\xc0\xaf", SANDBAR_INPUT_ERROR_INVALID_UTF8 },       /* overlong `/` */
  { "\xed\xa0\x80", SANDBAR_INPUT_ERROR_INVALID_UTF8 },   /* a surrogate */
  { "\xf4\x90\x80\x80", SANDBAR_INPUT_ERROR_INVALID_UTF8 },  /* above U+10FFFF */
};

static const Bad bad_names[] = {
  { "", SANDBAR_INPUT_ERROR_EMPTY },
  { "a/b", SANDBAR_INPUT_ERROR_INVALID_NAME },
  { "/", SANDBAR_INPUT_ERROR_INVALID_NAME },
  { ".", SANDBAR_INPUT_ERROR_INVALID_NAME },
  { "..", SANDBAR_INPUT_ERROR_INVALID_NAME },
  { "a\nb", SANDBAR_INPUT_ERROR_CONTROL_CHARACTER },
  { "\xc2\x85", SANDBAR_INPUT_ERROR_CONTROL_CHARACTER },
  { "\xff", SANDBAR_INPUT_ERROR_INVALID_UTF8 },
};

static SandbarField
input_field (Field field)
{
  switch (field)
    {
    case FIELD_WRITABLE_ROOT:     return SANDBAR_FIELD_WRITABLE_ROOT;
    case FIELD_WORKING_DIRECTORY: return SANDBAR_FIELD_WORKING_DIRECTORY;
    case FIELD_DENY_READ:         return SANDBAR_FIELD_DENY_READ;
    case FIELD_SOCKET_SUBPATH:
    case FIELD_SOCKET_EXACT:      return SANDBAR_FIELD_UNIX_SOCKET;
    case FIELD_PROTECTED_NAME:    return SANDBAR_FIELD_PROTECTED_NAME;
    default:                      g_assert_not_reached ();
    }
}

/* sandbar_policy_new() refuses @value in @field with @code, and says which
 * field in a message that is printable text. */
static void
assert_rejected (Field              field,
                 gboolean           macos,
                 const char        *value,
                 SandbarInputError  code)
{
  g_autoptr(SandbarProfile) profile = profile_for (field, value);
  g_autoptr(SandbarPathResolver) resolver = fixture_resolver_new (macos, NULL);
  g_autoptr(SandbarPolicy) policy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *prefix = g_strconcat (sandbar_field_label (input_field (field)), " “", NULL);
  g_autofree char *shown = sandbar_input_display (value, -1);

  g_test_message ("%s: “%s”", field_names[field], shown);
  policy = sandbar_policy_new (profile, resolver, SANDBAR_POLICY_NONE, &error);
  g_assert_null (policy);
  g_assert_error (error, SANDBAR_INPUT_ERROR, (int) code);
  if (!g_str_has_prefix (error->message, prefix))
    g_error ("the message does not start with “%s”: %s", prefix, error->message);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  for (const char *p = error->message; *p != '\0'; p++)
    g_assert_cmpint ((guchar) *p, >=, 0x20);
}

static void
test_rejected (void)
{
  for (Field field = FIELD_WRITABLE_ROOT; field <= FIELD_SOCKET_EXACT; field++)
    {
      gsize limit = is_socket (field) ? SANDBAR_SOCKET_PATH_MAX_BYTES : SANDBAR_PATH_MAX_BYTES;
      g_autofree char *too_long = g_strnfill (limit, 'a');
      g_autofree char *long_after = g_strnfill (limit - strlen ("/tmp/") - 4, '"');
      g_autofree char *tmp_long = g_strconcat ("/tmp/", long_after, NULL);

      for (guint i = 0; i < G_N_ELEMENTS (bad_suffixes); i++)
        {
          g_autofree char *value = g_strconcat ("/home/u/", bad_suffixes[i].value, NULL);

          assert_rejected (field, FALSE, value, bad_suffixes[i].code);
        }

      /* `limit` bytes as written; `limit - 4` as written but `limit + 4`
       * once `/tmp` is resolved to `/private/tmp` on a Mac. */
      too_long[0] = '/';
      assert_rejected (field, FALSE, too_long, SANDBAR_INPUT_ERROR_TOO_LONG);
      assert_rejected (field, TRUE, tmp_long, SANDBAR_INPUT_ERROR_TOO_LONG);

      /* An empty working directory means the home folder. */
      if (field != FIELD_WORKING_DIRECTORY)
        assert_rejected (field, FALSE, "", SANDBAR_INPUT_ERROR_EMPTY);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad_names); i++)
    assert_rejected (FIELD_PROTECTED_NAME, FALSE, bad_names[i].value, bad_names[i].code);
  {
    g_autofree char *long_name = g_strnfill (256, 'n');

    assert_rejected (FIELD_PROTECTED_NAME, FALSE, long_name, SANDBAR_INPUT_ERROR_TOO_LONG);
  }
}

/* A NUL byte cannot reach a profile through its C string setters; the
 * input check every path goes through rejects one inside @length, so a
 * caller with a length (a file, the GUI) cannot smuggle one in. */
static void
test_rejected_nul (void)
{
  static const char with_nul[] = "/home/u/a\0\") (allow default)";

  for (Field field = FIELD_WRITABLE_ROOT; field <= FIELD_SOCKET_EXACT; field++)
    {
      SandbarField input = input_field (field);
      g_autoptr(GError) error = NULL;

      /* g_utf8_validate_len() stops at NUL, so it is reported as invalid
       * UTF-8 before the control-character check sees it; either refuses. */
      g_assert_false (sandbar_input_check_path (input, with_nul, sizeof with_nul - 1, &error));
      g_assert_true (g_error_matches (error, SANDBAR_INPUT_ERROR,
                                      SANDBAR_INPUT_ERROR_INVALID_UTF8) ||
                     g_error_matches (error, SANDBAR_INPUT_ERROR,
                                      SANDBAR_INPUT_ERROR_CONTROL_CHARACTER));
      g_assert_true (g_str_has_prefix (error->message, sandbar_field_label (input)));
      /* The message shows where the NUL is. */
      g_assert_nonnull (strstr (error->message, "a\\x00\") (allow default)"));
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  for (Field field = FIELD_WRITABLE_ROOT; field <= FIELD_PROTECTED_NAME; field++)
    {
      g_autofree char *path = g_strconcat ("/sandbar/sbpl-injection/random/",
                                           field_names[field], NULL);

      g_test_add_data_func (path, GINT_TO_POINTER (field), test_random_field);
    }
  g_test_add_func ("/sandbar/sbpl-injection/fixed", test_fixed);
  g_test_add_func ("/sandbar/sbpl-injection/rejected", test_rejected);
  g_test_add_func ("/sandbar/sbpl-injection/rejected-nul", test_rejected_nul);

  return g_test_run ();
}
