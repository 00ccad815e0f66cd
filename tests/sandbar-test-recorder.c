/* sandbar-test-recorder.c — records how it was started, for launch tests
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Stands in for the final program of a launch (or for a terminal
 * emulator) and writes what reached it to the file named by
 * $SANDBAR_RECORDER_OUT: the working directory, then every argv element
 * including argv[0], each followed by a NUL byte. The record is written
 * to a temporary name and renamed, so a reader never sees half of it.
 *
 * When $SANDBAR_RECORDER_ENV_OUT is set too, the environment goes there
 * first in the same way, each NAME=VALUE followed by a NUL byte: once the
 * record is there, so is the environment.
 *
 * Tests read the files with sandbar-test-recorder.h.
 *
 * Deliberately free of GLib: nothing between exec and the record may
 * reinterpret the arguments. */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int
write_all (int         fd,
           const char *data,
           size_t      length)
{
  while (length > 0)
    {
      ssize_t n = write (fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return -1;
      data += n;
      length -= (size_t) n;
    }

  return 0;
}

extern char **environ;

/* Writes @count strings, each followed by a NUL byte, into @path through
 * a temporary file and a rename. */
static int
write_record (const char         *path,
              const char * const *strings,
              size_t              count)
{
  size_t tmp_size = strlen (path) + sizeof ".tmp";
  char *tmp = malloc (tmp_size);
  int fd;

  if (tmp == NULL)
    return -1;
  snprintf (tmp, tmp_size, "%s.tmp", path);

  fd = open (tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      perror ("sandbar-test-recorder: open");
      free (tmp);
      return -1;
    }

  for (size_t i = 0; i < count; i++)
    if (write_all (fd, strings[i], strlen (strings[i]) + 1) != 0)
      {
        perror ("sandbar-test-recorder: write");
        close (fd);
        free (tmp);
        return -1;
      }

  if (close (fd) != 0 || rename (tmp, path) != 0)
    {
      perror ("sandbar-test-recorder: close/rename");
      free (tmp);
      return -1;
    }

  free (tmp);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  const char *out = getenv ("SANDBAR_RECORDER_OUT");
  const char *env_out = getenv ("SANDBAR_RECORDER_ENV_OUT");
  char cwd[PATH_MAX];
  const char **record;
  size_t n_env = 0;

  if (out == NULL || *out == '\0')
    {
      fprintf (stderr, "sandbar-test-recorder: set SANDBAR_RECORDER_OUT to the record file\n");
      return 2;
    }

  if (getcwd (cwd, sizeof cwd) == NULL)
    {
      perror ("sandbar-test-recorder: getcwd");
      return 2;
    }

  if (env_out != NULL && *env_out != '\0')
    {
      while (environ[n_env] != NULL)
        n_env++;
      if (write_record (env_out, (const char * const *) environ, n_env) != 0)
        return 2;
    }

  record = malloc (sizeof *record * ((size_t) argc + 1));
  if (record == NULL)
    return 2;
  record[0] = cwd;
  for (int i = 0; i < argc; i++)
    record[i + 1] = argv[i];

  if (write_record (out, record, (size_t) argc + 1) != 0)
    return 2;

  free (record);
  return 0;
}
