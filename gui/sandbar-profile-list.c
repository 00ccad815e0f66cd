/* sandbar-profile-list.c — the sidebar: profiles, search, broken files
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store is a GListModel sorted by name; the sidebar filters it by the
 * search text and selects one profile. Files the store could not read are
 * listed under it with the reason, and a button opens their folder: the
 * store never touches them, so the user fixes them by hand.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sandbar-profile-list.h"
#include "sandbar-templates.h"

struct _SandbarProfileList
{
  GtkWidget            parent_instance;

  /* Template widgets */
  GtkWidget           *box;
  GtkMenuButton       *new_button;
  GtkToggleButton     *search_button;
  GtkSearchBar        *search_bar;
  GtkSearchEntry      *search_entry;
  GtkStack            *list_stack;
  GtkListView         *list_view;
  GtkRevealer         *problems_revealer;
  GtkLabel            *problems_title;
  GtkListBox          *problems_list;

  /* Owned */
  SandbarProfileStore *store;
  GtkStringFilter     *filter;
  GtkFilterListModel  *filtered;
  GtkSingleSelection  *selection;
  SandbarProfile      *selected;
};

G_DEFINE_FINAL_TYPE (SandbarProfileList, sandbar_profile_list, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SELECTED_PROFILE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
has_text (gpointer    unused,
          const char *text)
{
  return text != NULL && *text != '\0';
}

static void
on_selection_changed (SandbarProfileList *self)
{
  SandbarProfile *profile = gtk_single_selection_get_selected_item (self->selection);

  if (profile == self->selected)
    return;

  g_set_object (&self->selected, profile);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_PROFILE]);
}

static void
on_filtered_changed (SandbarProfileList *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0;
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  /* "No results" only for a search; an empty store is the window's to show. */
  gtk_stack_set_visible_child_name (self->list_stack, empty && *search != '\0' ? "no-results"
                                                                              : "list");
}

static void
on_stop_search (SandbarProfileList *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_toggle_button_set_active (self->search_button, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
on_search_activate (SandbarProfileList *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
on_search_changed (SandbarProfileList *self)
{
  gtk_string_filter_set_search (self->filter,
                                gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

/* ---------------------------------------------------------------------- */
/* Broken files                                                           */
/* ---------------------------------------------------------------------- */

static void
on_problems_changed (SandbarProfileList *self)
{
  GPtrArray *problems = sandbar_profile_store_get_problems (self->store);
  GtkWidget *child;
  g_autofree char *title = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->problems_list))) != NULL)
    gtk_list_box_remove (self->problems_list, child);

  for (guint i = 0; i < problems->len; i++)
    {
      SandbarLoadProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char *name = g_path_get_basename (problem->path);
      g_autofree char *shown = g_filename_display_name (name);
      g_autofree char *reason = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      if (problem->line > 0)
        /* Translators: %u is a line number, %s what is wrong on it */
        reason = g_strdup_printf (_("Line %u: %s"), problem->line, problem->message);
      else
        reason = g_strdup (problem->message);

      gtk_widget_add_css_class (icon, "warning");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), shown);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), reason);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
      gtk_widget_set_tooltip_text (row, problem->path);
      gtk_list_box_append (self->problems_list, row);
    }

  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Unreadable File",
                                        "%u Unreadable Files", problems->len),
                           problems->len);
  gtk_label_set_label (self->problems_title, title);
  gtk_revealer_set_reveal_child (self->problems_revealer, problems->len > 0);
}

/* ---------------------------------------------------------------------- */
/* API                                                                    */
/* ---------------------------------------------------------------------- */

static void
build_new_menu (SandbarProfileList *self)
{
  GMenuModel *menu = gtk_menu_button_get_menu_model (self->new_button);
  g_autoptr(GMenu) templates = g_menu_new ();
  g_auto(GStrv) ids = sandbar_templates_list_ids ();

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(SandbarProfile) profile = sandbar_templates_new_profile (ids[i], ids[i], NULL);
      g_autoptr(GMenuItem) item = NULL;

      if (profile == NULL)
        continue;
      item = g_menu_item_new (sandbar_profile_get_name (profile), NULL);
      g_menu_item_set_action_and_target (item, "app.new", "s", ids[i]);
      g_menu_append_item (templates, item);
    }

  g_menu_append_section (G_MENU (menu), _("From a Template"), G_MENU_MODEL (templates));
}

/**
 * sandbar_profile_list_set_store:
 * @self: the sidebar
 * @store: the profiles
 */
