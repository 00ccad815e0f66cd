/* sandbar-path-list.c — an editable list of paths, names or sockets
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One preferences group per list of the profile: writable folders,
 * protected names, hidden paths, allowed Unix sockets. The list holds the
 * value the user sees (`paths`, or `rules` for sockets) and rebuilds its
 * rows only when the model brings a different value, so that typing in a
 * row never loses focus.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sandbar-enum-types.h"
#include "sandbar-path-list.h"
#include "sandbar-socket-rule.h"

struct _SandbarPathList
{
  AdwPreferencesGroup  parent_instance;

  /* Template widgets */
  GtkButton           *add_button;
  GtkMenuButton       *add_menu_button;
  GtkLabel            *placeholder_label;

  /* Owned */
  SandbarPathResolver *resolver;
  GPtrArray           *rows;        /* of SandbarPathRow, borrowed from the group */
  GStrv                paths;
  GPtrArray           *rules;       /* of SandbarSocketRule */
  GtkNativeDialog     *chooser;

  SandbarField         field;
};

G_DEFINE_FINAL_TYPE (SandbarPathList, sandbar_path_list, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_FIELD,
  PROP_RESOLVER,
  PROP_PATHS,
  PROP_RULES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Well-known daemon sockets. Paths are stored as written, so that a
 * profile keeps working after a reboot or on another account. */
typedef struct
{
  const char         *id;
  const char         *label;
  const char         *linux_path;
  const char         *macos_path;
  SandbarSocketScope  scope;
} Preset;

static const Preset presets[] = {
  { "docker", N_("Docker"), "/var/run/docker.sock", "/var/run/docker.sock",
    SANDBAR_SOCKET_SCOPE_SUBPATH },
  /* The agent's socket changes with every login; only that socket. */
  { "ssh-agent", N_("SSH Agent"), "$SSH_AUTH_SOCK", "$SSH_AUTH_SOCK",
    SANDBAR_SOCKET_SCOPE_EXACT },
  { "gpg-agent", N_("GnuPG Agent"), "$XDG_RUNTIME_DIR/gnupg/S.gpg-agent",
    "~/.gnupg/S.gpg-agent", SANDBAR_SOCKET_SCOPE_SUBPATH },
  { "1password", N_("1Password SSH Agent"), "~/.1password/agent.sock",
    "~/Library/Group Containers/2BUA8C4S2C.com.1password/t/agent.sock",
    SANDBAR_SOCKET_SCOPE_SUBPATH },
  { "podman", N_("Podman"), "$XDG_RUNTIME_DIR/podman/podman.sock",
    "$XDG_RUNTIME_DIR/podman/podman.sock", SANDBAR_SOCKET_SCOPE_SUBPATH },
  { "colima", N_("Colima"), "~/.colima/default/docker.sock", "~/.colima/default/docker.sock",
    SANDBAR_SOCKET_SCOPE_SUBPATH },
  { "orbstack", N_("OrbStack"), "~/.orbstack/run/docker.sock", "~/.orbstack/run/docker.sock",
    SANDBAR_SOCKET_SCOPE_SUBPATH },
};

static gboolean
is_sockets (SandbarPathList *self)
{
  return self->field == SANDBAR_FIELD_UNIX_SOCKET;
}

static void
update_placeholder (SandbarPathList *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->placeholder_label), self->rows->len == 0);
}

/* The rows, read back into the list's value. */
static void
collect (SandbarPathList *self)
{
  if (is_sockets (self))
    {
      g_autoptr(GPtrArray) rules = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < self->rows->len; i++)
        {
          SandbarPathRow *row = g_ptr_array_index (self->rows, i);

          g_ptr_array_add (rules, sandbar_socket_rule_new (sandbar_path_row_get_text (row),
                                                           sandbar_path_row_get_scope (row)));
        }
      g_clear_pointer (&self->rules, g_ptr_array_unref);
      self->rules = g_steal_pointer (&rules);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RULES]);
    }
  else
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      for (guint i = 0; i < self->rows->len; i++)
        g_strv_builder_add (builder, sandbar_path_row_get_text (g_ptr_array_index (self->rows, i)));
      g_strfreev (self->paths);
      self->paths = g_strv_builder_end (builder);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATHS]);
    }

  update_placeholder (self);
}

