/* test-sbpl.c — the SBPL generator: golden files, Codex parity, shape
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Golden files: tests/data/sbpl/NAME.sandbar renders to NAME.sb (the
 * parameter rendering), NAME.inline.sb and NAME.params. An optional
 * [X-Test] group in the profile sets MacOSAliases, CwdIsDefaultRoot and
 * Cwd. Run with SANDBAR_UPDATE_GOLDEN=1 to rewrite the expected files,
 * then read the diff before committing it.
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

static SandbarSbpl *
render_file (const char  *path,
             GError     **error)
{
  g_autofree char *data = NULL;
  g_autofree char *base = g_path_get_basename (path);
  g_autoptr(GKeyFile) test_keys = g_key_file_new ();
  g_autoptr(SandbarProfile) profile = NULL;
  g_autoptr(SandbarPathResolver) resolver = NULL;
  g_autoptr(SandbarPolicy) policy = NULL;
  g_autofree char *cwd = NULL;
  gsize length;
  SandbarPolicyFlags flags = SANDBAR_POLICY_NONE;

  if (!g_file_get_contents (path, &data, &length, error))
    return NULL;
  *strrchr (base, '.') = '\0';
  profile = sandbar_profile_new_from_data (base, data, length, NULL, error);
  if (profile == NULL)
    return NULL;

  g_key_file_load_from_data (test_keys, data, length, G_KEY_FILE_NONE, NULL);
  cwd = g_key_file_get_string (test_keys, "X-Test", "Cwd", NULL);
  if (g_key_file_get_boolean (test_keys, "X-Test", "CwdIsDefaultRoot", NULL))
    flags |= SANDBAR_POLICY_CWD_IS_DEFAULT_ROOT;
  resolver = fixture_resolver_new (g_key_file_get_boolean (test_keys, "X-Test", "MacOSAliases",
                                                           NULL),
                                   cwd);

  policy = sandbar_policy_new (profile, resolver, flags, error);
  if (policy == NULL)
    return NULL;
  return sandbar_sbpl_render (policy);
}

static char *
params_text (SandbarSbpl *sbpl)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < sbpl->params->len; i++)
    {
      SandbarSbplParam *param = g_ptr_array_index (sbpl->params, i);

      g_string_append_printf (text, "%s=%s\n", param->name, param->value);
    }
  return g_string_free (text, FALSE);
}

static void
compare_golden (const char *expected_path,
                const char *actual)
{
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (g_getenv ("SANDBAR_UPDATE_GOLDEN"), "1") == 0)
    {
      g_file_set_contents (expected_path, actual, -1, &error);
      g_assert_no_error (error);
      return;
    }

  g_file_get_contents (expected_path, &expected, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (actual, ==, expected);
}

static void
test_golden (gconstpointer data)
{
  const char *profile_path = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SandbarSbpl) sbpl = render_file (profile_path, &error);
  g_autofree char *stem = g_strndup (profile_path, strlen (profile_path) - strlen (".sandbar"));
  g_autofree char *sb_path = g_strconcat (stem, ".sb", NULL);
  g_autofree char *inline_path = g_strconcat (stem, ".inline.sb", NULL);
  g_autofree char *params_path = g_strconcat (stem, ".params", NULL);
  g_autofree char *params = NULL;

  g_assert_no_error (error);
  params = params_text (sbpl);
  compare_golden (sb_path, sbpl->text->str);
  compare_golden (inline_path, sbpl->inline_text->str);
  compare_golden (params_path, params);
}

/* Renders @profile on the fixture machine (Linux spellings). */
static SandbarSbpl *
render (SandbarProfile     *profile,
        SandbarPolicyFlags  flags)
{
  g_autoptr(SandbarPathResolver) resolver = fixture_resolver_new (FALSE, "/home/u/src/app");
  g_autoptr(SandbarPolicy) policy = NULL;
  g_autoptr(GError) error = NULL;

  policy = sandbar_policy_new (profile, resolver, flags, &error);
  g_assert_no_error (error);
  return sandbar_sbpl_render (policy);
}

static SandbarProfile *
new_profile (SandbarWriteAccess   write_access,
             SandbarNetworkAccess network)
{
  SandbarProfile *profile = sandbar_profile_new ("t");

  sandbar_profile_set_name (profile, "T");
  sandbar_profile_set_write_access (profile, write_access);
  sandbar_profile_set_network_access (profile, network);
  return profile;
}

static void
add_socket (SandbarProfile     *profile,
            const char         *path,
            SandbarSocketScope  scope)
{
  g_autoptr(SandbarSocketRule) rule = sandbar_socket_rule_new (path, scope);

  sandbar_profile_set_socket_access (profile, SANDBAR_SOCKET_ACCESS_ALLOWLIST);
  sandbar_profile_add_socket_rule (profile, rule);
}

static const char *
param_value (SandbarSbpl *sbpl,
             const char  *name)
{
  for (guint i = 0; i < sbpl->params->len; i++)
    {
      SandbarSbplParam *param = g_ptr_array_index (sbpl->params, i);

      if (g_str_equal (param->name, name))
        return param->value;
    }
  return NULL;
}

#define assert_has(text, needle) \
  G_STMT_START { if (strstr ((text), (needle)) == NULL) \
    g_error ("missing “%s” in:\n%s", (needle), (text)); } G_STMT_END
