/* test-backend.c — the Seatbelt and bubblewrap argv for a policy
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The policies are resolved on the fake machines of sbpl-fixture.h, so
 * every expected argv here is exact and the same on every computer. The
 * bubblewrap machine is the Linux fixture made to look like Debian:
 * `/var/run` is a symlink to `/run`, and `/run` and `/dev/shm` exist.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <sys/stat.h>

#include "sandbar-backend.h"
#include "sandbar-backend-bwrap.h"
#include "sandbar-backend-seatbelt.h"
#include "sandbar-profile.h"
#include "sandbar-sbpl.h"
#include "sbpl-fixture.h"

#define HOSTILE "/home/u/-bind x'\"$(touch p)`id`!;*"

/* What every bwrap argv starts with, up to the network namespace. */
#define BWRAP_NAMESPACES \
  "/usr/bin/bwrap", "--die-with-parent", "--unshare-user", "--unshare-pid", "--unshare-ipc", \
  "--unshare-uts", "--unshare-cgroup-try"
#define BWRAP_BASE(root_option) \
  "--cap-drop", "ALL", root_option, "/", "/", "--dev", "/dev", "--proc", "/proc"

static const char *xdg_runtime_dir;

static const char *
machine_env (const char *name,
             gpointer    user_data)
{
  if (g_str_equal (name, "XDG_RUNTIME_DIR"))
    return xdg_runtime_dir;
  return fixture_env (name, user_data);
}

/* The Linux fixture as Debian has it, with a few more files. */
static SandbarPathResolver *
machine_new (const char *cwd)
{
  SandbarPathResolver *resolver = fixture_resolver_new (FALSE, cwd);

  sandbar_path_resolver_fake_add_directory (resolver, "/run/user/1000");
  sandbar_path_resolver_fake_add_file (resolver, "/run/docker.sock");
  sandbar_path_resolver_fake_add_symlink (resolver, "/var/run", "/run");
  sandbar_path_resolver_fake_add_directory (resolver, "/dev/shm");
  sandbar_path_resolver_fake_add_directory (resolver, "/home/u/src/app/sub/.git");
  sandbar_path_resolver_fake_add_file (resolver, "/home/u/.aws/credentials");
  sandbar_path_resolver_fake_add_file (resolver, "/home/u/.ssh/id_ed25519");
  sandbar_path_resolver_fake_add_directory (resolver, "/home/u/.docker/run");
  sandbar_path_resolver_fake_add_directory (resolver, "/tmp/work/.git");
  sandbar_path_resolver_fake_add_file (resolver, "/tmp/secret");
  sandbar_path_resolver_fake_add_directory (resolver, HOSTILE);
  sandbar_path_resolver_set_env_lookup (resolver, machine_env, NULL, NULL);
  return resolver;
}

static SandbarProfile *
new_profile (const char *working_directory)
{
  SandbarProfile *profile = sandbar_profile_new ("app");

  sandbar_profile_set_name (profile, "App");

  if (working_directory != NULL)
    sandbar_profile_set_working_directory (profile, working_directory);
  return profile;
}

static void
add_socket (SandbarProfile     *profile,
            const char         *path,
            SandbarSocketScope  scope)
{
  g_autoptr(SandbarSocketRule) rule = sandbar_socket_rule_new (path, scope);

  sandbar_profile_add_socket_rule (profile, rule);
  sandbar_profile_set_socket_access (profile, SANDBAR_SOCKET_ACCESS_ALLOWLIST);
}

static SandbarPolicy *
resolve (SandbarProfile      *profile,
         SandbarPathResolver *resolver)
{
  g_autoptr(GError) error = NULL;
  SandbarPolicy *policy = sandbar_policy_new (profile, resolver, SANDBAR_POLICY_NONE, &error);

  g_assert_no_error (error);
  return policy;
}

static SandbarBackend *
bwrap_new (SandbarPathResolver *resolver,
           const char          *tiocsti_control)
{
  return g_object_new (SANDBAR_TYPE_BACKEND_BWRAP,
                       "resolver", resolver,
                       "program", "/usr/bin/bwrap",
                       "tiocsti-control", tiocsti_control,
                       NULL);
}

/* The bwrap argv for @profile on the Debian-like machine; warnings go to
 * @warnings when not %NULL. */
static GStrv
bwrap_argv (SandbarProfile     *profile,
            const char * const *command,
            GPtrArray          *warnings)
{
  g_autoptr(SandbarPathResolver) resolver = machine_new (NULL);
  g_autoptr(SandbarPolicy) policy = resolve (profile, resolver);
  g_autoptr(SandbarBackend) backend = bwrap_new (resolver, NULL);
  g_autoptr(GError) error = NULL;
  GStrv argv;

  argv = sandbar_backend_build_argv (backend, policy, command, NULL, warnings, &error);
  g_assert_no_error (error);
  g_assert_nonnull (argv);
  return argv;
}

/* Compares whole vectors and shows both, one element a line, if they
 * differ: the position of each element is what matters. */
