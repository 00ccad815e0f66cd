/* sandbar-socket-rule.c — one entry of the Unix-socket allowlist
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sandbar-enum-types.h"
#include "sandbar-socket-rule.h"

/* Immutable: a rule is replaced, never edited, so a profile can share rule
 * objects with its copies and the list models that show them. */
struct _SandbarSocketRule
{
  GObject             parent_instance;

  char               *path;
  SandbarSocketScope  scope;
};

G_DEFINE_FINAL_TYPE (SandbarSocketRule, sandbar_socket_rule, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  PROP_SCOPE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sandbar_socket_rule_finalize (GObject *object)
{
  SandbarSocketRule *self = (SandbarSocketRule *)object;

  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (sandbar_socket_rule_parent_class)->finalize (object);
}

static void
sandbar_socket_rule_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SandbarSocketRule *self = SANDBAR_SOCKET_RULE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_SCOPE:
      g_value_set_enum (value, self->scope);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sandbar_socket_rule_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  SandbarSocketRule *self = SANDBAR_SOCKET_RULE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      if (self->path == NULL)
        self->path = g_strdup ("");
      break;

    case PROP_SCOPE:
      self->scope = g_value_get_enum (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sandbar_socket_rule_class_init (SandbarSocketRuleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sandbar_socket_rule_finalize;
  object_class->get_property = sandbar_socket_rule_get_property;
  object_class->set_property = sandbar_socket_rule_set_property;

  /**
   * SandbarSocketRule:path:
   *
   * The socket path as written; may hold `~` and `$VAR`.
   */
  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * SandbarSocketRule:scope:
   *
   * Whether the rule covers sockets below the path too.
   */
  properties[PROP_SCOPE] =
    g_param_spec_enum ("scope", NULL, NULL,
                       SANDBAR_TYPE_SOCKET_SCOPE,
                       SANDBAR_SOCKET_SCOPE_SUBPATH,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sandbar_socket_rule_init (SandbarSocketRule *self)
{
}

/**
 * sandbar_socket_rule_new:
 * @path: the socket path as written
 * @scope: the rule's scope
 *
 * Returns: (transfer full): a new rule
 */
SandbarSocketRule *
sandbar_socket_rule_new (const char         *path,
                         SandbarSocketScope  scope)
{
  g_return_val_if_fail (path != NULL, NULL);

  return g_object_new (SANDBAR_TYPE_SOCKET_RULE,
                       "path", path,
                       "scope", scope,
                       NULL);
}

const char *
sandbar_socket_rule_get_path (SandbarSocketRule *self)
{
  g_return_val_if_fail (SANDBAR_IS_SOCKET_RULE (self), NULL);

  return self->path;
}

SandbarSocketScope
sandbar_socket_rule_get_scope (SandbarSocketRule *self)
{
  g_return_val_if_fail (SANDBAR_IS_SOCKET_RULE (self), SANDBAR_SOCKET_SCOPE_SUBPATH);

  return self->scope;
}

/**
 * sandbar_socket_rule_equal:
 * @a: a rule
 * @b: another rule
 *
 * Returns: %TRUE if both rules have the same path and scope
 */
gboolean
sandbar_socket_rule_equal (SandbarSocketRule *a,
                           SandbarSocketRule *b)
{
  g_return_val_if_fail (SANDBAR_IS_SOCKET_RULE (a), FALSE);
  g_return_val_if_fail (SANDBAR_IS_SOCKET_RULE (b), FALSE);

  return a->scope == b->scope && g_strcmp0 (a->path, b->path) == 0;
}
