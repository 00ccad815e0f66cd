/* sandbar-status-item.c — the menu-bar item (macOS) and tray item (Linux)
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The platform-independent part: properties and their notifications. The
 * menu itself is a SandbarStatusMenu, drawn by the backend.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sandbar-profile.h"
#include "sandbar-status-item-private.h"

struct _SandbarStatusItem
{
  GObject                parent_instance;

  /* Owned */
  GListModel            *profiles;
  GActionGroup          *actions;
  SandbarStatusMenu     *menu;
  SandbarStatusBackend  *backend;
  char                  *tooltip;
  char                  *icon_theme_path;
  char                  *activation_token;

  gulong                 activated_handler;
  guint                  shown : 1;
};

static void sandbar_status_item_initable_iface_init (GInitableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SandbarStatusItem, sandbar_status_item, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE,
                                                      sandbar_status_item_initable_iface_init))

enum {
  PROP_0,
  PROP_PROFILES,
  PROP_ACTIONS,
  PROP_SHOWN,
  PROP_TOOLTIP,
  PROP_ICON_THEME_PATH,
  PROP_ACTIVATION_TOKEN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* g_set_str() is GLib 2.76. */
static gboolean
set_str (char       **str_pointer,
         const char  *new_str)
{
  if (g_strcmp0 (*str_pointer, new_str) == 0)
    return FALSE;
  g_free (*str_pointer);
  *str_pointer = g_strdup (new_str);
  return TRUE;
}

/* A token is good for the one activation it came with: forget it once
 * that activation has run, so that it is not used for a later one. */
static void
on_menu_activated (SandbarStatusMenu *menu,
                   int                id,
                   gpointer           user_data)
{
  _sandbar_status_item_set_activation_token (user_data, NULL);
}

static gboolean
sandbar_status_item_initable_init (GInitable     *initable,
                                   GCancellable  *cancellable,
                                   GError       **error)
{
  SandbarStatusItem *self = SANDBAR_STATUS_ITEM (initable);

  g_return_val_if_fail (self->profiles != NULL && self->actions != NULL, FALSE);
  g_return_val_if_fail (self->backend == NULL, FALSE);

  self->menu = sandbar_status_menu_new (self->profiles, self->actions);
  self->activated_handler = g_signal_connect (self->menu, "activated",
                                              G_CALLBACK (on_menu_activated), self);
  self->backend = _sandbar_status_backend_new (self, self->menu, error);
  return self->backend != NULL;
}

static void
sandbar_status_item_initable_iface_init (GInitableIface *iface)
{
  iface->init = sandbar_status_item_initable_init;
}

static void
sandbar_status_item_dispose (GObject *object)
{
  SandbarStatusItem *self = (SandbarStatusItem *)object;

  g_clear_pointer (&self->backend, _sandbar_status_backend_free);
  if (self->menu != NULL)
    g_clear_signal_handler (&self->activated_handler, self->menu);
  g_clear_object (&self->menu);
  g_clear_object (&self->profiles);
  g_clear_object (&self->actions);

  G_OBJECT_CLASS (sandbar_status_item_parent_class)->dispose (object);
}

static void
sandbar_status_item_finalize (GObject *object)
{
  SandbarStatusItem *self = (SandbarStatusItem *)object;

  g_clear_pointer (&self->tooltip, g_free);
  g_clear_pointer (&self->icon_theme_path, g_free);
  g_clear_pointer (&self->activation_token, g_free);

  G_OBJECT_CLASS (sandbar_status_item_parent_class)->finalize (object);
}

static void
sandbar_status_item_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SandbarStatusItem *self = SANDBAR_STATUS_ITEM (object);

