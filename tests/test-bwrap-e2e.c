/* test-bwrap-e2e.c — real bubblewrap enforces what the argv says
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each case resolves a profile on the real file system, builds the argv
 * with the bubblewrap backend and runs sandbar-test-client inside it,
 * which tries one thing (connect, write, read, …) and says how it went.
 * A denial must come from the client (its message names the reason), so
 * a sandbox that fails to start never passes for a sandbox that denies.
 *
 * Two test folders: one under /tmp, which the sandbox replaces unless
 * sockets are all allowed, and one elsewhere (/var/tmp, else the home
 * folder), which it does not. The client is copied to the second one, so
 * that it can run even when the build folder is under /tmp.
 *
 * Skipped (TAP "1..0 # SKIP") only when `bwrap --ro-bind / / true` fails,
 * e.g. without user namespaces; a missing bwrap is a failure, since
 * build-aux/test installs it.
 */

#include "config.h"

#include <arpa/inet.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sandbar-backend-bwrap.h"
#include "sandbar-profile.h"

typedef struct
{
  char *tmp_dir;     /* under /tmp */
  char *other_dir;   /* under /var/tmp or $HOME */
  char *client;      /* the client, copied into other_dir */
} Machine;

static Machine machine;

typedef struct
{
  int   status;      /* the exit status, or -1 if killed */
  char *out;
  char *err;
} Result;

static void
result_clear (Result *result)
{
  g_clear_pointer (&result->out, g_free);
  g_clear_pointer (&result->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, result_clear)

static SandbarProfile *
new_profile (const char *working_directory)
{
  SandbarProfile *profile = sandbar_profile_new ("e2e");

  sandbar_profile_set_name (profile, "End to end");
  sandbar_profile_set_working_directory (profile, working_directory);
  return profile;
}

static void
allow_socket (SandbarProfile *profile,
              const char     *path)
{
  g_autoptr(SandbarSocketRule) rule = sandbar_socket_rule_new (path, SANDBAR_SOCKET_SCOPE_EXACT);

  sandbar_profile_add_socket_rule (profile, rule);
  sandbar_profile_set_socket_access (profile, SANDBAR_SOCKET_ACCESS_ALLOWLIST);
}

/* Runs the client with @args under @profile, as sandbarctl run would. */
static void
run (SandbarProfile     *profile,
     const char * const *args,
     Result             *result)
{
  g_autoptr(SandbarPathResolver) resolver = sandbar_path_resolver_new ();
  g_autoptr(SandbarBackend) backend = sandbar_backend_bwrap_new (resolver);
  g_autoptr(SandbarPolicy) policy = NULL;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GStrvBuilder) command = g_strv_builder_new ();
  g_auto(GStrv) command_argv = NULL;
  g_auto(GStrv) argv = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;
  int wait_status;

  policy = sandbar_policy_new (profile, resolver, SANDBAR_POLICY_NONE, &error);
  g_assert_no_error (error);

  g_strv_builder_add (command, machine.client);
  g_strv_builder_addv (command, (const char **)args);
  command_argv = g_strv_builder_end (command);

  argv = sandbar_backend_build_argv (backend, policy, (const char * const *)command_argv, NULL,
                                     warnings, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < warnings->len; i++)
    g_test_message ("warning: %s", (char *)g_ptr_array_index (warnings, i));

  shown = g_strjoinv (" ", argv);
  g_test_message ("running: %s", shown);

  g_spawn_sync (NULL, argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &result->out, &result->err,
                &wait_status, &error);
  g_assert_no_error (error);
  result->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
  if (*result->err != '\0')
    g_test_message ("stderr: %s", result->err);
}

static void
assert_succeeds (SandbarProfile     *profile,
                 const char * const *args)
{
  g_auto(Result) result = { 0 };

  run (profile, args, &result);
  g_assert_cmpstr (result.err, ==, "");
  g_assert_cmpint (result.status, ==, 0);
}

