/* sandbar-preview.c — the generated Seatbelt profile, live
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The preview shows what the core renders for the profile being edited:
 * the SBPL text, its parameters, the command line and a summary in plain
 * words. It is updated
 * synchronously on every edit (no timer), by replacing only the lines
 * that changed, so the scroll position stays and the changed lines can
 * be highlighted for a moment. When the profile cannot be rendered, the
 * last good text stays, dimmed, under the error.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <gtksourceview/gtksource.h>
#include <string.h>

#include "sandbar-launcher.h"
#ifdef SANDBAR_BUNDLED_DEF_LANG
#include "sandbar-language-specs.h"
#endif
#include "sandbar-policy.h"
#include "sandbar-preview.h"
#include "sandbar-sbpl.h"
#include "sandbar-summary.h"

/* Where the SBPL language definition is (data/sbpl.lang). */
#define LANGUAGE_SPECS "resource://" RESOURCE_PREFIX "/language-specs/"

/* How long changed lines stay highlighted. */
#define HIGHLIGHT_MS 1000

/* ---------------------------------------------------------------------- */
/* One row of the parameter table                                          */
/* ---------------------------------------------------------------------- */

#define SANDBAR_TYPE_PREVIEW_PARAM (sandbar_preview_param_get_type ())
G_DECLARE_FINAL_TYPE (SandbarPreviewParam, sandbar_preview_param, SANDBAR, PREVIEW_PARAM, GObject)

struct _SandbarPreviewParam
{
  GObject  parent_instance;
  char    *name;
  char    *value;
};

G_DEFINE_FINAL_TYPE (SandbarPreviewParam, sandbar_preview_param, G_TYPE_OBJECT)

enum {
  PARAM_PROP_0,
  PARAM_PROP_NAME,
  PARAM_PROP_VALUE,
  PARAM_N_PROPS
};

static GParamSpec *param_properties[PARAM_N_PROPS];

static void
sandbar_preview_param_finalize (GObject *object)
{
  SandbarPreviewParam *self = SANDBAR_PREVIEW_PARAM (object);

  g_free (self->name);
  g_free (self->value);
  G_OBJECT_CLASS (sandbar_preview_param_parent_class)->finalize (object);
}

