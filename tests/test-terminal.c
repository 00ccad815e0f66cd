/* test-terminal.c — tests for SandbarTerminal
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sandbar-bundle.h"
#include "sandbar-private-dir.h"
#include "sandbar-terminal.h"
#include "sandbar-terminal-private.h"
#include "sandbar-test-recorder.h"

#define LINUX SANDBAR_TERMINAL_PLATFORM_LINUX
#define MACOS SANDBAR_TERMINAL_PLATFORM_MACOS

/* In expected vectors: the command's words, and the launcher's path. */
#define CMD      "@CMD"
#define LAUNCHER "@LAUNCHER"

/* A working directory that tries every way of being misread: quotes,
 * substitutions, history, backslash, placeholders, a leading-dash word,
 * UTF-8, a tab and a newline. Used as data only; it need not exist. */
#define HOSTILE_DIR "/tmp/wörk dir/it's \"q\" $(id) `id` !x \\ {cwd} {} -e\ttab\nnl"

/* The same, as one name to create on disk. */
#define HOSTILE_NAME "wörk dir it's \"q\" $(id) `id` !x \\ {cwd} {} -e\ttab\nnl"

#define PROGRAM "/opt/My Tools/run"

/* The words after the program: options meant for the terminal, quotes,
 * substitutions, placeholders, empty words, UTF-8, control characters. */
static const char * const hostile_args[] = {
  "-e", "--", "-x", "--working-directory=/etc", "--cwd", "/",
  "it's", "\"double\"", "'single'", "''", "'\\''",
  "$(touch /tmp/sandbar-pwned)", "`id`", "${HOME}", "$HOME", "$0", "$@",
  "!!", "!$", "\\", "\\'", "back\\slash\\", "two  spaces", " lead", "trail ",
  "", "ünïcødé ☃ 日本語", "{}", "{cwd}", "a {} b", "{launcher}", "@CMD",
  "semi;colon", "pipe|&&>out<in", "*", "?", "~", "~root", "#comment",
  "line\nbreak", "tab\there", "cr\rlf", "%s%n",
  NULL
};

/* Test helpers {{{ */

static GStrv
make_command (const char *program)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_strv_builder_add (builder, program);
  g_strv_builder_addv (builder, (const char **) hostile_args);

  return g_strv_builder_end (builder);
}

/* Expands CMD and LAUNCHER in an expected vector. */
static GStrv
expand_expected (const char * const *expected,
                 const char * const *command,
                 const char         *launcher)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; expected[i] != NULL; i++)
    {
      if (strcmp (expected[i], CMD) == 0)
        g_strv_builder_addv (builder, (const char **) command);
      else if (strcmp (expected[i], LAUNCHER) == 0)
        g_strv_builder_add (builder, launcher);
      else
        g_strv_builder_add (builder, expected[i]);
    }

  return g_strv_builder_end (builder);
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

          if (g_file_test (child, G_FILE_TEST_IS_DIR) &&
              !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            remove_tree (child);
          else
            g_unlink (child);
        }
      g_dir_close (dir);
    }

  g_rmdir (path);
}

typedef struct
{
  char *path;
} TempDir;

static TempDir *
temp_dir_new (void)
{
  g_autoptr(GError) error = NULL;
  TempDir *self = g_new0 (TempDir, 1);

  self->path = g_dir_make_tmp ("sandbar-terminal-XXXXXX", &error);
  g_assert_no_error (error);

  return self;
}

static void
temp_dir_free (TempDir *self)
{
  remove_tree (self->path);
  g_free (self->path);
  g_free (self);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TempDir, temp_dir_free)

/* Makes a directory under @parent and returns its canonical path. */
static char *
make_dir (const char *parent,
          const char *name)
{
  g_autofree char *path = g_build_filename (parent, name, NULL);
  char resolved[PATH_MAX];

  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
  g_assert_nonnull (realpath (path, resolved));

  return g_strdup (resolved);
}

static char *
recorder_path (void)
{
  return g_test_build_filename (G_TEST_BUILT, "sandbar-test-recorder", NULL);
}

typedef struct
{
  char  *cwd;
  GStrv  argv;
} Record;

static void
record_free (Record *record)
{
  g_free (record->cwd);
  g_strfreev (record->argv);
  g_free (record);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Record, record_free)

static Record *
read_record (const char *path)
{
  g_auto(GStrv) strings = recorder_read_strings (path);
  Record *record = g_new0 (Record, 1);

  record->cwd = g_strdup (strings[0]);
  record->argv = g_strdupv (strings + 1);

  return record;
}

/* Waits, iterating the main context, until the recorder has written
 * @path; fails the test after ten seconds. */
static Record *
wait_for_record (const char *path)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("The recorder did not write %s within 10 s", path);

      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (10 * 1000);
    }

  return read_record (path);
}

/* Writes a small executable (or not) called @name into @dir. */
static void
make_program (const char *dir,
              const char *name,
              gboolean    executable)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_file_set_contents (path, "#!/bin/sh\nexit 0\n", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (path, executable ? 0755 : 0644), ==, 0);
}

/* Tests that change the environment run in a child process of their own:
 * it sets the variables before any thread exists (GSubprocess starts
 * one), and the other tests never see them. Returns TRUE in the parent,
 * after the child passed. */
static gboolean
ran_in_subprocess (void)
{
  if (g_test_subprocess ())
    return FALSE;

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  return TRUE;
}

/* Clears the variables that steer detection and points PATH at an empty
 * directory, to be filled with fake programs. Only in a subprocess. */
typedef struct
{
  TempDir *root;
  char    *bin;
} EnvFixture;

static EnvFixture *
env_fixture_new (void)
{
  EnvFixture *fixture = g_new0 (EnvFixture, 1);

  g_assert_true (g_test_subprocess ());

  fixture->root = temp_dir_new ();
  fixture->bin = make_dir (fixture->root->path, "bin");

  g_unsetenv ("SANDBAR_TERMINAL");
  g_unsetenv ("XDG_CURRENT_DESKTOP");
  g_setenv ("PATH", fixture->bin, TRUE);

  return fixture;
}

static void
env_fixture_free (EnvFixture *fixture)
{
  g_free (fixture->bin);
  temp_dir_free (fixture->root);
  g_free (fixture);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EnvFixture, env_fixture_free)

/* }}} */

/* Recipes {{{ */

