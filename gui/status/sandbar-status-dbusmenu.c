/* sandbar-status-dbusmenu.c — a SandbarStatusMenu as com.canonical.dbusmenu
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The menu protocol of StatusNotifierItem trays (KDE, XFCE, Cinnamon, MATE,
 * waybar, GNOME's AppIndicator extension), written against
 * libdbusmenu's interface description, version 3. The menu is flat: the
 * root (id 0) has the entries as children, and entries have none.
 *
 * - Item ids are the menu's stable ids (sandbar-status-menu.h), so a host
 *   that caches items by id stays right across changes.
 * - The layout revision starts at 1 and grows by one each time entries
 *   are added, removed or moved, announced by LayoutUpdated(revision, 0).
 *   A changed label or enabled state is announced by
 *   ItemsPropertiesUpdated and leaves the revision alone, as libdbusmenu
 *   does.
 * - Every id and event comes from another process: unknown ids get
 *   InvalidArgs, never an assertion.
 * - Method replies go out before an action runs, so that a "Quit" that
 *   ends the process still answers the host.
 */

#include "config.h"

#include <string.h>

#include "sandbar-status-dbusmenu.h"

#define DBUSMENU_INTERFACE "com.canonical.dbusmenu"

static const char introspection_xml[] =
  "<node>"
  "  <interface name='com.canonical.dbusmenu'>"
  "    <property name='Version' type='u' access='read'/>"
  "    <property name='TextDirection' type='s' access='read'/>"
  "    <property name='Status' type='s' access='read'/>"
  "    <property name='IconThemePath' type='as' access='read'/>"
  "    <method name='GetLayout'>"
  "      <arg type='i' name='parentId' direction='in'/>"
  "      <arg type='i' name='recursionDepth' direction='in'/>"
  "      <arg type='as' name='propertyNames' direction='in'/>"
  "      <arg type='u' name='revision' direction='out'/>"
  "      <arg type='(ia{sv}av)' name='layout' direction='out'/>"
  "    </method>"
  "    <method name='GetGroupProperties'>"
  "      <arg type='ai' name='ids' direction='in'/>"
  "      <arg type='as' name='propertyNames' direction='in'/>"
  "      <arg type='a(ia{sv})' name='properties' direction='out'/>"
  "    </method>"
  "    <method name='GetProperty'>"
  "      <arg type='i' name='id' direction='in'/>"
  "      <arg type='s' name='name' direction='in'/>"
  "      <arg type='v' name='value' direction='out'/>"
  "    </method>"
  "    <method name='Event'>"
  "      <arg type='i' name='id' direction='in'/>"
  "      <arg type='s' name='eventId' direction='in'/>"
  "      <arg type='v' name='data' direction='in'/>"
  "      <arg type='u' name='timestamp' direction='in'/>"
  "    </method>"
  "    <method name='EventGroup'>"
  "      <arg type='a(isvu)' name='events' direction='in'/>"
  "      <arg type='ai' name='idErrors' direction='out'/>"
  "    </method>"
  "    <method name='AboutToShow'>"
  "      <arg type='i' name='id' direction='in'/>"
  "      <arg type='b' name='needUpdate' direction='out'/>"
  "    </method>"
  "    <method name='AboutToShowGroup'>"
  "      <arg type='ai' name='ids' direction='in'/>"
  "      <arg type='ai' name='updatesNeeded' direction='out'/>"
  "      <arg type='ai' name='idErrors' direction='out'/>"
  "    </method>"
  "    <signal name='ItemsPropertiesUpdated'>"
  "      <arg type='a(ia{sv})' name='updatedProps'/>"
  "      <arg type='a(ias)' name='removedProps'/>"
  "    </signal>"
  "    <signal name='LayoutUpdated'>"
  "      <arg type='u' name='revision'/>"
  "      <arg type='i' name='parent'/>"
  "    </signal>"
  "    <signal name='ItemActivationRequested'>"
  "      <arg type='i' name='id'/>"
  "      <arg type='u' name='timestamp'/>"
  "    </signal>"
  "  </interface>"
  "</node>";

struct _SandbarStatusDbusmenu
{
  /* Owned */
  GDBusConnection   *connection;
  SandbarStatusMenu *menu;
  char              *object_path;
  char              *icon_theme_path;

