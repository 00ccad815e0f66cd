/* test-sandbarctl.c — the command-line tool, run as a user runs it
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <gio/gunixsocketaddress.h>
#include <sys/stat.h>

#include "sandbar-sbpl-reader.h"

typedef struct
{
  char *dir;        /* a scratch folder */
  char *profiles;   /* <dir>/profiles, not created */
} Fixture;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Result;

static void
result_clear (Result *result)
{
  g_free (result->out);
  g_free (result->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, result_clear)

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = g_dir_make_tmp ("sandbarctl-XXXXXX", NULL);
  g_assert_nonnull (fixture->dir);
  fixture->profiles = g_build_filename (fixture->dir, "profiles", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *command = g_strdup_printf ("rm -rf '%s'", fixture->dir);

  g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
  g_free (fixture->dir);
  g_free (fixture->profiles);
}

/* Runs sandbarctl with @args (NULL-terminated) and no shell in between. */
static void
run_argv (Result             *result,
          const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int wait_status;

  g_ptr_array_add (argv, (char *)g_getenv ("SANDBARCTL"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *)args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **)argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &result->out, &result->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  result->status = WEXITSTATUS (wait_status);
}

#define RUN(result, ...) run_argv ((result), (const char * const[]){ __VA_ARGS__, NULL })

static char *
read_file (const char *path)
{
  char *data = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &data, NULL, &error);
  g_assert_no_error (error);
  return data;
}

static void
write_file (const char *path,
            const char *data)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, -1, &error);
  g_assert_no_error (error);
}

#define assert_contains(haystack, needle) \
  G_STMT_START { if (strstr ((haystack), (needle)) == NULL) \
    g_error ("“%s” not found in “%s”", (needle), (haystack)); } G_STMT_END

static void
test_list_seeds_templates (Fixture       *fixture,
                           gconstpointer  data)
{
  g_auto(Result) first = { 0 };
  g_auto(Result) again = { 0 };
  g_auto(Result) templates = { 0 };

  RUN (&first, "--profiles-dir", fixture->profiles, "list");
  g_assert_cmpint (first.status, ==, 0);
  g_assert_cmpstr (first.out, ==,
                   "docker-only\tDocker only\n"
                   "full-network-project-writes\tFull network, project writes\n"
                   "git-over-ssh\tGit over SSH\n"
                   "read-only-inspector\tRead-only inspector\n"
                   "shell-no-network\tShell, no network\n");
  assert_contains (first.err, "built-in profiles");

  /* The option may also follow the command; no second seeding. */
  RUN (&again, "list", "--profiles-dir", fixture->profiles);
  g_assert_cmpint (again.status, ==, 0);
  g_assert_cmpstr (again.out, ==, first.out);
  g_assert_cmpstr (again.err, ==, "");

  RUN (&templates, "templates");
  g_assert_cmpstr (templates.out, ==, first.out);
}

static void
test_empty_directory_is_not_seeded (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_auto(Result) result = { 0 };

  g_assert_cmpint (g_mkdir (fixture->profiles, 0700), ==, 0);
  RUN (&result, "--profiles-dir", fixture->profiles, "list");
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.out, ==, "");
}