#define assert_lacks(text, needle) \
  G_STMT_START { if (strstr ((text), (needle)) != NULL) \
    g_error ("unexpected “%s” in:\n%s", (needle), (text)); } G_STMT_END

/* Codex seatbelt_tests.rs 14, 15, 19: the socket block and its order. */
static void
test_parity_socket_allowlist (void)
{
  g_autoptr(SandbarProfile) profile = new_profile (SANDBAR_WRITE_ACCESS_NONE,
                                                   SANDBAR_NETWORK_ACCESS_RESTRICTED);
  g_autoptr(SandbarSbpl) sbpl = NULL;

  add_socket (profile, "/tmp/b.sock", SANDBAR_SOCKET_SCOPE_SUBPATH);
  add_socket (profile, "/tmp/a.sock", SANDBAR_SOCKET_SCOPE_SUBPATH);
  add_socket (profile, "/tmp/a.sock", SANDBAR_SOCKET_SCOPE_SUBPATH);
  sbpl = render (profile, SANDBAR_POLICY_NONE);

  assert_has (sbpl->text->str, "(allow system-socket (socket-domain AF_UNIX))\n");
  assert_has (sbpl->text->str,
              "(allow network-bind (local unix-socket (subpath (param \"UNIX_SOCKET_PATH_0\"))))\n");
  assert_has (sbpl->text->str,
              "(allow network-outbound (remote unix-socket (subpath (param \"UNIX_SOCKET_PATH_0\"))))\n");
  assert_has (sbpl->text->str, "UNIX_SOCKET_PATH_1");
  assert_lacks (sbpl->text->str, "UNIX_SOCKET_PATH_2");
  g_assert_cmpstr (param_value (sbpl, "UNIX_SOCKET_PATH_0"), ==, "/tmp/a.sock");
  g_assert_cmpstr (param_value (sbpl, "UNIX_SOCKET_PATH_1"), ==, "/tmp/b.sock");
  /* No legacy form, no IP egress, no blanket socket rule. */
  assert_lacks (sbpl->text->str, "(allow network* (subpath");
  assert_lacks (sbpl->text->str, "(remote ip");
  assert_lacks (sbpl->text->str, "(remote unix-socket))");
  assert_lacks (sbpl->text->str, "\n(allow network-outbound)\n");
  /* The block ends with a newline (Codex 18). */
  g_assert_true (g_str_has_suffix (sbpl->text->str, "))\n"));
}

/* Codex 21: all sockets; Sandbar: still no IP. */
static void
test_parity_all_sockets (void)
{
  g_autoptr(SandbarProfile) profile = new_profile (SANDBAR_WRITE_ACCESS_NONE,
                                                   SANDBAR_NETWORK_ACCESS_RESTRICTED);
  g_autoptr(SandbarSbpl) sbpl = NULL;

  sandbar_profile_set_socket_access (profile, SANDBAR_SOCKET_ACCESS_ALL);
  sbpl = render (profile, SANDBAR_POLICY_NONE);
  assert_has (sbpl->text->str, "(allow system-socket (socket-domain AF_UNIX))\n"
                               "(allow network-bind (local unix-socket))\n"
                               "(allow network-outbound (remote unix-socket))\n");
  assert_lacks (sbpl->text->str, "(allow network* (subpath");
  assert_lacks (sbpl->text->str, "(remote ip");
}

/* Codex 3, 6: proxy ports only; no blanket, no bind, no DNS. */
static void
test_parity_proxy_ports (void)
{
  g_autoptr(SandbarProfile) profile = new_profile (SANDBAR_WRITE_ACCESS_NONE,
                                                   SANDBAR_NETWORK_ACCESS_RESTRICTED);
  g_autoptr(SandbarSbpl) sbpl = NULL;
  const guint ports[] = { 48081, 43128 };

  sandbar_profile_set_localhost_ports (profile, ports, 2);
  sbpl = render (profile, SANDBAR_POLICY_NONE);
  assert_has (sbpl->text->str, "(allow network-outbound (remote ip \"localhost:43128\"))\n"
                               "(allow network-outbound (remote ip \"localhost:48081\"))\n");
  assert_lacks (sbpl->text->str, "\n(allow network-outbound)\n");
  assert_lacks (sbpl->text->str, "(local ip \"*:*\")");
  assert_lacks (sbpl->text->str, "localhost:*");
  assert_lacks (sbpl->text->str, "*:53");
  assert_lacks (sbpl->text->str, ":9999");
}

/* Codex 10, 12: local binding. Sandbar leaves DNS closed (see DESIGN). */
static void
test_parity_local_binding (void)
{
  g_autoptr(SandbarProfile) profile = new_profile (SANDBAR_WRITE_ACCESS_NONE,
                                                   SANDBAR_NETWORK_ACCESS_RESTRICTED);
  g_autoptr(SandbarSbpl) sbpl = NULL;

  sandbar_profile_set_allow_local_binding (profile, TRUE);
  sbpl = render (profile, SANDBAR_POLICY_NONE);
  assert_has (sbpl->text->str, "(allow network-bind (local ip \"*:*\"))\n"
                               "(allow network-inbound (local ip \"localhost:*\"))\n"
                               "(allow network-outbound (remote ip \"localhost:*\"))\n");
  assert_lacks (sbpl->text->str, "\n(allow network-outbound)\n");
  assert_lacks (sbpl->text->str, "*:53");
}

