/* sandbarctl-profiles.c — list, show, new, delete, templates, import, export
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <gio/gunixinputstream.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sandbar-profile-store.h"
#include "sandbar-templates.h"
#include "sandbarctl.h"

static int command_list (SandbarctlGlobals *globals, int argc, char **argv);
static int command_show (SandbarctlGlobals *globals, int argc, char **argv);
static int command_new (SandbarctlGlobals *globals, int argc, char **argv);
static int command_delete (SandbarctlGlobals *globals, int argc, char **argv);
static int command_templates (SandbarctlGlobals *globals, int argc, char **argv);
static int command_import (SandbarctlGlobals *globals, int argc, char **argv);
static int command_export (SandbarctlGlobals *globals, int argc, char **argv);

const SandbarctlCommand sandbarctl_profile_commands[] = {
  { "list", "", N_("List the profiles: ID, a tab, the name"), command_list },
  { "show", N_("ID"), N_("Print a profile’s file"), command_show },
  { "new", N_("ID [--from TEMPLATE] [--name TEXT]"), N_("Create a profile"), command_new },
  { "delete", N_("ID"), N_("Move a profile to the trash"), command_delete },
  { "templates", "", N_("List the built-in templates"), command_templates },
  { "import", N_("FILE [--id ID] [--replace]"), N_("Add a profile from a file"), command_import },
  { "export", N_("ID [FILE]"), N_("Write a profile’s file to FILE or the output"),
    command_export },
  { NULL }
};

static const SandbarctlCommand *
lookup (const char *name)
{
  for (const SandbarctlCommand *c = sandbarctl_profile_commands; c->name != NULL; c++)
    if (g_str_equal (c->name, name))
      return c;
  g_assert_not_reached ();
}

/* Parses options and checks the number of positional arguments. */
static gboolean
parse_args (const char          *name,
            SandbarctlGlobals   *globals,
            GOptionEntry        *entries,
            int                 *argc,
            char              ***argv,
            int                  min_args,
            int                  max_args,
            int                 *status)
{
  const SandbarctlCommand *command = lookup (name);

  if (!sandbarctl_parse (command, globals, entries, argc, argv, status))
    return FALSE;

  if (*argc - 1 < min_args)
    {
      *status = sandbarctl_usage_error (name, _("missing argument: %s"), _(command->parameters));
      return FALSE;
    }
  if (*argc - 1 > max_args)
    {
      *status = sandbarctl_usage_error (name, _("too many arguments"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
write_all (FILE   *stream,
           GBytes *bytes)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  return fwrite (data, 1, length, stream) == length && fflush (stream) == 0;
}

static int
command_list (SandbarctlGlobals  *globals,
              int                 argc,
              char              **argv)
{
  g_autoptr(SandbarProfileStore) store = NULL;
  int status = SANDBARCTL_EXIT_OK;
  guint n;

  if (!parse_args ("list", globals, NULL, &argc, &argv, 0, 0, &status))
    return status;
  if ((store = sandbarctl_open_store (globals, &status)) == NULL)
    return status;

  n = g_list_model_get_n_items (G_LIST_MODEL (store));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SandbarProfile) profile = g_list_model_get_item (G_LIST_MODEL (store), i);

      g_print ("%s\t%s\n", sandbar_profile_get_id (profile), sandbar_profile_get_name (profile));
    }

  return SANDBARCTL_EXIT_OK;
}

static int
command_show (SandbarctlGlobals  *globals,
              int                 argc,
              char              **argv)
{
  g_autoptr(SandbarProfileStore) store = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  int status = SANDBARCTL_EXIT_OK;

  if (!parse_args ("show", globals, NULL, &argc, &argv, 1, 1, &status))
    return status;
  if ((store = sandbarctl_open_store (globals, &status)) == NULL)
    return status;

  bytes = sandbar_profile_store_read_file (store, argv[1], &error);
  if (bytes == NULL)
    return sandbarctl_fail (argv[1], error);
  if (!write_all (stdout, bytes))
    {
      g_printerr ("sandbarctl: %s: %s\n", argv[1], g_strerror (errno));
      return SANDBARCTL_EXIT_FAILURE;
    }

  return SANDBARCTL_EXIT_OK;
}

static int
command_new (SandbarctlGlobals  *globals,
             int                 argc,
             char              **argv)
{
  g_autoptr(SandbarProfileStore) store = NULL;
  g_autoptr(SandbarProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *template_id = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  int status = SANDBARCTL_EXIT_OK;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &template_id,
      N_("Start from the built-in template TEMPLATE (see “sandbarctl templates”)"),
      N_("TEMPLATE") },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The profile’s name"), N_("TEXT") },
    { NULL }
  };

  if (!parse_args ("new", globals, entries, &argc, &argv, 1, 1, &status))
    return status;

  /* Check the id before touching the disk. */
  if (!sandbar_input_check_id (argv[1], &error))
    return sandbarctl_fail (NULL, error);

  if (template_id != NULL)
    {
      profile = sandbar_templates_new_profile (template_id, argv[1], &error);
      if (profile == NULL)
        return sandbarctl_fail ("--from", error);
    }
  else
    {
      profile = sandbar_profile_new (argv[1]);
      sandbar_profile_set_name (profile, argv[1]);
    }
  if (name != NULL)
    sandbar_profile_set_name (profile, name);

  if (!sandbar_profile_validate (profile, &error))
    return sandbarctl_fail (NULL, error);

  if ((store = sandbarctl_open_store (globals, &status)) == NULL)
    return status;
  if (!sandbar_profile_store_create (store, profile, &error))
    return sandbarctl_fail (argv[1], error);

  path = sandbar_profile_store_get_path (store, argv[1]);
  g_print ("%s\n", path);
  return SANDBARCTL_EXIT_OK;
}

