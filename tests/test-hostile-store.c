/* test-hostile-store.c — the profile store on hostile files and failing disks
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every case ends in a clear error (naming the file or folder) or a
 * correct result, never a crash, a hang (meson's timeout, and time limits
 * here) or a file changed behind the user's back: each case compares the
 * folder's every entry — type, size, bytes, mtime, inode — before and
 * after. test-profile-store.c covers the ordinary cases (a FIFO, a
 * folder, a file over 1 MiB, invalid UTF-8 in a value, a symlinked file,
 * a missing folder); this file adds read-only and full disks, odd
 * profiles folders, and files that are large in other ways.
 *
 * Read-only and full disks need a mount. As root, the case runs in a
 * child process with a private mount namespace (unshare (CLONE_NEWNS)): a
 * read-only bind mount of the profiles folder, or a 64 KiB tmpfs. Root
 * ignores file modes, so chmod cannot stand in for either there; without
 * root, the read-only case uses chmod 0500 instead, and the full-disk case
 * is skipped (an unprivileged user cannot mount a small file system
 * without a user namespace, which would make the files' owner unknown).
 */

/* unshare() and CLONE_NEWNS */
#define _GNU_SOURCE

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sched.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sandbar-profile-store-private.h"

static const char good_text[] =
  "# Written by hand\n"
  "[Profile]\n"
  "Version=1\n"
  "Name=Good\n"
  "\n"
  "[UnixSockets]\n"
  "Access=allowlist\n"
  "Paths=/var/run/docker.sock;\n"
  "\n"
  "[X-Extra]\n"
  "Kept=yes\n";

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */
/* ---------------------------------------------------------------------- */

static char *
profiles_dir (void)
{
  return g_build_filename (g_get_home_dir (), "profiles", NULL);
}

static char *
write_file (const char *dir,
            const char *name,
            const char *text,
            gssize      length)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, length, &error);
  g_assert_no_error (error);
  return path;
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* Every entry of @dir (not recursive), sorted: name, type, mode, size,
 * mtime to the nanosecond, inode, and a digest of the bytes of regular
 * files. Two equal snapshots mean nothing in @dir was touched. */
static char *
snapshot (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *digest = NULL;
      struct stat st;

      g_assert_no_errno (lstat (path, &st));
      if (S_ISREG (st.st_mode))
        {
          g_autofree char *contents = NULL;
          gsize length;

          g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
          digest = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents,
                                                length);
        }
      g_ptr_array_add (lines, g_strdup_printf ("%s mode=%o size=%" G_GINT64_FORMAT
                                               " mtime=%" G_GINT64_FORMAT ".%09ld"
                                               " ino=%" G_GUINT64_FORMAT " sha256=%s",
                                               name, (guint) st.st_mode, (gint64) st.st_size,
                                               (gint64) st.st_mtim.tv_sec, st.st_mtim.tv_nsec,
                                               (guint64) st.st_ino, digest ? digest : "-"));
    }

  g_ptr_array_sort (lines, compare_lines);
  g_ptr_array_add (lines, NULL);
  return g_strjoinv ("\n", (char **) lines->pdata);
}

static guint
n_items (SandbarProfileStore *store)
{
  return g_list_model_get_n_items (G_LIST_MODEL (store));
}

static guint
n_problems (SandbarProfileStore *store)
{
  return sandbar_profile_store_get_problems (store)->len;
}

static SandbarLoadProblem *
problem (SandbarProfileStore *store,
         guint                i)
{
  return g_ptr_array_index (sandbar_profile_store_get_problems (store), i);
}

/* Loads @dir, and takes no more than @max_seconds to do it. */
static SandbarProfileStore *
load_store (const char *dir,
            double      max_seconds)
{
  SandbarProfileStore *store = sandbar_profile_store_new (dir);
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  double seconds;

  g_assert_true (sandbar_profile_store_load (store, &error));
  g_assert_no_error (error);
  seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  g_test_message ("loaded %s in %.2f s", dir, seconds);
  g_assert_cmpfloat (seconds, <, max_seconds);
  return store;
}

/* Whether this process may make a private mount namespace (root, and a
 * kernel and container that allow it). Probed in a child, so that this
 * process keeps the host's mounts. */
