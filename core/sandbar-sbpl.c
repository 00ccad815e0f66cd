/* sandbar-sbpl.c — a policy rendered as a Seatbelt profile (SBPL)
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rules (DESIGN.md, "SBPL generation"): no user data in the profile
 * text, every path is a parameter; denies come after allows; never an
 * unfiltered allow for writes, network or sockets; no `#"…"` literals;
 * output is byte-for-byte deterministic. Both renderings are written in
 * one pass from the same calls, so they cannot drift apart.
 */

#include "config.h"

#include <string.h>

#include "sandbar-sbpl-private.h"
#include "sandbar-sbpl-reader.h"

/* The base rules: what an interactive shell needs under (deny default),
 * written from the facts in reference/sbpl.md §7 and Codex's base policy.
 * Deliberately absent: lsopen, appleevent-send and LaunchServices, which
 * would let `open -a` start applications outside the sandbox. */
static const char base_rules[] =
  "; processes, signals and process information within the sandbox\n"
  "(allow process-exec)\n"
  "(allow process-fork)\n"
  "(allow signal (target same-sandbox))\n"
  "(allow process-info* (target same-sandbox))\n"
  "\n"
  "; system information that libc, uname, ps and runtimes ask for\n"
  "(allow sysctl-read\n"
  "  (sysctl-name \"hw.activecpu\") (sysctl-name \"hw.busfrequency_compat\")\n"
  "  (sysctl-name \"hw.byteorder\") (sysctl-name \"hw.cacheconfig\")\n"
  "  (sysctl-name \"hw.cachelinesize_compat\") (sysctl-name \"hw.cpufamily\")\n"
  "  (sysctl-name \"hw.cpufrequency\") (sysctl-name \"hw.cpufrequency_compat\")\n"
  "  (sysctl-name \"hw.cputype\") (sysctl-name \"hw.l1dcachesize_compat\")\n"
  "  (sysctl-name \"hw.l1icachesize_compat\") (sysctl-name \"hw.l2cachesize_compat\")\n"
  "  (sysctl-name \"hw.l3cachesize_compat\") (sysctl-name \"hw.logicalcpu\")\n"
  "  (sysctl-name \"hw.logicalcpu_max\") (sysctl-name \"hw.machine\")\n"
  "  (sysctl-name \"hw.memsize\") (sysctl-name \"hw.model\") (sysctl-name \"hw.ncpu\")\n"
  "  (sysctl-name \"hw.nperflevels\") (sysctl-name \"hw.packages\")\n"
  "  (sysctl-name \"hw.pagesize\") (sysctl-name \"hw.pagesize_compat\")\n"
  "  (sysctl-name \"hw.physicalcpu\") (sysctl-name \"hw.physicalcpu_max\")\n"
  "  (sysctl-name \"hw.tbfrequency_compat\") (sysctl-name \"hw.vectorunit\")\n"
  "  (sysctl-name \"machdep.cpu.brand_string\")\n"
  "  (sysctl-name \"kern.argmax\") (sysctl-name \"kern.hostname\")\n"
  "  (sysctl-name \"kern.maxfilesperproc\") (sysctl-name \"kern.maxproc\")\n"
  "  (sysctl-name \"kern.osproductversion\") (sysctl-name \"kern.osrelease\")\n"
  "  (sysctl-name \"kern.ostype\") (sysctl-name \"kern.osvariant_status\")\n"
  "  (sysctl-name \"kern.osversion\") (sysctl-name \"kern.secure_kernel\")\n"
  "  (sysctl-name \"kern.usrstack64\") (sysctl-name \"kern.version\")\n"
  "  (sysctl-name \"sysctl.proc_cputype\") (sysctl-name \"vm.loadavg\")\n"
  "  (sysctl-name-prefix \"hw.optional.arm.\") (sysctl-name-prefix \"hw.optional.armv8_\")\n"
  "  (sysctl-name-prefix \"hw.perflevel\") (sysctl-name-prefix \"kern.proc.pgrp.\")\n"
  "  (sysctl-name-prefix \"kern.proc.pid.\") (sysctl-name-prefix \"net.routetable.\"))\n"
  "(allow sysctl-write (sysctl-name \"kern.grade_cputype\"))\n"
  "(allow iokit-open (iokit-registry-entry-class \"RootDomainUserClient\"))\n"
  "\n"
  "; user lookup (~, the prompt), logging, notifications and preferences\n"
  "(allow mach-lookup\n"
  "  (global-name \"com.apple.system.opendirectoryd.libinfo\")\n"
  "  (global-name \"com.apple.system.logger\")\n"
  "  (global-name \"com.apple.logd\")\n"
  "  (global-name \"com.apple.system.notification_center\")\n"
  "  (global-name \"com.apple.PowerManagement.control\")\n"
  "  (global-name \"com.apple.cfprefsd.daemon\")\n"
  "  (global-name \"com.apple.cfprefsd.agent\")\n"
  "  (local-name \"com.apple.cfprefsd.agent\"))\n"
  "(allow user-preference-read)\n"
  "(allow ipc-posix-sem)\n"
  "(allow ipc-posix-shm-read-data ipc-posix-shm-write-create ipc-posix-shm-write-unlink\n"
  "  (ipc-posix-name-regex \"^/__KMP_REGISTERED_LIB_[0-9]+$\"))\n"
  "(allow ipc-posix-shm-read* (ipc-posix-name-prefix \"apple.cfprefs.\"))\n"
  "\n"
  "; terminals: new pseudo-terminals and the one the shell was started on\n"
  "(allow pseudo-tty)\n"
  "(allow file-read* file-write* file-ioctl (literal \"/dev/ptmx\") (literal \"/dev/tty\"))\n"
  "(allow file-read* file-write*\n"
  "  (require-all (regex \"^/dev/ttys[0-9]+$\") (extension \"com.apple.sandbox.pty\")))\n"
  "(allow file-ioctl (regex \"^/dev/ttys[0-9]+$\"))\n"
  "\n"
  "; devices every program expects\n"
  "(allow file-write-data\n"
  "  (require-all (literal \"/dev/null\") (vnode-type CHARACTER-DEVICE))\n"
  "  (require-all (literal \"/dev/zero\") (vnode-type CHARACTER-DEVICE)))\n"
  "(allow file-read* file-write* (subpath \"/dev/fd\"))\n"
  "(allow file-ioctl (literal \"/dev/null\") (literal \"/dev/zero\") (literal \"/dev/dtracehelper\"))\n";

