/* sandbar-window.c — the main window: list | editor | preview
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window keeps two objects per selected profile: the store's, and a
 * working copy that the editor changes. Every edit re-renders the preview
 * at once; when the copy is valid it is saved through the store after a
 * short pause, and the store's object takes its fields. Nothing invalid is
 * ever handed to the store. Changes other programs make to the file reach
 * the store's object, and from it the working copy.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sandbar-window-private.h"

G_DEFINE_FINAL_TYPE (SandbarWindow, sandbar_window, ADW_TYPE_APPLICATION_WINDOW)

static void
update_title (SandbarWindow *self)
{
  if (self->working == NULL)
    {
      adw_window_title_set_title (self->window_title, _("Sandbar"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      return;
    }

  {
    const char *name = sandbar_profile_get_name (self->working);
    g_autofree char *file = g_strconcat (sandbar_profile_get_id (self->working),
                                         SANDBAR_PROFILE_SUFFIX, NULL);

    adw_window_title_set_title (self->window_title, *name != '\0' ? name : _("Unnamed Profile"));
    adw_window_title_set_subtitle (self->window_title, file);
  }
}

void
_sandbar_window_show_error (SandbarWindow *self,
                            const char    *message)
{
  AdwToast *toast = adw_toast_new (message);

  g_debug ("%s", message);
  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
sandbar_window_add_toast (SandbarWindow *self,
                          AdwToast      *toast)
{
  g_return_if_fail (SANDBAR_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* ---------------------------------------------------------------------- */
/* Saving                                                                 */
/* ---------------------------------------------------------------------- */

static gboolean save (SandbarWindow *self);

