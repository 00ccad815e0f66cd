/* sandbar-profile.c — the model of one saved sandbox profile
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sandbar-enum-types.h"
#include "sandbar-path-expand.h"
#include "sandbar-profile-private.h"

struct _SandbarProfile
{
  GObject               parent_instance;

  char                 *id;
  char                 *name;
  char                 *description;
  char                 *command;
  char                 *working_directory;

  SandbarWriteAccess    write_access;
  GStrv                 writable_roots;
  GStrv                 protected_names;
  GStrv                 deny_read;
  GArray               *localhost_ports;    /* of guint */
  GPtrArray            *socket_rules;       /* of SandbarSocketRule */
  SandbarNetworkAccess  network_access;
  SandbarSocketAccess   socket_access;

  GKeyFile             *backing;

  guint                 include_temp : 1;
  guint                 allow_local_binding : 1;
};

G_DEFINE_FINAL_TYPE (SandbarProfile, sandbar_profile, G_TYPE_OBJECT)
G_DEFINE_QUARK (sandbar-profile-error-quark, sandbar_profile_error)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_COMMAND,
  PROP_WORKING_DIRECTORY,
  PROP_WRITE_ACCESS,
  PROP_WRITABLE_ROOTS,
  PROP_INCLUDE_TEMP,
  PROP_PROTECTED_NAMES,
  PROP_DENY_READ,
  PROP_NETWORK_ACCESS,
  PROP_LOCALHOST_PORTS,
  PROP_ALLOW_LOCAL_BINDING,
  PROP_SOCKET_ACCESS,
  PROP_SOCKET_RULES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const default_protected_names[] = { ".git", NULL };

static void
sandbar_profile_finalize (GObject *object)
{
  SandbarProfile *self = (SandbarProfile *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->command, g_free);
  g_clear_pointer (&self->working_directory, g_free);
  g_clear_pointer (&self->writable_roots, g_strfreev);
  g_clear_pointer (&self->protected_names, g_strfreev);
  g_clear_pointer (&self->deny_read, g_strfreev);
  g_clear_pointer (&self->localhost_ports, g_array_unref);
  g_clear_pointer (&self->socket_rules, g_ptr_array_unref);
  g_clear_pointer (&self->backing, g_key_file_unref);

  G_OBJECT_CLASS (sandbar_profile_parent_class)->finalize (object);
}

