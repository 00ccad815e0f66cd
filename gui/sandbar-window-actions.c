/* sandbar-window-actions.c — what the window does to profiles
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * New, duplicate, delete with undo, launch: the application's actions
 * call these, and the window's own `win.*` actions serve its toasts and
 * buttons.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sandbar-templates.h"
#include "sandbar-terminal.h"
#include "sandbar-window-private.h"

static void
set_app_action_enabled (SandbarWindow *self,
                        const char    *name,
                        gboolean       enabled)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  GAction *action = app != NULL ? g_action_map_lookup_action (G_ACTION_MAP (app), name) : NULL;

  if (G_IS_SIMPLE_ACTION (action))
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

void
_sandbar_window_update_actions (SandbarWindow *self)
{
  gboolean have_store = self->store != NULL;
  gboolean have_profile = self->profile != NULL;

  set_app_action_enabled (self, "new", have_store);
  set_app_action_enabled (self, "duplicate", have_profile);
  set_app_action_enabled (self, "delete", have_profile);
  set_app_action_enabled (self, "launch", have_profile);
}

/* ---------------------------------------------------------------------- */
/* New and duplicate                                                      */
/* ---------------------------------------------------------------------- */

static gboolean
create_and_select (SandbarWindow  *self,
                   SandbarProfile *profile)
{
  g_autoptr(GError) error = NULL;

  if (!sandbar_profile_store_create (self->store, profile, &error))
    {
      _sandbar_window_show_error (self, error->message);
      return FALSE;
    }

  sandbar_window_select_profile (self, sandbar_profile_get_id (profile));
  sandbar_editor_focus_name (self->editor);
  return TRUE;
}

/**
 * sandbar_window_new_profile:
 * @self: the window
 * @template_id: a built-in template id, or "" for a blank profile
 *
 * Creates a profile, saves it and selects it.
 */
void
sandbar_window_new_profile (SandbarWindow *self,
                            const char    *template_id)
{
  g_autoptr(SandbarProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  g_return_if_fail (SANDBAR_IS_WINDOW (self));
  g_return_if_fail (template_id != NULL);

  if (self->store == NULL)
    return;
  sandbar_window_save_now (self);

  if (*template_id == '\0')
    {
      id = sandbar_profile_store_unique_id (self->store, "profile");
      profile = sandbar_profile_new (id);
      sandbar_profile_set_name (profile, _("New profile"));
    }
  else
    {
      id = sandbar_profile_store_unique_id (self->store, template_id);
      profile = sandbar_templates_new_profile (template_id, id, &error);
      if (profile == NULL)
        {
          _sandbar_window_show_error (self, error->message);
          return;
        }
    }

  create_and_select (self, profile);
}

/**
 * sandbar_window_duplicate_profile:
 * @self: the window
 *
 * Copies the selected profile, as shown, into a new one.
 */
void
sandbar_window_duplicate_profile (SandbarWindow *self)
{
  g_autoptr(SandbarProfile) copy = NULL;
  g_autofree char *id = NULL;
  g_autofree char *name = NULL;
  SandbarProfile *source;

  g_return_if_fail (SANDBAR_IS_WINDOW (self));

  if (self->profile == NULL)
    return;

  /* What the user sees, unless it cannot be saved. */
  source = sandbar_window_save_now (self) ? self->working : self->profile;
  id = sandbar_profile_store_unique_id (self->store, sandbar_profile_get_id (self->profile));
  copy = sandbar_profile_copy (source, id);
  /* Translators: the name of a duplicated profile; %s is the original's */
  name = g_strdup_printf (_("%s (copy)"), sandbar_profile_get_name (source));
  sandbar_profile_set_name (copy, name);

  create_and_select (self, copy);
}

/* ---------------------------------------------------------------------- */
/* Delete and undo                                                        */
/* ---------------------------------------------------------------------- */

/* Each deletion has its own toast and its own undo, so deleting several
 * profiles in a row leaves each of them one click from coming back. A
 * deletion is forgotten when its toast goes. */
static void
on_undo_toast_dismissed (AdwToast      *toast,
                         SandbarWindow *self)
{
  const char *id = g_object_get_data (G_OBJECT (toast), "profile-id");

  if (g_hash_table_lookup (self->undo_toasts, id) == toast)
    {
      g_hash_table_remove (self->undo_toasts, id);
      g_hash_table_remove (self->deleted, id);
    }
}

/**
 * sandbar_window_delete_profile:
 * @self: the window
 *
 * Moves the selected profile's file to the trash and offers to undo.
 */
void
sandbar_window_delete_profile (SandbarWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *id = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  g_return_if_fail (SANDBAR_IS_WINDOW (self));

  if (self->profile == NULL)
    return;

  /* Undo brings back what the user saw last. */
  sandbar_window_save_now (self);
  id = g_strdup (sandbar_profile_get_id (self->profile));
  name = g_strdup (sandbar_profile_get_name (self->profile));

  bytes = sandbar_profile_store_delete (self->store, id, &error);
  if (bytes == NULL)
    {
      _sandbar_window_show_error (self, error->message);
      return;
    }

  /* Translators: %s is a profile name */
  title = g_strdup_printf (_("“%s” deleted"), name);
  toast = adw_toast_new (title);
  adw_toast_set_timeout (toast, 10);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-delete");
  adw_toast_set_action_target_value (toast, g_variant_new_string (id));
  g_object_set_data_full (G_OBJECT (toast), "profile-id", g_strdup (id), g_free);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_undo_toast_dismissed), self, 0);

  g_hash_table_replace (self->deleted, g_strdup (id), g_steal_pointer (&bytes));
  g_hash_table_replace (self->undo_toasts, g_strdup (id), toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * sandbar_window_undo_delete:
 * @self: the window
 * @id: the id of a profile deleted in this window
 *
 * Writes the deleted profile's file back, byte for byte, and selects it.
 */
void
sandbar_window_undo_delete (SandbarWindow *self,
                            const char    *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *key = NULL;
  AdwToast *toast;

  g_return_if_fail (SANDBAR_IS_WINDOW (self));
  g_return_if_fail (id != NULL);

  if (!g_hash_table_steal_extended (self->deleted, id, (gpointer *) &key, (gpointer *) &bytes))
    return;

  toast = g_hash_table_lookup (self->undo_toasts, id);
  g_hash_table_remove (self->undo_toasts, id);
  if (toast != NULL)
    adw_toast_dismiss (toast);

  if (!sandbar_profile_store_restore (self->store, key, bytes, &error))
    {
      _sandbar_window_show_error (self, error->message);
      return;
    }

  sandbar_window_select_profile (self, key);
}

/* ---------------------------------------------------------------------- */
/* Launch                                                                 */
/* ---------------------------------------------------------------------- */

static void
on_launch_failed_response (AdwMessageDialog *dialog,
                           const char       *response,
                           SandbarWindow    *self)
{
  if (g_str_equal (response, "preferences"))
    gtk_widget_activate_action (GTK_WIDGET (self), "app.preferences", NULL);
}

static void
open_terminal (SandbarWindow  *self,
               SandbarProfile *profile)
{
  SandbarApplication *app =
    SANDBAR_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!sandbar_application_open_terminal (app, profile, &warnings, &error))
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                                  _("Could Not Open a Terminal"),
                                                  error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      /* Which terminal to use is the user's to fix. */
      if (error->domain == SANDBAR_TERMINAL_ERROR)
        adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "preferences",
                                         _("_Preferences"));
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
      g_signal_connect_object (dialog, "response", G_CALLBACK (on_launch_failed_response), self,
                               0);
      g_debug ("%s", error->message);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  /* Translators: %s is a profile name */
  message = g_strdup_printf (_("Opened a terminal in “%s”"),
                             sandbar_profile_get_name (profile));
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
  for (guint i = 0; i < warnings->len; i++)
    _sandbar_window_show_error (self, g_ptr_array_index (warnings, i));
}