  guint              registration_id;
  guint              revision;
  gulong             layout_handler;
  gulong             entries_handler;
};

/* ---------------------------------------------------------------------- */
/* Items                                                                  */
/* ---------------------------------------------------------------------- */

/* Whether a host asked for @name: an empty list asks for everything. */
static gboolean
wanted (const char * const *names,
        const char         *name)
{
  return names == NULL || names[0] == NULL || g_strv_contains (names, name);
}

/* dbusmenu labels mark mnemonics with "_"; a profile called "my_box" must
 * not lose its underscore. */
static char *
escape_label (const char *label)
{
  GString *escaped = g_string_sized_new (strlen (label) + 4);

  for (const char *p = label; *p != '\0'; p++)
    {
      if (*p == '_')
        g_string_append_c (escaped, '_');
      g_string_append_c (escaped, *p);
    }
  return g_string_free (escaped, FALSE);
}

/* The properties of item @id as a{sv}, or NULL for an unknown id. */
static GVariant *
item_properties (SandbarStatusDbusmenu *self,
                 int                    id,
                 const char * const    *names)
{
  GVariantBuilder builder;
  const SandbarStatusEntry *entry;

  g_variant_builder_init (&builder, G_VARIANT_TYPE_VARDICT);

  if (id == SANDBAR_STATUS_MENU_ROOT_ID)
    {
      if (wanted (names, "children-display"))
        g_variant_builder_add (&builder, "{sv}", "children-display",
                               g_variant_new_string ("submenu"));
      return g_variant_builder_end (&builder);
    }

  entry = sandbar_status_menu_lookup (self->menu, id);
  if (entry == NULL)
    {
      g_variant_builder_clear (&builder);
      return NULL;
    }

  if (entry->kind == SANDBAR_STATUS_ENTRY_SEPARATOR)
    {
      if (wanted (names, "type"))
        g_variant_builder_add (&builder, "{sv}", "type", g_variant_new_string ("separator"));
    }
  else
    {
      if (wanted (names, "label"))
        g_variant_builder_add (&builder, "{sv}", "label",
                               g_variant_new_take_string (escape_label (entry->label)));
      if (wanted (names, "enabled"))
        g_variant_builder_add (&builder, "{sv}", "enabled", g_variant_new_boolean (entry->enabled));
    }

  return g_variant_builder_end (&builder);
}

/* (ia{sv}av) for @id with @depth levels of children (-1: all). */
static GVariant *
item_layout (SandbarStatusDbusmenu *self,
             int                    id,
             int                    depth,
             const char * const    *names)
{
  GVariantBuilder children;
  GVariant *properties = item_properties (self, id, names);

  if (properties == NULL)
    return NULL;

  g_variant_builder_init (&children, G_VARIANT_TYPE ("av"));
  if (id == SANDBAR_STATUS_MENU_ROOT_ID && depth != 0)
    {
      guint n = sandbar_status_menu_get_n_entries (self->menu);

      for (guint i = 0; i < n; i++)
        {
          const SandbarStatusEntry *entry = sandbar_status_menu_get_entry (self->menu, i);

          g_variant_builder_add (&children, "v",
                                 item_layout (self, entry->id, depth < 0 ? -1 : depth - 1, names));
        }
    }

  return g_variant_new ("(i@a{sv}av)", id, properties, &children);
}

static gboolean
known_id (SandbarStatusDbusmenu *self,
          int                    id)
{
  return id == SANDBAR_STATUS_MENU_ROOT_ID || sandbar_status_menu_lookup (self->menu, id) != NULL;
}

static void
return_unknown_id (GDBusMethodInvocation *invocation,
                   int                    id)
{
  g_dbus_method_invocation_return_error (invocation, G_DBUS_ERROR, G_DBUS_ERROR_INVALID_ARGS,
                                         "No menu item has the id %d", id);
}

/* ---------------------------------------------------------------------- */
/* Methods                                                                */
/* ---------------------------------------------------------------------- */

static void
get_layout (SandbarStatusDbusmenu *self,
            GVariant              *parameters,
            GDBusMethodInvocation *invocation)
{
  g_autofree const char **names = NULL;
  GVariant *layout;
  int parent;
  int depth;

  g_variant_get (parameters, "(ii^a&s)", &parent, &depth, &names);
  layout = item_layout (self, parent, depth, names);
  if (layout == NULL)
    {
      return_unknown_id (invocation, parent);
      return;
    }
  g_dbus_method_invocation_return_value (invocation,
                                         g_variant_new ("(u@(ia{sv}av))", self->revision, layout));
}