static void
sandbar_preview_param_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  SandbarPreviewParam *self = SANDBAR_PREVIEW_PARAM (object);

  switch (prop_id)
    {
    case PARAM_PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PARAM_PROP_VALUE:
      g_value_set_string (value, self->value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
set_string (char       **field,
            const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

/* Updates in place, so that a table of a thousand rows changes only the
 * labels that show something new. */
static void
sandbar_preview_param_set (SandbarPreviewParam *self,
                           const char          *name,
                           const char          *value)
{
  if (set_string (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), param_properties[PARAM_PROP_NAME]);
  if (set_string (&self->value, value))
    g_object_notify_by_pspec (G_OBJECT (self), param_properties[PARAM_PROP_VALUE]);
}

static void
sandbar_preview_param_class_init (SandbarPreviewParamClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sandbar_preview_param_finalize;
  object_class->get_property = sandbar_preview_param_get_property;

  param_properties[PARAM_PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  param_properties[PARAM_PROP_VALUE] =
    g_param_spec_string ("value", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, PARAM_N_PROPS, param_properties);
}

static void
sandbar_preview_param_init (SandbarPreviewParam *self)
{
}

static SandbarPreviewParam *
sandbar_preview_param_new (const char *name,
                           const char *value)
{
  SandbarPreviewParam *self = g_object_new (SANDBAR_TYPE_PREVIEW_PARAM, NULL);

  self->name = g_strdup (name);
  self->value = g_strdup (value);
  return self;
}

/* ---------------------------------------------------------------------- */
/* The preview                                                            */
/* ---------------------------------------------------------------------- */

struct _SandbarPreview
{
  GtkWidget            parent_instance;

  /* Template widgets */
  GtkWidget           *box;
  GtkWidget           *inline_box;
  GtkSwitch           *inline_switch;
  GtkButton           *copy_button;
  GtkButton           *export_button;
  GtkRevealer         *stale_revealer;
  GtkLabel            *stale_label;
  GtkStack            *stack;
  GtkScrolledWindow   *profile_scroller;
  GtkSourceView       *source_view;
  GtkStack            *params_stack;
  GtkColumnView       *params_view;
  GtkLabel            *command_intro;
  GtkLabel            *command_label;
  GtkLabel            *command_notes;
  GtkWidget           *summary_box;
  GtkLabel            *summary_label;
  GtkWidget           *limits_box;
  GtkListBox          *limits_list;

  /* Owned */
  SandbarPathResolver *resolver;
  SandbarBackend      *backend;
  SandbarProfile      *profile;      /* the profile last rendered */
  GtkSourceBuffer     *buffer;
  GtkTextTag          *changed_tag;
  GListStore          *params;
  GtkSelectionModel   *params_selection;
  SandbarSbpl         *sbpl;         /* the last good rendering */
  SandbarPolicy       *policy;       /* what it was rendered from */
  SandbarSummary      *summary;      /* what the Summary page shows */
  GString             *shown;        /* what the buffer holds */
  char                *profile_id;
  char                *message;
  GtkNativeDialog     *chooser;

  guint                highlight_source;
  guint                command_dirty : 1;
  guint                summary_dirty : 1;
  guint                inline_rendering : 1;
  guint                stale : 1;
};

G_DEFINE_FINAL_TYPE (SandbarPreview, sandbar_preview, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_RESOLVER,
  PROP_INLINE,
  PROP_STALE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_toast (SandbarPreview *self,
            const char     *message)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", message);
}

/* ---------------------------------------------------------------------- */
/* Text                                                                   */
/* ---------------------------------------------------------------------- */

typedef struct
{
  gsize start;
  gsize length;
} Line;

/* Splits @text into lines, each with its newline. */
static GArray *
split_lines (const char *text,
             gsize       length)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (Line));
  gsize start = 0;

  while (start < length)
    {
      const char *nl = memchr (text + start, '\n', length - start);
      gsize end = nl != NULL ? (gsize) (nl - text) + 1 : length;

      g_array_append_val (lines, ((Line) { start, end - start }));
      start = end;
    }

  return lines;
}

static gboolean
lines_equal (const char *a,
             const Line *la,
             const char *b,
             const Line *lb)
{
  return la->length == lb->length && memcmp (a + la->start, b + lb->start, la->length) == 0;
}

static gboolean
remove_highlight (gpointer user_data)
{
  SandbarPreview *self = user_data;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (self->buffer), &start, &end);
  gtk_text_buffer_remove_tag (GTK_TEXT_BUFFER (self->buffer), self->changed_tag, &start, &end);
  self->highlight_source = 0;
  return G_SOURCE_REMOVE;
}

/* Makes the buffer hold @text by replacing only the lines in between the
 * common first and last lines; those are highlighted if @highlight. */
static void
show_text (SandbarPreview *self,
           const char     *text,
           gsize           length,
           gboolean        highlight)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  g_autoptr(GArray) old_lines = NULL;
  g_autoptr(GArray) new_lines = NULL;
  GtkTextIter start, end;
  guint prefix = 0;
  guint suffix = 0;
  guint old_end, new_end;
  int start_offset;

  if (self->shown->len == length && memcmp (self->shown->str, text, length) == 0)
    return;

  old_lines = split_lines (self->shown->str, self->shown->len);
  new_lines = split_lines (text, length);

  while (prefix < old_lines->len && prefix < new_lines->len &&
         lines_equal (self->shown->str, &g_array_index (old_lines, Line, prefix),
                      text, &g_array_index (new_lines, Line, prefix)))
    prefix++;
  while (suffix < old_lines->len - prefix && suffix < new_lines->len - prefix &&
         lines_equal (self->shown->str,
                      &g_array_index (old_lines, Line, old_lines->len - 1 - suffix),
                      text, &g_array_index (new_lines, Line, new_lines->len - 1 - suffix)))
    suffix++;

  old_end = old_lines->len - suffix;
  new_end = new_lines->len - suffix;

  gtk_text_buffer_get_iter_at_line (buffer, &start, prefix);
  if (old_end < (guint) gtk_text_buffer_get_line_count (buffer) &&
      old_end < old_lines->len)
    gtk_text_buffer_get_iter_at_line (buffer, &end, old_end);
  else
    gtk_text_buffer_get_end_iter (buffer, &end);

  gtk_text_buffer_delete (buffer, &start, &end);
  start_offset = gtk_text_iter_get_offset (&start);
  if (new_end > prefix)
    {
      const Line *first = &g_array_index (new_lines, Line, prefix);
      const Line *last = &g_array_index (new_lines, Line, new_end - 1);

      gtk_text_buffer_insert (buffer, &start, text + first->start,
                              last->start + last->length - first->start);
      if (highlight)
        {
          GtkTextIter from;

          gtk_text_buffer_get_iter_at_offset (buffer, &from, start_offset);
          gtk_text_buffer_apply_tag (buffer, self->changed_tag, &from, &start);
        }
    }

  g_string_truncate (self->shown, 0);
  g_string_append_len (self->shown, text, length);

  if (highlight)
    {
      g_clear_handle_id (&self->highlight_source, g_source_remove);
      self->highlight_source = g_timeout_add (HIGHLIGHT_MS, remove_highlight, self);
    }
}