static void
test_new_show_export_delete (Fixture       *fixture,
                             gconstpointer  data)
{
  g_auto(Result) created = { 0 };
  g_auto(Result) from_template = { 0 };
  g_auto(Result) shown = { 0 };
  g_auto(Result) exported = { 0 };
  g_auto(Result) exported_file = { 0 };
  g_auto(Result) exists = { 0 };
  g_auto(Result) deleted = { 0 };
  g_auto(Result) listed = { 0 };
  g_auto(Result) missing = { 0 };
  g_autofree char *path = g_build_filename (fixture->profiles, "mine.sandbar", NULL);
  g_autofree char *copy = g_build_filename (fixture->dir, "copy.sandbar", NULL);
  g_autofree char *on_disk = NULL;
  g_autofree char *copied = NULL;
  g_autofree char *path_line = g_strconcat (path, "\n", NULL);

  RUN (&created, "--profiles-dir", fixture->profiles, "new", "mine", "--name", "My “own”; box");
  g_assert_cmpint (created.status, ==, 0);
  g_assert_cmpstr (created.out, ==, path_line);

  RUN (&from_template, "--profiles-dir", fixture->profiles, "new", "docker2", "--from",
       "docker-only");
  g_assert_cmpint (from_template.status, ==, 0);

  on_disk = read_file (path);
  assert_contains (on_disk, "Name=My “own”; box\n");

  RUN (&shown, "--profiles-dir", fixture->profiles, "show", "mine");
  g_assert_cmpint (shown.status, ==, 0);
  g_assert_cmpstr (shown.out, ==, on_disk);

  RUN (&exported, "--profiles-dir", fixture->profiles, "export", "mine");
  g_assert_cmpstr (exported.out, ==, on_disk);
  RUN (&exported_file, "--profiles-dir", fixture->profiles, "export", "mine", copy);
  g_assert_cmpint (exported_file.status, ==, 0);
  copied = read_file (copy);
  g_assert_cmpstr (copied, ==, on_disk);

  RUN (&exists, "--profiles-dir", fixture->profiles, "new", "mine");
  g_assert_cmpint (exists.status, ==, 2);
  assert_contains (exists.err, "sandbarctl: mine: ");

  RUN (&deleted, "--profiles-dir", fixture->profiles, "delete", "mine");
  g_assert_cmpint (deleted.status, ==, 0);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  RUN (&listed, "--profiles-dir", fixture->profiles, "list");
  g_assert_null (strstr (listed.out, "mine\t"));
  assert_contains (listed.out, "docker2\tDocker only\n");

  RUN (&missing, "--profiles-dir", fixture->profiles, "show", "mine");
  g_assert_cmpint (missing.status, ==, 2);
}

static const char *with_extras =
  "# Shared by the platform team; do not edit by hand\n"
  "[Profile]\n"
  "Version=1\n"
  "Name=Imported\n"
  "X-Ticket=SEC-42\n"
  "\n"
  "[X-Team]\n"
  "# Reviewed twice\n"
  "Owner=platform\n"
  "\n"
  "[UnixSockets]\n"
  "Access=allowlist\n"
  "Paths=/var/run/docker.sock;\n";

static void
test_import_export_round_trip (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *source = g_build_filename (fixture->dir, "team-box.sandbar", NULL);
  g_auto(Result) imported = { 0 };
  g_auto(Result) again = { 0 };
  g_auto(Result) replaced = { 0 };
  g_auto(Result) exported = { 0 };

  write_file (source, with_extras);
  RUN (&imported, "--profiles-dir", fixture->profiles, "import", source);
  g_assert_cmpint (imported.status, ==, 0);

  RUN (&exported, "--profiles-dir", fixture->profiles, "export", "team-box");
  g_assert_cmpint (exported.status, ==, 0);
  g_assert_cmpstr (exported.out, ==, with_extras);

  RUN (&again, "--profiles-dir", fixture->profiles, "import", source);
  g_assert_cmpint (again.status, ==, 2);
  RUN (&replaced, "--profiles-dir", fixture->profiles, "import", source, "--replace");
  g_assert_cmpint (replaced.status, ==, 0);
}

static void
test_import_invalid_writes_nothing (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autofree char *source = g_build_filename (fixture->dir, "bad.sandbar", NULL);
  g_autofree char *target = g_build_filename (fixture->profiles, "bad.sandbar", NULL);
  g_autofree char *bad_name = g_build_filename (fixture->dir, "Bad Name.sandbar", NULL);
  g_auto(Result) result = { 0 };
  g_auto(Result) named = { 0 };
  g_auto(Result) fifo = { 0 };
  g_autofree char *fifo_path = g_build_filename (fixture->dir, "pipe.sandbar", NULL);

  write_file (source, "[Profile]\nName=Bad\n[Network]\nAccess=fulll\n");
  RUN (&result, "--profiles-dir", fixture->profiles, "import", source);
  g_assert_cmpint (result.status, ==, 2);
  assert_contains (result.err, "Network access “fulll”");
  assert_contains (result.err, "4");
  g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));

  write_file (bad_name, "[Profile]\nName=x\n");
  RUN (&named, "--profiles-dir", fixture->profiles, "import", bad_name);
  g_assert_cmpint (named.status, ==, 2);
  assert_contains (named.err, "Profile ID “Bad Name”");

  /* A FIFO must not hang the import. */
  g_assert_cmpint (mkfifo (fifo_path, 0600), ==, 0);
  RUN (&fifo, "--profiles-dir", fixture->profiles, "import", fifo_path);
  g_assert_cmpint (fifo.status, ==, 1);
  assert_contains (fifo.err, "not a regular file");
}

