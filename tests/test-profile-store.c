/* test-profile-store.c — the saved profiles, one file each
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sandbar-profile-store-private.h"
#include "sandbar-templates.h"

/* This test program, run again as the writer of the atomicity test. */
static char *self_path;

/* A hand-written profile with everything a save must keep: comments, an
 * unknown key in a known group and an unknown group. */
static const char mine_text[] =
  "# My own comment, on top\n"
  "[Profile]\n"
  "Version=1\n"
  "Name=Mine\n"
  "Description=As written by hand\n"
  "X-Unknown=kept\n"
  "\n"
  "[Filesystem]\n"
  "# roots only\n"
  "WriteAccess=roots\n"
  "DenyRead=~/.ssh;\n"
  "\n"
  "# about the extra group\n"
  "[X-Extra]\n"
  "Color=blue\n";

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */
/* ---------------------------------------------------------------------- */

static char *
profiles_dir (void)
{
  return g_build_filename (g_get_home_dir (), "profiles", NULL);
}

/* A profiles folder that exists, so that nothing is seeded. */
static char *
make_profiles_dir (void)
{
  char *dir = profiles_dir ();

  g_assert_no_errno (g_mkdir_with_parents (dir, 0700));
  return dir;
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

static char *
profile_text (const char *name)
{
  return g_strdup_printf ("[Profile]\nVersion=1\nName=%s\n", name);
}

static SandbarProfileStore *
load_store (const char *dir)
{
  SandbarProfileStore *store = sandbar_profile_store_new (dir);
  g_autoptr(GError) error = NULL;

  g_assert_true (sandbar_profile_store_load (store, &error));
  g_assert_no_error (error);
  return store;
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static void
assert_file_equals (const char *path,
                    const char *text,
                    gssize      length)
{
  g_autoptr(GBytes) bytes = read_bytes (path);

  if (length < 0)
    length = strlen (text);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), text, length);
}

static void
assert_file_contains (const char *path,
                      const char *part)
{
  g_autofree char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  if (strstr (contents, part) == NULL)
    g_error ("“%s” does not contain “%s”:\n%s", path, part, contents);
}

static int
compare_names (const void *a,
               const void *b)
{
  return strcmp (*(char * const *)a, *(char * const *)b);
}

static GStrv
list_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;
  const char *name;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    g_strv_builder_add (builder, name);
  names = g_strv_builder_end (builder);
  qsort (names, g_strv_length (names), sizeof (char *), compare_names);
  return g_steal_pointer (&names);
}

static guint
file_mode (const char *path)
{
  struct stat st;

  g_assert_no_errno (stat (path, &st));
  return st.st_mode & 07777;
}


static void
iterate_briefly (void)
{
  if (!g_main_context_iteration (NULL, FALSE))
    g_usleep (2000);
}

/* Gives late events the chance to arrive, to check that none do. */
static void
spin (guint milliseconds)
{
  gint64 end = g_get_monotonic_time () + milliseconds * 1000;

  while (g_get_monotonic_time () < end)
    iterate_briefly ();
}

typedef struct
{
  guint n_signals;
  guint position;
  guint removed;
  guint added;
} ItemsChanged;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    user_data)
{
  ItemsChanged *changed = user_data;

  changed->n_signals++;
  changed->position = position;
  changed->removed = removed;
  changed->added = added;
}

static void
on_counter (gpointer  instance,
            gpointer  user_data)
{
  (*(guint *)user_data)++;
}

static SandbarProfile *
item (SandbarProfileStore *store,
      guint                position)
{
  g_autoptr(SandbarProfile) profile = g_list_model_get_item (G_LIST_MODEL (store), position);

  /* The store keeps its reference. */
  return profile;
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

/* The ids of the list, in list order, joined with spaces. */
static char *
list_ids (SandbarProfileStore *store)
{
  GString *ids = g_string_new (NULL);

  for (guint i = 0; i < n_items (store); i++)
    g_string_append_printf (ids, "%s%s", i > 0 ? " " : "",
                            sandbar_profile_get_id (item (store, i)));
  return g_string_free (ids, FALSE);
}

/* Everything a file's users could notice: its type, bytes and mtime. */
typedef struct
{
  GFileType  type;
  guint64    mtime;
  guint32    mtime_usec;
  guint64    inode;
  GBytes    *bytes;
} Snapshot;

static void
snapshot_clear (Snapshot *snapshot)
{
  g_clear_pointer (&snapshot->bytes, g_bytes_unref);
}

static void
snapshot_take (Snapshot   *snapshot,
               const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  info = g_file_query_info (file, "standard::type,time::modified,time::modified-usec,unix::inode",
                            G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, &error);
  g_assert_no_error (error);
  snapshot->type = g_file_info_get_file_type (info);
  snapshot->mtime = g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED);
  snapshot->mtime_usec = g_file_info_get_attribute_uint32 (info,
                                                           G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC);
  snapshot->inode = g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_UNIX_INODE);
  snapshot->bytes = snapshot->type == G_FILE_TYPE_REGULAR ? read_bytes (path) : NULL;
}

static void
assert_unchanged (const Snapshot *before,
                  const char     *path)
{
  Snapshot after = { 0, };

  snapshot_take (&after, path);
  g_assert_cmpint (after.type, ==, before->type);
  g_assert_cmpuint (after.mtime, ==, before->mtime);
  g_assert_cmpuint (after.mtime_usec, ==, before->mtime_usec);
  g_assert_cmpuint (after.inode, ==, before->inode);
  if (before->bytes != NULL)
    g_assert_true (g_bytes_equal (after.bytes, before->bytes));
  snapshot_clear (&after);
}

/* ---------------------------------------------------------------------- */
/* Folder                                                                 */
/* ---------------------------------------------------------------------- */

static void
test_default_directory (void)
{
  g_autofree char *fallback = g_build_filename (g_get_user_config_dir (), "sandbar", "profiles",
                                                NULL);
  g_autofree char *dir = NULL;
  g_autoptr(SandbarProfileStore) store = NULL;

  g_setenv ("SANDBAR_PROFILES_DIR", "/some/where/profiles", TRUE);
  dir = sandbar_profile_store_default_directory ();
  g_assert_cmpstr (dir, ==, "/some/where/profiles");
  store = sandbar_profile_store_new (NULL);
  g_assert_cmpstr (sandbar_profile_store_get_directory (store), ==, "/some/where/profiles");
  g_clear_object (&store);
  g_clear_pointer (&dir, g_free);

  /* Set but empty is not set. */
  g_setenv ("SANDBAR_PROFILES_DIR", "", TRUE);
  dir = sandbar_profile_store_default_directory ();
#if !SANDBAR_OS_MACOS
  g_assert_cmpstr (dir, ==, fallback);
#endif
  g_clear_pointer (&dir, g_free);

  g_unsetenv ("SANDBAR_PROFILES_DIR");
  dir = sandbar_profile_store_default_directory ();
#if SANDBAR_OS_MACOS
  g_assert_true (g_str_has_suffix (dir, "/Library/Application Support/Sandbar/Profiles"));
#else
  g_assert_cmpstr (dir, ==, fallback);
#endif
  store = sandbar_profile_store_new (NULL);
  g_assert_cmpstr (sandbar_profile_store_get_directory (store), ==, dir);
}

/* First run: the folder (and its parents) is created private and holds
 * every template, byte for byte. */