static void
show_rendering (SandbarPreview *self,
                gboolean        highlight)
{
  GString *text;

  if (self->sbpl == NULL)
    return;

  text = self->inline_rendering ? self->sbpl->inline_text : self->sbpl->text;
  show_text (self, text->str, text->len, highlight);
}

/* Makes the table show @params: rows are updated in place and only the
 * difference in length is added or removed at the end. Replacing every
 * row would make the column view rebuild every row it shows. */
static void
show_params (SandbarPreview *self)
{
  GPtrArray *params = self->sbpl->params;
  GListModel *model = G_LIST_MODEL (self->params);
  guint n_shown = g_list_model_get_n_items (model);
  guint common = MIN (n_shown, params->len);

  for (guint i = 0; i < common; i++)
    {
      g_autoptr(SandbarPreviewParam) shown = g_list_model_get_item (model, i);
      SandbarSbplParam *param = g_ptr_array_index (params, i);

      sandbar_preview_param_set (shown, param->name, param->value);
    }

  if (params->len > n_shown)
    {
      g_autoptr(GPtrArray) added = g_ptr_array_new_full (params->len - n_shown, g_object_unref);

      for (guint i = n_shown; i < params->len; i++)
        {
          SandbarSbplParam *param = g_ptr_array_index (params, i);

          g_ptr_array_add (added, sandbar_preview_param_new (param->name, param->value));
        }
      g_list_store_splice (self->params, n_shown, 0, added->pdata, added->len);
    }
  else if (params->len < n_shown)
    g_list_store_splice (self->params, params->len, n_shown - params->len, NULL, 0);

  gtk_stack_set_visible_child_name (self->params_stack, params->len > 0 ? "list" : "empty");
}

static gboolean
page_visible (SandbarPreview *self,
              const char     *name)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), name) == 0;
}

/* The exact command line comes from the core's launcher, as for "Open
 * Terminal" and `sandbarctl args`. Preparing one writes launch files, so
 * it is done only while the page is shown; the files go when the launch
 * is freed. */
static SandbarLaunch *
prepare_launch (SandbarPreview  *self,
                GError         **error)
{
  if (self->backend == NULL)
    {
      g_set_error_literal (error, SANDBAR_BACKEND_ERROR, SANDBAR_BACKEND_ERROR_UNKNOWN,
                           _("This system has no sandbox backend"));
      return NULL;
    }

  return sandbar_launch_prepare (self->profile, self->resolver, SANDBAR_POLICY_NONE,
                                 self->backend, NULL, error);
}