static void
get_group_properties (SandbarStatusDbusmenu *self,
                      GVariant              *parameters,
                      GDBusMethodInvocation *invocation)
{
  g_autoptr(GVariant) ids = NULL;
  g_autofree const char **names = NULL;
  GVariantBuilder builder;
  gsize n_ids;
  const gint32 *id_array;

  g_variant_get (parameters, "(@ai^a&s)", &ids, &names);
  id_array = g_variant_get_fixed_array (ids, &n_ids, sizeof (gint32));

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(ia{sv})"));
  if (n_ids == 0)
    {
      /* No ids: every item, as libdbusmenu answers. */
      guint n = sandbar_status_menu_get_n_entries (self->menu);

      g_variant_builder_add (&builder, "(i@a{sv})", SANDBAR_STATUS_MENU_ROOT_ID,
                             item_properties (self, SANDBAR_STATUS_MENU_ROOT_ID, names));
      for (guint i = 0; i < n; i++)
        {
          int id = sandbar_status_menu_get_entry (self->menu, i)->id;

          g_variant_builder_add (&builder, "(i@a{sv})", id, item_properties (self, id, names));
        }
    }
  else
    {
      /* Unknown ids are left out: the host may ask about an item that
       * went away a moment ago. */
      for (gsize i = 0; i < n_ids; i++)
        {
          GVariant *properties = item_properties (self, id_array[i], names);

          if (properties != NULL)
            g_variant_builder_add (&builder, "(i@a{sv})", id_array[i], properties);
        }
    }

  g_dbus_method_invocation_return_value (invocation, g_variant_new ("(a(ia{sv}))", &builder));
}

static void
get_property_method (SandbarStatusDbusmenu *self,
                     GVariant              *parameters,
                     GDBusMethodInvocation *invocation)
{
  g_autoptr(GVariant) properties = NULL;
  g_autoptr(GVariant) value = NULL;
  const char *names[2] = { NULL, NULL };
  int id;

  g_variant_get (parameters, "(i&s)", &id, &names[0]);
  properties = item_properties (self, id, names);
  if (properties == NULL)
    {
      return_unknown_id (invocation, id);
      return;
    }
  value = g_variant_lookup_value (properties, names[0], NULL);
  if (value == NULL)
    {
      g_dbus_method_invocation_return_error (invocation, G_DBUS_ERROR, G_DBUS_ERROR_INVALID_ARGS,
                                             "Menu item %d has no property “%s”", id, names[0]);
      return;
    }
  g_dbus_method_invocation_return_value (invocation, g_variant_new ("(v)", value));
}

static void
event (SandbarStatusDbusmenu *self,
       GVariant              *parameters,
       GDBusMethodInvocation *invocation)
{
  g_autoptr(SandbarStatusMenu) menu = NULL;
  const char *event_id;
  int id;

  g_variant_get (parameters, "(i&svu)", &id, &event_id, NULL, NULL);
  if (!known_id (self, id))
    {
      return_unknown_id (invocation, id);
      return;
    }

  /* "hovered", "opened", "closed": nothing to do. */
  if (g_strcmp0 (event_id, "clicked") != 0)
    {
      g_dbus_method_invocation_return_value (invocation, NULL);
      return;
    }

  /* The action may free @self: answer first and keep only the menu. */
  menu = g_object_ref (self->menu);
  g_dbus_method_invocation_return_value (invocation, NULL);
  sandbar_status_menu_activate (menu, id);
}

