/* test-private-dir.c — the 0700 directory that holds launch files
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>

#include <errno.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sandbar-private-dir.h"

typedef struct
{
  char *parent;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->parent = g_dir_make_tmp ("sandbar-test-XXXXXX", &error);
  g_assert_no_error (error);
}

/* Everything a test leaves is its own: remove it, and fail if a test left
 * anything that the code under test should have removed. */
static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->parent, 0, NULL);

  g_assert_nonnull (dir);
  g_assert_null (g_dir_read_name (dir));
  g_assert_cmpint (g_rmdir (fixture->parent), ==, 0);
  g_free (fixture->parent);
}

static guint
mode_of (const char *path)
{
  struct stat st;

  g_assert_cmpint (lstat (path, &st), ==, 0);
  return st.st_mode & 07777;
}

static void
test_new (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SandbarPrivateDir) dir = sandbar_private_dir_new (fixture->parent, &error);
  g_autofree char *base = NULL;
  g_autofree char *dirname = NULL;
  g_autofree char *path = NULL;
  struct stat st;

  g_assert_no_error (error);
  path = g_strdup (sandbar_private_dir_get_path (dir));
  base = g_path_get_basename (path);
  dirname = g_path_get_dirname (path);
  g_assert_cmpstr (dirname, ==, fixture->parent);
  g_assert_true (g_str_has_prefix (base, "sandbar-"));
  g_assert_cmpuint (strlen (base), ==, strlen ("sandbar-XXXXXX"));

  g_assert_cmpint (lstat (path, &st), ==, 0);
  g_assert_true (S_ISDIR (st.st_mode));
  g_assert_cmpuint (st.st_uid, ==, geteuid ());
  g_assert_cmpuint (mode_of (path), ==, 0700);

  g_assert_finalize_object (g_steal_pointer (&dir));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* Without a parent: under the canonical $TMPDIR, even when it is reached
 * through a symlink (as /var is on macOS). */
static void
test_default_parent (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *real = g_build_filename (fixture->parent, "real", NULL);
  g_autofree char *link = g_build_filename (fixture->parent, "link", NULL);
  g_autofree char *canonical = NULL;
  g_autofree char *old_tmpdir = g_strdup (g_getenv ("TMPDIR"));
  g_autoptr(SandbarPrivateDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  char *resolved;

  g_assert_cmpint (g_mkdir (real, 0700), ==, 0);
  g_assert_cmpint (symlink (real, link), ==, 0);
  resolved = realpath (real, NULL);
  canonical = g_strdup (resolved);
  free (resolved);

  g_setenv ("TMPDIR", link, TRUE);
  dir = sandbar_private_dir_new (NULL, &error);
  if (old_tmpdir != NULL)
    g_setenv ("TMPDIR", old_tmpdir, TRUE);
  else
    g_unsetenv ("TMPDIR");

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (sandbar_private_dir_get_path (dir), canonical));
  g_assert_cmpint (sandbar_private_dir_get_path (dir)[strlen (canonical)], ==, '/');

  g_clear_object (&dir);
  g_assert_cmpint (g_unlink (link), ==, 0);
  g_assert_cmpint (g_rmdir (real), ==, 0);
}

static void
test_new_fails (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (fixture->parent, "missing", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SandbarPrivateDir) dir = sandbar_private_dir_new (missing, &error);

  g_assert_null (dir);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, missing));
}

/* A umask that takes the owner's search bit gives a directory that is
 * not 0700: refused, and not left behind. */
static void
test_refuses_wrong_mode (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SandbarPrivateDir) dir = NULL;
  mode_t old_umask = umask (0100);

  dir = sandbar_private_dir_new (fixture->parent, &error);
  umask (old_umask);

  g_assert_null (dir);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_assert_nonnull (strstr (error->message, "mode 0700"));
}