static void
show_command_line (SandbarPreview *self)
{
  g_autoptr(SandbarLaunch) launch = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GString) notes = g_string_new (NULL);

  if (!self->command_dirty || self->profile == NULL || !page_visible (self, "command"))
    return;
  self->command_dirty = FALSE;

  launch = prepare_launch (self, &error);
  if (launch == NULL)
    {
      gtk_label_set_label (self->command_label, "");
      gtk_label_set_label (self->command_notes, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->command_notes), TRUE);
      return;
    }

  text = sandbar_terminal_shell_quote_argv ((const char * const *) launch->argv);
  gtk_label_set_label (self->command_label, text);

  for (guint i = 0; i < launch->warnings->len; i++)
    g_string_append_printf (notes, i > 0 ? "\n%s" : "%s",
                            (const char *) g_ptr_array_index (launch->warnings, i));
  gtk_label_set_label (self->command_notes, notes->str);
  gtk_widget_set_visible (GTK_WIDGET (self->command_notes), notes->len > 0);
}

/* Makes row @index of the list of limits say @text, adding the row if
 * there is none yet. */
static void
show_limit (SandbarPreview *self,
            guint           index,
            const char     *text)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->limits_list, index);
  GtkWidget *label;

  if (row == NULL)
    {
      label = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "limit");

      row = GTK_LIST_BOX_ROW (gtk_list_box_row_new ());
      gtk_list_box_row_set_activatable (row, FALSE);
      gtk_list_box_row_set_child (row, label);
      gtk_list_box_append (self->limits_list, GTK_WIDGET (row));
    }
  else
    label = gtk_list_box_row_get_child (row);

  gtk_label_set_label (GTK_LABEL (label), text);
}

/* The same words as `sandbarctl check`, from the same core function. It
 * asks the backend what it cannot enforce, which looks at the file
 * system, so it is done only while the page is shown. */
static void
show_summary (SandbarPreview *self)
{
  GPtrArray *limits;
  GtkListBoxRow *extra;

  if (!self->summary_dirty || self->policy == NULL || !page_visible (self, "summary"))
    return;
  self->summary_dirty = FALSE;

  g_clear_pointer (&self->summary, sandbar_summary_free);
  self->summary = sandbar_summary_new (self->profile, self->policy, self->backend);
  gtk_label_set_label (self->summary_label, self->summary->text);

  limits = self->summary->limits;
  for (guint i = 0; i < limits->len; i++)
    show_limit (self, i, g_ptr_array_index (limits, i));
  while ((extra = gtk_list_box_get_row_at_index (self->limits_list, limits->len)) != NULL)
    gtk_list_box_remove (self->limits_list, GTK_WIDGET (extra));
  gtk_widget_set_visible (self->limits_box, limits->len > 0);
}

static void
set_stale (SandbarPreview *self,
           const char     *message)
{
  gboolean stale = message != NULL;

  g_free (self->message);
  self->message = g_strdup (message);
  gtk_label_set_label (self->stale_label, message != NULL ? message : "");
  gtk_revealer_set_reveal_child (self->stale_revealer, stale);
  if (stale)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->source_view), "stale");
      gtk_widget_add_css_class (self->summary_box, "stale");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->source_view), "stale");
      gtk_widget_remove_css_class (self->summary_box, "stale");
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), !stale && self->sbpl != NULL);

  if (self->stale != stale)
    {
      self->stale = stale;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STALE]);
    }
}

/**
 * sandbar_preview_update:
 * @self: the preview
 * @profile: the profile as edited
 * @input_error: (nullable): a problem the editor found that the profile
 *   cannot show (text that is not a port number)
 *
 * Renders @profile with the core and shows the result at once. If it
 * cannot be rendered, the last good rendering stays, marked out of date,
 * with the reason.
 */