/* Codex 17 keeps an unfiltered outbound with full network, which opens
 * every socket; Sandbar's full network is IP only and sockets keep their
 * allowlist. */
static void
test_full_network_keeps_socket_allowlist (void)
{
  g_autoptr(SandbarProfile) profile = new_profile (SANDBAR_WRITE_ACCESS_NONE,
                                                   SANDBAR_NETWORK_ACCESS_FULL);
  g_autoptr(SandbarSbpl) sbpl = NULL;

  add_socket (profile, "/tmp/codex-browser-use", SANDBAR_SOCKET_SCOPE_SUBPATH);
  sbpl = render (profile, SANDBAR_POLICY_NONE);
  assert_has (sbpl->text->str, "(allow network-outbound (remote ip))\n");
  assert_has (sbpl->text->str, "(allow network-inbound (local ip))\n");
  assert_has (sbpl->text->str,
              "(allow network-outbound (remote unix-socket (subpath (param \"UNIX_SOCKET_PATH_0\"))))");
  assert_lacks (sbpl->text->str, "\n(allow network-outbound)\n");
  assert_lacks (sbpl->text->str, "\n(allow network-inbound)\n");
  assert_lacks (sbpl->text->str, "(remote unix-socket))");
  assert_lacks (sbpl->text->str, "(allow network*");
  /* The fixed resolver socket for DNS (DESIGN.md). */
  assert_has (sbpl->text->str, "(path-literal \"/private/var/run/mDNSResponder\")");
  assert_has (sbpl->text->str, "(global-name \"com.apple.trustd.agent\")");
}

/* Codex 23 and DESIGN.md: protected names are denied after the allows,
 * built from parameters. */
static void
test_protected_names_are_denied_after_allows (void)
{
  g_autoptr(SandbarProfile) profile = new_profile (SANDBAR_WRITE_ACCESS_ROOTS,
                                                   SANDBAR_NETWORK_ACCESS_RESTRICTED);
  g_autoptr(SandbarSbpl) sbpl = NULL;
  const char *allow;
  const char *deny;

  sandbar_profile_set_working_directory (profile, "/home/u/src/app");
  sbpl = render (profile, SANDBAR_POLICY_NONE);
  allow = strstr (sbpl->text->str, "(allow file-write*\n");
  deny = strstr (sbpl->text->str, "(deny file-write*\n");
  g_assert_nonnull (allow);
  g_assert_nonnull (deny);
  g_assert_true (deny > allow);
  assert_has (deny, "(subpath (string-append (param \"WRITABLE_ROOT_0\") \"/\" "
                    "(param \"PROTECTED_NAME_0\")))");
  g_assert_cmpstr (param_value (sbpl, "WRITABLE_ROOT_0"), ==, "/home/u/src/app");
  g_assert_cmpstr (param_value (sbpl, "WRITABLE_ROOT_1"), ==, "/tmp");
  g_assert_cmpstr (param_value (sbpl, "WRITABLE_ROOT_2"), ==, "/tmp/tmpdir-u");
  g_assert_cmpstr (param_value (sbpl, "PROTECTED_NAME_0"), ==, ".git");
}

/* Rule 5: never an unfiltered allow for writes, network or sockets. */
static void
test_no_unfiltered_allows (void)
{
  for (SandbarWriteAccess w = 0; w <= SANDBAR_WRITE_ACCESS_ALL; w++)
    for (SandbarNetworkAccess n = 0; n <= SANDBAR_NETWORK_ACCESS_FULL; n++)
      for (SandbarSocketAccess s = 0; s <= SANDBAR_SOCKET_ACCESS_ALL; s++)
        {
          g_autoptr(SandbarProfile) profile = new_profile (w, n);
          g_autoptr(SandbarSbpl) sbpl = NULL;

          sandbar_profile_set_socket_access (profile, s);
          sbpl = render (profile, SANDBAR_POLICY_NONE);
          for (const char *p = sbpl->text->str; (p = strstr (p, "(allow ")) != NULL; p++)
            {
              const char *end = strchr (p, '\n');
              g_autofree char *line = g_strndup (p, end - p);
              static const char * const unfiltered[] = {
                "(allow file-write*)", "(allow file*)", "(allow network-outbound)",
                "(allow network-inbound)", "(allow network-bind)", "(allow network*)",
                "(allow system-socket)", "(allow default)", NULL
              };

              g_assert_false (g_strv_contains (unfiltered, line));
              g_assert_false (g_str_has_prefix (line, "(allow lsopen"));
              g_assert_false (g_str_has_prefix (line, "(allow appleevent-send"));
            }
          /* Rule 8: no #"…" literals anywhere. */
          assert_lacks (sbpl->text->str, "#\"");
          assert_lacks (sbpl->inline_text->str, "#\"");
        }
}