/* What full IP networking needs besides the sockets themselves: TLS trust,
 * the system configuration, and DNS through mDNSResponder's socket
 * (DESIGN.md, "DNS with full network on macOS"). Fixed text, no user data. */
static const char full_network_services[] =
  "(allow system-socket (require-all (socket-domain AF_SYSTEM) (socket-protocol 2)))\n"
  "(allow mach-lookup\n"
  "  (global-name \"com.apple.bsd.dirhelper\")\n"
  "  (global-name \"com.apple.system.opendirectoryd.membership\")\n"
  "  (global-name \"com.apple.SecurityServer\")\n"
  "  (global-name \"com.apple.networkd\")\n"
  "  (global-name \"com.apple.ocspd\")\n"
  "  (global-name \"com.apple.trustd.agent\")\n"
  "  (global-name \"com.apple.SystemConfiguration.DNSConfiguration\")\n"
  "  (global-name \"com.apple.SystemConfiguration.configd\"))\n"
  "(allow network-outbound (remote unix-socket (path-literal \"/private/var/run/mDNSResponder\")))\n";

/* Writes both renderings side by side. */
typedef struct
{
  GString   *text;
  GString   *inline_text;
  GPtrArray *params;
  gsize      literal_max;  /* longest inline literal, see sandbar-sbpl-private.h */
} Writer;

static void
param_free (gpointer data)
{
  SandbarSbplParam *param = data;

  g_free (param->name);
  g_free (param->value);
  g_free (param);
}

