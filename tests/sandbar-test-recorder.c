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

int
main (int   argc,
      char *argv[])
{
  const char *out = getenv ("SANDBAR_RECORDER_OUT");
  char cwd[PATH_MAX];
  char *tmp;
  size_t tmp_size;
  int fd;

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

  tmp_size = strlen (out) + sizeof ".tmp";
  tmp = malloc (tmp_size);
  if (tmp == NULL)
    return 2;
  snprintf (tmp, tmp_size, "%s.tmp", out);

  fd = open (tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      perror ("sandbar-test-recorder: open");
      return 2;
    }

  if (write_all (fd, cwd, strlen (cwd) + 1) != 0)
    goto fail;

  for (int i = 0; i < argc; i++)
    if (write_all (fd, argv[i], strlen (argv[i]) + 1) != 0)
      goto fail;

  if (close (fd) != 0 || rename (tmp, out) != 0)
    {
      perror ("sandbar-test-recorder: close/rename");
      return 2;
    }

  free (tmp);
  return 0;

fail:
  perror ("sandbar-test-recorder: write");
  close (fd);
  return 2;
}