/**
 * sandbar_window_launch:
 * @self: the window
 * @id: a profile id, or "" for the selected profile
 *
 * Opens a terminal running inside the profile, through the core launcher.
 */
void
sandbar_window_launch (SandbarWindow *self,
                       const char    *id)
{
  SandbarProfile *profile;

  g_return_if_fail (SANDBAR_IS_WINDOW (self));
  g_return_if_fail (id != NULL);

  if (self->store == NULL)
    return;

  if (*id == '\0' || (self->profile != NULL &&
                      g_str_equal (id, sandbar_profile_get_id (self->profile))))
    {
      const char *problem;

      if (self->profile == NULL)
        return;

      /* Launch what is on screen, never an older saved version. */
      problem = sandbar_editor_get_error (self->editor);
      if (problem != NULL || !sandbar_window_save_now (self))
        {
          g_autofree char *message = NULL;

          /* Translators: %s says what is wrong with the profile */
          message = g_strdup_printf (_("Fix the profile before opening a terminal: %s"),
                                     problem != NULL ? problem : "");
          _sandbar_window_show_error (self, message);
          return;
        }
      profile = self->profile;
    }
  else
    {
      profile = sandbar_profile_store_lookup (self->store, id);
      if (profile == NULL)
        {
          g_autofree char *message = g_strdup_printf (_("There is no profile “%s”"), id);

          _sandbar_window_show_error (self, message);
          return;
        }
    }

  open_terminal (self, profile);
}

/* ---------------------------------------------------------------------- */
/* The window's own actions                                               */
/* ---------------------------------------------------------------------- */

static void
undo_delete_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  sandbar_window_undo_delete (SANDBAR_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
show_toast_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SandbarWindow *self = SANDBAR_WINDOW (widget);

  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new (g_variant_get_string (parameter, NULL)));
}

static void
select_profile_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  sandbar_window_select_profile (SANDBAR_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
open_folder_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SandbarWindow *self = SANDBAR_WINDOW (widget);
  g_autoptr(GFile) folder = NULL;
  g_autofree char *uri = NULL;

  if (self->store == NULL)
    return;

  folder = g_file_new_for_path (sandbar_profile_store_get_directory (self->store));
  uri = g_file_get_uri (folder);
  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

void
_sandbar_window_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.undo-delete", "s", undo_delete_action);
  gtk_widget_class_install_action (widget_class, "win.show-toast", "s", show_toast_action);
  gtk_widget_class_install_action (widget_class, "win.select-profile", "s",
                                   select_profile_action);
  gtk_widget_class_install_action (widget_class, "win.open-folder", NULL, open_folder_action);
}