static void
emit (Writer     *w,
      const char *fixed)
{
  g_string_append (w->text, fixed);
  g_string_append (w->inline_text, fixed);
}

/* Adds a parameter and returns its name (owned by the writer). */
static const char *
add_param (Writer     *w,
           char       *name,
           const char *value)
{
  SandbarSbplParam *param = g_new (SandbarSbplParam, 1);

  param->name = name;
  param->value = g_strdup (value);
  g_ptr_array_add (w->params, param);
  return name;
}

/* Inline `(FILTER "value")`, or `(FILTER (string-append "…" "…"))` when
 * the value is too long for one literal: a path of 1023 bytes joined with
 * a protected name of 255 is longer than sandbox-exec reads. */
static void
emit_inline_path (Writer     *w,
                  const char *filter,
                  const char *value)
{
  g_string_append_c (w->inline_text, '(');
  g_string_append (w->inline_text, filter);
  g_string_append_c (w->inline_text, ' ');
  sandbar_sbpl_append_string (w->inline_text, value, strlen (value), w->literal_max);
  g_string_append_c (w->inline_text, ')');
}

/* `(FILTER (param "NAME"))`, inline `(FILTER "value")`. */
static void
emit_path (Writer     *w,
           const char *filter,
           const char *name,
           const char *value)
{
  /* Plain appends, not printf: this runs once per path, thousands of
   * times for a long socket list. */
  g_string_append_c (w->text, '(');
  g_string_append (w->text, filter);
  g_string_append (w->text, " (param \"");
  g_string_append (w->text, name);
  g_string_append (w->text, "\"))");

  emit_inline_path (w, filter, value);
}

/* `(FILTER (string-append (param "ROOT") "/" (param "NAME")))`: a derived
 * path built inside SBPL, never by splicing text. */
static void
emit_joined_path (Writer           *w,
                  const char       *filter,
                  SandbarSbplParam *root,
                  SandbarSbplParam *name)
{
  g_autofree char *joined = g_strconcat (root->value, "/", name->value, NULL);

  g_string_append_c (w->text, '(');
  g_string_append (w->text, filter);
  g_string_append (w->text, " (string-append (param \"");
  g_string_append (w->text, root->name);
  g_string_append (w->text, "\") \"/\" (param \"");
  g_string_append (w->text, name->name);
  g_string_append (w->text, "\")))");

  emit_inline_path (w, filter, joined);
}

/* A rule with a list of path filters, written as several rules of the
 * same kind with at most SANDBAR_SBPL_FILTERS_PER_RULE filters each.
 * That means the same: a rule's filters are alternatives, so an allow (or
 * deny) split in two still matches exactly the paths it matched; and
 * since the pieces stay together, in order, the precedence between
 * sections (denies after allows) is unchanged. */
typedef struct
{
  Writer     *w;
  const char *head;     /* `(allow file-write*` */
  guint       filters;  /* written so far */
} Rule;

/* Starts a line for the next filter, opening a new rule when needed. */
static void
rule_next_filter (Rule *rule)
{
  if (rule->filters > 0 && rule->filters % SANDBAR_SBPL_FILTERS_PER_RULE == 0)
    emit (rule->w, ")\n");
  if (rule->filters % SANDBAR_SBPL_FILTERS_PER_RULE == 0)
    emit (rule->w, rule->head);
  emit (rule->w, "\n  ");
  rule->filters++;
}

/* Never an empty rule: `(allow file-write*)` alone would allow everything. */
static void
rule_end (Rule *rule)
{
  if (rule->filters > 0)
    emit (rule->w, ")\n");
}

static void
emit_header (Writer *w)
{
  emit (w,
        "; Generated by Sandbar. Paths are parameters (sandbox-exec -D NAME=VALUE).\n"
        "(version 1)\n"
        "(deny default)\n"
        "\n");
  emit (w, base_rules);
}

static void
emit_reads (Writer *w)
{
  /* Reads are open everywhere; hidden paths are denied at the end. */
  emit (w, "\n; reading files\n(allow file-read*)\n");
}