static void
assert_argv (const char * const *actual,
             const char * const *expected)
{
  if (!g_strv_equal (actual, expected))
    {
      g_autofree char *a = g_strjoinv ("\n  ", (char **)actual);
      g_autofree char *e = g_strjoinv ("\n  ", (char **)expected);

      g_test_message ("expected:\n  %s\nactual:\n  %s", e, a);
    }
  g_assert_cmpstrv (actual, expected);
}

static const char * const shell[] = { "sh", NULL };

static void
assert_no_warnings (GPtrArray *warnings)
{
  for (guint i = 0; i < warnings->len; i++)
    g_test_message ("unexpected warning: %s", (char *)g_ptr_array_index (warnings, i));
  g_assert_cmpuint (warnings->len, ==, 0);
}

/* Read-only: `/` read-only, the socket folders empty and read-only. */
static void
test_bwrap_read_only (void)
{
  g_autoptr(SandbarProfile) profile = new_profile (NULL);
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) argv = NULL;
  static const char * const expected[] = {
    BWRAP_NAMESPACES, "--unshare-net", BWRAP_BASE ("--ro-bind"),
    "--tmpfs", "/dev/shm", "--tmpfs", "/run", "--tmpfs", "/tmp",
    "--remount-ro", "/dev/shm", "--remount-ro", "/run", "--remount-ro", "/tmp",
    "--chdir", "/home/u",
    "--setenv", "SANDBAR_PROFILE", "app", "--setenv", "SANDBAR_SANDBOX", "bwrap",
    "--", "sh", NULL
  };

  sandbar_profile_set_write_access (profile, SANDBAR_WRITE_ACCESS_NONE);
  argv = bwrap_argv (profile, shell, warnings);
  assert_argv ((const char * const *)argv, expected);
  assert_no_warnings (warnings);
}

/* The defaults with a project: the project writable with .git read-only
 * inside it, /tmp and $TMPDIR private scratch space. */
static void
test_bwrap_roots (void)
{
  g_autoptr(SandbarProfile) profile = new_profile ("~/src/app");
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) argv = NULL;
  static const char * const expected[] = {
    BWRAP_NAMESPACES, "--unshare-net", BWRAP_BASE ("--ro-bind"),
    "--bind", "/home/u/src/app", "/home/u/src/app",
    "--bind", "/home/u/build", "/home/u/build",
    "--tmpfs", "/dev/shm", "--tmpfs", "/run", "--tmpfs", "/tmp",
    "--dir", "/tmp/tmpdir-u",
    "--ro-bind", "/home/u/src/app/.git", "/home/u/src/app/.git",
    "--ro-bind", "/home/u/src/app/sub/.git", "/home/u/src/app/sub/.git",
    "--chdir", "/home/u/src/app",
    "--setenv", "SANDBAR_PROFILE", "app", "--setenv", "SANDBAR_SANDBOX", "bwrap",
    "--", "make", "-j", "8", NULL
  };

  /* app/sub is inside app: writable through it, but its .git is
   * protected all the same. */
  sandbar_profile_set_writable_roots (profile, (const char *[]){ "~/src/app/sub", "~/build",
                                                                 NULL });
  argv = bwrap_argv (profile, (const char *[]){ "make", "-j", "8", NULL }, warnings);
  assert_argv ((const char * const *)argv, expected);
  assert_no_warnings (warnings);
}

/* Without include-temp the socket folders are read-only; a writable
 * folder inside /tmp is shown again, before that. */
static void
test_bwrap_root_in_tmp (void)
{
  g_autoptr(SandbarProfile) profile = new_profile ("/tmp/work");
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) argv = NULL;
  static const char * const expected[] = {
    BWRAP_NAMESPACES, "--unshare-net", BWRAP_BASE ("--ro-bind"),
    "--tmpfs", "/dev/shm", "--tmpfs", "/run", "--tmpfs", "/tmp",
    "--bind", "/tmp/work", "/tmp/work",
    "--remount-ro", "/dev/shm", "--remount-ro", "/run", "--remount-ro", "/tmp",
    "--ro-bind", "/tmp/work/.git", "/tmp/work/.git",
    "--chdir", "/tmp/work",
    "--setenv", "SANDBAR_PROFILE", "app", "--setenv", "SANDBAR_SANDBOX", "bwrap",
    "--", "sh", NULL
  };

  sandbar_profile_set_include_temp (profile, FALSE);
  argv = bwrap_argv (profile, shell, warnings);
  assert_argv ((const char * const *)argv, expected);
  assert_no_warnings (warnings);
}

/* A folder that does not exist cannot be bound: it is left out, said so. */
static void
test_bwrap_missing_root (void)
{
  g_autoptr(SandbarProfile) profile = new_profile ("~/src/app");
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) argv = NULL;

  sandbar_profile_set_writable_roots (profile, (const char *[]){ "~/new", NULL });
  argv = bwrap_argv (profile, shell, warnings);
  g_assert_false (g_strv_contains ((const char * const *)argv, "/home/u/new"));
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (warnings, 0), ==,
                   "Writable folder “/home/u/new” does not exist, so it is left out.");
}