/* Rule 1: the text is the same for two profiles of the same shape. */
static void
test_same_shape_same_text (void)
{
  g_autoptr(SandbarProfile) benign = new_profile (SANDBAR_WRITE_ACCESS_ROOTS,
                                                  SANDBAR_NETWORK_ACCESS_RESTRICTED);
  g_autoptr(SandbarProfile) hostile = new_profile (SANDBAR_WRITE_ACCESS_ROOTS,
                                                   SANDBAR_NETWORK_ACCESS_RESTRICTED);
  g_autoptr(SandbarSbpl) a = NULL;
  g_autoptr(SandbarSbpl) b = NULL;
  const char *benign_roots[] = { "/home/u/a", NULL };
  const char *hostile_roots[] = { "/home/u/\")(allow default)(\"", NULL };
  const char *benign_deny[] = { "/home/u/b", NULL };
  const char *hostile_deny[] = { "/home/u/x\\\"; (allow file-read*) ;", NULL };

  sandbar_profile_set_writable_roots (benign, benign_roots);
  sandbar_profile_set_deny_read (benign, benign_deny);
  add_socket (benign, "/tmp/c.sock", SANDBAR_SOCKET_SCOPE_EXACT);
  sandbar_profile_set_writable_roots (hostile, hostile_roots);
  sandbar_profile_set_deny_read (hostile, hostile_deny);
  add_socket (hostile, "/tmp/$(rm -rf ~) `id` ;#|", SANDBAR_SOCKET_SCOPE_EXACT);

  a = render (benign, SANDBAR_POLICY_NONE);
  b = render (hostile, SANDBAR_POLICY_NONE);
  g_assert_cmpstr (a->text->str, ==, b->text->str);
  g_assert_cmpstr (param_value (b, "WRITABLE_ROOT_2"), ==, "/home/u/\")(allow default)(\"");
  g_assert_cmpstr (param_value (b, "DENY_READ_0"), ==, "/home/u/x\\\"; (allow file-read*) ;");
  g_assert_cmpstr (param_value (b, "UNIX_SOCKET_PATH_0"), ==, "/tmp/$(rm -rf ~) `id` ;#|");
  assert_has (b->inline_text->str, "(subpath \"/home/u/\\\")(allow default)(\\\"\")");
}

/* Mixed scopes: the text must not depend on how the paths sort against
 * each other (sockets are numbered by scope, then bytewise). */
static void
test_mixed_scopes_same_text (void)
{
  g_autoptr(SandbarProfile) first = new_profile (SANDBAR_WRITE_ACCESS_NONE,
                                                 SANDBAR_NETWORK_ACCESS_RESTRICTED);
  g_autoptr(SandbarProfile) second = new_profile (SANDBAR_WRITE_ACCESS_NONE,
                                                  SANDBAR_NETWORK_ACCESS_RESTRICTED);
  g_autoptr(SandbarSbpl) a = NULL;
  g_autoptr(SandbarSbpl) b = NULL;

  add_socket (first, "/tmp/a.sock", SANDBAR_SOCKET_SCOPE_SUBPATH);
  add_socket (first, "/tmp/b.sock", SANDBAR_SOCKET_SCOPE_EXACT);
  add_socket (second, "/tmp/c.sock", SANDBAR_SOCKET_SCOPE_SUBPATH);
  add_socket (second, "/tmp/b.sock", SANDBAR_SOCKET_SCOPE_EXACT);
  a = render (first, SANDBAR_POLICY_NONE);
  b = render (second, SANDBAR_POLICY_NONE);
  g_assert_cmpstr (a->text->str, ==, b->text->str);
  g_assert_cmpstr (param_value (b, "UNIX_SOCKET_PATH_0"), ==, "/tmp/c.sock");
  g_assert_cmpstr (param_value (b, "UNIX_SOCKET_PATH_1"), ==, "/tmp/b.sock");
}

/* Rule 9: deterministic and locale-independent. */
static void
test_deterministic (void)
{
  g_autoptr(SandbarProfile) profile = new_profile (SANDBAR_WRITE_ACCESS_ROOTS,
                                                   SANDBAR_NETWORK_ACCESS_RESTRICTED);
  g_autoptr(SandbarSbpl) first = NULL;
  g_autoptr(SandbarSbpl) second = NULL;
  const guint ports[] = { 65535, 1, 3128 };
  const char *locales[] = { "de_DE.UTF-8", "fr_FR.UTF-8", "ar_EG.UTF-8", "C", NULL };

  sandbar_profile_set_localhost_ports (profile, ports, 3);
  add_socket (profile, "/tmp/Ä.sock", SANDBAR_SOCKET_SCOPE_SUBPATH);
  add_socket (profile, "/tmp/a.sock", SANDBAR_SOCKET_SCOPE_SUBPATH);
  add_socket (profile, "/tmp/B.sock", SANDBAR_SOCKET_SCOPE_SUBPATH);
  first = render (profile, SANDBAR_POLICY_NONE);

  for (guint i = 0; locales[i] != NULL; i++)
    {
      g_autoptr(SandbarSbpl) again = NULL;

      if (setlocale (LC_ALL, locales[i]) == NULL)
        continue;
      again = render (profile, SANDBAR_POLICY_NONE);
      g_assert_cmpstr (again->text->str, ==, first->text->str);
      g_assert_cmpstr (again->inline_text->str, ==, first->inline_text->str);
    }
  setlocale (LC_ALL, "C.UTF-8");

  /* Bytewise order, not collation: "B" < "a" < "Ä". */
  g_assert_cmpstr (param_value (first, "UNIX_SOCKET_PATH_0"), ==, "/tmp/B.sock");
  g_assert_cmpstr (param_value (first, "UNIX_SOCKET_PATH_1"), ==, "/tmp/a.sock");
  g_assert_cmpstr (param_value (first, "UNIX_SOCKET_PATH_2"), ==, "/tmp/Ä.sock");
  second = render (profile, SANDBAR_POLICY_NONE);
  g_assert_cmpstr (second->text->str, ==, first->text->str);
  assert_has (first->text->str, "localhost:1\"))\n(allow network-outbound (remote ip \"localhost:3128\"))\n"
                                "(allow network-outbound (remote ip \"localhost:65535\"))");
}