static void
test_corrupt_file_is_reported_and_kept (Fixture       *fixture,
                                        gconstpointer  data)
{
  g_autofree char *broken = g_build_filename (fixture->profiles, "broken.sandbar", NULL);
  const char *text = "[Profile]\nName=Broken\nthis line is garbage\n";
  g_auto(Result) seeded = { 0 };
  g_auto(Result) result = { 0 };
  g_autofree char *after = NULL;
  g_autofree char *expected = NULL;

  RUN (&seeded, "--profiles-dir", fixture->profiles, "list");
  write_file (broken, text);
  RUN (&result, "--profiles-dir", fixture->profiles, "list");
  g_assert_cmpint (result.status, ==, 0);
  expected = g_strdup_printf ("%s:3:", broken);
  assert_contains (result.err, expected);
  assert_contains (result.out, "docker-only\t");
  after = read_file (broken);
  g_assert_cmpstr (after, ==, text);
}

static void
test_usage (Fixture       *fixture,
            gconstpointer  data)
{
  g_auto(Result) help = { 0 };
  g_auto(Result) version = { 0 };
  g_auto(Result) none = { 0 };
  g_auto(Result) unknown = { 0 };
  g_auto(Result) bad_option = { 0 };
  g_auto(Result) bad_id = { 0 };

  RUN (&help, "--help");
  g_assert_cmpint (help.status, ==, 0);
  assert_contains (help.out, "sbpl [ID] [FLAGS] [--inline]");
  assert_contains (help.out, "import FILE");

  RUN (&version, "--version");
  g_assert_cmpstr (version.out, ==, "sandbarctl " PACKAGE_VERSION "\n");

  RUN (&none, "--profiles-dir", fixture->profiles);
  g_assert_cmpint (none.status, ==, 2);

  RUN (&unknown, "frobnicate");
  g_assert_cmpint (unknown.status, ==, 2);
  assert_contains (unknown.err, "unknown command “frobnicate”");

  RUN (&bad_option, "list", "--bogus");
  g_assert_cmpint (bad_option.status, ==, 2);
  assert_contains (bad_option.err, "sandbarctl: list: ");

  RUN (&bad_id, "--profiles-dir", fixture->profiles, "new", "Not/Valid");
  g_assert_cmpint (bad_id.status, ==, 2);
  assert_contains (bad_id.err, "sandbarctl: Profile ID “Not/Valid”");
  g_assert_false (g_file_test (fixture->profiles, G_FILE_TEST_EXISTS));
}

/* The seed's own example (issue 3, "Done when"). */
static void
test_sbpl_socket_example (Fixture       *fixture,
                          gconstpointer  data)
{
  g_auto(Result) sbpl = { 0 };
  g_auto(Result) params = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(SandbarSbplNode) tree = NULL;
  g_autofree char *expected = NULL;
  char canonical[4096];

  RUN (&sbpl, "--profiles-dir", fixture->profiles, "sbpl", "--allow-unix-socket",
       "/tmp/test.sock");
  g_assert_cmpint (sbpl.status, ==, 0);
  g_assert_true (g_str_has_prefix (sbpl.out, "; Generated by Sandbar."));
  assert_contains (sbpl.out, "(version 1)\n(deny default)\n");
  assert_contains (sbpl.out,
                   "(allow system-socket (socket-domain AF_UNIX))\n"
                   "(allow network-bind (local unix-socket (subpath (param \"UNIX_SOCKET_PATH_0\"))))\n"
                   "(allow network-outbound (remote unix-socket (subpath (param \"UNIX_SOCKET_PATH_0\"))))\n");
  g_assert_null (strstr (sbpl.out, "(remote ip"));
  tree = sandbar_sbpl_parse (sbpl.out, -1, &error);
  g_assert_no_error (error);

  g_assert_nonnull (realpath ("/tmp", canonical));
  RUN (&params, "params", "--allow-unix-socket", "/tmp/test.sock");
  g_assert_cmpint (params.status, ==, 0);
  expected = g_strconcat ("UNIX_SOCKET_PATH_0=", canonical, "/test.sock\n", NULL);
  g_assert_cmpstr (params.out, ==, expected);
}

