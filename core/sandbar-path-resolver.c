/* sandbar-path-resolver.c — user paths to the spellings the sandbox matches
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "sandbar-path-resolver.h"

/* Linux gives up with ELOOP after 40 symlinks in one lookup (macOS after
 * 32); the fake file system and the dangling-symlink walk do the same so
 * that a loop is an error, not a hang. */
#define MAX_SYMLINK_HOPS 40

/**
 * SandbarPathResolver:
 *
 * Turns a path as the user wrote it into the spelling the kernel matches.
 *
 * Seatbelt compares fully resolved paths byte for byte, so a rule for
 * `/tmp/x.sock` is silently dead on macOS, where the kernel sees
 * `/private/tmp/x.sock`. The resolver expands `~` and `$VAR`, makes the
 * path absolute, resolves the longest existing ancestor physically (as
 * realpath(3) does) and appends the part that does not exist yet.
 *
 * [ctor@PathResolver.new] works on the real file system and environment;
 * [ctor@PathResolver.new_fake] on an in-memory table, so that tests are
 * deterministic on every machine.
 */

typedef enum
{
  FAKE_DIRECTORY,
  FAKE_FILE,
  FAKE_SYMLINK,
} FakeKind;

typedef struct
{
  FakeKind  kind;
  char     *target;
} FakeNode;

/* What stat(2) would say about a path, reduced to what the resolver acts on. */
typedef enum
{
  FS_OK,
  FS_MISSING,
  FS_NOT_DIRECTORY,
  FS_LOOP,
  FS_OTHER,
} FsStatus;

struct _SandbarPathResolver
{
  GObject parent_instance;

  /* Owned */
  GHashTable       *fake;  /* physical path → FakeNode; NULL for the real file system */
  char             *working_directory;
  SandbarEnvLookup  env_lookup;
  gpointer          env_user_data;
  GDestroyNotify    env_destroy;
  gboolean          macos_aliases;
};

G_DEFINE_FINAL_TYPE (SandbarPathResolver, sandbar_path_resolver, G_TYPE_OBJECT)

static FakeNode *
fake_node_new (FakeKind    kind,
               const char *target)
{
  FakeNode *node = g_new0 (FakeNode, 1);

  node->kind = kind;
  node->target = g_strdup (target);
  return node;
}

static void
fake_node_free (gpointer data)
{
  FakeNode *node = data;

  g_free (node->target);
  g_free (node);
}

static const char *
env_lookup_empty (const char *name,
                  gpointer    user_data)
{
  return NULL;
}

static void
clear_env_lookup (SandbarPathResolver *self)
{
  if (self->env_destroy != NULL)
    self->env_destroy (self->env_user_data);

  self->env_lookup = NULL;
  self->env_user_data = NULL;
  self->env_destroy = NULL;
}

static void
sandbar_path_resolver_finalize (GObject *object)
{
  SandbarPathResolver *self = (SandbarPathResolver *)object;

  clear_env_lookup (self);
  g_clear_pointer (&self->fake, g_hash_table_unref);
  g_clear_pointer (&self->working_directory, g_free);

  G_OBJECT_CLASS (sandbar_path_resolver_parent_class)->finalize (object);
}

static void
sandbar_path_resolver_class_init (SandbarPathResolverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sandbar_path_resolver_finalize;
}

static void
sandbar_path_resolver_init (SandbarPathResolver *self)
{
}

/**
 * sandbar_resolved_path_clear:
 * @resolved: a resolved path
 *
 * Frees the strings of @resolved and zeroes it, so it can be reused.
 */
void
sandbar_resolved_path_clear (SandbarResolvedPath *resolved)
{
  g_return_if_fail (resolved != NULL);

  g_clear_pointer (&resolved->as_written, g_free);
  g_clear_pointer (&resolved->canonical, g_free);
  g_clear_pointer (&resolved->alias, g_free);
  resolved->exists = FALSE;
}

/**
 * sandbar_path_resolver_new:
 *
 * Creates a resolver for the real file system and the process
 * environment ([func@env_lookup_process]). The working directory is the
 * process's at the time of the call; macOS aliases are on when built for
 * macOS.
 *
 * Returns: (transfer full): a new resolver
 */
