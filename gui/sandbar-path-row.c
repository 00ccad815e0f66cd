/* sandbar-path-row.c — one path of a profile, with where it really points
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A row holds the path as the user writes it (`~/src`, `$SSH_AUTH_SOCK`)
 * and shows under it what the sandbox will match on this computer: the
 * canonical path from the core's resolver, a warning when it does not
 * exist, and for sockets a red badge when reaching it is as good as root.
 * The row knows nothing of SBPL; it only asks the resolver.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sandbar-enum-types.h"
#include "sandbar-path-row.h"
#include "sandbar-summary.h"

struct _SandbarPathRow
{
  AdwPreferencesRow    parent_instance;

  /* Template widgets */
  GtkLabel            *title_label;
  GtkBox              *entry_box;
  GtkEntry            *entry;
  GtkBox              *details_box;
  GtkLabel            *status_label;
  GtkLabel            *message_label;
  GtkLabel            *badge_label;
  GtkMenuButton       *scope_button;     /* sockets only */
  GtkButton           *choose_button;
  GtkButton           *remove_button;

  /* Owned */
  SandbarPathResolver *resolver;
  char                *error;
  GtkNativeDialog     *chooser;

  SandbarField         field;
  SandbarSocketScope   scope;
  guint                updating : 1;
  guint                exists : 1;
  guint                root_equivalent : 1;
};

G_DEFINE_FINAL_TYPE (SandbarPathRow, sandbar_path_row, ADW_TYPE_PREFERENCES_ROW)

enum {
  PROP_0,
  PROP_FIELD,
  PROP_RESOLVER,
  PROP_TEXT,
  PROP_SCOPE,
  PROP_REMOVABLE,
  PROP_PLACEHOLDER_TEXT,
  N_PROPS
};

enum {
  CHANGED,
  REMOVE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/**
 * sandbar_path_contract_home:
 * @path: an absolute path
 *
 * Writes a path inside the home folder as `~/…`, so that a profile can be
 * shared with another user.
 *
 * Returns: (transfer full): the path to store
 */
char *
sandbar_path_contract_home (const char *path)
{
  const char *home = g_get_home_dir ();
  gsize len = strlen (home);

  if (len > 1 && strncmp (path, home, len) == 0)
    {
      if (path[len] == '\0')
        return g_strdup ("~");
      if (path[len] == '/')
        return g_strconcat ("~", path + len, NULL);
    }

  return g_strdup (path);
}

static void
update_details_visibility (SandbarPathRow *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->details_box),
                          gtk_widget_get_visible (GTK_WIDGET (self->status_label)) ||
                          gtk_widget_get_visible (GTK_WIDGET (self->badge_label)));
}

static void
set_classes (GtkWidget  *widget,
             const char *css_class)
{
  gtk_widget_remove_css_class (widget, "error-text");
  gtk_widget_remove_css_class (widget, "warning-text");
  gtk_widget_remove_css_class (widget, "dim-label");
  if (css_class != NULL)
    gtk_widget_add_css_class (widget, css_class);
}

/* What the row says under the path: the resolved path (one line, in
 * monospace) or a sentence about a problem (wrapped, with an icon in the
 * entry). A wrapping label sits alone in the vertical box: next to other
 * widgets in a horizontal one, GTK 4.8 measures it inconsistently. */
static void
set_status (SandbarPathRow *self,
            const char     *path,
            const char     *path_class,
            const char     *icon_name,
            const char     *message,
            const char     *message_class)
{
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), path != NULL);
  gtk_label_set_label (self->status_label, path != NULL ? path : "");
  set_classes (GTK_WIDGET (self->status_label), path_class);
  if (path != NULL && *path == '/')
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "resolved-path");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "resolved-path");

  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
  gtk_label_set_label (self->message_label, message != NULL ? message : "");
  set_classes (GTK_WIDGET (self->message_label), message_class);

  gtk_entry_set_icon_from_icon_name (self->entry, GTK_ENTRY_ICON_SECONDARY, icon_name);
  gtk_entry_set_icon_tooltip_text (self->entry, GTK_ENTRY_ICON_SECONDARY,
                                   icon_name != NULL ? (message != NULL ? message : path) : NULL);
  update_details_visibility (self);
}

