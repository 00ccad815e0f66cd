/* sandbar-policy.c — a profile resolved against this machine
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sandbar-policy.h"

static void
policy_path_free (gpointer data)
{
  SandbarPolicyPath *path = data;

  g_free (path->as_written);
  g_free (path->canonical);
  g_free (path->alias);
  g_free (path);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SandbarPolicyPath, policy_path_free)

/**
 * sandbar_policy_free:
 * @policy: (nullable): a policy
 */
void
sandbar_policy_free (SandbarPolicy *policy)
{
  if (policy == NULL)
    return;

  g_free (policy->profile_id);
  g_free (policy->working_directory);
  g_ptr_array_unref (policy->writable_roots);
  g_ptr_array_unref (policy->protected_names);
  g_ptr_array_unref (policy->deny_read);
  g_array_unref (policy->localhost_ports);
  g_ptr_array_unref (policy->sockets);
  g_ptr_array_unref (policy->notes);
  g_free (policy);
}

static SandbarPolicy *
policy_new_empty (void)
{
  SandbarPolicy *policy = g_new0 (SandbarPolicy, 1);

  policy->writable_roots = g_ptr_array_new_with_free_func (policy_path_free);
  policy->protected_names = g_ptr_array_new_with_free_func (g_free);
  policy->deny_read = g_ptr_array_new_with_free_func (policy_path_free);
  policy->localhost_ports = g_array_new (FALSE, FALSE, sizeof (guint));
  policy->sockets = g_ptr_array_new_with_free_func (policy_path_free);
  policy->notes = g_ptr_array_new_with_free_func (g_free);
  return policy;
}

static SandbarPolicyPath *
resolve_path (SandbarPathResolver  *resolver,
              SandbarField          field,
              const char           *path,
              int                   kind,
              GError              **error)
{
  g_auto(SandbarResolvedPath) resolved = { 0 };
  SandbarPolicyPath *result;

  if (!sandbar_path_resolver_resolve (resolver, field, path, SANDBAR_RESOLVE_NONE, &resolved,
                                      error))
    return NULL;

  result = g_new0 (SandbarPolicyPath, 1);
  result->as_written = g_steal_pointer (&resolved.as_written);
  result->canonical = g_steal_pointer (&resolved.canonical);
  result->alias = g_steal_pointer (&resolved.alias);
  result->exists = resolved.exists;
  result->is_directory = resolved.exists &&
                         sandbar_path_resolver_is_directory (resolver, result->canonical);
  result->kind = kind;
  return result;
}

/* Adds @path unless a path with the same canonical spelling is there:
 * the first origin of a folder is the one the summary shows. @seen holds
 * the canonical paths of @paths, so that long lists stay linear.
 * (Not g_hash_table_add() alone: on a duplicate it replaces the stored key
 * with the new string, which is freed here, and the set would point to
 * freed memory.) */
static void
add_unique (GPtrArray         *paths,
            GHashTable        *seen,
            SandbarPolicyPath *path)
{
  if (g_hash_table_contains (seen, path->canonical))
    {
      policy_path_free (path);
      return;
    }

  g_hash_table_add (seen, path->canonical);
  g_ptr_array_add (paths, path);
}

static gboolean
is_home (SandbarPathResolver *resolver,
         const char          *canonical)
{
  g_autoptr(SandbarPolicyPath) home = NULL;

  home = resolve_path (resolver, SANDBAR_FIELD_WORKING_DIRECTORY, "~", 0, NULL);
  return home != NULL && g_str_equal (home->canonical, canonical);
}

/* Decides where the command starts and whether that folder is writable
 * (DESIGN.md, "Working directory as a root"). */
static gboolean
resolve_working_directory (SandbarPolicy        *policy,
                           SandbarProfile       *profile,
                           SandbarPathResolver  *resolver,
                           SandbarPolicyFlags    flags,
                           SandbarPolicyPath   **root,
                           GError              **error)
{
  const char *written = sandbar_profile_get_working_directory (profile);
  g_autoptr(SandbarPolicyPath) directory = NULL;
  gboolean may_be_root;

  if (*written != '\0')
    {
      directory = resolve_path (resolver, SANDBAR_FIELD_WORKING_DIRECTORY, written,
                                SANDBAR_ROOT_WORKING_DIRECTORY, error);
      may_be_root = TRUE;
    }
  else if (flags & SANDBAR_POLICY_CWD_IS_DEFAULT_ROOT)
    {
      directory = resolve_path (resolver, SANDBAR_FIELD_WORKING_DIRECTORY,
                                sandbar_path_resolver_get_working_directory (resolver),
                                SANDBAR_ROOT_WORKING_DIRECTORY, error);
      may_be_root = directory != NULL && !is_home (resolver, directory->canonical);
      if (directory != NULL && !may_be_root &&
          sandbar_profile_get_write_access (profile) == SANDBAR_WRITE_ACCESS_ROOTS)
        g_ptr_array_add (policy->notes,
                         g_strdup (_("The working directory is your home folder, so it is not "
                                     "writable; choose a project folder with --cwd or "
                                     "--writable-root.")));
    }
  else
    {
      directory = resolve_path (resolver, SANDBAR_FIELD_WORKING_DIRECTORY, "~",
                                SANDBAR_ROOT_WORKING_DIRECTORY, error);
      may_be_root = FALSE;
    }

  if (directory == NULL)
    return FALSE;

  if (may_be_root && g_str_equal (directory->canonical, "/"))
    {
      may_be_root = FALSE;
      if (sandbar_profile_get_write_access (profile) == SANDBAR_WRITE_ACCESS_ROOTS)
        g_ptr_array_add (policy->notes,
                         g_strdup (_("The working directory is “/”, which is never a writable "
                                     "folder; choose write access “everything” to write "
                                     "anywhere.")));
    }

  policy->working_directory = g_strdup (directory->canonical);
  *root = may_be_root ? g_steal_pointer (&directory) : NULL;
  return TRUE;
}