typedef struct
{
  const char              *id;
  SandbarTerminalPlatform  platform;
  const char              *expected[16];
} RecipeCase;

#define APPLESCRIPT_TERMINAL_APP \
  "tell application \"Terminal\" to do script \"exec /bin/sh \" & quoted form of (item 1 of argv)"
#define APPLESCRIPT_ITERM \
  "tell application \"iTerm\" to create window with default profile command " \
  "(\"/bin/sh \" & quoted form of (item 1 of argv))"

static const RecipeCase recipe_cases[] = {
  { "gnome-terminal", LINUX,
    { "gnome-terminal", "--working-directory=" HOSTILE_DIR, "--", CMD } },
  { "ptyxis", LINUX,
    { "ptyxis", "--working-directory=" HOSTILE_DIR, "--", CMD } },
  { "kgx", LINUX,
    { "kgx", "--working-directory=" HOSTILE_DIR, "--", CMD } },
  { "konsole", LINUX,
    { "konsole", "--workdir", HOSTILE_DIR, "-e", CMD } },
  { "xfce4-terminal", LINUX,
    { "xfce4-terminal", "--working-directory=" HOSTILE_DIR, "-x", CMD } },
  { "alacritty", LINUX,
    { "alacritty", "--working-directory", HOSTILE_DIR, "-e", CMD } },
  { "kitty", LINUX,
    { "kitty", "--directory", HOSTILE_DIR, "--", CMD } },
  { "foot", LINUX,
    { "foot", "--working-directory=" HOSTILE_DIR, "--", CMD } },
  { "wezterm", LINUX,
    { "wezterm", "start", "--cwd", HOSTILE_DIR, "--", CMD } },
  { "xterm", LINUX,
    { "xterm", "-e", CMD } },
  { "x-terminal-emulator", LINUX,
    { "x-terminal-emulator", "-e", CMD } },
  { "xdg-terminal-exec", LINUX,
    { "xdg-terminal-exec", CMD } },

  { "terminal-app", MACOS,
    { "/usr/bin/osascript", "-e", "on run argv", "-e", APPLESCRIPT_TERMINAL_APP,
      "-e", "activate application \"Terminal\"", "-e", "end run", "--", LAUNCHER } },
  { "iterm2", MACOS,
    { "/usr/bin/osascript", "-e", "on run argv", "-e", APPLESCRIPT_ITERM,
      "-e", "activate application \"iTerm\"", "-e", "end run", "--", LAUNCHER } },
  { "ghostty", MACOS,
    { "/usr/bin/open", "-na", "Ghostty", "--args", "--quit-after-last-window-closed=true",
      "--working-directory=" HOSTILE_DIR, "-e", "/bin/sh", LAUNCHER } },
  { "alacritty", MACOS,
    { "/usr/bin/open", "-na", "Alacritty", "--args",
      "--working-directory", HOSTILE_DIR, "-e", CMD } },
  { "wezterm", MACOS,
    { "/Applications/WezTerm.app/Contents/MacOS/wezterm",
      "start", "--cwd", HOSTILE_DIR, "--", CMD } },
  { "kitty", MACOS,
    { "/Applications/kitty.app/Contents/MacOS/kitty",
      "--single-instance", "--directory", HOSTILE_DIR, "--", CMD } },
};

static gboolean
expects_launcher (const RecipeCase *rc)
{
  for (guint i = 0; rc->expected[i] != NULL; i++)
    if (strcmp (rc->expected[i], LAUNCHER) == 0)
      return TRUE;

  return FALSE;
}

/* Every recipe, for the hostile command and directory, is exactly the
 * expected vector: each command word is one argument, unchanged, after
 * the terminal's own options; the directory is one argument or one
 * “--flag=DIR” word; no placeholder inside the data is expanded. */
static void
test_recipe_argv (gconstpointer data)
{
  const RecipeCase *rc = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SandbarTerminal) terminal = NULL;
  g_autoptr(SandbarPrivateDir) dir = NULL;
  g_autoptr(TempDir) root = temp_dir_new ();
  g_auto(GStrv) command = make_command (PROGRAM);
  g_auto(GStrv) argv = NULL;
  g_auto(GStrv) expected = NULL;
  g_autofree char *launcher = NULL;

  terminal = _sandbar_terminal_new_for_platform (rc->platform, rc->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sandbar_terminal_get_id (terminal), ==, rc->id);

  dir = sandbar_private_dir_new (root->path, &error);
  g_assert_no_error (error);

  argv = sandbar_terminal_build_argv (terminal, (const char * const *) command,
                                      HOSTILE_DIR, dir, &error);
  g_assert_no_error (error);

  launcher = g_build_filename (sandbar_private_dir_get_path (dir), "launcher.sh", NULL);
  expected = expand_expected (rc->expected, (const char * const *) command, launcher);
  g_assert_cmpstrv (argv, expected);

  /* A launcher is written only by the recipes that use one. */
  g_assert_cmpint (g_file_test (launcher, G_FILE_TEST_EXISTS), ==, expects_launcher (rc));
}

/* A one-word command after a terminal's -e can be handed to a shell
 * (xterm when execvp fails, konsole, x-terminal-emulator wrappers); such
 * recipes run the word through `sh -c 'exec "$@"' sh WORD`. */
static void
test_recipe_lone_word (void)
{
  static const struct
  {
    const char *id;
    gboolean    wrapped;
  } cases[] = {
    { "xterm", TRUE },
    { "konsole", TRUE },
    { "x-terminal-emulator", TRUE },
    { "xdg-terminal-exec", TRUE },
    { "gnome-terminal", FALSE },
    { "alacritty", FALSE },
    { "kitty", FALSE },
  };
  const char * const lone[] = { "rm -rf ~; echo pwned", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SandbarTerminal) terminal = NULL;
      g_auto(GStrv) argv = NULL;
      guint n;

      terminal = _sandbar_terminal_new_for_platform (LINUX, cases[i].id, &error);
      g_assert_no_error (error);

      argv = sandbar_terminal_build_argv (terminal, lone, "/", NULL, &error);
      g_assert_no_error (error);

      n = g_strv_length (argv);
      g_assert_cmpstr (argv[n - 1], ==, lone[0]);

      if (cases[i].wrapped)
        {
          g_assert_cmpuint (n, >=, 5);
          g_assert_cmpstr (argv[n - 5], ==, "/bin/sh");
          g_assert_cmpstr (argv[n - 4], ==, "-c");
          g_assert_cmpstr (argv[n - 3], ==, "exec \"$@\"");
          g_assert_cmpstr (argv[n - 2], ==, "sh");
        }
      else
        {
          g_assert_true (g_strv_contains ((const char * const *) argv, "/bin/sh") == FALSE);
        }
    }
}