SandbarPathResolver *
sandbar_path_resolver_new (void)
{
  SandbarPathResolver *self = g_object_new (SANDBAR_TYPE_PATH_RESOLVER, NULL);

  self->working_directory = g_get_current_dir ();
  self->env_lookup = sandbar_env_lookup_process;
  self->macos_aliases = SANDBAR_OS_MACOS;
  return self;
}

/**
 * sandbar_path_resolver_new_fake:
 *
 * Creates a resolver for tests over an in-memory file system that holds
 * only `/` until entries are added with
 * [method@PathResolver.fake_add_directory] and friends. The environment
 * is empty (set one with [method@PathResolver.set_env_lookup]), the
 * working directory is `/`, and macOS aliases are off whatever the
 * platform, so a test means the same everywhere.
 *
 * Returns: (transfer full): a new resolver
 */
SandbarPathResolver *
sandbar_path_resolver_new_fake (void)
{
  SandbarPathResolver *self = g_object_new (SANDBAR_TYPE_PATH_RESOLVER, NULL);

  self->fake = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, fake_node_free);
  g_hash_table_insert (self->fake, g_strdup ("/"), fake_node_new (FAKE_DIRECTORY, NULL));
  self->working_directory = g_strdup ("/");
  self->env_lookup = env_lookup_empty;
  self->macos_aliases = FALSE;
  return self;
}

/* Path text helpers. Components never include "" or "." (a `//` or a `.`
 * changes nothing in a lookup); ".." is kept, because only the file
 * system knows where it leads. */

static void
add_components (GPtrArray  *parts,
                const char *path)
{
  g_auto(GStrv) split = g_strsplit (path, "/", -1);

  for (guint i = 0; split[i] != NULL; i++)
    {
      if (split[i][0] == '\0' || strcmp (split[i], ".") == 0)
        continue;
      g_ptr_array_add (parts, g_strdup (split[i]));
    }
}

static GPtrArray *
split_components (const char *path)
{
  GPtrArray *parts = g_ptr_array_new_with_free_func (g_free);

  add_components (parts, path);
  return parts;
}

/* Joins @parts[@start, @end) as "a/b/c", without a leading slash. */
static char *
join_range (GPtrArray *parts,
            guint      start,
            guint      end)
{
  GString *out = g_string_new (NULL);

  for (guint i = start; i < end; i++)
    {
      if (i > start)
        g_string_append_c (out, '/');
      g_string_append (out, g_ptr_array_index (parts, i));
    }

  return g_string_free (out, FALSE);
}

/* Appends relative @rest to absolute @base without doubling the slash. */
static char *
path_append (const char *base,
             const char *rest)
{
  if (rest == NULL || *rest == '\0')
    return g_strdup (base);

  if (g_str_has_suffix (base, "/"))
    return g_strconcat (base, rest, NULL);

  return g_strconcat (base, "/", rest, NULL);
}

/* Lexical clean-up of an absolute path: `//` collapsed, `.` dropped, no
 * trailing slash except for `/` itself. `..` stays: `/tmp/..` is
 * `/private` on macOS, not `/`. */
static char *
clean_path (const char *path)
{
  g_autoptr(GPtrArray) parts = split_components (path);
  g_autofree char *joined = join_range (parts, 0, parts->len);

  g_assert (g_path_is_absolute (path));

  return g_strconcat ("/", joined, NULL);
}

/* The fake file system. Keys are physical paths (no symlink in them);
 * the lookup walks components like the kernel does. */

static void
push_components (GPtrArray  *stack,
                 const char *path)
{
  g_autoptr(GPtrArray) parts = split_components (path);

  /* Reversed, so that popping from the end yields the first component. */
  for (guint i = parts->len; i > 0; i--)
    g_ptr_array_add (stack, g_strdup (g_ptr_array_index (parts, i - 1)));
}

static void
truncate_to_parent (GString *path)
{
  const char *slash = strrchr (path->str, '/');

  g_string_truncate (path, MAX (1, slash - path->str));
}