void
sandbar_preview_update (SandbarPreview *self,
                        SandbarProfile *profile,
                        const char     *input_error)
{
  g_autoptr(SandbarPolicy) policy = NULL;
  g_autoptr(GError) error = NULL;
  gboolean same_profile;

  g_return_if_fail (SANDBAR_IS_PREVIEW (self));
  g_return_if_fail (SANDBAR_IS_PROFILE (profile));
  g_return_if_fail (self->resolver != NULL);

  same_profile = g_strcmp0 (self->profile_id, sandbar_profile_get_id (profile)) == 0;
  if (!same_profile)
    {
      sandbar_preview_clear (self);
      self->profile_id = g_strdup (sandbar_profile_get_id (profile));
    }

  if (input_error != NULL)
    {
      set_stale (self, input_error);
      return;
    }

  policy = sandbar_policy_new (profile, self->resolver, SANDBAR_POLICY_NONE, &error);
  if (policy == NULL)
    {
      set_stale (self, error->message);
      return;
    }

  g_clear_pointer (&self->sbpl, sandbar_sbpl_free);
  self->sbpl = sandbar_sbpl_render (policy);
  g_clear_pointer (&self->policy, sandbar_policy_free);
  self->policy = g_steal_pointer (&policy);
  g_set_object (&self->profile, profile);
  self->command_dirty = TRUE;
  self->summary_dirty = TRUE;

  /* A profile just opened is not a change to point at. */
  show_rendering (self, same_profile && self->shown->len > 0);
  show_params (self);
  set_stale (self, NULL);
  show_command_line (self);
  show_summary (self);
}

/**
 * sandbar_preview_clear:
 * @self: the preview
 *
 * Empties the preview, for when no profile is selected.
 */
void
sandbar_preview_clear (SandbarPreview *self)
{
  g_return_if_fail (SANDBAR_IS_PREVIEW (self));

  g_clear_handle_id (&self->highlight_source, g_source_remove);
  g_clear_pointer (&self->sbpl, sandbar_sbpl_free);
  g_clear_pointer (&self->policy, sandbar_policy_free);
  g_clear_pointer (&self->summary, sandbar_summary_free);
  g_clear_pointer (&self->profile_id, g_free);
  g_clear_object (&self->profile);
  self->command_dirty = FALSE;
  self->summary_dirty = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->command_notes), FALSE);
  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (self->buffer), "", 0);
  g_string_truncate (self->shown, 0);
  g_list_store_remove_all (self->params);
  gtk_stack_set_visible_child_name (self->params_stack, "empty");
  gtk_label_set_label (self->command_label, "");
  gtk_label_set_label (self->summary_label, "");
  gtk_widget_set_visible (self->limits_box, FALSE);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->profile_scroller), 0);
  set_stale (self, NULL);
}

gboolean
sandbar_preview_get_stale (SandbarPreview *self)
{
  g_return_val_if_fail (SANDBAR_IS_PREVIEW (self), FALSE);
  return self->stale;
}

/**
 * sandbar_preview_get_message:
 * @self: the preview
 *
 * Returns: (nullable): why the preview is out of date
 */
const char *
sandbar_preview_get_message (SandbarPreview *self)
{
  g_return_val_if_fail (SANDBAR_IS_PREVIEW (self), NULL);
  return self->message;
}

gboolean
sandbar_preview_get_inline (SandbarPreview *self)
{
  g_return_val_if_fail (SANDBAR_IS_PREVIEW (self), FALSE);
  return self->inline_rendering;
}

void
sandbar_preview_set_inline (SandbarPreview *self,
                            gboolean        inline_rendering)
{
  g_return_if_fail (SANDBAR_IS_PREVIEW (self));

  inline_rendering = !!inline_rendering;
  if (self->inline_rendering == (guint) inline_rendering)
    return;

  self->inline_rendering = inline_rendering;
  gtk_switch_set_active (self->inline_switch, inline_rendering);
  show_rendering (self, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INLINE]);
}

/* ---------------------------------------------------------------------- */
/* Buttons                                                                */
/* ---------------------------------------------------------------------- */

static void
on_inline_toggled (SandbarPreview *self)
{
  sandbar_preview_set_inline (self, gtk_switch_get_active (self->inline_switch));
}

static void
on_page_changed (SandbarPreview *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  /* Inline paths change only the profile text. */
  gtk_widget_set_visible (self->inline_box, g_strcmp0 (page, "profile") == 0);

  /* A column view follows every change of its model, shown or not: the
   * table is attached only while it can be seen. */
  gtk_column_view_set_model (self->params_view, g_strcmp0 (page, "parameters") == 0
                                                  ? self->params_selection : NULL);
  show_command_line (self);
  show_summary (self);
}