/* The wrapper really runs the word as a program with no arguments. */
static void
test_recipe_lone_word_runs (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SandbarTerminal) terminal = NULL;
  g_autoptr(TempDir) root = temp_dir_new ();
  g_autoptr(Record) record = NULL;
  g_autofree char *recorder = recorder_path ();
  g_autofree char *out = g_build_filename (root->path, "record", NULL);
  g_auto(GStrv) argv = NULL;
  g_auto(GStrv) envp = NULL;
  const char *lone[] = { recorder, NULL };
  int status;

  terminal = _sandbar_terminal_new_for_platform (LINUX, "xterm", &error);
  g_assert_no_error (error);
  argv = sandbar_terminal_build_argv (terminal, lone, root->path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (argv[0], ==, "xterm");
  g_assert_cmpstr (argv[1], ==, "-e");

  /* Run what xterm would run. */
  envp = g_environ_setenv (g_get_environ (), "SANDBAR_RECORDER_OUT", out, TRUE);
  g_spawn_sync (root->path, argv + 2, envp, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);

  record = read_record (out);
  g_assert_cmpstrv (record->argv, lone);
}

static void
test_list_known (void)
{
  static const char * const linux_ids[] = {
    "gnome-terminal", "ptyxis", "kgx", "konsole", "xfce4-terminal", "alacritty",
    "kitty", "foot", "wezterm", "xterm", "x-terminal-emulator", "xdg-terminal-exec",
    NULL
  };
  static const char * const macos_ids[] = {
    "terminal-app", "iterm2", "ghostty", "alacritty", "wezterm", "kitty", NULL
  };
  g_auto(GStrv) linux_known = _sandbar_terminal_list_known_for_platform (LINUX);
  g_auto(GStrv) macos_known = _sandbar_terminal_list_known_for_platform (MACOS);
  g_auto(GStrv) native = sandbar_terminal_list_known ();

  g_assert_cmpstrv (linux_known, linux_ids);
  g_assert_cmpstrv (macos_known, macos_ids);
#if SANDBAR_OS_MACOS
  g_assert_cmpstrv (native, macos_ids);
#else
  g_assert_cmpstrv (native, linux_ids);
#endif
}

static void
test_unknown_id (void)
{
  g_autoptr(GError) error = NULL;
  SandbarTerminal *terminal;

  terminal = _sandbar_terminal_new_for_platform (LINUX, "gnome-terminl", &error);
  g_assert_null (terminal);
  g_assert_error (error, SANDBAR_TERMINAL_ERROR, SANDBAR_TERMINAL_ERROR_INVALID_TEMPLATE);
  g_assert_nonnull (strstr (error->message, "“gnome-terminl”"));
  g_assert_nonnull (strstr (error->message, "gnome-terminal, ptyxis, kgx"));
  g_assert_nonnull (strstr (error->message, "xterm -e {}"));
  g_clear_error (&error);

  /* Each platform knows only its own terminals. */
  terminal = _sandbar_terminal_new_for_platform (MACOS, "gnome-terminal", &error);
  g_assert_null (terminal);
  g_assert_error (error, SANDBAR_TERMINAL_ERROR, SANDBAR_TERMINAL_ERROR_INVALID_TEMPLATE);
  g_assert_nonnull (strstr (error->message, "terminal-app"));
  g_clear_error (&error);

  /* A control character in the ID is shown escaped, not printed raw. */
  terminal = _sandbar_terminal_new_for_platform (LINUX, "x\033[2Jterm", &error);
  g_assert_null (terminal);
  g_assert_error (error, SANDBAR_TERMINAL_ERROR, SANDBAR_TERMINAL_ERROR_INVALID_TEMPLATE);
  g_assert_null (strchr (error->message, '\033'));
}

/* The program word must not look like an option, the directory must be
 * absolute, and launcher recipes need a private directory. */
static void
test_build_argv_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SandbarTerminal) xterm = NULL;
  g_autoptr(SandbarTerminal) terminal_app = NULL;
  const char * const dash[] = { "-e", "/bin/true", NULL };
  const char * const empty[] = { "", NULL };
  const char * const fine[] = { "/bin/true", NULL };
  g_auto(GStrv) argv = NULL;

  xterm = _sandbar_terminal_new_for_platform (LINUX, "xterm", &error);
  g_assert_no_error (error);
  terminal_app = _sandbar_terminal_new_for_platform (MACOS, "terminal-app", &error);
  g_assert_no_error (error);

  argv = sandbar_terminal_build_argv (xterm, dash, "/", NULL, &error);
  g_assert_null (argv);
  g_assert_error (error, SANDBAR_TERMINAL_ERROR, SANDBAR_TERMINAL_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "“-e”"));
  g_clear_error (&error);

  argv = sandbar_terminal_build_argv (xterm, empty, "/", NULL, &error);
  g_assert_null (argv);
  g_assert_error (error, SANDBAR_TERMINAL_ERROR, SANDBAR_TERMINAL_ERROR_FAILED);
  g_clear_error (&error);

  argv = sandbar_terminal_build_argv (xterm, fine, "relative/dir", NULL, &error);
  g_assert_null (argv);
  g_assert_error (error, SANDBAR_TERMINAL_ERROR, SANDBAR_TERMINAL_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "“relative/dir”"));
  g_clear_error (&error);

  argv = sandbar_terminal_build_argv (terminal_app, fine, "/", NULL, &error);
  g_assert_null (argv);
  g_assert_error (error, SANDBAR_TERMINAL_ERROR, SANDBAR_TERMINAL_ERROR_FAILED);
  g_clear_error (&error);

  /* NULL means the home directory. */
  argv = sandbar_terminal_build_argv (xterm, fine, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (argv[0], ==, "xterm");
  g_clear_pointer (&argv, g_strfreev);

  {
    g_autoptr(SandbarTerminal) kgx = _sandbar_terminal_new_for_platform (LINUX, "kgx", &error);
    g_autofree char *expected = g_strconcat ("--working-directory=", g_get_home_dir (), NULL);

    g_assert_no_error (error);
    argv = sandbar_terminal_build_argv (kgx, fine, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (argv[1], ==, expected);
  }
}

/* }}} */

/* Shell quoting {{{ */

static void
test_shell_quote (void)
{
  static const struct
  {
    const char *words[4];
    const char *quoted;
  } cases[] = {
    { { NULL }, "" },
    { { "a", NULL }, "'a'" },
    { { "", NULL }, "''" },
    { { "", "", NULL }, "'' ''" },
    { { "it's", NULL }, "'it'\\''s'" },
    { { "''", NULL }, "''\\'''\\'''" },
    { { "a b", "c", NULL }, "'a b' 'c'" },
    { { "$(x) `y` ${z} !! \\ \"q\"", NULL }, "'$(x) `y` ${z} !! \\ \"q\"'" },
    { { "line\nbreak", "tab\t", NULL }, "'line\nbreak' 'tab\t'" },
    { { "-e", "--", "ü☃", NULL }, "'-e' '--' 'ü☃'" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *quoted = sandbar_terminal_shell_quote_argv (cases[i].words);

      g_assert_cmpstr (quoted, ==, cases[i].quoted);
    }
}

/* A second opinion: GLib's shell parser reads the quoted words back. */
static void
test_shell_quote_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) command = make_command (PROGRAM);
  g_auto(GStrv) parsed = NULL;
  g_autofree char *quoted = sandbar_terminal_shell_quote_argv ((const char * const *) command);

  g_shell_parse_argv (quoted, NULL, &parsed, &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (parsed, command);
}

/* }}} */

/* The macOS launcher script {{{ */

static char *
launcher_for (const char         *id,
              SandbarPrivateDir  *dir,
              const char * const *command,
              const char         *working_directory)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SandbarTerminal) terminal = NULL;
  g_auto(GStrv) argv = NULL;
  guint n;

  terminal = _sandbar_terminal_new_for_platform (MACOS, id, &error);
  g_assert_no_error (error);

  argv = sandbar_terminal_build_argv (terminal, command, working_directory, dir, &error);
  g_assert_no_error (error);

  n = g_strv_length (argv);
  return g_strdup (argv[n - 1]);
}

