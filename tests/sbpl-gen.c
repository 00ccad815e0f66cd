/* sbpl-gen.c — random profiles, rendered, for the TinyScheme check
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: sbpl-gen SEED COUNT OUTDIR
 *
 * Writes COUNT random profiles (random modes × hostile paths from
 * sbpl-random.h, on the fixture machine of sbpl-fixture.h) as
 *
 *   OUTDIR/random-NNN.sb          the parameter rendering
 *   OUTDIR/random-NNN.params0     its parameters, NAME=VALUE, NUL-separated
 *   OUTDIR/random-NNN.inline.sb   the inline rendering, with literals of
 *                                 at most 255 bytes instead of 900
 *                                 (Debian's TinyScheme cannot read longer)
 *
 * Half the profiles keep every path short; the others have paths up to
 * the limits, which the inline rendering splits into string-append of
 * several literals. The limit of 255 makes TinyScheme read exactly the
 * forms that sandbox-exec reads with 900: where no string is longer than
 * 255 bytes the two renderings are the same text. One profile in eight
 * has up to 30 writable roots and hidden paths, so that rules are split
 * (SANDBAR_SBPL_FILTERS_PER_RULE). A profile that is refused is an error:
 * every generated value is valid input. Run by sbpl-check/test-generated.py.
 */

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "sandbar-policy.h"
#include "sandbar-profile.h"
#include "sandbar-sbpl-private.h"
#include "sbpl-fixture.h"
#include "sbpl-literals.h"
#include "sbpl-random.h"

/* Longest relative part, so that the longest canonical prefix plus it is
 * still a valid path: `/private/tmp/tmpdir-u/` (`$TMPDIR/` on a Mac), or
 * for sockets `/private/tmp/ssh-agent.1/`. */
#define PATH_ROOM   (SANDBAR_PATH_MAX_BYTES - 1 - 22)
#define SOCKET_ROOM (SANDBAR_SOCKET_PATH_MAX_BYTES - 1 - 26)
#define SHORT_ROOM  100

/* The longest literal Debian's TinyScheme reads. */
#define TINYSCHEME_LITERAL_MAX 255

static char *
random_path (GRand *rand,
             gsize  room)
{
  static const char * const prefixes[] = { "/home/u/", "/tmp/", "~/", "$HOME/", "$TMPDIR/" };
  g_autofree char *relative = random_relative (rand, room, g_rand_int_range (rand, 0, 20) == 0);

  return g_strconcat (prefixes[g_rand_int_range (rand, 0, G_N_ELEMENTS (prefixes))],
                      relative, NULL);
}

static char *
random_socket (GRand *rand,
               gsize  room)
{
  static const char * const prefixes[] = { "/tmp/", "/home/u/", "/tmp/ssh-agent.1/" };
  g_autofree char *relative = NULL;

  if (g_rand_int_range (rand, 0, 8) == 0)
    return g_strdup (g_rand_boolean (rand) ? "$SSH_AUTH_SOCK" : "/var/run/docker.sock");

  relative = random_relative (rand, MIN (room, SOCKET_ROOM), FALSE);
  return g_strconcat (prefixes[g_rand_int_range (rand, 0, G_N_ELEMENTS (prefixes))],
                      relative, NULL);
}

/* NULL-terminated list of 0 to @max random paths (or names). */
static GStrv
random_list (GRand    *rand,
             guint     max,
             gsize     room,
             gboolean  names)
{
  GPtrArray *list = g_ptr_array_new ();
  guint n = g_rand_int_range (rand, 0, max + 1);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (list, names ? random_name (rand, MIN (room, 255), FALSE)
                                 : random_path (rand, room));
  g_ptr_array_add (list, NULL);
  return (GStrv) g_ptr_array_free (list, FALSE);
}