static void
test_seed_missing_dir (void)
{
  g_autofree char *parent = g_build_filename (g_get_home_dir (), "a", "b", NULL);
  g_autofree char *dir = g_build_filename (parent, "profiles", NULL);
  g_autoptr(SandbarProfileStore) store = NULL;
  g_auto(GStrv) ids = sandbar_templates_list_ids ();
  g_auto(GStrv) names = NULL;
  g_autofree char *listed = NULL;
  guint n_ids = g_strv_length (ids);

  g_assert_cmpuint (n_ids, ==, 5);
  store = load_store (dir);
  g_assert_true (sandbar_profile_store_get_seeded (store));
  g_assert_cmpuint (file_mode (dir), ==, 0700);
  g_assert_cmpuint (file_mode (parent), ==, 0700);
  g_assert_cmpuint (n_items (store), ==, n_ids);
  g_assert_cmpuint (n_problems (store), ==, 0);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(GBytes) template = sandbar_templates_lookup (ids[i], NULL);
      g_autofree char *path = sandbar_profile_store_get_path (store, ids[i]);
      g_autoptr(GBytes) on_disk = read_bytes (path);

      g_assert_true (g_bytes_equal (on_disk, template));
      g_assert_nonnull (sandbar_profile_store_lookup (store, ids[i]));
    }

  /* Nothing but the templates. */
  names = list_dir (dir);
  g_assert_cmpuint (g_strv_length (names), ==, n_ids);

  /* The second run does not seed again. */
  g_assert_finalize_object (g_steal_pointer (&store));
  store = load_store (dir);
  g_assert_false (sandbar_profile_store_get_seeded (store));
  g_assert_cmpuint (n_items (store), ==, n_ids);

  /* Sorted by name: "Docker only" < "Full network…" < "Git over SSH" <
   * "Read-only inspector" < "Shell, no network". */
  listed = list_ids (store);
  g_assert_cmpstr (listed, ==, "docker-only full-network-project-writes git-over-ssh "
                               "read-only-inspector shell-no-network");
}

/* A user who deleted every profile does not get the templates back. */
static void
test_no_seed_empty_dir (void)
{
  g_autofree char *dir = make_profiles_dir ();
  g_autoptr(SandbarProfileStore) store = load_store (dir);
  g_auto(GStrv) names = list_dir (dir);

  g_assert_false (sandbar_profile_store_get_seeded (store));
  g_assert_cmpuint (n_items (store), ==, 0);
  g_assert_cmpuint (g_strv_length (names), ==, 0);
}

static void
test_not_a_folder (void)
{
  g_autofree char *dir = profiles_dir ();
  g_autoptr(SandbarProfileStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_no_errno (g_mkdir_with_parents (g_get_home_dir (), 0700));
  g_assert_true (g_file_set_contents (dir, "", 0, NULL));
  store = sandbar_profile_store_new (dir);
  g_assert_false (sandbar_profile_store_load (store, &error));
  g_assert_error (error, SANDBAR_STORE_ERROR, SANDBAR_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, dir));
}

/* Other names, hidden files and the temporary files of atomic writes are
 * not profiles, and not problems either. */
static void
test_ignored_files (void)
{
  g_autofree char *dir = make_profiles_dir ();
  g_autofree char *text = profile_text ("Ignored");
  g_autoptr(SandbarProfileStore) store = NULL;
  static const char * const names[] = {
    ".hidden.sandbar", ".mine.sandbar.Ab12Cd", "mine.sandbar.Ab12Cd", "notes.txt",
    "mine.sandbar~", "mine.sandbar.bak", ".sandbar", NULL
  };

  for (guint i = 0; names[i] != NULL; i++)
    g_free (write_file (dir, names[i], text, -1));

  store = load_store (dir);
  g_assert_cmpuint (n_items (store), ==, 0);
  g_assert_cmpuint (n_problems (store), ==, 0);
}

/* ---------------------------------------------------------------------- */
/* The list                                                               */
/* ---------------------------------------------------------------------- */

static void
test_order (void)
{
  g_autofree char *dir = make_profiles_dir ();
  g_autoptr(SandbarProfileStore) store = sandbar_profile_store_new (dir);
  g_autoptr(GError) error = NULL;
  ItemsChanged changed = { 0, };
  g_autofree char *listed = NULL;
  static const struct { const char *id; const char *name; } files[] = {
    { "a", "Zulu" }, { "b", "beta" }, { "c", "alpha" }, { "d", "Alpha" }, { "e", "ALPHA" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *name = g_strconcat (files[i].id, ".sandbar", NULL);
      g_autofree char *text = profile_text (files[i].name);

      g_free (write_file (dir, name, text, -1));
    }

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (store)) == SANDBAR_TYPE_PROFILE);
  g_signal_connect (store, "items-changed", G_CALLBACK (on_items_changed), &changed);
  g_assert_true (sandbar_profile_store_load (store, &error));
  g_assert_no_error (error);

  /* Loading announces everything at once. */
  g_assert_cmpuint (changed.n_signals, ==, 1);
  g_assert_cmpuint (changed.position, ==, 0);
  g_assert_cmpuint (changed.removed, ==, 0);
  g_assert_cmpuint (changed.added, ==, 5);

  /* Case does not matter; the id breaks ties. */
  listed = list_ids (store);
  g_assert_cmpstr (listed, ==, "c d e b a");
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (store), 5));

  /* A rename moves the item, with one signal covering the move. */
  changed = (ItemsChanged) { 0, };
  sandbar_profile_set_name (sandbar_profile_store_lookup (store, "a"), "aardvark");
  g_assert_cmpuint (changed.n_signals, ==, 1);
  g_assert_cmpuint (changed.position, ==, 0);
  g_assert_cmpuint (changed.removed, ==, 5);
  g_assert_cmpuint (changed.added, ==, 5);
  g_clear_pointer (&listed, g_free);
  listed = list_ids (store);
  g_assert_cmpstr (listed, ==, "a c d e b");

  /* A rename that keeps the place changes nothing in the list. */
  changed = (ItemsChanged) { 0, };
  sandbar_profile_set_name (sandbar_profile_store_lookup (store, "b"), "Bravo");
  sandbar_profile_set_description (sandbar_profile_store_lookup (store, "c"), "no move");
  g_assert_cmpuint (changed.n_signals, ==, 0);

  changed = (ItemsChanged) { 0, };
  sandbar_profile_set_name (sandbar_profile_store_lookup (store, "c"), "charlie");
  g_assert_cmpuint (changed.n_signals, ==, 1);
  g_assert_cmpuint (changed.position, ==, 1);
  g_assert_cmpuint (changed.removed, ==, 4);
  g_assert_cmpuint (changed.added, ==, 4);
  g_clear_pointer (&listed, g_free);
  listed = list_ids (store);
  g_assert_cmpstr (listed, ==, "a d e b c");
}

/* ---------------------------------------------------------------------- */
/* Save                                                                   */
/* ---------------------------------------------------------------------- */

static void
test_save_round_trip (void)
{
  g_autofree char *dir = make_profiles_dir ();
  g_autofree char *path = write_file (dir, "mine.sandbar", mine_text, -1);
  g_autoptr(SandbarProfileStore) store = load_store (dir);
  g_autoptr(SandbarProfileStore) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *conflict_id = NULL;
  SandbarProfile *profile = sandbar_profile_store_lookup (store, "mine");
  static const char * const kept[] = {
    "# My own comment, on top\n", "X-Unknown=kept\n", "# roots only\n",
    "# about the extra group\n", "[X-Extra]\nColor=blue\n", "DenyRead=~/.ssh;\n", NULL
  };

  g_assert_nonnull (profile);
  g_assert_cmpstr (sandbar_profile_get_name (profile), ==, "Mine");
  g_assert_cmpuint (file_mode (path), ==, 0644);
  g_assert_no_errno (g_chmod (path, 0600));

  sandbar_profile_set_description (profile, "Edited in Sandbar");
  sandbar_profile_set_network_access (profile, SANDBAR_NETWORK_ACCESS_FULL);
  g_assert_true (sandbar_profile_store_save (store, profile, &conflict_id, &error));
  g_assert_no_error (error);
  g_assert_null (conflict_id);

  assert_file_contains (path, "Description=Edited in Sandbar\n");
  assert_file_contains (path, "[Network]\n");
  for (guint i = 0; kept[i] != NULL; i++)
    assert_file_contains (path, kept[i]);
  g_assert_cmpuint (file_mode (path), ==, 0600);

  /* Load → edit → save once more: still everything there. */
  again = load_store (dir);
  profile = sandbar_profile_store_lookup (again, "mine");
  g_assert_cmpstr (sandbar_profile_get_description (profile), ==, "Edited in Sandbar");
  g_assert_cmpint (sandbar_profile_get_network_access (profile), ==,
                   SANDBAR_NETWORK_ACCESS_FULL);
  sandbar_profile_set_name (profile, "Mine, renamed");
  g_assert_true (sandbar_profile_store_save (again, profile, NULL, &error));
  g_assert_no_error (error);
  assert_file_contains (path, "Name=Mine, renamed\n");
  for (guint i = 0; kept[i] != NULL; i++)
    assert_file_contains (path, kept[i]);
}