static void
test_launcher_script (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TempDir) root = temp_dir_new ();
  g_autoptr(SandbarPrivateDir) dir = NULL;
  g_auto(GStrv) command = make_command (PROGRAM);
  g_autofree char *launcher = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *quoted_command = NULL;
  g_autofree char *expected = NULL;
  const char * const dir_word[] = { HOSTILE_DIR, NULL };
  g_autofree char *quoted_dir = sandbar_terminal_shell_quote_argv (dir_word);
  struct stat st;

  dir = sandbar_private_dir_new (root->path, &error);
  g_assert_no_error (error);

  launcher = launcher_for ("terminal-app", dir, (const char * const *) command, HOSTILE_DIR);
  g_assert_true (g_str_has_prefix (launcher, sandbar_private_dir_get_path (dir)));
  g_assert_true (g_str_has_suffix (launcher, "/launcher.sh"));

  g_assert_cmpint (g_lstat (launcher, &st), ==, 0);
  g_assert_true (S_ISREG (st.st_mode));
  g_assert_cmpint (st.st_mode & 07777, ==, 0700);

  g_file_get_contents (launcher, &contents, NULL, &error);
  g_assert_no_error (error);

  quoted_command = sandbar_terminal_shell_quote_argv ((const char * const *) command);
  expected = g_strconcat ("#!/bin/sh\n"
                          "cd ", quoted_dir, " || exit 1\n"
                          "exec ", quoted_command, "\n",
                          NULL);
  g_assert_cmpstr (contents, ==, expected);
}

/* A second launch into the same private directory gets its own script. */
static void
test_launcher_second_name (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TempDir) root = temp_dir_new ();
  g_autoptr(SandbarPrivateDir) dir = NULL;
  const char * const command[] = { "/bin/true", NULL };
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  dir = sandbar_private_dir_new (root->path, &error);
  g_assert_no_error (error);

  first = launcher_for ("terminal-app", dir, command, "/");
  second = launcher_for ("iterm2", dir, command, "/");
  g_assert_true (g_str_has_suffix (first, "/launcher.sh"));
  g_assert_true (g_str_has_suffix (second, "/launcher-2.sh"));
}

typedef struct
{
  const char *name;
  const char *argv[3];
} ShellCase;

static const ShellCase shell_cases[] = {
  { "sh", { "/bin/sh" } },
  { "dash", { "dash" } },
  { "bash", { "bash" } },
  { "bash-posix", { "bash", "--posix" } },
  { "zsh", { "zsh" } },
  { "ksh", { "ksh" } },
  { "busybox", { "busybox", "sh" } },
};

/* Runs @launcher with @shell in a neutral directory; returns the exit
 * status, or -1 if the shell is not installed. */
