/* fuzz-sbpl-generator.c — random profiles through policy and SBPL
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fuzzer's bytes become a profile: the modes, ports, and up to 16
 * paths (writable roots, working directory, hidden paths, sockets of both
 * scopes, protected names), each a prefix from a small table followed by
 * raw fuzzer bytes. The profile is resolved against the deterministic
 * machine of sbpl-fixture.h (the fake resolver, macOS-style or Linux-style
 * by one bit). The input policy may refuse it — that is fine, as long as
 * it says so with an error. A policy that resolves is rendered, and:
 *
 *  1. both renderings read back with the SBPL reader;
 *  2. the parameter text carries no user data: it is byte for byte the
 *     text of a "twin" policy of the same shape in which every distinct
 *     string is replaced by a benign one (same equalities, same bytewise
 *     order, so that deduplication and sorting do the same), and no
 *     benign string appears in it;
 *  3. the parameters are exact: the same names as the twin's, and each
 *     value is the original of the twin's benign value;
 *  4. the inline rendering is exact: its tree matches the twin's node for
 *     node, and where the twin has a benign literal (or a root joined with
 *     a protected name) the original has exactly the original bytes.
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "fuzz.h"
#include "sandbar-policy.h"
#include "sandbar-sbpl-reader.h"
#include "sandbar-sbpl.h"
#include "../sbpl-fixture.h"

static SandbarPathResolver *resolvers[2];

void
fuzz_init (void)
{
  resolvers[0] = fixture_resolver_new (FALSE, "/home/u");
  resolvers[1] = fixture_resolver_new (TRUE, "/home/u");
}

/* How a fuzzed path starts: rooted at interesting places of the fixture
 * machine, or nothing at all (relative, empty, or whatever the bytes say). */
static const char * const prefixes[] = {
  "",
  "/home/u/",
  "/home/u/src/app/",
  "/tmp/",
  "~/",
  "$HOME/",
  "$TMPDIR/",
  "/var/run/",
};

typedef enum
{
  SLOT_WRITABLE_ROOT,
  SLOT_WORKING_DIRECTORY,
  SLOT_DENY_READ,
  SLOT_SOCKET_SUBPATH,
  SLOT_SOCKET_EXACT,
  SLOT_PROTECTED_NAME,
  N_SLOTS
} Slot;

static SandbarProfile *
decode_profile (FuzzInput          *in,
                gboolean           *macos,
                SandbarPolicyFlags *flags)
{
  SandbarProfile *profile = sandbar_profile_new ("fuzz");
  g_autoptr(GPtrArray) roots = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) deny = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  guint8 modes = fuzz_byte (in);
  guint8 extra = fuzz_byte (in);
  guint ports[4];
  guint n_ports = extra & 3;

  sandbar_profile_set_name (profile, "Fuzz");
  sandbar_profile_set_write_access (profile, (modes & 3) % 3);
  sandbar_profile_set_include_temp (profile, (modes >> 2) & 1);
  sandbar_profile_set_network_access (profile, (modes >> 3) & 1);
  sandbar_profile_set_socket_access (profile, ((modes >> 4) & 3) % 3);
  sandbar_profile_set_allow_local_binding (profile, (modes >> 6) & 1);
  *macos = (modes >> 7) & 1;
  *flags = (extra & 4) ? SANDBAR_POLICY_CWD_IS_DEFAULT_ROOT : SANDBAR_POLICY_NONE;

  /* Ports may be out of range: the validator must refuse those. */
  for (guint i = 0; i < n_ports; i++)
    ports[i] = fuzz_u16 (in) + ((extra & 8) ? 65536 * i : 0);
  sandbar_profile_set_localhost_ports (profile, ports, n_ports);

  for (guint i = 0; i < 16 && in->size > 0; i++)
    {
      guint8 kind = fuzz_byte (in);
      guint8 length = fuzz_byte (in);
      g_autofree char *bytes = fuzz_bytes (in, length);
      g_autofree char *path = g_strconcat (prefixes[(kind / N_SLOTS) % G_N_ELEMENTS (prefixes)],
                                           bytes, NULL);

      switch ((Slot) (kind % N_SLOTS))
        {
        case SLOT_WRITABLE_ROOT:
          g_ptr_array_add (roots, g_steal_pointer (&path));
          break;
        case SLOT_WORKING_DIRECTORY:
          sandbar_profile_set_working_directory (profile, path);
          break;
        case SLOT_DENY_READ:
          g_ptr_array_add (deny, g_steal_pointer (&path));
          break;
        case SLOT_SOCKET_SUBPATH:
        case SLOT_SOCKET_EXACT:
          {
            g_autoptr(SandbarSocketRule) rule =
              sandbar_socket_rule_new (path, kind % N_SLOTS == SLOT_SOCKET_EXACT
                                             ? SANDBAR_SOCKET_SCOPE_EXACT
                                             : SANDBAR_SOCKET_SCOPE_SUBPATH);
            sandbar_profile_add_socket_rule (profile, rule);
          }
          break;
        case SLOT_PROTECTED_NAME:
          /* A name, not a path: no prefix. */
          g_ptr_array_add (names, g_steal_pointer (&bytes));
          break;
        default:
          g_assert_not_reached ();
        }
    }

  g_ptr_array_add (roots, NULL);
  g_ptr_array_add (deny, NULL);
  g_ptr_array_add (names, NULL);
  sandbar_profile_set_writable_roots (profile, (const char * const *) roots->pdata);
  sandbar_profile_set_deny_read (profile, (const char * const *) deny->pdata);
  sandbar_profile_set_protected_names (profile, (const char * const *) names->pdata);
  return profile;
}

