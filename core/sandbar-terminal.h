/* sandbar-terminal.h — open a new terminal window running an argv
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sandbar-private-dir.h"

G_BEGIN_DECLS

#define SANDBAR_TYPE_TERMINAL (sandbar_terminal_get_type ())

G_DECLARE_FINAL_TYPE (SandbarTerminal, sandbar_terminal, SANDBAR, TERMINAL, GObject)

#define SANDBAR_TERMINAL_ERROR (sandbar_terminal_error_quark ())

/**
 * SandbarTerminalError:
 * @SANDBAR_TERMINAL_ERROR_NOT_FOUND: no usable terminal emulator (the
 *   message says which were tried and how to choose one)
 * @SANDBAR_TERMINAL_ERROR_INVALID_TEMPLATE: a custom terminal command
 *   cannot be used (the message says why)
 * @SANDBAR_TERMINAL_ERROR_FAILED: the terminal could not be started
 */
typedef enum
{
  SANDBAR_TERMINAL_ERROR_NOT_FOUND,
  SANDBAR_TERMINAL_ERROR_INVALID_TEMPLATE,
  SANDBAR_TERMINAL_ERROR_FAILED,
} SandbarTerminalError;

GQuark           sandbar_terminal_error_quark   (void);

SandbarTerminal *sandbar_terminal_new           (const char          *choice,
                                                 GError             **error);
SandbarTerminal *sandbar_terminal_new_custom    (const char          *command_template,
                                                 GError             **error);
const char      *sandbar_terminal_get_id        (SandbarTerminal     *self);
GStrv            sandbar_terminal_list_known    (void);
GStrv            sandbar_terminal_build_argv    (SandbarTerminal     *self,
                                                 const char * const  *command,
                                                 const char          *working_directory,
                                                 SandbarPrivateDir   *dir,
                                                 GError             **error);
gboolean         sandbar_terminal_open          (SandbarTerminal     *self,
                                                 const char * const  *command,
                                                 const char          *working_directory,
                                                 SandbarPrivateDir   *dir,
                                                 GError             **error);
char            *sandbar_terminal_shell_quote_argv (const char * const *argv);

G_END_DECLS