static int
run_launcher (const ShellCase *shell,
              const char      *launcher,
              const char      *record_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *program = g_find_program_in_path (shell->argv[0]);
  g_auto(GStrv) argv = NULL;
  g_auto(GStrv) envp = NULL;
  int status;

  if (program == NULL)
    return -1;

  g_strv_builder_add (builder, program);
  for (guint i = 1; shell->argv[i] != NULL; i++)
    g_strv_builder_add (builder, shell->argv[i]);
  g_strv_builder_add (builder, launcher);
  argv = g_strv_builder_end (builder);

  envp = g_environ_setenv (g_get_environ (), "SANDBAR_RECORDER_OUT", record_path, TRUE);
  g_spawn_sync ("/", argv, envp, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);

  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

/* The launcher, run by a real shell, starts the final program with
 * exactly the intended argv, byte for byte, in exactly the intended
 * directory. */
static void
test_launcher_runs (gconstpointer data)
{
  const ShellCase *shell = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(TempDir) root = temp_dir_new ();
  g_autoptr(SandbarPrivateDir) dir = NULL;
  g_autoptr(Record) record = NULL;
  g_autofree char *recorder = recorder_path ();
  g_autofree char *workdir = make_dir (root->path, HOSTILE_NAME);
  g_autofree char *out = g_build_filename (root->path, "record", NULL);
  g_auto(GStrv) command = make_command (recorder);
  g_autofree char *launcher = NULL;
  int status;

  dir = sandbar_private_dir_new (root->path, &error);
  g_assert_no_error (error);

  launcher = launcher_for ("terminal-app", dir, (const char * const *) command, workdir);

  status = run_launcher (shell, launcher, out);
  if (status == -1)
    {
      g_autofree char *message = g_strdup_printf ("%s is not installed", shell->argv[0]);

      g_test_skip (message);
      return;
    }
  g_assert_cmpint (status, ==, 0);

  record = read_record (out);
  g_assert_cmpstr (record->cwd, ==, workdir);
  g_assert_cmpstrv (record->argv, command);

  /* Nothing in the words was run. */
  g_assert_false (g_file_test ("/tmp/sandbar-pwned", G_FILE_TEST_EXISTS));
}

/* If the directory is gone, the command does not run somewhere else. */
static void
test_launcher_missing_directory (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TempDir) root = temp_dir_new ();
  g_autoptr(SandbarPrivateDir) dir = NULL;
  g_autofree char *recorder = recorder_path ();
  g_autofree char *missing = g_build_filename (root->path, "gone", NULL);
  g_autofree char *out = g_build_filename (root->path, "record", NULL);
  g_autofree char *launcher = NULL;
  const char * const command[] = { recorder, NULL };
  int status;

  dir = sandbar_private_dir_new (root->path, &error);
  g_assert_no_error (error);

  launcher = launcher_for ("terminal-app", dir, command, missing);
  status = run_launcher (&shell_cases[0], launcher, out);
  g_assert_cmpint (status, ==, 1);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

/* A private directory whose path a login shell could misread is refused
 * before anything is written, for every recipe that types the path. */
static void
test_launcher_unsafe_path (void)
{
  static const char * const parents[] = {
    "with space", "it's", "dq\"", "dollar$x", "semi;colon", "bang!", "back\\slash",
    "ünï", "tilde~", "star*",
  };
  static const char * const ids[] = { "terminal-app", "iterm2", "ghostty" };
  const char * const command[] = { "/bin/true", NULL };
  g_autoptr(TempDir) root = temp_dir_new ();

  for (guint p = 0; p < G_N_ELEMENTS (parents); p++)
    for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(SandbarTerminal) terminal = NULL;
        g_autoptr(SandbarPrivateDir) dir = NULL;
        g_autofree char *parent = g_build_filename (root->path, parents[p], NULL);
        g_autofree char *launcher = NULL;
        g_auto(GStrv) argv = NULL;

        if (i == 0)
          g_assert_cmpint (g_mkdir (parent, 0700), ==, 0);

        dir = sandbar_private_dir_new (parent, &error);
        g_assert_no_error (error);

        terminal = _sandbar_terminal_new_for_platform (MACOS, ids[i], &error);
        g_assert_no_error (error);

        argv = sandbar_terminal_build_argv (terminal, command, "/", dir, &error);
        g_assert_null (argv);
        g_assert_error (error, SANDBAR_TERMINAL_ERROR, SANDBAR_TERMINAL_ERROR_FAILED);
        g_assert_nonnull (strstr (error->message, "TMPDIR"));

        launcher = g_build_filename (sandbar_private_dir_get_path (dir), "launcher.sh", NULL);
        g_assert_false (g_file_test (launcher, G_FILE_TEST_EXISTS));
      }
}

/* }}} */

/* Custom terminal commands {{{ */

typedef struct
{
  const char *name;
  const char *template;
  const char *expected[12];
} TemplateCase;

static const TemplateCase template_cases[] = {
  { "plain", "xterm -e {}",
    { "xterm", "-e", CMD } },
  { "quotes", "'/opt/My Term/term' --title \"Sandbar: \\\"box\\\"\" -- {}",
    { "/opt/My Term/term", "--title", "Sandbar: \"box\"", "--", CMD } },
  { "cwd", "term --cwd={cwd} --twice {cwd}{cwd} -- {}",
    { "term", "--cwd=" HOSTILE_DIR, "--twice", HOSTILE_DIR HOSTILE_DIR, "--", CMD } },
  { "quoted-placeholder", "term -e '{}'",
    { "term", "-e", CMD } },
  { "words-after", "term {} --after '{cwd}'",
    { "term", CMD, "--after", HOSTILE_DIR } },
  { "no-cwd-flag", "term --literal='{ cwd }' {}",
    { "term", "--literal={ cwd }", CMD } },
};

static void
test_template (gconstpointer data)
{
  const TemplateCase *tc = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SandbarTerminal) terminal = NULL;
  g_auto(GStrv) command = make_command (PROGRAM);
  g_auto(GStrv) argv = NULL;
  g_auto(GStrv) expected = NULL;

  terminal = sandbar_terminal_new_custom (tc->template, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sandbar_terminal_get_id (terminal), ==, "custom");

  argv = sandbar_terminal_build_argv (terminal, (const char * const *) command,
                                      HOSTILE_DIR, NULL, &error);
  g_assert_no_error (error);

  expected = expand_expected (tc->expected, (const char * const *) command, NULL);
  g_assert_cmpstrv (argv, expected);
}

typedef struct
{
  const char *name;
  const char *template;
  const char *hint;
} BadTemplateCase;

static const BadTemplateCase bad_template_cases[] = {
  { "missing", "xterm -e", "put {} where the command goes, e.g. “xterm -e {}”" },
  { "empty", "", "it is empty" },
  { "blank", "   ", "it is empty" },
  { "twice", "xterm -e {} {}", "exactly once" },
  { "inside-word", "term --command={}", "a word of its own" },
  { "inside-quotes", "term -e \"{} \"", "a word of its own" },
  { "first", "{} --flag", "Name the terminal program first" },
  { "unbalanced", "xterm -e '{}", "Check its quotes" },
};

static void
test_template_invalid (gconstpointer data)
{
  const BadTemplateCase *bc = data;
  g_autoptr(GError) error = NULL;
  SandbarTerminal *terminal;

  terminal = sandbar_terminal_new_custom (bc->template, &error);
  g_assert_null (terminal);
  g_assert_error (error, SANDBAR_TERMINAL_ERROR, SANDBAR_TERMINAL_ERROR_INVALID_TEMPLATE);
  g_assert_true (g_str_has_prefix (error->message, "Terminal command “"));
  if (strstr (error->message, bc->hint) == NULL)
    g_error ("“%s” lacks “%s”", error->message, bc->hint);
}

/* }}} */

/* Opening {{{ */

/* A fake terminal (the recorder, as a custom command) receives exactly
 * the argv that build_argv() shows, in the working directory. */