/* Looks up absolute @path. Every symlink is followed, the last component's
 * only if @follow_last (stat versus lstat). With @create, missing
 * directories are made on the way (mkdir -p), through symlinks too. */
static FsStatus
fake_lookup (SandbarPathResolver  *self,
             const char           *path,
             gboolean              follow_last,
             gboolean              create,
             char                **physical,
             FakeNode            **node_out)
{
  g_autoptr(GPtrArray) pending = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) current = g_string_new ("/");
  FakeNode *node = g_hash_table_lookup (self->fake, "/");
  guint hops = 0;

  push_components (pending, path);

  while (pending->len > 0)
    {
      g_autofree char *name = g_ptr_array_steal_index (pending, pending->len - 1);
      g_autofree char *child = NULL;
      gboolean last = pending->len == 0;
      FakeNode *next;

      if (strcmp (name, "..") == 0)
        {
          truncate_to_parent (current);
          node = g_hash_table_lookup (self->fake, current->str);
          continue;
        }

      child = path_append (current->str, name);
      next = g_hash_table_lookup (self->fake, child);

      if (next == NULL)
        {
          if (!create)
            return FS_MISSING;
          next = fake_node_new (FAKE_DIRECTORY, NULL);
          g_hash_table_insert (self->fake, g_strdup (child), next);
        }

      if (next->kind == FAKE_SYMLINK && (!last || follow_last))
        {
          if (++hops > MAX_SYMLINK_HOPS)
            return FS_LOOP;
          push_components (pending, next->target);
          if (g_path_is_absolute (next->target))
            {
              g_string_assign (current, "/");
              node = g_hash_table_lookup (self->fake, "/");
            }
          continue;
        }

      if (next->kind == FAKE_FILE && !last)
        {
          if (!create)
            return FS_NOT_DIRECTORY;
          next->kind = FAKE_DIRECTORY;
        }

      g_string_assign (current, child);
      node = next;
    }

  if (physical != NULL)
    *physical = g_strdup (current->str);
  if (node_out != NULL)
    *node_out = node;

  return FS_OK;
}

static void
fake_add (SandbarPathResolver *self,
          const char          *path,
          FakeKind             kind,
          const char          *target)
{
  g_autofree char *clean = NULL;
  g_autofree char *parent = NULL;
  g_autofree char *name = NULL;
  g_autofree char *physical_parent = NULL;
  FakeNode *node = NULL;

  g_return_if_fail (SANDBAR_IS_PATH_RESOLVER (self));
  g_return_if_fail (self->fake != NULL);
  g_return_if_fail (path != NULL && g_path_is_absolute (path));

  clean = clean_path (path);

  if (kind == FAKE_DIRECTORY)
    {
      /* mkdir -p: an existing directory, or a symlink to one, is fine. */
      if (fake_lookup (self, clean, TRUE, TRUE, NULL, &node) != FS_OK)
        g_critical ("Cannot add fake directory “%s”: symlink loop", clean);
      else if (node->kind == FAKE_FILE)
        node->kind = FAKE_DIRECTORY;
      return;
    }

  parent = g_path_get_dirname (clean);
  name = g_path_get_basename (clean);
  g_return_if_fail (strcmp (clean, "/") != 0 && strcmp (name, "..") != 0);

  if (fake_lookup (self, parent, TRUE, TRUE, &physical_parent, NULL) != FS_OK)
    {
      g_critical ("Cannot add fake entry “%s”: symlink loop", clean);
      return;
    }

  /* Like creating a file or `ln -sf`: whatever was there is replaced. */
  g_hash_table_replace (self->fake, path_append (physical_parent, name),
                        fake_node_new (kind, target));
}

/**
 * sandbar_path_resolver_fake_add_directory:
 * @self: a fake resolver
 * @path: an absolute path
 *
 * Adds a directory and its missing parents (`mkdir -p`), following
 * symlinks already in the table.
 */
void
sandbar_path_resolver_fake_add_directory (SandbarPathResolver *self,
                                          const char          *path)
{
  fake_add (self, path, FAKE_DIRECTORY, NULL);
}

/**
 * sandbar_path_resolver_fake_add_file:
 * @self: a fake resolver
 * @path: an absolute path
 *
 * Adds a file (or socket: the resolver does not tell them apart) and its
 * missing parent directories. An entry of the same name is replaced.
 */