static void
update_status (SandbarPathRow *self)
{
  g_auto(SandbarResolvedPath) resolved = { 0 };
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));

  self->exists = FALSE;
  self->root_equivalent = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->badge_label), FALSE);

  if (self->error != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self), "invalid");
      gtk_widget_add_css_class (GTK_WIDGET (self->entry), "error");
      set_status (self, NULL, NULL, "dialog-warning-symbolic", self->error, "error-text");
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self), "invalid");
  gtk_widget_remove_css_class (GTK_WIDGET (self->entry), "error");

  /* Names are not paths: nothing to resolve. */
  if (self->field == SANDBAR_FIELD_PROTECTED_NAME || self->resolver == NULL)
    {
      set_status (self, NULL, NULL, NULL, NULL, NULL);
      return;
    }

  if (*text == '\0')
    {
      if (self->field == SANDBAR_FIELD_WORKING_DIRECTORY)
        set_status (self, _("Commands start in your home folder"), "dim-label", NULL, NULL, NULL);
      else
        set_status (self, NULL, NULL, NULL, NULL, NULL);
      return;
    }

  if (!sandbar_path_resolver_resolve (self->resolver, self->field, text, SANDBAR_RESOLVE_NONE,
                                      &resolved, &error))
    {
      /* Valid to save (the profile may be meant for another session), but
       * it cannot be used here. */
      set_status (self, NULL, NULL, "dialog-warning-symbolic", error->message, "warning-text");
      return;
    }

  self->exists = resolved.exists;
  if (self->field == SANDBAR_FIELD_UNIX_SOCKET &&
      sandbar_summary_is_root_equivalent_socket (resolved.canonical))
    {
      self->root_equivalent = TRUE;
      gtk_widget_set_visible (GTK_WIDGET (self->badge_label), TRUE);
    }

  /* Hiding a path that is not there is harmless; a missing folder or
   * socket the command should reach is worth a warning. */
  if (resolved.exists)
    set_status (self, resolved.canonical, "dim-label", NULL, NULL, NULL);
  else if (self->field == SANDBAR_FIELD_DENY_READ)
    {
      g_autofree char *missing = g_strdup_printf (_("%s (does not exist)"), resolved.canonical);

      set_status (self, missing, "dim-label", NULL, NULL, NULL);
    }
  else
    {
      /* Translators: %s is a path on this computer */
      g_autofree char *missing = g_strdup_printf (_("%s (does not exist)"), resolved.canonical);

      set_status (self, missing, "warning-text", "dialog-warning-symbolic", NULL, NULL);
    }
}

static void
on_entry_changed (SandbarPathRow *self)
{
  /* A new value gets a new verdict from the editor. */
  g_clear_pointer (&self->error, g_free);
  update_status (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
  if (!self->updating)
    g_signal_emit (self, signals[CHANGED], 0);
}

static const char *
scope_label (SandbarSocketScope scope)
{
  return scope == SANDBAR_SOCKET_SCOPE_EXACT ? _("Exactly this path")
                                             : _("This path and below");
}

/* The scope menu is made when it is first opened: a profile can have a
 * thousand sockets, and a popover per row would make opening it slow. */
static void
create_scope_menu (GtkMenuButton *button,
                   gpointer       user_data)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenuItem) subpath = g_menu_item_new (scope_label (SANDBAR_SOCKET_SCOPE_SUBPATH),
                                                  NULL);
  g_autoptr(GMenuItem) exact = g_menu_item_new (scope_label (SANDBAR_SOCKET_SCOPE_EXACT), NULL);

  g_menu_item_set_action_and_target (subpath, "row.scope", "i", SANDBAR_SOCKET_SCOPE_SUBPATH);
  g_menu_item_set_action_and_target (exact, "row.scope", "i", SANDBAR_SOCKET_SCOPE_EXACT);
  g_menu_append_item (menu, subpath);
  g_menu_append_item (menu, exact);
  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (menu));
}