static void
on_row_changed (SandbarPathList *self)
{
  collect (self);
}

static void
on_row_remove (SandbarPathList *self,
               SandbarPathRow  *row)
{
  guint index;

  if (!g_ptr_array_find (self->rows, row, &index))
    g_return_if_reached ();

  g_ptr_array_remove_index (self->rows, index);
  adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (row));
  collect (self);

  /* Keep the keyboard in the list. */
  if (self->rows->len > 0)
    sandbar_path_row_grab_focus (g_ptr_array_index (self->rows, MIN (index, self->rows->len - 1)));
}

static SandbarPathRow *
append_row (SandbarPathList    *self,
            const char         *text,
            SandbarSocketScope  scope)
{
  SandbarPathRow *row = SANDBAR_PATH_ROW (sandbar_path_row_new (self->field, self->resolver));

  sandbar_path_row_set_text (row, text);
  sandbar_path_row_set_scope (row, scope);
  g_signal_connect_swapped (row, "changed", G_CALLBACK (on_row_changed), self);
  g_signal_connect_swapped (row, "remove", G_CALLBACK (on_row_remove), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (row));
  g_ptr_array_add (self->rows, row);
  return row;
}

static void
remove_all_rows (SandbarPathList *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self),
                                  GTK_WIDGET (g_ptr_array_index (self->rows, i)));
  g_ptr_array_set_size (self->rows, 0);
}

/**
 * sandbar_path_list_add_path:
 * @self: a list
 * @path: the path as written, possibly empty
 * @scope: for sockets, the scope
 *
 * Adds a row as the user would, and focuses it.
 *
 * Returns: (transfer none): the new row
 */
SandbarPathRow *
sandbar_path_list_add_path (SandbarPathList    *self,
                            const char         *path,
                            SandbarSocketScope  scope)
{
  SandbarPathRow *row;

  g_return_val_if_fail (SANDBAR_IS_PATH_LIST (self), NULL);

  row = append_row (self, path, scope);
  collect (self);
  sandbar_path_row_grab_focus (row);
  return row;
}

/* ---------------------------------------------------------------------- */
/* Actions                                                                */
/* ---------------------------------------------------------------------- */

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  sandbar_path_list_add_path (SANDBAR_PATH_LIST (widget), "", SANDBAR_SOCKET_SCOPE_SUBPATH);
}

static void
on_chooser_response (SandbarPathList *self,
                     int              response,
                     GtkNativeDialog *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        {
          g_autofree char *stored = sandbar_path_contract_home (path);

          sandbar_path_list_add_path (self, stored, SANDBAR_SOCKET_SCOPE_SUBPATH);
        }
    }

  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SandbarPathList *self = SANDBAR_PATH_LIST (widget);
  gboolean folder = g_str_equal (g_variant_get_string (parameter, NULL), "folder");
  GtkRoot *root = gtk_widget_get_root (widget);
  const char *title;

  if (self->chooser != NULL)
    return;

  switch ((int) self->field)
    {
    case SANDBAR_FIELD_WRITABLE_ROOT:
      title = _("Add a Writable Folder");
      break;
    case SANDBAR_FIELD_DENY_READ:
      title = _("Hide a File or Folder");
      break;
    case SANDBAR_FIELD_UNIX_SOCKET:
      title = folder ? _("Allow Every Socket in a Folder") : _("Allow a Socket");
      break;
    default:
      title = _("Add a Path");
    }

  self->chooser = GTK_NATIVE_DIALOG (
    gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                 folder ? GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER
                                        : GTK_FILE_CHOOSER_ACTION_OPEN,
                                 _("_Add"), _("_Cancel")));
  gtk_native_dialog_set_modal (self->chooser, TRUE);
  g_signal_connect_swapped (self->chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (self->chooser);
}

