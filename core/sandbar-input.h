/* sandbar-input.h — the input policy shared by every module that takes user text
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A path must be shorter than PATH_MAX on macOS; a socket path must fit sun_path. */
#define SANDBAR_PATH_MAX_BYTES        1024
#define SANDBAR_SOCKET_PATH_MAX_BYTES 104

#define SANDBAR_INPUT_ERROR (sandbar_input_error_quark ())

/**
 * SandbarInputError:
 * @SANDBAR_INPUT_ERROR_EMPTY: a required value is empty
 * @SANDBAR_INPUT_ERROR_CONTROL_CHARACTER: the value holds NUL or another control character
 * @SANDBAR_INPUT_ERROR_INVALID_UTF8: the value is not valid UTF-8
 * @SANDBAR_INPUT_ERROR_TOO_LONG: the value is too long for the platform
 * @SANDBAR_INPUT_ERROR_RELATIVE: a path that must be absolute is not
 * @SANDBAR_INPUT_ERROR_PARENT_REFERENCE: `..` where it cannot be resolved
 * @SANDBAR_INPUT_ERROR_UNSET_VARIABLE: `$VAR` names an unset or empty variable
 * @SANDBAR_INPUT_ERROR_INVALID_NAME: not a single path component
 * @SANDBAR_INPUT_ERROR_INVALID_ID: not a valid profile id
 * @SANDBAR_INPUT_ERROR_INVALID_PORT: not a port number 1–65535
 * @SANDBAR_INPUT_ERROR_INVALID_CHOICE: not one of the allowed words
 * @SANDBAR_INPUT_ERROR_NOT_ALLOWED: a well-formed value that the policy refuses
 *
 * Why user input was rejected. Every message names the field and the value.
 */
typedef enum
{
  SANDBAR_INPUT_ERROR_EMPTY,
  SANDBAR_INPUT_ERROR_CONTROL_CHARACTER,
  SANDBAR_INPUT_ERROR_INVALID_UTF8,
  SANDBAR_INPUT_ERROR_TOO_LONG,
  SANDBAR_INPUT_ERROR_RELATIVE,
  SANDBAR_INPUT_ERROR_PARENT_REFERENCE,
  SANDBAR_INPUT_ERROR_UNSET_VARIABLE,
  SANDBAR_INPUT_ERROR_INVALID_NAME,
  SANDBAR_INPUT_ERROR_INVALID_ID,
  SANDBAR_INPUT_ERROR_INVALID_PORT,
  SANDBAR_INPUT_ERROR_INVALID_CHOICE,
  SANDBAR_INPUT_ERROR_NOT_ALLOWED,
} SandbarInputError;

/**
 * SandbarField:
 *
 * The user-visible fields of a profile, used to name the field in messages.
 */
typedef enum
{
  SANDBAR_FIELD_ID,
  SANDBAR_FIELD_NAME,
  SANDBAR_FIELD_DESCRIPTION,
  SANDBAR_FIELD_COMMAND,
  SANDBAR_FIELD_WORKING_DIRECTORY,
  SANDBAR_FIELD_WRITE_ACCESS,
  SANDBAR_FIELD_WRITABLE_ROOT,
  SANDBAR_FIELD_PROTECTED_NAME,
  SANDBAR_FIELD_DENY_READ,
  SANDBAR_FIELD_NETWORK_ACCESS,
  SANDBAR_FIELD_LOCALHOST_PORT,
  SANDBAR_FIELD_SOCKET_ACCESS,
  SANDBAR_FIELD_UNIX_SOCKET,
  SANDBAR_FIELD_VERSION,
} SandbarField;

GQuark       sandbar_input_error_quark  (void);
const char  *sandbar_field_label        (SandbarField       field);
char        *sandbar_input_display      (const char        *value,
                                         gssize             length);
void         sandbar_input_set_error    (GError           **error,
                                         SandbarInputError  code,
                                         SandbarField       field,
                                         const char        *value,
                                         gssize             value_length,
                                         const char        *reason);
gboolean     sandbar_input_check_text   (SandbarField       field,
                                         const char        *value,
                                         gssize             length,
                                         gboolean           allow_newlines,
                                         GError           **error);
gboolean     sandbar_input_find_path_problem
                                        (SandbarField       field,
                                         const char        *path,
                                         gssize             length,
                                         SandbarInputError *code,
                                         char             **reason);
gboolean     sandbar_input_check_path   (SandbarField       field,
                                         const char        *path,
                                         gssize             length,
                                         GError           **error);
gboolean     sandbar_input_check_name   (SandbarField       field,
                                         const char        *name,
                                         GError           **error);
gboolean     sandbar_input_check_id     (const char        *id,
                                         GError           **error);
gboolean     sandbar_input_is_valid_id  (const char        *id);

G_END_DECLS
