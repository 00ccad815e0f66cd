/* test-path-resolver.c — tests for SandbarPathResolver
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sandbar-path-resolver.h"

#define NO_ERROR (-1)

/* The environment of the fake: what a macOS user session looks like. */
static const char *
fake_env (const char *name,
          gpointer    user_data)
{
  static const struct { const char *name; const char *value; } vars[] = {
    { "HOME", "/home/user" },
    { "SSH_AUTH_SOCK", "/tmp/ssh-XYZ/agent.123" },
    { "TMPDIR", "/var/folders/ab/T/" },
    { "EMPTY", "" },
    { "RELATIVE", "sockets/agent" },
    { "CONTROL", "/tmp/a\nb" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (vars); i++)
    if (strcmp (vars[i].name, name) == 0)
      return vars[i].value;

  return NULL;
}

/* A small macOS-like tree:
 *
 *   /tmp → private/tmp, /var → private/var, /etc → private/etc
 *   /private/var/run/docker.sock, /private/tmpx/
 *   /home/user/{src/app,.ssh}/
 *   /data/real/sub/, /data/file.txt, and symlinks into /data/real
 */
static SandbarPathResolver *
make_fake (void)
{
  SandbarPathResolver *resolver = sandbar_path_resolver_new_fake ();

  sandbar_path_resolver_set_env_lookup (resolver, fake_env, NULL, NULL);

  sandbar_path_resolver_fake_add_directory (resolver, "/private/tmp");
  sandbar_path_resolver_fake_add_directory (resolver, "/private/etc");
  sandbar_path_resolver_fake_add_file (resolver, "/private/var/run/docker.sock");
  sandbar_path_resolver_fake_add_directory (resolver, "/private/var/folders/ab/T");
  sandbar_path_resolver_fake_add_directory (resolver, "/private/tmpx");
  sandbar_path_resolver_fake_add_symlink (resolver, "/tmp", "private/tmp");
  sandbar_path_resolver_fake_add_symlink (resolver, "/var", "private/var");
  sandbar_path_resolver_fake_add_symlink (resolver, "/etc", "private/etc");

  sandbar_path_resolver_fake_add_directory (resolver, "/home/user/src/app");
  sandbar_path_resolver_fake_add_directory (resolver, "/home/user/.ssh");

  sandbar_path_resolver_fake_add_directory (resolver, "/data/real/sub");
  sandbar_path_resolver_fake_add_file (resolver, "/data/file.txt");
  sandbar_path_resolver_fake_add_symlink (resolver, "/data/link-abs", "/data/real");
  sandbar_path_resolver_fake_add_symlink (resolver, "/data/link-rel", "real");
  sandbar_path_resolver_fake_add_symlink (resolver, "/data/link-sub", "real/sub");
  sandbar_path_resolver_fake_add_symlink (resolver, "/data/chain1", "chain2");
  sandbar_path_resolver_fake_add_symlink (resolver, "/data/chain2", "./../data/chain3/");
  sandbar_path_resolver_fake_add_symlink (resolver, "/data/chain3", "/data/link-rel");
  sandbar_path_resolver_fake_add_symlink (resolver, "/data/loop-a", "loop-b");
  sandbar_path_resolver_fake_add_symlink (resolver, "/data/loop-b", "/data/loop-a");
  sandbar_path_resolver_fake_add_symlink (resolver, "/data/self", "self");
  sandbar_path_resolver_fake_add_symlink (resolver, "/data/dangling", "/data/future/agent.sock");
  sandbar_path_resolver_fake_add_symlink (resolver, "/data/dangling-rel", "../data/nowhere");
  sandbar_path_resolver_fake_add_symlink (resolver, "/data/dangling-up", "missing/../x");
  sandbar_path_resolver_fake_add_symlink (resolver, "/data/dangling-chain", "dangling");
  sandbar_path_resolver_fake_add_symlink (resolver, "/data/newline", "/data/a\nb");

  /* A file with every hostile but legal character in its name. */
  sandbar_path_resolver_fake_add_file (resolver,
                                       "/data/it's \"q\" \\ (p) ;x$(id) ü 日本.sock");

  return resolver;
}

typedef struct
{
  const char          *name;
  SandbarField         field;
  const char          *path;
  SandbarResolveFlags  flags;
  gboolean             macos_aliases;
  const char          *cwd;        /* NULL: the fake's default, `/` */
  int                  error_code; /* NO_ERROR, or the expected SandbarInputError */
  const char          *canonical;
  const char          *alias;
  gboolean             exists;
} ResolveCase;

#define W SANDBAR_FIELD_WRITABLE_ROOT
#define S SANDBAR_FIELD_UNIX_SOCKET
#define D SANDBAR_FIELD_DENY_READ
#define REL SANDBAR_RESOLVE_ALLOW_RELATIVE
#define OK NO_ERROR

static const ResolveCase resolve_cases[] = {
  /* Plain absolute paths */
  { "absolute-existing", W, "/home/user/src/app", 0, FALSE, NULL, OK,
    "/home/user/src/app", NULL, TRUE },
  { "root", W, "/", 0, FALSE, NULL, OK, "/", NULL, TRUE },
  { "root-slashes", W, "///", 0, FALSE, NULL, OK, "/", NULL, TRUE },
  { "missing-suffix", S, "/home/user/src/app/build/out.sock", 0, FALSE, NULL, OK,
    "/home/user/src/app/build/out.sock", NULL, FALSE },
  { "missing-from-root", W, "/nonexistent/a/b", 0, FALSE, NULL, OK,
    "/nonexistent/a/b", NULL, FALSE },
  { "file", D, "/data/file.txt", 0, FALSE, NULL, OK, "/data/file.txt", NULL, TRUE },
  { "below-file", D, "/data/file.txt/x", 0, FALSE, NULL, OK,
    "/data/file.txt/x", NULL, FALSE },

  /* Relative paths */
  { "relative-rejected", W, "src/app", 0, FALSE, "/home/user", SANDBAR_INPUT_ERROR_RELATIVE },
  { "relative-dot-rejected", W, ".", 0, FALSE, "/home/user", SANDBAR_INPUT_ERROR_RELATIVE },
  { "relative-variable-rejected", S, "$RELATIVE", 0, FALSE, NULL,
    SANDBAR_INPUT_ERROR_RELATIVE },
  { "relative-user-tilde-rejected", W, "~root/x", 0, FALSE, NULL,
    SANDBAR_INPUT_ERROR_RELATIVE },
  { "relative-allowed", W, "src/app", REL, FALSE, "/home/user", OK,
    "/home/user/src/app", NULL, TRUE },
  { "relative-dot", W, ".", REL, FALSE, "/home/user", OK, "/home/user", NULL, TRUE },
  { "relative-parent", W, "../x", REL, FALSE, "/home/user/src", OK,
    "/home/user/x", NULL, FALSE },
  { "relative-default-cwd", S, "x.sock", REL, FALSE, NULL, OK, "/x.sock", NULL, FALSE },
  { "relative-variable-allowed", S, "$RELATIVE", REL, FALSE, "/home/user", OK,
    "/home/user/sockets/agent", NULL, FALSE },
  { "relative-cwd-through-symlink", W, "sub", REL, FALSE, "/data/link-rel", OK,
    "/data/real/sub", NULL, TRUE },

  /* Expansion */
  { "tilde", W, "~", 0, FALSE, NULL, OK, "/home/user", NULL, TRUE },
  { "tilde-slash", D, "~/.ssh", 0, FALSE, NULL, OK, "/home/user/.ssh", NULL, TRUE },
  { "tilde-missing", D, "~/.aws", 0, FALSE, NULL, OK, "/home/user/.aws", NULL, FALSE },
  { "tilde-inside-kept", W, "/data/~", 0, FALSE, NULL, OK, "/data/~", NULL, FALSE },
  { "variable", S, "$SSH_AUTH_SOCK", 0, TRUE, NULL, OK,
    "/private/tmp/ssh-XYZ/agent.123", "/tmp/ssh-XYZ/agent.123", FALSE },
  { "variable-braces", W, "${HOME}/src", 0, FALSE, NULL, OK, "/home/user/src", NULL, TRUE },
  { "variable-tmpdir", S, "$TMPDIR/x.sock", 0, TRUE, NULL, OK,
    "/private/var/folders/ab/T/x.sock", "/var/folders/ab/T/x.sock", FALSE },
  { "variable-unset", S, "$NOPE/agent", 0, FALSE, NULL, SANDBAR_INPUT_ERROR_UNSET_VARIABLE },
  { "variable-unset-braces", S, "/x/${NOPE}", 0, FALSE, NULL,
    SANDBAR_INPUT_ERROR_UNSET_VARIABLE },
  { "variable-empty", W, "$EMPTY/x", 0, FALSE, NULL, SANDBAR_INPUT_ERROR_UNSET_VARIABLE },
  { "variable-control", S, "$CONTROL", 0, FALSE, NULL,
    SANDBAR_INPUT_ERROR_CONTROL_CHARACTER },
  { "command-substitution-literal", W, "/data/$(whoami)", 0, FALSE, NULL, OK,
    "/data/$(whoami)", NULL, FALSE },
  { "dollar-literal", W, "/data/$/$1/${", 0, FALSE, NULL, OK,
    "/data/$/$1/${", NULL, FALSE },

  /* Lexical clean-up */
  { "trailing-slash", W, "/home/user/src/app/", 0, FALSE, NULL, OK,
    "/home/user/src/app", NULL, TRUE },
  { "trailing-slashes", W, "/home/user/src/app///", 0, FALSE, NULL, OK,
    "/home/user/src/app", NULL, TRUE },
  { "double-slashes", W, "//home//user///src", 0, FALSE, NULL, OK,
    "/home/user/src", NULL, TRUE },
  { "dots", W, "/./home/./user/src/.", 0, FALSE, NULL, OK, "/home/user/src", NULL, TRUE },
  { "dots-missing", S, "/data/./new/./x.sock/.", 0, FALSE, NULL, OK,
    "/data/new/x.sock", NULL, FALSE },

  /* `..` */
  { "parent-existing", D, "/home/user/src/../.ssh", 0, FALSE, NULL, OK,
    "/home/user/.ssh", NULL, TRUE },
  { "parent-of-root", W, "/../..", 0, FALSE, NULL, OK, "/", NULL, TRUE },
  { "parent-physical", W, "/data/link-sub/..", 0, FALSE, NULL, OK,
    "/data/real", NULL, TRUE },
  { "parent-physical-then-missing", W, "/data/link-sub/../new", 0, FALSE, NULL, OK,
    "/data/real/new", NULL, FALSE },
  { "parent-physical-tmp", W, "/tmp/..", 0, TRUE, NULL, OK, "/private", NULL, TRUE },
  { "parent-in-missing", W, "/data/missing/../x", 0, FALSE, NULL,
    SANDBAR_INPUT_ERROR_PARENT_REFERENCE },
  { "parent-at-end-of-missing", W, "/data/real/new/..", 0, FALSE, NULL,
    SANDBAR_INPUT_ERROR_PARENT_REFERENCE },
  { "parent-below-file", W, "/data/file.txt/..", 0, FALSE, NULL,
    SANDBAR_INPUT_ERROR_PARENT_REFERENCE },

  /* Symlinks */
  { "symlink-absolute", W, "/data/link-abs", 0, FALSE, NULL, OK, "/data/real", NULL, TRUE },
  { "symlink-relative", W, "/data/link-rel/sub", 0, FALSE, NULL, OK,
    "/data/real/sub", NULL, TRUE },
  { "symlink-chain", S, "/data/chain1/x.sock", 0, FALSE, NULL, OK,
    "/data/real/x.sock", NULL, FALSE },
  { "symlink-loop", W, "/data/loop-a", 0, FALSE, NULL, SANDBAR_INPUT_ERROR_NOT_ALLOWED },
  { "symlink-loop-inside", W, "/data/loop-b/x", 0, FALSE, NULL,
    SANDBAR_INPUT_ERROR_NOT_ALLOWED },
  { "symlink-self", W, "/data/self", 0, FALSE, NULL, SANDBAR_INPUT_ERROR_NOT_ALLOWED },
  { "symlink-dangling", S, "/data/dangling", 0, FALSE, NULL, OK,
    "/data/future/agent.sock", NULL, FALSE },
  { "symlink-dangling-below", S, "/data/dangling/x", 0, FALSE, NULL, OK,
    "/data/future/agent.sock/x", NULL, FALSE },
  { "symlink-dangling-relative", S, "/data/dangling-rel", 0, FALSE, NULL, OK,
    "/data/nowhere", NULL, FALSE },
  { "symlink-dangling-chain", S, "/data/dangling-chain", 0, FALSE, NULL, OK,
    "/data/future/agent.sock", NULL, FALSE },
  { "symlink-dangling-parent", S, "/data/dangling-up", 0, FALSE, NULL,
    SANDBAR_INPUT_ERROR_PARENT_REFERENCE },
  { "symlink-target-control", W, "/data/newline", 0, FALSE, NULL,
    SANDBAR_INPUT_ERROR_CONTROL_CHARACTER },

  /* macOS aliases */
  { "alias-tmp", S, "/tmp/x.sock", 0, TRUE, NULL, OK,
    "/private/tmp/x.sock", "/tmp/x.sock", FALSE },
  { "alias-off", S, "/tmp/x.sock", 0, FALSE, NULL, OK, "/private/tmp/x.sock", NULL, FALSE },
  { "alias-var", S, "/var/run/docker.sock", 0, TRUE, NULL, OK,
    "/private/var/run/docker.sock", "/var/run/docker.sock", TRUE },
  { "alias-etc", D, "/etc", 0, TRUE, NULL, OK, "/private/etc", "/etc", TRUE },
  { "alias-written-private", S, "/private/tmp/x.sock", 0, TRUE, NULL, OK,
    "/private/tmp/x.sock", "/tmp/x.sock", FALSE },
  { "alias-private-itself", W, "/private", 0, TRUE, NULL, OK, "/private", NULL, TRUE },
  { "alias-not-prefix", W, "/private/tmpx/a", 0, TRUE, NULL, OK,
    "/private/tmpx/a", NULL, FALSE },
  { "alias-not-prefix-missing", W, "/private/etcetera", 0, TRUE, NULL, OK,
    "/private/etcetera", NULL, FALSE },

  /* Hostile but legal characters stay byte for byte */
  { "hostile-existing", S, "/data/it's \"q\" \\ (p) ;x$(id) ü 日本.sock", 0, FALSE, NULL, OK,
    "/data/it's \"q\" \\ (p) ;x$(id) ü 日本.sock", NULL, TRUE },
  { "hostile-missing", W, "/data/a b/\"))(allow default)(\"/;rm -rf ~/ \\\\", 0, FALSE, NULL,
    OK, "/data/a b/\"))(allow default)(\"/;rm -rf ~/ \\\\", NULL, FALSE },
  { "hostile-nfd", W, "/data/cafe\xcc\x81", 0, FALSE, NULL, OK,
    "/data/cafe\xcc\x81", NULL, FALSE },

  /* Rejected input */
  { "empty", S, "", 0, FALSE, NULL, SANDBAR_INPUT_ERROR_EMPTY },
  { "newline", S, "/tmp/a\nb", 0, FALSE, NULL, SANDBAR_INPUT_ERROR_CONTROL_CHARACTER },
  { "tab", W, "/data/a\tb", 0, FALSE, NULL, SANDBAR_INPUT_ERROR_CONTROL_CHARACTER },
  { "escape", D, "/data/\x1b[31m", 0, FALSE, NULL, SANDBAR_INPUT_ERROR_CONTROL_CHARACTER },
  { "delete", D, "/data/\x7f", 0, FALSE, NULL, SANDBAR_INPUT_ERROR_CONTROL_CHARACTER },
  { "c1-control", D, "/data/\xc2\x85", 0, FALSE, NULL, SANDBAR_INPUT_ERROR_CONTROL_CHARACTER },
  { "invalid-utf8", S, "/tmp/\xff.sock", 0, FALSE, NULL, SANDBAR_INPUT_ERROR_INVALID_UTF8 },
  { "overlong-utf8", W, "/data/\xc0\xaf", 0, FALSE, NULL, SANDBAR_INPUT_ERROR_INVALID_UTF8 },
};

#undef W
#undef S
#undef D
#undef REL
#undef OK

static void
assert_message_names_input (const GError *error,
                            SandbarField  field,
                            const char   *as_written)
{
  g_autofree char *shown = sandbar_input_display (as_written, -1);

  g_assert_nonnull (strstr (error->message, sandbar_field_label (field)));
  g_assert_nonnull (strstr (error->message, shown));
}

static void
test_resolve_case (gconstpointer data)
{
  const ResolveCase *tc = data;
  g_autoptr(SandbarPathResolver) resolver = make_fake ();
  g_auto(SandbarResolvedPath) resolved = { 0 };
  g_autoptr(GError) error = NULL;
  gboolean ok;

  sandbar_path_resolver_set_macos_aliases (resolver, tc->macos_aliases);
  if (tc->cwd != NULL)
    sandbar_path_resolver_set_working_directory (resolver, tc->cwd);

  ok = sandbar_path_resolver_resolve (resolver, tc->field, tc->path, tc->flags,
                                      &resolved, &error);

  if (tc->error_code != NO_ERROR)
    {
      g_assert_error (error, SANDBAR_INPUT_ERROR, tc->error_code);
      g_assert_false (ok);
      g_assert_null (resolved.as_written);
      g_assert_null (resolved.canonical);
      assert_message_names_input (error, tc->field, tc->path);
      g_test_message ("%s", error->message);
      return;
    }

  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpstr (resolved.as_written, ==, tc->path);
  g_assert_cmpstr (resolved.canonical, ==, tc->canonical);
  g_assert_cmpstr (resolved.alias, ==, tc->alias);
  g_assert_cmpint (resolved.exists, ==, tc->exists);
}

/* Builds "/prefix/aaa…/aaa…" of exactly @length bytes. */
static char *
make_path_of_length (const char *prefix,
                     gsize       length)
{
  GString *path = g_string_new (prefix);

  g_assert_cmpuint (path->len + 2, <=, length);

  while (path->len < length)
    {
      gsize room = length - path->len - 1;   /* after the slash */

      /* Never leave room for only an empty component. */
      gsize chunk = room > 60 ? 50 : room;

      g_string_append_c (path, '/');
      for (gsize i = 0; i < chunk; i++)
        g_string_append_c (path, 'a');
    }

  g_assert_cmpuint (path->len, ==, length);
  return g_string_free (path, FALSE);
}

typedef struct
{
  const char   *name;
  SandbarField  field;
  const char   *written_prefix;   /* what the user types */
  const char   *canonical_prefix; /* what it resolves to */
  gsize         canonical_length;
  gboolean      accepted;
} LengthCase;

static const LengthCase length_cases[] = {
  { "path-1023", SANDBAR_FIELD_WRITABLE_ROOT, "/home/user", "/home/user", 1023, TRUE },
  { "path-1024", SANDBAR_FIELD_WRITABLE_ROOT, "/home/user", "/home/user", 1024, FALSE },
  { "socket-103", SANDBAR_FIELD_UNIX_SOCKET, "/home/user", "/home/user", 103, TRUE },
  { "socket-104", SANDBAR_FIELD_UNIX_SOCKET, "/home/user", "/home/user", 104, FALSE },
  /* Short enough as written, too long once `/tmp` becomes `/private/tmp`. */
  { "socket-104-after-resolving", SANDBAR_FIELD_UNIX_SOCKET, "/tmp", "/private/tmp", 104,
    FALSE },
  { "socket-103-after-resolving", SANDBAR_FIELD_UNIX_SOCKET, "/tmp", "/private/tmp", 103,
    TRUE },
  { "path-1024-after-resolving", SANDBAR_FIELD_DENY_READ, "/tmp", "/private/tmp", 1024,
    FALSE },
  /* A socket path is measured by the socket limit, the others are not. */
  { "path-200-not-socket", SANDBAR_FIELD_WRITABLE_ROOT, "/home/user", "/home/user", 200,
    TRUE },
};

static void
test_length_case (gconstpointer data)
{
  const LengthCase *tc = data;
  g_autoptr(SandbarPathResolver) resolver = make_fake ();
  g_auto(SandbarResolvedPath) resolved = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *canonical = make_path_of_length (tc->canonical_prefix, tc->canonical_length);
  g_autofree char *written = g_strconcat (tc->written_prefix,
                                          canonical + strlen (tc->canonical_prefix), NULL);

  sandbar_path_resolver_resolve (resolver, tc->field, written, 0, &resolved, &error);

  if (tc->accepted)
    {
      g_assert_no_error (error);
      g_assert_cmpstr (resolved.canonical, ==, canonical);
      return;
    }

  g_assert_error (error, SANDBAR_INPUT_ERROR, SANDBAR_INPUT_ERROR_TOO_LONG);
  g_assert_nonnull (strstr (error->message, sandbar_field_label (tc->field)));
  g_test_message ("%s", error->message);

  /* The message gives the limit the user has to meet. */
  if (tc->field == SANDBAR_FIELD_UNIX_SOCKET)
    g_assert_nonnull (strstr (error->message, "103"));
  else
    g_assert_nonnull (strstr (error->message, "1023"));

  /* Where the resolver made the path longer, the message says what it
   * resolved to, or the user could not understand the rejection. */
  if (strcmp (tc->written_prefix, tc->canonical_prefix) != 0)
    g_assert_nonnull (strstr (error->message, tc->canonical_prefix));
}

static void
test_fake_defaults (void)
{
  g_autoptr(SandbarPathResolver) resolver = sandbar_path_resolver_new_fake ();
  g_auto(SandbarResolvedPath) resolved = { 0 };
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (sandbar_path_resolver_get_working_directory (resolver), ==, "/");
  g_assert_false (sandbar_path_resolver_get_macos_aliases (resolver));
  g_assert_null (sandbar_path_resolver_lookup_env (resolver, "HOME"));
  g_assert_true (sandbar_path_resolver_is_directory (resolver, "/"));
  g_assert_true (sandbar_path_resolver_exists (resolver, "/"));

  /* The fake never reads the process environment, so `~` is unset. */
  g_assert_false (sandbar_path_resolver_resolve (resolver, SANDBAR_FIELD_DENY_READ, "~/.ssh",
                                                 0, &resolved, &error));
  g_assert_error (error, SANDBAR_INPUT_ERROR, SANDBAR_INPUT_ERROR_UNSET_VARIABLE);
  g_assert_nonnull (strstr (error->message, "HOME"));
}

static void
test_fake_queries (void)
{
  g_autoptr(SandbarPathResolver) resolver = make_fake ();

  g_assert_true (sandbar_path_resolver_is_directory (resolver, "/private/tmp"));
  g_assert_true (sandbar_path_resolver_is_directory (resolver, "/tmp"));
  g_assert_true (sandbar_path_resolver_is_directory (resolver, "/data/link-sub/.."));
  g_assert_false (sandbar_path_resolver_is_directory (resolver, "/data/file.txt"));
  g_assert_false (sandbar_path_resolver_is_directory (resolver, "/data/missing"));
  g_assert_false (sandbar_path_resolver_is_directory (resolver, "/data/loop-a"));
  g_assert_false (sandbar_path_resolver_is_directory (resolver, "/data/dangling"));

  g_assert_true (sandbar_path_resolver_exists (resolver, "/data/file.txt"));
  g_assert_true (sandbar_path_resolver_exists (resolver, "/var/run/docker.sock"));
  g_assert_false (sandbar_path_resolver_exists (resolver, "/data/missing"));
  g_assert_false (sandbar_path_resolver_exists (resolver, "/data/file.txt/x"));
  g_assert_false (sandbar_path_resolver_exists (resolver, "/data/dangling"));
  g_assert_false (sandbar_path_resolver_exists (resolver, "/data/self"));
}

/* Entries added through a symlinked parent land where the kernel would
 * put them; adding a path creates its parents. */
static void
test_fake_add_through_symlink (void)
{
  g_autoptr(SandbarPathResolver) resolver = make_fake ();
  g_auto(SandbarResolvedPath) resolved = { 0 };
  g_autoptr(GError) error = NULL;

  sandbar_path_resolver_fake_add_file (resolver, "/tmp/new/agent.sock");
  g_assert_true (sandbar_path_resolver_exists (resolver, "/private/tmp/new/agent.sock"));
  g_assert_true (sandbar_path_resolver_is_directory (resolver, "/private/tmp/new"));

  /* Once the dangling link's target exists, the link resolves normally. */
  sandbar_path_resolver_fake_add_file (resolver, "/data/future/agent.sock");
  sandbar_path_resolver_resolve (resolver, SANDBAR_FIELD_UNIX_SOCKET, "/data/dangling", 0,
                                 &resolved, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (resolved.canonical, ==, "/data/future/agent.sock");
  g_assert_true (resolved.exists);

  /* mkdir -p over an existing directory symlink changes nothing. */
  sandbar_path_resolver_fake_add_directory (resolver, "/tmp");
  g_assert_true (sandbar_path_resolver_exists (resolver, "/private/tmp/new/agent.sock"));
  g_assert_true (sandbar_path_resolver_exists (resolver, "/tmp/new/agent.sock"));
}

/* A long chain is an error like a loop (ELOOP after 40 links), a chain
 * just within the limit resolves. */
static void
test_fake_chain_limit (void)
{
  g_autoptr(SandbarPathResolver) resolver = sandbar_path_resolver_new_fake ();
  g_auto(SandbarResolvedPath) resolved = { 0 };
  g_autoptr(GError) error = NULL;

  sandbar_path_resolver_fake_add_directory (resolver, "/end");
  for (guint i = 0; i < 41; i++)
    {
      g_autofree char *link = g_strdup_printf ("/l%u", i);
      g_autofree char *target = i == 0 ? g_strdup ("/end") : g_strdup_printf ("l%u", i - 1);

      sandbar_path_resolver_fake_add_symlink (resolver, link, target);
    }

  sandbar_path_resolver_resolve (resolver, SANDBAR_FIELD_WRITABLE_ROOT, "/l39", 0,
                                 &resolved, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (resolved.canonical, ==, "/end");
  sandbar_resolved_path_clear (&resolved);

  sandbar_path_resolver_resolve (resolver, SANDBAR_FIELD_WRITABLE_ROOT, "/l40", 0,
                                 &resolved, &error);
  g_assert_error (error, SANDBAR_INPUT_ERROR, SANDBAR_INPUT_ERROR_NOT_ALLOWED);
  g_assert_null (resolved.canonical);
}

static const char *
lookup_from_string (const char *name,
                    gpointer    user_data)
{
  return strcmp (name, "SOCK") == 0 ? user_data : NULL;
}

/* The lookup's data is owned by the resolver and freed when replaced. */
static void
test_env_lookup_ownership (void)
{
  g_autoptr(SandbarPathResolver) resolver = make_fake ();
  g_auto(SandbarResolvedPath) resolved = { 0 };
  g_autoptr(GError) error = NULL;

  sandbar_path_resolver_set_env_lookup (resolver, lookup_from_string,
                                        g_strdup ("/tmp/a.sock"), g_free);
  g_assert_cmpstr (sandbar_path_resolver_lookup_env (resolver, "SOCK"), ==, "/tmp/a.sock");
  sandbar_path_resolver_resolve (resolver, SANDBAR_FIELD_UNIX_SOCKET, "$SOCK", 0,
                                 &resolved, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (resolved.canonical, ==, "/private/tmp/a.sock");

  /* Replacing frees the first string; the final one goes with the object
   * (G_DEBUG=gc-friendly plus a leak checker catch a miss). */
  sandbar_path_resolver_set_env_lookup (resolver, lookup_from_string,
                                        g_strdup ("/x"), g_free);
  g_assert_cmpstr (sandbar_path_resolver_lookup_env (resolver, "SOCK"), ==, "/x");
}

/* Real file system: a temporary tree with real symlinks. */

typedef struct
{
  char *dir;        /* as created */
  char *canonical;  /* realpath of @dir: on macOS it lies under /private */
  SandbarPathResolver *resolver;
} RealFixture;

static void
make_symlink (const char *target,
              const char *dir,
              const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  if (symlink (target, path) != 0)
    g_error ("symlink %s: %s", path, g_strerror (errno));
}

static void
real_setup (RealFixture   *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sub = NULL;
  g_autofree char *file = NULL;
  char *canonical;

  fixture->dir = g_dir_make_tmp ("sandbar-resolver-XXXXXX", &error);
  g_assert_no_error (error);
  canonical = realpath (fixture->dir, NULL);
  g_assert_nonnull (canonical);
  fixture->canonical = g_strdup (canonical);
  free (canonical);

  sub = g_build_filename (fixture->dir, "real", "sub", NULL);
  g_assert_cmpint (g_mkdir_with_parents (sub, 0700), ==, 0);
  file = g_build_filename (fixture->dir, "real", "file.txt", NULL);
  g_file_set_contents (file, "", 0, &error);
  g_assert_no_error (error);

  make_symlink ("real", fixture->dir, "link-rel");
  make_symlink (sub, fixture->dir, "link-sub");
  make_symlink ("future/agent.sock", fixture->dir, "dangling");
  make_symlink ("loop-b", fixture->dir, "loop-a");
  make_symlink ("loop-a", fixture->dir, "loop-b");

  fixture->resolver = sandbar_path_resolver_new ();
  sandbar_path_resolver_set_working_directory (fixture->resolver, fixture->dir);
}

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          GStatBuf st;

          if (g_lstat (child, &st) == 0 && S_ISDIR (st.st_mode))
            remove_tree (child);
          else
            g_unlink (child);
        }
      g_dir_close (dir);
    }

  g_rmdir (path);
}

static void
real_teardown (RealFixture   *fixture,
               gconstpointer  data)
{
  g_assert_finalize_object (fixture->resolver);
  remove_tree (fixture->dir);
  g_assert_false (g_file_test (fixture->dir, G_FILE_TEST_EXISTS));
  g_free (fixture->dir);
  g_free (fixture->canonical);
}

typedef struct
{
  const char *name;
  const char *relative;   /* appended to the temp dir, or relative to it */
  gboolean    as_relative;
  int         error_code;
  const char *canonical;  /* relative to the temp dir's realpath */
  gboolean    exists;
} RealCase;

static const RealCase real_cases[] = {
  { "real/existing", "real/sub", FALSE, NO_ERROR, "real/sub", TRUE },
  { "real/symlink-relative", "link-rel/sub/", FALSE, NO_ERROR, "real/sub", TRUE },
  { "real/missing-below-symlink", "link-rel/new/x.sock", FALSE, NO_ERROR,
    "real/new/x.sock", FALSE },
  { "real/parent-physical", "link-sub/..", FALSE, NO_ERROR, "real", TRUE },
  { "real/parent-physical-file", "link-sub/../file.txt", FALSE, NO_ERROR, "real/file.txt",
    TRUE },
  { "real/parent-in-missing", "real/new/../x", FALSE, SANDBAR_INPUT_ERROR_PARENT_REFERENCE },
  { "real/dangling", "dangling", FALSE, NO_ERROR, "future/agent.sock", FALSE },
  { "real/loop", "loop-a/x", FALSE, SANDBAR_INPUT_ERROR_NOT_ALLOWED },
  { "real/relative", "link-rel/./sub", TRUE, NO_ERROR, "real/sub", TRUE },
};

static void
test_real_case (RealFixture   *fixture,
                gconstpointer  data)
{
  const RealCase *tc = data;
  g_auto(SandbarResolvedPath) resolved = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *path = tc->as_relative ? g_strdup (tc->relative)
                                          : g_build_filename (fixture->dir, tc->relative, NULL);
  g_autofree char *expected = NULL;

  sandbar_path_resolver_resolve (fixture->resolver, SANDBAR_FIELD_WRITABLE_ROOT, path,
                                 tc->as_relative ? SANDBAR_RESOLVE_ALLOW_RELATIVE : 0,
                                 &resolved, &error);

  if (tc->error_code != NO_ERROR)
    {
      g_assert_error (error, SANDBAR_INPUT_ERROR, tc->error_code);
      assert_message_names_input (error, SANDBAR_FIELD_WRITABLE_ROOT, path);
      return;
    }

  expected = g_build_filename (fixture->canonical, tc->canonical, NULL);
  g_assert_no_error (error);
  g_assert_cmpstr (resolved.canonical, ==, expected);
  g_assert_cmpint (resolved.exists, ==, tc->exists);
}

static void
test_real_queries (RealFixture   *fixture,
                   gconstpointer  data)
{
  g_autofree char *sub = g_build_filename (fixture->dir, "link-sub", NULL);
  g_autofree char *file = g_build_filename (fixture->dir, "real", "file.txt", NULL);
  g_autofree char *dangling = g_build_filename (fixture->dir, "dangling", NULL);
  g_autofree char *loop = g_build_filename (fixture->dir, "loop-a", NULL);

  g_assert_true (sandbar_path_resolver_is_directory (fixture->resolver, fixture->canonical));
  g_assert_true (sandbar_path_resolver_is_directory (fixture->resolver, sub));
  g_assert_false (sandbar_path_resolver_is_directory (fixture->resolver, file));
  g_assert_true (sandbar_path_resolver_exists (fixture->resolver, file));
  g_assert_false (sandbar_path_resolver_exists (fixture->resolver, dangling));
  g_assert_false (sandbar_path_resolver_exists (fixture->resolver, loop));
}

static void
test_real_defaults (void)
{
  g_autoptr(SandbarPathResolver) resolver = sandbar_path_resolver_new ();
  g_autofree char *cwd = g_get_current_dir ();

  g_assert_cmpstr (sandbar_path_resolver_get_working_directory (resolver), ==, cwd);
  g_assert_cmpint (sandbar_path_resolver_get_macos_aliases (resolver), ==, SANDBAR_OS_MACOS);
  g_assert_cmpstr (sandbar_path_resolver_lookup_env (resolver, "PATH"), ==, g_getenv ("PATH"));
  g_assert_nonnull (sandbar_path_resolver_lookup_env (resolver, "HOME"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (resolve_cases); i++)
    {
      g_autofree char *path = g_strconcat ("/sandbar/path-resolver/", resolve_cases[i].name,
                                           NULL);
      g_test_add_data_func (path, &resolve_cases[i], test_resolve_case);
    }

  for (guint i = 0; i < G_N_ELEMENTS (length_cases); i++)
    {
      g_autofree char *path = g_strconcat ("/sandbar/path-resolver/length/",
                                           length_cases[i].name, NULL);
      g_test_add_data_func (path, &length_cases[i], test_length_case);
    }

  g_test_add_func ("/sandbar/path-resolver/fake-defaults", test_fake_defaults);
  g_test_add_func ("/sandbar/path-resolver/fake-queries", test_fake_queries);
  g_test_add_func ("/sandbar/path-resolver/fake-add-through-symlink",
                   test_fake_add_through_symlink);
  g_test_add_func ("/sandbar/path-resolver/fake-chain-limit", test_fake_chain_limit);
  g_test_add_func ("/sandbar/path-resolver/env-lookup-ownership", test_env_lookup_ownership);

  g_test_add_func ("/sandbar/path-resolver/real/defaults", test_real_defaults);
  g_test_add ("/sandbar/path-resolver/real/queries", RealFixture, NULL,
              real_setup, test_real_queries, real_teardown);
  for (guint i = 0; i < G_N_ELEMENTS (real_cases); i++)
    {
      g_autofree char *path = g_strconcat ("/sandbar/path-resolver/", real_cases[i].name,
                                           NULL);
      g_test_add (path, RealFixture, &real_cases[i], real_setup, test_real_case,
                  real_teardown);
    }

  return g_test_run ();
}
