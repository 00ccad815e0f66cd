/* sandbar-status-item-sni.c — the tray item on Linux: StatusNotifierItem
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The freedesktop StatusNotifierItem protocol over GDBus, with the menu as
 * com.canonical.dbusmenu (sandbar-status-dbusmenu.c). No library: the
 * AppIndicator libraries link GTK 3, which cannot share a process with
 * GTK 4. Plain GIO, so the tests run without a display.
 *
 * On the session bus:
 * - the name org.kde.StatusNotifierItem-<pid>-<n>;
 * - /StatusNotifierItem, org.kde.StatusNotifierItem: a click on the icon
 *   (Activate, and SecondaryActivate for the middle button) runs `present`;
 *   the tray opens the menu itself (ItemIsMenu is false: XFCE calls
 *   Activate only then);
 * - /MenuBar, com.canonical.dbusmenu: the menu.
 *
 * The item registers with org.kde.StatusNotifierWatcher whenever both our
 * name is ours and a watcher is on the bus: at start, and again each time
 * a watcher appears (a panel restarted). It never starts a watcher
 * (NO_AUTO_START) and never polls: GDBus name watching says when one
 * comes. Without a watcher the item is simply not shown.
 *
 * "Shown" also needs a host: a watcher without a tray to draw the icons
 * (IsStatusNotifierHostRegistered false) does not count, until it sends
 * StatusNotifierHostRegistered. A watcher that cannot say is believed to
 * have one.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <unistd.h>

#include "sandbar-status-dbusmenu.h"
#include "sandbar-status-item-private.h"

#define ITEM_PATH         "/StatusNotifierItem"
#define ITEM_INTERFACE    "org.kde.StatusNotifierItem"
#define MENU_PATH         "/MenuBar"
#define WATCHER_NAME      "org.kde.StatusNotifierWatcher"
#define WATCHER_PATH      "/StatusNotifierWatcher"
#define WATCHER_INTERFACE "org.kde.StatusNotifierWatcher"
#define ICON_NAME         APP_ID "-symbolic"

static const char introspection_xml[] =
  "<node>"
  "  <interface name='org.kde.StatusNotifierItem'>"
  "    <property name='Category' type='s' access='read'/>"
  "    <property name='Id' type='s' access='read'/>"
  "    <property name='Title' type='s' access='read'/>"
  "    <property name='Status' type='s' access='read'/>"
  "    <property name='WindowId' type='i' access='read'/>"
  "    <property name='IconName' type='s' access='read'/>"
  "    <property name='IconThemePath' type='s' access='read'/>"
  "    <property name='IconPixmap' type='a(iiay)' access='read'/>"
  "    <property name='OverlayIconName' type='s' access='read'/>"
  "    <property name='OverlayIconPixmap' type='a(iiay)' access='read'/>"
  "    <property name='AttentionIconName' type='s' access='read'/>"
  "    <property name='AttentionIconPixmap' type='a(iiay)' access='read'/>"
  "    <property name='AttentionMovieName' type='s' access='read'/>"
  "    <property name='ToolTip' type='(sa(iiay)ss)' access='read'/>"
  "    <property name='ItemIsMenu' type='b' access='read'/>"
  "    <property name='Menu' type='o' access='read'/>"
  "    <method name='ContextMenu'>"
  "      <arg name='x' type='i' direction='in'/>"
  "      <arg name='y' type='i' direction='in'/>"
  "    </method>"
  "    <method name='Activate'>"
  "      <arg name='x' type='i' direction='in'/>"
  "      <arg name='y' type='i' direction='in'/>"
  "    </method>"
  "    <method name='SecondaryActivate'>"
  "      <arg name='x' type='i' direction='in'/>"
  "      <arg name='y' type='i' direction='in'/>"
  "    </method>"
  "    <method name='Scroll'>"
  "      <arg name='delta' type='i' direction='in'/>"
  "      <arg name='orientation' type='s' direction='in'/>"
  "    </method>"
  "    <method name='ProvideXdgActivationToken'>"
  "      <arg name='token' type='s' direction='in'/>"
  "    </method>"
  "    <signal name='NewTitle'/>"
  "    <signal name='NewIcon'/>"
  "    <signal name='NewAttentionIcon'/>"
  "    <signal name='NewOverlayIcon'/>"
  "    <signal name='NewToolTip'/>"
  "    <signal name='NewStatus'>"
  "      <arg name='status' type='s'/>"
  "    </signal>"
  "    <signal name='NewIconThemePath'>"
  "      <arg name='icon_theme_path' type='s'/>"
  "    </signal>"
  "  </interface>"
  "</node>";

struct _SandbarStatusBackend
{
  /* Borrowed */
  SandbarStatusItem      *item;

  /* Owned */
  SandbarStatusMenu      *menu;
  GDBusConnection        *connection;
  SandbarStatusDbusmenu  *dbusmenu;
  char                   *bus_name;
  char                   *watcher;          /* unique name of the watcher, or NULL */
  GCancellable           *cancellable;      /* of the registration in flight */

  guint                   registration_id;
  guint                   own_id;
  guint                   watch_id;
  guint                   host_registered_id;
  guint                   host_unregistered_id;

  guint                   name_owned : 1;
  guint                   registered : 1;
  guint                   host : 1;
};