static void
test_hostile_paths_change_only_params (Fixture       *fixture,
                                       gconstpointer  data)
{
  static const char *hostile[] = {
    "/tmp/q\"uote.sock", "/tmp/(allow default).sock", "/tmp/back\\slash.sock",
    "/tmp/$(touch pwned).sock", "/tmp/semi;colon.sock", "/tmp/`id`.sock",
    "/tmp/\"))(allow network*)((\"", "/tmp/-rf .sock", "/tmp/ünï.sock",
  };
  g_auto(Result) benign = { 0 };

  RUN (&benign, "sbpl", "--allow-unix-socket", "/tmp/benign.sock", "--writable-root",
       "/tmp/benign-root", "--deny-read", "/tmp/benign-secret");
  g_assert_cmpint (benign.status, ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_auto(Result) sbpl = { 0 };
      g_auto(Result) params = { 0 };
      g_auto(Result) inline_sbpl = { 0 };
      g_autoptr(GError) error = NULL;
      g_autoptr(SandbarSbplNode) tree = NULL;
      g_autoptr(GPtrArray) strings = NULL;
      gboolean found = FALSE;

      RUN (&sbpl, "sbpl", "--allow-unix-socket", hostile[i], "--writable-root", hostile[i],
           "--deny-read", hostile[i]);
      g_assert_cmpint (sbpl.status, ==, 0);
      g_assert_cmpstr (sbpl.out, ==, benign.out);

      RUN (&params, "params", "--allow-unix-socket", hostile[i]);
      assert_contains (params.out, hostile[i] + strlen ("/tmp/"));

      RUN (&inline_sbpl, "sbpl", "--inline", "--allow-unix-socket", hostile[i]);
      tree = sandbar_sbpl_parse (inline_sbpl.out, -1, &error);
      g_assert_no_error (error);
      strings = sandbar_sbpl_node_collect_strings (tree);
      for (guint j = 0; j < strings->len; j++)
        {
          gsize length;
          const char *value = g_bytes_get_data (g_ptr_array_index (strings, j), &length);
          g_autofree char *copy = g_strndup (value, length);

          found |= length >= strlen (hostile[i]) - 5 && g_str_has_suffix (copy, hostile[i] + 4);
        }
      g_assert_true (found);
    }
}