/* The client ran and failed for one of the @reasons (strerror texts). */
static void
assert_denied (SandbarProfile     *profile,
               const char * const *args,
               const char * const *reasons)
{
  g_auto(Result) result = { 0 };
  gboolean found = FALSE;

  run (profile, args, &result);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_true (g_str_has_prefix (result.err, "sandbar-test-client: "));
  for (guint i = 0; reasons[i] != NULL; i++)
    found |= strstr (result.err, reasons[i]) != NULL;
  if (!found)
    g_test_message ("none of the expected reasons in: %s", result.err);
  g_assert_true (found);
}

#define ARGS(...) ((const char * const []){ __VA_ARGS__, NULL })
#define REASONS(...) ((const char * const []){ __VA_ARGS__, NULL })

static const char *
not_found (void)
{
  return g_strerror (ENOENT);
}

static int
listen_unix (const char *path)
{
  struct sockaddr_un addr = { .sun_family = AF_UNIX };
  int fd = socket (AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpuint (strlen (path), <, sizeof addr.sun_path);
  strcpy (addr.sun_path, path);
  g_unlink (path);
  g_assert_cmpint (bind (fd, (struct sockaddr *)&addr, sizeof addr), ==, 0);
  /* Queued connections succeed without accept(). */
  g_assert_cmpint (listen (fd, 16), ==, 0);
  return fd;
}

/* A server on the allowlisted socket, one beside it, one in /run. */
typedef struct
{
  char *allowed;
  char *other;
  char *run;       /* NULL when /run is not writable */
  int   fds[3];
} Servers;

static void
servers_start (Servers *servers)
{
  g_autofree char *run_name = g_strdup_printf ("sandbar-e2e-%d.sock", (int)getpid ());

  servers->allowed = g_build_filename (machine.tmp_dir, "allowed.sock", NULL);
  servers->other = g_build_filename (machine.tmp_dir, "other.sock", NULL);
  servers->fds[0] = listen_unix (servers->allowed);
  servers->fds[1] = listen_unix (servers->other);
  servers->fds[2] = -1;

  if (access ("/run", W_OK) == 0)
    {
      servers->run = g_build_filename ("/run", run_name, NULL);
      servers->fds[2] = listen_unix (servers->run);
    }
  else
    g_test_message ("/run is not writable: no server there");
}

static void
servers_stop (Servers *servers)
{
  const char *paths[] = { servers->allowed, servers->other, servers->run };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    if (paths[i] != NULL)
      {
        close (servers->fds[i]);
        g_unlink (paths[i]);
      }
  g_free (servers->allowed);
  g_free (servers->other);
  g_free (servers->run);
}

/* The seed feature: only the allowlisted socket can be reached; its
 * neighbour in the same folder and a socket in /run cannot. */
static void
test_socket_allowlist (void)
{
  g_autoptr(SandbarProfile) profile = new_profile (machine.other_dir);
  Servers servers = { 0 };

  servers_start (&servers);

  /* The servers answer outside a sandbox. */
  {
    g_autofree char *out = NULL;
    int status;

    g_assert_true (g_spawn_sync (NULL, (char *[]){ machine.client, "connect", servers.other,
                                                   NULL },
                                 NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, NULL));
    g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  }

  allow_socket (profile, servers.allowed);
  assert_succeeds (profile, ARGS ("connect", servers.allowed));
  assert_denied (profile, ARGS ("connect", servers.other), REASONS (not_found ()));
  if (servers.run != NULL)
    assert_denied (profile, ARGS ("connect", servers.run), REASONS (not_found ()));

  servers_stop (&servers);
}

static void
test_socket_none (void)
{
  g_autoptr(SandbarProfile) profile = new_profile (machine.other_dir);
  Servers servers = { 0 };

  servers_start (&servers);
  assert_denied (profile, ARGS ("connect", servers.allowed), REASONS (not_found ()));
  if (servers.run != NULL)
    assert_denied (profile, ARGS ("connect", servers.run), REASONS (not_found ()));
  servers_stop (&servers);
}

static void
test_socket_all (void)
{
  g_autoptr(SandbarProfile) profile = new_profile (machine.other_dir);
  Servers servers = { 0 };

  servers_start (&servers);
  sandbar_profile_set_socket_access (profile, SANDBAR_SOCKET_ACCESS_ALL);
  assert_succeeds (profile, ARGS ("connect", servers.allowed));
  assert_succeeds (profile, ARGS ("connect", servers.other));
  if (servers.run != NULL)
    assert_succeeds (profile, ARGS ("connect", servers.run));
  servers_stop (&servers);
}

static char *
make_dir (const char *parent,
          const char *name)
{
  char *path = g_build_filename (parent, name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (path, 0700), ==, 0);
  return path;
}

static void
assert_host_file (const char *path,
                  gboolean    exists)
{
  g_assert_cmpint (g_file_test (path, G_FILE_TEST_EXISTS), ==, exists);
  g_unlink (path);
}

/* A writable folder under /tmp (shown again inside the replaced /tmp)
 * and one elsewhere; .git read-only; nothing else; /tmp itself private. */
static void
test_writes (void)
{
  g_autofree char *work = make_dir (machine.tmp_dir, "work");
  g_autofree char *git = make_dir (work, ".git");
  g_autofree char *second = make_dir (machine.other_dir, "second");
  g_autofree char *outside = make_dir (machine.other_dir, "outside");
  g_autofree char *tmp_outside = make_dir (machine.tmp_dir, "outside");
  g_autofree char *in_work = g_build_filename (work, "new.txt", NULL);
  g_autofree char *in_second = g_build_filename (second, "new.txt", NULL);
  g_autofree char *in_git = g_build_filename (git, "config", NULL);
  g_autofree char *in_outside = g_build_filename (outside, "new.txt", NULL);
  g_autofree char *in_tmp_outside = g_build_filename (tmp_outside, "new.txt", NULL);
  g_autofree char *scratch = g_strdup_printf ("/tmp/sandbar-e2e-scratch-%d", (int)getpid ());
  g_autoptr(SandbarProfile) profile = new_profile (work);
  const char *read_only = g_strerror (EROFS);

  sandbar_profile_set_writable_roots (profile, (const char *[]){ second, NULL });

  assert_succeeds (profile, ARGS ("write", in_work));
  assert_host_file (in_work, TRUE);
  assert_succeeds (profile, ARGS ("write", in_second));
  assert_host_file (in_second, TRUE);

  assert_denied (profile, ARGS ("write", in_git), REASONS (read_only));
  assert_host_file (in_git, FALSE);
  assert_denied (profile, ARGS ("write", in_outside), REASONS (read_only));
  assert_host_file (in_outside, FALSE);
  /* Gone from the private /tmp, so not even there to write to. */
  assert_denied (profile, ARGS ("write", in_tmp_outside), REASONS (not_found ()));
  assert_host_file (in_tmp_outside, FALSE);

  /* Temporary files: scratch space inside the sandbox, not shared. */
  assert_succeeds (profile, ARGS ("write", scratch));
  assert_host_file (scratch, FALSE);

  /* Without temporary files, /tmp is read-only; the folder in it stays
   * writable. */
  sandbar_profile_set_include_temp (profile, FALSE);
  assert_denied (profile, ARGS ("write", scratch), REASONS (read_only));
  assert_succeeds (profile, ARGS ("write", in_work));
  assert_host_file (in_work, TRUE);

  /* Read-only: not even the working directory. */
  sandbar_profile_set_write_access (profile, SANDBAR_WRITE_ACCESS_NONE);
  assert_denied (profile, ARGS ("write", in_work), REASONS (read_only));
  assert_host_file (in_work, FALSE);
  assert_succeeds (profile, ARGS ("pwd"));
}

static void
write_secret (const char *path)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, "secret\n", -1, &error);
  g_assert_no_error (error);
}

