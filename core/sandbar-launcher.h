/* sandbar-launcher.h — resolve, generate, write private files, build argv
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sandbar-backend.h"
#include "sandbar-policy.h"
#include "sandbar-private-dir.h"
#include "sandbar-terminal.h"

G_BEGIN_DECLS

/**
 * SandbarLaunch:
 * @policy: the resolved policy
 * @command: (array zero-terminated=1): what runs inside the sandbox
 * @argv: (array zero-terminated=1): the full command line: the sandbox
 *   program, its arguments, then @command
 * @dir: (nullable): the private directory holding the launch files
 * @warnings: (element-type utf8): things the user should know, such as an
 *   allowlisted socket that does not exist yet
 *
 * One launch, prepared: everything is decided, resolved and written, and
 * nothing has run yet. The same path serves `sandbarctl run`, `open`,
 * `args`, the window and the menu-bar item.
 */
typedef struct
{
  SandbarPolicy     *policy;
  GStrv              command;
  GStrv              argv;
  SandbarPrivateDir *dir;
  GPtrArray         *warnings;
} SandbarLaunch;

GStrv          sandbar_launch_default_command (SandbarProfile        *profile,
                                               GError               **error);
SandbarLaunch *sandbar_launch_prepare         (SandbarProfile        *profile,
                                               SandbarPathResolver   *resolver,
                                               SandbarPolicyFlags     flags,
                                               SandbarBackend        *backend,
                                               const char * const    *command,
                                               GError               **error);
gboolean       sandbar_launch_run             (SandbarLaunch         *launch,
                                               int                   *wait_status,
                                               GError               **error);
gboolean       sandbar_launch_open_terminal   (SandbarLaunch         *launch,
                                               SandbarTerminal       *terminal,
                                               GError               **error);
void           sandbar_launch_free            (SandbarLaunch         *launch);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SandbarLaunch, sandbar_launch_free)

G_END_DECLS