/* One folder written several ways is one parameter. With three or more
 * spellings the policy's duplicate set once kept a freed string (found by
 * the sbpl-generator fuzz target; the sanitizer run fails without the fix). */
static void
test_duplicate_paths (void)
{
  g_autoptr(SandbarProfile) profile = new_profile (SANDBAR_WRITE_ACCESS_ROOTS,
                                                   SANDBAR_NETWORK_ACCESS_RESTRICTED);
  g_autoptr(SandbarSbpl) sbpl = NULL;
  const char * const roots[] = {
    "/home/u/build", "~/build", "$HOME/build", "/home/u/build/", "~/build/", NULL
  };
  const char * const hidden[] = {
    "~/.ssh", "/home/u/.ssh", "$HOME/.ssh", "/home/u//.ssh", "~/.ssh", NULL
  };

  sandbar_profile_set_include_temp (profile, FALSE);
  sandbar_profile_set_writable_roots (profile, roots);
  sandbar_profile_set_deny_read (profile, hidden);
  sbpl = render (profile, SANDBAR_POLICY_NONE);

  g_assert_cmpstr (param_value (sbpl, "WRITABLE_ROOT_0"), ==, "/home/u/build");
  g_assert_null (param_value (sbpl, "WRITABLE_ROOT_1"));
  g_assert_cmpstr (param_value (sbpl, "DENY_READ_0"), ==, "/home/u/.ssh");
  g_assert_null (param_value (sbpl, "DENY_READ_1"));
}

/* @length bytes of @prefix followed by a repeated mix of ASCII, quotes,
 * backslashes and UTF-8 (so that literal boundaries fall next to escapes
 * and inside characters), with a `/` every 200 bytes when @path. */
static char *
long_string (const char *prefix,
             gsize       length,
             gboolean    path)
{
  static const char * const pieces[] = { "a", "\"", "\\", "\xc3\xa9", "\xe2\x82\xac", "b" };
  GString *s = g_string_new (prefix);

  for (guint i = 0; s->len < length; i++)
    {
      const char *piece = path && s->len % 200 == 199 ? "/" : pieces[i % G_N_ELEMENTS (pieces)];

      if (s->len + strlen (piece) > length || (s->len + 1 == length && *piece == '/'))
        piece = "z";
      g_string_append (s, piece);
    }
  g_assert_cmpuint (s->len, ==, length);
  g_assert_true (g_utf8_validate (s->str, s->len, NULL));
  return g_string_free (s, FALSE);
}

/* The evaluated argument of each `(FILTER …)` in @root, in order. */
static GPtrArray *
filter_values (const SandbarSbplNode *root,
               const char            *filter)
{
  g_autoptr(GPtrArray) calls = sandbar_sbpl_node_find_calls (root, filter);
  GPtrArray *values = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < calls->len; i++)
    {
      const SandbarSbplNode *call = g_ptr_array_index (calls, i);
      g_autoptr(GBytes) value = NULL;

      g_assert_cmpuint (call->children->len, ==, 2);
      value = sandbar_sbpl_node_eval_string (g_ptr_array_index (call->children, 1));
      g_assert_nonnull (value);
      g_ptr_array_add (values, g_strndup (g_bytes_get_data (value, NULL),
                                          g_bytes_get_size (value)));
    }
  return values;
}

/* A root of 1023 bytes joined with a name of 255 is a 1279-byte path,
 * longer than sandbox-exec reads in one literal: the inline rendering
 * writes it with string-append, no literal over 900 bytes, and it reads
 * back to exactly the original strings. */