static SandbarProfile *
random_profile (GRand    *rand,
                gboolean  short_paths)
{
  SandbarProfile *profile = sandbar_profile_new ("random");
  gsize room = short_paths ? SHORT_ROOM : PATH_ROOM;
  guint max_paths = g_rand_int_range (rand, 0, 8) == 0 ? 30 : 3;
  g_auto(GStrv) roots = random_list (rand, max_paths, room, FALSE);
  g_auto(GStrv) deny = random_list (rand, max_paths, room, FALSE);
  guint n_ports = g_rand_int_range (rand, 0, 4);
  guint n_sockets = g_rand_int_range (rand, 0, 5);
  guint ports[3];

  sandbar_profile_set_name (profile, "Random");
  sandbar_profile_set_write_access (profile, g_rand_int_range (rand, 0, 3));
  sandbar_profile_set_writable_roots (profile, (const char * const *) roots);
  sandbar_profile_set_include_temp (profile, g_rand_boolean (rand));
  if (g_rand_boolean (rand))
    {
      g_auto(GStrv) names = random_list (rand, 2, room, TRUE);

      sandbar_profile_set_protected_names (profile, (const char * const *) names);
    }
  sandbar_profile_set_deny_read (profile, (const char * const *) deny);
  if (g_rand_int_range (rand, 0, 3) == 0)
    {
      g_autofree char *directory = random_path (rand, room);

      sandbar_profile_set_working_directory (profile, directory);
    }

  sandbar_profile_set_network_access (profile, g_rand_int_range (rand, 0, 2));
  for (guint i = 0; i < n_ports; i++)
    ports[i] = g_rand_int_range (rand, 1, 65536);
  sandbar_profile_set_localhost_ports (profile, ports, n_ports);
  sandbar_profile_set_allow_local_binding (profile, g_rand_boolean (rand));

  sandbar_profile_set_socket_access (profile, g_rand_int_range (rand, 0, 3));
  for (guint i = 0; i < n_sockets; i++)
    {
      g_autofree char *path = random_socket (rand, room);
      g_autoptr(SandbarSocketRule) rule =
        sandbar_socket_rule_new (path, g_rand_int_range (rand, 0, 2));

      sandbar_profile_add_socket_rule (profile, rule);
    }

  return profile;
}

/* Writes DIR/STEM.SUFFIX. */
static void
write_file (const char *dir,
            const char *stem,
            const char *suffix,
            const char *data,
            gssize      length)
{
  g_autofree char *name = g_strconcat (stem, suffix, NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  if (!g_file_set_contents (path, data, length, &error))
    g_error ("%s", error->message);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GRand) rand = NULL;
  guint count;
  guint n_appended = 0;
  guint n_long = 0;

  setlocale (LC_ALL, "C.UTF-8");
  if (argc != 4)
    {
      g_printerr ("usage: %s SEED COUNT OUTDIR\n", argv[0]);
      return 2;
    }
  rand = g_rand_new_with_seed ((guint32) g_ascii_strtoull (argv[1], NULL, 10));
  count = (guint) g_ascii_strtoull (argv[2], NULL, 10);

  for (guint i = 0; i < count; i++)
    {
      gboolean macos = g_rand_boolean (rand);
      g_autoptr(SandbarProfile) profile = random_profile (rand, i % 2 == 0);
      g_autoptr(SandbarPathResolver) resolver = fixture_resolver_new (macos, NULL);
      g_autoptr(SandbarPolicy) policy = NULL;
      g_autoptr(SandbarSbpl) sbpl = NULL;
      g_autoptr(SandbarSbpl) short_literals = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GString) params = g_string_new (NULL);
      g_autofree char *stem = g_strdup_printf ("random-%03u", i);
      gsize longest = 0;

      policy = sandbar_policy_new (profile, resolver, SANDBAR_POLICY_NONE, &error);
      if (policy == NULL)
        {
          g_printerr ("%s: a valid random profile was refused: %s\n", stem, error->message);
          return 1;
        }
      sbpl = sandbar_sbpl_render (policy);
      short_literals = _sandbar_sbpl_render_full (policy, TINYSCHEME_LITERAL_MAX);

      for (guint j = 0; j < sbpl->params->len; j++)
        {
          SandbarSbplParam *param = g_ptr_array_index (sbpl->params, j);

          g_string_append_printf (params, "%s=%s", param->name, param->value);
          g_string_append_c (params, '\0');
          longest = MAX (longest, strlen (param->value));
        }
      n_long += longest >= 256;

      write_file (argv[3], stem, ".sb", sbpl->text->str, sbpl->text->len);
      write_file (argv[3], stem, ".params0", params->str, params->len);
      if (sbpl_longest_literal (short_literals->inline_text) > TINYSCHEME_LITERAL_MAX)
        g_error ("%s: an inline literal is longer than %u bytes", stem, TINYSCHEME_LITERAL_MAX);
      if (sbpl_longest_literal (sbpl->inline_text) <= TINYSCHEME_LITERAL_MAX)
        g_assert_cmpstr (short_literals->inline_text->str, ==, sbpl->inline_text->str);
      n_appended += strstr (short_literals->inline_text->str, "(string-append \"") != NULL;
      write_file (argv[3], stem, ".inline.sb", short_literals->inline_text->str,
                  short_literals->inline_text->len);
    }

  g_print ("sbpl-gen: %u profiles, %u with a parameter of 256 bytes or more, "
           "%u with string-append inline\n", count, n_long, n_appended);
  return 0;
}