void
sandbar_path_resolver_fake_add_file (SandbarPathResolver *self,
                                     const char          *path)
{
  fake_add (self, path, FAKE_FILE, NULL);
}

/**
 * sandbar_path_resolver_fake_add_symlink:
 * @self: a fake resolver
 * @path: an absolute path
 * @target: the link's content: absolute, or relative to the link's directory
 *
 * Adds a symbolic link and its missing parent directories. The target
 * need not exist. An entry of the same name is replaced.
 */
void
sandbar_path_resolver_fake_add_symlink (SandbarPathResolver *self,
                                        const char          *path,
                                        const char          *target)
{
  g_return_if_fail (target != NULL && *target != '\0');

  fake_add (self, path, FAKE_SYMLINK, target);
}

/* File system operations, fake or real. */

static FsStatus
fs_stat (SandbarPathResolver *self,
         const char          *path,
         gboolean            *is_directory)
{
  struct stat st;

  if (self->fake != NULL)
    {
      FakeNode *node = NULL;
      FsStatus status = fake_lookup (self, path, TRUE, FALSE, NULL, &node);

      if (is_directory != NULL)
        *is_directory = status == FS_OK && node->kind == FAKE_DIRECTORY;
      return status;
    }

  if (is_directory != NULL)
    *is_directory = FALSE;

  if (stat (path, &st) == 0)
    {
      if (is_directory != NULL)
        *is_directory = S_ISDIR (st.st_mode);
      return FS_OK;
    }

  switch (errno)
    {
    case ENOENT:  return FS_MISSING;
    case ENOTDIR: return FS_NOT_DIRECTORY;
    case ELOOP:   return FS_LOOP;
    default:      return FS_OTHER;  /* EACCES, ENAMETOOLONG…: cannot look further */
    }
}

/* Returns the target if @path itself is a symlink, else %NULL. */
static char *
fs_read_link (SandbarPathResolver *self,
              const char          *path)
{
  struct stat st;

  if (self->fake != NULL)
    {
      FakeNode *node = NULL;

      if (fake_lookup (self, path, FALSE, FALSE, NULL, &node) != FS_OK ||
          node->kind != FAKE_SYMLINK)
        return NULL;
      return g_strdup (node->target);
    }

  if (lstat (path, &st) != 0 || !S_ISLNK (st.st_mode))
    return NULL;

  return g_file_read_link (path, NULL);
}

/* realpath of an existing @path. On the real file system this is
 * realpath(3) itself: on macOS it also returns the on-disk case of each
 * name, which Seatbelt's byte-exact matching needs. */
static char *
fs_realpath (SandbarPathResolver  *self,
             SandbarField          field,
             const char           *as_written,
             const char           *path,
             GError              **error)
{
  g_autofree char *shown = NULL;
  g_autofree char *reason = NULL;
  char *resolved;
  int saved_errno;

  if (self->fake != NULL)
    {
      char *physical = NULL;

      if (fake_lookup (self, path, TRUE, FALSE, &physical, NULL) == FS_OK)
        return physical;
      saved_errno = ENOENT;  /* changed under our feet: cannot happen in the fake */
    }
  else
    {
      resolved = realpath (path, NULL);
      if (resolved != NULL)
        {
          char *copy = g_strdup (resolved);

          free (resolved);
          return copy;
        }
      saved_errno = errno;
    }

  shown = sandbar_input_display (path, -1);
  /* Translators: %s is a path, then a system error message */
  reason = g_strdup_printf (_("“%s” cannot be resolved: %s"), shown, g_strerror (saved_errno));
  sandbar_input_set_error (error, SANDBAR_INPUT_ERROR_NOT_ALLOWED, field, as_written, -1, reason);
  return NULL;
}

/* Resolution. */

static void
set_loop_error (GError     **error,
                SandbarField field,
                const char  *as_written,
                const char  *where)
{
  g_autofree char *shown = sandbar_input_display (where, -1);
  g_autofree char *reason =
    /* Translators: %s is a path, %d the number of links the system follows */
    g_strdup_printf (_("“%s” is a loop of symbolic links, or a chain of more than %d"),
                     shown, MAX_SYMLINK_HOPS);

  sandbar_input_set_error (error, SANDBAR_INPUT_ERROR_NOT_ALLOWED, field, as_written, -1, reason);
}