/* `HEAD (subpath (param "P_0")) (subpath (param "P_1")) …)` for @params. */
static void
emit_path_rule (Writer     *w,
                const char *head,
                GPtrArray  *params)
{
  Rule rule = { w, head, 0 };

  for (guint i = 0; i < params->len; i++)
    {
      SandbarSbplParam *path = g_ptr_array_index (params, i);

      rule_next_filter (&rule);
      emit_path (w, "subpath", path->name, path->value);
    }
  rule_end (&rule);
}

static void
emit_writes (Writer              *w,
             const SandbarPolicy *policy,
             GPtrArray           *root_params,
             GPtrArray           *name_params)
{
  Rule rule;

  switch (policy->write_access)
    {
    case SANDBAR_WRITE_ACCESS_NONE:
      emit (w, "\n; writing files: nothing is writable\n");
      return;

    case SANDBAR_WRITE_ACCESS_ALL:
      emit (w, "\n; writing files: everywhere\n(allow file-write* (subpath \"/\"))\n");
      return;

    case SANDBAR_WRITE_ACCESS_ROOTS:
    default:
      break;
    }

  /* An empty list emits nothing: `(allow file-write*)` alone would allow
   * everything. */
  if (root_params->len == 0)
    {
      emit (w, "\n; writing files: no writable folders\n");
      return;
    }

  emit (w, "\n; writing files: the writable folders\n");
  emit_path_rule (w, "(allow file-write*", root_params);

  if (name_params->len == 0)
    return;

  /* After every write allow, so that a folder nested in another cannot
   * reopen a protected name (DESIGN.md, "Protected names"). */
  emit (w, "\n; protected names stay read-only inside every writable folder\n");
  rule = (Rule) { w, "(deny file-write*", 0 };
  for (guint i = 0; i < root_params->len; i++)
    for (guint j = 0; j < name_params->len; j++)
      {
        rule_next_filter (&rule);
        emit_joined_path (w, "literal", g_ptr_array_index (root_params, i),
                          g_ptr_array_index (name_params, j));
        rule_next_filter (&rule);
        emit_joined_path (w, "subpath", g_ptr_array_index (root_params, i),
                          g_ptr_array_index (name_params, j));
      }
  rule_end (&rule);
}

static void
emit_deny_read (Writer    *w,
                GPtrArray *deny_params)
{
  if (deny_params->len == 0)
    return;

  emit (w, "\n; hidden paths: neither readable nor writable (last, so they win)\n");
  emit_path_rule (w, "(deny file-read* file-write*", deny_params);
}

static void
emit_network (Writer              *w,
              const SandbarPolicy *policy)
{
  if (policy->network_access == SANDBAR_NETWORK_ACCESS_FULL)
    {
      /* IP only: an unfiltered network rule would also open every Unix
       * socket, which have their own setting. */
      emit (w, "\n; network: full IP access (Unix sockets follow their own rules)\n"
               "(allow network-outbound (remote ip))\n"
               "(allow network-inbound (local ip))\n"
               "(allow network-bind (local ip))\n");
      emit (w, full_network_services);
      return;
    }

  emit (w, "\n; network: no IP traffic");
  if (policy->localhost_ports->len == 0 && !policy->allow_local_binding)
    {
      emit (w, "\n");
      return;
    }
  emit (w, " except on this computer (loopback)\n");

  if (policy->allow_local_binding)
    emit (w, "(allow network-bind (local ip \"*:*\"))\n"
             "(allow network-inbound (local ip \"localhost:*\"))\n"
             "(allow network-outbound (remote ip \"localhost:*\"))\n");

  /* Ports are validated integers: the only user values in the text. */
  for (guint i = 0; i < policy->localhost_ports->len; i++)
    {
      g_autofree char *rule =
        g_strdup_printf ("(allow network-outbound (remote ip \"localhost:%u\"))\n",
                         g_array_index (policy->localhost_ports, guint, i));

      emit (w, rule);
    }
}