/* A save that would write the same bytes writes nothing. */
static void
test_save_unchanged (void)
{
  g_autofree char *dir = make_profiles_dir ();
  g_autofree char *path = write_file (dir, "mine.sandbar", mine_text, -1);
  g_autoptr(SandbarProfileStore) store = load_store (dir);
  g_autoptr(GError) error = NULL;
  SandbarProfile *profile = sandbar_profile_store_lookup (store, "mine");
  Snapshot before = { 0, };

  /* The first save normalizes the file (it adds the keys it lacks). */
  g_assert_true (sandbar_profile_store_save (store, profile, NULL, &error));
  g_assert_no_error (error);

  snapshot_take (&before, path);
  g_usleep (10000);
  g_assert_true (sandbar_profile_store_save (store, profile, NULL, &error));
  g_assert_no_error (error);
  sandbar_profile_set_name (profile, "Other");
  sandbar_profile_set_name (profile, "Mine");
  g_assert_true (sandbar_profile_store_save (store, profile, NULL, &error));
  g_assert_no_error (error);
  assert_unchanged (&before, path);
  snapshot_clear (&before);
}

static void
test_save_invalid (void)
{
  g_autofree char *dir = make_profiles_dir ();
  g_autofree char *path = write_file (dir, "mine.sandbar", mine_text, -1);
  g_autoptr(SandbarProfileStore) store = load_store (dir);
  g_autoptr(SandbarProfile) bad_id = sandbar_profile_new ("Bad Id");
  g_autoptr(GError) error = NULL;
  SandbarProfile *profile = sandbar_profile_store_lookup (store, "mine");
  const char *roots[] = { "relative/path", NULL };

  sandbar_profile_set_writable_roots (profile, roots);
  g_assert_false (sandbar_profile_store_save (store, profile, NULL, &error));
  g_assert_error (error, SANDBAR_STORE_ERROR, SANDBAR_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "relative/path"));
  g_clear_error (&error);
  assert_file_equals (path, mine_text, -1);

  sandbar_profile_set_name (bad_id, "Name");
  g_assert_false (sandbar_profile_store_save (store, bad_id, NULL, &error));
  g_assert_error (error, SANDBAR_STORE_ERROR, SANDBAR_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Bad Id"));
  g_assert_cmpuint (n_items (store), ==, 1);
}