static void
test_write_file (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SandbarPrivateDir) dir = sandbar_private_dir_new (fixture->parent, &error);
  g_autofree char *profile = NULL;
  g_autofree char *launcher = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  mode_t old_umask;

  g_assert_no_error (error);
  profile = sandbar_private_dir_write_file (dir, "profile.sb", "(version 1)\n\0x", 14, 0600,
                                            &error);
  g_assert_no_error (error);
  expected = g_build_filename (sandbar_private_dir_get_path (dir), "profile.sb", NULL);
  g_assert_cmpstr (profile, ==, expected);
  g_assert_true (g_file_get_contents (profile, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, "(version 1)\n\0x", 14);
  g_assert_cmpuint (mode_of (profile), ==, 0600);

  /* The mode is applied exactly, whatever the umask. */
  old_umask = umask (0177);
  launcher = sandbar_private_dir_write_file (dir, "launch_1.sh", "", 0, 0700, &error);
  umask (old_umask);
  g_assert_no_error (error);
  g_assert_cmpuint (mode_of (launcher), ==, 0700);

  /* A name is written once. */
  g_assert_null (sandbar_private_dir_write_file (dir, "profile.sb", "x", 1, 0600, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (profile, &contents, &length, NULL));
  g_assert_cmpuint (length, ==, 14);

  g_assert_finalize_object (g_steal_pointer (&dir));
  g_assert_false (g_file_test (profile, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (launcher, G_FILE_TEST_EXISTS));
}

static void
test_bad_names (Fixture       *fixture,
                gconstpointer  data)
{
  static const char * const names[] = {
    "", ".", "..", "../escape", "a/b", "/abs", "sp ace", "quote'", "nl\n", "ü", NULL
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SandbarPrivateDir) dir = sandbar_private_dir_new (fixture->parent, &error);
  g_autoptr(GDir) listing = NULL;
  g_autofree char *escaped = g_build_filename (fixture->parent, "escape", NULL);

  g_assert_no_error (error);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = sandbar_private_dir_write_file (dir, names[i], "x", 1, 0600,
                                                              &error);

      g_assert_null (path);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME);
      g_clear_error (&error);
    }

  listing = g_dir_open (sandbar_private_dir_get_path (dir), 0, NULL);
  g_assert_null (g_dir_read_name (listing));
  g_assert_false (g_file_test (escaped, G_FILE_TEST_EXISTS));
}

/* Something put in place of a file beforehand is never followed or
 * reused: a symlink to a file elsewhere stays a symlink, the file
 * elsewhere keeps its contents. */
static void
test_refuses_symlink (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SandbarPrivateDir) dir = sandbar_private_dir_new (fixture->parent, &error);
  g_autofree char *victim = g_build_filename (fixture->parent, "victim", NULL);
  g_autofree char *dangling = g_build_filename (fixture->parent, "dangling", NULL);
  g_autofree char *trap = NULL;
  g_autofree char *trap2 = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *path = NULL;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (victim, "keep me", -1, NULL));
  trap = g_build_filename (sandbar_private_dir_get_path (dir), "profile.sb", NULL);
  trap2 = g_build_filename (sandbar_private_dir_get_path (dir), "launch.sh", NULL);
  g_assert_cmpint (symlink (victim, trap), ==, 0);
  g_assert_cmpint (symlink (dangling, trap2), ==, 0);

  path = sandbar_private_dir_write_file (dir, "profile.sb", "evil", 4, 0600, &error);
  g_assert_null (path);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (victim, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "keep me");
  g_assert_true (g_file_test (trap, G_FILE_TEST_IS_SYMLINK));

  /* A dangling symlink is not created through either. */
  path = sandbar_private_dir_write_file (dir, "launch.sh", "evil", 4, 0700, &error);
  g_assert_null (path);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_assert_false (g_file_test (dangling, G_FILE_TEST_EXISTS));

  /* What it did not write is not its to remove: the directory stays. */
  g_clear_error (&error);
  g_assert_false (sandbar_private_dir_remove (dir, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_EMPTY);
  g_assert_true (g_file_test (trap, G_FILE_TEST_IS_SYMLINK));

  g_assert_cmpint (g_unlink (trap), ==, 0);
  g_assert_cmpint (g_unlink (trap2), ==, 0);
  g_assert_cmpint (g_rmdir (sandbar_private_dir_get_path (dir)), ==, 0);
  g_assert_cmpint (g_unlink (victim), ==, 0);
}

/* The private folder's path is swapped for a symlink to another folder
 * after it was made (another local user racing the launch, if $TMPDIR
 * were shared): the files still go into the folder that was made — they
 * are created relative to its open descriptor — and removing never
 * follows the symlink. */