static gboolean
can_mount_privately (void)
{
  pid_t pid;
  int status;

  if (geteuid () != 0)
    return FALSE;

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    _exit (unshare (CLONE_NEWNS) == 0 ? 0 : 1);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  return WIFEXITED (status) && WEXITSTATUS (status) == 0;
}

/* In a subprocess: a mount namespace of its own, whose mounts are not
 * shared back with the host. */
static void
enter_private_mount_namespace (void)
{
  g_assert_no_errno (unshare (CLONE_NEWNS));
  g_assert_no_errno (mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL));
}

/* Runs this test again in a subprocess (for a mount namespace of its own)
 * and requires that it passed. */
static void
run_in_subprocess (void)
{
  g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* ---------------------------------------------------------------------- */
/* Read-only profiles folder                                              */
/* ---------------------------------------------------------------------- */

/* Makes @dir read-only: a read-only bind mount as root (in the private
 * namespace of this subprocess), chmod 0500 otherwise. */
static void
make_read_only (const char *dir)
{
  if (geteuid () == 0)
    {
      enter_private_mount_namespace ();
      g_assert_no_errno (mount (dir, dir, NULL, MS_BIND, NULL));
      g_assert_no_errno (mount (NULL, dir, NULL, MS_REMOUNT | MS_BIND | MS_RDONLY, NULL));
    }
  else
    g_assert_no_errno (g_chmod (dir, 0500));
}

static void
assert_failed_naming (GError     *error,
                      const char *path)
{
  g_assert_error (error, SANDBAR_STORE_ERROR, SANDBAR_STORE_ERROR_FAILED);
  g_test_message ("error: %s", error->message);
  if (strstr (error->message, path) == NULL)
    g_error ("“%s” does not name “%s”", error->message, path);
}

/* Profiles load and can be read; saving, creating and deleting fail with
 * an error that names the file, and leave every file as it was. */
static void
test_read_only_dir (void)
{
  g_autofree char *dir = profiles_dir ();
  g_autofree char *good = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(SandbarProfileStore) store = NULL;
  g_autoptr(SandbarProfile) fresh = NULL;
  g_autoptr(GBytes) deleted = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *conflict_id = NULL;
  SandbarProfile *profile;

  if (geteuid () == 0 && !g_test_subprocess ())
    {
      if (!can_mount_privately ())
        {
          g_test_skip ("root, but no private mount namespace for a read-only bind mount");
          return;
        }
      run_in_subprocess ();
      return;
    }

  g_assert_no_errno (g_mkdir_with_parents (dir, 0700));
  good = write_file (dir, "good.sandbar", good_text, -1);
  g_free (write_file (dir, "broken.sandbar", "[Profile\n", -1));
  make_read_only (dir);
  before = snapshot (dir);

  store = load_store (dir, 10);
  g_assert_cmpuint (n_items (store), ==, 1);
  g_assert_cmpuint (n_problems (store), ==, 1);
  profile = sandbar_profile_store_lookup (store, "good");
  g_assert_nonnull (profile);

  sandbar_profile_set_description (profile, "An edit that cannot be saved");
  g_assert_false (sandbar_profile_store_save (store, profile, &conflict_id, &error));
  assert_failed_naming (error, good);
  g_assert_null (conflict_id);
  g_clear_error (&error);

  fresh = sandbar_profile_new ("fresh");
  sandbar_profile_set_name (fresh, "Fresh");
  g_assert_false (sandbar_profile_store_create (store, fresh, &error));
  g_assert_error (error, SANDBAR_STORE_ERROR, SANDBAR_STORE_ERROR_FAILED);
  g_test_message ("create: %s", error->message);
  g_assert_nonnull (strstr (error->message, "fresh.sandbar"));
  g_assert_null (sandbar_profile_store_lookup (store, "fresh"));
  g_clear_error (&error);

  /* Delete, through the trash and through Sandbar's own fallback (the
   * .deleted folder). GIO's g_file_trash() in GLib 2.74 leaks two strings
   * when it fails like this, which the sanitizer run would report: there,
   * only the fallback is tried. */
#ifndef __SANITIZE_ADDRESS__
  deleted = sandbar_profile_store_delete (store, "good", &error);
  g_assert_null (deleted);
  assert_failed_naming (error, good);
  g_assert_nonnull (sandbar_profile_store_lookup (store, "good"));
  g_clear_error (&error);
#endif
  _sandbar_profile_store_set_use_trash (store, FALSE);
  deleted = sandbar_profile_store_delete (store, "good", &error);
  g_assert_null (deleted);
  g_assert_error (error, SANDBAR_STORE_ERROR, SANDBAR_STORE_ERROR_FAILED);
  g_test_message ("delete: %s", error->message);
  g_assert_nonnull (sandbar_profile_store_lookup (store, "good"));
  g_clear_error (&error);

  after = snapshot (dir);
  g_assert_cmpstr (after, ==, before);

  if (geteuid () != 0)
    g_assert_no_errno (g_chmod (dir, 0700));
}

/* ---------------------------------------------------------------------- */
/* Full disk                                                              */
/* ---------------------------------------------------------------------- */

/* Fills the file system of @dir with a file named @name until ENOSPC. */
static void
fill_disk (const char *dir,
           const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  char block[4096];
  int fd;

  memset (block, 'x', sizeof block);
  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL, 0600);
  g_assert_cmpint (fd, >=, 0);
  for (gsize size = 1; size > 0;)
    {
      ssize_t n = write (fd, block, size);

      if (n < 0 && errno == ENOSPC)
        size /= 2;
      else
        g_assert_cmpint (n, >, 0);
    }
  g_assert_no_errno (close (fd));
}