static void
test_create (void)
{
  g_autofree char *dir = make_profiles_dir ();
  g_autoptr(SandbarProfileStore) store = load_store (dir);
  g_autoptr(SandbarProfile) fresh = sandbar_profile_new ("fresh");
  g_autoptr(SandbarProfile) again = sandbar_profile_new ("fresh");
  g_autoptr(SandbarProfile) taken = sandbar_profile_new ("taken");
  g_autoptr(SandbarProfile) saved = sandbar_profile_new ("saved");
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *taken_path = NULL;
  ItemsChanged changed = { 0, };

  g_signal_connect (store, "items-changed", G_CALLBACK (on_items_changed), &changed);

  sandbar_profile_set_name (fresh, "Fresh");
  g_assert_true (sandbar_profile_store_create (store, fresh, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed.n_signals, ==, 1);
  g_assert_true (sandbar_profile_store_lookup (store, "fresh") == fresh);
  path = sandbar_profile_store_get_path (store, "fresh");
  assert_file_contains (path, "Name=Fresh\n");
  g_assert_cmpuint (file_mode (path), ==, 0644);

  /* Taken by a profile… */
  sandbar_profile_set_name (again, "Again");
  g_assert_false (sandbar_profile_store_create (store, again, &error));
  g_assert_error (error, SANDBAR_STORE_ERROR, SANDBAR_STORE_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "fresh"));
  g_clear_error (&error);
  assert_file_contains (path, "Name=Fresh\n");

  /* …or by a file the store has not seen yet: never replaced. */
  taken_path = write_file (dir, "taken.sandbar", "not even a profile\n", -1);
  sandbar_profile_set_name (taken, "Taken");
  g_assert_false (sandbar_profile_store_create (store, taken, &error));
  g_assert_error (error, SANDBAR_STORE_ERROR, SANDBAR_STORE_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_false (sandbar_profile_store_save (store, taken, NULL, &error));
  g_assert_error (error, SANDBAR_STORE_ERROR, SANDBAR_STORE_ERROR_EXISTS);
  g_clear_error (&error);
  assert_file_equals (taken_path, "not even a profile\n", -1);
  g_assert_null (sandbar_profile_store_lookup (store, "taken"));

  /* Saving a profile the store does not have adds it. */
  changed = (ItemsChanged) { 0, };
  sandbar_profile_set_name (saved, "Saved");
  g_assert_true (sandbar_profile_store_save (store, saved, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed.n_signals, ==, 1);
  g_assert_true (sandbar_profile_store_lookup (store, "saved") == saved);

  /* No temporary file is left behind. */
  {
    g_auto(GStrv) names = list_dir (dir);
    const char *expected[] = { "fresh.sandbar", "saved.sandbar", "taken.sandbar", NULL };

    g_assert_cmpstrv (names, expected);
  }
}

/* The file changed on disk since it was loaded: the edit goes to a copy,
 * the original keeps (and shows) the text on disk. */
static void
test_conflict (void)
{
  g_autofree char *dir = make_profiles_dir ();
  g_autofree char *path = write_file (dir, "mine.sandbar", mine_text, -1);
  g_autoptr(SandbarProfileStore) store = load_store (dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *conflict_id = NULL;
  g_autofree char *conflict_path = NULL;
  SandbarProfile *profile = sandbar_profile_store_lookup (store, "mine");
  SandbarProfile *copy;
  const char external_text[] =
    "# Changed in an editor\n"
    "[Profile]\n"
    "Version=1\n"
    "Name=External\n"
    "Description=From the editor\n";

  g_object_ref (profile);
  /* Behind the store's back: no main loop runs, the monitor cannot tell. */
  g_free (write_file (dir, "mine.sandbar", external_text, -1));

  sandbar_profile_set_description (profile, "My edit");
  g_assert_false (sandbar_profile_store_save (store, profile, &conflict_id, &error));
  g_assert_error (error, SANDBAR_STORE_ERROR, SANDBAR_STORE_ERROR_CONFLICT);
  g_assert_cmpstr (conflict_id, ==, "mine-conflict");
  conflict_path = sandbar_profile_store_get_path (store, conflict_id);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, conflict_path));
  g_clear_error (&error);

  /* Both versions kept. */
  assert_file_equals (path, external_text, -1);
  assert_file_contains (conflict_path, "Description=My edit\n");
  assert_file_contains (conflict_path, "X-Unknown=kept\n");
  g_assert_cmpuint (n_items (store), ==, 2);
  copy = sandbar_profile_store_lookup (store, "mine-conflict");
  g_assert_nonnull (copy);
  g_assert_cmpstr (sandbar_profile_get_description (copy), ==, "My edit");

  /* The same object now shows the file. */
  g_assert_true (sandbar_profile_store_lookup (store, "mine") == profile);
  g_assert_cmpstr (sandbar_profile_get_name (profile), ==, "External");
  g_assert_cmpstr (sandbar_profile_get_description (profile), ==, "From the editor");

  /* From there on, saves work again… */
  sandbar_profile_set_description (profile, "Second edit");
  g_assert_true (sandbar_profile_store_save (store, profile, NULL, &error));
  g_assert_no_error (error);
  assert_file_contains (path, "# Changed in an editor\n");
  assert_file_contains (path, "Description=Second edit\n");

  /* …and the next conflict gets the next free name. */
  g_free (write_file (dir, "mine.sandbar", external_text, -1));
  sandbar_profile_set_description (profile, "Third edit");
  g_clear_pointer (&conflict_id, g_free);
  g_assert_false (sandbar_profile_store_save (store, profile, &conflict_id, &error));
  g_assert_error (error, SANDBAR_STORE_ERROR, SANDBAR_STORE_ERROR_CONFLICT);
  g_assert_cmpstr (conflict_id, ==, "mine-conflict-2");
  g_clear_error (&error);
  g_assert_cmpuint (n_items (store), ==, 3);

  /* The monitor then sees only what the store knows already. */
  spin (300);
  g_assert_cmpuint (n_items (store), ==, 3);
  g_assert_cmpstr (sandbar_profile_get_description (profile), ==, "From the editor");
  g_assert_cmpuint (n_problems (store), ==, 0);
  g_object_unref (profile);
}

/* A file that now fails to load is not overwritten by a save either. */
static void
test_conflict_broken (void)
{
  g_autofree char *dir = make_profiles_dir ();
  g_autofree char *path = write_file (dir, "mine.sandbar", mine_text, -1);
  g_autoptr(SandbarProfileStore) store = load_store (dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *conflict_id = NULL;
  SandbarProfile *profile = sandbar_profile_store_lookup (store, "mine");
  const char broken[] = "[Profile]\nthis is not a key\n";

  g_object_ref (profile);
  g_free (write_file (dir, "mine.sandbar", broken, -1));
  sandbar_profile_set_description (profile, "My edit");
  g_assert_false (sandbar_profile_store_save (store, profile, &conflict_id, &error));
  g_assert_error (error, SANDBAR_STORE_ERROR, SANDBAR_STORE_ERROR_CONFLICT);
  assert_file_equals (path, broken, -1);
  g_assert_null (sandbar_profile_store_lookup (store, "mine"));
  g_assert_nonnull (sandbar_profile_store_lookup (store, conflict_id));
  g_assert_cmpuint (n_problems (store), ==, 1);
  g_object_unref (profile);
}

/* ---------------------------------------------------------------------- */
/* Atomicity                                                              */
/* ---------------------------------------------------------------------- */

#define ATOMIC_ROUNDS 50

/* How long the writer may run before it is killed, at most. A sanitized
 * writer saves ten times slower or worse (each fsynced save allocates
 * under ASan's bookkeeping), and must still finish some saves for the
 * test to prove anything. */
#ifdef __SANITIZE_ADDRESS__
#define ATOMIC_WINDOW_US 400000
#else
#define ATOMIC_WINDOW_US 40000
#endif

/* The two versions differ in length and in almost every byte, so that a
 * torn or in-place write cannot pass for either; they are large enough
 * that a write takes a while. */
static const char atomic_base_text[] =
  "[Profile]\nVersion=1\nName=Version A\n\n[X-After]\n# everything here moves\nKept=true\n";

static void
set_version (SandbarProfile *profile,
             gboolean        b)
{
  g_autofree char *description = g_strnfill (b ? 150000 : 100000, b ? 'b' : 'a');

  sandbar_profile_set_name (profile, b ? "Version B" : "Version A");
  sandbar_profile_set_description (profile, description);
}

static GBytes *
render_version (gboolean b)
{
  g_autoptr(SandbarProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  char *data;
  gsize length;

  profile = sandbar_profile_new_from_data ("atomic", atomic_base_text,
                                           strlen (atomic_base_text), NULL, &error);
  g_assert_no_error (error);
  set_version (profile, b);
  data = sandbar_profile_to_data (profile, &length);
  return g_bytes_new_take (data, length);
}

/* The child: saves two versions in turn until it is killed. */
static int
atomic_writer_main (const char *directory)
{
  g_autoptr(SandbarProfileStore) store = sandbar_profile_store_new (directory);
  g_autoptr(GError) error = NULL;
  SandbarProfile *profile;

  if (!sandbar_profile_store_load (store, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  profile = sandbar_profile_store_lookup (store, "atomic");
  if (profile == NULL)
    return 1;

  fputs ("ready\n", stdout);
  fflush (stdout);

  for (guint i = 0; ; i++)
    {
      set_version (profile, i % 2 == 0);
      if (!sandbar_profile_store_save (store, profile, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
    }
}

static void
test_atomic_save (void)
{
  g_autofree char *dir = make_profiles_dir ();
  g_autoptr(GBytes) version_a = render_version (FALSE);
  g_autoptr(GBytes) version_b = render_version (TRUE);
  g_autofree char *path = g_build_filename (dir, "atomic.sandbar", NULL);
  g_autoptr(GBytes) previous = g_bytes_ref (version_a);
  guint n_changes = 0;
  guint n_leftovers = 0;
  guint n_reads = 0;

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (version_a, NULL),
                                      g_bytes_get_size (version_a), NULL));

  for (guint round = 0; round < ATOMIC_ROUNDS; round++)
    {
      const char *argv[] = { self_path, "--atomic-writer", dir, NULL };
      g_autoptr(SandbarProfileStore) store = NULL;
      g_autoptr(GBytes) contents = NULL;
      g_autoptr(GError) error = NULL;
      g_auto(GStrv) names = NULL;
      char ready[6] = { 0, };
      gsize got = 0;
      gint64 deadline;
      GPid pid;
      int out_fd;
      int status;

      g_spawn_async_with_pipes (NULL, (char **)argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                &pid, NULL, &out_fd, NULL, &error);
      g_assert_no_error (error);

      while (got < sizeof ready)
        {
          gssize n = read (out_fd, ready + got, sizeof ready - got);

          if (n < 0 && errno == EINTR)
            continue;
          g_assert_cmpint (n, >, 0);
          got += n;
        }
      g_assert_cmpmem (ready, sizeof ready, "ready\n", 6);

      /* While the writer runs, every reader sees one whole version… */
      deadline = g_get_monotonic_time () + g_test_rand_int_range (0, ATOMIC_WINDOW_US);
      while (g_get_monotonic_time () < deadline)
        {
          g_autoptr(GBytes) seen = read_bytes (path);

          g_assert_true (g_bytes_equal (seen, version_a) || g_bytes_equal (seen, version_b));
          n_reads++;
        }

      /* …and so does the next one after the writer is killed mid-way. */
      g_assert_no_errno (kill (pid, SIGKILL));
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      /* Killed while writing, not failed on its own. */
      g_assert_true (WIFSIGNALED (status));
      g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);
      g_spawn_close_pid (pid);
      close (out_fd);

      /* Exactly one of the two versions, never a mix or a part. */
      contents = read_bytes (path);
      g_assert_true (g_bytes_equal (contents, version_a) || g_bytes_equal (contents, version_b));
      if (!g_bytes_equal (contents, previous))
        n_changes++;
      g_bytes_unref (previous);
      previous = g_bytes_ref (contents);

      /* Whatever was left behind is not taken for a profile. */
      names = list_dir (dir);
      n_leftovers = 0;
      for (guint i = 0; names[i] != NULL; i++)
        if (!g_str_equal (names[i], "atomic.sandbar"))
          {
            g_assert_false (g_str_has_suffix (names[i], ".sandbar"));
            n_leftovers++;
          }

      store = load_store (dir);
      g_assert_cmpuint (n_items (store), ==, 1);
      g_assert_cmpuint (n_problems (store), ==, 0);
    }

  g_test_message ("%u of %u rounds changed the file; %u reads while writing; "
                  "%u temporary files left by kills", n_changes, ATOMIC_ROUNDS, n_reads,
                  n_leftovers);
  /* The writer did write: otherwise this test would prove nothing. */
  g_assert_cmpuint (n_changes, >, 0);
}

/* ---------------------------------------------------------------------- */
/* Files that cannot be loaded                                            */
/* ---------------------------------------------------------------------- */

typedef struct
{
  const char  *name;
  const char  *file_name;
  const char  *text;                       /* written as is, or … */
  void       (*make) (const char *path);   /* … made by this */
  guint        line;
  const char  *message_part;
} ProblemCase;

static void
make_fifo (const char *path)
{
  g_assert_no_errno (mkfifo (path, 0644));
}

static void
make_directory (const char *path)
{
  g_assert_no_errno (g_mkdir (path, 0755));
}

static void
make_large (const char *path)
{
  gsize length = 1024 * 1024 + 1;
  g_autofree char *text = g_malloc (length);

  memset (text, '#', length);
  text[length - 1] = '\n';
  g_assert_true (g_file_set_contents (path, text, length, NULL));
}

static void
make_link_to_fifo (const char *path)
{
  g_autofree char *fifo = g_build_filename (g_get_home_dir (), "a-fifo", NULL);

  make_fifo (fifo);
  g_assert_no_errno (symlink (fifo, path));
}

static void
make_dangling_link (const char *path)
{
  g_assert_no_errno (symlink ("/nonexistent/profile.sandbar", path));
}

static const ProblemCase problem_cases[] = {
  { "bad-syntax", "broken.sandbar", "[Profile]\nVersion=1\nName=Broken\nthis is not a key\n",
    NULL, 4, "Key=value" },
  { "unknown-enum", "broken.sandbar", "[Profile]\nName=X\n\n[Filesystem]\nWriteAccess=sometimes\n",
    NULL, 5, "“sometimes”" },
  { "invalid-utf8", "broken.sandbar", "[Profile]\nName=Caf\xe9\n", NULL, 2, "UTF-8" },
  { "newer-version", "broken.sandbar", "[Profile]\nVersion=7\nName=Future\n", NULL, 2, "newer" },
  { "bad-path", "broken.sandbar", "[Profile]\nName=X\n[UnixSockets]\nPaths=relative.sock;\n",
    NULL, 4, "relative.sock" },
  { "fifo", "x.sandbar", NULL, make_fifo, 0, "named pipe" },
  { "directory", "y.sandbar", NULL, make_directory, 0, "folder" },
  { "too-large", "large.sandbar", NULL, make_large, 0, "1 MiB" },
  { "link-to-fifo", "link.sandbar", NULL, make_link_to_fifo, 0, "named pipe" },
  { "dangling-link", "link.sandbar", NULL, make_dangling_link, 0, "does not exist" },
  { "invalid-id", "Bad_Name.sandbar", "[Profile]\nName=Fine\n", NULL, 0, "not a valid profile ID" },
};

static void
test_problem (gconstpointer data)
{
  const ProblemCase *problem_case = data;
  g_autofree char *dir = make_profiles_dir ();
  g_autofree char *good_text = profile_text ("Good");
  g_autofree char *path = g_build_filename (dir, problem_case->file_name, NULL);
  g_autofree char *id = g_strndup (problem_case->file_name,
                                   strlen (problem_case->file_name) - strlen (".sandbar"));
  g_autoptr(SandbarProfileStore) store = sandbar_profile_store_new (dir);
  g_autoptr(GError) error = NULL;
  guint n_problems_changed = 0;
  SandbarLoadProblem *problem;
  Snapshot before = { 0, };

  g_free (write_file (dir, "good.sandbar", good_text, -1));
  if (problem_case->text != NULL)
    g_free (write_file (dir, problem_case->file_name, problem_case->text, -1));
  else
    problem_case->make (path);
  snapshot_take (&before, path);
  g_usleep (10000);

  g_signal_connect (store, "problems-changed", G_CALLBACK (on_counter), &n_problems_changed);
  g_assert_true (sandbar_profile_store_load (store, &error));
  g_assert_no_error (error);

  /* The other profiles load. */
  g_assert_cmpuint (n_items (store), ==, 1);
  g_assert_nonnull (sandbar_profile_store_lookup (store, "good"));

  /* The file is reported: path, line, message. */
  g_assert_cmpuint (n_problems_changed, ==, 1);
  g_assert_cmpuint (n_problems (store), ==, 1);
  problem = g_ptr_array_index (sandbar_profile_store_get_problems (store), 0);
  g_test_message ("%s:%u: %s", problem->path, problem->line, problem->message);
  g_assert_cmpstr (problem->path, ==, path);
  g_assert_cmpuint (problem->line, ==, problem_case->line);
  g_assert_nonnull (strstr (problem->message, problem_case->message_part));

  /* Nothing the store does replaces it. */
  if (sandbar_input_is_valid_id (id))
    {
      g_autoptr(SandbarProfile) profile = sandbar_profile_new (id);
      g_autoptr(GBytes) bytes = g_bytes_new_static (good_text, strlen (good_text));

      g_assert_null (sandbar_profile_store_lookup (store, id));
      sandbar_profile_set_name (profile, "Over it");
      g_assert_false (sandbar_profile_store_save (store, profile, NULL, &error));
      g_assert_error (error, SANDBAR_STORE_ERROR, SANDBAR_STORE_ERROR_EXISTS);
      g_clear_error (&error);
      g_assert_false (sandbar_profile_store_create (store, profile, &error));
      g_assert_error (error, SANDBAR_STORE_ERROR, SANDBAR_STORE_ERROR_EXISTS);
      g_clear_error (&error);
      g_assert_false (sandbar_profile_store_import (store, id, bytes, FALSE, &error));
      g_assert_error (error, SANDBAR_STORE_ERROR, SANDBAR_STORE_ERROR_EXISTS);
      g_clear_error (&error);
      g_assert_false (sandbar_profile_store_restore (store, id, bytes, &error));
      g_assert_error (error, SANDBAR_STORE_ERROR, SANDBAR_STORE_ERROR_EXISTS);
      g_clear_error (&error);

      /* A new profile never takes the name of the broken file. */
      {
        g_autofree char *unique = sandbar_profile_store_unique_id (store, id);

        g_assert_cmpstr (unique, !=, id);
      }
    }

  spin (100);
  g_assert_finalize_object (g_steal_pointer (&store));
  assert_unchanged (&before, path);
  snapshot_clear (&before);
}

/* ---------------------------------------------------------------------- */
/* Delete, restore, import, read                                          */
/* ---------------------------------------------------------------------- */

static void
test_delete_restore (void)
{
  g_autofree char *dir = make_profiles_dir ();
  g_autofree char *path = write_file (dir, "mine.sandbar", mine_text, -1);
  g_autofree char *trashed = g_build_filename (g_get_user_data_dir (), "Trash", "files",
                                               "mine.sandbar", NULL);
  g_autoptr(SandbarProfileStore) store = load_store (dir);
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(GError) error = NULL;
  ItemsChanged changed = { 0, };

  g_signal_connect (store, "items-changed", G_CALLBACK (on_items_changed), &changed);
  contents = sandbar_profile_store_delete (store, "mine", &error);
  g_assert_no_error (error);
  g_assert_nonnull (contents);
  g_assert_cmpmem (g_bytes_get_data (contents, NULL), g_bytes_get_size (contents),
                   mine_text, strlen (mine_text));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (n_items (store), ==, 0);
  g_assert_cmpuint (changed.n_signals, ==, 1);
  g_assert_cmpuint (changed.removed, ==, 1);

  /* In the trash of the (isolated) home. */
  assert_file_equals (trashed, mine_text, -1);

  /* Undo. */
  changed = (ItemsChanged) { 0, };
  g_assert_true (sandbar_profile_store_restore (store, "mine", contents, &error));
  g_assert_no_error (error);
  assert_file_equals (path, mine_text, -1);
  g_assert_cmpuint (changed.n_signals, ==, 1);
  g_assert_cmpuint (changed.added, ==, 1);
  g_assert_cmpstr (sandbar_profile_get_name (sandbar_profile_store_lookup (store, "mine")), ==,
                   "Mine");

  /* Undo twice: the id is taken again. */
  g_assert_false (sandbar_profile_store_restore (store, "mine", contents, &error));
  g_assert_error (error, SANDBAR_STORE_ERROR, SANDBAR_STORE_ERROR_EXISTS);
  g_clear_error (&error);
  assert_file_equals (path, mine_text, -1);

  g_assert_null (sandbar_profile_store_delete (store, "nothing", &error));
  g_assert_error (error, SANDBAR_STORE_ERROR, SANDBAR_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "nothing"));
  g_clear_error (&error);

  /* The monitor agrees. */
  spin (300);
  g_assert_cmpuint (n_items (store), ==, 1);
}

/* Where the file system has no trash, deleted files go to `.deleted`. */
static void
test_delete_fallback (void)
{
  g_autofree char *dir = make_profiles_dir ();
  g_autofree char *path = write_file (dir, "mine.sandbar", mine_text, -1);
  g_autofree char *deleted = g_build_filename (dir, ".deleted", NULL);
  g_autoptr(SandbarProfileStore) store = load_store (dir);
  g_autoptr(SandbarProfileStore) again = NULL;
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(GBytes) contents2 = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;
  g_autoptr(GRegex) pattern = NULL;

  _sandbar_profile_store_set_use_trash (store, FALSE);
  contents = sandbar_profile_store_delete (store, "mine", &error);
  g_assert_no_error (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (file_mode (deleted), ==, 0700);

  names = list_dir (deleted);
  g_assert_cmpuint (g_strv_length (names), ==, 1);
  pattern = g_regex_new ("^mine-[0-9]{8}-[0-9]{6}\\.sandbar$", 0, 0, NULL);
  g_assert_true (g_regex_match (pattern, names[0], 0, NULL));
  {
    g_autofree char *moved = g_build_filename (deleted, names[0], NULL);

    assert_file_equals (moved, mine_text, -1);
  }

  /* Deleted profiles are not loaded. */
  again = load_store (dir);
  g_assert_cmpuint (n_items (again), ==, 0);
  g_assert_cmpuint (n_problems (again), ==, 0);

  g_assert_true (sandbar_profile_store_restore (store, "mine", contents, &error));
  g_assert_no_error (error);
  assert_file_equals (path, mine_text, -1);

  /* A second delete in the same second does not replace the first. */
  contents2 = sandbar_profile_store_delete (store, "mine", &error);
  g_assert_no_error (error);
  g_strfreev (names);
  names = list_dir (deleted);
  g_assert_cmpuint (g_strv_length (names), ==, 2);
}

static void
test_import (void)
{
  g_autofree char *dir = make_profiles_dir ();
  g_autofree char *path = g_build_filename (dir, "imported.sandbar", NULL);
  g_autoptr(SandbarProfileStore) store = load_store (dir);
  g_autoptr(GBytes) mine = g_bytes_new_static (mine_text, strlen (mine_text));
  g_autoptr(GBytes) other = NULL;
  g_autoptr(GBytes) invalid = NULL;
  g_autoptr(GError) error = NULL;
  const char invalid_text[] = "[Profile]\nName=X\n\n[Network]\nAccess=sideways\n";
  /* Odd spacing and the order of groups must survive too. */
  const char other_text[] =
    "# Shared by a colleague\n"
    "[X-More]\n"
    "A = b\n"
    "\n"
    "\n"
    "[Profile]\n"
    "Name=Other\n"
    "Version=1\n";
  SandbarProfile *profile;

  other = g_bytes_new_static (other_text, strlen (other_text));

  g_assert_true (sandbar_profile_store_import (store, "imported", mine, FALSE, &error));
  g_assert_no_error (error);
  assert_file_equals (path, mine_text, -1);
  profile = sandbar_profile_store_lookup (store, "imported");
  g_assert_nonnull (profile);
  g_assert_cmpstr (sandbar_profile_get_name (profile), ==, "Mine");

  /* An existing id is refused… */
  g_assert_false (sandbar_profile_store_import (store, "imported", other, FALSE, &error));
  g_assert_error (error, SANDBAR_STORE_ERROR, SANDBAR_STORE_ERROR_EXISTS);
  g_clear_error (&error);
  assert_file_equals (path, mine_text, -1);

  /* …unless replacing: the same object takes the new text. */
  g_assert_true (sandbar_profile_store_import (store, "imported", other, TRUE, &error));
  g_assert_no_error (error);
  assert_file_equals (path, other_text, -1);
  g_assert_true (sandbar_profile_store_lookup (store, "imported") == profile);
  g_assert_cmpstr (sandbar_profile_get_name (profile), ==, "Other");
  g_assert_cmpuint (n_items (store), ==, 1);

  /* Invalid text: nothing written, the message points at the line. */
  invalid = g_bytes_new_static (invalid_text, strlen (invalid_text));
  g_assert_false (sandbar_profile_store_import (store, "invalid", invalid, FALSE, &error));
  g_assert_error (error, SANDBAR_STORE_ERROR, SANDBAR_STORE_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "line 5: "));
  g_assert_nonnull (strstr (error->message, "sideways"));
  g_clear_error (&error);
  {
    g_autofree char *invalid_path = sandbar_profile_store_get_path (store, "invalid");

    g_assert_false (g_file_test (invalid_path, G_FILE_TEST_EXISTS));
  }
  g_assert_false (sandbar_profile_store_import (store, "imported", invalid, TRUE, &error));
  g_assert_error (error, SANDBAR_STORE_ERROR, SANDBAR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  assert_file_equals (path, other_text, -1);

  /* The id must be one. */
  g_assert_false (sandbar_profile_store_import (store, "../escape", mine, TRUE, &error));
  g_assert_error (error, SANDBAR_STORE_ERROR, SANDBAR_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "../escape"));
  g_clear_error (&error);
}

static void
test_read_file (void)
{
  g_autofree char *dir = make_profiles_dir ();
  g_autofree char *fifo = g_build_filename (dir, "fifo.sandbar", NULL);
  g_autoptr(SandbarProfileStore) store = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  const char broken[] = "[Profile\n";

  g_free (write_file (dir, "mine.sandbar", mine_text, -1));
  g_free (write_file (dir, "broken.sandbar", broken, -1));
  make_fifo (fifo);
  store = load_store (dir);

  bytes = sandbar_profile_store_read_file (store, "mine", &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                   mine_text, strlen (mine_text));
  g_clear_pointer (&bytes, g_bytes_unref);

  /* A file that does not load can still be shown. */
  bytes = sandbar_profile_store_read_file (store, "broken", &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                   broken, strlen (broken));

  g_assert_null (sandbar_profile_store_read_file (store, "fifo", &error));
  g_assert_error (error, SANDBAR_STORE_ERROR, SANDBAR_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, fifo));
  g_clear_error (&error);

  g_assert_null (sandbar_profile_store_read_file (store, "missing", &error));
  g_assert_error (error, SANDBAR_STORE_ERROR, SANDBAR_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "missing"));
  g_clear_error (&error);

  g_assert_null (sandbar_profile_store_read_file (store, "../../etc/passwd", &error));
  g_assert_error (error, SANDBAR_STORE_ERROR, SANDBAR_STORE_ERROR_INVALID);
  g_clear_error (&error);
}

static void
test_unique_id (void)
{
  g_autofree char *dir = make_profiles_dir ();
  g_autofree char *text = profile_text ("Mine");
  g_autoptr(SandbarProfileStore) store = NULL;
  g_autofree char *id = NULL;
  g_autofree char *long_base = g_strnfill (64, 'x');

  g_free (write_file (dir, "mine.sandbar", text, -1));
  g_free (write_file (dir, "mine-2.sandbar", "broken\n", -1));
  store = load_store (dir);

  id = sandbar_profile_store_unique_id (store, "free");
  g_assert_cmpstr (id, ==, "free");
  g_clear_pointer (&id, g_free);

  /* Neither a profile nor a file that did not load is replaced. */
  id = sandbar_profile_store_unique_id (store, "mine");
  g_assert_cmpstr (id, ==, "mine-3");
  g_clear_pointer (&id, g_free);

  /* The number fits the 64-byte limit. */
  {
    g_autofree char *name = g_strconcat (long_base, ".sandbar", NULL);

    g_free (write_file (dir, name, text, -1));
  }
  id = sandbar_profile_store_unique_id (store, long_base);
  g_assert_cmpuint (strlen (id), ==, 64);
  g_assert_true (g_str_has_suffix (id, "x-2"));
  g_assert_true (sandbar_input_is_valid_id (id));
}

/* ---------------------------------------------------------------------- */
/* Links                                                                  */
/* ---------------------------------------------------------------------- */

/* Profiles kept in a dotfiles repository: the link stays, the target is
 * updated. */
static void
test_symlink (void)
{
  g_autofree char *dir = make_profiles_dir ();
  g_autofree char *dotfiles = g_build_filename (g_get_home_dir (), "dotfiles", NULL);
  g_autofree char *target = NULL;
  g_autofree char *link = g_build_filename (dir, "mine.sandbar", NULL);
  g_autofree char *read_back = NULL;
  g_autoptr(SandbarProfileStore) store = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  SandbarProfile *profile;
  struct stat st;

  g_assert_no_errno (g_mkdir (dotfiles, 0700));
  target = write_file (dotfiles, "mine.sandbar", mine_text, -1);
  g_assert_no_errno (g_chmod (target, 0600));
  g_assert_no_errno (symlink ("../dotfiles/mine.sandbar", link));

  store = load_store (dir);
  profile = sandbar_profile_store_lookup (store, "mine");
  g_assert_nonnull (profile);
  bytes = sandbar_profile_store_read_file (store, "mine", &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                   mine_text, strlen (mine_text));

  sandbar_profile_set_description (profile, "Through the link");
  g_assert_true (sandbar_profile_store_save (store, profile, NULL, &error));
  g_assert_no_error (error);

  g_assert_no_errno (lstat (link, &st));
  g_assert_true (S_ISLNK (st.st_mode));
  read_back = g_file_read_link (link, NULL);
  g_assert_cmpstr (read_back, ==, "../dotfiles/mine.sandbar");
  assert_file_contains (target, "Description=Through the link\n");
  assert_file_contains (target, "[X-Extra]\n");
  g_assert_cmpuint (file_mode (target), ==, 0600);

  {
    g_auto(GStrv) in_dotfiles = list_dir (dotfiles);
    g_auto(GStrv) in_profiles = list_dir (dir);
    const char *expected[] = { "mine.sandbar", NULL };

    g_assert_cmpstrv (in_dotfiles, expected);
    g_assert_cmpstrv (in_profiles, expected);
  }

  /* The link counts as the file when it comes to conflicts, too. */
  g_free (write_file (dotfiles, "mine.sandbar", mine_text, -1));
  sandbar_profile_set_description (profile, "Once more");
  g_assert_false (sandbar_profile_store_save (store, profile, NULL, &error));
  g_assert_error (error, SANDBAR_STORE_ERROR, SANDBAR_STORE_ERROR_CONFLICT);
  assert_file_equals (target, mine_text, -1);
}

/* ---------------------------------------------------------------------- */
/* The file monitor                                                       */
/* ---------------------------------------------------------------------- */

/* File monitor events arrive through the main context. */
#define WAIT_UNTIL(expr) \
  G_STMT_START { \
    gint64 deadline_ = g_get_monotonic_time () + 5 * G_USEC_PER_SEC; \
    while (!(expr)) \
      { \
        if (g_get_monotonic_time () > deadline_) \
          g_error ("Timed out waiting for %s", #expr); \
        iterate_briefly (); \
      } \
  } G_STMT_END

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  GHashTable *counts = user_data;
  const char *name = g_intern_string (pspec->name);
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, name));

  g_hash_table_insert (counts, (gpointer)name, GUINT_TO_POINTER (n + 1));
}