static void
apply_scope (SandbarPathRow     *self,
             SandbarSocketScope  scope,
             gboolean            by_user)
{
  if (self->scope == scope)
    return;

  self->scope = scope;
  if (self->scope_button != NULL)
    gtk_menu_button_set_label (self->scope_button, scope_label (scope));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCOPE]);
  if (by_user)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_remove_clicked (SandbarPathRow *self)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

static void
on_chooser_response (SandbarPathRow  *self,
                     int              response,
                     GtkNativeDialog *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        {
          g_autofree char *shown = sandbar_path_contract_home (path);

          gtk_editable_set_text (GTK_EDITABLE (self->entry), shown);
        }
    }

  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);
}

static void
on_choose_clicked (SandbarPathRow *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->chooser != NULL)
    {
      gtk_native_dialog_show (self->chooser);
      return;
    }

  self->chooser = GTK_NATIVE_DIALOG (
    gtk_file_chooser_native_new (_("Choose the Working Directory"),
                                 GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                 GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                 _("_Select"), _("_Cancel")));
  gtk_native_dialog_set_modal (self->chooser, TRUE);
  g_signal_connect_swapped (self->chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (self->chooser);
}

static void
sandbar_path_row_constructed (GObject *object)
{
  SandbarPathRow *self = SANDBAR_PATH_ROW (object);
  const char *title;

  G_OBJECT_CLASS (sandbar_path_row_parent_class)->constructed (object);

  if (self->field == SANDBAR_FIELD_UNIX_SOCKET)
    {
      self->scope_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
      gtk_menu_button_set_label (self->scope_button, scope_label (self->scope));
      gtk_menu_button_set_create_popup_func (self->scope_button, create_scope_menu, NULL, NULL);
      gtk_widget_set_valign (GTK_WIDGET (self->scope_button), GTK_ALIGN_CENTER);
      /* The same width for both choices, so that the entries line up. */
      gtk_widget_set_size_request (GTK_WIDGET (self->scope_button), 190, -1);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->scope_button),
                                   _("Which sockets this entry allows"));
      gtk_box_insert_child_after (self->entry_box, GTK_WIDGET (self->scope_button),
                                  GTK_WIDGET (self->entry));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->choose_button),
                          self->field == SANDBAR_FIELD_WORKING_DIRECTORY);
  update_details_visibility (self);

  /* The entry is named by the row for screen readers. */
  title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self));
  if (title == NULL || *title == '\0')
    title = sandbar_field_label (self->field);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  update_status (self);
}

static void
on_title_changed (SandbarPathRow *self)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self));

  gtk_label_set_label (self->title_label, title);
  gtk_widget_set_visible (GTK_WIDGET (self->title_label), title != NULL && *title != '\0');
}

static void
sandbar_path_row_dispose (GObject *object)
{
  SandbarPathRow *self = SANDBAR_PATH_ROW (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), SANDBAR_TYPE_PATH_ROW);

  G_OBJECT_CLASS (sandbar_path_row_parent_class)->dispose (object);
}

static void
sandbar_path_row_finalize (GObject *object)
{
  SandbarPathRow *self = SANDBAR_PATH_ROW (object);

  g_clear_object (&self->resolver);
  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (sandbar_path_row_parent_class)->finalize (object);
}