static void
on_copy_clicked (SandbarPreview *self)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (self));
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  if (g_str_equal (page, "parameters"))
    {
      g_autoptr(GString) text = g_string_new (NULL);
      GListModel *model = G_LIST_MODEL (self->params);

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(SandbarPreviewParam) param = g_list_model_get_item (model, i);

          g_string_append_printf (text, "%s=%s\n", param->name, param->value);
        }
      gdk_clipboard_set_text (clipboard, text->str);
      show_toast (self, _("Parameters copied"));
    }
  else if (g_str_equal (page, "command"))
    {
      g_autoptr(SandbarLaunch) launch = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;

      /* A command line that can be pasted and run as it is: its launch
       * files stay (until a later launch clears out old ones). */
      if (self->stale || self->profile == NULL || (launch = prepare_launch (self, &error)) == NULL)
        {
          show_toast (self, error != NULL ? error->message : self->message);
          return;
        }
      if (launch->dir != NULL)
        sandbar_private_dir_set_keep (launch->dir, TRUE);
      text = sandbar_terminal_shell_quote_argv ((const char * const *) launch->argv);
      gdk_clipboard_set_text (clipboard, text);
      show_toast (self, _("Command line copied"));
    }
  else if (g_str_equal (page, "summary"))
    {
      g_autofree char *text = NULL;

      /* As the page shows it, out of date or not: as `sandbarctl check`
       * prints it. */
      if (self->summary == NULL)
        {
          if (self->message != NULL)
            show_toast (self, self->message);
          return;
        }
      text = sandbar_summary_to_text (self->summary);
      gdk_clipboard_set_text (clipboard, text);
      show_toast (self, _("Summary copied"));
    }
  else
    {
      gdk_clipboard_set_text (clipboard, self->shown->str);
      show_toast (self, _("Profile copied"));
    }
}

static void
on_export_response (SandbarPreview  *self,
                    int              response,
                    GtkNativeDialog *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT && self->sbpl != NULL && !self->stale)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;
      g_autofree char *message = NULL;
      g_autofree char *name = g_file_get_basename (file);

      /* g_file_replace_contents() writes a temporary file and renames it
       * over the target: an existing file is never left half written. */
      if (g_file_replace_contents (file, self->sbpl->inline_text->str,
                                   self->sbpl->inline_text->len, NULL, FALSE,
                                   G_FILE_CREATE_NONE, NULL, NULL, &error))
        /* Translators: %s is a file name */
        message = g_strdup_printf (_("Exported “%s”"), name);
      else
        /* Translators: the first %s is a file name, the second why it failed */
        message = g_strdup_printf (_("Could not export “%s”: %s"), name, error->message);
      show_toast (self, message);
    }

  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);
}

static void
on_export_clicked (SandbarPreview *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *name = NULL;

  if (self->chooser != NULL || self->sbpl == NULL)
    return;

  self->chooser = GTK_NATIVE_DIALOG (
    gtk_file_chooser_native_new (_("Export Seatbelt Profile"),
                                 GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                 GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel")));
  name = g_strconcat (self->profile_id != NULL ? self->profile_id : "profile", ".sb", NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  gtk_native_dialog_set_modal (self->chooser, TRUE);
  g_signal_connect_swapped (self->chooser, "response", G_CALLBACK (on_export_response), self);
  gtk_native_dialog_show (self->chooser);
}

/* ---------------------------------------------------------------------- */
/* Style                                                                  */
/* ---------------------------------------------------------------------- */

static void
update_style_scheme (SandbarPreview *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GtkSourceStyleSchemeManager *schemes = gtk_source_style_scheme_manager_get_default ();
  const char *id = adw_style_manager_get_dark (manager) ? "Adwaita-dark" : "Adwaita";
  GdkRGBA highlight;

  gtk_source_buffer_set_style_scheme (self->buffer,
                                      gtk_source_style_scheme_manager_get_scheme (schemes, id));

  /* A soft yellow that reads on both backgrounds. */
  gdk_rgba_parse (&highlight, adw_style_manager_get_dark (manager) ? "rgba(246,211,45,0.22)"
                                                                  : "rgba(246,211,45,0.40)");
  g_object_set (self->changed_tag, "paragraph-background-rgba", &highlight, NULL);
}

static void
setup_label (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_add_css_class (label, "monospace");
  gtk_list_item_set_child (item, label);
}

static void
bind_label (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  GObject *param = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  const char *property = user_data;
  GBinding *text;
  GBinding *tooltip;

  text = g_object_bind_property (param, property, label, "label", G_BINDING_SYNC_CREATE);
  tooltip = g_object_bind_property (param, property, label, "tooltip-text",
                                    G_BINDING_SYNC_CREATE);
  g_object_set_data (G_OBJECT (item), "text-binding", text);
  g_object_set_data (G_OBJECT (item), "tooltip-binding", tooltip);
}

static void
unbind_label (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  g_binding_unbind (g_object_get_data (G_OBJECT (item), "text-binding"));
  g_binding_unbind (g_object_get_data (G_OBJECT (item), "tooltip-binding"));
}

static void
add_column (SandbarPreview *self,
            const char     *title,
            const char     *property)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_label), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_label), (gpointer) property);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_label), (gpointer) property);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_expand (column, g_str_equal (property, "value"));
  gtk_column_view_append_column (self->params_view, column);
}