static gboolean
needs_unix_domain (const SandbarPolicy *policy,
                   GPtrArray           *socket_params)
{
  return policy->network_access == SANDBAR_NETWORK_ACCESS_FULL ||
         policy->socket_access == SANDBAR_SOCKET_ACCESS_ALL ||
         socket_params->len > 0;
}

static void
emit_sockets (Writer              *w,
              const SandbarPolicy *policy,
              GPtrArray           *socket_params,
              GArray              *socket_scopes)
{
  if (needs_unix_domain (policy, socket_params))
    emit (w, "\n; Unix sockets\n(allow system-socket (socket-domain AF_UNIX))\n");

  if (policy->socket_access == SANDBAR_SOCKET_ACCESS_ALL)
    {
      emit (w, "(allow network-bind (local unix-socket))\n"
               "(allow network-outbound (remote unix-socket))\n");
      return;
    }

  for (guint i = 0; i < socket_params->len; i++)
    {
      SandbarSbplParam *path = g_ptr_array_index (socket_params, i);
      const char *filter = g_array_index (socket_scopes, int, i) == SANDBAR_SOCKET_SCOPE_EXACT
                           ? "path-literal" : "subpath";

      emit (w, "(allow network-bind (local unix-socket ");
      emit_path (w, filter, path->name, path->value);
      emit (w, "))\n(allow network-outbound (remote unix-socket ");
      emit_path (w, filter, path->name, path->value);
      emit (w, "))\n");
    }
}

typedef struct
{
  const char *path;
  int         scope;
} Spelling;

static int
compare_spellings (gconstpointer a,
                   gconstpointer b)
{
  const Spelling *x = a;
  const Spelling *y = b;

  /* Scope first, so that the text depends only on how many sockets of
   * each scope there are, never on how their paths compare. */
  if (x->scope != y->scope)
    return x->scope - y->scope;
  return strcmp (x->path, y->path);
}

/* Seatbelt may match a socket against the path the client passes, so on
 * macOS both the canonical and the `/tmp` spelling are listed; the list is
 * sorted and deduplicated again with them. */
static void
add_socket_params (Writer              *w,
                   const SandbarPolicy *policy,
                   GPtrArray           *socket_params,
                   GArray              *socket_scopes)
{
  g_autoptr(GArray) spellings = g_array_new (FALSE, FALSE, sizeof (Spelling));
  guint n = 0;

  for (guint i = 0; i < policy->sockets->len; i++)
    {
      SandbarPolicyPath *socket = g_ptr_array_index (policy->sockets, i);
      Spelling canonical = { socket->canonical, socket->kind };

      g_array_append_val (spellings, canonical);
      if (socket->alias != NULL)
        {
          Spelling alias = { socket->alias, socket->kind };

          g_array_append_val (spellings, alias);
        }
    }
  g_array_sort (spellings, compare_spellings);

  for (guint i = 0; i < spellings->len; i++)
    {
      Spelling *s = &g_array_index (spellings, Spelling, i);

      if (i > 0 && compare_spellings (s, &g_array_index (spellings, Spelling, i - 1)) == 0)
        continue;
      add_param (w, g_strdup_printf ("UNIX_SOCKET_PATH_%u", n++), s->path);
      g_ptr_array_add (socket_params, g_ptr_array_index (w->params, w->params->len - 1));
      g_array_append_val (socket_scopes, s->scope);
    }
}

static void
add_path_params (Writer     *w,
                 const char *prefix,
                 GPtrArray  *paths,
                 gboolean    with_aliases,
                 GPtrArray  *out)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < paths->len; i++)
    {
      SandbarPolicyPath *path = g_ptr_array_index (paths, i);
      const char *spellings[] = { path->canonical, with_aliases ? path->alias : NULL };

      for (guint s = 0; s < G_N_ELEMENTS (spellings); s++)
        {
          if (spellings[s] == NULL || !g_hash_table_add (seen, (gpointer)spellings[s]))
            continue;
          add_param (w, g_strdup_printf ("%s_%u", prefix, out->len), spellings[s]);
          g_ptr_array_add (out, g_ptr_array_index (w->params, w->params->len - 1));
        }
    }
}