/* `$TMPDIR` is the session's, not the user's choice: when it is unusable
 * it is left out and said so, rather than failing the launch. */
static void
add_temp_roots (SandbarPolicy       *policy,
                SandbarPathResolver *resolver,
                GHashTable          *seen)
{
  g_autoptr(GError) error = NULL;
  SandbarPolicyPath *tmp;
  const char *tmpdir;

  tmp = resolve_path (resolver, SANDBAR_FIELD_WRITABLE_ROOT, "/tmp", SANDBAR_ROOT_TEMP, NULL);
  if (tmp != NULL && tmp->is_directory)
    add_unique (policy->writable_roots, seen, tmp);
  else if (tmp != NULL)
    policy_path_free (tmp);

  tmpdir = sandbar_path_resolver_lookup_env (resolver, "TMPDIR");
  if (tmpdir == NULL || *tmpdir == '\0')
    return;

  tmp = resolve_path (resolver, SANDBAR_FIELD_WRITABLE_ROOT, tmpdir, SANDBAR_ROOT_TMPDIR, &error);
  if (tmp == NULL)
    g_ptr_array_add (policy->notes,
                     g_strdup_printf (_("$TMPDIR is not writable: %s"), error->message));
  else if (g_str_equal (tmp->canonical, "/"))
    policy_path_free (tmp);
  else
    add_unique (policy->writable_roots, seen, tmp);
}

static gboolean
add_writable_roots (SandbarPolicy        *policy,
                    SandbarProfile       *profile,
                    SandbarPathResolver  *resolver,
                    SandbarPolicyPath    *working_root,
                    GError              **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  const char * const *roots = sandbar_profile_get_writable_roots (profile);

  if (working_root != NULL)
    add_unique (policy->writable_roots, seen, working_root);

  if (sandbar_profile_get_include_temp (profile))
    add_temp_roots (policy, resolver, seen);

  for (guint i = 0; roots[i] != NULL; i++)
    {
      SandbarPolicyPath *root = resolve_path (resolver, SANDBAR_FIELD_WRITABLE_ROOT, roots[i],
                                              SANDBAR_ROOT_CHOSEN, error);

      if (root == NULL)
        return FALSE;

      /* A symlink or variable can lead to `/` even when the text does not. */
      if (g_str_equal (root->canonical, "/"))
        {
          g_autofree char *reason =
            g_strdup (_("resolves to “/”; the whole disk cannot be a writable folder, choose "
                        "write access “everything” instead"));

          sandbar_input_set_error (error, SANDBAR_INPUT_ERROR_NOT_ALLOWED,
                                   SANDBAR_FIELD_WRITABLE_ROOT, roots[i], -1, reason);
          policy_path_free (root);
          return FALSE;
        }

      add_unique (policy->writable_roots, seen, root);
    }

  return TRUE;
}

static gboolean
add_deny_read (SandbarPolicy        *policy,
               SandbarProfile       *profile,
               SandbarPathResolver  *resolver,
               GError              **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  const char * const *paths = sandbar_profile_get_deny_read (profile);

  for (guint i = 0; paths[i] != NULL; i++)
    {
      SandbarPolicyPath *path = resolve_path (resolver, SANDBAR_FIELD_DENY_READ, paths[i], 0,
                                              error);

      if (path == NULL)
        return FALSE;
      add_unique (policy->deny_read, seen, path);
    }

  return TRUE;
}

static int
compare_sockets (gconstpointer a,
                 gconstpointer b)
{
  const SandbarPolicyPath *x = *(SandbarPolicyPath * const *)a;
  const SandbarPolicyPath *y = *(SandbarPolicyPath * const *)b;

  /* Scope first (see sandbar-sbpl.c): subpath sockets, then exact ones. */
  if (x->kind != y->kind)
    return x->kind - y->kind;
  return strcmp (x->canonical, y->canonical);
}