/* Returns the index of the first component whose prefix does not resolve
 * (@parts->len if the whole path does), and why in @status. A prefix that
 * fails makes every longer one fail, so the first failure bounds the
 * existing part. */
static guint
find_first_missing (SandbarPathResolver *self,
                    GPtrArray           *parts,
                    FsStatus            *status)
{
  g_autoptr(GString) prefix = g_string_new (NULL);

  for (guint i = 0; i < parts->len; i++)
    {
      g_string_append_c (prefix, '/');
      g_string_append (prefix, g_ptr_array_index (parts, i));

      *status = fs_stat (self, prefix->str, NULL);
      if (*status != FS_OK)
        return i;
    }

  *status = FS_OK;
  return parts->len;
}

/* Why "“..” follows @where" cannot be resolved. Only the first failing
 * component can be a `..` that exists but cannot be entered; past it,
 * nothing exists. */
static char *
parent_reference_reason (const char *where,
                         FsStatus    status)
{
  g_autofree char *shown = sandbar_input_display (where, -1);

  /* Translators: in these three, %s is a resolved path */
  if (status == FS_NOT_DIRECTORY)
    return g_strdup_printf (_("“..” follows “%s”, which is not a folder"), shown);
  if (status == FS_OTHER)
    return g_strdup_printf (_("“..” follows “%s”, which cannot be looked into"), shown);

  return g_strdup_printf (_("“..” follows “%s”, which does not exist, "
                            "so it cannot be resolved"), shown);
}

/* The missing part is appended as written, so `..` there has no meaning
 * the kernel would agree with: `/x/missing/..` is an error at run time,
 * and guessing `/x` would put a rule on a path nobody uses. */
static gboolean
check_missing_part (SandbarField   field,
                    const char    *as_written,
                    const char    *base,
                    GPtrArray     *parts,
                    guint          missing,
                    FsStatus       status,
                    GError       **error)
{
  for (guint i = missing; i < parts->len; i++)
    {
      g_autofree char *rest = NULL;
      g_autofree char *where = NULL;
      g_autofree char *reason = NULL;

      if (strcmp (g_ptr_array_index (parts, i), "..") != 0)
        continue;

      rest = join_range (parts, missing, i);
      where = path_append (base, rest);
      reason = parent_reference_reason (where, i == missing ? status : FS_MISSING);
      sandbar_input_set_error (error, SANDBAR_INPUT_ERROR_PARENT_REFERENCE, field,
                               as_written, -1, reason);
      return FALSE;
    }

  return TRUE;
}

/* Resolves absolute, cleaned @path physically: realpath of the longest
 * existing ancestor plus the rest. A dangling symlink at the end of the
 * existing part is followed, since creating the path (binding a socket,
 * opening a file for writing) creates its target. */
static gboolean
resolve_physical (SandbarPathResolver  *self,
                  SandbarField          field,
                  const char           *as_written,
                  const char           *path,
                  char                **canonical,
                  gboolean             *exists,
                  GError              **error)
{
  g_autofree char *current = g_strdup (path);
  guint hops = 0;

  for (;;)
    {
      g_autoptr(GPtrArray) parts = split_components (current);
      g_autofree char *ancestor_rest = NULL;
      g_autofree char *ancestor = NULL;
      g_autofree char *dangling = NULL;
      g_autofree char *base = NULL;
      g_autofree char *target = NULL;
      g_autofree char *rest = NULL;
      FsStatus status;
      guint missing = find_first_missing (self, parts, &status);

      ancestor_rest = join_range (parts, 0, missing);
      ancestor = g_strconcat ("/", ancestor_rest, NULL);

      if (missing == parts->len)
        {
          *canonical = fs_realpath (self, field, as_written, ancestor, error);
          *exists = TRUE;
          return *canonical != NULL;
        }

      dangling = path_append (ancestor, g_ptr_array_index (parts, missing));
      if (status == FS_LOOP)
        {
          set_loop_error (error, field, as_written, dangling);
          return FALSE;
        }

      base = fs_realpath (self, field, as_written, ancestor, error);
      if (base == NULL)
        return FALSE;

      if (status == FS_MISSING && (target = fs_read_link (self, dangling)) != NULL)
        {
          g_autofree char *link_rest = join_range (parts, missing + 1, parts->len);
          g_autofree char *start = g_path_is_absolute (target) ? g_strdup (target)
                                                               : path_append (base, target);
          g_autofree char *next = path_append (start, link_rest);

          if (++hops > MAX_SYMLINK_HOPS)
            {
              set_loop_error (error, field, as_written, dangling);
              return FALSE;
            }

          g_free (current);
          current = clean_path (next);
          continue;
        }

      if (!check_missing_part (field, as_written, base, parts, missing, status, error))
        return FALSE;

      rest = join_range (parts, missing, parts->len);
      *canonical = path_append (base, rest);
      *exists = FALSE;
      return TRUE;
    }
}