/* About how long the text will be: the fixed rules plus a line per path. */
static gsize
estimate_size (const SandbarPolicy *policy)
{
  gsize lines = policy->writable_roots->len * (1 + 2 * policy->protected_names->len) +
                2 * (policy->deny_read->len + 2 * policy->sockets->len) +
                policy->localhost_ports->len;

  return sizeof base_rules + sizeof full_network_services + 1024 + 128 * lines;
}

/**
 * sandbar_sbpl_render:
 * @policy: a resolved policy
 *
 * Renders @policy in both forms. Two policies of the same shape render to
 * the same parameter text, whatever their paths say.
 *
 * Returns: (transfer full): the profile texts and parameters
 */
SandbarSbpl *
sandbar_sbpl_render (const SandbarPolicy *policy)
{
  g_return_val_if_fail (policy != NULL, NULL);

  return _sandbar_sbpl_render_full (policy, SANDBAR_SBPL_LITERAL_MAX_BYTES);
}

/* With @literal_max as the longest inline literal: tests render with
 * TinyScheme's 255 bytes to check the `string-append` forms there. */
SandbarSbpl *
_sandbar_sbpl_render_full (const SandbarPolicy *policy,
                           gsize                literal_max)
{
  SandbarSbpl *sbpl = g_new0 (SandbarSbpl, 1);
  Writer w;
  g_autoptr(GPtrArray) root_params = g_ptr_array_new ();
  g_autoptr(GPtrArray) name_params = g_ptr_array_new ();
  g_autoptr(GPtrArray) socket_params = g_ptr_array_new ();
  g_autoptr(GArray) socket_scopes = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GPtrArray) deny_params = g_ptr_array_new ();

  g_return_val_if_fail (policy != NULL, NULL);
  g_return_val_if_fail (literal_max >= 4, NULL);

  /* Sized up front: growing a multi-megabyte string step by step costs
   * more than writing it. */
  sbpl->text = g_string_sized_new (estimate_size (policy));
  sbpl->inline_text = g_string_sized_new (estimate_size (policy));
  sbpl->params = g_ptr_array_new_with_free_func (param_free);
  w = (Writer) { sbpl->text, sbpl->inline_text, sbpl->params, literal_max };

  /* Parameters in -D order: writable, protected names, sockets, hidden.
   * Writes allow the canonical spelling only: the kernel resolves file
   * paths before matching, and allowing `/tmp` itself would let the
   * symlink be replaced. */
  add_path_params (&w, "WRITABLE_ROOT", policy->writable_roots, FALSE, root_params);
  if (root_params->len > 0)
    for (guint i = 0; i < policy->protected_names->len; i++)
      {
        add_param (&w, g_strdup_printf ("PROTECTED_NAME_%u", i),
                   g_ptr_array_index (policy->protected_names, i));
        g_ptr_array_add (name_params, g_ptr_array_index (w.params, w.params->len - 1));
      }
  if (policy->socket_access == SANDBAR_SOCKET_ACCESS_ALLOWLIST)
    add_socket_params (&w, policy, socket_params, socket_scopes);
  add_path_params (&w, "DENY_READ", policy->deny_read, TRUE, deny_params);

  emit_header (&w);
  emit_reads (&w);
  emit_writes (&w, policy, root_params, name_params);
  emit_deny_read (&w, deny_params);
  emit_network (&w, policy);
  emit_sockets (&w, policy, socket_params, socket_scopes);

  return sbpl;
}

/**
 * sandbar_sbpl_free:
 * @sbpl: (nullable): a rendering
 */
void
sandbar_sbpl_free (SandbarSbpl *sbpl)
{
  if (sbpl == NULL)
    return;

  g_string_free (sbpl->text, TRUE);
  g_string_free (sbpl->inline_text, TRUE);
  g_ptr_array_unref (sbpl->params);
  g_free (sbpl);
}