/* A hidden file and a hidden folder cannot be read, even inside a
 * writable folder; a file beside them can. */
static void
test_deny_read (void)
{
  g_autofree char *project = make_dir (machine.other_dir, "project");
  g_autofree char *folder = make_dir (project, "secrets");
  g_autofree char *in_folder = g_build_filename (folder, "key", NULL);
  g_autofree char *file = g_build_filename (project, "token", NULL);
  g_autofree char *visible = g_build_filename (project, "README", NULL);
  g_autoptr(SandbarProfile) profile = new_profile (project);

  write_secret (in_folder);
  write_secret (file);
  write_secret (visible);
  sandbar_profile_set_deny_read (profile, (const char *[]){ folder, file, NULL });

  assert_succeeds (profile, ARGS ("read", visible));
  assert_denied (profile, ARGS ("read", in_folder), REASONS (not_found ()));
  assert_denied (profile, ARGS ("read", file), REASONS (g_strerror (EACCES), "empty"));
  /* Nor written over, though the folder is writable. */
  assert_denied (profile, ARGS ("write", file), REASONS (g_strerror (EACCES),
                                                         g_strerror (EROFS)));
}

static int
listen_tcp (guint16 *port)
{
  struct sockaddr_in addr = { .sin_family = AF_INET };
  socklen_t length = sizeof addr;
  int fd = socket (AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);

  g_assert_cmpint (fd, >=, 0);
  addr.sin_addr.s_addr = htonl (INADDR_LOOPBACK);
  g_assert_cmpint (bind (fd, (struct sockaddr *)&addr, sizeof addr), ==, 0);
  g_assert_cmpint (listen (fd, 16), ==, 0);
  g_assert_cmpint (getsockname (fd, (struct sockaddr *)&addr, &length), ==, 0);
  *port = ntohs (addr.sin_port);
  return fd;
}