/* A writable folder that is a socket folder itself stays private, and
 * the user is told. */
static void
test_bwrap_root_is_socket_folder (void)
{
  g_autoptr(SandbarProfile) profile = new_profile ("~/src/app");
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) argv = NULL;
  static const char * const expected[] = {
    BWRAP_NAMESPACES, "--unshare-net", BWRAP_BASE ("--ro-bind"),
    "--bind", "/home/u/src/app", "/home/u/src/app",
    "--tmpfs", "/dev/shm", "--tmpfs", "/run", "--tmpfs", "/tmp",
    "--ro-bind", "/home/u/src/app/.git", "/home/u/src/app/.git",
    "--chdir", "/home/u/src/app",
    "--setenv", "SANDBAR_PROFILE", "app", "--setenv", "SANDBAR_SANDBOX", "bwrap",
    "--", "sh", NULL
  };

  sandbar_profile_set_include_temp (profile, FALSE);
  sandbar_profile_set_writable_roots (profile, (const char *[]){ "/run", NULL });
  argv = bwrap_argv (profile, shell, warnings);
  assert_argv ((const char * const *)argv, expected);
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (warnings, 0),
                                   "Writable folder “/run” is replaced by an empty private "
                                   "folder"));
}

/* Limits: only those that apply, in plain sentences. */
static GPtrArray *
bwrap_limits (SandbarProfile *profile,
              const char     *tiocsti_control)
{
  g_autoptr(SandbarPathResolver) resolver = machine_new (NULL);
  g_autoptr(SandbarPolicy) policy = resolve (profile, resolver);
  g_autoptr(SandbarBackend) backend = bwrap_new (resolver, tiocsti_control);

  return sandbar_backend_describe_limits (backend, policy);
}

/* Hidden paths come last: an empty read-only tmpfs over a folder,
 * /dev/null over a file; nothing for what is already gone. */
static void
test_bwrap_deny_read (void)
{
  g_autoptr(SandbarProfile) profile = new_profile ("~/src/app");
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) argv = NULL;
  static const char * const expected[] = {
    BWRAP_NAMESPACES, "--unshare-net", BWRAP_BASE ("--ro-bind"),
    "--bind", "/home/u/src/app", "/home/u/src/app",
    "--tmpfs", "/dev/shm", "--tmpfs", "/run", "--tmpfs", "/tmp",
    "--dir", "/tmp/tmpdir-u",
    "--ro-bind", "/home/u/src/app/.git", "/home/u/src/app/.git",
    "--tmpfs", "/home/u/.ssh", "--remount-ro", "/home/u/.ssh",
    "--ro-bind", "/dev/null", "/home/u/.aws/credentials",
    "--tmpfs", "/home/u/src/app/.git", "--remount-ro", "/home/u/src/app/.git",
    "--chdir", "/home/u/src/app",
    "--setenv", "SANDBAR_PROFILE", "app", "--setenv", "SANDBAR_SANDBOX", "bwrap",
    "--", "sh", NULL
  };

  /* .ssh/id_ed25519 is inside the hidden .ssh; /tmp/secret is in the
   * replaced /tmp; .git is hidden even though it is protected. Of the
   * missing paths only ~/.gnupg could appear in the sandbox later: that is
   * a limit (describe_limits), not a warning for every launch. */
  sandbar_profile_set_deny_read (profile, (const char *[]){
    "~/.ssh/id_ed25519", "~/.ssh", "~/.aws/credentials", "/tmp/secret", "~/src/app/.git",
    "~/.gnupg", "/tmp/gone", "~/.ssh/gone", NULL
  });
  argv = bwrap_argv (profile, shell, warnings);
  assert_argv ((const char * const *)argv, expected);
  assert_no_warnings (warnings);

  {
    g_autoptr(GPtrArray) limits = bwrap_limits (profile, "0");
    gboolean said = FALSE;

    for (guint i = 0; i < limits->len; i++)
      said |= g_str_has_prefix (g_ptr_array_index (limits, i),
                                "A hidden path that does not exist when the command starts");
    g_assert_true (said);
  }
}

/* Allowlisted sockets in the socket folders are shown again at their own
 * path; one elsewhere needs nothing; a missing one is left out, said so. */
