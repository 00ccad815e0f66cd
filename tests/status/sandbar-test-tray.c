/* sandbar-test-tray.c — a stand-in for a desktop's tray, for tests
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * See sandbar-test-tray.h. The watcher implements the part of
 * org.kde.StatusNotifierWatcher an item uses: RegisterStatusNotifierItem,
 * RegisterStatusNotifierHost, the RegisteredStatusNotifierItems and
 * IsStatusNotifierHostRegistered properties and the host signals.
 */

#include "config.h"

#include "sandbar-test-tray.h"

#define WATCHER_NAME      "org.kde.StatusNotifierWatcher"
#define WATCHER_PATH      "/StatusNotifierWatcher"
#define WATCHER_INTERFACE "org.kde.StatusNotifierWatcher"

static const char watcher_xml[] =
  "<node>"
  "  <interface name='org.kde.StatusNotifierWatcher'>"
  "    <method name='RegisterStatusNotifierItem'>"
  "      <arg name='service' type='s' direction='in'/>"
  "    </method>"
  "    <method name='RegisterStatusNotifierHost'>"
  "      <arg name='service' type='s' direction='in'/>"
  "    </method>"
  "    <property name='RegisteredStatusNotifierItems' type='as' access='read'/>"
  "    <property name='IsStatusNotifierHostRegistered' type='b' access='read'/>"
  "    <property name='ProtocolVersion' type='i' access='read'/>"
  "    <signal name='StatusNotifierItemRegistered'>"
  "      <arg type='s'/>"
  "    </signal>"
  "    <signal name='StatusNotifierItemUnregistered'>"
  "      <arg type='s'/>"
  "    </signal>"
  "    <signal name='StatusNotifierHostRegistered'/>"
  "    <signal name='StatusNotifierHostUnregistered'/>"
  "  </interface>"
  "</node>";

struct _SandbarTestWatcher
{
  GDBusConnection *connection;
  GPtrArray       *registrations;   /* of char *: the argument of each call */
  guint            registration_id;
  guint            own_id;
  gboolean         owned;
  gboolean         host_registered;
};

gboolean
sandbar_test_tick (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

static gboolean
set_flag (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/**
 * sandbar_test_run_for:
 * @ms: how long
 *
 * Lets the default main context run for @ms: the fake tray (and whatever
 * else of the test's lives in it) keeps answering meanwhile, where a
 * g_usleep() would stall it and every process waiting for it.
 */
void
sandbar_test_run_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, set_flag, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/**
 * sandbar_test_run_on_private_bus:
 *
 * Runs the cases added so far (g_test_run()) on a session bus of their
 * own (GTestDBus), after g_test_init(). Without dbus-daemon it prints a
 * TAP plan that skips everything.
 *
 * Returns: the exit status for main()
 */
int
sandbar_test_run_on_private_bus (void)
{
  g_autoptr(GTestDBus) bus = NULL;
  g_autofree char *daemon = g_find_program_in_path ("dbus-daemon");
  int status;

  if (daemon == NULL)
    {
      g_print ("1..0 # SKIP dbus-daemon is not installed (Debian: dbus)\n");
      return 0;
    }

  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);
  status = g_test_run ();
  g_test_dbus_down (bus);
  return status;
}

typedef struct
{
  gboolean  done;
  GVariant *reply;
  GError   *error;
} CallData;

static void
call_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  CallData *data = user_data;

  data->reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &data->error);
  data->done = TRUE;
}

/**
 * sandbar_test_call:
 *
 * A D-Bus call that lets the main context run while it waits, so that an
 * object of this process can answer.
 *
 * Returns: (transfer full) (nullable): the reply, or %NULL with @error set
 */
GVariant *
sandbar_test_call (GDBusConnection  *connection,
                   const char       *bus_name,
                   const char       *object_path,
                   const char       *interface_name,
                   const char       *method_name,
                   GVariant         *parameters,
                   const char       *reply_type,
                   GError          **error)
{
  CallData data = { FALSE, NULL, NULL };

  g_dbus_connection_call (connection, bus_name, object_path, interface_name, method_name,
                          parameters, reply_type != NULL ? G_VARIANT_TYPE (reply_type) : NULL,
                          G_DBUS_CALL_FLAGS_NO_AUTO_START, SANDBAR_TEST_WAIT_SECONDS * 1000,
                          NULL, call_done, &data);
  SANDBAR_TEST_WAIT_UNTIL (data.done);

  if (data.error != NULL)
    g_propagate_error (error, data.error);
  return data.reply;
}

/* A new connection to the session bus, a peer of its own. */
GDBusConnection *
sandbar_test_connect (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *address = g_dbus_address_get_for_bus_sync (G_BUS_TYPE_SESSION, NULL, &error);
  GDBusConnection *connection;

  g_assert_no_error (error);
  connection = g_dbus_connection_new_for_address_sync (address,
                                                       G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                       G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                       NULL, NULL, &error);
  g_assert_no_error (error);
  return connection;
}