/* ---- the twin: every distinct string replaced, order kept ---- */

typedef struct
{
  GHashTable *to_benign;    /* original → benign */
  GHashTable *to_original;  /* benign → original */
} Twin;

static void
collect (GPtrArray  *all,
         const char *s)
{
  if (s != NULL)
    g_ptr_array_add (all, (gpointer) s);
}

static void
collect_paths (GPtrArray *all,
               GPtrArray *paths)
{
  for (guint i = 0; i < paths->len; i++)
    {
      SandbarPolicyPath *p = g_ptr_array_index (paths, i);

      collect (all, p->as_written);
      collect (all, p->canonical);
      collect (all, p->alias);
    }
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static void
twin_init (Twin                *twin,
           const SandbarPolicy *policy)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  guint rank = 0;

  collect_paths (all, policy->writable_roots);
  collect_paths (all, policy->deny_read);
  collect_paths (all, policy->sockets);
  for (guint i = 0; i < policy->protected_names->len; i++)
    collect (all, g_ptr_array_index (policy->protected_names, i));
  g_ptr_array_sort (all, compare_strings);

  twin->to_benign = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  twin->to_original = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < all->len; i++)
    {
      const char *s = g_ptr_array_index (all, i);
      char *benign;

      if (g_hash_table_contains (twin->to_benign, s))
        continue;
      /* Zero-padded, so that bytewise order is rank order; no `/`, so
       * that a root joined with a name splits back at the last `/`. */
      benign = g_strdup_printf ("benign-%08u", rank++);
      g_hash_table_insert (twin->to_benign, (gpointer) s, benign);
      g_hash_table_insert (twin->to_original, benign, (gpointer) s);
    }
}

static void
twin_clear (Twin *twin)
{
  g_hash_table_unref (twin->to_original);
  g_hash_table_unref (twin->to_benign);
}

static char *
benign (Twin       *twin,
        const char *s)
{
  return s != NULL ? g_strdup (g_hash_table_lookup (twin->to_benign, s)) : NULL;
}

static GPtrArray *
twin_paths (Twin      *twin,
            GPtrArray *paths)
{
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; i < paths->len; i++)
    {
      SandbarPolicyPath *p = g_ptr_array_index (paths, i);
      SandbarPolicyPath *t = g_new (SandbarPolicyPath, 1);

      *t = *p;
      t->as_written = benign (twin, p->as_written);
      t->canonical = benign (twin, p->canonical);
      t->alias = benign (twin, p->alias);
      g_ptr_array_add (out, t);
    }
  return out;
}

static void
twin_paths_free (GPtrArray *paths)
{
  for (guint i = 0; i < paths->len; i++)
    {
      SandbarPolicyPath *t = g_ptr_array_index (paths, i);

      g_free (t->as_written);
      g_free (t->canonical);
      g_free (t->alias);
      g_free (t);
    }
  g_ptr_array_unref (paths);
}

static SandbarSbpl *
twin_render (Twin                *twin,
             const SandbarPolicy *policy)
{
  SandbarPolicy copy = *policy;
  SandbarSbpl *sbpl;

  copy.writable_roots = twin_paths (twin, policy->writable_roots);
  copy.deny_read = twin_paths (twin, policy->deny_read);
  copy.sockets = twin_paths (twin, policy->sockets);
  copy.protected_names = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < policy->protected_names->len; i++)
    g_ptr_array_add (copy.protected_names,
                     benign (twin, g_ptr_array_index (policy->protected_names, i)));

  sbpl = sandbar_sbpl_render (&copy);

  twin_paths_free (copy.writable_roots);
  twin_paths_free (copy.deny_read);
  twin_paths_free (copy.sockets);
  g_ptr_array_unref (copy.protected_names);
  return sbpl;
}

/* The original of a twin literal: a benign string, or a root joined with
 * a protected name; %NULL for a fixed literal of the profile. */
static char *
original_of (Twin       *twin,
             const char *literal)
{
  const char *original = g_hash_table_lookup (twin->to_original, literal);
  const char *slash;

  if (original != NULL)
    return g_strdup (original);

  slash = strrchr (literal, '/');
  if (slash != NULL && slash != literal)
    {
      g_autofree char *head = g_strndup (literal, slash - literal);
      const char *root = g_hash_table_lookup (twin->to_original, head);
      const char *name = g_hash_table_lookup (twin->to_original, slash + 1);

      if (root != NULL && name != NULL)
        return g_strconcat (root, "/", name, NULL);
    }
  return NULL;
}

