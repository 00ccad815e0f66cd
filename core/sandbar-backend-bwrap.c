/* sandbar-backend-bwrap.c — the Linux backend: bubblewrap
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sandbar-backend-bwrap.h"

/**
 * SandbarBackendBwrap:
 *
 * Runs a command under bubblewrap with a view of the file system built
 * from the policy (DESIGN.md, "Launch" and "Linux view"). bwrap applies
 * its mount options in order, so the order below is the policy:
 *
 * 1. namespaces: user, pid, ipc, uts, cgroup, and net when the network is
 *    restricted; all capabilities dropped;
 * 2. `/` read-only (or writable with write access "everything"), a fresh
 *    `/dev` and `/proc`;
 * 3. each writable folder bound writable, unless another one holds it;
 * 4. with Unix sockets limited, the usual socket folders (`/run`, `/tmp`,
 *    `$XDG_RUNTIME_DIR`, `/dev/shm`, …) replaced by empty private tmpfs;
 *    then shown again inside them: the working directory, the writable
 *    folders and each allowlisted socket that exists; then the tmpfs made
 *    read-only unless temporary files may be written;
 * 5. protected names that exist, bound read-only again;
 * 6. hidden paths last, so they win: an empty read-only tmpfs over a
 *    folder, `/dev/null` over a file.
 *
 * Every value is its own argv element after its option, so a path that
 * starts with `-` or holds spaces or quotes is only ever a path.
 *
 * Facts about the machine (which socket folders exist, where `/var/run`
 * leads, whether a protected name exists) come from a
 * [class@PathResolver], so tests can build the view of a fake machine.
 */

#define TIOCSTI_CONTROL "/proc/sys/dev/tty/legacy_tiocsti"

/* Where services put their sockets; `$XDG_RUNTIME_DIR` is expanded by the
 * resolver. */
static const char * const socket_folders[] = {
  "/run",
  "/var/run",
  "/tmp",
  "/private/tmp",
  "$XDG_RUNTIME_DIR",
  "/dev/shm",
};

struct _SandbarBackendBwrap
{
  GObject parent_instance;

  /* Owned */
  SandbarPathResolver *resolver;
  char                *program;
  char                *tiocsti_control;
};

static void backend_iface_init (SandbarBackendInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SandbarBackendBwrap, sandbar_backend_bwrap, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (SANDBAR_TYPE_BACKEND, backend_iface_init))