gboolean
sandbar_test_name_has_owner (GDBusConnection *connection,
                             const char      *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;
  gboolean has_owner;

  reply = sandbar_test_call (connection, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                             "org.freedesktop.DBus", "NameHasOwner",
                             g_variant_new ("(s)", name), "(b)", &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(b)", &has_owner);
  return has_owner;
}

/* ---------------------------------------------------------------------- */
/* The watcher                                                            */
/* ---------------------------------------------------------------------- */

static void
watcher_method_call (GDBusConnection       *connection,
                     const char            *sender,
                     const char            *object_path,
                     const char            *interface_name,
                     const char            *method_name,
                     GVariant              *parameters,
                     GDBusMethodInvocation *invocation,
                     gpointer               user_data)
{
  SandbarTestWatcher *self = user_data;
  const char *service;

  g_variant_get (parameters, "(&s)", &service);

  if (g_str_equal (method_name, "RegisterStatusNotifierItem"))
    {
      g_ptr_array_add (self->registrations, g_strdup (service));
      g_dbus_connection_emit_signal (connection, NULL, WATCHER_PATH, WATCHER_INTERFACE,
                                     "StatusNotifierItemRegistered",
                                     g_variant_new ("(s)", service), NULL);
    }
  else
    {
      sandbar_test_watcher_set_host_registered (self, TRUE);
    }

  g_dbus_method_invocation_return_value (invocation, NULL);
}

static GVariant *
watcher_get_property (GDBusConnection  *connection,
                      const char       *sender,
                      const char       *object_path,
                      const char       *interface_name,
                      const char       *property_name,
                      GError          **error,
                      gpointer          user_data)
{
  SandbarTestWatcher *self = user_data;

  if (g_str_equal (property_name, "RegisteredStatusNotifierItems"))
    return g_variant_new_strv ((const char * const *) self->registrations->pdata,
                               self->registrations->len);
  if (g_str_equal (property_name, "IsStatusNotifierHostRegistered"))
    return g_variant_new_boolean (self->host_registered);
  return g_variant_new_int32 (0);
}

static const GDBusInterfaceVTable watcher_vtable = {
  .method_call = watcher_method_call,
  .get_property = watcher_get_property,
};

static void
on_name_acquired (GDBusConnection *connection,
                  const char      *name,
                  gpointer         user_data)
{
  SandbarTestWatcher *self = user_data;

  self->owned = TRUE;
}

static void
on_name_lost (GDBusConnection *connection,
              const char      *name,
              gpointer         user_data)
{
  g_error ("The fake watcher could not own %s: is another one running?", name);
}

/**
 * sandbar_test_watcher_new:
 * @host_registered: whether it says a tray shows the items
 *
 * Starts a watcher and waits until it owns its name.
 */
SandbarTestWatcher *
sandbar_test_watcher_new (gboolean host_registered)
{
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (watcher_xml, NULL);
  g_autoptr(GError) error = NULL;
  SandbarTestWatcher *self = g_new0 (SandbarTestWatcher, 1);

  self->connection = sandbar_test_connect ();
  self->registrations = g_ptr_array_new_with_free_func (g_free);
  self->host_registered = host_registered;
  self->registration_id = g_dbus_connection_register_object (self->connection, WATCHER_PATH,
                                                             info->interfaces[0],
                                                             &watcher_vtable, self, NULL,
                                                             &error);
  g_assert_no_error (error);
  self->own_id = g_bus_own_name_on_connection (self->connection, WATCHER_NAME,
                                               G_BUS_NAME_OWNER_FLAGS_DO_NOT_QUEUE,
                                               on_name_acquired, on_name_lost, self, NULL);
  SANDBAR_TEST_WAIT_UNTIL (self->owned);
  return self;
}

/**
 * sandbar_test_watcher_free:
 *
 * Stops the watcher as a panel that quits or crashes does: its connection
 * closes and the bus drops its name.
 */
void
sandbar_test_watcher_free (SandbarTestWatcher *self)
{
  g_autoptr(GError) error = NULL;

  if (self == NULL)
    return;

  g_bus_unown_name (self->own_id);
  g_dbus_connection_unregister_object (self->connection, self->registration_id);
  g_dbus_connection_close_sync (self->connection, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&self->connection);
  g_clear_pointer (&self->registrations, g_ptr_array_unref);
  g_free (self);
}

/* Returns: (transfer none) (element-type utf8): what each
 * RegisterStatusNotifierItem call gave, in order. */
GPtrArray *
sandbar_test_watcher_get_registrations (SandbarTestWatcher *self)
{
  return self->registrations;
}

/* A tray that draws the items starts or stops. */
void
sandbar_test_watcher_set_host_registered (SandbarTestWatcher *self,
                                          gboolean            registered)
{
  if (self->host_registered == registered)
    return;
  self->host_registered = registered;
  g_dbus_connection_emit_signal (self->connection, NULL, WATCHER_PATH, WATCHER_INTERFACE,
                                 registered ? "StatusNotifierHostRegistered"
                                            : "StatusNotifierHostUnregistered",
                                 NULL, NULL);
}