static void
event_group (SandbarStatusDbusmenu *self,
             GVariant              *parameters,
             GDBusMethodInvocation *invocation)
{
  g_autoptr(SandbarStatusMenu) menu = NULL;
  g_autoptr(GVariantIter) iter = NULL;
  g_autoptr(GArray) clicked = g_array_new (FALSE, FALSE, sizeof (int));
  GVariantBuilder errors;
  const char *event_id;
  gsize n_events;
  gsize n_errors = 0;
  int id;

  g_variant_get (parameters, "(a(isvu))", &iter);
  n_events = g_variant_iter_n_children (iter);
  g_variant_builder_init (&errors, G_VARIANT_TYPE ("ai"));
  while (g_variant_iter_loop (iter, "(i&svu)", &id, &event_id, NULL, NULL))
    {
      if (!known_id (self, id))
        {
          g_variant_builder_add (&errors, "i", id);
          n_errors++;
        }
      else if (g_strcmp0 (event_id, "clicked") == 0)
        g_array_append_val (clicked, id);
    }

  if (n_events > 0 && n_errors == n_events)
    {
      g_variant_builder_clear (&errors);
      g_dbus_method_invocation_return_error (invocation, G_DBUS_ERROR, G_DBUS_ERROR_INVALID_ARGS,
                                             "No menu item has any of the ids given");
      return;
    }

  menu = g_object_ref (self->menu);
  g_dbus_method_invocation_return_value (invocation, g_variant_new ("(ai)", &errors));
  for (guint i = 0; i < clicked->len; i++)
    sandbar_status_menu_activate (menu, g_array_index (clicked, int, i));
}

static void
about_to_show (SandbarStatusDbusmenu *self,
               GVariant              *parameters,
               GDBusMethodInvocation *invocation)
{
  int id;

  g_variant_get (parameters, "(i)", &id);
  if (!known_id (self, id))
    {
      return_unknown_id (invocation, id);
      return;
    }
  /* The menu is always up to date: changes are sent as they happen. */
  g_dbus_method_invocation_return_value (invocation, g_variant_new ("(b)", FALSE));
}

/* Cinnamon (xapp) asks this before it opens the menu and does nothing
 * when there is no answer. */
static void
about_to_show_group (SandbarStatusDbusmenu *self,
                     GVariant              *parameters,
                     GDBusMethodInvocation *invocation)
{
  g_autoptr(GVariant) ids = NULL;
  GVariantBuilder errors;
  const gint32 *id_array;
  gsize n_ids;

  g_variant_get (parameters, "(@ai)", &ids);
  id_array = g_variant_get_fixed_array (ids, &n_ids, sizeof (gint32));

  g_variant_builder_init (&errors, G_VARIANT_TYPE ("ai"));
  for (gsize i = 0; i < n_ids; i++)
    if (!known_id (self, id_array[i]))
      g_variant_builder_add (&errors, "i", id_array[i]);

  g_dbus_method_invocation_return_value (invocation,
                                         g_variant_new ("(@aiai)",
                                                        g_variant_new_array (G_VARIANT_TYPE_INT32,
                                                                             NULL, 0),
                                                        &errors));
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
  static const struct {
    const char *name;
    void (*handler) (SandbarStatusDbusmenu *, GVariant *, GDBusMethodInvocation *);
  } methods[] = {
    { "GetLayout", get_layout },
    { "GetGroupProperties", get_group_properties },
    { "GetProperty", get_property_method },
    { "Event", event },
    { "EventGroup", event_group },
    { "AboutToShow", about_to_show },
    { "AboutToShowGroup", about_to_show_group },
  };

  /* GDBus checked the argument types against the introspection data. */
  for (guint i = 0; i < G_N_ELEMENTS (methods); i++)
    if (g_str_equal (method_name, methods[i].name))
      {
        methods[i].handler (user_data, parameters, invocation);
        return;
      }

  g_dbus_method_invocation_return_error (invocation, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_METHOD,
                                         "No method %s", method_name);
}

/* The direction GTK uses for this locale: GTK's own translation of
 * "default:LTR" says it (gtk/gtkmain.c); available whenever GTK is. */
static const char *
text_direction (void)
{
  return g_str_equal (g_dgettext ("gtk40", "default:LTR"), "default:RTL") ? "rtl" : "ltr";
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
  SandbarStatusDbusmenu *self = user_data;

  if (g_str_equal (property_name, "Version"))
    return g_variant_new_uint32 (3);
  if (g_str_equal (property_name, "TextDirection"))
    return g_variant_new_string (text_direction ());
  if (g_str_equal (property_name, "Status"))
    return g_variant_new_string ("normal");
  if (g_str_equal (property_name, "IconThemePath"))
    {
      const char *paths[] = { self->icon_theme_path, NULL };

      return g_variant_new_strv (paths, self->icon_theme_path != NULL ? 1 : 0);
    }

  g_set_error (error, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_PROPERTY,
               "No property %s", property_name);
  return NULL;
}

