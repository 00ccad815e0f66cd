/* sandbar-terminal-private.h — SandbarTerminal for a chosen platform
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sandbar-terminal.h"

G_BEGIN_DECLS

/**
 * SandbarTerminalPlatform:
 * @SANDBAR_TERMINAL_PLATFORM_LINUX: freedesktop terminal emulators, found
 *   on `PATH`
 * @SANDBAR_TERMINAL_PLATFORM_MACOS: macOS applications (Terminal.app,
 *   iTerm2, Ghostty, …)
 *
 * Which table of terminals to use. The public API always uses the platform
 * Sandbar was built for; tests and `sandbarctl` use the other one to show
 * macOS argv on Linux.
 */
typedef enum
{
  SANDBAR_TERMINAL_PLATFORM_LINUX,
  SANDBAR_TERMINAL_PLATFORM_MACOS,
} SandbarTerminalPlatform;

#if SANDBAR_OS_MACOS
# define SANDBAR_TERMINAL_PLATFORM_NATIVE SANDBAR_TERMINAL_PLATFORM_MACOS
#else
# define SANDBAR_TERMINAL_PLATFORM_NATIVE SANDBAR_TERMINAL_PLATFORM_LINUX
#endif

SandbarTerminal *_sandbar_terminal_new_for_platform        (SandbarTerminalPlatform   platform,
                                                            const char               *choice,
                                                            GError                  **error);
GStrv            _sandbar_terminal_list_known_for_platform (SandbarTerminalPlatform   platform);

G_END_DECLS