/* A loopback server of the computer: unreachable with a restricted
 * network (the sandbox has its own loopback), reachable with full. */
static void
test_network (void)
{
  g_autoptr(SandbarProfile) profile = new_profile (machine.other_dir);
  guint16 port;
  int fd = listen_tcp (&port);
  g_autofree char *port_text = g_strdup_printf ("%u", port);

  assert_denied (profile, ARGS ("tcp", port_text),
                 REASONS (g_strerror (ECONNREFUSED), g_strerror (ENETUNREACH)));
  sandbar_profile_set_network_access (profile, SANDBAR_NETWORK_ACCESS_FULL);
  assert_succeeds (profile, ARGS ("tcp", port_text));
  close (fd);
}

static void
test_environment (void)
{
  g_autoptr(SandbarProfile) profile = new_profile (machine.other_dir);
  g_auto(Result) id = { 0 };
  g_auto(Result) sandbox = { 0 };

  run (profile, ARGS ("env", "SANDBAR_PROFILE"), &id);
  g_assert_cmpint (id.status, ==, 0);
  g_assert_cmpstr (id.out, ==, "e2e\n");
  run (profile, ARGS ("env", "SANDBAR_SANDBOX"), &sandbox);
  g_assert_cmpint (sandbox.status, ==, 0);
  g_assert_cmpstr (sandbox.out, ==, "bwrap\n");
}

/* A working directory named like options and shell syntax reaches bwrap
 * as one path: the command starts in it and can write there. */
static void
test_hostile_working_directory (void)
{
  g_autofree char *hostile = make_dir (machine.tmp_dir, "--bind x'\"$(touch p)`id`!; *");
  g_autofree char *inside = g_build_filename (hostile, "--ro-bind", NULL);
  g_autoptr(SandbarProfile) profile = new_profile (hostile);
  g_auto(Result) pwd = { 0 };
  g_autofree char *expected = g_strconcat (hostile, "\n", NULL);

  run (profile, ARGS ("pwd"), &pwd);
  g_assert_cmpint (pwd.status, ==, 0);
  g_assert_cmpstr (pwd.out, ==, expected);

  assert_succeeds (profile, ARGS ("write", inside));
  assert_host_file (inside, TRUE);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        if (g_file_test (child, G_FILE_TEST_IS_DIR) &&
            !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
          remove_tree (child);
        else
          g_unlink (child);
      }
  g_rmdir (path);
}