static void
test_inline_long_strings (void)
{
  g_autoptr(SandbarProfile) profile = new_profile (SANDBAR_WRITE_ACCESS_ROOTS,
                                                   SANDBAR_NETWORK_ACCESS_RESTRICTED);
  g_autofree char *root = long_string ("/home/u/", SANDBAR_PATH_MAX_BYTES - 1, TRUE);
  g_autofree char *name = long_string ("", 255, FALSE);
  g_autofree char *joined = g_strconcat (root, "/", name, NULL);
  g_autofree char *hidden = long_string ("/home/u/h", SANDBAR_PATH_MAX_BYTES - 1, TRUE);
  g_autoptr(SandbarSbpl) sbpl = NULL;
  g_autoptr(SandbarSbplNode) tree = NULL;
  g_autoptr(GPtrArray) subpaths = NULL;
  g_autoptr(GPtrArray) literals = NULL;
  g_autoptr(GError) error = NULL;

  sandbar_profile_set_include_temp (profile, FALSE);
  sandbar_profile_set_writable_roots (profile, (const char *[]) { root, NULL });
  sandbar_profile_set_protected_names (profile, (const char *[]) { name, NULL });
  sandbar_profile_set_deny_read (profile, (const char *[]) { hidden, NULL });
  sbpl = render (profile, SANDBAR_POLICY_NONE);
  g_assert_cmpstr (param_value (sbpl, "WRITABLE_ROOT_0"), ==, root);
  g_assert_cmpstr (param_value (sbpl, "PROTECTED_NAME_0"), ==, name);

  g_assert_cmpuint (sbpl_longest_literal (sbpl->inline_text), <=, SANDBAR_SBPL_LITERAL_MAX_BYTES);
  assert_has (sbpl->inline_text->str, "(allow file-write*\n  (subpath (string-append \"/home/u/");
  assert_has (sbpl->inline_text->str, "(deny file-write*\n  (literal (string-append \"/home/u/");

  tree = sandbar_sbpl_parse (sbpl->inline_text->str, sbpl->inline_text->len, &error);
  g_assert_no_error (error);
  /* The base rules' `/dev/fd`, the root, the protected name, the hidden path. */
  subpaths = filter_values (tree, "subpath");
  g_assert_cmpuint (subpaths->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (subpaths, 0), ==, "/dev/fd");
  g_assert_cmpstr (g_ptr_array_index (subpaths, 1), ==, root);
  g_assert_cmpstr (g_ptr_array_index (subpaths, 2), ==, joined);
  g_assert_cmpstr (g_ptr_array_index (subpaths, 3), ==, hidden);
  literals = filter_values (tree, "literal");
  g_assert_cmpstr (g_ptr_array_index (literals, literals->len - 1), ==, joined);
}

/* The value of a filter's argument in the parameter rendering, with the
 * parameters substituted and string-append evaluated. */
static void
append_value (GString               *out,
              SandbarSbpl           *sbpl,
              const SandbarSbplNode *node)
{
  if (node->kind == SANDBAR_SBPL_NODE_STRING)
    g_string_append_len (out, node->value, node->length);
  else if (sandbar_sbpl_node_is_call (node, "param"))
    {
      const char *value = param_value (sbpl, ((SandbarSbplNode *) g_ptr_array_index (node->children,
                                                                                     1))->value);

      g_assert_nonnull (value);
      g_string_append (out, value);
    }
  else if (sandbar_sbpl_node_is_call (node, "string-append"))
    for (guint i = 1; i < node->children->len; i++)
      append_value (out, sbpl, g_ptr_array_index (node->children, i));
  else
    g_error ("unexpected filter argument");
}

typedef struct
{
  char  *head;     /* `allow file-write*` */
  guint  filters;
  gsize  bytes;    /* of the paths its filters match */
} PathRule;

static void
path_rule_free (gpointer data)
{
  PathRule *rule = data;

  g_free (rule->head);
  g_free (rule);
}

/* The top-level rules of @sbpl that hold user paths (a `param`), in order,
 * measured in both renderings; the rest are fixed base rules. */
static GPtrArray *
path_rules (SandbarSbpl *sbpl)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SandbarSbplNode) tree = sandbar_sbpl_parse (sbpl->text->str, sbpl->text->len, &error);
  g_autoptr(SandbarSbplNode) inline_tree = NULL;
  GPtrArray *rules = g_ptr_array_new_with_free_func (path_rule_free);

  g_assert_no_error (error);
  inline_tree = sandbar_sbpl_parse (sbpl->inline_text->str, sbpl->inline_text->len, &error);
  g_assert_no_error (error);
  /* The same forms: only strings differ between the two. */
  g_assert_cmpuint (inline_tree->children->len, ==, tree->children->len);

  for (guint i = 0; i < tree->children->len; i++)
    {
      const SandbarSbplNode *form = g_ptr_array_index (tree->children, i);
      const SandbarSbplNode *inline_form = g_ptr_array_index (inline_tree->children, i);
      g_autoptr(GPtrArray) params = sandbar_sbpl_node_find_calls (form, "param");
      g_autoptr(GString) head = g_string_new (NULL);
      PathRule *rule;
      gsize inline_bytes = 0;

      if (params->len == 0)
        continue;
      rule = g_new0 (PathRule, 1);
      for (guint j = 0; j < form->children->len; j++)
        {
          const SandbarSbplNode *child = g_ptr_array_index (form->children, j);
          const SandbarSbplNode *inline_child = g_ptr_array_index (inline_form->children, j);
          g_autoptr(GString) value = g_string_new (NULL);
          g_autoptr(GBytes) inline_value = NULL;

          if (child->kind == SANDBAR_SBPL_NODE_SYMBOL)
            {
              g_string_append_printf (head, "%s%s", head->len > 0 ? " " : "", child->value);
              continue;
            }
          rule->filters++;
          /* (subpath X), or (local unix-socket (subpath X)) for a socket. */
          while (child->children->len == 3)
            {
              child = g_ptr_array_index (child->children, 2);
              inline_child = g_ptr_array_index (inline_child->children, 2);
            }
          append_value (value, sbpl, g_ptr_array_index (child->children, 1));
          rule->bytes += value->len;
          inline_value = sandbar_sbpl_node_eval_string (g_ptr_array_index (inline_child->children,
                                                                           1));
          g_assert_nonnull (inline_value);
          g_assert_cmpmem (g_bytes_get_data (inline_value, NULL), g_bytes_get_size (inline_value),
                           value->str, value->len);
          inline_bytes += g_bytes_get_size (inline_value);
        }
      g_assert_cmpuint (inline_bytes, ==, rule->bytes);
      rule->head = g_string_free (g_steal_pointer (&head), FALSE);
      g_ptr_array_add (rules, rule);
    }
  return rules;
}