static void
sandbar_path_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SandbarPathRow *self = SANDBAR_PATH_ROW (object);

  switch (prop_id)
    {
    case PROP_FIELD:
      g_value_set_enum (value, self->field);
      break;
    case PROP_RESOLVER:
      g_value_set_object (value, self->resolver);
      break;
    case PROP_TEXT:
      g_value_set_string (value, sandbar_path_row_get_text (self));
      break;
    case PROP_SCOPE:
      g_value_set_int (value, sandbar_path_row_get_scope (self));
      break;
    case PROP_REMOVABLE:
      g_value_set_boolean (value, gtk_widget_get_visible (GTK_WIDGET (self->remove_button)));
      break;
    case PROP_PLACEHOLDER_TEXT:
      g_value_set_string (value, gtk_entry_get_placeholder_text (self->entry));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sandbar_path_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SandbarPathRow *self = SANDBAR_PATH_ROW (object);

  switch (prop_id)
    {
    case PROP_FIELD:
      self->field = g_value_get_enum (value);
      break;
    case PROP_RESOLVER:
      sandbar_path_row_set_resolver (self, g_value_get_object (value));
      break;
    case PROP_TEXT:
      sandbar_path_row_set_text (self, g_value_get_string (value));
      break;
    case PROP_SCOPE:
      /* Only the row.scope action sets the property: the user chose. */
      apply_scope (self, g_value_get_int (value), TRUE);
      break;
    case PROP_REMOVABLE:
      gtk_widget_set_visible (GTK_WIDGET (self->remove_button), g_value_get_boolean (value));
      break;
    case PROP_PLACEHOLDER_TEXT:
      gtk_entry_set_placeholder_text (self->entry, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sandbar_path_row_class_init (SandbarPathRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->constructed = sandbar_path_row_constructed;
  object_class->dispose = sandbar_path_row_dispose;
  object_class->finalize = sandbar_path_row_finalize;
  object_class->get_property = sandbar_path_row_get_property;
  object_class->set_property = sandbar_path_row_set_property;

  properties[PROP_FIELD] =
    g_param_spec_enum ("field", NULL, NULL, SANDBAR_TYPE_FIELD, SANDBAR_FIELD_WRITABLE_ROOT,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RESOLVER] =
    g_param_spec_object ("resolver", NULL, NULL, SANDBAR_TYPE_PATH_RESOLVER, rw);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, "", rw);
  properties[PROP_SCOPE] =
    g_param_spec_int ("scope", NULL, NULL, SANDBAR_SOCKET_SCOPE_SUBPATH,
                      SANDBAR_SOCKET_SCOPE_EXACT, SANDBAR_SOCKET_SCOPE_SUBPATH, rw);
  properties[PROP_REMOVABLE] = g_param_spec_boolean ("removable", NULL, NULL, TRUE, rw);
  properties[PROP_PLACEHOLDER_TEXT] =
    g_param_spec_string ("placeholder-text", NULL, NULL, NULL, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SandbarPathRow::changed:
   *
   * The user changed the path or the scope.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * SandbarPathRow::remove:
   *
   * The user asked to remove the row.
   */
  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_property_action (widget_class, "row.scope", "scope");

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/sandbar-path-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SandbarPathRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, SandbarPathRow, entry);
  gtk_widget_class_bind_template_child (widget_class, SandbarPathRow, details_box);
  gtk_widget_class_bind_template_child (widget_class, SandbarPathRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, SandbarPathRow, message_label);
  gtk_widget_class_bind_template_child (widget_class, SandbarPathRow, badge_label);
  gtk_widget_class_bind_template_child (widget_class, SandbarPathRow, entry_box);
  gtk_widget_class_bind_template_child (widget_class, SandbarPathRow, choose_button);
  gtk_widget_class_bind_template_child (widget_class, SandbarPathRow, remove_button);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_clicked);
}

static void
sandbar_path_row_init (SandbarPathRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "notify::title", G_CALLBACK (on_title_changed), NULL);
}

/**
 * sandbar_path_row_new:
 * @field: what the path is for: it decides the checks and the controls
 * @resolver: (nullable): resolves the path for the line under it
 *
 * Returns: (transfer floating): a new row
 */
GtkWidget *
sandbar_path_row_new (SandbarField         field,
                      SandbarPathResolver *resolver)
{
  return g_object_new (SANDBAR_TYPE_PATH_ROW, "field", field, "resolver", resolver, NULL);
}

SandbarField
sandbar_path_row_get_field (SandbarPathRow *self)
{
  g_return_val_if_fail (SANDBAR_IS_PATH_ROW (self), 0);
  return self->field;
}

const char *
sandbar_path_row_get_text (SandbarPathRow *self)
{
  g_return_val_if_fail (SANDBAR_IS_PATH_ROW (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->entry));
}

/**
 * sandbar_path_row_set_text:
 * @self: a row
 * @text: the path as written
 *
 * Sets the path without emitting #SandbarPathRow::changed: this is the
 * model speaking, not the user.
 */