static void
test_bwrap_socket_allowlist (void)
{
  g_autoptr(SandbarProfile) profile = new_profile ("~/src/app");
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) argv = NULL;
  static const char * const expected[] = {
    BWRAP_NAMESPACES, "--unshare-net", BWRAP_BASE ("--ro-bind"),
    "--bind", "/home/u/src/app", "/home/u/src/app",
    "--tmpfs", "/dev/shm", "--tmpfs", "/run", "--tmpfs", "/tmp",
    "--dir", "/tmp/tmpdir-u",
    "--bind", "/tmp/ssh-agent.1/agent.42", "/tmp/ssh-agent.1/agent.42",
    "--bind", "/run/docker.sock", "/run/docker.sock",
    "--ro-bind", "/home/u/src/app/.git", "/home/u/src/app/.git",
    "--chdir", "/home/u/src/app",
    "--setenv", "SANDBAR_PROFILE", "app", "--setenv", "SANDBAR_SANDBOX", "bwrap",
    "--", "sh", NULL
  };

  add_socket (profile, "$SSH_AUTH_SOCK", SANDBAR_SOCKET_SCOPE_SUBPATH);
  add_socket (profile, "/var/run/docker.sock", SANDBAR_SOCKET_SCOPE_EXACT);
  add_socket (profile, "/tmp/later.sock", SANDBAR_SOCKET_SCOPE_EXACT);
  add_socket (profile, "~/.docker/run/docker.sock", SANDBAR_SOCKET_SCOPE_EXACT);
  argv = bwrap_argv (profile, shell, warnings);
  assert_argv ((const char * const *)argv, expected);
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (warnings, 0),
                                   "Unix socket “/tmp/later.sock” does not exist yet"));
}

/* An allowlisted folder is shown whole: a socket folder it holds is not
 * replaced, and a socket below it needs no bind of its own. */
static void
test_bwrap_socket_folder_allowlisted (void)
{
  g_autoptr(SandbarProfile) profile = new_profile (NULL);
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) argv = NULL;
  static const char * const expected[] = {
    BWRAP_NAMESPACES, "--unshare-net", BWRAP_BASE ("--ro-bind"),
    "--tmpfs", "/dev/shm", "--tmpfs", "/tmp",
    "--bind", "/tmp/ssh-agent.1", "/tmp/ssh-agent.1",
    "--remount-ro", "/dev/shm", "--remount-ro", "/tmp",
    "--chdir", "/home/u",
    "--setenv", "SANDBAR_PROFILE", "app", "--setenv", "SANDBAR_SANDBOX", "bwrap",
    "--", "sh", NULL
  };

  sandbar_profile_set_write_access (profile, SANDBAR_WRITE_ACCESS_NONE);
  add_socket (profile, "/run", SANDBAR_SOCKET_SCOPE_SUBPATH);
  add_socket (profile, "/tmp/ssh-agent.1", SANDBAR_SOCKET_SCOPE_SUBPATH);
  add_socket (profile, "$SSH_AUTH_SOCK", SANDBAR_SOCKET_SCOPE_EXACT);
  argv = bwrap_argv (profile, shell, warnings);
  assert_argv ((const char * const *)argv, expected);
  assert_no_warnings (warnings);
}

/* With every socket allowed nothing is replaced: /tmp is bound as a
 * writable folder like any other, and holds $TMPDIR. */
static void
test_bwrap_all_sockets (void)
{
  g_autoptr(SandbarProfile) profile = new_profile ("~/src/app");
  g_auto(GStrv) argv = NULL;
  static const char * const expected[] = {
    BWRAP_NAMESPACES, "--unshare-net", BWRAP_BASE ("--ro-bind"),
    "--bind", "/home/u/src/app", "/home/u/src/app",
    "--bind", "/tmp", "/tmp",
    "--ro-bind", "/home/u/src/app/.git", "/home/u/src/app/.git",
    "--chdir", "/home/u/src/app",
    "--setenv", "SANDBAR_PROFILE", "app", "--setenv", "SANDBAR_SANDBOX", "bwrap",
    "--", "sh", NULL
  };

  sandbar_profile_set_socket_access (profile, SANDBAR_SOCKET_ACCESS_ALL);
  argv = bwrap_argv (profile, shell, NULL);
  assert_argv ((const char * const *)argv, expected);
}

/* Write access "everything": `/` writable, the socket folders still
 * replaced (and writable), the working directory shown again writable. */
static void
test_bwrap_full_write (void)
{
  g_autoptr(SandbarProfile) profile = new_profile ("/tmp/work");
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) argv = NULL;
  static const char * const expected[] = {
    BWRAP_NAMESPACES, "--unshare-net", BWRAP_BASE ("--bind"),
    "--tmpfs", "/dev/shm", "--tmpfs", "/run", "--tmpfs", "/tmp",
    "--bind", "/tmp/work", "/tmp/work",
    "--tmpfs", "/home/u/.ssh", "--remount-ro", "/home/u/.ssh",
    "--chdir", "/tmp/work",
    "--setenv", "SANDBAR_PROFILE", "app", "--setenv", "SANDBAR_SANDBOX", "bwrap",
    "--", "sh", NULL
  };

  sandbar_profile_set_write_access (profile, SANDBAR_WRITE_ACCESS_ALL);
  sandbar_profile_set_deny_read (profile, (const char *[]){ "~/.ssh", NULL });
  argv = bwrap_argv (profile, shell, warnings);
  assert_argv ((const char * const *)argv, expected);
  assert_no_warnings (warnings);
}

/* A read-only working directory inside a replaced folder is shown again
 * read-only, so that the command can start in it. */