/* The canonical path is what the sandbox and the kernel get, and it may
 * hold bytes the user never typed (symlink targets, the working
 * directory), so it goes through the input policy again. */
static gboolean
check_canonical (SandbarField   field,
                 const char    *as_written,
                 const char    *canonical,
                 GError       **error)
{
  gsize length = strlen (canonical);
  g_autofree char *shown = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *full = NULL;
  SandbarInputError code;

  /* The common case (nothing wrong) must stay cheap: the display form is
   * built only for a message. */
  if ((field == SANDBAR_FIELD_UNIX_SOCKET && length >= SANDBAR_SOCKET_PATH_MAX_BYTES) ||
      length >= SANDBAR_PATH_MAX_BYTES ||
      sandbar_input_find_path_problem (field, canonical, length, &code, &reason))
    shown = sandbar_input_display (canonical, length);
  else
    return TRUE;

  if (field == SANDBAR_FIELD_UNIX_SOCKET && length >= SANDBAR_SOCKET_PATH_MAX_BYTES)
    {
      g_clear_pointer (&reason, g_free);
      /* Translators: %s is the resolved path, then its length and the limit */
      reason = g_strdup_printf (_("resolves to “%s”, which is %zu bytes long; the operating "
                                  "system’s limit for socket paths is %d bytes"),
                                shown, length, SANDBAR_SOCKET_PATH_MAX_BYTES - 1);
      sandbar_input_set_error (error, SANDBAR_INPUT_ERROR_TOO_LONG, field, as_written, -1,
                               reason);
      return FALSE;
    }

  if (length >= SANDBAR_PATH_MAX_BYTES)
    {
      g_clear_pointer (&reason, g_free);
      /* Translators: %s is the resolved path, then its length and the limit */
      reason = g_strdup_printf (_("resolves to “%s”, which is %zu bytes long; the limit for "
                                  "paths is %d bytes"),
                                shown, length, SANDBAR_PATH_MAX_BYTES - 1);
      sandbar_input_set_error (error, SANDBAR_INPUT_ERROR_TOO_LONG, field, as_written, -1,
                               reason);
      return FALSE;
    }

  /* Translators: %s is the resolved path, then the reason it is rejected */
  full = g_strdup_printf (_("resolves to “%s”: %s"), shown, reason);
  sandbar_input_set_error (error, code, field, as_written, -1, full);
  return FALSE;
}

/* `/private/tmp/x` → `/tmp/x`; only at a component boundary, so
 * `/private/tmpx` has no alias. */
static char *
find_macos_alias (const char *canonical)
{
  static const char * const roots[] = { "/private/tmp", "/private/var", "/private/etc" };

  for (guint i = 0; i < G_N_ELEMENTS (roots); i++)
    {
      gsize length = strlen (roots[i]);

      if (strncmp (canonical, roots[i], length) == 0 &&
          (canonical[length] == '\0' || canonical[length] == '/'))
        return g_strdup (canonical + strlen ("/private"));
    }

  return NULL;
}