void
sandbar_path_row_set_text (SandbarPathRow *self,
                           const char     *text)
{
  g_return_if_fail (SANDBAR_IS_PATH_ROW (self));

  if (text == NULL)
    text = "";
  if (g_str_equal (text, sandbar_path_row_get_text (self)))
    return;

  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
  self->updating = FALSE;
}

SandbarSocketScope
sandbar_path_row_get_scope (SandbarPathRow *self)
{
  g_return_val_if_fail (SANDBAR_IS_PATH_ROW (self), SANDBAR_SOCKET_SCOPE_SUBPATH);
  return self->scope;
}

/**
 * sandbar_path_row_set_scope:
 * @self: a socket row
 * @scope: the scope
 *
 * Sets the scope without emitting #SandbarPathRow::changed.
 */
void
sandbar_path_row_set_scope (SandbarPathRow     *self,
                            SandbarSocketScope  scope)
{
  g_return_if_fail (SANDBAR_IS_PATH_ROW (self));
  apply_scope (self, scope, FALSE);
}

/**
 * sandbar_path_row_set_error:
 * @self: a row
 * @message: (nullable): why the value is refused, from the core, or %NULL
 *
 * Marks the row as invalid, showing @message in place of the resolved
 * path. Editing the row clears the mark until the editor checks again.
 */
void
sandbar_path_row_set_error (SandbarPathRow *self,
                            const char     *message)
{
  g_return_if_fail (SANDBAR_IS_PATH_ROW (self));

  if (g_strcmp0 (self->error, message) == 0)
    return;

  g_free (self->error);
  self->error = g_strdup (message);
  update_status (self);
}

const char *
sandbar_path_row_get_error (SandbarPathRow *self)
{
  g_return_val_if_fail (SANDBAR_IS_PATH_ROW (self), NULL);
  return self->error;
}

void
sandbar_path_row_set_resolver (SandbarPathRow      *self,
                               SandbarPathResolver *resolver)
{
  g_return_if_fail (SANDBAR_IS_PATH_ROW (self));

  if (g_set_object (&self->resolver, resolver))
    {
      update_status (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESOLVER]);
    }
}

/**
 * sandbar_path_row_refresh:
 * @self: a row
 *
 * Resolves the path again, for when the file system may have changed.
 */
void
sandbar_path_row_refresh (SandbarPathRow *self)
{
  g_return_if_fail (SANDBAR_IS_PATH_ROW (self));
  update_status (self);
}

gboolean
sandbar_path_row_get_exists (SandbarPathRow *self)
{
  g_return_val_if_fail (SANDBAR_IS_PATH_ROW (self), FALSE);
  return self->exists;
}

gboolean
sandbar_path_row_get_root_equivalent (SandbarPathRow *self)
{
  g_return_val_if_fail (SANDBAR_IS_PATH_ROW (self), FALSE);
  return self->root_equivalent;
}

/**
 * sandbar_path_row_get_status:
 * @self: a row
 *
 * Returns: the text of the line under the path: the resolved path, a
 *   warning or the error
 */
const char *
sandbar_path_row_get_status (SandbarPathRow *self)
{
  g_return_val_if_fail (SANDBAR_IS_PATH_ROW (self), NULL);

  if (gtk_widget_get_visible (GTK_WIDGET (self->message_label)))
    return gtk_label_get_label (self->message_label);
  if (gtk_widget_get_visible (GTK_WIDGET (self->status_label)))
    return gtk_label_get_label (self->status_label);
  return "";
}

void
sandbar_path_row_grab_focus (SandbarPathRow *self)
{
  g_return_if_fail (SANDBAR_IS_PATH_ROW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

/**
 * sandbar_path_row_get_scope_control:
 * @self: a row
 *
 * Returns: (transfer none) (nullable): the scope menu button of a socket
 *   row; its menu activates `row.scope`
 */
GtkWidget *
sandbar_path_row_get_scope_control (SandbarPathRow *self)
{
  g_return_val_if_fail (SANDBAR_IS_PATH_ROW (self), NULL);
  return GTK_WIDGET (self->scope_button);
}