static void register_item (SandbarStatusBackend *self);

static void
update_shown (SandbarStatusBackend *self)
{
  _sandbar_status_item_set_shown (self->item, self->name_owned && self->registered && self->host);
}

static void
emit (SandbarStatusBackend *self,
      const char           *signal_name,
      GVariant             *parameters)
{
  g_autoptr(GError) error = NULL;

  if (!g_dbus_connection_emit_signal (self->connection, NULL, ITEM_PATH, ITEM_INTERFACE,
                                      signal_name, parameters, &error))
    g_debug ("Could not send %s: %s", signal_name, error->message);
}

/* ---------------------------------------------------------------------- */
/* org.kde.StatusNotifierItem                                             */
/* ---------------------------------------------------------------------- */

static void
activate_present (SandbarStatusBackend  *self,
                  GDBusMethodInvocation *invocation)
{
  g_autoptr(SandbarStatusMenu) menu = g_object_ref (self->menu);

  /* Answer first: the action may free @self. A click on the icon does
   * what "Edit Profiles…" does. */
  g_dbus_method_invocation_return_value (invocation, NULL);
  sandbar_status_menu_activate (menu, SANDBAR_STATUS_MENU_EDIT_ID);
}

static void
method_call (GDBusConnection       *connection,
             const char            *sender,
             const char            *object_path,
             const char            *interface_name,
             const char            *method_name,
             GVariant              *parameters,
             GDBusMethodInvocation *invocation,
             gpointer               user_data)
{
  SandbarStatusBackend *self = user_data;

  if (g_str_equal (method_name, "Activate") || g_str_equal (method_name, "SecondaryActivate"))
    {
      activate_present (self, invocation);
    }
  else if (g_str_equal (method_name, "ProvideXdgActivationToken"))
    {
      const char *token;

      /* Comes just before Activate on Wayland; the window needs it to be
       * allowed to take the focus. */
      g_variant_get (parameters, "(&s)", &token);
      _sandbar_status_item_set_activation_token (self->item, token);
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  else if (g_str_equal (method_name, "ContextMenu") || g_str_equal (method_name, "Scroll"))
    {
      /* Trays open the Menu themselves; scrolling means nothing here. */
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  else
    {
      g_dbus_method_invocation_return_error (invocation, G_DBUS_ERROR,
                                             G_DBUS_ERROR_UNKNOWN_METHOD,
                                             "No method %s", method_name);
    }
}

static GVariant *
empty_pixmaps (void)
{
  return g_variant_new_array (G_VARIANT_TYPE ("(iiay)"), NULL, 0);
}

static GVariant *
get_property (GDBusConnection  *connection,
              const char       *sender,
              const char       *object_path,
              const char       *interface_name,
              const char       *property_name,
              GError          **error,
              gpointer          user_data)
{
  SandbarStatusBackend *self = user_data;

  if (g_str_equal (property_name, "Category"))
    return g_variant_new_string ("ApplicationStatus");
  if (g_str_equal (property_name, "Id"))
    return g_variant_new_string (APP_ID);
  if (g_str_equal (property_name, "Title"))
    /* Translators: the name trays show for the tray icon */
    return g_variant_new_string (_("Sandbar"));
  if (g_str_equal (property_name, "Status"))
    return g_variant_new_string ("Active");
  if (g_str_equal (property_name, "WindowId"))
    return g_variant_new_int32 (0);
  if (g_str_equal (property_name, "IconName"))
    return g_variant_new_string (ICON_NAME);
  if (g_str_equal (property_name, "IconThemePath"))
    {
      const char *path = sandbar_status_item_get_icon_theme_path (self->item);

      return g_variant_new_string (path != NULL ? path : "");
    }
  if (g_str_equal (property_name, "IconPixmap") ||
      g_str_equal (property_name, "OverlayIconPixmap") ||
      g_str_equal (property_name, "AttentionIconPixmap"))
    return empty_pixmaps ();
  if (g_str_equal (property_name, "OverlayIconName") ||
      g_str_equal (property_name, "AttentionIconName") ||
      g_str_equal (property_name, "AttentionMovieName"))
    return g_variant_new_string ("");
  if (g_str_equal (property_name, "ToolTip"))
    return g_variant_new ("(s@a(iiay)ss)", "", empty_pixmaps (),
                          sandbar_status_item_get_tooltip (self->item), "");
  if (g_str_equal (property_name, "ItemIsMenu"))
    return g_variant_new_boolean (FALSE);
  if (g_str_equal (property_name, "Menu"))
    return g_variant_new_object_path (MENU_PATH);

  g_set_error (error, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_PROPERTY,
               "No property %s", property_name);
  return NULL;
}

static const GDBusInterfaceVTable vtable = {
  .method_call = method_call,
  .get_property = get_property,
};

/* ---------------------------------------------------------------------- */
/* The watcher                                                            */
/* ---------------------------------------------------------------------- */

static void
on_host_property (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariant) value = NULL;
  g_autoptr(GError) error = NULL;
  SandbarStatusBackend *self;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;  /* @user_data may be gone */

  self = user_data;
  if (reply != NULL)
    {
      g_variant_get (reply, "(v)", &value);
      if (g_variant_is_of_type (value, G_VARIANT_TYPE_BOOLEAN))
        self->host = g_variant_get_boolean (value);
    }
  else
    {
      g_debug ("Watcher does not say whether a tray shows items (%s): assuming one does",
               error->message);
      self->host = TRUE;
    }
  update_shown (self);
}

static void
query_host (SandbarStatusBackend *self)
{
  g_dbus_connection_call (self->connection, self->watcher, WATCHER_PATH,
                          "org.freedesktop.DBus.Properties", "Get",
                          g_variant_new ("(ss)", WATCHER_INTERFACE,
                                         "IsStatusNotifierHostRegistered"),
                          G_VARIANT_TYPE ("(v)"), G_DBUS_CALL_FLAGS_NO_AUTO_START, -1,
                          self->cancellable, on_host_property, self);
}

static void
on_registered (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  SandbarStatusBackend *self;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;  /* @user_data may be gone */

  self = user_data;
  if (reply == NULL)
    {
      /* The watcher left in the meantime (its vanishing is on its way)
       * or refused: either way there is no tray to show the item. */
      g_debug ("Could not register the status item: %s", error->message);
      return;
    }

  self->registered = TRUE;
  query_host (self);
}

/* Registers when our name is ours and a watcher is there. */
static void
register_item (SandbarStatusBackend *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->registered = FALSE;
  update_shown (self);

  if (!self->name_owned || self->watcher == NULL)
    return;

  self->cancellable = g_cancellable_new ();
  g_dbus_connection_call (self->connection, self->watcher, WATCHER_PATH, WATCHER_INTERFACE,
                          "RegisterStatusNotifierItem", g_variant_new ("(s)", self->bus_name),
                          NULL, G_DBUS_CALL_FLAGS_NO_AUTO_START, -1,
                          self->cancellable, on_registered, self);
}

static void
on_host_signal (GDBusConnection *connection,
                const char      *sender_name,
                const char      *object_path,
                const char      *interface_name,
                const char      *signal_name,
                GVariant        *parameters,
                gpointer         user_data)
{
  SandbarStatusBackend *self = user_data;

  if (!self->registered)
    return;

  if (g_str_equal (signal_name, "StatusNotifierHostRegistered"))
    {
      self->host = TRUE;
      update_shown (self);
    }
  else
    {
      /* One host left; others may remain. */
      query_host (self);
    }
}

static void
unsubscribe_host_signals (SandbarStatusBackend *self)
{
  if (self->host_registered_id != 0)
    g_dbus_connection_signal_unsubscribe (self->connection, self->host_registered_id);
  if (self->host_unregistered_id != 0)
    g_dbus_connection_signal_unsubscribe (self->connection, self->host_unregistered_id);
  self->host_registered_id = 0;
  self->host_unregistered_id = 0;
}

static void
on_watcher_appeared (GDBusConnection *connection,
                     const char      *name,
                     const char      *name_owner,
                     gpointer         user_data)
{
  SandbarStatusBackend *self = user_data;

  g_free (self->watcher);
  self->watcher = g_strdup (name_owner);
  self->host = FALSE;

  /* From the unique name: a signal from anyone else is not the watcher's. */
  unsubscribe_host_signals (self);
  self->host_registered_id =
    g_dbus_connection_signal_subscribe (connection, name_owner, WATCHER_INTERFACE,
                                        "StatusNotifierHostRegistered", WATCHER_PATH, NULL,
                                        G_DBUS_SIGNAL_FLAGS_NONE, on_host_signal, self, NULL);
  self->host_unregistered_id =
    g_dbus_connection_signal_subscribe (connection, name_owner, WATCHER_INTERFACE,
                                        "StatusNotifierHostUnregistered", WATCHER_PATH, NULL,
                                        G_DBUS_SIGNAL_FLAGS_NONE, on_host_signal, self, NULL);

  register_item (self);
}

static void
on_watcher_vanished (GDBusConnection *connection,
                     const char      *name,
                     gpointer         user_data)
{
  SandbarStatusBackend *self = user_data;

  g_clear_pointer (&self->watcher, g_free);
  unsubscribe_host_signals (self);
  register_item (self);  /* which only forgets the registration */
}

static void
on_name_acquired (GDBusConnection *connection,
                  const char      *name,
                  gpointer         user_data)
{
  SandbarStatusBackend *self = user_data;

  self->name_owned = TRUE;
  register_item (self);
}

static void
on_name_lost (GDBusConnection *connection,
              const char      *name,
              gpointer         user_data)
{
  SandbarStatusBackend *self = user_data;

  /* Also when the bus connection closed. */
  if (connection == NULL)
    g_debug ("Lost the session bus: the status item is gone");
  else
    g_debug ("Could not own the name %s: the status item is not shown", name);
  self->name_owned = FALSE;
  register_item (self);
}

/* ---------------------------------------------------------------------- */
/* Backend                                                                */
/* ---------------------------------------------------------------------- */

SandbarStatusBackend *
_sandbar_status_backend_new (SandbarStatusItem  *item,
                             SandbarStatusMenu  *menu,
                             GError            **error)
{
  static int counter;
  g_autoptr(GDBusNodeInfo) info = NULL;
  SandbarStatusBackend *self;

  self = g_new0 (SandbarStatusBackend, 1);
  self->item = item;
  self->menu = g_object_ref (menu);

  self->connection = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, error);
  if (self->connection == NULL)
    goto failed;

  /* Both objects are in place before the name is taken: a tray may look
   * at them as soon as the name appears. */
  self->dbusmenu = _sandbar_status_dbusmenu_new (self->connection, MENU_PATH, menu, error);
  if (self->dbusmenu == NULL)
    goto failed;
  _sandbar_status_dbusmenu_set_icon_theme_path (self->dbusmenu,
                                                sandbar_status_item_get_icon_theme_path (item));

  info = g_dbus_node_info_new_for_xml (introspection_xml, NULL);
  g_assert (info != NULL);
  self->registration_id = g_dbus_connection_register_object (self->connection, ITEM_PATH,
                                                             info->interfaces[0], &vtable,
                                                             self, NULL, error);
  if (self->registration_id == 0)
    goto failed;

  /* <pid>-<n>: the form KDE's watcher and the specification use; <n>
   * tells apart the items of one process. */
  self->bus_name = g_strdup_printf ("org.kde.StatusNotifierItem-%d-%d",
                                    (int) getpid (), g_atomic_int_add (&counter, 1) + 1);
  self->own_id = g_bus_own_name_on_connection (self->connection, self->bus_name,
                                               G_BUS_NAME_OWNER_FLAGS_DO_NOT_QUEUE,
                                               on_name_acquired, on_name_lost, self, NULL);
  self->watch_id = g_bus_watch_name_on_connection (self->connection, WATCHER_NAME,
                                                   G_BUS_NAME_WATCHER_FLAGS_NONE,
                                                   on_watcher_appeared, on_watcher_vanished,
                                                   self, NULL);
  return self;

failed:
  _sandbar_status_backend_free (self);
  return NULL;
}