/* A profile of the given size: @n roots and hidden paths of @length bytes
 * each (or short ones for 0), @n_names protected names, @n_sockets. */
static SandbarProfile *
big_profile (guint n,
             gsize length,
             guint n_names,
             guint n_sockets)
{
  SandbarProfile *profile = new_profile (SANDBAR_WRITE_ACCESS_ROOTS,
                                         SANDBAR_NETWORK_ACCESS_RESTRICTED);
  g_autoptr(GPtrArray) roots = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) hidden = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *root = g_strdup_printf ("/home/u/r%03u", i);
      g_autofree char *secret = g_strdup_printf ("/home/u/h%03u", i);

      g_ptr_array_add (roots, length > 0 ? long_string (root, length, TRUE)
                                         : g_steal_pointer (&root));
      g_ptr_array_add (hidden, length > 0 ? long_string (secret, length, TRUE)
                                          : g_steal_pointer (&secret));
    }
  for (guint i = 0; i < n_names; i++)
    {
      g_autofree char *prefix = g_strdup_printf ("n%u-", i);

      g_ptr_array_add (names, length > 0 ? long_string (prefix, 255, FALSE)
                                         : g_steal_pointer (&prefix));
    }
  for (guint i = 0; i < n_sockets; i++)
    {
      g_autofree char *socket = g_strdup_printf ("/tmp/%s%03u.sock", length > 0 ? "long-" : "", i);

      add_socket (profile, socket, i % 2 ? SANDBAR_SOCKET_SCOPE_EXACT
                                         : SANDBAR_SOCKET_SCOPE_SUBPATH);
    }

  g_ptr_array_add (roots, NULL);
  g_ptr_array_add (hidden, NULL);
  g_ptr_array_add (names, NULL);
  sandbar_profile_set_include_temp (profile, FALSE);
  sandbar_profile_set_writable_roots (profile, (const char * const *) roots->pdata);
  sandbar_profile_set_deny_read (profile, (const char * const *) hidden->pdata);
  sandbar_profile_set_protected_names (profile, (const char * const *) names->pdata);
  return profile;
}

/* Seatbelt refuses a rule whose patterns pass 65535 bytes: 100 roots and
 * 100 hidden paths of 1000 bytes, with 3 protected names of 255 bytes,
 * are rules of at most 12 filters and 16 KiB each, of the same kinds in
 * the same order, covering every path. */
static void
test_rules_split (void)
{
  g_autoptr(SandbarProfile) profile = big_profile (100, 1000, 3, 20);
  g_autoptr(SandbarSbpl) sbpl = render (profile, SANDBAR_POLICY_NONE);
  g_autoptr(GPtrArray) rules = path_rules (sbpl);
  const char * const heads[] = {
    "allow file-write*", "deny file-write*", "deny file-read* file-write*",
    "allow network-bind", "allow network-outbound",
  };
  const guint expected[] = { 100, 100 * 3 * 2, 100, 20, 20 };
  guint totals[G_N_ELEMENTS (heads)] = { 0 };
  guint section = 0;

  for (guint i = 0; i < rules->len; i++)
    {
      PathRule *rule = g_ptr_array_index (rules, i);

      g_assert_cmpuint (rule->filters, >=, 1);
      g_assert_cmpuint (rule->filters, <=, SANDBAR_SBPL_FILTERS_PER_RULE);
      g_assert_cmpuint (rule->bytes, <=, 16 * 1024);

      /* Write allows, protected names, hidden paths; then the sockets,
       * a bind and an outbound rule each, in turn. */
      while (section < 3 && !g_str_equal (rule->head, heads[section]))
        section++;
      if (section >= 3)
        section = g_str_equal (rule->head, heads[3]) ? 3 : 4;
      g_assert_cmpstr (rule->head, ==, heads[section]);
      totals[section] += rule->filters;
      if (section >= 3)
        g_assert_cmpuint (rule->filters, ==, 1);
    }
  for (guint i = 0; i < G_N_ELEMENTS (heads); i++)
    g_assert_cmpuint (totals[i], ==, expected[i]);
  /* Full rules but the last of each kind. */
  g_assert_cmpuint (rules->len, ==, 9 + 50 + 9 + 20 + 20);
  g_assert_cmpuint (sbpl_longest_literal (sbpl->inline_text), <=, SANDBAR_SBPL_LITERAL_MAX_BYTES);
}

/* Splitting goes by count, so the text still depends only on the shape:
 * the same profile with short paths renders the same parameter text. */