static const Preset *
find_preset (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    if (g_str_equal (presets[i].id, id))
      return &presets[i];

  return NULL;
}

static void
add_preset_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SandbarPathList *self = SANDBAR_PATH_LIST (widget);
  const Preset *preset = find_preset (g_variant_get_string (parameter, NULL));
  const char *path;

  g_return_if_fail (preset != NULL);

  path = SANDBAR_OS_MACOS ? preset->macos_path : preset->linux_path;

  /* Adding a preset twice shows the one that is there. */
  for (guint i = 0; i < self->rows->len; i++)
    {
      SandbarPathRow *row = g_ptr_array_index (self->rows, i);

      if (g_str_equal (sandbar_path_row_get_text (row), path) &&
          sandbar_path_row_get_scope (row) == preset->scope)
        {
          sandbar_path_row_grab_focus (row);
          return;
        }
    }

  sandbar_path_list_add_path (self, path, preset->scope);
}

static GMenuModel *
build_add_menu (SandbarPathList *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) choose = g_menu_new ();

  switch ((int) self->field)
    {
    case SANDBAR_FIELD_WRITABLE_ROOT:
      g_menu_append (choose, _("Choose a _Folder…"), "path-list.choose::folder");
      break;
    case SANDBAR_FIELD_UNIX_SOCKET:
      g_menu_append (choose, _("Choose a _Socket…"), "path-list.choose::file");
      g_menu_append (choose, _("Choose a F_older of Sockets…"), "path-list.choose::folder");
      break;
    default:
      g_menu_append (choose, _("Choose a _File…"), "path-list.choose::file");
      g_menu_append (choose, _("Choose a _Folder…"), "path-list.choose::folder");
    }
  g_menu_append (choose, _("_Type a Path"), "path-list.add");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (choose));

  if (is_sockets (self))
    {
      g_autoptr(GMenu) known = g_menu_new ();

      for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
        {
          g_autoptr(GMenuItem) item = g_menu_item_new (_(presets[i].label), NULL);

          g_menu_item_set_action_and_target (item, "path-list.add-preset", "s", presets[i].id);
          g_menu_append_item (known, item);
        }
      g_menu_append_section (menu, _("Common Sockets"), G_MENU_MODEL (known));
    }

  return G_MENU_MODEL (g_steal_pointer (&menu));
}

/* ---------------------------------------------------------------------- */
/* GObject                                                                */
/* ---------------------------------------------------------------------- */

static void
sandbar_path_list_constructed (GObject *object)
{
  SandbarPathList *self = SANDBAR_PATH_LIST (object);
  g_autoptr(GMenuModel) menu = NULL;
  const char *placeholder;
  const char *add_tooltip;

  G_OBJECT_CLASS (sandbar_path_list_parent_class)->constructed (object);

  switch ((int) self->field)
    {
    case SANDBAR_FIELD_WRITABLE_ROOT:
      placeholder = _("No folders");
      add_tooltip = _("Add a Folder");
      break;
    case SANDBAR_FIELD_PROTECTED_NAME:
      placeholder = _("No protected names");
      add_tooltip = _("Add a Name");
      break;
    case SANDBAR_FIELD_DENY_READ:
      placeholder = _("Nothing is hidden");
      add_tooltip = _("Hide a Path");
      break;
    case SANDBAR_FIELD_UNIX_SOCKET:
      placeholder = _("No sockets");
      add_tooltip = _("Allow a Socket");
      break;
    default:
      placeholder = "";
      add_tooltip = _("Add");
    }
  gtk_label_set_label (self->placeholder_label, placeholder);

  /* Names have no file to choose: a plain button adds an empty row. */
  if (self->field == SANDBAR_FIELD_PROTECTED_NAME)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->add_menu_button), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->add_button), TRUE);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->add_button), add_tooltip);
    }
  else
    {
      menu = build_add_menu (self);
      gtk_menu_button_set_menu_model (self->add_menu_button, menu);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->add_menu_button), add_tooltip);
    }

  update_placeholder (self);
}