static void
test_bwrap_read_only_cwd_in_tmp (void)
{
  g_autoptr(SandbarProfile) profile = new_profile ("/tmp/work");
  g_auto(GStrv) argv = NULL;
  static const char * const expected[] = {
    BWRAP_NAMESPACES, "--unshare-net", BWRAP_BASE ("--ro-bind"),
    "--tmpfs", "/dev/shm", "--tmpfs", "/run", "--tmpfs", "/tmp",
    "--ro-bind", "/tmp/work", "/tmp/work",
    "--remount-ro", "/dev/shm", "--remount-ro", "/run", "--remount-ro", "/tmp",
    "--chdir", "/tmp/work",
    "--setenv", "SANDBAR_PROFILE", "app", "--setenv", "SANDBAR_SANDBOX", "bwrap",
    "--", "sh", NULL
  };

  sandbar_profile_set_write_access (profile, SANDBAR_WRITE_ACCESS_NONE);
  argv = bwrap_argv (profile, shell, NULL);
  assert_argv ((const char * const *)argv, expected);
}

/* Full network: no network namespace; the rest is unchanged. */
static void
test_bwrap_full_network (void)
{
  g_autoptr(SandbarProfile) profile = new_profile (NULL);
  g_auto(GStrv) argv = NULL;
  static const char * const expected[] = {
    BWRAP_NAMESPACES, BWRAP_BASE ("--ro-bind"),
    "--tmpfs", "/dev/shm", "--tmpfs", "/run", "--tmpfs", "/tmp",
    "--dir", "/tmp/tmpdir-u",
    "--chdir", "/home/u",
    "--setenv", "SANDBAR_PROFILE", "app", "--setenv", "SANDBAR_SANDBOX", "bwrap",
    "--", "curl", "https://example.org/", NULL
  };

  sandbar_profile_set_network_access (profile, SANDBAR_NETWORK_ACCESS_FULL);
  argv = bwrap_argv (profile, (const char *[]){ "curl", "https://example.org/", NULL }, NULL);
  assert_argv ((const char * const *)argv, expected);
}

/* $XDG_RUNTIME_DIR is replaced unless it is inside /run already. */
static void
test_bwrap_runtime_dir (void)
{
  g_autoptr(SandbarProfile) profile = new_profile (NULL);
  g_auto(GStrv) inside = NULL;
  g_auto(GStrv) outside = NULL;

  sandbar_profile_set_write_access (profile, SANDBAR_WRITE_ACCESS_NONE);
  xdg_runtime_dir = "/run/user/1000";
  inside = bwrap_argv (profile, shell, NULL);
  xdg_runtime_dir = "/home/u/.docker/run";
  outside = bwrap_argv (profile, shell, NULL);
  xdg_runtime_dir = NULL;

  g_assert_false (g_strv_contains ((const char * const *)inside, "/run/user/1000"));
  g_assert_cmpuint (g_strv_length (outside), ==, g_strv_length (inside) + 4);
  g_assert_true (g_strv_contains ((const char * const *)outside, "/home/u/.docker/run"));
}

/* Quotes, $(), backticks, !, spaces and leading dashes stay one element,
 * right after their option: bwrap never reads a path as an option, and
 * the command after `--` is passed on word for word. */
static void
test_bwrap_hostile (void)
{
  g_autoptr(SandbarProfile) profile = new_profile (HOSTILE);
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(SandbarPathResolver) resolver = machine_new (NULL);
  g_autoptr(SandbarBackend) backend = bwrap_new (resolver, NULL);
  g_autoptr(SandbarPolicy) policy = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) argv = NULL;
  static const char * const command[] = {
    "--bind", "/", "/", "-rf", "$(id)", "`id`", "a b", "'\"", "!!", "", NULL
  };
  static const char * const expected[] = {
    BWRAP_NAMESPACES, "--unshare-net", BWRAP_BASE ("--ro-bind"),
    "--bind", HOSTILE, HOSTILE,
    "--tmpfs", "/dev/shm", "--tmpfs", "/home/u/--tmpfs x", "--tmpfs", "/run", "--tmpfs", "/tmp",
    "--dir", "/tmp/tmpdir-u",
    "--tmpfs", "/home/u/--ro-bind", "--remount-ro", "/home/u/--ro-bind",
    "--ro-bind", "/dev/null", "/home/u/-f $(x)",
    "--chdir", HOSTILE,
    "--setenv", "SANDBAR_PROFILE", "app", "--setenv", "SANDBAR_SANDBOX", "bwrap",
    "--", "--bind", "/", "/", "-rf", "$(id)", "`id`", "a b", "'\"", "!!", "", NULL
  };

  /* A socket folder, a hidden folder and a hidden file named like
   * options. */
  xdg_runtime_dir = "/home/u/--tmpfs x";
  sandbar_path_resolver_fake_add_directory (resolver, "/home/u/--tmpfs x");
  sandbar_path_resolver_fake_add_directory (resolver, "/home/u/--ro-bind");
  sandbar_path_resolver_fake_add_file (resolver, "/home/u/-f $(x)");
  sandbar_profile_set_deny_read (profile, (const char *[]){ "~/--ro-bind", "~/-f $(x)", NULL });
  sandbar_profile_set_protected_names (profile, (const char *[]){ NULL });
  policy = resolve (profile, resolver);
  argv = sandbar_backend_build_argv (backend, policy, command, NULL, warnings, &error);
  xdg_runtime_dir = NULL;

  g_assert_no_error (error);
  assert_argv ((const char * const *)argv, expected);
  assert_no_warnings (warnings);
}