  switch (prop_id)
    {
    case PROP_PROFILES:
      g_value_set_object (value, self->profiles);
      break;
    case PROP_ACTIONS:
      g_value_set_object (value, self->actions);
      break;
    case PROP_SHOWN:
      g_value_set_boolean (value, self->shown);
      break;
    case PROP_TOOLTIP:
      g_value_set_string (value, self->tooltip);
      break;
    case PROP_ICON_THEME_PATH:
      g_value_set_string (value, self->icon_theme_path);
      break;
    case PROP_ACTIVATION_TOKEN:
      g_value_set_string (value, self->activation_token);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sandbar_status_item_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  SandbarStatusItem *self = SANDBAR_STATUS_ITEM (object);

  switch (prop_id)
    {
    case PROP_PROFILES:
      self->profiles = g_value_dup_object (value);
      break;
    case PROP_ACTIONS:
      self->actions = g_value_dup_object (value);
      break;
    case PROP_TOOLTIP:
      sandbar_status_item_set_tooltip (self, g_value_get_string (value));
      break;
    case PROP_ICON_THEME_PATH:
      sandbar_status_item_set_icon_theme_path (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sandbar_status_item_class_init (SandbarStatusItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags construct_only = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                     G_PARAM_STATIC_STRINGS;
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = sandbar_status_item_dispose;
  object_class->finalize = sandbar_status_item_finalize;
  object_class->get_property = sandbar_status_item_get_property;
  object_class->set_property = sandbar_status_item_set_property;

  /**
   * SandbarStatusItem:profiles:
   *
   * The profiles the menu lists: a #GListModel of #SandbarProfile.
   */
  properties[PROP_PROFILES] =
    g_param_spec_object ("profiles", NULL, NULL, G_TYPE_LIST_MODEL, construct_only);

  /**
   * SandbarStatusItem:actions:
   *
   * Where `launch`, `present` and `quit` are activated.
   */
  properties[PROP_ACTIONS] =
    g_param_spec_object ("actions", NULL, NULL, G_TYPE_ACTION_GROUP, construct_only);

  /**
   * SandbarStatusItem:shown:
   *
   * Whether the item can be seen: on Linux, whether a tray (a
   * StatusNotifierWatcher with a host) took it; on macOS always.
   */
  properties[PROP_SHOWN] = g_param_spec_boolean ("shown", NULL, NULL, FALSE, ro);

  /**
   * SandbarStatusItem:tooltip:
   *
   * The text shown when the pointer rests on the icon.
   */
  properties[PROP_TOOLTIP] = g_param_spec_string ("tooltip", NULL, NULL, NULL, rw);

  /**
   * SandbarStatusItem:icon-theme-path:
   *
   * A folder with an icon theme holding the icon, for a Sandbar that is
   * not installed (Linux; %NULL or empty: the tray looks in its themes).
   */
  properties[PROP_ICON_THEME_PATH] =
    g_param_spec_string ("icon-theme-path", NULL, NULL, NULL, rw);

  /**
   * SandbarStatusItem:activation-token:
   *
   * The XDG activation token the tray gave for the activation being run,
   * or %NULL. It is set before the action runs and cleared after it, so
   * read it in the action (for gtk_window_set_startup_id()).
   */
  properties[PROP_ACTIVATION_TOKEN] =
    g_param_spec_string ("activation-token", NULL, NULL, NULL, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sandbar_status_item_init (SandbarStatusItem *self)
{
  /* Translators: the tooltip of the menu-bar and tray icon */
  self->tooltip = g_strdup (_("Sandbar"));
}

/**
 * sandbar_status_item_new:
 * @profiles: a #GListModel of #SandbarProfile, in the order to list them
 * @actions: the application's actions (`launch`, `present`, `quit`)
 * @error: return location for a #GError
 *
 * Puts the item in the menu bar or the tray. On Linux it fails only when
 * the session bus cannot be reached; a desktop without a tray is not an
 * error (the item is then not shown, see #SandbarStatusItem:shown).
 *
 * Returns: (transfer full) (nullable): the item, or %NULL with @error set
 */
SandbarStatusItem *
sandbar_status_item_new (GListModel    *profiles,
                         GActionGroup  *actions,
                         GError       **error)
{
  g_return_val_if_fail (G_IS_LIST_MODEL (profiles), NULL);
  g_return_val_if_fail (g_type_is_a (g_list_model_get_item_type (profiles),
                                     SANDBAR_TYPE_PROFILE), NULL);
  g_return_val_if_fail (G_IS_ACTION_GROUP (actions), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return g_initable_new (SANDBAR_TYPE_STATUS_ITEM, NULL, error,
                         "profiles", profiles,
                         "actions", actions,
                         NULL);
}

/**
 * sandbar_status_item_is_shown:
 * @self: a #SandbarStatusItem
 *
 * Returns: whether the user can see the item (see #SandbarStatusItem:shown)
 */
gboolean
sandbar_status_item_is_shown (SandbarStatusItem *self)
{
  g_return_val_if_fail (SANDBAR_IS_STATUS_ITEM (self), FALSE);

  return self->shown;
}

const char *
sandbar_status_item_get_tooltip (SandbarStatusItem *self)
{
  g_return_val_if_fail (SANDBAR_IS_STATUS_ITEM (self), NULL);

  return self->tooltip;
}

/**
 * sandbar_status_item_set_tooltip:
 * @self: a #SandbarStatusItem
 * @tooltip: (nullable): the text, or %NULL for "Sandbar"
 *
 * Sets the text shown when the pointer rests on the icon.
 */
void
sandbar_status_item_set_tooltip (SandbarStatusItem *self,
                                 const char        *tooltip)
{
  g_return_if_fail (SANDBAR_IS_STATUS_ITEM (self));

  if (tooltip == NULL)
    tooltip = _("Sandbar");  /* the default tooltip, as above */
  if (!set_str (&self->tooltip, tooltip))
    return;

  if (self->backend != NULL)
    _sandbar_status_backend_tooltip_changed (self->backend);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOOLTIP]);
}

const char *
sandbar_status_item_get_icon_theme_path (SandbarStatusItem *self)
{
  g_return_val_if_fail (SANDBAR_IS_STATUS_ITEM (self), NULL);

  return self->icon_theme_path;
}

/**
 * sandbar_status_item_set_icon_theme_path:
 * @self: a #SandbarStatusItem
 * @path: (nullable): a folder holding an icon theme, or %NULL
 *
 * Tells a Linux tray where to find the icon when Sandbar runs from its
 * build folder. Ignored on macOS.
 */
void
sandbar_status_item_set_icon_theme_path (SandbarStatusItem *self,
                                         const char        *path)
{
  g_return_if_fail (SANDBAR_IS_STATUS_ITEM (self));

  if (path != NULL && *path == '\0')
    path = NULL;
  if (!set_str (&self->icon_theme_path, path))
    return;

  if (self->backend != NULL)
    _sandbar_status_backend_icon_theme_path_changed (self->backend);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ICON_THEME_PATH]);
}

/**
 * sandbar_status_item_get_activation_token:
 * @self: a #SandbarStatusItem
 *
 * Returns: (nullable): the token of the activation being run (see
 *   #SandbarStatusItem:activation-token)
 */
const char *
sandbar_status_item_get_activation_token (SandbarStatusItem *self)
{
  g_return_val_if_fail (SANDBAR_IS_STATUS_ITEM (self), NULL);

  return self->activation_token;
}

/**
 * sandbar_status_item_set_window_visible:
 * @self: a #SandbarStatusItem
 * @visible: whether the application shows a window
 *
 * On macOS Sandbar is a menu-bar app without a Dock icon; while a window
 * is open it becomes a regular app (Dock icon, Cmd-Tab, the menu bar of
 * gtk_application_set_menubar()). Call this when the window is shown
 * (%TRUE) and when the last one is hidden or closed (%FALSE). Does
 * nothing elsewhere.
 */
void
sandbar_status_item_set_window_visible (SandbarStatusItem *self,
                                        gboolean           visible)
{
  g_return_if_fail (SANDBAR_IS_STATUS_ITEM (self));

  if (self->backend != NULL)
    _sandbar_status_backend_set_window_visible (self->backend, !!visible);
}

void
_sandbar_status_item_set_shown (SandbarStatusItem *self,
                                gboolean           shown)
{
  g_assert (SANDBAR_IS_STATUS_ITEM (self));

  shown = !!shown;
  if (self->shown == shown)
    return;
  self->shown = shown;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOWN]);
}

void
_sandbar_status_item_set_activation_token (SandbarStatusItem *self,
                                           const char        *token)
{
  g_assert (SANDBAR_IS_STATUS_ITEM (self));

  if (token != NULL && *token == '\0')
    token = NULL;
  if (set_str (&self->activation_token, token))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVATION_TOKEN]);
}