static void
test_rejected_input (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *long_path = g_strnfill (1100, 'a');
  g_autofree char *too_long = g_strconcat ("/tmp/", long_path, NULL);
  g_autofree char *long_name = g_strnfill (100, 's');
  g_autofree char *long_socket = g_strconcat ("/tmp/", long_name, NULL);
  const struct { const char *flag, *value, *field; } cases[] = {
    { "--allow-unix-socket", "/tmp/a\nb", "Unix socket" },
    { "--allow-unix-socket", "/tmp/a\tb", "Unix socket" },
    { "--allow-unix-socket", "/tmp/\377\376", "Unix socket" },
    { "--allow-unix-socket", "", "Unix socket" },
    { "--allow-unix-socket", long_socket, "Unix socket" },
    { "--writable-root", too_long, "Writable folder" },
    { "--writable-root", "/", "Writable folder" },
    { "--deny-read", "/tmp/\033]0;title\007", "Hidden path" },
    { "--localhost-port", "0", "Localhost port" },
    { "--localhost-port", "http", "Localhost port" },
    { "--allow-unix-socket", "$SANDBAR_SURELY_UNSET/x", "Unix socket" },
    { "--allow-unix-socket", "/tmp/missing-dir/../x.sock", "Unix socket" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    for (guint command = 0; command < 3; command++)
      {
        const char *name = (const char *[]){ "sbpl", "params", "check" }[command];
        g_auto(Result) result = { 0 };
        g_autofree char *expected = g_strconcat ("sandbarctl: ", cases[i].field, " “", NULL);

        g_test_message ("%s %s", name, cases[i].flag);
        RUN (&result, name, cases[i].flag, cases[i].value);
        g_assert_cmpint (result.status, ==, 2);
        g_assert_cmpstr (result.out, ==, "");
        assert_contains (result.err, expected);
      }
}

static void
test_check_summary (Fixture       *fixture,
                    gconstpointer  data)
{
  g_auto(Result) check = { 0 };
  g_auto(Result) relative = { 0 };
  g_autofree char *project = g_build_filename (fixture->dir, "project", NULL);
  g_autofree char *expected_socket = NULL;
  g_autofree char *expected_cwd = NULL;
  g_autofree char *expected_root = NULL;
  char canonical[4096];

  g_assert_cmpint (g_mkdir (project, 0700), ==, 0);
  RUN (&check, "--profiles-dir", fixture->profiles, "check", "docker-only");
  g_assert_cmpint (check.status, ==, 0);
  assert_contains (check.out, "Profile “Docker only” (docker-only) is valid.");
  assert_contains (check.out, "cannot use the network");
  assert_contains (check.out, "docker.sock");
  assert_contains (check.out, "root-equivalent");

  /* Relative flag paths follow --cwd, which is a writable root. */
  RUN (&relative, "check", "--cwd", project, "--writable-root", "build",
       "--allow-unix-socket", "run/app.sock");
  g_assert_cmpint (relative.status, ==, 0);
  g_assert_nonnull (realpath (project, canonical));
  expected_socket = g_strconcat (canonical, "/run/app.sock", NULL);
  assert_contains (relative.out, expected_socket);
  expected_cwd = g_strconcat (canonical, " (working directory)", NULL);
  assert_contains (relative.out, expected_cwd);
  expected_root = g_strconcat (canonical, "/build", NULL);
  assert_contains (relative.out, expected_root);
}


static GStrv
split_lines (const char *text)
{
  g_autofree char *trimmed = g_strndup (text, strlen (text) - (g_str_has_suffix (text, "\n") ? 1 : 0));

  return g_strsplit (trimmed, "\n", -1);
}

/* args: a runnable Seatbelt command line, the profile really written. */
static void
test_args_seatbelt (Fixture       *fixture,
                    gconstpointer  data)
{
  g_auto(Result) args = { 0 };
  g_auto(Result) sbpl = { 0 };
  g_auto(GStrv) argv = NULL;
  g_autofree char *profile_text = NULL;
  g_autofree char *dir = NULL;
  struct stat st;

  RUN (&args, "args", "--backend", "seatbelt", "--allow-unix-socket", "/tmp/q\"uote.sock",
       "--", "echo", "$(id)");
  g_assert_cmpint (args.status, ==, 0);
  argv = split_lines (args.out);
  g_assert_cmpuint (g_strv_length (argv), ==, 10);
  g_assert_cmpstr (argv[0], ==, "/usr/bin/sandbox-exec");
  g_assert_cmpstr (argv[1], ==, "-f");
  g_assert_true (g_str_has_prefix (argv[3], "-DUNIX_SOCKET_PATH_0="));
  g_assert_true (g_str_has_suffix (argv[3], "/q\"uote.sock"));
  g_assert_cmpstr (argv[4], ==, "--");
  g_assert_cmpstr (argv[5], ==, "/usr/bin/env");
  g_assert_cmpstr (argv[6], ==, "SANDBAR_PROFILE=default");
  g_assert_cmpstr (argv[7], ==, "SANDBAR_SANDBOX=seatbelt");
  g_assert_cmpstr (argv[8], ==, "echo");
  g_assert_cmpstr (argv[9], ==, "$(id)");

  /* The file is kept so the printed argv runs, readable only by us. */
  g_assert_cmpint (g_stat (argv[2], &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  dir = g_path_get_dirname (argv[2]);
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  RUN (&sbpl, "sbpl", "--allow-unix-socket", "/tmp/q\"uote.sock");
  profile_text = read_file (argv[2]);
  g_assert_cmpstr (profile_text, ==, sbpl.out);

  g_unlink (argv[2]);
  g_rmdir (dir);
}

/* Hostile values never change the structure of the bwrap command line. */
static void
test_args_bwrap_structure (Fixture       *fixture,
                           gconstpointer  data)
{
  static const char *names[] = { "benign", "--bind x y", "$(touch pwned)", "a'b\"c", "-" };
  g_auto(GStrv) reference = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *root = g_build_filename (fixture->dir, names[i], NULL);
      g_auto(Result) args = { 0 };
      g_auto(GStrv) argv = NULL;

      g_assert_cmpint (g_mkdir (root, 0700), ==, 0);
      RUN (&args, "args", "--backend", "bwrap", "--writable-root", root, "--", "true", names[i]);
      g_assert_cmpint (args.status, ==, 0);
      argv = split_lines (args.out);
      g_assert_true (g_strv_contains ((const char * const *)argv, root));
      g_assert_cmpstr (argv[g_strv_length (argv) - 1], ==, names[i]);
      if (reference == NULL)
        {
          reference = g_steal_pointer (&argv);
          continue;
        }
      g_assert_cmpuint (g_strv_length (argv), ==, g_strv_length (reference));
      for (guint j = 0; argv[j] != NULL; j++)
        if (g_str_has_prefix (reference[j], "--"))
          g_assert_cmpstr (argv[j], ==, reference[j]);
      g_rmdir (root);
    }
}

static gboolean
bwrap_works (void)
{
  int wait_status = -1;

  return g_spawn_command_line_sync ("bwrap --ro-bind / / true", NULL, NULL, &wait_status, NULL) &&
         g_spawn_check_wait_status (wait_status, NULL);
}

static void
serve_unix_socket (const char *path,
                   GSocket   **out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocketAddress) address = g_unix_socket_address_new (path);

  *out = g_socket_new (G_SOCKET_FAMILY_UNIX, G_SOCKET_TYPE_STREAM, 0, &error);
  g_assert_no_error (error);
  g_socket_bind (*out, address, TRUE, &error);
  g_assert_no_error (error);
  g_socket_listen (*out, &error);
  g_assert_no_error (error);
}

/* run with real bubblewrap: only the allowlisted socket answers. */
static void
test_run_bwrap (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *tmp = NULL;
  g_autofree char *allowed = NULL;
  g_autofree char *other = NULL;
  g_autoptr(GSocket) allowed_socket = NULL;
  g_autoptr(GSocket) other_socket = NULL;
  const char *client = g_getenv ("SANDBAR_TEST_CLIENT");
  g_auto(Result) reach = { 0 };
  g_auto(Result) blocked = { 0 };
  g_auto(Result) env = { 0 };
  g_auto(Result) status = { 0 };

  if (!bwrap_works ())
    {
      g_test_skip ("bubblewrap cannot create a sandbox here (no user namespaces?)");
      return;
    }

  /* Sockets under /tmp: the folder the Linux view masks. */
  tmp = g_dir_make_tmp ("sandbarctl-run-XXXXXX", NULL);
  allowed = g_build_filename (tmp, "allowed.sock", NULL);
  other = g_build_filename (tmp, "other.sock", NULL);
  serve_unix_socket (allowed, &allowed_socket);
  serve_unix_socket (other, &other_socket);

  RUN (&reach, "run", "--allow-unix-socket", allowed, "--", client, "connect", allowed);
  g_assert_cmpint (reach.status, ==, 0);
  RUN (&blocked, "run", "--allow-unix-socket", allowed, "--", client, "connect", other);
  g_assert_cmpint (blocked.status, ==, 1);
  RUN (&env, "run", "--", client, "env", "SANDBAR_SANDBOX");
  g_assert_cmpstr (env.out, ==, "bwrap\n");
  /* The command's exit status is sandbarctl's. */
  RUN (&status, "run", "--", "/bin/sh", "-c", "exit 7");
  g_assert_cmpint (status.status, ==, 7);

  g_unlink (allowed);
  g_unlink (other);
  g_rmdir (tmp);
}

/* open with a fake terminal that records what it was asked to run. */
static void
test_open_fake_terminal (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *record = g_build_filename (fixture->dir, "record", NULL);
  g_autofree char *template = g_strdup_printf ("%s --fake-terminal {}",
                                               g_getenv ("SANDBAR_TEST_RECORDER"));
  g_auto(Result) args = { 0 };
  g_auto(Result) opened = { 0 };
  g_auto(GStrv) expected = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  gint64 deadline;

  g_setenv ("SANDBAR_RECORDER_OUT", record, TRUE);
  RUN (&args, "args", "--cwd", fixture->dir, "--", "echo", "a b", "'c'");
  expected = split_lines (args.out);

  RUN (&opened, "open", "--cwd", fixture->dir, "--terminal", template, "--", "echo", "a b", "'c'");
  g_assert_cmpint (opened.status, ==, 0);

  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (!g_file_get_contents (record, &contents, &length, NULL) &&
         g_get_monotonic_time () < deadline)
    g_usleep (20000);
  g_assert_nonnull (contents);

  {
    /* The record: cwd, argv[0] (the recorder), --fake-terminal, argv… */
    g_autoptr(GPtrArray) words = g_ptr_array_new ();
    const char *p = contents;

    while (p < contents + length)
      {
        g_ptr_array_add (words, (gpointer)p);
        p += strlen (p) + 1;
      }
    g_assert_cmpuint (words->len, ==, 3 + g_strv_length (expected));
    g_assert_cmpstr (g_ptr_array_index (words, 2), ==, "--fake-terminal");
    for (guint i = 0; expected[i] != NULL; i++)
      if (!g_str_has_suffix (expected[i], "profile.sb"))
        g_assert_cmpstr (g_ptr_array_index (words, 3 + i), ==, expected[i]);
  }
  g_unsetenv ("SANDBAR_RECORDER_OUT");
}

static void
test_missing_sandbox_program (Fixture       *fixture,
                              gconstpointer  data)
{
  g_auto(Result) result = { 0 };

  /* On Linux there is no sandbox-exec: run must say so, not try. */
  RUN (&result, "run", "--backend", "seatbelt", "--", "true");
  g_assert_cmpint (result.status, ==, 1);
  assert_contains (result.err, "sandbox-exec");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  if (g_getenv ("SANDBARCTL") == NULL)
    {
      g_printerr ("SANDBARCTL must name the built sandbarctl\n");
      return 1;
    }

#define ADD(path, func) \
  g_test_add ("/sandbar/sandbarctl/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("list-seeds-templates", test_list_seeds_templates);
  ADD ("empty-directory-is-not-seeded", test_empty_directory_is_not_seeded);
  ADD ("new-show-export-delete", test_new_show_export_delete);
  ADD ("import-export-round-trip", test_import_export_round_trip);
  ADD ("import-invalid-writes-nothing", test_import_invalid_writes_nothing);
  ADD ("corrupt-file-is-reported-and-kept", test_corrupt_file_is_reported_and_kept);
  ADD ("usage", test_usage);
  ADD ("sbpl-socket-example", test_sbpl_socket_example);
  ADD ("hostile-paths-change-only-params", test_hostile_paths_change_only_params);
  ADD ("rejected-input", test_rejected_input);
  ADD ("check-summary", test_check_summary);
  ADD ("args-seatbelt", test_args_seatbelt);
  ADD ("args-bwrap-structure", test_args_bwrap_structure);
  ADD ("run-bwrap", test_run_bwrap);
  ADD ("open-fake-terminal", test_open_fake_terminal);
  ADD ("missing-sandbox-program", test_missing_sandbox_program);
#undef ADD

  return g_test_run ();
}
