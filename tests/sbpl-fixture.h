/* sbpl-fixture.h — the deterministic machine the SBPL tests render on
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <string.h>

#include "sandbar-path-resolver.h"

static const char *
fixture_env (const char *name,
             gpointer    user_data)
{
  static const char * const env[] = {
    "HOME", "/home/u",
    "TMPDIR", "/tmp/tmpdir-u",
    "SSH_AUTH_SOCK", "/tmp/ssh-agent.1/agent.42",
    NULL
  };

  for (guint i = 0; env[i] != NULL; i += 2)
    if (strcmp (env[i], name) == 0)
      return env[i + 1];
  return NULL;
}

/* A small file system: a home with a project, /tmp, a Docker socket. With
 * @macos, /tmp, /var and /etc are symlinks into /private as on a Mac. */
static SandbarPathResolver *
fixture_resolver_new (gboolean    macos,
                      const char *cwd)
{
  SandbarPathResolver *resolver = sandbar_path_resolver_new_fake ();

  if (macos)
    {
      sandbar_path_resolver_fake_add_directory (resolver, "/private/tmp");
      sandbar_path_resolver_fake_add_directory (resolver, "/private/var/run");
      sandbar_path_resolver_fake_add_directory (resolver, "/private/etc/ssh");
      sandbar_path_resolver_fake_add_symlink (resolver, "/tmp", "private/tmp");
      sandbar_path_resolver_fake_add_symlink (resolver, "/var", "private/var");
      sandbar_path_resolver_fake_add_symlink (resolver, "/etc", "private/etc");
    }
  else
    {
      sandbar_path_resolver_fake_add_directory (resolver, "/tmp");
      sandbar_path_resolver_fake_add_directory (resolver, "/var/run");
      sandbar_path_resolver_fake_add_directory (resolver, "/etc/ssh");
    }

  sandbar_path_resolver_fake_add_directory (resolver, "/home/u/src/app/.git");
  sandbar_path_resolver_fake_add_directory (resolver, "/home/u/build");
  sandbar_path_resolver_fake_add_directory (resolver, "/home/u/.ssh");
  sandbar_path_resolver_fake_add_directory (resolver, "/tmp/tmpdir-u");
  sandbar_path_resolver_fake_add_directory (resolver, "/tmp/ssh-agent.1");
  sandbar_path_resolver_fake_add_file (resolver, "/tmp/ssh-agent.1/agent.42");
  sandbar_path_resolver_fake_add_file (resolver, "/var/run/docker.sock");

  sandbar_path_resolver_set_env_lookup (resolver, fixture_env, NULL, NULL);
  sandbar_path_resolver_set_macos_aliases (resolver, macos);
  sandbar_path_resolver_set_working_directory (resolver, cwd != NULL ? cwd : "/home/u");
  return resolver;
}