static gboolean
add_sockets (SandbarPolicy        *policy,
             SandbarProfile       *profile,
             SandbarPathResolver  *resolver,
             GError              **error)
{
  GPtrArray *rules = sandbar_profile_get_socket_rules (profile);
  GPtrArray *sockets = policy->sockets;
  guint kept = 0;

  for (guint i = 0; i < rules->len; i++)
    {
      SandbarSocketRule *rule = g_ptr_array_index (rules, i);
      SandbarPolicyPath *path = resolve_path (resolver, SANDBAR_FIELD_UNIX_SOCKET,
                                              sandbar_socket_rule_get_path (rule),
                                              sandbar_socket_rule_get_scope (rule), error);

      if (path == NULL)
        return FALSE;
      g_ptr_array_add (sockets, path);
    }

  /* Sorted bytewise and deduplicated, as Codex numbers UNIX_SOCKET_PATH_i. */
  g_ptr_array_sort (sockets, compare_sockets);
  for (guint i = 0; i < sockets->len; i++)
    {
      if (kept > 0 && compare_sockets (&sockets->pdata[kept - 1], &sockets->pdata[i]) == 0)
        {
          policy_path_free (sockets->pdata[i]);
          continue;
        }
      sockets->pdata[kept++] = sockets->pdata[i];
    }
  sockets->len = kept;

  return TRUE;
}

static int
compare_ports (gconstpointer a,
               gconstpointer b)
{
  guint x = *(const guint *)a;
  guint y = *(const guint *)b;

  return x < y ? -1 : x > y;
}

static void
add_network (SandbarPolicy  *policy,
             SandbarProfile *profile)
{
  guint n_ports;
  const guint *ports = sandbar_profile_get_localhost_ports (profile, &n_ports);
  GArray *sorted = policy->localhost_ports;
  guint kept = 0;

  policy->network_access = sandbar_profile_get_network_access (profile);
  policy->allow_local_binding = sandbar_profile_get_allow_local_binding (profile);

  g_array_append_vals (sorted, ports, n_ports);
  g_array_sort (sorted, compare_ports);
  for (guint i = 0; i < sorted->len; i++)
    if (kept == 0 || g_array_index (sorted, guint, kept - 1) != g_array_index (sorted, guint, i))
      g_array_index (sorted, guint, kept++) = g_array_index (sorted, guint, i);
  g_array_set_size (sorted, kept);
}

/**
 * sandbar_policy_new:
 * @profile: a profile
 * @resolver: how paths are resolved (the real file system, or a fake)
 * @flags: how the working directory is chosen
 * @error: return location for a #GError in %SANDBAR_INPUT_ERROR
 *
 * Validates @profile and resolves every path in it once, in the order
 * and with the deduplication the backends rely on.
 *
 * Returns: (transfer full): the policy, or %NULL with @error naming the
 *   field and value that cannot be used
 */
SandbarPolicy *
sandbar_policy_new (SandbarProfile       *profile,
                    SandbarPathResolver  *resolver,
                    SandbarPolicyFlags    flags,
                    GError              **error)
{
  g_autoptr(SandbarPolicy) policy = NULL;
  g_autoptr(GHashTable) seen_names = g_hash_table_new (g_str_hash, g_str_equal);
  SandbarPolicyPath *working_root = NULL;
  const char * const *names;

  g_return_val_if_fail (SANDBAR_IS_PROFILE (profile), NULL);
  g_return_val_if_fail (SANDBAR_IS_PATH_RESOLVER (resolver), NULL);

  if (!sandbar_profile_validate (profile, error))
    return NULL;

  policy = policy_new_empty ();
  policy->profile_id = g_strdup (sandbar_profile_get_id (profile));
  policy->write_access = sandbar_profile_get_write_access (profile);
  policy->socket_access = sandbar_profile_get_socket_access (profile);

  if (!resolve_working_directory (policy, profile, resolver, flags, &working_root, error))
    return NULL;

  if (policy->write_access == SANDBAR_WRITE_ACCESS_ROOTS)
    {
      if (!add_writable_roots (policy, profile, resolver, working_root, error))
        return NULL;
    }
  else if (working_root != NULL)
    policy_path_free (working_root);

  names = sandbar_profile_get_protected_names (profile);
  for (guint i = 0; names[i] != NULL; i++)
    if (g_hash_table_add (seen_names, (gpointer)names[i]))
      g_ptr_array_add (policy->protected_names, g_strdup (names[i]));

  if (!add_deny_read (policy, profile, resolver, error))
    return NULL;

  add_network (policy, profile);

  if (policy->socket_access == SANDBAR_SOCKET_ACCESS_ALLOWLIST &&
      !add_sockets (policy, profile, resolver, error))
    return NULL;

  return g_steal_pointer (&policy);
}