static void
test_open_fake_terminal (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TempDir) root = NULL;
  g_autoptr(SandbarTerminal) terminal = NULL;
  g_autoptr(Record) record = NULL;
  g_autofree char *recorder = recorder_path ();
  g_autofree char *quoted_recorder = g_shell_quote (recorder);
  g_autofree char *template = g_strconcat (quoted_recorder, " --fake-terminal --cwd={cwd} {}",
                                           NULL);
  g_autofree char *workdir = NULL;
  g_autofree char *out = NULL;
  g_autofree char *cwd_word = NULL;
  g_auto(GStrv) command = make_command (PROGRAM);
  g_auto(GStrv) argv = NULL;
  g_auto(GStrv) expected = NULL;
  gboolean ok;

  if (ran_in_subprocess ())
    return;

  root = temp_dir_new ();
  workdir = make_dir (root->path, HOSTILE_NAME);
  out = g_build_filename (root->path, "record", NULL);
  cwd_word = g_strconcat ("--cwd=", workdir, NULL);

  terminal = sandbar_terminal_new_custom (template, &error);
  g_assert_no_error (error);

  argv = sandbar_terminal_build_argv (terminal, (const char * const *) command, workdir,
                                      NULL, &error);
  g_assert_no_error (error);
  {
    const char *expected_template[] = { recorder, "--fake-terminal", cwd_word, CMD, NULL };

    expected = expand_expected (expected_template, (const char * const *) command, NULL);
  }
  g_assert_cmpstrv (argv, expected);

  g_setenv ("SANDBAR_RECORDER_OUT", out, TRUE);
  ok = sandbar_terminal_open (terminal, (const char * const *) command, workdir, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ok);

  record = wait_for_record (out);
  g_assert_cmpstr (record->cwd, ==, workdir);
  g_assert_cmpstrv (record->argv, argv);
}

/* Inside Sandbar.app, Sandbar's own XDG_DATA_DIRS and GTK variables are
 * the bundle's (core/sandbar-bundle.c): the terminal, and so the user's
 * shell, gets the user's back. */
static void
test_open_bundle_environment (void)
{
  const char *user_data_dirs = "/home/me/.local/share/flatpak/exports/share:/usr/share";
  g_autoptr(GError) error = NULL;
  g_autoptr(TempDir) root = NULL;
  g_autoptr(SandbarTerminal) terminal = NULL;
  g_autoptr(Record) record = NULL;
  g_autofree char *recorder = recorder_path ();
  g_autofree char *quoted_recorder = g_shell_quote (recorder);
  g_autofree char *template = g_strconcat (quoted_recorder, " {}", NULL);
  g_autofree char *resources = NULL;
  g_autofree char *out = NULL;
  g_autofree char *env_out = NULL;
  g_auto(GStrv) command = make_command (PROGRAM);
  g_auto(GStrv) env = NULL;
  gboolean ok;

  if (ran_in_subprocess ())
    return;

  root = temp_dir_new ();
  resources = g_build_filename (root->path, "Sandbar.app", "Contents", "Resources", NULL);
  g_assert_no_errno (g_mkdir_with_parents (resources, 0700));
  out = g_build_filename (root->path, "record", NULL);
  env_out = g_build_filename (root->path, "environment", NULL);

  g_setenv ("XDG_DATA_DIRS", user_data_dirs, TRUE);
  g_unsetenv ("GSETTINGS_SCHEMA_DIR");
  g_assert_true (sandbar_bundle_set_up_environment (resources, root->path, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (g_getenv ("XDG_DATA_DIRS"), !=, user_data_dirs);
  g_assert_nonnull (g_getenv ("GSETTINGS_SCHEMA_DIR"));

  terminal = sandbar_terminal_new_custom (template, &error);
  g_assert_no_error (error);

  g_setenv ("SANDBAR_RECORDER_OUT", out, TRUE);
  g_setenv ("SANDBAR_RECORDER_ENV_OUT", env_out, TRUE);
  ok = sandbar_terminal_open (terminal, (const char * const *) command, root->path, NULL,
                              &error);
  g_assert_no_error (error);
  g_assert_true (ok);

  record = wait_for_record (out);
  g_assert_cmpstr (record->argv[0], ==, recorder);
  env = recorder_read_strings (env_out);
  g_assert_cmpstr (g_environ_getenv (env, "XDG_DATA_DIRS"), ==, user_data_dirs);
  g_assert_null (g_environ_getenv (env, "GSETTINGS_SCHEMA_DIR"));
  g_assert_cmpstr (g_environ_getenv (env, "SANDBAR_RECORDER_OUT"), ==, out);
}

/* Every Linux recipe, opened with a fake program of the terminal's name
 * on PATH: the spawned argv is build_argv()'s, and the process starts in
 * the working directory even when the terminal has no flag for it. */
static void
test_open_recipe (gconstpointer data)
{
  const RecipeCase *rc = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(EnvFixture) fixture = NULL;
  g_autoptr(SandbarTerminal) terminal = NULL;
  g_autoptr(Record) record = NULL;
  g_autofree char *recorder = recorder_path ();
  g_autofree char *workdir = NULL;
  g_autofree char *out = NULL;
  g_autofree char *fake = NULL;
  g_auto(GStrv) command = make_command (PROGRAM);
  g_auto(GStrv) argv = NULL;
  gboolean ok;

  if (ran_in_subprocess ())
    return;

  fixture = env_fixture_new ();
  workdir = make_dir (fixture->root->path, HOSTILE_NAME);
  out = g_build_filename (fixture->root->path, "record", NULL);
  fake = g_build_filename (fixture->bin, rc->expected[0], NULL);
  g_assert_cmpint (symlink (recorder, fake), ==, 0);

  terminal = _sandbar_terminal_new_for_platform (rc->platform, rc->id, &error);
  g_assert_no_error (error);

  argv = sandbar_terminal_build_argv (terminal, (const char * const *) command, workdir,
                                      NULL, &error);
  g_assert_no_error (error);

  g_setenv ("SANDBAR_RECORDER_OUT", out, TRUE);
  ok = sandbar_terminal_open (terminal, (const char * const *) command, workdir, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ok);

  record = wait_for_record (out);
  g_assert_cmpstr (record->cwd, ==, workdir);
  g_assert_cmpstrv (record->argv, argv);
}

static void
test_open_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TempDir) root = temp_dir_new ();
  g_autoptr(SandbarTerminal) missing_program = NULL;
  g_autoptr(SandbarTerminal) fine = NULL;
  g_autofree char *gone = g_build_filename (root->path, "gone", NULL);
  const char * const command[] = { "/bin/true", NULL };

  missing_program = sandbar_terminal_new_custom ("/nonexistent/sandbar-no-term -e {}", &error);
  g_assert_no_error (error);
  g_assert_false (sandbar_terminal_open (missing_program, command, root->path, NULL, &error));
  g_assert_error (error, SANDBAR_TERMINAL_ERROR, SANDBAR_TERMINAL_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "“/nonexistent/sandbar-no-term”"));
  g_clear_error (&error);

  fine = sandbar_terminal_new_custom ("/bin/true {}", &error);
  g_assert_no_error (error);
  g_assert_false (sandbar_terminal_open (fine, command, gone, NULL, &error));
  g_assert_error (error, SANDBAR_TERMINAL_ERROR, SANDBAR_TERMINAL_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, gone));
  g_clear_error (&error);

  g_assert_false (sandbar_terminal_open (fine, command, "relative", NULL, &error));
  g_assert_error (error, SANDBAR_TERMINAL_ERROR, SANDBAR_TERMINAL_ERROR_FAILED);
  g_clear_error (&error);

  g_assert_true (sandbar_terminal_open (fine, command, root->path, NULL, &error));
  g_assert_no_error (error);
}

