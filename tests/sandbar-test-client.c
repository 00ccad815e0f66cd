/* sandbar-test-client.c — probes what a sandbox lets a program do
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run inside a sandbox by the end-to-end tests, so it needs nothing but
 * libc (no GLib, no Python inside the sandbox):
 *
 *   sandbar-test-client connect PATH   connect() to a Unix socket
 *   sandbar-test-client tcp PORT       connect() to 127.0.0.1:PORT
 *   sandbar-test-client write PATH     create PATH and write a line to it
 *   sandbar-test-client read PATH      open PATH and read from it
 *   sandbar-test-client env NAME       print the variable's value
 *   sandbar-test-client pwd            print the working directory
 *
 * Exit status: 0 when the operation succeeded, 1 when it failed (the
 * reason on stderr), 2 for a usage error.
 */

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

static int
fail (const char *what,
      const char *arg)
{
  fprintf (stderr, "sandbar-test-client: %s %s: %s\n", what, arg, strerror (errno));
  return 1;
}

static int
do_connect (const char *path)
{
  struct sockaddr_un addr = { .sun_family = AF_UNIX };
  int fd;

  if (strlen (path) >= sizeof addr.sun_path)
    {
      errno = ENAMETOOLONG;
      return fail ("connect", path);
    }
  strcpy (addr.sun_path, path);

  fd = socket (AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0)
    return fail ("socket", path);
  if (connect (fd, (struct sockaddr *)&addr, sizeof addr) != 0)
    return fail ("connect", path);
  close (fd);
  return 0;
}

static int
do_tcp (const char *port_text)
{
  struct sockaddr_in addr = { .sin_family = AF_INET };
  char *end;
  long port = strtol (port_text, &end, 10);
  int fd;

  if (*port_text == '\0' || *end != '\0' || port < 1 || port > 65535)
    {
      fprintf (stderr, "sandbar-test-client: not a port: %s\n", port_text);
      return 2;
    }
  addr.sin_port = htons ((unsigned short)port);
  addr.sin_addr.s_addr = htonl (INADDR_LOOPBACK);

  fd = socket (AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0)
    return fail ("socket", port_text);
  if (connect (fd, (struct sockaddr *)&addr, sizeof addr) != 0)
    return fail ("tcp", port_text);
  close (fd);
  return 0;
}

static int
do_write (const char *path)
{
  static const char line[] = "written in the sandbox\n";
  int fd = open (path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);

  if (fd < 0)
    return fail ("open", path);
  if (write (fd, line, sizeof line - 1) != (ssize_t)(sizeof line - 1))
    return fail ("write", path);
  if (close (fd) != 0)
    return fail ("close", path);
  return 0;
}

static int
do_read (const char *path)
{
  char buffer[256];
  int fd = open (path, O_RDONLY | O_CLOEXEC);
  ssize_t got;

  if (fd < 0)
    return fail ("open", path);
  got = read (fd, buffer, sizeof buffer);
  if (got < 0)
    return fail ("read", path);
  close (fd);
  if (got == 0)
    {
      /* Nothing to read is as good as not readable for a secret. */
      fprintf (stderr, "sandbar-test-client: read %s: empty\n", path);
      return 1;
    }
  fwrite (buffer, 1, (size_t)got, stdout);
  return 0;
}

static int
do_env (const char *name)
{
  const char *value = getenv (name);

  if (value == NULL)
    {
      fprintf (stderr, "sandbar-test-client: %s is not set\n", name);
      return 1;
    }
  printf ("%s\n", value);
  return 0;
}

static int
do_pwd (void)
{
  char buffer[PATH_MAX];

  if (getcwd (buffer, sizeof buffer) == NULL)
    return fail ("getcwd", ".");
  printf ("%s\n", buffer);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 2 && strcmp (argv[1], "pwd") == 0)
    return do_pwd ();

  if (argc != 3)
    {
      fprintf (stderr, "usage: sandbar-test-client connect|tcp|write|read|env ARG | pwd\n");
      return 2;
    }

  if (strcmp (argv[1], "connect") == 0)
    return do_connect (argv[2]);
  if (strcmp (argv[1], "tcp") == 0)
    return do_tcp (argv[2]);
  if (strcmp (argv[1], "write") == 0)
    return do_write (argv[2]);
  if (strcmp (argv[1], "read") == 0)
    return do_read (argv[2]);
  if (strcmp (argv[1], "env") == 0)
    return do_env (argv[2]);

  fprintf (stderr, "sandbar-test-client: unknown operation %s\n", argv[1]);
  return 2;
}