void
_sandbar_status_backend_free (SandbarStatusBackend *self)
{
  if (self == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->connection != NULL)
    unsubscribe_host_signals (self);
  if (self->watch_id != 0)
    g_bus_unwatch_name (self->watch_id);
  if (self->own_id != 0)
    g_bus_unown_name (self->own_id);
  if (self->registration_id != 0)
    g_dbus_connection_unregister_object (self->connection, self->registration_id);
  g_clear_pointer (&self->dbusmenu, _sandbar_status_dbusmenu_free);
  g_clear_object (&self->connection);
  g_clear_object (&self->menu);
  g_clear_pointer (&self->bus_name, g_free);
  g_clear_pointer (&self->watcher, g_free);
  g_free (self);
}

void
_sandbar_status_backend_tooltip_changed (SandbarStatusBackend *self)
{
  emit (self, "NewToolTip", NULL);
}

void
_sandbar_status_backend_icon_theme_path_changed (SandbarStatusBackend *self)
{
  const char *path = sandbar_status_item_get_icon_theme_path (self->item);

  _sandbar_status_dbusmenu_set_icon_theme_path (self->dbusmenu, path);
  emit (self, "NewIconThemePath", g_variant_new ("(s)", path != NULL ? path : ""));
  emit (self, "NewIcon", NULL);
}

void
_sandbar_status_backend_set_window_visible (SandbarStatusBackend *self,
                                            gboolean              visible)
{
  /* Linux has no Dock icon to hide. */
}