static gboolean
save_timeout (gpointer user_data)
{
  SandbarWindow *self = user_data;

  self->save_source = 0;
  save (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_save (SandbarWindow *self)
{
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SANDBAR_WINDOW_SAVE_DELAY_MS, save_timeout, self);
}

/* Shows the store's version in the editor, without saving it back. */
static void
adopt_stored (SandbarWindow *self)
{
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->saving = TRUE;
  sandbar_profile_assign (self->working, self->profile);
  self->saving = FALSE;
}

static char *
conflict_base (const char *id)
{
  /* Ids are at most 64 bytes; keep room for the suffix. */
  return g_strdup_printf ("%.*s-conflict", (int) MIN (strlen (id), 64 - 9), id);
}

/* Both versions were kept: says where the user's went. */
static void
announce_copy (SandbarWindow *self,
               const char    *id,
               const char    *copy_id)
{
  g_autofree char *file = g_strconcat (id, SANDBAR_PROFILE_SUFFIX, NULL);
  g_autofree char *copy_file = g_strconcat (copy_id, SANDBAR_PROFILE_SUFFIX, NULL);
  g_autofree char *message = NULL;
  AdwToast *toast;

  /* Translators: both %s are file names such as “docker-only.sandbar” */
  message = g_strdup_printf (_("“%s” was changed by another program; your changes were kept "
                               "in “%s”"), file, copy_file);
  g_debug ("%s", message);
  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 10);
  adw_toast_set_button_label (toast, _("_Show"));
  adw_toast_set_action_name (toast, "win.select-profile");
  adw_toast_set_action_target_value (toast, g_variant_new_string (copy_id));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Hands the working copy to the store, which validates it again. */
static gboolean
save (SandbarWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *conflict_id = NULL;
  gboolean saved;

  if (self->working == NULL || sandbar_editor_get_error (self->editor) != NULL)
    return FALSE;

  self->saving = TRUE;
  saved = sandbar_profile_store_save (self->store, self->working, &conflict_id, &error);
  self->saving = FALSE;

  if (saved)
    return TRUE;

  if (g_error_matches (error, SANDBAR_STORE_ERROR, SANDBAR_STORE_ERROR_CONFLICT))
    {
      /* The store kept the edit as a copy and took the file's text. */
      adopt_stored (self);
      announce_copy (self, sandbar_profile_get_id (self->profile), conflict_id);
      return TRUE;
    }

  _sandbar_window_show_error (self, error->message);
  return FALSE;
}

/**
 * sandbar_window_save_now:
 * @self: the window
 *
 * Writes a pending edit at once instead of after the pause.
 *
 * Returns: %FALSE if the profile as shown cannot be saved (it is invalid,
 *   or the store refused it; the user has been told)
 */
gboolean
sandbar_window_save_now (SandbarWindow *self)
{
  g_return_val_if_fail (SANDBAR_IS_WINDOW (self), FALSE);

  if (self->working == NULL)
    return TRUE;
  if (sandbar_editor_get_error (self->editor) != NULL)
    return FALSE;
  if (self->save_source == 0)
    return TRUE;

  g_clear_handle_id (&self->save_source, g_source_remove);
  return save (self);
}

/* Another program changed the file while the user had an unsaved edit:
 * keep both, as the store does when it finds out at save time. */
static void
keep_edit_as_copy (SandbarWindow *self)
{
  g_autofree char *base = conflict_base (sandbar_profile_get_id (self->profile));
  g_autofree char *copy_id = sandbar_profile_store_unique_id (self->store, base);
  g_autoptr(SandbarProfile) copy = sandbar_profile_copy (self->working, copy_id);
  g_autoptr(GError) error = NULL;

  if (!sandbar_profile_store_create (self->store, copy, &error))
    {
      _sandbar_window_show_error (self, error->message);
      return;
    }

  announce_copy (self, sandbar_profile_get_id (self->profile), copy_id);
}

static void
on_stored_profile_notify (SandbarWindow *self)
{
  /* Our own save, or already taken. */
  if (self->saving || sandbar_profile_equal (self->working, self->profile))
    return;

  if (self->save_source != 0)
    keep_edit_as_copy (self);
  adopt_stored (self);
  sandbar_editor_refresh (self->editor);
}

/* ---------------------------------------------------------------------- */
/* Selection                                                              */
/* ---------------------------------------------------------------------- */

static void
show_profile (SandbarWindow  *self,
              SandbarProfile *profile)
{
  if (self->profile == profile)
    return;

  if (self->profile != NULL)
    g_clear_signal_handler (&self->profile_notify_handler, self->profile);
  g_clear_handle_id (&self->save_source, g_source_remove);

  g_set_object (&self->profile, profile);
  g_clear_object (&self->working);
  sandbar_preview_clear (self->preview);

  if (profile != NULL)
    {
      self->working = sandbar_profile_copy (profile, sandbar_profile_get_id (profile));
      self->profile_notify_handler =
        g_signal_connect_swapped (profile, "notify", G_CALLBACK (on_stored_profile_notify), self);
      g_settings_set_string (self->settings, "last-profile", sandbar_profile_get_id (profile));
    }

  sandbar_editor_set_profile (self->editor, self->working);
  if (self->working != NULL)
    sandbar_preview_update (self->preview, self->working, sandbar_editor_get_error (self->editor));

  gtk_stack_set_visible_child_name (self->main_stack, profile != NULL ? "profile" : "empty");
  update_title (self);
  _sandbar_window_update_actions (self);
}

static void
on_selected_profile_changed (SandbarWindow *self)
{
  /* A pending edit of the profile being left is written first. */
  sandbar_window_save_now (self);
  show_profile (self, sandbar_profile_list_get_selected (self->profile_list));
}

static void
on_editor_changed (SandbarWindow *self)
{
  const char *error = sandbar_editor_get_error (self->editor);

  if (self->working == NULL)
    return;

  /* Same frame: the preview is rendered before the window draws again. */
  sandbar_preview_update (self->preview, self->working, error);
  update_title (self);

  if (self->saving)
    return;
  if (error == NULL)
    schedule_save (self);
  else
    g_clear_handle_id (&self->save_source, g_source_remove);
}

/**
 * sandbar_window_select_profile:
 * @self: the window
 * @id: a profile id
 *
 * Returns: %TRUE if there is such a profile
 */
gboolean
sandbar_window_select_profile (SandbarWindow *self,
                               const char    *id)
{
  g_return_val_if_fail (SANDBAR_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return self->store != NULL && sandbar_profile_list_select (self->profile_list, id);
}

/**
 * sandbar_window_get_profile:
 * @self: the window
 *
 * Returns: (transfer none) (nullable): the selected profile (the store's)
 */
SandbarProfile *
sandbar_window_get_profile (SandbarWindow *self)
{
  g_return_val_if_fail (SANDBAR_IS_WINDOW (self), NULL);
  return self->profile;
}

void
sandbar_window_focus_search (SandbarWindow *self)
{
  g_return_if_fail (SANDBAR_IS_WINDOW (self));
  sandbar_profile_list_focus_search (self->profile_list);
}

/* ---------------------------------------------------------------------- */
/* GObject                                                                */
/* ---------------------------------------------------------------------- */

static void
on_store_items_changed (SandbarWindow *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->store)) == 0)
    show_profile (self, NULL);
}