static void
sandbar_profile_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SandbarProfile *self = SANDBAR_PROFILE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_COMMAND:
      g_value_set_string (value, self->command);
      break;
    case PROP_WORKING_DIRECTORY:
      g_value_set_string (value, self->working_directory);
      break;
    case PROP_WRITE_ACCESS:
      g_value_set_enum (value, self->write_access);
      break;
    case PROP_WRITABLE_ROOTS:
      g_value_set_boxed (value, self->writable_roots);
      break;
    case PROP_INCLUDE_TEMP:
      g_value_set_boolean (value, self->include_temp);
      break;
    case PROP_PROTECTED_NAMES:
      g_value_set_boxed (value, self->protected_names);
      break;
    case PROP_DENY_READ:
      g_value_set_boxed (value, self->deny_read);
      break;
    case PROP_NETWORK_ACCESS:
      g_value_set_enum (value, self->network_access);
      break;
    case PROP_LOCALHOST_PORTS:
      g_value_set_boxed (value, self->localhost_ports);
      break;
    case PROP_ALLOW_LOCAL_BINDING:
      g_value_set_boolean (value, self->allow_local_binding);
      break;
    case PROP_SOCKET_ACCESS:
      g_value_set_enum (value, self->socket_access);
      break;
    case PROP_SOCKET_RULES:
      g_value_set_boxed (value, self->socket_rules);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sandbar_profile_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SandbarProfile *self = SANDBAR_PROFILE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_free (self->id);
      self->id = g_value_dup_string (value);
      break;
    case PROP_NAME:
      sandbar_profile_set_name (self, g_value_get_string (value));
      break;
    case PROP_DESCRIPTION:
      sandbar_profile_set_description (self, g_value_get_string (value));
      break;
    case PROP_COMMAND:
      sandbar_profile_set_command (self, g_value_get_string (value));
      break;
    case PROP_WORKING_DIRECTORY:
      sandbar_profile_set_working_directory (self, g_value_get_string (value));
      break;
    case PROP_WRITE_ACCESS:
      sandbar_profile_set_write_access (self, g_value_get_enum (value));
      break;
    case PROP_WRITABLE_ROOTS:
      sandbar_profile_set_writable_roots (self, g_value_get_boxed (value));
      break;
    case PROP_INCLUDE_TEMP:
      sandbar_profile_set_include_temp (self, g_value_get_boolean (value));
      break;
    case PROP_PROTECTED_NAMES:
      sandbar_profile_set_protected_names (self, g_value_get_boxed (value));
      break;
    case PROP_DENY_READ:
      sandbar_profile_set_deny_read (self, g_value_get_boxed (value));
      break;
    case PROP_NETWORK_ACCESS:
      sandbar_profile_set_network_access (self, g_value_get_enum (value));
      break;
    case PROP_LOCALHOST_PORTS:
      {
        GArray *ports = g_value_get_boxed (value);

        sandbar_profile_set_localhost_ports (self,
                                             ports ? (const guint *)(gpointer)ports->data : NULL,
                                             ports ? ports->len : 0);
      }
      break;
    case PROP_ALLOW_LOCAL_BINDING:
      sandbar_profile_set_allow_local_binding (self, g_value_get_boolean (value));
      break;
    case PROP_SOCKET_ACCESS:
      sandbar_profile_set_socket_access (self, g_value_get_enum (value));
      break;
    case PROP_SOCKET_RULES:
      sandbar_profile_set_socket_rules (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sandbar_profile_class_init (SandbarProfileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = sandbar_profile_finalize;
  object_class->get_property = sandbar_profile_get_property;
  object_class->set_property = sandbar_profile_set_property;

  /**
   * SandbarProfile:id:
   *
   * The file stem of the profile, `[a-z0-9][a-z0-9-]*`.
   */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", rw);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, "", rw);

  /**
   * SandbarProfile:command:
   *
   * The command to run, in shell-like words; empty for the login shell.
   */
  properties[PROP_COMMAND] = g_param_spec_string ("command", NULL, NULL, "", rw);

  /**
   * SandbarProfile:working-directory:
   *
   * Where the command starts; empty for the home directory. In `roots`
   * mode an explicitly set directory is writable too.
   */
  properties[PROP_WORKING_DIRECTORY] =
    g_param_spec_string ("working-directory", NULL, NULL, "", rw);
  properties[PROP_WRITE_ACCESS] =
    g_param_spec_enum ("write-access", NULL, NULL,
                       SANDBAR_TYPE_WRITE_ACCESS, SANDBAR_WRITE_ACCESS_ROOTS, rw);
  properties[PROP_WRITABLE_ROOTS] =
    g_param_spec_boxed ("writable-roots", NULL, NULL, G_TYPE_STRV, rw);

  /**
   * SandbarProfile:include-temp:
   *
   * Whether `/tmp` and `$TMPDIR` are writable in `roots` mode.
   */
  properties[PROP_INCLUDE_TEMP] =
    g_param_spec_boolean ("include-temp", NULL, NULL, TRUE, rw);

  /**
   * SandbarProfile:protected-names:
   *
   * File names (such as `.git`) kept read-only inside every writable root.
   */
  properties[PROP_PROTECTED_NAMES] =
    g_param_spec_boxed ("protected-names", NULL, NULL, G_TYPE_STRV, rw);

  /**
   * SandbarProfile:deny-read:
   *
   * Paths that are neither readable nor writable.
   */
  properties[PROP_DENY_READ] =
    g_param_spec_boxed ("deny-read", NULL, NULL, G_TYPE_STRV, rw);
  properties[PROP_NETWORK_ACCESS] =
    g_param_spec_enum ("network-access", NULL, NULL,
                       SANDBAR_TYPE_NETWORK_ACCESS, SANDBAR_NETWORK_ACCESS_RESTRICTED, rw);

  /**
   * SandbarProfile:localhost-ports:
   *
   * A #GArray of `guint`: loopback ports reachable while the network is
   * restricted (local proxies).
   */
  properties[PROP_LOCALHOST_PORTS] =
    g_param_spec_boxed ("localhost-ports", NULL, NULL, G_TYPE_ARRAY, rw);
  properties[PROP_ALLOW_LOCAL_BINDING] =
    g_param_spec_boolean ("allow-local-binding", NULL, NULL, FALSE, rw);
  properties[PROP_SOCKET_ACCESS] =
    g_param_spec_enum ("socket-access", NULL, NULL,
                       SANDBAR_TYPE_SOCKET_ACCESS, SANDBAR_SOCKET_ACCESS_NONE, rw);

  /**
   * SandbarProfile:socket-rules:
   *
   * A #GPtrArray of #SandbarSocketRule: the Unix-socket allowlist.
   */
  properties[PROP_SOCKET_RULES] =
    g_param_spec_boxed ("socket-rules", NULL, NULL, G_TYPE_PTR_ARRAY, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sandbar_profile_init (SandbarProfile *self)
{
  self->name = g_strdup ("");
  self->description = g_strdup ("");
  self->command = g_strdup ("");
  self->working_directory = g_strdup ("");
  self->write_access = SANDBAR_WRITE_ACCESS_ROOTS;
  self->writable_roots = g_new0 (char *, 1);
  self->include_temp = TRUE;
  self->protected_names = g_strdupv ((char **)default_protected_names);
  self->deny_read = g_new0 (char *, 1);
  self->network_access = SANDBAR_NETWORK_ACCESS_RESTRICTED;
  self->localhost_ports = g_array_new (FALSE, FALSE, sizeof (guint));
  self->allow_local_binding = FALSE;
  self->socket_access = SANDBAR_SOCKET_ACCESS_NONE;
  self->socket_rules = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * sandbar_profile_new:
 * @id: the profile id (file stem)
 *
 * Creates a profile with the model defaults: project-folder writes,
 * temp included, `.git` protected, restricted network, no Unix sockets.
 * The id is not validated here; see sandbar_profile_validate().
 *
 * Returns: (transfer full): a new profile
 */
SandbarProfile *
sandbar_profile_new (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (SANDBAR_TYPE_PROFILE, "id", id, NULL);
}

/* Setters share the "return early when nothing changed, notify by pspec"
 * contract, so the preview and the store only react to real changes. */
static void
set_string (SandbarProfile  *self,
            char           **field,
            const char      *value,
            guint            prop)
{
  if (value == NULL)
    value = "";
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
set_strv (SandbarProfile      *self,
          GStrv               *field,
          const char * const  *value,
          guint                prop)
{
  static const char * const empty[] = { NULL };

  if (value == NULL)
    value = empty;
  if (g_strv_equal ((const char * const *)*field, value))
    return;
  g_strfreev (*field);
  *field = g_strdupv ((char **)value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

const char *
sandbar_profile_get_id (SandbarProfile *self)
{
  g_return_val_if_fail (SANDBAR_IS_PROFILE (self), NULL);
  return self->id;
}

const char *
sandbar_profile_get_name (SandbarProfile *self)
{
  g_return_val_if_fail (SANDBAR_IS_PROFILE (self), NULL);
  return self->name;
}

void
sandbar_profile_set_name (SandbarProfile *self,
                          const char     *name)
{
  g_return_if_fail (SANDBAR_IS_PROFILE (self));
  set_string (self, &self->name, name, PROP_NAME);
}

const char *
sandbar_profile_get_description (SandbarProfile *self)
{
  g_return_val_if_fail (SANDBAR_IS_PROFILE (self), NULL);
  return self->description;
}

void
sandbar_profile_set_description (SandbarProfile *self,
                                 const char     *description)
{
  g_return_if_fail (SANDBAR_IS_PROFILE (self));
  set_string (self, &self->description, description, PROP_DESCRIPTION);
}

const char *
sandbar_profile_get_command (SandbarProfile *self)
{
  g_return_val_if_fail (SANDBAR_IS_PROFILE (self), NULL);
  return self->command;
}

void
sandbar_profile_set_command (SandbarProfile *self,
                             const char     *command)
{
  g_return_if_fail (SANDBAR_IS_PROFILE (self));
  set_string (self, &self->command, command, PROP_COMMAND);
}

const char *
sandbar_profile_get_working_directory (SandbarProfile *self)
{
  g_return_val_if_fail (SANDBAR_IS_PROFILE (self), NULL);
  return self->working_directory;
}

void
sandbar_profile_set_working_directory (SandbarProfile *self,
                                       const char     *directory)
{
  g_return_if_fail (SANDBAR_IS_PROFILE (self));
  set_string (self, &self->working_directory, directory, PROP_WORKING_DIRECTORY);
}

SandbarWriteAccess
sandbar_profile_get_write_access (SandbarProfile *self)
{
  g_return_val_if_fail (SANDBAR_IS_PROFILE (self), SANDBAR_WRITE_ACCESS_NONE);
  return self->write_access;
}

void
sandbar_profile_set_write_access (SandbarProfile     *self,
                                  SandbarWriteAccess  access)
{
  g_return_if_fail (SANDBAR_IS_PROFILE (self));
  g_return_if_fail (access <= SANDBAR_WRITE_ACCESS_ALL);

  if (self->write_access == access)
    return;
  self->write_access = access;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WRITE_ACCESS]);
}

const char * const *
sandbar_profile_get_writable_roots (SandbarProfile *self)
{
  g_return_val_if_fail (SANDBAR_IS_PROFILE (self), NULL);
  return (const char * const *)self->writable_roots;
}

void
sandbar_profile_set_writable_roots (SandbarProfile     *self,
                                    const char * const *roots)
{
  g_return_if_fail (SANDBAR_IS_PROFILE (self));
  set_strv (self, &self->writable_roots, roots, PROP_WRITABLE_ROOTS);
}

gboolean
sandbar_profile_get_include_temp (SandbarProfile *self)
{
  g_return_val_if_fail (SANDBAR_IS_PROFILE (self), FALSE);
  return self->include_temp;
}

void
sandbar_profile_set_include_temp (SandbarProfile *self,
                                  gboolean        include_temp)
{
  g_return_if_fail (SANDBAR_IS_PROFILE (self));

  include_temp = !!include_temp;
  if (self->include_temp == (guint) include_temp)
    return;
  self->include_temp = include_temp;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INCLUDE_TEMP]);
}

const char * const *
sandbar_profile_get_protected_names (SandbarProfile *self)
{
  g_return_val_if_fail (SANDBAR_IS_PROFILE (self), NULL);
  return (const char * const *)self->protected_names;
}

void
sandbar_profile_set_protected_names (SandbarProfile     *self,
                                     const char * const *names)
{
  g_return_if_fail (SANDBAR_IS_PROFILE (self));
  set_strv (self, &self->protected_names, names, PROP_PROTECTED_NAMES);
}

const char * const *
sandbar_profile_get_deny_read (SandbarProfile *self)
{
  g_return_val_if_fail (SANDBAR_IS_PROFILE (self), NULL);
  return (const char * const *)self->deny_read;
}

void
sandbar_profile_set_deny_read (SandbarProfile     *self,
                               const char * const *paths)
{
  g_return_if_fail (SANDBAR_IS_PROFILE (self));
  set_strv (self, &self->deny_read, paths, PROP_DENY_READ);
}

SandbarNetworkAccess
sandbar_profile_get_network_access (SandbarProfile *self)
{
  g_return_val_if_fail (SANDBAR_IS_PROFILE (self), SANDBAR_NETWORK_ACCESS_RESTRICTED);
  return self->network_access;
}

void
sandbar_profile_set_network_access (SandbarProfile       *self,
                                    SandbarNetworkAccess  access)
{
  g_return_if_fail (SANDBAR_IS_PROFILE (self));
  g_return_if_fail (access <= SANDBAR_NETWORK_ACCESS_FULL);

  if (self->network_access == access)
    return;
  self->network_access = access;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NETWORK_ACCESS]);
}

/**
 * sandbar_profile_get_localhost_ports:
 * @self: a profile
 * @n_ports: (out) (optional): the number of ports
 *
 * Returns: (array length=n_ports) (transfer none): the ports as set
 */
const guint *
sandbar_profile_get_localhost_ports (SandbarProfile *self,
                                     guint          *n_ports)
{
  g_return_val_if_fail (SANDBAR_IS_PROFILE (self), NULL);

  if (n_ports != NULL)
    *n_ports = self->localhost_ports->len;
  return (const guint *)(gpointer)self->localhost_ports->data;
}

/**
 * sandbar_profile_set_localhost_ports:
 * @self: a profile
 * @ports: (array length=n_ports) (nullable): the ports
 * @n_ports: the number of @ports
 *
 * Sets the loopback ports. Values are kept as given (so that an invalid
 * port can be reported by sandbar_profile_validate()).
 */
void
sandbar_profile_set_localhost_ports (SandbarProfile *self,
                                     const guint    *ports,
                                     guint           n_ports)
{
  g_return_if_fail (SANDBAR_IS_PROFILE (self));
  g_return_if_fail (ports != NULL || n_ports == 0);

  if (self->localhost_ports->len == n_ports &&
      (n_ports == 0 || memcmp (self->localhost_ports->data, ports, n_ports * sizeof (guint)) == 0))
    return;

  g_array_set_size (self->localhost_ports, 0);
  if (n_ports > 0)
    g_array_append_vals (self->localhost_ports, ports, n_ports);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCALHOST_PORTS]);
}