static const GDBusInterfaceVTable vtable = {
  .method_call = method_call,
  .get_property = get_property,
};

/* ---------------------------------------------------------------------- */
/* Changes                                                                */
/* ---------------------------------------------------------------------- */

static void
emit (SandbarStatusDbusmenu *self,
      const char            *signal_name,
      GVariant              *parameters)
{
  g_autoptr(GError) error = NULL;

  if (!g_dbus_connection_emit_signal (self->connection, NULL, self->object_path,
                                      DBUSMENU_INTERFACE, signal_name, parameters, &error))
    g_debug ("Could not send %s: %s", signal_name, error->message);
}

static void
on_layout_changed (SandbarStatusMenu *menu,
                   gpointer           user_data)
{
  SandbarStatusDbusmenu *self = user_data;

  self->revision++;
  emit (self, "LayoutUpdated",
        g_variant_new ("(ui)", self->revision, SANDBAR_STATUS_MENU_ROOT_ID));
}

static void
on_entries_changed (SandbarStatusMenu *menu,
                    GArray            *ids,
                    gpointer           user_data)
{
  SandbarStatusDbusmenu *self = user_data;
  GVariantBuilder updated;

  g_variant_builder_init (&updated, G_VARIANT_TYPE ("a(ia{sv})"));
  for (guint i = 0; i < ids->len; i++)
    {
      int id = g_array_index (ids, int, i);
      GVariant *properties = item_properties (self, id, NULL);

      if (properties != NULL)
        g_variant_builder_add (&updated, "(i@a{sv})", id, properties);
    }

  emit (self, "ItemsPropertiesUpdated",
        g_variant_new ("(a(ia{sv})@a(ias))", &updated,
                       g_variant_new_array (G_VARIANT_TYPE ("(ias)"), NULL, 0)));
}

/* ---------------------------------------------------------------------- */
/* Life                                                                   */
/* ---------------------------------------------------------------------- */

SandbarStatusDbusmenu *
_sandbar_status_dbusmenu_new (GDBusConnection    *connection,
                              const char         *object_path,
                              SandbarStatusMenu  *menu,
                              GError            **error)
{
  g_autoptr(GDBusNodeInfo) info = NULL;
  SandbarStatusDbusmenu *self;

  g_return_val_if_fail (G_IS_DBUS_CONNECTION (connection), NULL);
  g_return_val_if_fail (g_variant_is_object_path (object_path), NULL);
  g_return_val_if_fail (SANDBAR_IS_STATUS_MENU (menu), NULL);

  info = g_dbus_node_info_new_for_xml (introspection_xml, NULL);
  g_assert (info != NULL);

  self = g_new0 (SandbarStatusDbusmenu, 1);
  self->connection = g_object_ref (connection);
  self->menu = g_object_ref (menu);
  self->object_path = g_strdup (object_path);
  self->revision = 1;

  self->registration_id = g_dbus_connection_register_object (connection, object_path,
                                                             info->interfaces[0], &vtable,
                                                             self, NULL, error);
  if (self->registration_id == 0)
    {
      _sandbar_status_dbusmenu_free (self);
      return NULL;
    }

  self->layout_handler = g_signal_connect (menu, "layout-changed",
                                           G_CALLBACK (on_layout_changed), self);
  self->entries_handler = g_signal_connect (menu, "entries-changed",
                                            G_CALLBACK (on_entries_changed), self);
  return self;
}

void
_sandbar_status_dbusmenu_free (SandbarStatusDbusmenu *self)
{
  if (self == NULL)
    return;

  g_clear_signal_handler (&self->layout_handler, self->menu);
  g_clear_signal_handler (&self->entries_handler, self->menu);
  if (self->registration_id != 0)
    g_dbus_connection_unregister_object (self->connection, self->registration_id);
  g_clear_object (&self->menu);
  g_clear_object (&self->connection);
  g_clear_pointer (&self->object_path, g_free);
  g_clear_pointer (&self->icon_theme_path, g_free);
  g_free (self);
}

void
_sandbar_status_dbusmenu_set_icon_theme_path (SandbarStatusDbusmenu *self,
                                              const char            *path)
{
  g_return_if_fail (self != NULL);

  g_free (self->icon_theme_path);
  self->icon_theme_path = g_strdup (path);
}