/* A save on a full disk fails with ENOSPC in the message and leaves the
 * file whole and no temporary file behind; so does a create. With space
 * again, the same save succeeds. */
static void
test_full_disk (void)
{
  g_autofree char *dir = profiles_dir ();
  g_autofree char *good = NULL;
  g_autofree char *filler = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *long_description = g_strnfill (16 * 1024, 'd');
  g_autoptr(SandbarProfileStore) store = NULL;
  g_autoptr(SandbarProfile) fresh = NULL;
  g_autoptr(SandbarProfileStore) again = NULL;
  g_autoptr(GError) error = NULL;
  SandbarProfile *profile;

  if (!g_test_subprocess ())
    {
      if (!can_mount_privately ())
        {
          g_test_skip ("needs root and a private mount namespace for a small tmpfs");
          return;
        }
      run_in_subprocess ();
      return;
    }

  g_assert_no_errno (g_mkdir_with_parents (dir, 0700));
  enter_private_mount_namespace ();
  g_assert_no_errno (mount ("tmpfs", dir, "tmpfs", MS_NOSUID | MS_NODEV,
                            "size=64k,mode=0700"));

  good = write_file (dir, "good.sandbar", good_text, -1);
  store = load_store (dir, 10);
  profile = sandbar_profile_store_lookup (store, "good");
  g_assert_nonnull (profile);

  fill_disk (dir, "filler");
  filler = g_build_filename (dir, "filler", NULL);
  before = snapshot (dir);

  sandbar_profile_set_description (profile, long_description);
  g_assert_false (sandbar_profile_store_save (store, profile, NULL, &error));
  assert_failed_naming (error, good);
  g_assert_nonnull (strstr (error->message, g_strerror (ENOSPC)));
  g_clear_error (&error);

  fresh = sandbar_profile_new ("fresh");
  sandbar_profile_set_name (fresh, "Fresh");
  sandbar_profile_set_description (fresh, long_description);
  g_assert_false (sandbar_profile_store_create (store, fresh, &error));
  g_assert_error (error, SANDBAR_STORE_ERROR, SANDBAR_STORE_ERROR_FAILED);
  g_test_message ("create: %s", error->message);
  g_assert_nonnull (strstr (error->message, g_strerror (ENOSPC)));
  g_clear_error (&error);

  after = snapshot (dir);
  g_assert_cmpstr (after, ==, before);

  /* Space again: the edit, which the model kept, saves and reads back. */
  g_assert_no_errno (g_unlink (filler));
  g_assert_true (sandbar_profile_store_save (store, profile, NULL, &error));
  g_assert_no_error (error);
  again = load_store (dir, 10);
  g_assert_cmpstr (sandbar_profile_get_description (sandbar_profile_store_lookup (again, "good")),
                   ==, long_description);
}

/* ---------------------------------------------------------------------- */
/* Odd profiles folders                                                   */
/* ---------------------------------------------------------------------- */