/* Whether bubblewrap can make a sandbox here at all; the reason if not. */
static gboolean
bwrap_works (const char  *bwrap,
             char       **reason)
{
  g_autofree char *err = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char *[]){ (char *)bwrap, "--ro-bind", "/", "/", "true", NULL },
                     NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &err, &status, NULL) ||
      !WIFEXITED (status) || WEXITSTATUS (status) != 0)
    {
      *reason = g_strstrip (g_strdup (err != NULL ? err : ""));
      return FALSE;
    }

  return TRUE;
}

static void
set_up_machine (void)
{
  g_autofree char *built_client = g_test_build_filename (G_TEST_BUILT, "sandbar-test-client",
                                                         NULL);
  g_autofree char *contents = NULL;
  g_autofree char *bin = NULL;
  g_autofree char *tmp_template = g_strdup ("/tmp/sandbar-e2e-XXXXXX");
  g_autofree char *other_template = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  machine.tmp_dir = g_strdup (g_mkdtemp (tmp_template));
  g_assert_nonnull (machine.tmp_dir);

  if (access ("/var/tmp", W_OK) == 0)
    other_template = g_strdup ("/var/tmp/sandbar-e2e-XXXXXX");
  else
    other_template = g_build_filename (g_get_home_dir (), ".sandbar-e2e-XXXXXX", NULL);
  machine.other_dir = g_strdup (g_mkdtemp (other_template));
  g_assert_nonnull (machine.other_dir);

  g_file_get_contents (built_client, &contents, &length, &error);
  g_assert_no_error (error);
  bin = make_dir (machine.other_dir, "bin");
  machine.client = g_build_filename (bin, "sandbar-test-client", NULL);
  g_file_set_contents_full (machine.client, contents, length, G_FILE_SET_CONTENTS_NONE, 0755,
                            &error);
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *bwrap = g_find_program_in_path ("bwrap");
  g_autofree char *reason = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  if (bwrap == NULL)
    g_error ("bubblewrap (bwrap) is not installed; build-aux/test installs it, or run "
             "“sudo apt install bubblewrap”");

  if (!bwrap_works (bwrap, &reason))
    {
      /* TAP's way to skip a whole program: meson counts exit status 77 of
       * a TAP test as an error. */
      g_print ("1..0 # SKIP bubblewrap cannot create a sandbox here (no user namespaces?): "
               "%s\n", reason);
      return 0;
    }

  set_up_machine ();

  g_test_add_func ("/sandbar/bwrap-e2e/unix-sockets/allowlist", test_socket_allowlist);
  g_test_add_func ("/sandbar/bwrap-e2e/unix-sockets/none", test_socket_none);
  g_test_add_func ("/sandbar/bwrap-e2e/unix-sockets/all", test_socket_all);
  g_test_add_func ("/sandbar/bwrap-e2e/writes", test_writes);
  g_test_add_func ("/sandbar/bwrap-e2e/deny-read", test_deny_read);
  g_test_add_func ("/sandbar/bwrap-e2e/network", test_network);
  g_test_add_func ("/sandbar/bwrap-e2e/environment", test_environment);
  g_test_add_func ("/sandbar/bwrap-e2e/hostile-working-directory",
                   test_hostile_working_directory);

  status = g_test_run ();

  remove_tree (machine.tmp_dir);
  remove_tree (machine.other_dir);
  g_free (machine.tmp_dir);
  g_free (machine.other_dir);
  g_free (machine.client);
  return status;
}