/* ---------------------------------------------------------------------- */
/* GObject                                                                */
/* ---------------------------------------------------------------------- */

static void
sandbar_preview_dispose (GObject *object)
{
  SandbarPreview *self = SANDBAR_PREVIEW (object);

  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  g_clear_handle_id (&self->highlight_source, g_source_remove);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), SANDBAR_TYPE_PREVIEW);

  G_OBJECT_CLASS (sandbar_preview_parent_class)->dispose (object);
}

static void
sandbar_preview_finalize (GObject *object)
{
  SandbarPreview *self = SANDBAR_PREVIEW (object);

  g_clear_object (&self->resolver);
  g_clear_object (&self->backend);
  g_clear_object (&self->profile);
  g_clear_object (&self->buffer);
  g_clear_object (&self->params_selection);
  g_clear_object (&self->params);
  g_clear_pointer (&self->sbpl, sandbar_sbpl_free);
  g_clear_pointer (&self->policy, sandbar_policy_free);
  g_clear_pointer (&self->summary, sandbar_summary_free);
  g_string_free (self->shown, TRUE);
  g_free (self->profile_id);
  g_free (self->message);

  G_OBJECT_CLASS (sandbar_preview_parent_class)->finalize (object);
}

static void
sandbar_preview_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SandbarPreview *self = SANDBAR_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_RESOLVER:
      g_value_set_object (value, self->resolver);
      break;
    case PROP_INLINE:
      g_value_set_boolean (value, self->inline_rendering);
      break;
    case PROP_STALE:
      g_value_set_boolean (value, self->stale);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sandbar_preview_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SandbarPreview *self = SANDBAR_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_RESOLVER:
      if (g_set_object (&self->resolver, g_value_get_object (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_INLINE:
      sandbar_preview_set_inline (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sandbar_preview_class_init (SandbarPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sandbar_preview_dispose;
  object_class->finalize = sandbar_preview_finalize;
  object_class->get_property = sandbar_preview_get_property;
  object_class->set_property = sandbar_preview_set_property;

  properties[PROP_RESOLVER] =
    g_param_spec_object ("resolver", NULL, NULL, SANDBAR_TYPE_PATH_RESOLVER,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_INLINE] =
    g_param_spec_boolean ("inline", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_STALE] =
    g_param_spec_boolean ("stale", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (GTK_SOURCE_TYPE_VIEW);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/sandbar-preview.ui");
  gtk_widget_class_bind_template_child (widget_class, SandbarPreview, box);
  gtk_widget_class_bind_template_child (widget_class, SandbarPreview, inline_box);
  gtk_widget_class_bind_template_child (widget_class, SandbarPreview, inline_switch);
  gtk_widget_class_bind_template_child (widget_class, SandbarPreview, copy_button);
  gtk_widget_class_bind_template_child (widget_class, SandbarPreview, export_button);
  gtk_widget_class_bind_template_child (widget_class, SandbarPreview, stale_revealer);
  gtk_widget_class_bind_template_child (widget_class, SandbarPreview, stale_label);
  gtk_widget_class_bind_template_child (widget_class, SandbarPreview, stack);
  gtk_widget_class_bind_template_child (widget_class, SandbarPreview, profile_scroller);
  gtk_widget_class_bind_template_child (widget_class, SandbarPreview, source_view);
  gtk_widget_class_bind_template_child (widget_class, SandbarPreview, params_stack);
  gtk_widget_class_bind_template_child (widget_class, SandbarPreview, params_view);
  gtk_widget_class_bind_template_child (widget_class, SandbarPreview, command_intro);
  gtk_widget_class_bind_template_child (widget_class, SandbarPreview, command_label);
  gtk_widget_class_bind_template_child (widget_class, SandbarPreview, command_notes);
  gtk_widget_class_bind_template_child (widget_class, SandbarPreview, summary_box);
  gtk_widget_class_bind_template_child (widget_class, SandbarPreview, summary_label);
  gtk_widget_class_bind_template_child (widget_class, SandbarPreview, limits_box);
  gtk_widget_class_bind_template_child (widget_class, SandbarPreview, limits_list);
  gtk_widget_class_bind_template_callback (widget_class, on_inline_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_copy_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked);
}

/* A language manager that knows only data/sbpl.lang and GtkSourceView's
 * def.lang, which it builds on (both in the resources): the default
 * manager reads the header of each of the ~170 language files
 * GtkSourceView installs before it can find one, which at start-up costs
 * about a tenth of building the window. */
static GtkSourceLanguage *
get_sbpl_language (void)
{
  static GtkSourceLanguageManager *languages;

  if (languages == NULL)
    {
#ifdef SANDBAR_BUNDLED_DEF_LANG
      const char * const search_path[] = { LANGUAGE_SPECS, NULL };

      /* The library is static: referring to the resource keeps the
       * object that registers it. */
      g_assert (sandbar_language_specs_get_resource () != NULL);
      languages = gtk_source_language_manager_new ();
      gtk_source_language_manager_set_search_path (languages, search_path);
#else
      languages = gtk_source_language_manager_get_default ();
      if (!g_strv_contains (gtk_source_language_manager_get_search_path (languages),
                            LANGUAGE_SPECS))
        gtk_source_language_manager_append_search_path (languages, LANGUAGE_SPECS);
#endif
    }

  return gtk_source_language_manager_get_language (languages, "sbpl");
}

static void
sandbar_preview_init (SandbarPreview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->shown = g_string_new (NULL);
  self->buffer = gtk_source_buffer_new (NULL);
  gtk_source_buffer_set_language (self->buffer, get_sbpl_language ());
  gtk_source_buffer_set_highlight_matching_brackets (self->buffer, FALSE);
  /* Read-only text: nothing to undo, and no history to grow. */
  gtk_text_buffer_set_enable_undo (GTK_TEXT_BUFFER (self->buffer), FALSE);
  self->changed_tag = gtk_text_buffer_create_tag (GTK_TEXT_BUFFER (self->buffer), "changed", NULL);
  gtk_text_view_set_buffer (GTK_TEXT_VIEW (self->source_view), GTK_TEXT_BUFFER (self->buffer));

  self->params = g_list_store_new (SANDBAR_TYPE_PREVIEW_PARAM);
  self->params_selection =
    GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->params))));
  add_column (self, _("Name"), "name");
  add_column (self, _("Value"), "value");

  g_signal_connect_swapped (self->stack, "notify::visible-child-name",
                            G_CALLBACK (on_page_changed), self);
  g_signal_connect_swapped (adw_style_manager_get_default (), "notify::dark",
                            G_CALLBACK (update_style_scheme), self);
  update_style_scheme (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), FALSE);

  /* This system's sandbox: bubblewrap on Linux, Seatbelt on macOS. */
  self->backend = sandbar_backend_new (NULL, NULL);
  gtk_label_set_label (self->command_intro,
                       _("“Open Terminal” runs this command line in the terminal. The files "
                         "it names are written fresh for every launch."));
}
