/* sandbar-editor.c — every setting of a profile, point and click
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The editor edits a working copy of a profile (the window owns it and
 * saves it when it is valid). Every control is bound to a property of
 * the copy, so an edit reaches the model at once; after each change the
 * editor asks the core whether the copy is valid and marks the row the
 * core names, with the core's message. Text that cannot even be put in
 * the model (a port that is not a number) is marked the same way and
 * reported through sandbar_editor_get_error().
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sandbar-editor.h"
#include "sandbar-path-list.h"
#include "sandbar-path-row.h"

struct _SandbarEditor
{
  AdwPreferencesPage   parent_instance;

  /* Template widgets */
  AdwEntryRow         *name_row;
  AdwEntryRow         *description_row;
  AdwEntryRow         *command_row;
  SandbarPathRow      *working_directory_row;
  GtkLabel            *general_error;
  AdwComboRow         *write_access_row;
  AdwActionRow        *include_temp_row;
  GtkSwitch           *include_temp_switch;
  SandbarPathList     *writable_roots_list;
  SandbarPathList     *protected_names_list;
  SandbarPathList     *deny_read_list;
  AdwPreferencesGroup *network_group;
  AdwComboRow         *network_access_row;
  AdwEntryRow         *ports_row;
  AdwActionRow        *local_binding_row;
  GtkSwitch           *local_binding_switch;
  GtkLabel            *network_error;
  AdwPreferencesGroup *sockets_group;
  AdwComboRow         *socket_access_row;
  SandbarPathList     *sockets_list;

  /* Owned */
  SandbarProfile      *profile;
  SandbarPathResolver *resolver;
  GPtrArray           *bindings;
  char                *input_error;
  char                *error;

  gulong               notify_handler;
  guint                syncing_ports : 1;
};

G_DEFINE_FINAL_TYPE (SandbarEditor, sandbar_editor, ADW_TYPE_PREFERENCES_PAGE)