static gboolean
has_limit (GPtrArray  *limits,
           const char *start)
{
  for (guint i = 0; i < limits->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (limits, i), start))
      return TRUE;

  return FALSE;
}

static void
test_bwrap_limits (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("sandbar-tiocsti-XXXXXX", NULL);
  g_autofree char *off = g_build_filename (tmp, "off", NULL);
  g_autofree char *on = g_build_filename (tmp, "on", NULL);
  g_autofree char *missing = g_build_filename (tmp, "missing", NULL);
  g_autoptr(SandbarProfile) profile = new_profile ("~/build");
  g_autoptr(GPtrArray) limits = NULL;

  g_assert_true (g_file_set_contents (off, "0\n", -1, NULL));
  g_assert_true (g_file_set_contents (on, "1\n", -1, NULL));

  /* Defaults: sockets limited, network restricted, no ports; ~/build has
   * no .git, so a .git can be created there. */
  limits = bwrap_limits (profile, off);
  g_assert_cmpuint (limits->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (limits, 0), ==,
                   "Unix sockets outside /dev/shm, /run, /tmp stay reachable, for example "
                   "under your home folder or in the working directory.");
  g_assert_true (has_limit (limits, "A protected name that does not exist yet"));
  g_clear_pointer (&limits, g_ptr_array_unref);

  limits = bwrap_limits (profile, on);
  g_assert_cmpuint (limits->len, ==, 3);
  g_assert_true (has_limit (limits, "A sandboxed program can type into the terminal it runs "
                                    "in (TIOCSTI); setting the kernel option "
                                    "dev.tty.legacy_tiocsti to 0"));
  g_clear_pointer (&limits, g_ptr_array_unref);

  limits = bwrap_limits (profile, missing);
  g_assert_true (has_limit (limits, "A sandboxed program can type into the terminal it runs "
                                    "in (TIOCSTI), and this kernel has no setting"));
  g_clear_pointer (&limits, g_ptr_array_unref);

  /* Ports and local binding under a restricted network; an allowlisted
   * socket in a replaced folder. */
  sandbar_profile_set_working_directory (profile, "~/src/app");
  sandbar_profile_set_localhost_ports (profile, (guint[]){ 3128 }, 1);
  add_socket (profile, "/run/docker.sock", SANDBAR_SOCKET_SCOPE_EXACT);
  limits = bwrap_limits (profile, off);
  g_assert_cmpuint (limits->len, ==, 3);
  g_assert_true (has_limit (limits, "Unix sockets outside"));
  g_assert_true (has_limit (limits, "An allowlisted socket in those folders must exist"));
  g_assert_true (has_limit (limits, "Localhost ports and local servers need"));
  g_clear_pointer (&limits, g_ptr_array_unref);

  /* Full network: abstract sockets; the ports then work. */
  sandbar_profile_set_network_access (profile, SANDBAR_NETWORK_ACCESS_FULL);
  limits = bwrap_limits (profile, off);
  g_assert_true (has_limit (limits, "With full network access, abstract Unix sockets"));
  g_assert_false (has_limit (limits, "Localhost ports"));
  g_clear_pointer (&limits, g_ptr_array_unref);

  /* Every socket allowed: nothing about sockets is limited. /tmp is a
   * plain writable folder now, without a .git. */
  sandbar_profile_set_socket_access (profile, SANDBAR_SOCKET_ACCESS_ALL);
  limits = bwrap_limits (profile, off);
  g_assert_cmpuint (limits->len, ==, 1);
  g_assert_true (has_limit (limits, "A protected name that does not exist yet"));

  g_remove (off);
  g_remove (on);
  g_rmdir (tmp);
}