static char *
make_absolute (SandbarPathResolver  *self,
               SandbarField          field,
               const char           *as_written,
               const char           *expanded,
               SandbarResolveFlags   flags,
               GError              **error)
{
  g_autofree char *joined = NULL;

  if (g_path_is_absolute (expanded))
    return clean_path (expanded);

  if (!(flags & SANDBAR_RESOLVE_ALLOW_RELATIVE))
    {
      g_autofree char *reason = NULL;

      if (strcmp (expanded, as_written) == 0)
        reason = g_strdup (_("the path is relative; start it with “/”, “~” or a variable "
                             "such as $HOME"));
      else
        {
          g_autofree char *shown = sandbar_input_display (expanded, -1);

          /* Translators: %s is the path after ~ and $VAR expansion */
          reason = g_strdup_printf (_("expands to “%s”, a relative path; start it with “/”, "
                                      "“~” or a variable such as $HOME"), shown);
        }
      sandbar_input_set_error (error, SANDBAR_INPUT_ERROR_RELATIVE, field, as_written, -1,
                               reason);
      return NULL;
    }

  joined = path_append (self->working_directory, expanded);
  return clean_path (joined);
}

/**
 * sandbar_path_resolver_resolve:
 * @self: a resolver
 * @field: the field @path belongs to, for messages and length limits
 * @path: the path as the user wrote it (may hold `~`, `$VAR`, `${VAR}`)
 * @flags: whether a relative path is acceptable
 * @out: (out caller-allocates): zero-initialised storage for the result,
 *   filled only on success; free it with [func@resolved_path_clear]
 * @error: return location for a #GError in the %SANDBAR_INPUT_ERROR domain
 *
 * Expands @path, makes it absolute, resolves the longest existing
 * ancestor physically (`..` there follows the real parent, as in the
 * kernel) and appends the remaining components. Rejected, with a message
 * naming @field and @path: anything [func@input_check_path] rejects, an
 * unset or empty variable, a relative path without
 * %SANDBAR_RESOLVE_ALLOW_RELATIVE, `..` in the part that does not exist,
 * a symlink loop, and a canonical path of 1024 bytes or more (104 or more
 * for %SANDBAR_FIELD_UNIX_SOCKET, the size of `sun_path`).
 *
 * Returns: %TRUE on success
 */