enum {
  PROP_0,
  PROP_RESOLVER,
  PROP_PROGRAM,
  PROP_TIOCSTI_CONTROL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* How a writable folder appears in the sandbox. */
typedef enum
{
  ROOT_MISSING,    /* does not exist: cannot be bound */
  ROOT_BOUND,      /* bound writable, outside the socket folders */
  ROOT_COVERED,    /* inside another bound folder: writable through it */
  ROOT_SHOWN,      /* inside a socket folder: bound again after masking */
  ROOT_PRIVATE,    /* a socket folder itself, or temp inside one: private */
} RootPlacement;

/* The sandbox's view being built, and what was learnt on the way. */
typedef struct
{
  SandbarBackendBwrap *self;
  const SandbarPolicy *policy;
  GStrvBuilder        *argv;
  GPtrArray           *warnings;            /* nullable, borrowed */
  GPtrArray           *masked;              /* canonical socket folders, sorted */
  GPtrArray           *shown;               /* paths bound again inside them, borrowed */
  RootPlacement       *placements;          /* one per writable root */
  gboolean             masked_writable;
  gboolean             protected_missing;
  gboolean             hidden_missing;
  gboolean             socket_in_masked;
} View;

static void
view_clear (View *view)
{
  g_clear_pointer (&view->argv, g_strv_builder_unref);
  g_clear_pointer (&view->masked, g_ptr_array_unref);
  g_clear_pointer (&view->shown, g_ptr_array_unref);
  g_clear_pointer (&view->placements, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (View, view_clear)

/* Whether @path is @dir or below it; both canonical. */
static gboolean
is_within (const char *path,
           const char *dir)
{
  gsize length = strlen (dir);

  if (g_str_equal (dir, "/"))
    return TRUE;

  return strncmp (path, dir, length) == 0 && (path[length] == '\0' || path[length] == '/');
}

static gboolean
is_within_any (const char *path,
               GPtrArray  *dirs)
{
  for (guint i = 0; i < dirs->len; i++)
    if (is_within (path, g_ptr_array_index (dirs, i)))
      return TRUE;

  return FALSE;
}

/* The socket folder @path is in (or is), or %NULL. */
static const char *
masked_folder (View       *view,
               const char *path)
{
  for (guint i = 0; i < view->masked->len; i++)
    if (is_within (path, g_ptr_array_index (view->masked, i)))
      return g_ptr_array_index (view->masked, i);

  return NULL;
}

/* Whether @path is gone from the sandbox because a socket folder above
 * it was replaced, and nothing at or around it was shown again. */
static gboolean
is_masked_away (View       *view,
                const char *path)
{
  const char *folder = masked_folder (view, path);

  if (folder == NULL || g_str_equal (folder, path))
    return FALSE;

  for (guint i = 0; i < view->shown->len; i++)
    {
      const char *shown = g_ptr_array_index (view->shown, i);

      if (is_within (path, shown) || is_within (shown, path))
        return FALSE;
    }

  return TRUE;
}

static void
add (View       *view,
     const char *option,
     const char *path)
{
  g_strv_builder_add_many (view->argv, option, path, NULL);
}

static void
add_same (View       *view,
          const char *option,
          const char *path)
{
  g_strv_builder_add_many (view->argv, option, path, path, NULL);
}

/* Takes @sentence, a translated warning, for the caller's array. */
static void
warn (View *view,
      char *sentence)
{
  if (view->warnings != NULL)
    g_ptr_array_add (view->warnings, sentence);
  else
    g_free (sentence);
}

static gboolean
is_temp_root (const SandbarPolicyPath *root)
{
  return root->kind == SANDBAR_ROOT_TEMP || root->kind == SANDBAR_ROOT_TMPDIR;
}

static gboolean
socket_exists_at (const SandbarPolicy *policy,
                  const char          *folder)
{
  for (guint i = 0; i < policy->sockets->len; i++)
    {
      const SandbarPolicyPath *socket = g_ptr_array_index (policy->sockets, i);

      if (socket->exists && is_within (folder, socket->canonical))
        return TRUE;
    }

  return FALSE;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/* The socket folders to replace: those that exist, by canonical path
 * (`/var/run` is `/run` on Debian), outermost only. An allowlisted folder
 * is shown whole, so a socket folder inside one is left as it is. */
static void
find_socket_folders (View *view)
{
  const SandbarPolicy *policy = view->policy;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);

  view->masked = g_ptr_array_new_with_free_func (g_free);
  if (policy->socket_access == SANDBAR_SOCKET_ACCESS_ALL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (socket_folders); i++)
    {
      g_auto(SandbarResolvedPath) resolved = { 0 };

      if (!sandbar_path_resolver_resolve (view->self->resolver, SANDBAR_FIELD_UNIX_SOCKET,
                                          socket_folders[i], SANDBAR_RESOLVE_NONE, &resolved,
                                          NULL) ||
          g_str_equal (resolved.canonical, "/") ||
          !sandbar_path_resolver_is_directory (view->self->resolver, resolved.canonical) ||
          socket_exists_at (policy, resolved.canonical))
        continue;

      g_ptr_array_add (found, g_steal_pointer (&resolved.canonical));
    }

  /* Sorted bytewise, a folder comes before everything inside it. */
  g_ptr_array_sort (found, compare_strings);
  for (guint i = 0; i < found->len; i++)
    {
      const char *folder = g_ptr_array_index (found, i);

      if (!is_within_any (folder, view->masked))
        g_ptr_array_add (view->masked, g_strdup (folder));
    }
}

/* Decides how each writable folder appears, before anything is added. */
static void
place_roots (View *view)
{
  GPtrArray *roots = view->policy->writable_roots;

  view->placements = g_new0 (RootPlacement, roots->len + 1);
  view->masked_writable = view->policy->write_access == SANDBAR_WRITE_ACCESS_ALL;

  for (guint i = 0; i < roots->len; i++)
    {
      const SandbarPolicyPath *root = g_ptr_array_index (roots, i);
      const char *folder = masked_folder (view, root->canonical);

      if (folder != NULL && (is_temp_root (root) || g_str_equal (folder, root->canonical)))
        {
          /* Temporary files inside a replaced folder stay private scratch
           * space; a folder that is itself replaced cannot be shown again
           * without showing every socket in it. */
          view->placements[i] = ROOT_PRIVATE;
          view->masked_writable = TRUE;
        }
      else if (!root->exists)
        view->placements[i] = ROOT_MISSING;
      else
        view->placements[i] = folder != NULL ? ROOT_SHOWN : ROOT_BOUND;
    }

  /* A folder inside another of the same kind is writable through it. */
  for (guint i = 0; i < roots->len; i++)
    for (guint j = 0; j < roots->len; j++)
      {
        const SandbarPolicyPath *inner = g_ptr_array_index (roots, i);
        const SandbarPolicyPath *outer = g_ptr_array_index (roots, j);

        if (i != j && view->placements[j] == view->placements[i] &&
            (view->placements[i] == ROOT_BOUND || view->placements[i] == ROOT_SHOWN) &&
            is_within (inner->canonical, outer->canonical))
          {
            view->placements[i] = ROOT_COVERED;
            break;
          }
      }
}

static void
add_namespaces (View *view)
{
  g_strv_builder_add_many (view->argv,
                           "--die-with-parent",
                           "--unshare-user", "--unshare-pid", "--unshare-ipc", "--unshare-uts",
                           "--unshare-cgroup-try",
                           NULL);
  if (view->policy->network_access == SANDBAR_NETWORK_ACCESS_RESTRICTED)
    g_strv_builder_add (view->argv, "--unshare-net");
  g_strv_builder_add_many (view->argv, "--cap-drop", "ALL", NULL);
}

static void
add_base (View *view)
{
  GPtrArray *roots = view->policy->writable_roots;

  add_same (view, view->policy->write_access == SANDBAR_WRITE_ACCESS_ALL ? "--bind" : "--ro-bind",
            "/");
  add (view, "--dev", "/dev");
  add (view, "--proc", "/proc");

  for (guint i = 0; i < roots->len; i++)
    {
      const SandbarPolicyPath *root = g_ptr_array_index (roots, i);

      if (view->placements[i] == ROOT_BOUND)
        add_same (view, "--bind", root->canonical);
      else if (view->placements[i] == ROOT_MISSING)
        {
          g_autofree char *shown = sandbar_input_display (root->canonical, -1);

          warn (view, g_strdup_printf (_("Writable folder “%s” does not exist, so it is left "
                                         "out."), shown));
        }
    }
}

static gboolean
is_root (const SandbarPolicy *policy,
         const char          *path)
{
  for (guint i = 0; i < policy->writable_roots->len; i++)
    if (g_str_equal (((SandbarPolicyPath *)g_ptr_array_index (policy->writable_roots,
                                                              i))->canonical, path))
      return TRUE;

  return FALSE;
}

static void
add_working_directory (View *view)
{
  const SandbarPolicy *policy = view->policy;
  const char *directory = policy->working_directory;
  const char *folder = masked_folder (view, directory);
  GPtrArray *roots = policy->writable_roots;

  if (folder == NULL)
    return;

  if (g_str_equal (folder, directory))
    {
      if (!is_root (policy, directory))
        {
          g_autofree char *shown = sandbar_input_display (directory, -1);

          warn (view, g_strdup_printf (_("The working directory “%s” is replaced by an empty "
                                         "private folder, because Unix sockets are limited."),
                                       shown));
        }
      return;
    }

  /* Inside a writable folder that is shown again: nothing to add. */
  for (guint i = 0; i < roots->len; i++)
    if (view->placements[i] == ROOT_SHOWN &&
        is_within (directory, ((SandbarPolicyPath *)g_ptr_array_index (roots, i))->canonical))
      return;

  if (!sandbar_path_resolver_is_directory (view->self->resolver, directory))
    return;

  /* Shown again so that the command can start in it: read-only, unless
   * everything is writable. */
  add_same (view, policy->write_access == SANDBAR_WRITE_ACCESS_ALL ? "--bind" : "--ro-bind",
            directory);
  g_ptr_array_add (view->shown, (gpointer)directory);
}

static void
add_socket_view (View *view)
{
  const SandbarPolicy *policy = view->policy;
  GPtrArray *roots = policy->writable_roots;
  g_autoptr(GPtrArray) writable = g_ptr_array_new ();

  if (view->masked->len == 0)
    return;

  for (guint i = 0; i < view->masked->len; i++)
    add (view, "--tmpfs", g_ptr_array_index (view->masked, i));

  for (guint i = 0; i < roots->len; i++)
    {
      const SandbarPolicyPath *root = g_ptr_array_index (roots, i);

      if (view->placements[i] == ROOT_PRIVATE &&
          !g_str_equal (masked_folder (view, root->canonical), root->canonical))
        add (view, "--dir", root->canonical);
      else if (view->placements[i] == ROOT_PRIVATE && !is_temp_root (root))
        {
          g_autofree char *shown = sandbar_input_display (root->canonical, -1);

          warn (view, g_strdup_printf (_("Writable folder “%s” is replaced by an empty private "
                                         "folder, because Unix sockets are limited: its files "
                                         "are not visible and what is written there is not "
                                         "kept. Choose a folder inside it instead."),
                                       shown));
        }
    }

  add_working_directory (view);

  for (guint i = 0; i < roots->len; i++)
    if (view->placements[i] == ROOT_SHOWN)
      {
        const SandbarPolicyPath *root = g_ptr_array_index (roots, i);

        add_same (view, "--bind", root->canonical);
        g_ptr_array_add (view->shown, root->canonical);
        g_ptr_array_add (writable, root->canonical);
      }

  /* Sorted by path, so a folder comes before the sockets inside it. */
  for (guint i = 0; i < policy->sockets->len; i++)
    {
      const SandbarPolicyPath *socket = g_ptr_array_index (policy->sockets, i);

      if (masked_folder (view, socket->canonical) == NULL)
        continue;

      view->socket_in_masked = TRUE;
      if (!socket->exists)
        {
          g_autofree char *shown = sandbar_input_display (socket->canonical, -1);

          warn (view, g_strdup_printf (_("Unix socket “%s” does not exist yet, so the sandbox "
                                         "leaves it out: only a socket that exists when the "
                                         "command starts can be let through, and letting its "
                                         "folder through would expose the sockets next to "
                                         "it."),
                                       shown));
          continue;
        }

      /* Writable, as Seatbelt lets the command bind() there too. */
      if (!is_within_any (socket->canonical, writable))
        {
          add_same (view, "--bind", socket->canonical);
          g_ptr_array_add (view->shown, socket->canonical);
          g_ptr_array_add (writable, socket->canonical);
        }
    }

  /* Last: bwrap creates the mount points above in the empty folders. */
  if (!view->masked_writable)
    for (guint i = 0; i < view->masked->len; i++)
      add (view, "--remount-ro", g_ptr_array_index (view->masked, i));
}

static void
add_protected_names (View *view)
{
  const SandbarPolicy *policy = view->policy;
  GPtrArray *roots = policy->writable_roots;
  g_autoptr(GHashTable) added = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < roots->len; i++)
    {
      const SandbarPolicyPath *root = g_ptr_array_index (roots, i);

      if (view->placements[i] != ROOT_BOUND && view->placements[i] != ROOT_COVERED &&
          view->placements[i] != ROOT_SHOWN)
        continue;

      for (guint j = 0; j < policy->protected_names->len; j++)
        {
          char *path = g_build_filename (root->canonical,
                                         g_ptr_array_index (policy->protected_names, j), NULL);

          if (!sandbar_path_resolver_exists (view->self->resolver, path))
            {
              view->protected_missing = TRUE;
              g_free (path);
            }
          else if (g_hash_table_add (added, path))
            add_same (view, "--ro-bind", path);
        }
    }
}

static gboolean
is_inside_other_hidden (const SandbarPolicy     *policy,
                        const SandbarPolicyPath *path)
{
  for (guint i = 0; i < policy->deny_read->len; i++)
    {
      const SandbarPolicyPath *other = g_ptr_array_index (policy->deny_read, i);

      if (other != path && other->is_directory && is_within (path->canonical, other->canonical))
        return TRUE;
    }

  return FALSE;
}

static void
add_hidden_paths (View *view)
{
  const SandbarPolicy *policy = view->policy;

  for (guint i = 0; i < policy->deny_read->len; i++)
    {
      const SandbarPolicyPath *path = g_ptr_array_index (policy->deny_read, i);

      if (is_inside_other_hidden (policy, path) || is_masked_away (view, path->canonical))
        continue;  /* already gone from the sandbox, and stays gone */
      else if (!path->exists)
        view->hidden_missing = TRUE;  /* nothing to hide now: a limit, not news */
      else if (path->is_directory)
        {
          add (view, "--tmpfs", path->canonical);
          add (view, "--remount-ro", path->canonical);
        }
      else
        g_strv_builder_add_many (view->argv, "--ro-bind", "/dev/null", path->canonical, NULL);
    }
}

/* Builds the argv up to the command, learning on the way what
 * describe_limits reports. */
static void
build_view (View                *view,
            SandbarBackendBwrap *self,
            const SandbarPolicy *policy,
            const char          *program,
            GPtrArray           *warnings)
{
  *view = (View) {
    .self = self,
    .policy = policy,
    .argv = g_strv_builder_new (),
    .warnings = warnings,
    .shown = g_ptr_array_new (),
  };

  find_socket_folders (view);
  place_roots (view);

  g_strv_builder_add (view->argv, program);
  add_namespaces (view);
  add_base (view);
  add_socket_view (view);
  add_protected_names (view);
  add_hidden_paths (view);

  add (view, "--chdir", policy->working_directory);
  g_strv_builder_add_many (view->argv,
                           "--setenv", "SANDBAR_PROFILE", policy->profile_id,
                           "--setenv", "SANDBAR_SANDBOX", "bwrap",
                           NULL);
}

static char *
find_program (SandbarBackendBwrap *self)
{
  g_autofree char *found = NULL;

  if (self->program != NULL)
    return g_strdup (self->program);

  found = g_find_program_in_path ("bwrap");
  if (found == NULL)
    return NULL;

  /* A relative entry in PATH gives a relative result. */
  return g_canonicalize_filename (found, NULL);
}

static const char *
bwrap_get_name (SandbarBackend *backend)
{
  return "bwrap";
}

static gboolean
bwrap_check_available (SandbarBackend  *backend,
                       GError         **error)
{
  SandbarBackendBwrap *self = SANDBAR_BACKEND_BWRAP (backend);
  g_autofree char *program = find_program (self);

  if (program != NULL && g_file_test (program, G_FILE_TEST_IS_EXECUTABLE))
    return TRUE;

  g_set_error_literal (error, SANDBAR_BACKEND_ERROR, SANDBAR_BACKEND_ERROR_UNAVAILABLE,
                       _("bubblewrap (bwrap) was not found; install it with "
                         "“sudo apt install bubblewrap” (Debian, Ubuntu) or "
                         "“sudo dnf install bubblewrap” (Fedora)"));
  return FALSE;
}

static GStrv
bwrap_build_argv (SandbarBackend       *backend,
                  const SandbarPolicy  *policy,
                  const char * const   *command,
                  SandbarPrivateDir    *dir,
                  GPtrArray            *warnings,
                  GError              **error)
{
  SandbarBackendBwrap *self = SANDBAR_BACKEND_BWRAP (backend);
  g_auto(View) view = { 0 };
  g_autofree char *program = find_program (self);

  /* Without bwrap installed the argv can still be shown; this is where
   * Debian and Fedora put it. */
  build_view (&view, self, policy, program != NULL ? program : "/usr/bin/bwrap", warnings);
  g_strv_builder_add (view.argv, "--");
  g_strv_builder_addv (view.argv, (const char **)command);

  return g_strv_builder_end (view.argv);
}

static char *
read_tiocsti_control (SandbarBackendBwrap *self)
{
  char *contents = NULL;

  if (!g_file_get_contents (self->tiocsti_control, &contents, NULL, NULL))
    return NULL;
  return g_strstrip (contents);
}

static GPtrArray *
bwrap_describe_limits (SandbarBackend      *backend,
                       const SandbarPolicy *policy)
{
  SandbarBackendBwrap *self = SANDBAR_BACKEND_BWRAP (backend);
  GPtrArray *limits = g_ptr_array_new_with_free_func (g_free);
  g_auto(View) view = { 0 };
  g_autofree char *tiocsti = NULL;

  build_view (&view, self, policy, "bwrap", NULL);

  if (policy->socket_access != SANDBAR_SOCKET_ACCESS_ALL)
    {
      g_autoptr(GString) folders = g_string_new (NULL);

      for (guint i = 0; i < view.masked->len; i++)
        {
          if (i > 0)
            g_string_append (folders, ", ");
          g_string_append (folders, g_ptr_array_index (view.masked, i));
        }

      if (view.masked->len > 0)
        /* Translators: %s is a list of folders such as "/dev/shm, /run, /tmp". */
        g_ptr_array_add (limits,
                         g_strdup_printf (_("Unix sockets outside %s stay reachable, for "
                                            "example under your home folder or in the "
                                            "working directory."),
                                          folders->str));
      else
        g_ptr_array_add (limits,
                         g_strdup (_("Unix sockets stay reachable: none of the usual socket "
                                     "folders exists to be hidden.")));

      if (view.socket_in_masked)
        g_ptr_array_add (limits,
                         g_strdup (_("An allowlisted socket in those folders must exist when "
                                     "the command starts; one created later cannot be "
                                     "reached.")));
    }

  if (policy->network_access == SANDBAR_NETWORK_ACCESS_FULL &&
      policy->socket_access != SANDBAR_SOCKET_ACCESS_ALL)
    g_ptr_array_add (limits,
                     g_strdup (_("With full network access, abstract Unix sockets (those "
                                 "without a file, used by some D-Bus and X11 services) stay "
                                 "reachable.")));

  if (policy->network_access == SANDBAR_NETWORK_ACCESS_RESTRICTED &&
      (policy->localhost_ports->len > 0 || policy->allow_local_binding))
    g_ptr_array_add (limits,
                     g_strdup (_("Localhost ports and local servers need the computer’s "
                                 "network, which a restricted network does not share on "
                                 "Linux, so they are not available yet.")));

  if (view.hidden_missing)
    g_ptr_array_add (limits,
                     g_strdup (_("A hidden path that does not exist when the command starts "
                                 "(such as ~/.aws on a computer without it) is not hidden if "
                                 "it is created while the command runs.")));

  if (view.protected_missing)
    g_ptr_array_add (limits,
                     g_strdup (_("A protected name that does not exist yet (such as .git in "
                                 "a new folder) can be created in a writable folder; only "
                                 "existing ones are kept read-only.")));

  tiocsti = read_tiocsti_control (self);
  if (tiocsti == NULL)
    g_ptr_array_add (limits,
                     g_strdup (_("A sandboxed program can type into the terminal it runs in "
                                 "(TIOCSTI), and this kernel has no setting to prevent it.")));
  else if (!g_str_equal (tiocsti, "0"))
    g_ptr_array_add (limits,
                     g_strdup (_("A sandboxed program can type into the terminal it runs in "
                                 "(TIOCSTI); setting the kernel option "
                                 "dev.tty.legacy_tiocsti to 0 prevents it.")));

  return limits;
}

static void
backend_iface_init (SandbarBackendInterface *iface)
{
  iface->get_name = bwrap_get_name;
  iface->check_available = bwrap_check_available;
  iface->build_argv = bwrap_build_argv;
  iface->describe_limits = bwrap_describe_limits;
}

static void
sandbar_backend_bwrap_constructed (GObject *object)
{
  SandbarBackendBwrap *self = SANDBAR_BACKEND_BWRAP (object);

  G_OBJECT_CLASS (sandbar_backend_bwrap_parent_class)->constructed (object);

  if (self->resolver == NULL)
    self->resolver = sandbar_path_resolver_new ();
  if (self->tiocsti_control == NULL)
    self->tiocsti_control = g_strdup (TIOCSTI_CONTROL);
}

static void
sandbar_backend_bwrap_finalize (GObject *object)
{
  SandbarBackendBwrap *self = SANDBAR_BACKEND_BWRAP (object);

  g_clear_object (&self->resolver);
  g_clear_pointer (&self->program, g_free);
  g_clear_pointer (&self->tiocsti_control, g_free);

  G_OBJECT_CLASS (sandbar_backend_bwrap_parent_class)->finalize (object);
}

static void
sandbar_backend_bwrap_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  SandbarBackendBwrap *self = SANDBAR_BACKEND_BWRAP (object);

  switch (prop_id)
    {
    case PROP_RESOLVER:
      g_value_set_object (value, self->resolver);
      break;

    case PROP_PROGRAM:
      g_value_set_string (value, self->program);
      break;

    case PROP_TIOCSTI_CONTROL:
      g_value_set_string (value, self->tiocsti_control);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sandbar_backend_bwrap_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  SandbarBackendBwrap *self = SANDBAR_BACKEND_BWRAP (object);

  switch (prop_id)
    {
    case PROP_RESOLVER:
      self->resolver = g_value_dup_object (value);
      break;

    case PROP_PROGRAM:
      self->program = g_value_dup_string (value);
      break;

    case PROP_TIOCSTI_CONTROL:
      self->tiocsti_control = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sandbar_backend_bwrap_class_init (SandbarBackendBwrapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = sandbar_backend_bwrap_constructed;
  object_class->finalize = sandbar_backend_bwrap_finalize;
  object_class->get_property = sandbar_backend_bwrap_get_property;
  object_class->set_property = sandbar_backend_bwrap_set_property;

  /**
   * SandbarBackendBwrap:resolver:
   *
   * Where facts about the machine come from: which socket folders exist,
   * whether a protected name exists. The real file system by default.
   */
  properties[PROP_RESOLVER] =
    g_param_spec_object ("resolver", NULL, NULL, SANDBAR_TYPE_PATH_RESOLVER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * SandbarBackendBwrap:program:
   *
   * The absolute path of bwrap; %NULL to look it up on `PATH` when used.
   */
  properties[PROP_PROGRAM] =
    g_param_spec_string ("program", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * SandbarBackendBwrap:tiocsti-control:
   *
   * The file holding the kernel's `dev.tty.legacy_tiocsti` setting, read
   * by [method@Backend.describe_limits]; tests point it elsewhere.
   */
  properties[PROP_TIOCSTI_CONTROL] =
    g_param_spec_string ("tiocsti-control", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sandbar_backend_bwrap_init (SandbarBackendBwrap *self)
{
}

/**
 * sandbar_backend_bwrap_new:
 * @resolver: (nullable): where facts about the machine come from; %NULL
 *   for the real file system. Use the resolver the policy was made with.
 *
 * Returns: (transfer full): the bubblewrap backend
 */
SandbarBackend *
sandbar_backend_bwrap_new (SandbarPathResolver *resolver)
{
  g_return_val_if_fail (resolver == NULL || SANDBAR_IS_PATH_RESOLVER (resolver), NULL);

  return g_object_new (SANDBAR_TYPE_BACKEND_BWRAP, "resolver", resolver, NULL);
}