static void
test_monitor_created (void)
{
  g_autofree char *dir = make_profiles_dir ();
  g_autofree char *text = profile_text ("From outside");
  g_autoptr(SandbarProfileStore) store = load_store (dir);
  ItemsChanged changed = { 0, };
  SandbarProfile *profile;

  g_signal_connect (store, "items-changed", G_CALLBACK (on_items_changed), &changed);
  g_free (write_file (dir, "outside.sandbar", text, -1));
  WAIT_UNTIL (changed.n_signals > 0);

  g_assert_cmpuint (n_items (store), ==, 1);
  profile = sandbar_profile_store_lookup (store, "outside");
  g_assert_nonnull (profile);
  g_assert_cmpstr (sandbar_profile_get_name (profile), ==, "From outside");

  /* Written in place, not renamed into place, in two steps. */
  {
    g_autofree char *path = g_build_filename (dir, "inplace.sandbar", NULL);
    FILE *file = fopen (path, "w");

    g_assert_nonnull (file);
    fputs ("[Profile]\nVersion=1\n", file);
    fflush (file);
    fputs ("Name=In place\n", file);
    fclose (file);
  }
  WAIT_UNTIL (sandbar_profile_store_lookup (store, "inplace") != NULL &&
              g_str_equal (sandbar_profile_get_name (sandbar_profile_store_lookup (store,
                                                                                   "inplace")),
                           "In place"));
  g_assert_cmpuint (n_items (store), ==, 2);
  g_assert_cmpuint (n_problems (store), ==, 0);
}