static void
sandbar_path_list_dispose (GObject *object)
{
  SandbarPathList *self = SANDBAR_PATH_LIST (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  if (self->rows != NULL)
    g_ptr_array_set_size (self->rows, 0);
  gtk_widget_dispose_template (GTK_WIDGET (self), SANDBAR_TYPE_PATH_LIST);

  G_OBJECT_CLASS (sandbar_path_list_parent_class)->dispose (object);
}

static void
sandbar_path_list_finalize (GObject *object)
{
  SandbarPathList *self = SANDBAR_PATH_LIST (object);

  g_clear_object (&self->resolver);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->paths, g_strfreev);
  g_clear_pointer (&self->rules, g_ptr_array_unref);

  G_OBJECT_CLASS (sandbar_path_list_parent_class)->finalize (object);
}

static void
sandbar_path_list_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SandbarPathList *self = SANDBAR_PATH_LIST (object);

  switch (prop_id)
    {
    case PROP_FIELD:
      g_value_set_enum (value, self->field);
      break;
    case PROP_RESOLVER:
      g_value_set_object (value, self->resolver);
      break;
    case PROP_PATHS:
      g_value_set_boxed (value, self->paths);
      break;
    case PROP_RULES:
      g_value_set_boxed (value, self->rules);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sandbar_path_list_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SandbarPathList *self = SANDBAR_PATH_LIST (object);

  switch (prop_id)
    {
    case PROP_FIELD:
      self->field = g_value_get_enum (value);
      break;
    case PROP_RESOLVER:
      if (g_set_object (&self->resolver, g_value_get_object (value)))
        {
          for (guint i = 0; i < self->rows->len; i++)
            sandbar_path_row_set_resolver (g_ptr_array_index (self->rows, i), self->resolver);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_PATHS:
      sandbar_path_list_set_paths (self, g_value_get_boxed (value));
      break;
    case PROP_RULES:
      sandbar_path_list_set_rules (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sandbar_path_list_class_init (SandbarPathListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->constructed = sandbar_path_list_constructed;
  object_class->dispose = sandbar_path_list_dispose;
  object_class->finalize = sandbar_path_list_finalize;
  object_class->get_property = sandbar_path_list_get_property;
  object_class->set_property = sandbar_path_list_set_property;

  properties[PROP_FIELD] =
    g_param_spec_enum ("field", NULL, NULL, SANDBAR_TYPE_FIELD, SANDBAR_FIELD_WRITABLE_ROOT,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RESOLVER] =
    g_param_spec_object ("resolver", NULL, NULL, SANDBAR_TYPE_PATH_RESOLVER, rw);
  properties[PROP_PATHS] = g_param_spec_boxed ("paths", NULL, NULL, G_TYPE_STRV, rw);
  properties[PROP_RULES] = g_param_spec_boxed ("rules", NULL, NULL, G_TYPE_PTR_ARRAY, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "path-list.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "path-list.choose", "s", choose_action);
  gtk_widget_class_install_action (widget_class, "path-list.add-preset", "s", add_preset_action);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/sandbar-path-list.ui");
  gtk_widget_class_bind_template_child (widget_class, SandbarPathList, add_button);
  gtk_widget_class_bind_template_child (widget_class, SandbarPathList, add_menu_button);
  gtk_widget_class_bind_template_child (widget_class, SandbarPathList, placeholder_label);

  g_type_ensure (SANDBAR_TYPE_PATH_ROW);
}

static void
sandbar_path_list_init (SandbarPathList *self)
{
  self->rows = g_ptr_array_new ();
  self->paths = g_new0 (char *, 1);
  self->rules = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_widget_init_template (GTK_WIDGET (self));
}

const char * const *
sandbar_path_list_get_paths (SandbarPathList *self)
{
  g_return_val_if_fail (SANDBAR_IS_PATH_LIST (self), NULL);
  return (const char * const *) self->paths;
}

/**
 * sandbar_path_list_set_paths:
 * @self: a list of paths or names
 * @paths: (nullable): the paths as written
 *
 * Shows @paths. Nothing happens if the list shows them already.
 */
void
sandbar_path_list_set_paths (SandbarPathList    *self,
                             const char * const *paths)
{
  const char * const empty[] = { NULL };

  g_return_if_fail (SANDBAR_IS_PATH_LIST (self));
  g_return_if_fail (!is_sockets (self));

  if (paths == NULL)
    paths = empty;
  if (g_strv_equal ((const char * const *) self->paths, paths))
    return;

  remove_all_rows (self);
  for (guint i = 0; paths[i] != NULL; i++)
    append_row (self, paths[i], SANDBAR_SOCKET_SCOPE_SUBPATH);

  g_strfreev (self->paths);
  self->paths = g_strdupv ((char **) paths);
  update_placeholder (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATHS]);
}

/**
 * sandbar_path_list_get_rules:
 * @self: a list of sockets
 *
 * Returns: (transfer none) (element-type SandbarSocketRule): the rules shown
 */
GPtrArray *
sandbar_path_list_get_rules (SandbarPathList *self)
{
  g_return_val_if_fail (SANDBAR_IS_PATH_LIST (self), NULL);
  return self->rules;
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
 * sandbar_path_list_set_rules:
 * @self: a list of sockets
 * @rules: (nullable) (element-type SandbarSocketRule): the rules
 *
 * Shows @rules. Nothing happens if the list shows them already.
 */
void
sandbar_path_list_set_rules (SandbarPathList *self,
                             GPtrArray       *rules)
{
  g_autoptr(GPtrArray) empty = NULL;

  g_return_if_fail (SANDBAR_IS_PATH_LIST (self));
  g_return_if_fail (is_sockets (self));

  if (rules == NULL)
    rules = empty = g_ptr_array_new ();
  if (rules_equal (self->rules, rules))
    return;

  remove_all_rows (self);
  g_ptr_array_set_size (self->rules, 0);
  for (guint i = 0; i < rules->len; i++)
    {
      SandbarSocketRule *rule = g_ptr_array_index (rules, i);

      append_row (self, sandbar_socket_rule_get_path (rule), sandbar_socket_rule_get_scope (rule));
      g_ptr_array_add (self->rules, g_object_ref (rule));
    }

  update_placeholder (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RULES]);
}

guint
sandbar_path_list_get_n_rows (SandbarPathList *self)
{
  g_return_val_if_fail (SANDBAR_IS_PATH_LIST (self), 0);
  return self->rows->len;
}

/**
 * sandbar_path_list_get_row:
 * @self: a list
 * @index: a row index
 *
 * Returns: (transfer none) (nullable): the row, or %NULL
 */
SandbarPathRow *
sandbar_path_list_get_row (SandbarPathList *self,
                           guint            index)
{
  g_return_val_if_fail (SANDBAR_IS_PATH_LIST (self), NULL);
  return index < self->rows->len ? g_ptr_array_index (self->rows, index) : NULL;
}

/**
 * sandbar_path_list_set_error:
 * @self: a list
 * @index: the row that is invalid, or -1 for none
 * @message: (nullable): the core's message for that row
 *
 * Marks one row as invalid and clears the others.
 */
void
sandbar_path_list_set_error (SandbarPathList *self,
                             int              index,
                             const char      *message)
{
  g_return_if_fail (SANDBAR_IS_PATH_LIST (self));

  for (guint i = 0; i < self->rows->len; i++)
    sandbar_path_row_set_error (g_ptr_array_index (self->rows, i),
                                (int) i == index ? message : NULL);
}

/**
 * sandbar_path_list_refresh:
 * @self: a list
 *
 * Resolves every path again.
 */
void
sandbar_path_list_refresh (SandbarPathList *self)
{
  g_return_if_fail (SANDBAR_IS_PATH_LIST (self));

  for (guint i = 0; i < self->rows->len; i++)
    sandbar_path_row_refresh (g_ptr_array_index (self->rows, i));
}