static void
test_bwrap_check_available (void)
{
  g_autoptr(SandbarBackend) missing = g_object_new (SANDBAR_TYPE_BACKEND_BWRAP,
                                                    "program", "/nonexistent/bwrap", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (sandbar_backend_check_available (missing, &error));
  g_assert_error (error, SANDBAR_BACKEND_ERROR, SANDBAR_BACKEND_ERROR_UNAVAILABLE);
  g_assert_cmpstr (error->message, ==,
                   "bubblewrap (bwrap) was not found; install it with “sudo apt install "
                   "bubblewrap” (Debian, Ubuntu) or “sudo dnf install bubblewrap” (Fedora)");
}

/* Seatbelt: the parameter rendering in a 0600 file in a 0700 folder, one
 * -D argument per parameter in order, the environment set by env. */
static void
test_seatbelt_argv (void)
{
  g_autoptr(SandbarPathResolver) resolver = fixture_resolver_new (TRUE, NULL);
  g_autoptr(SandbarProfile) profile = new_profile ("~/src/app");
  g_autoptr(SandbarPolicy) policy = NULL;
  g_autoptr(SandbarBackend) backend = sandbar_backend_seatbelt_new ();
  g_autoptr(SandbarPrivateDir) dir = NULL;
  g_autoptr(SandbarSbpl) sbpl = NULL;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *parent = g_dir_make_tmp ("sandbar-test-XXXXXX", NULL);
  g_autofree char *profile_path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GStrvBuilder) expected = g_strv_builder_new ();
  g_auto(GStrv) expected_argv = NULL;
  g_auto(GStrv) argv = NULL;
  struct stat st;

  add_socket (profile, "$SSH_AUTH_SOCK", SANDBAR_SOCKET_SCOPE_SUBPATH);
  sandbar_profile_set_deny_read (profile, (const char *[]){ HOSTILE, NULL });
  policy = resolve (profile, resolver);
  dir = sandbar_private_dir_new (parent, &error);
  g_assert_no_error (error);

  argv = sandbar_backend_build_argv (backend, policy,
                                     (const char *[]){ "-x", "$(id)", "a b", NULL }, dir,
                                     warnings, &error);
  g_assert_no_error (error);
  assert_no_warnings (warnings);

  profile_path = g_build_filename (sandbar_private_dir_get_path (dir), "profile.sb", NULL);
  g_strv_builder_add_many (expected, "/usr/bin/sandbox-exec", "-f", profile_path,
                           "-DWRITABLE_ROOT_0=/home/u/src/app",
                           "-DWRITABLE_ROOT_1=/private/tmp",
                           "-DWRITABLE_ROOT_2=/private/tmp/tmpdir-u",
                           "-DPROTECTED_NAME_0=.git",
                           "-DUNIX_SOCKET_PATH_0=/private/tmp/ssh-agent.1/agent.42",
                           "-DUNIX_SOCKET_PATH_1=/tmp/ssh-agent.1/agent.42",
                           "-DDENY_READ_0=" HOSTILE,
                           "--", "/usr/bin/env", "SANDBAR_PROFILE=app", "SANDBAR_SANDBOX=seatbelt",
                           "-x", "$(id)", "a b", NULL);
  expected_argv = g_strv_builder_end (expected);
  assert_argv ((const char * const *)argv, (const char * const *)expected_argv);

  /* The -D arguments are exactly the renderer's parameters. */
  sbpl = sandbar_sbpl_render (policy);
  g_assert_cmpuint (sbpl->params->len, ==, 7);

  g_assert_true (g_file_get_contents (profile_path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, sbpl->text->str);
  g_assert_null (strstr (contents, "/home/u"));

  g_assert_cmpint (lstat (profile_path, &st), ==, 0);
  g_assert_true (S_ISREG (st.st_mode));
  g_assert_cmpint (st.st_mode & 07777, ==, 0600);
  g_assert_cmpint (lstat (sandbar_private_dir_get_path (dir), &st), ==, 0);
  g_assert_true (S_ISDIR (st.st_mode));
  g_assert_cmpint (st.st_mode & 07777, ==, 0700);

  g_clear_object (&dir);
  g_assert_false (g_file_test (profile_path, G_FILE_TEST_EXISTS));
  g_rmdir (parent);
}

/* env would take a first word with `=` as a variable to set. */
static void
test_seatbelt_rejects_assignment (void)
{
  g_autoptr(SandbarPathResolver) resolver = fixture_resolver_new (TRUE, NULL);
  g_autoptr(SandbarProfile) profile = new_profile (NULL);
  g_autoptr(SandbarPolicy) policy = resolve (profile, resolver);
  g_autoptr(SandbarBackend) backend = sandbar_backend_seatbelt_new ();
  g_autoptr(SandbarPrivateDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *parent = g_dir_make_tmp ("sandbar-test-XXXXXX", NULL);
  g_auto(GStrv) argv = NULL;
  g_autoptr(GDir) listing = NULL;

  dir = sandbar_private_dir_new (parent, &error);
  g_assert_no_error (error);
  argv = sandbar_backend_build_argv (backend, policy, (const char *[]){ "PATH=/x", "sh", NULL },
                                     dir, NULL, &error);
  g_assert_null (argv);
  g_assert_error (error, SANDBAR_INPUT_ERROR, SANDBAR_INPUT_ERROR_NOT_ALLOWED);
  g_assert_true (g_str_has_prefix (error->message, "Command “PATH=/x”: the first word "
                                                   "contains “=”"));

  /* Nothing was written for the refused command. */
  listing = g_dir_open (sandbar_private_dir_get_path (dir), 0, NULL);
  g_assert_null (g_dir_read_name (listing));
  g_clear_object (&dir);
  g_rmdir (parent);
  g_clear_error (&error);

  /* An = later in the command is an ordinary argument. */
  {
    g_autoptr(SandbarPrivateDir) again = sandbar_private_dir_new (NULL, &error);
    g_auto(GStrv) ok = NULL;

    g_assert_no_error (error);
    ok = sandbar_backend_build_argv (backend, policy, (const char *[]){ "make", "CC=gcc", NULL },
                                     again, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (ok[g_strv_length (ok) - 1], ==, "CC=gcc");
  }
}

static void
test_seatbelt_limits_and_availability (void)
{
  g_autoptr(SandbarPathResolver) resolver = fixture_resolver_new (TRUE, NULL);
  g_autoptr(SandbarProfile) profile = new_profile (NULL);
  g_autoptr(SandbarPolicy) policy = resolve (profile, resolver);
  g_autoptr(SandbarBackend) backend = sandbar_backend_seatbelt_new ();
  g_autoptr(GPtrArray) limits = sandbar_backend_describe_limits (backend, policy);
  g_autoptr(GError) error = NULL;
  gboolean available;

  g_assert_cmpuint (limits->len, ==, 1);
  g_assert_true (has_limit (limits, "macOS does not start a sandbox inside another one"));

  available = sandbar_backend_check_available (backend, &error);
  g_assert_cmpint (available, ==,
                   g_file_test ("/usr/bin/sandbox-exec", G_FILE_TEST_IS_EXECUTABLE));
  if (!available)
    {
      g_assert_error (error, SANDBAR_BACKEND_ERROR, SANDBAR_BACKEND_ERROR_UNAVAILABLE);
      g_assert_cmpstr (error->message, ==,
                       "sandbox-exec was not found; Sandbar’s Seatbelt backend needs macOS");
    }
}

static void
test_new (void)
{
  g_autoptr(SandbarBackend) host = sandbar_backend_new (NULL, NULL);
  g_autoptr(SandbarBackend) seatbelt = sandbar_backend_new ("seatbelt", NULL);
  g_autoptr(SandbarBackend) bwrap = sandbar_backend_new ("bwrap", NULL);
  g_autoptr(SandbarBackend) unknown = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (sandbar_backend_get_name (host), ==, SANDBAR_OS_MACOS ? "seatbelt" : "bwrap");
  g_assert_cmpstr (sandbar_backend_get_name (seatbelt), ==, "seatbelt");
  g_assert_cmpstr (sandbar_backend_get_name (bwrap), ==, "bwrap");

  unknown = sandbar_backend_new ("firejail", &error);
  g_assert_null (unknown);
  g_assert_error (error, SANDBAR_BACKEND_ERROR, SANDBAR_BACKEND_ERROR_UNKNOWN);
  g_assert_cmpstr (error->message, ==,
                   "Unknown sandbox backend “firejail”: choose “seatbelt” or “bwrap”");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sandbar/backend/new", test_new);
  g_test_add_func ("/sandbar/backend/bwrap/read-only", test_bwrap_read_only);
  g_test_add_func ("/sandbar/backend/bwrap/roots", test_bwrap_roots);
  g_test_add_func ("/sandbar/backend/bwrap/root-in-tmp", test_bwrap_root_in_tmp);
  g_test_add_func ("/sandbar/backend/bwrap/missing-root", test_bwrap_missing_root);
  g_test_add_func ("/sandbar/backend/bwrap/root-is-socket-folder",
                   test_bwrap_root_is_socket_folder);
  g_test_add_func ("/sandbar/backend/bwrap/deny-read", test_bwrap_deny_read);
  g_test_add_func ("/sandbar/backend/bwrap/socket-allowlist", test_bwrap_socket_allowlist);
  g_test_add_func ("/sandbar/backend/bwrap/socket-folder-allowlisted",
                   test_bwrap_socket_folder_allowlisted);
  g_test_add_func ("/sandbar/backend/bwrap/all-sockets", test_bwrap_all_sockets);
  g_test_add_func ("/sandbar/backend/bwrap/full-write", test_bwrap_full_write);
  g_test_add_func ("/sandbar/backend/bwrap/read-only-cwd-in-tmp",
                   test_bwrap_read_only_cwd_in_tmp);
  g_test_add_func ("/sandbar/backend/bwrap/full-network", test_bwrap_full_network);
  g_test_add_func ("/sandbar/backend/bwrap/runtime-dir", test_bwrap_runtime_dir);
  g_test_add_func ("/sandbar/backend/bwrap/hostile", test_bwrap_hostile);
  g_test_add_func ("/sandbar/backend/bwrap/limits", test_bwrap_limits);
  g_test_add_func ("/sandbar/backend/bwrap/check-available", test_bwrap_check_available);
  g_test_add_func ("/sandbar/backend/seatbelt/argv", test_seatbelt_argv);
  g_test_add_func ("/sandbar/backend/seatbelt/rejects-assignment",
                   test_seatbelt_rejects_assignment);
  g_test_add_func ("/sandbar/backend/seatbelt/limits-and-availability",
                   test_seatbelt_limits_and_availability);

  return g_test_run ();
}