static void
test_monitor_changed (void)
{
  g_autofree char *dir = make_profiles_dir ();
  g_autofree char *a_text = profile_text ("Alpha");
  g_autofree char *b_text = profile_text ("Bravo");
  g_autofree char *renamed = profile_text ("Charlie");
  g_autoptr(SandbarProfileStore) store = NULL;
  ItemsChanged changed = { 0, };
  SandbarProfile *profile;

  g_free (write_file (dir, "a.sandbar", a_text, -1));
  g_free (write_file (dir, "b.sandbar", b_text, -1));
  store = load_store (dir);
  profile = sandbar_profile_store_lookup (store, "a");

  /* A new name from disk moves the same object down the list. */
  g_signal_connect (store, "items-changed", G_CALLBACK (on_items_changed), &changed);
  g_free (write_file (dir, "a.sandbar", renamed, -1));
  WAIT_UNTIL (changed.n_signals > 0);
  g_assert_true (sandbar_profile_store_lookup (store, "a") == profile);
  g_assert_cmpstr (sandbar_profile_get_name (profile), ==, "Charlie");
  g_assert_true (item (store, 1) == profile);
}

static void
test_monitor_deleted (void)
{
  g_autofree char *dir = make_profiles_dir ();
  g_autofree char *text = profile_text ("Doomed");
  g_autofree char *path = write_file (dir, "doomed.sandbar", text, -1);
  g_autoptr(SandbarProfileStore) store = load_store (dir);
  ItemsChanged changed = { 0, };

  g_assert_cmpuint (n_items (store), ==, 1);
  g_signal_connect (store, "items-changed", G_CALLBACK (on_items_changed), &changed);
  g_assert_no_errno (g_unlink (path));
  WAIT_UNTIL (changed.n_signals > 0);
  g_assert_cmpuint (n_items (store), ==, 0);
  g_assert_cmpuint (changed.removed, ==, 1);
  g_assert_null (sandbar_profile_store_lookup (store, "doomed"));
}