/* }}} */

/* Detection {{{ */

typedef struct
{
  const char *name;
  const char *on_path;          /* space-separated executables */
  const char *not_executable;   /* present but not executable */
  const char *desktop;          /* $XDG_CURRENT_DESKTOP */
  const char *env_terminal;     /* $SANDBAR_TERMINAL */
  const char *expected_id;      /* NULL: an error */
  int         expected_error;
} DetectCase;

static const DetectCase detect_cases[] = {
  { "sandbar-terminal-first", "xdg-terminal-exec x-terminal-emulator gnome-terminal", NULL,
    "GNOME", "xterm -e {}", "custom" },
  { "bad-sandbar-terminal-is-an-error", "gnome-terminal", NULL,
    NULL, "xterm -e", NULL, SANDBAR_TERMINAL_ERROR_INVALID_TEMPLATE },
  { "empty-sandbar-terminal-is-unset", "xterm", NULL,
    NULL, "", "xterm" },
  { "xdg-terminal-exec", "xdg-terminal-exec x-terminal-emulator gnome-terminal konsole", NULL,
    "KDE", NULL, "xdg-terminal-exec" },
  { "x-terminal-emulator", "x-terminal-emulator gnome-terminal konsole", NULL,
    "KDE", NULL, "x-terminal-emulator" },
  { "gnome-ptyxis", "gnome-terminal kgx ptyxis konsole", NULL,
    "GNOME", NULL, "ptyxis" },
  { "gnome-kgx", "gnome-terminal kgx konsole", NULL,
    "GNOME", NULL, "kgx" },
  { "gnome-terminal", "xterm konsole gnome-terminal", NULL,
    "GNOME", NULL, "gnome-terminal" },
  { "ubuntu-session", "konsole kgx", NULL,
    "ubuntu:GNOME", NULL, "kgx" },
  { "kde", "gnome-terminal konsole", NULL,
    "KDE", NULL, "konsole" },
  { "desktop-case", "xterm xfce4-terminal", NULL,
    "xfce", NULL, "xfce4-terminal" },
  { "sway", "alacritty foot", NULL,
    "sway", NULL, "foot" },
  { "desktop-terminal-missing", "xterm foot", NULL,
    "GNOME", NULL, "foot" },
  { "unknown-desktop", "xterm konsole", NULL,
    "Frobnicator", NULL, "konsole" },
  { "table-order", "xterm kitty alacritty", NULL,
    NULL, NULL, "alacritty" },
  { "xterm-last", "xterm wezterm", NULL,
    NULL, NULL, "wezterm" },
  { "only-xterm", "xterm", NULL,
    NULL, NULL, "xterm" },
  { "not-executable", "xterm", "x-terminal-emulator gnome-terminal",
    "GNOME", NULL, "xterm" },
  { "nothing", NULL, "xterm gnome-terminal",
    "GNOME", NULL, NULL, SANDBAR_TERMINAL_ERROR_NOT_FOUND },
};

static void
populate_path (EnvFixture *fixture,
               const char *names,
               gboolean    executable)
{
  g_auto(GStrv) list = NULL;

  if (names == NULL)
    return;

  list = g_strsplit (names, " ", -1);
  for (guint i = 0; list[i] != NULL; i++)
    make_program (fixture->bin, list[i], executable);
}

static void
test_detect (gconstpointer data)
{
  const DetectCase *dc = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(EnvFixture) fixture = NULL;
  g_autoptr(SandbarTerminal) terminal = NULL;

  if (ran_in_subprocess ())
    return;

  fixture = env_fixture_new ();
  populate_path (fixture, dc->on_path, TRUE);
  populate_path (fixture, dc->not_executable, FALSE);
  if (dc->desktop != NULL)
    g_setenv ("XDG_CURRENT_DESKTOP", dc->desktop, TRUE);
  if (dc->env_terminal != NULL)
    g_setenv ("SANDBAR_TERMINAL", dc->env_terminal, TRUE);

  terminal = _sandbar_terminal_new_for_platform (LINUX, NULL, &error);

  if (dc->expected_id != NULL)
    {
      g_assert_no_error (error);
      g_assert_cmpstr (sandbar_terminal_get_id (terminal), ==, dc->expected_id);
    }
  else
    {
      g_assert_null (terminal);
      g_assert_error (error, SANDBAR_TERMINAL_ERROR, dc->expected_error);
    }
}

/* "", "auto" and NULL all detect; an explicit ID does not look at PATH. */
static void
test_detect_choices (void)
{
  static const char * const automatic[] = { NULL, "", "auto" };
  g_autoptr(EnvFixture) fixture = NULL;

  if (ran_in_subprocess ())
    return;

  fixture = env_fixture_new ();
  make_program (fixture->bin, "konsole", TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (automatic); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SandbarTerminal) terminal = NULL;

      terminal = _sandbar_terminal_new_for_platform (LINUX, automatic[i], &error);
      g_assert_no_error (error);
      g_assert_cmpstr (sandbar_terminal_get_id (terminal), ==, "konsole");
    }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SandbarTerminal) terminal = NULL;

    terminal = _sandbar_terminal_new_for_platform (LINUX, "foot", &error);
    g_assert_no_error (error);
    g_assert_cmpstr (sandbar_terminal_get_id (terminal), ==, "foot");
    g_assert_finalize_object (g_steal_pointer (&terminal));
  }
}

