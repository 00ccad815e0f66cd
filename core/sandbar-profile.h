/* sandbar-profile.h — the model of one saved sandbox profile
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sandbar-input.h"
#include "sandbar-socket-rule.h"
#include "sandbar-types.h"

G_BEGIN_DECLS

#define SANDBAR_TYPE_PROFILE (sandbar_profile_get_type ())

G_DECLARE_FINAL_TYPE (SandbarProfile, sandbar_profile, SANDBAR, PROFILE, GObject)

#define SANDBAR_PROFILE_ERROR (sandbar_profile_error_quark ())

/**
 * SandbarProfileError:
 * @SANDBAR_PROFILE_ERROR_SYNTAX: the file is not a valid key file
 * @SANDBAR_PROFILE_ERROR_UNSUPPORTED_VERSION: written by a newer Sandbar
 * @SANDBAR_PROFILE_ERROR_INVALID: a value is invalid (the message names it)
 *
 * Why a profile file could not be read. The line the problem is on is
 * returned beside the error by sandbar_profile_new_from_data().
 */
typedef enum
{
  SANDBAR_PROFILE_ERROR_SYNTAX,
  SANDBAR_PROFILE_ERROR_UNSUPPORTED_VERSION,
  SANDBAR_PROFILE_ERROR_INVALID,
} SandbarProfileError;

/* The file format version this Sandbar reads and writes. */
#define SANDBAR_PROFILE_FORMAT_VERSION 1

GQuark              sandbar_profile_error_quark           (void);

SandbarProfile     *sandbar_profile_new                   (const char          *id);
SandbarProfile     *sandbar_profile_copy                  (SandbarProfile      *self,
                                                           const char          *new_id);
void                sandbar_profile_assign                (SandbarProfile      *self,
                                                           SandbarProfile      *other);
gboolean            sandbar_profile_equal                 (SandbarProfile      *a,
                                                           SandbarProfile      *b);

const char         *sandbar_profile_get_id                (SandbarProfile      *self);
const char         *sandbar_profile_get_name              (SandbarProfile      *self);
void                sandbar_profile_set_name              (SandbarProfile      *self,
                                                           const char          *name);
const char         *sandbar_profile_get_description       (SandbarProfile      *self);
void                sandbar_profile_set_description       (SandbarProfile      *self,
                                                           const char          *description);
const char         *sandbar_profile_get_command           (SandbarProfile      *self);
void                sandbar_profile_set_command           (SandbarProfile      *self,
                                                           const char          *command);
const char         *sandbar_profile_get_working_directory (SandbarProfile      *self);
void                sandbar_profile_set_working_directory (SandbarProfile      *self,
                                                           const char          *directory);

SandbarWriteAccess  sandbar_profile_get_write_access      (SandbarProfile      *self);
void                sandbar_profile_set_write_access      (SandbarProfile      *self,
                                                           SandbarWriteAccess   access);
const char * const *sandbar_profile_get_writable_roots    (SandbarProfile      *self);
void                sandbar_profile_set_writable_roots    (SandbarProfile      *self,
                                                           const char * const  *roots);
gboolean            sandbar_profile_get_include_temp      (SandbarProfile      *self);
void                sandbar_profile_set_include_temp      (SandbarProfile      *self,
                                                           gboolean             include_temp);
const char * const *sandbar_profile_get_protected_names   (SandbarProfile      *self);
void                sandbar_profile_set_protected_names   (SandbarProfile      *self,
                                                           const char * const  *names);
const char * const *sandbar_profile_get_deny_read         (SandbarProfile      *self);
void                sandbar_profile_set_deny_read         (SandbarProfile      *self,
                                                           const char * const  *paths);

SandbarNetworkAccess sandbar_profile_get_network_access   (SandbarProfile      *self);
void                sandbar_profile_set_network_access    (SandbarProfile      *self,
                                                           SandbarNetworkAccess access);
const guint        *sandbar_profile_get_localhost_ports   (SandbarProfile      *self,
                                                           guint               *n_ports);
void                sandbar_profile_set_localhost_ports   (SandbarProfile      *self,
                                                           const guint         *ports,
                                                           guint                n_ports);
gboolean            sandbar_profile_get_allow_local_binding (SandbarProfile    *self);
void                sandbar_profile_set_allow_local_binding (SandbarProfile    *self,
                                                           gboolean             allow);

SandbarSocketAccess sandbar_profile_get_socket_access     (SandbarProfile      *self);
void                sandbar_profile_set_socket_access     (SandbarProfile      *self,
                                                           SandbarSocketAccess  access);
GPtrArray          *sandbar_profile_get_socket_rules      (SandbarProfile      *self);
void                sandbar_profile_set_socket_rules      (SandbarProfile      *self,
                                                           GPtrArray           *rules);
void                sandbar_profile_add_socket_rule       (SandbarProfile      *self,
                                                           SandbarSocketRule   *rule);
gboolean            sandbar_profile_remove_socket_rule    (SandbarProfile      *self,
                                                           guint                index);

gboolean            sandbar_profile_validate              (SandbarProfile      *self,
                                                           GError             **error);
gboolean            sandbar_profile_validate_full         (SandbarProfile      *self,
                                                           SandbarField        *failed_field,
                                                           guint               *failed_index,
                                                           GError             **error);

/* Key file form: sandbar-profile-keyfile.c */
SandbarProfile     *sandbar_profile_new_from_data         (const char          *id,
                                                           const char          *data,
                                                           gsize                length,
                                                           guint               *error_line,
                                                           GError             **error);
char               *sandbar_profile_to_data               (SandbarProfile      *self,
                                                           gsize               *length);

G_END_DECLS