gboolean
sandbar_profile_get_allow_local_binding (SandbarProfile *self)
{
  g_return_val_if_fail (SANDBAR_IS_PROFILE (self), FALSE);
  return self->allow_local_binding;
}

void
sandbar_profile_set_allow_local_binding (SandbarProfile *self,
                                         gboolean        allow)
{
  g_return_if_fail (SANDBAR_IS_PROFILE (self));

  allow = !!allow;
  if (self->allow_local_binding == (guint) allow)
    return;
  self->allow_local_binding = allow;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALLOW_LOCAL_BINDING]);
}

SandbarSocketAccess
sandbar_profile_get_socket_access (SandbarProfile *self)
{
  g_return_val_if_fail (SANDBAR_IS_PROFILE (self), SANDBAR_SOCKET_ACCESS_NONE);
  return self->socket_access;
}

void
sandbar_profile_set_socket_access (SandbarProfile      *self,
                                   SandbarSocketAccess  access)
{
  g_return_if_fail (SANDBAR_IS_PROFILE (self));
  g_return_if_fail (access <= SANDBAR_SOCKET_ACCESS_ALL);

  if (self->socket_access == access)
    return;
  self->socket_access = access;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOCKET_ACCESS]);
}

/**
 * sandbar_profile_get_socket_rules:
 * @self: a profile
 *
 * Returns: (transfer none) (element-type SandbarSocketRule): the allowlist;
 *   do not modify it, use the setters
 */