static void
test_monitor_moved (void)
{
  g_autofree char *dir = make_profiles_dir ();
  g_autofree char *text = profile_text ("Moving");
  g_autofree char *path = write_file (dir, "old.sandbar", text, -1);
  g_autofree char *new_path = g_build_filename (dir, "new.sandbar", NULL);
  g_autoptr(SandbarProfileStore) store = load_store (dir);

  g_assert_no_errno (g_rename (path, new_path));
  WAIT_UNTIL (sandbar_profile_store_lookup (store, "new") != NULL &&
              sandbar_profile_store_lookup (store, "old") == NULL);
  g_assert_cmpuint (n_items (store), ==, 1);
}

/* A file that breaks leaves the list and is reported; fixed, it is back. */
static void
test_monitor_broken (void)
{
  g_autofree char *dir = make_profiles_dir ();
  g_autofree char *text = profile_text ("Fragile");
  g_autofree char *path = write_file (dir, "fragile.sandbar", text, -1);
  g_autoptr(SandbarProfileStore) store = load_store (dir);
  guint n_problems_changed = 0;
  SandbarLoadProblem *problem;

  g_signal_connect (store, "problems-changed", G_CALLBACK (on_counter), &n_problems_changed);
  g_free (write_file (dir, "fragile.sandbar", "[Profile]\nName=X\nnonsense\n", -1));
  WAIT_UNTIL (n_problems_changed > 0);
  g_assert_cmpuint (n_items (store), ==, 0);
  g_assert_cmpuint (n_problems (store), ==, 1);
  problem = g_ptr_array_index (sandbar_profile_store_get_problems (store), 0);
  g_assert_cmpstr (problem->path, ==, path);
  g_assert_cmpuint (problem->line, ==, 3);

  n_problems_changed = 0;
  g_free (write_file (dir, "fragile.sandbar", text, -1));
  WAIT_UNTIL (n_problems_changed > 0);
  g_assert_cmpuint (n_problems (store), ==, 0);
  g_assert_cmpuint (n_items (store), ==, 1);
  assert_file_equals (path, text, -1);

  /* A new broken file, then gone. */
  n_problems_changed = 0;
  {
    g_autofree char *other = write_file (dir, "other.sandbar", "[Profile\n", -1);

    WAIT_UNTIL (n_problems_changed > 0);
    g_assert_cmpuint (n_problems (store), ==, 1);
    n_problems_changed = 0;
    g_assert_no_errno (g_unlink (other));
    WAIT_UNTIL (n_problems_changed > 0);
    g_assert_cmpuint (n_problems (store), ==, 0);
  }
}