static void
test_rules_split_same_text (void)
{
  g_autoptr(SandbarProfile) long_paths = big_profile (100, 1000, 3, 20);
  g_autoptr(SandbarProfile) short_paths = big_profile (100, 0, 3, 20);
  g_autoptr(SandbarSbpl) a = render (long_paths, SANDBAR_POLICY_NONE);
  g_autoptr(SandbarSbpl) b = render (short_paths, SANDBAR_POLICY_NONE);

  g_assert_cmpstr (a->text->str, ==, b->text->str);
  g_assert_cmpuint (strlen (param_value (a, "WRITABLE_ROOT_99")), ==, 1000);
  g_assert_cmpstr (param_value (b, "WRITABLE_ROOT_99"), ==, "/home/u/r099");
  g_assert_cmpstr (param_value (b, "PROTECTED_NAME_2"), ==, "n2-");
  g_assert_cmpstr (param_value (b, "DENY_READ_99"), ==, "/home/u/h099");
  g_assert_cmpstr (param_value (a, "UNIX_SOCKET_PATH_0"), ==, "/tmp/long-000.sock");
  g_assert_cmpstr (param_value (b, "UNIX_SOCKET_PATH_0"), ==, "/tmp/000.sock");
}

typedef struct
{
  const char *name;
  const char *root;
  const char *socket;
  int         code;
} Rejection;

/* Errors found only when paths are resolved name the field. */
static void
test_resolution_errors (void)
{
  static const Rejection cases[] = {
    { "unset variable", NULL, "$NOT_SET/agent", SANDBAR_INPUT_ERROR_UNSET_VARIABLE },
    { "dot-dot in missing part", NULL, "/tmp/missing/../x.sock",
      SANDBAR_INPUT_ERROR_PARENT_REFERENCE },
    { "root through a symlink", "/home/u/../..", NULL, SANDBAR_INPUT_ERROR_NOT_ALLOWED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SandbarProfile) profile = new_profile (SANDBAR_WRITE_ACCESS_ROOTS,
                                                       SANDBAR_NETWORK_ACCESS_RESTRICTED);
      g_autoptr(SandbarPathResolver) resolver = fixture_resolver_new (FALSE, NULL);
      g_autoptr(SandbarPolicy) policy = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", cases[i].name);
      if (cases[i].root != NULL)
        sandbar_profile_set_writable_roots (profile, (const char *[]){ cases[i].root, NULL });
      if (cases[i].socket != NULL)
        add_socket (profile, cases[i].socket, SANDBAR_SOCKET_SCOPE_SUBPATH);
      policy = sandbar_policy_new (profile, resolver, SANDBAR_POLICY_NONE, &error);
      g_assert_null (policy);
      g_assert_error (error, SANDBAR_INPUT_ERROR, cases[i].code);
      g_assert_true (g_str_has_prefix (error->message, cases[i].root ? "Writable folder"
                                                                     : "Unix socket"));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GDir) dir = NULL;
  g_autofree char *sbpl_dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  sbpl_dir = g_test_build_filename (G_TEST_DIST, "data", "sbpl", NULL);
  dir = g_dir_open (sbpl_dir, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".sandbar"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  g_assert_cmpuint (names->len, >, 0);

  for (guint i = 0; i < names->len; i++)
    {
      const char *file = g_ptr_array_index (names, i);
      g_autofree char *stem = g_strndup (file, strlen (file) - strlen (".sandbar"));
      g_autofree char *path = g_strconcat ("/sandbar/sbpl/golden/", stem, NULL);

      g_test_add_data_func_full (path,
                                 g_test_build_filename (G_TEST_DIST, "data", "sbpl", file, NULL),
                                 test_golden, g_free);
    }

  g_test_add_func ("/sandbar/sbpl/parity/socket-allowlist", test_parity_socket_allowlist);
  g_test_add_func ("/sandbar/sbpl/parity/all-sockets", test_parity_all_sockets);
  g_test_add_func ("/sandbar/sbpl/parity/proxy-ports", test_parity_proxy_ports);
  g_test_add_func ("/sandbar/sbpl/parity/local-binding", test_parity_local_binding);
  g_test_add_func ("/sandbar/sbpl/full-network-keeps-socket-allowlist",
                   test_full_network_keeps_socket_allowlist);
  g_test_add_func ("/sandbar/sbpl/protected-names-denied-after-allows",
                   test_protected_names_are_denied_after_allows);
  g_test_add_func ("/sandbar/sbpl/no-unfiltered-allows", test_no_unfiltered_allows);
  g_test_add_func ("/sandbar/sbpl/same-shape-same-text", test_same_shape_same_text);
  g_test_add_func ("/sandbar/sbpl/mixed-scopes-same-text", test_mixed_scopes_same_text);
  g_test_add_func ("/sandbar/sbpl/deterministic", test_deterministic);
  g_test_add_func ("/sandbar/sbpl/inline-long-strings", test_inline_long_strings);
  g_test_add_func ("/sandbar/sbpl/rules-split", test_rules_split);
  g_test_add_func ("/sandbar/sbpl/rules-split-same-text", test_rules_split_same_text);
  g_test_add_func ("/sandbar/sbpl/duplicate-paths", test_duplicate_paths);
  g_test_add_func ("/sandbar/sbpl/resolution-errors", test_resolution_errors);

  return g_test_run ();
}