GPtrArray *
sandbar_profile_get_socket_rules (SandbarProfile *self)
{
  g_return_val_if_fail (SANDBAR_IS_PROFILE (self), NULL);
  return self->socket_rules;
}

static gboolean
rules_equal (GPtrArray *a,
             GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;

  for (guint i = 0; i < a->len; i++)
    if (!sandbar_socket_rule_equal (g_ptr_array_index (a, i), g_ptr_array_index (b, i)))
      return FALSE;

  return TRUE;
}

/**
 * sandbar_profile_set_socket_rules:
 * @self: a profile
 * @rules: (nullable) (element-type SandbarSocketRule): the new allowlist
 *
 * Replaces the allowlist with the rules of @rules (which is not kept).
 */
void
sandbar_profile_set_socket_rules (SandbarProfile *self,
                                  GPtrArray      *rules)
{
  g_autoptr(GPtrArray) empty = NULL;

  g_return_if_fail (SANDBAR_IS_PROFILE (self));

  if (rules == NULL)
    rules = empty = g_ptr_array_new ();
  if (rules_equal (self->socket_rules, rules))
    return;

  g_ptr_array_set_size (self->socket_rules, 0);
  for (guint i = 0; i < rules->len; i++)
    g_ptr_array_add (self->socket_rules, g_object_ref (g_ptr_array_index (rules, i)));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOCKET_RULES]);
}