/* GtkWindow:application is not a construct property, so the window is
 * set up once it has been given the application. */
static void
setup (SandbarWindow      *self,
       SandbarApplication *app)
{
  const GError *store_error;
  g_autofree char *last = NULL;

  self->settings = sandbar_application_get_settings (app);
  self->resolver = sandbar_application_get_resolver (app);
  g_object_set (self->editor, "resolver", self->resolver, NULL);
  g_object_set (self->preview, "resolver", self->resolver, NULL);
  g_settings_bind (self->settings, "preview-inline", self->preview, "inline",
                   G_SETTINGS_BIND_DEFAULT);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  store_error = sandbar_application_get_store_error (app);
  if (store_error != NULL)
    {
      adw_status_page_set_description (self->error_page, store_error->message);
      gtk_stack_set_visible_child_name (self->main_stack, "error");
      _sandbar_window_update_actions (self);
      return;
    }

  self->store = sandbar_application_get_store (app);
  g_signal_connect_object (self->store, "items-changed", G_CALLBACK (on_store_items_changed),
                           self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  sandbar_profile_list_set_store (self->profile_list, self->store);

  last = g_settings_get_string (self->settings, "last-profile");
  if (*last != '\0')
    sandbar_profile_list_select (self->profile_list, last);
  show_profile (self, sandbar_profile_list_get_selected (self->profile_list));
  sandbar_profile_list_focus_list (self->profile_list);
}

static gboolean
sandbar_window_close_request (GtkWindow *window)
{
  SandbarWindow *self = SANDBAR_WINDOW (window);
  int width, height;

  sandbar_window_save_now (self);

  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  g_settings_apply (self->settings);

  return GTK_WINDOW_CLASS (sandbar_window_parent_class)->close_request (window);
}

static void
sandbar_window_dispose (GObject *object)
{
  SandbarWindow *self = SANDBAR_WINDOW (object);

  if (self->profile != NULL)
    g_clear_signal_handler (&self->profile_notify_handler, self->profile);
  g_clear_handle_id (&self->save_source, g_source_remove);
  if (self->editor != NULL)
    sandbar_editor_set_profile (self->editor, NULL);
  g_clear_object (&self->profile);
  g_clear_object (&self->working);
  gtk_widget_dispose_template (GTK_WIDGET (self), SANDBAR_TYPE_WINDOW);

  G_OBJECT_CLASS (sandbar_window_parent_class)->dispose (object);
}

static void
sandbar_window_finalize (GObject *object)
{
  SandbarWindow *self = SANDBAR_WINDOW (object);

  g_clear_pointer (&self->deleted, g_hash_table_unref);
  g_clear_pointer (&self->undo_toasts, g_hash_table_unref);

  G_OBJECT_CLASS (sandbar_window_parent_class)->finalize (object);
}

static void
sandbar_window_class_init (SandbarWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = sandbar_window_dispose;
  object_class->finalize = sandbar_window_finalize;
  window_class->close_request = sandbar_window_close_request;

  g_type_ensure (SANDBAR_TYPE_PROFILE_LIST);
  g_type_ensure (SANDBAR_TYPE_EDITOR);
  g_type_ensure (SANDBAR_TYPE_PREVIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/sandbar-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SandbarWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SandbarWindow, profile_list);
  gtk_widget_class_bind_template_child (widget_class, SandbarWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, SandbarWindow, launch_button);
  gtk_widget_class_bind_template_child (widget_class, SandbarWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, SandbarWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, SandbarWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, SandbarWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, SandbarWindow, editor);
  gtk_widget_class_bind_template_child (widget_class, SandbarWindow, preview);
  gtk_widget_class_bind_template_callback (widget_class, on_selected_profile_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_editor_changed);

  _sandbar_window_class_actions_init (widget_class);
}

static void
sandbar_window_init (SandbarWindow *self)
{
  self->deleted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) g_bytes_unref);
  self->undo_toasts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * sandbar_window_new:
 * @application: the application
 *
 * Returns: (transfer none): a new window, owned by @application
 */
SandbarWindow *
sandbar_window_new (SandbarApplication *application)
{
  SandbarWindow *self;

  g_return_val_if_fail (SANDBAR_IS_APPLICATION (application), NULL);

  self = g_object_new (SANDBAR_TYPE_WINDOW, "application", application, NULL);
  setup (self, application);
  return self;
}