gboolean
sandbar_path_resolver_resolve (SandbarPathResolver  *self,
                               SandbarField          field,
                               const char           *path,
                               SandbarResolveFlags   flags,
                               SandbarResolvedPath  *out,
                               GError              **error)
{
  g_autofree char *expanded = NULL;
  g_autofree char *absolute = NULL;
  g_autofree char *canonical = NULL;
  gboolean exists = FALSE;

  g_return_val_if_fail (SANDBAR_IS_PATH_RESOLVER (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (out->as_written == NULL && out->canonical == NULL &&
                        out->alias == NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  expanded = sandbar_path_expand (field, path, self->env_lookup, self->env_user_data, error);
  if (expanded == NULL)
    return FALSE;

  absolute = make_absolute (self, field, path, expanded, flags, error);
  if (absolute == NULL)
    return FALSE;

  if (!resolve_physical (self, field, path, absolute, &canonical, &exists, error))
    return FALSE;

  if (!check_canonical (field, path, canonical, error))
    return FALSE;

  out->as_written = g_strdup (path);
  out->alias = self->macos_aliases ? find_macos_alias (canonical) : NULL;
  out->canonical = g_steal_pointer (&canonical);
  out->exists = exists;
  return TRUE;
}

/**
 * sandbar_path_resolver_is_directory:
 * @self: a resolver
 * @canonical: an absolute path, usually a [struct@ResolvedPath]'s canonical
 *
 * Returns: %TRUE if @canonical exists and is a directory (after symlinks)
 */
gboolean
sandbar_path_resolver_is_directory (SandbarPathResolver *self,
                                    const char          *canonical)
{
  gboolean is_directory = FALSE;

  g_return_val_if_fail (SANDBAR_IS_PATH_RESOLVER (self), FALSE);
  g_return_val_if_fail (canonical != NULL && g_path_is_absolute (canonical), FALSE);

  return fs_stat (self, canonical, &is_directory) == FS_OK && is_directory;
}

/**
 * sandbar_path_resolver_exists:
 * @self: a resolver
 * @canonical: an absolute path, usually a [struct@ResolvedPath]'s canonical
 *
 * Returns: %TRUE if @canonical exists as anything (after symlinks)
 */
gboolean
sandbar_path_resolver_exists (SandbarPathResolver *self,
                              const char          *canonical)
{
  g_return_val_if_fail (SANDBAR_IS_PATH_RESOLVER (self), FALSE);
  g_return_val_if_fail (canonical != NULL && g_path_is_absolute (canonical), FALSE);

  return fs_stat (self, canonical, NULL) == FS_OK;
}

/**
 * sandbar_path_resolver_set_env_lookup:
 * @self: a resolver
 * @lookup: how `~` and `$VAR` are read
 * @user_data: data for @lookup
 * @destroy: (nullable): frees @user_data when replaced or at finalization
 */
void
sandbar_path_resolver_set_env_lookup (SandbarPathResolver *self,
                                      SandbarEnvLookup     lookup,
                                      gpointer             user_data,
                                      GDestroyNotify       destroy)
{
  g_return_if_fail (SANDBAR_IS_PATH_RESOLVER (self));
  g_return_if_fail (lookup != NULL);

  clear_env_lookup (self);
  self->env_lookup = lookup;
  self->env_user_data = user_data;
  self->env_destroy = destroy;
}

/**
 * sandbar_path_resolver_lookup_env:
 * @self: a resolver
 * @name: a variable name such as `TMPDIR`
 *
 * Reads a variable the way [method@PathResolver.resolve] does, so that
 * callers (the generator's `$TMPDIR` root) see the same environment.
 *
 * Returns: (nullable) (transfer none): the value, or %NULL if unset
 */
const char *
sandbar_path_resolver_lookup_env (SandbarPathResolver *self,
                                  const char          *name)
{
  g_return_val_if_fail (SANDBAR_IS_PATH_RESOLVER (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return self->env_lookup (name, self->env_user_data);
}

/**
 * sandbar_path_resolver_set_working_directory:
 * @self: a resolver
 * @directory: an absolute path
 *
 * Sets the directory relative paths are taken against when
 * %SANDBAR_RESOLVE_ALLOW_RELATIVE is given (`sandbarctl --cwd`).
 */
void
sandbar_path_resolver_set_working_directory (SandbarPathResolver *self,
                                             const char          *directory)
{
  g_return_if_fail (SANDBAR_IS_PATH_RESOLVER (self));
  g_return_if_fail (directory != NULL && g_path_is_absolute (directory));

  if (g_strcmp0 (self->working_directory, directory) == 0)
    return;

  g_free (self->working_directory);
  self->working_directory = g_strdup (directory);
}

/**
 * sandbar_path_resolver_get_working_directory:
 * @self: a resolver
 *
 * Returns: (transfer none): the working directory for relative paths
 */
const char *
sandbar_path_resolver_get_working_directory (SandbarPathResolver *self)
{
  g_return_val_if_fail (SANDBAR_IS_PATH_RESOLVER (self), NULL);

  return self->working_directory;
}

/**
 * sandbar_path_resolver_set_macos_aliases:
 * @self: a resolver
 * @enabled: whether to report `/tmp`, `/var` and `/etc` spellings
 *
 * Turns the [struct@ResolvedPath] alias on or off. Resolution itself does
 * not change: the `/tmp` → `/private/tmp` symlink is resolved either way.
 */
void
sandbar_path_resolver_set_macos_aliases (SandbarPathResolver *self,
                                         gboolean             enabled)
{
  g_return_if_fail (SANDBAR_IS_PATH_RESOLVER (self));

  self->macos_aliases = !!enabled;
}

/**
 * sandbar_path_resolver_get_macos_aliases:
 * @self: a resolver
 *
 * Returns: whether resolved paths carry their macOS alias
 */
gboolean
sandbar_path_resolver_get_macos_aliases (SandbarPathResolver *self)
{
  g_return_val_if_fail (SANDBAR_IS_PATH_RESOLVER (self), FALSE);

  return self->macos_aliases;
}
