/* sandbar-preferences.c — the preferences window
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One setting so far: which terminal "Open Terminal" uses. The choices
 * are "auto", the terminals the core knows, and "custom" with a command
 * line template that the core checks when it is used.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sandbar-preferences.h"
#include "sandbar-terminal.h"

struct _SandbarPreferences
{
  AdwPreferencesWindow  parent_instance;

  /* Template widgets */
  AdwComboRow          *terminal_row;
  AdwEntryRow          *custom_row;

  /* Owned */
  GSettings            *settings;
  GPtrArray            *choices;     /* setting value per row of terminal_row */
};

G_DEFINE_FINAL_TYPE (SandbarPreferences, sandbar_preferences, ADW_TYPE_PREFERENCES_WINDOW)

/* The terminals the core can drive on this system, by id. */
static GStrv
list_terminals (void)
{
  return sandbar_terminal_list_known ();
}

static void
on_terminal_selected (SandbarPreferences *self)
{
  guint selected = adw_combo_row_get_selected (self->terminal_row);
  const char *choice;

  if (self->settings == NULL || selected >= self->choices->len)
    return;

  choice = g_ptr_array_index (self->choices, selected);
  gtk_widget_set_visible (GTK_WIDGET (self->custom_row), g_str_equal (choice, "custom"));
  g_settings_set_string (self->settings, "terminal", choice);
}

static void
sandbar_preferences_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SANDBAR_TYPE_PREFERENCES);
  G_OBJECT_CLASS (sandbar_preferences_parent_class)->dispose (object);
}

static void
sandbar_preferences_finalize (GObject *object)
{
  SandbarPreferences *self = SANDBAR_PREFERENCES (object);

  g_clear_object (&self->settings);
  g_clear_pointer (&self->choices, g_ptr_array_unref);
  G_OBJECT_CLASS (sandbar_preferences_parent_class)->finalize (object);
}

static void
sandbar_preferences_class_init (SandbarPreferencesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sandbar_preferences_dispose;
  object_class->finalize = sandbar_preferences_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/sandbar-preferences.ui");
  gtk_widget_class_bind_template_child (widget_class, SandbarPreferences, terminal_row);
  gtk_widget_class_bind_template_child (widget_class, SandbarPreferences, custom_row);
  gtk_widget_class_bind_template_callback (widget_class, on_terminal_selected);
}

static void
sandbar_preferences_init (SandbarPreferences *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_auto(GStrv) terminals = list_terminals ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->choices = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->choices, g_strdup ("auto"));
  gtk_string_list_append (labels, _("Automatic"));
  for (guint i = 0; terminals[i] != NULL; i++)
    {
      g_ptr_array_add (self->choices, g_strdup (terminals[i]));
      gtk_string_list_append (labels, terminals[i]);
    }
  g_ptr_array_add (self->choices, g_strdup ("custom"));
  gtk_string_list_append (labels, _("Custom command"));
  adw_combo_row_set_model (self->terminal_row, G_LIST_MODEL (labels));
}

/**
 * sandbar_preferences_new:
 * @settings: the application's settings
 *
 * Returns: (transfer full): a new preferences window
 */
SandbarPreferences *
sandbar_preferences_new (GSettings *settings)
{
  SandbarPreferences *self = g_object_new (SANDBAR_TYPE_PREFERENCES, NULL);
  g_autofree char *choice = g_settings_get_string (settings, "terminal");
  guint position = 0;

  g_ptr_array_find_with_equal_func (self->choices, choice, g_str_equal, &position);
  adw_combo_row_set_selected (self->terminal_row, position);
  gtk_widget_set_visible (GTK_WIDGET (self->custom_row), g_str_equal (choice, "custom"));

  self->settings = g_object_ref (settings);
  g_settings_bind (settings, "custom-terminal-command", self->custom_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
  return self;
}