/* A profiles folder that is a symlink to a folder elsewhere (a dotfiles
 * repository) works through the link: the edit lands in the target, the
 * link stays a link, nothing appears beside it. */
static void
test_symlinked_dir (void)
{
  g_autofree char *dir = profiles_dir ();
  g_autofree char *target = g_build_filename (g_get_home_dir (), "dotfiles", "profiles", NULL);
  g_autofree char *home_before = NULL;
  g_autofree char *home_after = NULL;
  g_autofree char *link_target = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *in_target = NULL;
  g_autoptr(SandbarProfileStore) store = NULL;
  g_autoptr(GError) error = NULL;
  SandbarProfile *profile;

  g_assert_no_errno (g_mkdir_with_parents (target, 0700));
  in_target = write_file (target, "good.sandbar", good_text, -1);
  g_assert_no_errno (symlink ("dotfiles/profiles", dir));
  home_before = snapshot (g_get_home_dir ());

  store = load_store (dir, 10);
  g_assert_cmpuint (n_items (store), ==, 1);
  g_assert_false (sandbar_profile_store_get_seeded (store));
  profile = sandbar_profile_store_lookup (store, "good");
  sandbar_profile_set_description (profile, "Through a linked folder");
  g_assert_true (sandbar_profile_store_save (store, profile, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_test (dir, G_FILE_TEST_IS_SYMLINK));
  link_target = g_file_read_link (dir, NULL);
  g_assert_cmpstr (link_target, ==, "dotfiles/profiles");
  g_assert_true (g_file_get_contents (in_target, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "Description=Through a linked folder\n"));
  g_assert_nonnull (strstr (contents, "[X-Extra]\nKept=yes\n"));
  home_after = snapshot (g_get_home_dir ());
  g_assert_cmpstr (home_after, ==, home_before);
}

/* A profiles folder that is a dangling symlink is neither followed to
 * create its target nor replaced: a clear error naming the folder. */
static void
test_dangling_symlink_dir (void)
{
  g_autofree char *dir = profiles_dir ();
  g_autofree char *nowhere = g_build_filename (g_get_home_dir (), "nowhere", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(SandbarProfileStore) store = sandbar_profile_store_new (dir);
  g_autoptr(GError) error = NULL;

  g_assert_no_errno (g_mkdir_with_parents (g_get_home_dir (), 0700));
  g_assert_no_errno (symlink ("nowhere", dir));
  before = snapshot (g_get_home_dir ());

  g_assert_false (sandbar_profile_store_load (store, &error));
  assert_failed_naming (error, dir);
  g_assert_cmpuint (n_items (store), ==, 0);
  g_assert_true (g_file_test (dir, G_FILE_TEST_IS_SYMLINK));
  g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));
  after = snapshot (g_get_home_dir ());
  g_assert_cmpstr (after, ==, before);
}

/* A missing profiles folder whose parent is read-only: nothing can be
 * seeded, which is an error naming the folder, not a crash. */