void
sandbar_profile_list_set_store (SandbarProfileList  *self,
                                SandbarProfileStore *store)
{
  g_return_if_fail (SANDBAR_IS_PROFILE_LIST (self));
  g_return_if_fail (SANDBAR_IS_PROFILE_STORE (store));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  gtk_filter_list_model_set_model (self->filtered, G_LIST_MODEL (store));
  g_signal_connect_object (store, "problems-changed", G_CALLBACK (on_problems_changed), self,
                           G_CONNECT_SWAPPED);
  on_problems_changed (self);
  on_selection_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * sandbar_profile_list_get_selected:
 * @self: the sidebar
 *
 * Returns: (transfer none) (nullable): the selected profile (the store's)
 */
SandbarProfile *
sandbar_profile_list_get_selected (SandbarProfileList *self)
{
  g_return_val_if_fail (SANDBAR_IS_PROFILE_LIST (self), NULL);
  return self->selected;
}

static gboolean
find_in (GListModel *model,
         const char *id,
         guint      *position)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SandbarProfile) profile = g_list_model_get_item (model, i);

      if (g_str_equal (sandbar_profile_get_id (profile), id))
        {
          *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * sandbar_profile_list_select:
 * @self: the sidebar
 * @id: a profile id
 *
 * Selects a profile, ending a search that hides it.
 *
 * Returns: %TRUE if there is a profile @id
 */
gboolean
sandbar_profile_list_select (SandbarProfileList *self,
                             const char         *id)
{
  guint position;

  g_return_val_if_fail (SANDBAR_IS_PROFILE_LIST (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (self->store == NULL || sandbar_profile_store_lookup (self->store, id) == NULL)
    return FALSE;

  if (!find_in (G_LIST_MODEL (self->filtered), id, &position))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      if (!find_in (G_LIST_MODEL (self->filtered), id, &position))
        g_return_val_if_reached (FALSE);
    }

  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u",
                              position);
  return TRUE;
}

void
sandbar_profile_list_focus_search (SandbarProfileList *self)
{
  g_return_if_fail (SANDBAR_IS_PROFILE_LIST (self));

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
sandbar_profile_list_focus_list (SandbarProfileList *self)
{
  g_return_if_fail (SANDBAR_IS_PROFILE_LIST (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

/* ---------------------------------------------------------------------- */
/* GObject                                                                */
/* ---------------------------------------------------------------------- */

static void
sandbar_profile_list_dispose (GObject *object)
{
  SandbarProfileList *self = SANDBAR_PROFILE_LIST (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SANDBAR_TYPE_PROFILE_LIST);
  g_clear_object (&self->selection);
  g_clear_object (&self->selected);

  G_OBJECT_CLASS (sandbar_profile_list_parent_class)->dispose (object);
}

static void
sandbar_profile_list_finalize (GObject *object)
{
  SandbarProfileList *self = SANDBAR_PROFILE_LIST (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (sandbar_profile_list_parent_class)->finalize (object);
}

static void
sandbar_profile_list_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  SandbarProfileList *self = SANDBAR_PROFILE_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SELECTED_PROFILE:
      g_value_set_object (value, self->selected);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sandbar_profile_list_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  SandbarProfileList *self = SANDBAR_PROFILE_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      if (g_value_get_object (value) != NULL)
        sandbar_profile_list_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sandbar_profile_list_class_init (SandbarProfileListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sandbar_profile_list_dispose;
  object_class->finalize = sandbar_profile_list_finalize;
  object_class->get_property = sandbar_profile_list_get_property;
  object_class->set_property = sandbar_profile_list_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SANDBAR_TYPE_PROFILE_STORE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SELECTED_PROFILE] =
    g_param_spec_object ("selected-profile", NULL, NULL, SANDBAR_TYPE_PROFILE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SANDBAR_TYPE_PROFILE);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/sandbar-profile-list.ui");
  gtk_widget_class_bind_template_child (widget_class, SandbarProfileList, box);
  gtk_widget_class_bind_template_child (widget_class, SandbarProfileList, new_button);
  gtk_widget_class_bind_template_child (widget_class, SandbarProfileList, search_button);
  gtk_widget_class_bind_template_child (widget_class, SandbarProfileList, search_bar);
  gtk_widget_class_bind_template_child (widget_class, SandbarProfileList, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SandbarProfileList, list_stack);
  gtk_widget_class_bind_template_child (widget_class, SandbarProfileList, list_view);
  gtk_widget_class_bind_template_child (widget_class, SandbarProfileList, problems_revealer);
  gtk_widget_class_bind_template_child (widget_class, SandbarProfileList, problems_title);
  gtk_widget_class_bind_template_child (widget_class, SandbarProfileList, problems_list);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
}

static void
sandbar_profile_list_init (SandbarProfileList *self)
{
  g_autoptr(GtkBuilderScope) scope = gtk_builder_cscope_new ();
  g_autoptr(GtkListItemFactory) factory = NULL;
  GtkEventController *shortcuts;
  GtkShortcut *delete;
  GtkExpression *name;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Filter on the name, as typed, ignoring case. */
  name = gtk_property_expression_new (SANDBAR_TYPE_PROFILE, NULL, "name");
  self->filter = gtk_string_filter_new (name);
  gtk_string_filter_set_ignore_case (self->filter, TRUE);
  gtk_string_filter_set_match_mode (self->filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->filtered));
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  gtk_single_selection_set_can_unselect (self->selection, FALSE);
  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (on_selection_changed), self);
  g_signal_connect_swapped (self->filtered, "items-changed",
                            G_CALLBACK (on_filtered_changed), self);
  g_signal_connect_swapped (self->search_entry, "search-changed",
                            G_CALLBACK (on_search_changed), self);
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self->list_view));

  gtk_builder_cscope_add_callback_symbol (GTK_BUILDER_CSCOPE (scope), "has_text",
                                          G_CALLBACK (has_text));
  factory = gtk_builder_list_item_factory_new_from_resource (scope, RESOURCE_PREFIX
                                                             "/sandbar-profile-row.ui");
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  /* Delete removes a profile only from the list, never while typing. */
  shortcuts = gtk_shortcut_controller_new ();
  delete = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                             gtk_named_action_new ("app.delete"));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), delete);
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), shortcuts);

  build_new_menu (self);
}