/* With nothing on PATH the error lists what was tried and how to choose. */
static void
test_detect_not_found_message (void)
{
  static const char * const mentioned[] = {
    "SANDBAR_TERMINAL", "Preferences", "“xterm -e {}”",
    "xdg-terminal-exec", "x-terminal-emulator", "ptyxis", "kgx", "gnome-terminal",
    "konsole", "xfce4-terminal", "alacritty", "kitty", "foot", "wezterm", "xterm",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(EnvFixture) fixture = NULL;
  SandbarTerminal *terminal;
  const char *tried;

  if (ran_in_subprocess ())
    return;

  fixture = env_fixture_new ();
  g_setenv ("XDG_CURRENT_DESKTOP", "GNOME", TRUE);

  terminal = _sandbar_terminal_new_for_platform (LINUX, "auto", &error);
  g_assert_null (terminal);
  g_assert_error (error, SANDBAR_TERMINAL_ERROR, SANDBAR_TERMINAL_ERROR_NOT_FOUND);

  for (guint i = 0; i < G_N_ELEMENTS (mentioned); i++)
    if (strstr (error->message, mentioned[i]) == NULL)
      g_error ("“%s” does not mention %s", error->message, mentioned[i]);

  /* In the order tried, each once. */
  tried = strstr (error->message, "xdg-terminal-exec, x-terminal-emulator, ptyxis, kgx, "
                                  "gnome-terminal, konsole, xfce4-terminal, alacritty, "
                                  "kitty, foot, wezterm, xterm.");
  g_assert_nonnull (tried);
}

static void
test_detect_macos (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnvFixture) fixture = NULL;
  g_autoptr(SandbarTerminal) terminal = NULL;

  if (ran_in_subprocess ())
    return;

  fixture = env_fixture_new ();

  /* Nothing on PATH matters on macOS. */
  make_program (fixture->bin, "xdg-terminal-exec", TRUE);

  terminal = _sandbar_terminal_new_for_platform (MACOS, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sandbar_terminal_get_id (terminal), ==, "terminal-app");
  g_clear_object (&terminal);

  g_setenv ("SANDBAR_TERMINAL", "open -na MyTerm --args -e {}", TRUE);
  terminal = _sandbar_terminal_new_for_platform (MACOS, "auto", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sandbar_terminal_get_id (terminal), ==, "custom");
  g_clear_object (&terminal);

  g_setenv ("SANDBAR_TERMINAL", "open -na MyTerm", TRUE);
  terminal = _sandbar_terminal_new_for_platform (MACOS, "auto", &error);
  g_assert_null (terminal);
  g_assert_error (error, SANDBAR_TERMINAL_ERROR, SANDBAR_TERMINAL_ERROR_INVALID_TEMPLATE);
  g_assert_true (g_str_has_prefix (error->message, "SANDBAR_TERMINAL: "));
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (recipe_cases); i++)
    {
      const RecipeCase *rc = &recipe_cases[i];
      const char *platform = rc->platform == MACOS ? "macos" : "linux";
      g_autofree char *path = g_strdup_printf ("/sandbar/terminal/recipe/%s/%s", platform, rc->id);

      g_test_add_data_func (path, rc, test_recipe_argv);
    }
  g_test_add_func ("/sandbar/terminal/recipe/lone-word", test_recipe_lone_word);
  g_test_add_func ("/sandbar/terminal/recipe/lone-word-runs", test_recipe_lone_word_runs);
  g_test_add_func ("/sandbar/terminal/recipe/list-known", test_list_known);
  g_test_add_func ("/sandbar/terminal/recipe/unknown-id", test_unknown_id);
  g_test_add_func ("/sandbar/terminal/recipe/errors", test_build_argv_errors);

  g_test_add_func ("/sandbar/terminal/quote/table", test_shell_quote);
  g_test_add_func ("/sandbar/terminal/quote/round-trip", test_shell_quote_round_trip);

  g_test_add_func ("/sandbar/terminal/launcher/script", test_launcher_script);
  g_test_add_func ("/sandbar/terminal/launcher/second-name", test_launcher_second_name);
  g_test_add_func ("/sandbar/terminal/launcher/missing-directory", test_launcher_missing_directory);
  g_test_add_func ("/sandbar/terminal/launcher/unsafe-path", test_launcher_unsafe_path);
  for (guint i = 0; i < G_N_ELEMENTS (shell_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/sandbar/terminal/launcher/run/%s",
                                               shell_cases[i].name);

      g_test_add_data_func (path, &shell_cases[i], test_launcher_runs);
    }

  for (guint i = 0; i < G_N_ELEMENTS (template_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/sandbar/terminal/template/%s",
                                               template_cases[i].name);

      g_test_add_data_func (path, &template_cases[i], test_template);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad_template_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/sandbar/terminal/template/invalid/%s",
                                               bad_template_cases[i].name);

      g_test_add_data_func (path, &bad_template_cases[i], test_template_invalid);
    }

  g_test_add_func ("/sandbar/terminal/open/fake-terminal", test_open_fake_terminal);
  g_test_add_func ("/sandbar/terminal/open/bundle-environment", test_open_bundle_environment);
  g_test_add_func ("/sandbar/terminal/open/errors", test_open_errors);
  for (guint i = 0; i < G_N_ELEMENTS (recipe_cases); i++)
    {
      const RecipeCase *rc = &recipe_cases[i];
      g_autofree char *path = NULL;

      if (rc->platform != LINUX)
        continue;

      path = g_strdup_printf ("/sandbar/terminal/open/linux/%s", rc->id);
      g_test_add_data_func (path, rc, test_open_recipe);
    }

  for (guint i = 0; i < G_N_ELEMENTS (detect_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/sandbar/terminal/detect/%s",
                                               detect_cases[i].name);

      g_test_add_data_func (path, &detect_cases[i], test_detect);
    }
  g_test_add_func ("/sandbar/terminal/detect/choices", test_detect_choices);
  g_test_add_func ("/sandbar/terminal/detect/not-found-message", test_detect_not_found_message);
  g_test_add_func ("/sandbar/terminal/detect/macos", test_detect_macos);

  return g_test_run ();
}