static void
test_missing_dir_read_only_parent (void)
{
  g_autofree char *parent = g_build_filename (g_get_home_dir (), "config", NULL);
  g_autofree char *dir = g_build_filename (parent, "profiles", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(SandbarProfileStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (geteuid () == 0 && !g_test_subprocess ())
    {
      if (!can_mount_privately ())
        {
          g_test_skip ("root, but no private mount namespace for a read-only bind mount");
          return;
        }
      run_in_subprocess ();
      return;
    }

  g_assert_no_errno (g_mkdir_with_parents (parent, 0700));
  make_read_only (parent);
  before = snapshot (parent);

  store = sandbar_profile_store_new (dir);
  g_assert_false (sandbar_profile_store_load (store, &error));
  assert_failed_naming (error, dir);
  g_assert_cmpuint (n_items (store), ==, 0);
  after = snapshot (parent);
  g_assert_cmpstr (after, ==, before);

  if (geteuid () != 0)
    g_assert_no_errno (g_chmod (parent, 0700));
}

/* ---------------------------------------------------------------------- */
/* Hostile profile files                                                  */
/* ---------------------------------------------------------------------- */

typedef struct
{
  const char *name;
  /* The bytes of hostile.sandbar; free with g_free(). */
  char     *(*make) (gsize *length);
  /* Part of the problem's message, or NULL when the file must load. */
  const char *message_part;
  /* The line the problem names (0: the whole file). */
  guint       line;
} HostileCase;

/* 10 MB: a key file of comments, far over the 1 MiB limit. */
static char *
make_ten_megabytes (gsize *length)
{
  GString *text = g_string_new ("[Profile]\nVersion=1\nName=Huge\n");

  while (text->len < 10 * 1000 * 1000)
    g_string_append (text, "# padding padding padding padding padding padding padding\n");
  *length = text->len;
  return g_string_free (text, FALSE);
}

/* 100,000 Unix sockets, short enough to stay under 1 MiB: a valid
 * profile, which must load in reasonable time. */
static char *
make_many_sockets (gsize *length)
{
  GString *text = g_string_new ("[Profile]\nVersion=1\nName=Many\n\n"
                                "[UnixSockets]\nAccess=allowlist\nPaths=");

  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (text, "/s/%x;", i);
  g_string_append_c (text, '\n');
  g_assert_cmpuint (text->len, <, 1024 * 1024);
  *length = text->len;
  return g_string_free (text, FALSE);
}

/* 100,000 realistic socket paths: over 1 MiB, refused as too large. */
static char *
make_many_long_sockets (gsize *length)
{
  GString *text = g_string_new ("[Profile]\nVersion=1\nName=Many\n\n"
                                "[UnixSockets]\nAccess=allowlist\nPaths=");

  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (text, "/run/user/1000/sock-%06u;", i);
  g_string_append_c (text, '\n');
  g_assert_cmpuint (text->len, >, 1024 * 1024);
  *length = text->len;
  return g_string_free (text, FALSE);
}

static char *
make_invalid_utf8_comment (gsize *length)
{
  static const char text[] = "# caf\xe9 au lait\n[Profile]\nVersion=1\nName=Comment\n";

  *length = sizeof text - 1;
  return g_memdup2 (text, sizeof text - 1);
}

static char *
make_invalid_utf8_group (gsize *length)
{
  static const char text[] = "[Profile]\nVersion=1\nName=Group\n[X-\xff\xfe]\nKey=v\n";

  *length = sizeof text - 1;
  return g_memdup2 (text, sizeof text - 1);
}

static char *
make_overlong_utf8 (gsize *length)
{
  /* "/" as an overlong two-byte sequence: a classic path-check bypass. */
  static const char text[] = "[Profile]\nVersion=1\nName=X\n[Filesystem]\n"
                             "DenyRead=/home\xc0\xafu;\n";

  *length = sizeof text - 1;
  return g_memdup2 (text, sizeof text - 1);
}

static char *
make_nul_byte (gsize *length)
{
  static const char text[] = "[Profile]\nVersion=1\nName=Nul\0/etc\n";

  *length = sizeof text - 1;
  return g_memdup2 (text, sizeof text - 1);
}

static char *
make_long_line (gsize *length)
{
  /* One line of 900 KB: under the limit, one huge value. */
  GString *text = g_string_new ("[Profile]\nVersion=1\nName=");

  while (text->len < 900 * 1000)
    g_string_append (text, "long name ");
  g_string_append_c (text, '\n');
  *length = text->len;
  return g_string_free (text, FALSE);
}

static char *
make_many_groups (gsize *length)
{
  /* 40,000 unknown groups: they are kept, and must not make loading slow. */
  GString *text = g_string_new ("[Profile]\nVersion=1\nName=Groups\n");

  for (guint i = 0; i < 40000; i++)
    g_string_append_printf (text, "[X-%u]\nk=v\n", i);
  g_assert_cmpuint (text->len, <, 1024 * 1024);
  *length = text->len;
  return g_string_free (text, FALSE);
}

static const HostileCase hostile_cases[] = {
  { "ten-megabytes", make_ten_megabytes, "1 MiB", 0 },
  { "many-sockets", make_many_sockets, NULL, 0 },
  { "many-long-sockets", make_many_long_sockets, "1 MiB", 0 },
  { "invalid-utf8-comment", make_invalid_utf8_comment, "UTF-8", 1 },
  { "invalid-utf8-group", make_invalid_utf8_group, "UTF-8", 4 },
  { "overlong-utf8", make_overlong_utf8, "UTF-8", 5 },
  /* g_utf8_validate() stops at NUL: reported as not UTF-8, on its line. */
  { "nul-byte", make_nul_byte, "UTF-8", 3 },
  { "long-line", make_long_line, NULL, 0 },
  { "many-groups", make_many_groups, NULL, 0 },
};

/* The hostile file loads correctly or is reported (with the file's
 * path), the other profile loads either way, and no file changes. */
static void
test_hostile_file (gconstpointer data)
{
  const HostileCase *hostile = data;
  g_autofree char *dir = profiles_dir ();
  g_autofree char *text = NULL;
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(SandbarProfileStore) store = NULL;
  gsize length;

  g_assert_no_errno (g_mkdir_with_parents (dir, 0700));
  g_free (write_file (dir, "good.sandbar", good_text, -1));
  text = hostile->make (&length);
  path = write_file (dir, "hostile.sandbar", text, length);
  before = snapshot (dir);

  /* Generous for a sanitizer build on a busy machine; a quadratic loader
   * would take minutes. */
  store = load_store (dir, 20);
  g_assert_nonnull (sandbar_profile_store_lookup (store, "good"));

  if (hostile->message_part == NULL)
    {
      g_assert_cmpuint (n_problems (store), ==, 0);
      g_assert_cmpuint (n_items (store), ==, 2);
      g_assert_nonnull (sandbar_profile_store_lookup (store, "hostile"));
    }
  else
    {
      SandbarLoadProblem *reported;

      g_assert_cmpuint (n_items (store), ==, 1);
      g_assert_cmpuint (n_problems (store), ==, 1);
      reported = problem (store, 0);
      g_test_message ("%s:%u: %s", reported->path, reported->line, reported->message);
      g_assert_cmpstr (reported->path, ==, path);
      g_assert_cmpuint (reported->line, ==, hostile->line);
      g_assert_true (g_utf8_validate (reported->message, -1, NULL));
      if (strstr (reported->message, hostile->message_part) == NULL)
        g_error ("“%s” does not say “%s”", reported->message, hostile->message_part);
    }

  after = snapshot (dir);
  g_assert_cmpstr (after, ==, before);
}

/* The profile of 100,000 sockets also saves, atomically and in
 * reasonable time, and reads back equal. */
static void
test_many_sockets_save (void)
{
  g_autofree char *dir = profiles_dir ();
  g_autofree char *text = NULL;
  g_autoptr(SandbarProfileStore) store = NULL;
  g_autoptr(SandbarProfileStore) again = NULL;
  g_autoptr(GError) error = NULL;
  SandbarProfile *profile;
  gsize length;
  gint64 start;

  g_assert_no_errno (g_mkdir_with_parents (dir, 0700));
  text = make_many_sockets (&length);
  g_free (write_file (dir, "many.sandbar", text, length));
  store = load_store (dir, 20);
  profile = sandbar_profile_store_lookup (store, "many");
  g_assert_cmpuint (sandbar_profile_get_socket_rules (profile)->len, ==, 100000);

  start = g_get_monotonic_time ();
  sandbar_profile_set_description (profile, "Saved again");
  g_assert_true (sandbar_profile_store_save (store, profile, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 20 * G_USEC_PER_SEC);

  again = load_store (dir, 20);
  g_assert_true (sandbar_profile_equal (profile, sandbar_profile_store_lookup (again, "many")));
}

int
main (int   argc,
      char *argv[])
{
  umask (022);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/sandbar/hostile-store/read-only-dir", test_read_only_dir);
  g_test_add_func ("/sandbar/hostile-store/full-disk", test_full_disk);
  g_test_add_func ("/sandbar/hostile-store/symlinked-dir", test_symlinked_dir);
  g_test_add_func ("/sandbar/hostile-store/dangling-symlink-dir", test_dangling_symlink_dir);
  g_test_add_func ("/sandbar/hostile-store/missing-dir-read-only-parent",
                   test_missing_dir_read_only_parent);
  for (guint i = 0; i < G_N_ELEMENTS (hostile_cases); i++)
    {
      g_autofree char *path = g_strconcat ("/sandbar/hostile-store/file/", hostile_cases[i].name,
                                           NULL);

      g_test_add_data_func (path, &hostile_cases[i], test_hostile_file);
    }
  g_test_add_func ("/sandbar/hostile-store/many-sockets-save", test_many_sockets_save);

  return g_test_run ();
}