static int
command_delete (SandbarctlGlobals  *globals,
                int                 argc,
                char              **argv)
{
  g_autoptr(SandbarProfileStore) store = NULL;
  g_autoptr(GBytes) removed = NULL;
  g_autoptr(GError) error = NULL;
  int status = SANDBARCTL_EXIT_OK;

  if (!parse_args ("delete", globals, NULL, &argc, &argv, 1, 1, &status))
    return status;
  if ((store = sandbarctl_open_store (globals, &status)) == NULL)
    return status;

  removed = sandbar_profile_store_delete (store, argv[1], &error);
  if (removed == NULL)
    return sandbarctl_fail (argv[1], error);

  return SANDBARCTL_EXIT_OK;
}

static int
command_templates (SandbarctlGlobals  *globals,
                   int                 argc,
                   char              **argv)
{
  g_auto(GStrv) ids = NULL;
  int status = SANDBARCTL_EXIT_OK;

  if (!parse_args ("templates", globals, NULL, &argc, &argv, 0, 0, &status))
    return status;

  ids = sandbar_templates_list_ids ();
  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SandbarProfile) profile = sandbar_templates_new_profile (ids[i], ids[i], &error);

      if (profile == NULL)
        return sandbarctl_fail (ids[i], error);
      g_print ("%s\t%s\n", ids[i], sandbar_profile_get_name (profile));
    }

  return SANDBARCTL_EXIT_OK;
}

/* A file to import: standard input, or a regular file read without ever
 * blocking on a FIFO (the store's own reader). */
static GBytes *
read_import_file (const char  *path,
                  GError     **error)
{
  if (g_str_equal (path, "-"))
    {
      g_autoptr(GInputStream) in = g_unix_input_stream_new (STDIN_FILENO, FALSE);
      g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();

      g_autoptr(GBytes) bytes = NULL;

      if (g_output_stream_splice (out, in, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, error) < 0)
        return NULL;
      bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
      if (g_bytes_get_size (bytes) > 1024 * 1024)
        {
          g_set_error_literal (error, SANDBAR_STORE_ERROR, SANDBAR_STORE_ERROR_INVALID,
                               _("the input is larger than 1 MiB, far too large for a profile"));
          return NULL;
        }
      return g_steal_pointer (&bytes);
    }

  return sandbar_read_profile_file (path, error);
}

static char *
id_from_file_name (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);

  if (g_str_has_suffix (base, SANDBAR_PROFILE_SUFFIX))
    base[strlen (base) - strlen (SANDBAR_PROFILE_SUFFIX)] = '\0';
  return g_steal_pointer (&base);
}

static int
command_import (SandbarctlGlobals  *globals,
                int                 argc,
                char              **argv)
{
  g_autoptr(SandbarProfileStore) store = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  gboolean replace = FALSE;
  int status = SANDBARCTL_EXIT_OK;
  GOptionEntry entries[] = {
    { "id", 0, 0, G_OPTION_ARG_STRING, &id,
      N_("The new profile’s ID (default: the file name without .sandbar)"), N_("ID") },
    { "replace", 0, 0, G_OPTION_ARG_NONE, &replace,
      N_("Replace a profile with the same ID"), NULL },
    { NULL }
  };

  if (!parse_args ("import", globals, entries, &argc, &argv, 1, 1, &status))
    return status;

  if (id == NULL)
    {
      if (g_str_equal (argv[1], "-"))
        return sandbarctl_usage_error ("import", _("reading from standard input needs --id"));
      id = id_from_file_name (argv[1]);
    }
  if (!sandbar_input_check_id (id, &error))
    return sandbarctl_fail (argv[1], error);

  bytes = read_import_file (argv[1], &error);
  if (bytes == NULL)
    return sandbarctl_fail (argv[1], error);

  if ((store = sandbarctl_open_store (globals, &status)) == NULL)
    return status;
  if (!sandbar_profile_store_import (store, id, bytes, replace, &error))
    return sandbarctl_fail (argv[1], error);

  return SANDBARCTL_EXIT_OK;
}

static int
command_export (SandbarctlGlobals  *globals,
                int                 argc,
                char              **argv)
{
  g_autoptr(SandbarProfileStore) store = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  int status = SANDBARCTL_EXIT_OK;
  gsize length;
  const char *data;

  if (!parse_args ("export", globals, NULL, &argc, &argv, 1, 2, &status))
    return status;
  if ((store = sandbarctl_open_store (globals, &status)) == NULL)
    return status;

  bytes = sandbar_profile_store_read_file (store, argv[1], &error);
  if (bytes == NULL)
    return sandbarctl_fail (argv[1], error);

  if (argc < 3 || g_str_equal (argv[2], "-"))
    {
      if (!write_all (stdout, bytes))
        {
          g_printerr ("sandbarctl: %s: %s\n", argv[1], g_strerror (errno));
          return SANDBARCTL_EXIT_FAILURE;
        }
      return SANDBARCTL_EXIT_OK;
    }

  /* Atomic, so an existing FILE is either the old or the new text. */
  data = g_bytes_get_data (bytes, &length);
  if (!g_file_set_contents_full (argv[2], data, length,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0644, &error))
    return sandbarctl_fail (argv[2], error);

  return SANDBARCTL_EXIT_OK;
}