static SandbarSbplNode *
parse_or_fail (const GString *text,
               const char    *what)
{
  g_autoptr(GError) error = NULL;
  SandbarSbplNode *root = sandbar_sbpl_parse (text->str, text->len, &error);

  if (root == NULL)
    fuzz_fail ("the %s rendering does not read back: %s\n%s", what, error->message, text->str);
  return root;
}

static void
compare_inline (Twin                  *twin,
                const SandbarSbplNode *node,
                const SandbarSbplNode *twin_node)
{
  fuzz_check (node->kind == twin_node->kind);

  switch (node->kind)
    {
    case SANDBAR_SBPL_NODE_LIST:
      fuzz_check (node->children->len == twin_node->children->len);
      for (guint i = 0; i < node->children->len; i++)
        compare_inline (twin, g_ptr_array_index (node->children, i),
                        g_ptr_array_index (twin_node->children, i));
      break;
    case SANDBAR_SBPL_NODE_STRING:
      {
        g_autofree char *original = original_of (twin, twin_node->value);

        if (original != NULL)
          {
            if (!sandbar_sbpl_node_equal_bytes (node, original, -1))
              fuzz_fail ("inline literal \"%s\" is not the path \"%s\"", node->value, original);
          }
        else if (!sandbar_sbpl_node_equal_bytes (node, twin_node->value, twin_node->length))
          fuzz_fail ("inline literal \"%s\" where the twin has \"%s\"",
                     node->value, twin_node->value);
      }
      break;
    case SANDBAR_SBPL_NODE_NUMBER:
      fuzz_check (node->number == twin_node->number);
      break;
    default:
      fuzz_check (g_strcmp0 (node->value, twin_node->value) == 0);
      break;
    }
}

static void
check_rendering (const SandbarPolicy *policy)
{
  g_autoptr(SandbarSbpl) sbpl = sandbar_sbpl_render (policy);
  g_autoptr(SandbarSbpl) twin_sbpl = NULL;
  g_autoptr(SandbarSbplNode) tree = NULL;
  g_autoptr(SandbarSbplNode) inline_tree = NULL;
  g_autoptr(SandbarSbplNode) twin_inline_tree = NULL;
  Twin twin;

  /* 1. Both renderings read back. */
  tree = parse_or_fail (sbpl->text, "parameter");
  inline_tree = parse_or_fail (sbpl->inline_text, "inline");

  twin_init (&twin, policy);
  twin_sbpl = twin_render (&twin, policy);

  /* 2. No user data in the text. */
  if (strcmp (sbpl->text->str, twin_sbpl->text->str) != 0)
    fuzz_fail ("the parameter text depends on the paths\n--- paths:\n%s\n--- benign:\n%s",
               sbpl->text->str, twin_sbpl->text->str);
  fuzz_check (strstr (sbpl->text->str, "benign-") == NULL);

  /* 3. Exact parameter values. */
  fuzz_check (sbpl->params->len == twin_sbpl->params->len);
  for (guint i = 0; i < sbpl->params->len; i++)
    {
      SandbarSbplParam *param = g_ptr_array_index (sbpl->params, i);
      SandbarSbplParam *twin_param = g_ptr_array_index (twin_sbpl->params, i);
      const char *original = g_hash_table_lookup (twin.to_original, twin_param->value);

      fuzz_check (strcmp (param->name, twin_param->name) == 0);
      fuzz_check (original != NULL);
      if (strcmp (param->value, original) != 0)
        fuzz_fail ("parameter %s is \"%s\", not \"%s\"", param->name, param->value, original);
    }

  /* 4. Exact inline literals. */
  twin_inline_tree = parse_or_fail (twin_sbpl->inline_text, "twin inline");
  compare_inline (&twin, inline_tree, twin_inline_tree);

  twin_clear (&twin);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  FuzzInput in = { data, size };
  g_autoptr(SandbarProfile) profile = NULL;
  g_autoptr(SandbarPolicy) policy = NULL;
  g_autoptr(GError) error = NULL;
  SandbarPolicyFlags flags;
  gboolean macos;

  profile = decode_profile (&in, &macos, &flags);
  policy = sandbar_policy_new (profile, resolvers[macos], flags, &error);
  if (policy == NULL)
    {
      /* Refused: with a message the user can act on. */
      fuzz_check (error != NULL);
      fuzz_check (error->message[0] != '\0');
      fuzz_check (g_utf8_validate (error->message, -1, NULL));
      if (fuzz_verbose)
        printf ("#   refused: %s\n", error->message);
      return 0;
    }
  fuzz_check (error == NULL);
  if (fuzz_verbose)
    printf ("#   rendered: %u roots, %u hidden, %u sockets\n", policy->writable_roots->len,
            policy->deny_read->len, policy->sockets->len);

  check_rendering (policy);
  return 0;
}