static void
test_swapped_for_symlink (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SandbarPrivateDir) dir = sandbar_private_dir_new (fixture->parent, &error);
  g_autofree char *moved = g_build_filename (fixture->parent, "moved", NULL);
  g_autofree char *victim = g_build_filename (fixture->parent, "victim", NULL);
  g_autofree char *in_moved = g_build_filename (moved, "profile.sb", NULL);
  g_autofree char *in_victim = g_build_filename (victim, "profile.sb", NULL);
  g_autofree char *path = NULL;
  g_autoptr(GDir) listing = NULL;
  const char *made;

  g_assert_no_error (error);
  made = sandbar_private_dir_get_path (dir);
  g_assert_cmpint (g_mkdir (victim, 0777), ==, 0);
  g_assert_cmpint (g_rename (made, moved), ==, 0);
  g_assert_cmpint (symlink (victim, made), ==, 0);

  path = sandbar_private_dir_write_file (dir, "profile.sb", "(version 1)\n", 12, 0600, &error);
  g_assert_no_error (error);
  g_assert_nonnull (path);
  g_assert_true (g_file_test (in_moved, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (mode_of (in_moved), ==, 0600);
  g_assert_false (g_file_test (in_victim, G_FILE_TEST_EXISTS));

  /* Its own files go; the symlink is not a folder to remove, and the
   * folder it points to is left alone. */
  g_assert_false (sandbar_private_dir_remove (dir, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (in_moved, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (made, G_FILE_TEST_IS_SYMLINK));
  g_assert_true (g_file_test (victim, G_FILE_TEST_IS_DIR));
  listing = g_dir_open (victim, 0, NULL);
  g_assert_null (g_dir_read_name (listing));

  g_assert_cmpint (g_unlink (made), ==, 0);
  g_assert_cmpint (g_rmdir (moved), ==, 0);
  g_assert_cmpint (g_rmdir (victim), ==, 0);
}

static void
test_remove (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SandbarPrivateDir) dir = sandbar_private_dir_new (fixture->parent, &error);
  g_autofree char *path = g_strdup (sandbar_private_dir_get_path (dir));
  g_autofree char *file = NULL;

  g_assert_no_error (error);
  file = sandbar_private_dir_write_file (dir, "a", "1", 1, 0600, &error);
  g_assert_no_error (error);

  g_assert_true (sandbar_private_dir_remove (dir, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* Twice is fine; writing afterwards is not. */
  g_assert_true (sandbar_private_dir_remove (dir, &error));
  g_assert_null (sandbar_private_dir_write_file (dir, "b", "1", 1, 0600, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CLOSED);
}

static void
notify_count (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  (*(guint *)user_data)++;
}

/* `sandbarctl args` keeps the files so the printed argv can be run. */
static void
test_keep (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SandbarPrivateDir *dir = sandbar_private_dir_new (fixture->parent, &error);
  g_autofree char *path = g_strdup (sandbar_private_dir_get_path (dir));
  g_autofree char *file = NULL;
  guint notified = 0;

  g_assert_no_error (error);
  g_signal_connect (dir, "notify::keep", G_CALLBACK (notify_count), &notified);
  g_assert_false (sandbar_private_dir_get_keep (dir));
  sandbar_private_dir_set_keep (dir, TRUE);
  sandbar_private_dir_set_keep (dir, TRUE);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (sandbar_private_dir_get_keep (dir));

  file = sandbar_private_dir_write_file (dir, "profile.sb", "x", 1, 0600, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (dir);

  g_assert_true (g_file_test (file, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (g_unlink (file), ==, 0);
  g_assert_cmpint (g_rmdir (path), ==, 0);
}

/* Kept launch directories go once they are old; fresh ones, other
 * people's names and other modes stay. */
static void
test_clean_stale (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SandbarPrivateDir) old = sandbar_private_dir_new (fixture->parent, &error);
  g_autoptr(SandbarPrivateDir) fresh = sandbar_private_dir_new (fixture->parent, &error);
  g_autofree char *old_path = g_strdup (sandbar_private_dir_get_path (old));
  g_autofree char *other = g_build_filename (fixture->parent, "sandbar-other-name", NULL);
  g_autofree char *open_mode = g_build_filename (fixture->parent, "sandbar-OPENED", NULL);
  g_autofree char *file = NULL;
  struct timespec times[2] = { { 1000000000, 0 }, { 1000000000, 0 } };

  g_assert_no_error (error);
  sandbar_private_dir_set_keep (old, TRUE);
  sandbar_private_dir_set_keep (fresh, TRUE);
  file = sandbar_private_dir_write_file (old, "profile.sb", "x", 1, 0600, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir (other, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (open_mode, 0755), ==, 0);
  g_assert_cmpint (utimensat (AT_FDCWD, old_path, times, 0), ==, 0);
  g_assert_cmpint (utimensat (AT_FDCWD, other, times, 0), ==, 0);
  g_assert_cmpint (utimensat (AT_FDCWD, open_mode, times, 0), ==, 0);

  g_assert_cmpuint (sandbar_private_dir_clean_stale (fixture->parent, 3600), ==, 1);
  g_assert_false (g_file_test (old_path, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (sandbar_private_dir_get_path (fresh), G_FILE_TEST_IS_DIR));
  g_assert_true (g_file_test (other, G_FILE_TEST_IS_DIR));
  g_assert_true (g_file_test (open_mode, G_FILE_TEST_IS_DIR));

  g_assert_cmpint (g_rmdir (other), ==, 0);
  g_assert_cmpint (g_rmdir (open_mode), ==, 0);
  g_assert_cmpint (g_rmdir (sandbar_private_dir_get_path (fresh)), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/sandbar/private-dir/" name, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)

  ADD ("new", test_new);
  ADD ("default-parent", test_default_parent);
  ADD ("new-fails", test_new_fails);
  ADD ("refuses-wrong-mode", test_refuses_wrong_mode);
  ADD ("write-file", test_write_file);
  ADD ("bad-names", test_bad_names);
  ADD ("refuses-symlink", test_refuses_symlink);
  ADD ("swapped-for-symlink", test_swapped_for_symlink);
  ADD ("remove", test_remove);
  ADD ("keep", test_keep);
  ADD ("clean-stale", test_clean_stale);

#undef ADD

  return g_test_run ();
}