enum {
  PROP_0,
  PROP_PROFILE,
  PROP_RESOLVER,
  PROP_ERROR,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ---------------------------------------------------------------------- */
/* Marking invalid input                                                  */
/* ---------------------------------------------------------------------- */

static void
set_error_label (GtkLabel   *label,
                 const char *message)
{
  gtk_label_set_label (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

static void
set_row_error (GtkWidget *row,
               gboolean   invalid)
{
  if (invalid)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
}

static void
clear_marks (SandbarEditor *self)
{
  set_row_error (GTK_WIDGET (self->name_row), FALSE);
  set_row_error (GTK_WIDGET (self->description_row), FALSE);
  set_row_error (GTK_WIDGET (self->command_row), FALSE);
  set_row_error (GTK_WIDGET (self->ports_row), FALSE);
  set_error_label (self->general_error, NULL);
  set_error_label (self->network_error, NULL);
  sandbar_path_row_set_error (self->working_directory_row, NULL);
  sandbar_path_list_set_error (self->writable_roots_list, -1, NULL);
  sandbar_path_list_set_error (self->protected_names_list, -1, NULL);
  sandbar_path_list_set_error (self->deny_read_list, -1, NULL);
  sandbar_path_list_set_error (self->sockets_list, -1, NULL);
}

/* Puts the core's message on the row it names. */
static void
mark (SandbarEditor *self,
      SandbarField   field,
      guint          index,
      const char    *message)
{
  switch ((int) field)
    {
    case SANDBAR_FIELD_NAME:
      set_row_error (GTK_WIDGET (self->name_row), TRUE);
      set_error_label (self->general_error, message);
      break;
    case SANDBAR_FIELD_DESCRIPTION:
      set_row_error (GTK_WIDGET (self->description_row), TRUE);
      set_error_label (self->general_error, message);
      break;
    case SANDBAR_FIELD_COMMAND:
      set_row_error (GTK_WIDGET (self->command_row), TRUE);
      set_error_label (self->general_error, message);
      break;
    case SANDBAR_FIELD_WORKING_DIRECTORY:
      sandbar_path_row_set_error (self->working_directory_row, message);
      break;
    case SANDBAR_FIELD_WRITABLE_ROOT:
      sandbar_path_list_set_error (self->writable_roots_list, index, message);
      break;
    case SANDBAR_FIELD_PROTECTED_NAME:
      sandbar_path_list_set_error (self->protected_names_list, index, message);
      break;
    case SANDBAR_FIELD_DENY_READ:
      sandbar_path_list_set_error (self->deny_read_list, index, message);
      break;
    case SANDBAR_FIELD_LOCALHOST_PORT:
      set_row_error (GTK_WIDGET (self->ports_row), TRUE);
      set_error_label (self->network_error, message);
      break;
    case SANDBAR_FIELD_UNIX_SOCKET:
      sandbar_path_list_set_error (self->sockets_list, index, message);
      break;
    default:
      set_error_label (self->general_error, message);
    }
}

static void
set_error (SandbarEditor *self,
           const char    *message)
{
  if (g_strcmp0 (self->error, message) == 0)
    return;

  g_free (self->error);
  self->error = g_strdup (message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static void
validate (SandbarEditor *self)
{
  g_autoptr(GError) error = NULL;
  SandbarField field = SANDBAR_FIELD_ID;
  guint index = 0;

  clear_marks (self);

  if (self->profile == NULL)
    {
      set_error (self, NULL);
      return;
    }

  if (self->input_error != NULL)
    {
      mark (self, SANDBAR_FIELD_LOCALHOST_PORT, 0, self->input_error);
      set_error (self, self->input_error);
      return;
    }

  if (!sandbar_profile_validate_full (self->profile, &field, &index, &error))
    {
      mark (self, field, index, error->message);
      set_error (self, error->message);
      return;
    }

  set_error (self, NULL);
}

/* ---------------------------------------------------------------------- */
/* Ports: text the model cannot always hold                               */
/* ---------------------------------------------------------------------- */

/* Reads "8080, 3128" into @ports. A word that is not a number cannot be
 * put into the profile: it is reported in the core's words instead. */
static gboolean
parse_ports (const char  *text,
             GArray      *ports,
             char       **error_message)
{
  g_auto(GStrv) words = g_strsplit_set (text, ", \t", -1);

  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *word = words[i];
      gboolean digits = *word != '\0' && strlen (word) <= 9;

      if (*word == '\0')
        continue;

      for (const char *p = word; *p != '\0' && digits; p++)
        digits = g_ascii_isdigit (*p);

      if (!digits)
        {
          g_autoptr(GError) error = NULL;

          sandbar_input_set_error (&error, SANDBAR_INPUT_ERROR_INVALID_PORT,
                                   SANDBAR_FIELD_LOCALHOST_PORT, word, -1,
                                   _("a port is a number from 1 to 65535"));
          *error_message = g_strdup (error->message);
          return FALSE;
        }

      g_array_append_val (ports, (guint) { g_ascii_strtoull (word, NULL, 10) });
    }

  return TRUE;
}

static gboolean
ports_equal (GArray      *a,
             const guint *b,
             guint        n_b)
{
  return a->len == n_b && (n_b == 0 || memcmp (a->data, b, n_b * sizeof (guint)) == 0);
}

/* Shows the model's ports unless the text already says the same, so that
 * "8080," being typed is left alone. */
static void
sync_ports_text (SandbarEditor *self)
{
  g_autoptr(GArray) shown = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *ignored = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  const guint *ports;
  guint n_ports;

  ports = sandbar_profile_get_localhost_ports (self->profile, &n_ports);
  if (parse_ports (gtk_editable_get_text (GTK_EDITABLE (self->ports_row)), shown, &ignored) &&
      ports_equal (shown, ports, n_ports))
    return;

  for (guint i = 0; i < n_ports; i++)
    g_string_append_printf (text, i > 0 ? ", %u" : "%u", ports[i]);

  self->syncing_ports = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->ports_row), text->str);
  self->syncing_ports = FALSE;
  g_clear_pointer (&self->input_error, g_free);
}

static void
on_ports_changed (SandbarEditor *self)
{
  g_autoptr(GArray) ports = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *message = NULL;
  const guint *current;
  guint n_current;
  gboolean input_changed;

  if (self->syncing_ports || self->profile == NULL)
    return;

  if (!parse_ports (gtk_editable_get_text (GTK_EDITABLE (self->ports_row)), ports, &message))
    {
      input_changed = g_strcmp0 (self->input_error, message) != 0;
      g_free (self->input_error);
      self->input_error = g_steal_pointer (&message);
      if (input_changed)
        {
          validate (self);
          g_signal_emit (self, signals[CHANGED], 0);
        }
      return;
    }

  input_changed = self->input_error != NULL;
  g_clear_pointer (&self->input_error, g_free);

  current = sandbar_profile_get_localhost_ports (self->profile, &n_current);
  if (!ports_equal (ports, current, n_current))
    /* The profile's notify validates and announces the change. */
    sandbar_profile_set_localhost_ports (self->profile, (const guint *)(gpointer) ports->data,
                                         ports->len);
  else if (input_changed)
    {
      validate (self);
      g_signal_emit (self, signals[CHANGED], 0);
    }
}

/* ---------------------------------------------------------------------- */
/* The working copy                                                       */
/* ---------------------------------------------------------------------- */

static void
sync_visibility (SandbarEditor *self)
{
  gboolean roots = sandbar_profile_get_write_access (self->profile) == SANDBAR_WRITE_ACCESS_ROOTS;
  gboolean restricted =
    sandbar_profile_get_network_access (self->profile) == SANDBAR_NETWORK_ACCESS_RESTRICTED;
  gboolean allowlist =
    sandbar_profile_get_socket_access (self->profile) == SANDBAR_SOCKET_ACCESS_ALLOWLIST;

  /* Settings that do nothing in the chosen mode are out of the way, not
   * silently ignored: they come back as they were. */
  gtk_widget_set_visible (GTK_WIDGET (self->include_temp_row), roots);
  gtk_widget_set_visible (GTK_WIDGET (self->writable_roots_list), roots);
  gtk_widget_set_visible (GTK_WIDGET (self->protected_names_list), roots);
  gtk_widget_set_visible (GTK_WIDGET (self->ports_row), restricted);
  gtk_widget_set_visible (GTK_WIDGET (self->local_binding_row), restricted);
  gtk_widget_set_visible (GTK_WIDGET (self->sockets_list), allowlist);
}

static void
on_profile_notify (SandbarEditor *self,
                   GParamSpec    *pspec)
{
  if (g_str_equal (pspec->name, "localhost-ports"))
    sync_ports_text (self);
  sync_visibility (self);
  validate (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static gboolean
enum_to_selected (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  g_value_set_uint (to, g_value_get_enum (from));
  return TRUE;
}

static gboolean
selected_to_enum (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  guint selected = g_value_get_uint (from);

  if (selected == GTK_INVALID_LIST_POSITION)
    return FALSE;
  g_value_set_enum (to, selected);
  return TRUE;
}

static void
bind (SandbarEditor *self,
      const char    *property,
      gpointer       widget,
      const char    *widget_property)
{
  GBinding *binding =
    g_object_bind_property (self->profile, property, widget, widget_property,
                            G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  g_ptr_array_add (self->bindings, g_object_ref (binding));
}

static void
bind_choice (SandbarEditor *self,
             const char    *property,
             AdwComboRow   *row)
{
  GBinding *binding =
    g_object_bind_property_full (self->profile, property, row, "selected",
                                 G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                                 enum_to_selected, selected_to_enum, NULL, NULL);

  g_ptr_array_add (self->bindings, g_object_ref (binding));
}

static void
unbind_all (SandbarEditor *self)
{
  for (guint i = 0; i < self->bindings->len; i++)
    g_binding_unbind (g_ptr_array_index (self->bindings, i));
  g_ptr_array_set_size (self->bindings, 0);

  if (self->profile != NULL)
    g_clear_signal_handler (&self->notify_handler, self->profile);
}

/**
 * sandbar_editor_set_profile:
 * @self: the editor
 * @profile: (nullable): the working copy to edit
 *
 * Shows @profile and binds every control to it.
 */
void
sandbar_editor_set_profile (SandbarEditor  *self,
                            SandbarProfile *profile)
{
  g_return_if_fail (SANDBAR_IS_EDITOR (self));
  g_return_if_fail (profile == NULL || SANDBAR_IS_PROFILE (profile));

  if (self->profile == profile)
    return;

  unbind_all (self);
  g_clear_pointer (&self->input_error, g_free);
  g_set_object (&self->profile, profile);

  if (profile != NULL)
    {
      bind (self, "name", self->name_row, "text");
      bind (self, "description", self->description_row, "text");
      bind (self, "command", self->command_row, "text");
      bind (self, "working-directory", self->working_directory_row, "text");
      bind_choice (self, "write-access", self->write_access_row);
      bind (self, "include-temp", self->include_temp_switch, "active");
      bind (self, "writable-roots", self->writable_roots_list, "paths");
      bind (self, "protected-names", self->protected_names_list, "paths");
      bind (self, "deny-read", self->deny_read_list, "paths");
      bind_choice (self, "network-access", self->network_access_row);
      bind (self, "allow-local-binding", self->local_binding_switch, "active");
      bind_choice (self, "socket-access", self->socket_access_row);
      bind (self, "socket-rules", self->sockets_list, "rules");
      sync_ports_text (self);
      sync_visibility (self);

      self->notify_handler = g_signal_connect_swapped (profile, "notify",
                                                       G_CALLBACK (on_profile_notify), self);
    }

  validate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROFILE]);
}

/**
 * sandbar_editor_get_profile:
 * @self: the editor
 *
 * Returns: (transfer none) (nullable): the working copy
 */
SandbarProfile *
sandbar_editor_get_profile (SandbarEditor *self)
{
  g_return_val_if_fail (SANDBAR_IS_EDITOR (self), NULL);
  return self->profile;
}

/**
 * sandbar_editor_get_error:
 * @self: the editor
 *
 * Returns: (nullable): why the profile as shown cannot be saved, in the
 *   core's words, or %NULL if it can
 */
const char *
sandbar_editor_get_error (SandbarEditor *self)
{
  g_return_val_if_fail (SANDBAR_IS_EDITOR (self), NULL);
  return self->error;
}

/**
 * sandbar_editor_refresh:
 * @self: the editor
 *
 * Resolves every path again (the file system may have changed).
 */
void
sandbar_editor_refresh (SandbarEditor *self)
{
  g_return_if_fail (SANDBAR_IS_EDITOR (self));

  sandbar_path_row_refresh (self->working_directory_row);
  sandbar_path_list_refresh (self->writable_roots_list);
  sandbar_path_list_refresh (self->deny_read_list);
  sandbar_path_list_refresh (self->sockets_list);
  validate (self);
}

void
sandbar_editor_focus_name (SandbarEditor *self)
{
  g_return_if_fail (SANDBAR_IS_EDITOR (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

/* ---------------------------------------------------------------------- */
/* GObject                                                                */
/* ---------------------------------------------------------------------- */

static void
sandbar_editor_dispose (GObject *object)
{
  SandbarEditor *self = SANDBAR_EDITOR (object);

  unbind_all (self);
  g_clear_object (&self->profile);
  gtk_widget_dispose_template (GTK_WIDGET (self), SANDBAR_TYPE_EDITOR);

  G_OBJECT_CLASS (sandbar_editor_parent_class)->dispose (object);
}

static void
sandbar_editor_finalize (GObject *object)
{
  SandbarEditor *self = SANDBAR_EDITOR (object);

  g_clear_pointer (&self->bindings, g_ptr_array_unref);
  g_clear_object (&self->resolver);
  g_clear_pointer (&self->input_error, g_free);
  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (sandbar_editor_parent_class)->finalize (object);
}

static void
sandbar_editor_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SandbarEditor *self = SANDBAR_EDITOR (object);

  switch (prop_id)
    {
    case PROP_PROFILE:
      g_value_set_object (value, self->profile);
      break;
    case PROP_RESOLVER:
      g_value_set_object (value, self->resolver);
      break;
    case PROP_ERROR:
      g_value_set_string (value, self->error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sandbar_editor_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SandbarEditor *self = SANDBAR_EDITOR (object);

  switch (prop_id)
    {
    case PROP_PROFILE:
      sandbar_editor_set_profile (self, g_value_get_object (value));
      break;
    case PROP_RESOLVER:
      if (g_set_object (&self->resolver, g_value_get_object (value)))
        {
          sandbar_path_row_set_resolver (self->working_directory_row, self->resolver);
          g_object_set (self->writable_roots_list, "resolver", self->resolver, NULL);
          g_object_set (self->deny_read_list, "resolver", self->resolver, NULL);
          g_object_set (self->sockets_list, "resolver", self->resolver, NULL);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sandbar_editor_class_init (SandbarEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sandbar_editor_dispose;
  object_class->finalize = sandbar_editor_finalize;
  object_class->get_property = sandbar_editor_get_property;
  object_class->set_property = sandbar_editor_set_property;

  properties[PROP_PROFILE] =
    g_param_spec_object ("profile", NULL, NULL, SANDBAR_TYPE_PROFILE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_RESOLVER] =
    g_param_spec_object ("resolver", NULL, NULL, SANDBAR_TYPE_PATH_RESOLVER,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ERROR] =
    g_param_spec_string ("error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SandbarEditor::changed:
   *
   * The user changed something; the working copy has been checked and
   * sandbar_editor_get_error() says whether it can be saved.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (SANDBAR_TYPE_PATH_ROW);
  g_type_ensure (SANDBAR_TYPE_PATH_LIST);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/sandbar-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, SandbarEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, SandbarEditor, description_row);
  gtk_widget_class_bind_template_child (widget_class, SandbarEditor, command_row);
  gtk_widget_class_bind_template_child (widget_class, SandbarEditor, working_directory_row);
  gtk_widget_class_bind_template_child (widget_class, SandbarEditor, general_error);
  gtk_widget_class_bind_template_child (widget_class, SandbarEditor, write_access_row);
  gtk_widget_class_bind_template_child (widget_class, SandbarEditor, include_temp_row);
  gtk_widget_class_bind_template_child (widget_class, SandbarEditor, include_temp_switch);
  gtk_widget_class_bind_template_child (widget_class, SandbarEditor, writable_roots_list);
  gtk_widget_class_bind_template_child (widget_class, SandbarEditor, protected_names_list);
  gtk_widget_class_bind_template_child (widget_class, SandbarEditor, deny_read_list);
  gtk_widget_class_bind_template_child (widget_class, SandbarEditor, network_group);
  gtk_widget_class_bind_template_child (widget_class, SandbarEditor, network_access_row);
  gtk_widget_class_bind_template_child (widget_class, SandbarEditor, ports_row);
  gtk_widget_class_bind_template_child (widget_class, SandbarEditor, local_binding_row);
  gtk_widget_class_bind_template_child (widget_class, SandbarEditor, local_binding_switch);
  gtk_widget_class_bind_template_child (widget_class, SandbarEditor, network_error);
  gtk_widget_class_bind_template_child (widget_class, SandbarEditor, sockets_group);
  gtk_widget_class_bind_template_child (widget_class, SandbarEditor, socket_access_row);
  gtk_widget_class_bind_template_child (widget_class, SandbarEditor, sockets_list);
  gtk_widget_class_bind_template_callback (widget_class, on_ports_changed);
}

static void
sandbar_editor_init (SandbarEditor *self)
{
  self->bindings = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_widget_init_template (GTK_WIDGET (self));
}