/* The store's own writes come back through the monitor: they must change
 * nothing. */
static void
test_monitor_own_writes (void)
{
  g_autofree char *dir = make_profiles_dir ();
  g_autoptr(SandbarProfileStore) store = NULL;
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  g_autoptr(SandbarProfile) created = sandbar_profile_new ("created");
  g_autoptr(GError) error = NULL;
  SandbarProfile *profile;
  ItemsChanged changed = { 0, };
  guint n_problems_changed = 0;

  g_free (write_file (dir, "mine.sandbar", mine_text, -1));
  store = load_store (dir);
  profile = sandbar_profile_store_lookup (store, "mine");

  sandbar_profile_set_name (created, "Created");
  sandbar_profile_set_description (profile, "Saved");
  g_assert_true (sandbar_profile_store_save (store, profile, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (sandbar_profile_store_create (store, created, &error));
  g_assert_no_error (error);

  g_signal_connect (store, "items-changed", G_CALLBACK (on_items_changed), &changed);
  g_signal_connect (store, "problems-changed", G_CALLBACK (on_counter), &n_problems_changed);
  g_signal_connect (profile, "notify", G_CALLBACK (count_notify), counts);
  spin (500);
  g_assert_cmpuint (changed.n_signals, ==, 0);
  g_assert_cmpuint (n_problems_changed, ==, 0);
  g_assert_cmpuint (g_hash_table_size (counts), ==, 0);
  g_assert_cmpuint (n_items (store), ==, 2);
  g_signal_handlers_disconnect_by_data (profile, counts);
}

/* Assigning a changed file to the profile notifies what changed, and only
 * that. */
static void
test_notify_from_disk (void)
{
  g_autofree char *dir = make_profiles_dir ();
  g_autofree char *path = write_file (dir, "mine.sandbar", mine_text, -1);
  g_autoptr(SandbarProfileStore) store = load_store (dir);
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  g_auto(GStrv) parts = g_strsplit (mine_text, "Description=As written by hand", 2);
  g_autofree char *changed_text = g_strjoinv ("Description=Changed outside", parts);
  SandbarProfile *profile = sandbar_profile_store_lookup (store, "mine");

  g_signal_connect (profile, "notify", G_CALLBACK (count_notify), counts);
  g_free (write_file (dir, "mine.sandbar", changed_text, -1));
  WAIT_UNTIL (g_hash_table_size (counts) > 0);
  spin (300);

  g_assert_cmpstr (sandbar_profile_get_description (profile), ==, "Changed outside");
  g_assert_cmpuint (g_hash_table_size (counts), ==, 1);
  /* Keyed by interned names (equal literals are not merged under ASan). */
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts,
                                                           g_intern_string ("description"))),
                    ==, 1);
  g_signal_handlers_disconnect_by_data (profile, counts);
  (void) path;
}

/* ---------------------------------------------------------------------- */

static void
test_finalize (void)
{
  g_autofree char *dir = make_profiles_dir ();
  SandbarProfileStore *store;
  SandbarProfile *profile;

  g_free (write_file (dir, "mine.sandbar", mine_text, -1));
  store = load_store (dir);
  profile = g_object_ref (sandbar_profile_store_lookup (store, "mine"));
  g_assert_finalize_object (store);
  /* The profile outlives the store and no longer moves anything. */
  sandbar_profile_set_name (profile, "After");
  g_assert_finalize_object (profile);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--atomic-writer"))
    return atomic_writer_main (argv[2]);

  setlocale (LC_ALL, "");
  umask (022);
  self_path = g_canonicalize_filename (argv[0], NULL);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/sandbar/profile-store/default-directory", test_default_directory);
  g_test_add_func ("/sandbar/profile-store/seed-missing-dir", test_seed_missing_dir);
  g_test_add_func ("/sandbar/profile-store/no-seed-empty-dir", test_no_seed_empty_dir);
  g_test_add_func ("/sandbar/profile-store/not-a-folder", test_not_a_folder);
  g_test_add_func ("/sandbar/profile-store/ignored-files", test_ignored_files);
  g_test_add_func ("/sandbar/profile-store/order", test_order);
  g_test_add_func ("/sandbar/profile-store/save-round-trip", test_save_round_trip);
  g_test_add_func ("/sandbar/profile-store/save-unchanged", test_save_unchanged);
  g_test_add_func ("/sandbar/profile-store/save-invalid", test_save_invalid);
  g_test_add_func ("/sandbar/profile-store/create", test_create);
  g_test_add_func ("/sandbar/profile-store/conflict", test_conflict);
  g_test_add_func ("/sandbar/profile-store/conflict-broken", test_conflict_broken);
  g_test_add_func ("/sandbar/profile-store/atomic-save", test_atomic_save);

  for (guint i = 0; i < G_N_ELEMENTS (problem_cases); i++)
    {
      g_autofree char *test_path = g_strconcat ("/sandbar/profile-store/problem/",
                                                problem_cases[i].name, NULL);

      g_test_add_data_func (test_path, &problem_cases[i], test_problem);
    }

  g_test_add_func ("/sandbar/profile-store/delete-restore", test_delete_restore);
  g_test_add_func ("/sandbar/profile-store/delete-fallback", test_delete_fallback);
  g_test_add_func ("/sandbar/profile-store/import", test_import);
  g_test_add_func ("/sandbar/profile-store/read-file", test_read_file);
  g_test_add_func ("/sandbar/profile-store/unique-id", test_unique_id);
  g_test_add_func ("/sandbar/profile-store/symlink", test_symlink);
  g_test_add_func ("/sandbar/profile-store/monitor/created", test_monitor_created);
  g_test_add_func ("/sandbar/profile-store/monitor/changed", test_monitor_changed);
  g_test_add_func ("/sandbar/profile-store/monitor/deleted", test_monitor_deleted);
  g_test_add_func ("/sandbar/profile-store/monitor/moved", test_monitor_moved);
  g_test_add_func ("/sandbar/profile-store/monitor/broken", test_monitor_broken);
  g_test_add_func ("/sandbar/profile-store/monitor/own-writes", test_monitor_own_writes);
  g_test_add_func ("/sandbar/profile-store/notify-from-disk", test_notify_from_disk);
  g_test_add_func ("/sandbar/profile-store/finalize", test_finalize);

  return g_test_run ();
}