void
sandbar_profile_add_socket_rule (SandbarProfile    *self,
                                 SandbarSocketRule *rule)
{
  g_return_if_fail (SANDBAR_IS_PROFILE (self));
  g_return_if_fail (SANDBAR_IS_SOCKET_RULE (rule));

  g_ptr_array_add (self->socket_rules, g_object_ref (rule));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOCKET_RULES]);
}

gboolean
sandbar_profile_remove_socket_rule (SandbarProfile *self,
                                    guint           index)
{
  g_return_val_if_fail (SANDBAR_IS_PROFILE (self), FALSE);

  if (index >= self->socket_rules->len)
    return FALSE;
  g_ptr_array_remove_index (self->socket_rules, index);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOCKET_RULES]);
  return TRUE;
}

/**
 * sandbar_profile_assign:
 * @self: the profile to change
 * @other: the profile whose fields to take (its id is not taken)
 *
 * Copies every field of @other into @self, notifying once per changed
 * property after all are set. Used when a file changed on disk, so that
 * views bound to @self follow.
 */
void
sandbar_profile_assign (SandbarProfile *self,
                        SandbarProfile *other)
{
  g_return_if_fail (SANDBAR_IS_PROFILE (self));
  g_return_if_fail (SANDBAR_IS_PROFILE (other));

  g_object_freeze_notify (G_OBJECT (self));
  sandbar_profile_set_name (self, other->name);
  sandbar_profile_set_description (self, other->description);
  sandbar_profile_set_command (self, other->command);
  sandbar_profile_set_working_directory (self, other->working_directory);
  sandbar_profile_set_write_access (self, other->write_access);
  sandbar_profile_set_writable_roots (self, (const char * const *)other->writable_roots);
  sandbar_profile_set_include_temp (self, other->include_temp);
  sandbar_profile_set_protected_names (self, (const char * const *)other->protected_names);
  sandbar_profile_set_deny_read (self, (const char * const *)other->deny_read);
  sandbar_profile_set_network_access (self, other->network_access);
  sandbar_profile_set_localhost_ports (self, (const guint *)(gpointer)other->localhost_ports->data,
                                       other->localhost_ports->len);
  sandbar_profile_set_allow_local_binding (self, other->allow_local_binding);
  sandbar_profile_set_socket_access (self, other->socket_access);
  sandbar_profile_set_socket_rules (self, other->socket_rules);
  _sandbar_profile_set_backing (self, other->backing);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * sandbar_profile_copy:
 * @self: a profile
 * @new_id: the id of the copy
 *
 * Returns: (transfer full): a copy of @self with another id; unknown keys
 *   and comments of the file @self came from travel with it
 */
SandbarProfile *
sandbar_profile_copy (SandbarProfile *self,
                      const char     *new_id)
{
  SandbarProfile *copy;

  g_return_val_if_fail (SANDBAR_IS_PROFILE (self), NULL);
  g_return_val_if_fail (new_id != NULL, NULL);

  copy = sandbar_profile_new (new_id);
  sandbar_profile_assign (copy, self);
  return copy;
}

/**
 * sandbar_profile_equal:
 * @a: a profile
 * @b: another profile
 *
 * Returns: %TRUE if every field but the id is the same
 */
gboolean
sandbar_profile_equal (SandbarProfile *a,
                       SandbarProfile *b)
{
  g_return_val_if_fail (SANDBAR_IS_PROFILE (a), FALSE);
  g_return_val_if_fail (SANDBAR_IS_PROFILE (b), FALSE);

  return g_str_equal (a->name, b->name) &&
         g_str_equal (a->description, b->description) &&
         g_str_equal (a->command, b->command) &&
         g_str_equal (a->working_directory, b->working_directory) &&
         a->write_access == b->write_access &&
         g_strv_equal ((const char * const *)a->writable_roots,
                       (const char * const *)b->writable_roots) &&
         a->include_temp == b->include_temp &&
         g_strv_equal ((const char * const *)a->protected_names,
                       (const char * const *)b->protected_names) &&
         g_strv_equal ((const char * const *)a->deny_read, (const char * const *)b->deny_read) &&
         a->network_access == b->network_access &&
         a->localhost_ports->len == b->localhost_ports->len &&
         /* An empty GArray's data may be NULL, and memcmp (NULL, …, 0) is
          * undefined behaviour. */
         (a->localhost_ports->len == 0 ||
          memcmp (a->localhost_ports->data, b->localhost_ports->data,
                  a->localhost_ports->len * sizeof (guint)) == 0) &&
         a->allow_local_binding == b->allow_local_binding &&
         a->socket_access == b->socket_access &&
         rules_equal (a->socket_rules, b->socket_rules);
}

GKeyFile *
_sandbar_profile_get_backing (SandbarProfile *self)
{
  return self->backing;
}

void
_sandbar_profile_set_backing (SandbarProfile *self,
                              GKeyFile       *backing)
{
  if (self->backing == backing)
    return;
  g_clear_pointer (&self->backing, g_key_file_unref);
  if (backing != NULL)
    self->backing = g_key_file_ref (backing);
}
