/* sandbar-status-menu.c — the entries of the menu-bar and tray menu
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Mirrors a GListModel of SandbarProfile and announces two kinds of
 * change, because the D-Bus menu protocol tells them apart:
 *
 * - "layout-changed": the sequence of entry ids changed (a profile was
 *   added, removed or moved);
 * - "entries-changed" (a GArray of int ids): the label or the enabled
 *   state of entries that still exist changed (a rename, an action
 *   disabled).
 *
 * A rename that moves a profile in a sorted model gives both. Ids follow
 * the profile id, not the object, so a profile the store reloads from
 * disk keeps its entry.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sandbar-profile.h"
#include "sandbar-status-menu.h"

typedef struct
{
  SandbarStatusEntry  entry;         /* first: the public part */
  SandbarProfile     *profile;       /* owned */
  gulong              name_handler;
  SandbarStatusMenu  *menu;          /* borrowed: owns us */
  char               *label;
} ProfileEntry;

struct _SandbarStatusMenu
{
  GObject              parent_instance;

  /* Owned */
  GListModel          *profiles;
  GActionGroup        *actions;
  GPtrArray           *entries;        /* of ProfileEntry, in model order */
  GHashTable          *ids;            /* profile id → menu id */
  SandbarStatusEntry   fixed[3];       /* separator, edit, quit */
  char                *fixed_labels[3];

  int                  next_id;
  gulong               items_changed_handler;
  gulong               action_handlers[3];
};

G_DEFINE_FINAL_TYPE (SandbarStatusMenu, sandbar_status_menu, G_TYPE_OBJECT)

enum {
  LAYOUT_CHANGED,
  ENTRIES_CHANGED,
  ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Whether @action can be activated with @target right now. */
static gboolean
action_usable (SandbarStatusMenu *self,
               const char        *action,
               GVariant          *target)
{
  const GVariantType *parameter_type = NULL;
  gboolean enabled = FALSE;

  if (!g_action_group_query_action (self->actions, action, &enabled, &parameter_type,
                                    NULL, NULL, NULL))
    return FALSE;

  if (target == NULL ? parameter_type != NULL
                     : parameter_type == NULL || !g_variant_is_of_type (target, parameter_type))
    {
      /* A mistake in the application, not something a user can cause. */
      g_warning_once ("Action “%s” does not take the parameter the status menu gives it", action);
      return FALSE;
    }

  return enabled;
}

static char *
profile_label (SandbarProfile *profile)
{
  const char *name = sandbar_profile_get_name (profile);

  /* A profile without a name is still something to click on. */
  return g_strdup (name != NULL && *name != '\0' ? name : sandbar_profile_get_id (profile));
}

static void
emit_entries_changed (SandbarStatusMenu *self,
                      GArray            *ids)
{
  if (ids->len > 0)
    g_signal_emit (self, signals[ENTRIES_CHANGED], 0, ids);
}

static void
on_name_changed (SandbarProfile *profile,
                 GParamSpec     *pspec,
                 gpointer        user_data)
{
  ProfileEntry *pe = user_data;
  g_autofree char *label = profile_label (profile);
  g_autoptr(GArray) ids = NULL;

  if (g_strcmp0 (label, pe->label) == 0)
    return;

  g_free (pe->label);
  pe->label = g_steal_pointer (&label);
  pe->entry.label = pe->label;

  ids = g_array_new (FALSE, FALSE, sizeof (int));
  g_array_append_val (ids, pe->entry.id);
  emit_entries_changed (pe->menu, ids);
}

static gboolean
id_in_use (SandbarStatusMenu *self,
           int                id)
{
  for (guint i = 0; i < self->entries->len; i++)
    {
      ProfileEntry *pe = g_ptr_array_index (self->entries, i);

      if (pe->entry.id == id)
        return TRUE;
    }
  return FALSE;
}

static int
id_for_profile (SandbarStatusMenu *self,
                const char        *profile_id)
{
  gpointer value;
  int id;

  if (g_hash_table_lookup_extended (self->ids, profile_id, NULL, &value))
    {
      id = GPOINTER_TO_INT (value);
      /* Two profiles with one id cannot come from the store; another
       * model might have them, and menu ids must stay unique. */
      if (!id_in_use (self, id))
        return id;
      return self->next_id++;
    }

  id = self->next_id++;
  g_hash_table_insert (self->ids, g_strdup (profile_id), GINT_TO_POINTER (id));
  return id;
}

static ProfileEntry *
profile_entry_new (SandbarStatusMenu *self,
                   SandbarProfile    *profile)
{
  ProfileEntry *pe = g_new0 (ProfileEntry, 1);

  pe->menu = self;
  pe->profile = g_object_ref (profile);
  pe->label = profile_label (profile);
  pe->entry.id = id_for_profile (self, sandbar_profile_get_id (profile));
  pe->entry.kind = SANDBAR_STATUS_ENTRY_PROFILE;
  pe->entry.label = pe->label;
  pe->entry.action = SANDBAR_STATUS_ITEM_ACTION_LAUNCH;
  pe->entry.target = g_variant_ref_sink (g_variant_new_string (sandbar_profile_get_id (profile)));
  pe->entry.enabled = action_usable (self, SANDBAR_STATUS_ITEM_ACTION_LAUNCH, pe->entry.target);
  pe->name_handler = g_signal_connect (profile, "notify::name",
                                       G_CALLBACK (on_name_changed), pe);
  return pe;
}

static void
profile_entry_free (gpointer data)
{
  ProfileEntry *pe = data;

  g_clear_signal_handler (&pe->name_handler, pe->profile);
  g_clear_object (&pe->profile);
  g_clear_pointer (&pe->entry.target, g_variant_unref);
  g_clear_pointer (&pe->label, g_free);
  g_free (pe);
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    user_data)
{
  SandbarStatusMenu *self = user_data;
  g_autoptr(GHashTable) old_labels = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autoptr(GArray) old_ids = g_array_sized_new (FALSE, FALSE, sizeof (int), removed);
  g_autoptr(GArray) changed = g_array_new (FALSE, FALSE, sizeof (int));
  gboolean layout_changed = removed != added;

  g_return_if_fail (position + removed <= self->entries->len);

  for (guint i = 0; i < removed; i++)
    {
      ProfileEntry *pe = g_ptr_array_index (self->entries, position + i);

      g_array_append_val (old_ids, pe->entry.id);
      g_hash_table_insert (old_labels, GINT_TO_POINTER (pe->entry.id), g_steal_pointer (&pe->label));
    }
  g_ptr_array_remove_range (self->entries, position, removed);

  for (guint i = 0; i < added; i++)
    {
      g_autoptr(SandbarProfile) profile = g_list_model_get_item (model, position + i);
      ProfileEntry *pe = profile_entry_new (self, profile);
      const char *old_label;

      g_ptr_array_insert (self->entries, position + i, pe);

      if (i < old_ids->len && g_array_index (old_ids, int, i) != pe->entry.id)
        layout_changed = TRUE;

      /* An entry that was only moved keeps its id; tell about its new
       * label if it was renamed on the way (a sorted model moves a
       * profile when it is renamed). */
      if (g_hash_table_lookup_extended (old_labels, GINT_TO_POINTER (pe->entry.id),
                                        NULL, (gpointer *) &old_label) &&
          g_strcmp0 (old_label, pe->label) != 0)
        g_array_append_val (changed, pe->entry.id);
    }

  if (layout_changed)
    g_signal_emit (self, signals[LAYOUT_CHANGED], 0);
  emit_entries_changed (self, changed);
}

/* An action of the application was added, removed, enabled or disabled. */
static void
on_action_changed (SandbarStatusMenu *self,
                   const char        *action_name)
{
  g_autoptr(GArray) changed = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint i = 0; i < self->entries->len; i++)
    {
      SandbarStatusEntry *entry = g_ptr_array_index (self->entries, i);
      gboolean enabled;

      if (g_strcmp0 (entry->action, action_name) != 0)
        continue;
      enabled = action_usable (self, entry->action, entry->target);
      if (enabled != entry->enabled)
        {
          entry->enabled = enabled;
          g_array_append_val (changed, entry->id);
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (self->fixed); i++)
    {
      SandbarStatusEntry *entry = &self->fixed[i];
      gboolean enabled;

      if (g_strcmp0 (entry->action, action_name) != 0)
        continue;
      enabled = action_usable (self, entry->action, entry->target);
      if (enabled != entry->enabled)
        {
          entry->enabled = enabled;
          g_array_append_val (changed, entry->id);
        }
    }

  emit_entries_changed (self, changed);
}

static void
on_action_added_or_removed (GActionGroup *actions,
                            const char   *action_name,
                            gpointer      user_data)
{
  on_action_changed (user_data, action_name);
}

static void
on_action_enabled_changed (GActionGroup *actions,
                           const char   *action_name,
                           gboolean      enabled,
                           gpointer      user_data)
{
  on_action_changed (user_data, action_name);
}

static void
sandbar_status_menu_dispose (GObject *object)
{
  SandbarStatusMenu *self = (SandbarStatusMenu *)object;

  if (self->actions != NULL)
    for (guint i = 0; i < G_N_ELEMENTS (self->action_handlers); i++)
      g_clear_signal_handler (&self->action_handlers[i], self->actions);
  g_clear_signal_handler (&self->items_changed_handler, self->profiles);
  if (self->entries != NULL)
    g_ptr_array_set_size (self->entries, 0);

  g_clear_object (&self->profiles);
  g_clear_object (&self->actions);

  G_OBJECT_CLASS (sandbar_status_menu_parent_class)->dispose (object);
}

static void
sandbar_status_menu_finalize (GObject *object)
{
  SandbarStatusMenu *self = (SandbarStatusMenu *)object;

  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->ids, g_hash_table_unref);
  for (guint i = 0; i < G_N_ELEMENTS (self->fixed_labels); i++)
    g_clear_pointer (&self->fixed_labels[i], g_free);

  G_OBJECT_CLASS (sandbar_status_menu_parent_class)->finalize (object);
}

static void
sandbar_status_menu_class_init (SandbarStatusMenuClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sandbar_status_menu_dispose;
  object_class->finalize = sandbar_status_menu_finalize;

  /**
   * SandbarStatusMenu::layout-changed:
   *
   * Entries were added, removed or moved.
   */
  signals[LAYOUT_CHANGED] =
    g_signal_new ("layout-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * SandbarStatusMenu::entries-changed:
   * @ids: (element-type int): the ids of the entries
   *
   * The label or enabled state of existing entries changed.
   */
  signals[ENTRIES_CHANGED] =
    g_signal_new ("entries-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ARRAY);

  /**
   * SandbarStatusMenu::activated:
   * @id: the entry
   *
   * An entry's action was activated.
   */
  signals[ACTIVATED] =
    g_signal_new ("activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
}

static void
sandbar_status_menu_init (SandbarStatusMenu *self)
{
  self->entries = g_ptr_array_new_with_free_func (profile_entry_free);
  self->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->next_id = SANDBAR_STATUS_MENU_FIRST_PROFILE_ID;
}

/**
 * sandbar_status_menu_new:
 * @profiles: a #GListModel of #SandbarProfile
 * @actions: the application's actions
 *
 * Returns: (transfer full): the menu, following @profiles and @actions
 */
SandbarStatusMenu *
sandbar_status_menu_new (GListModel   *profiles,
                         GActionGroup *actions)
{
  SandbarStatusMenu *self;
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (profiles), NULL);
  g_return_val_if_fail (g_type_is_a (g_list_model_get_item_type (profiles),
                                     SANDBAR_TYPE_PROFILE), NULL);
  g_return_val_if_fail (G_IS_ACTION_GROUP (actions), NULL);

  self = g_object_new (SANDBAR_TYPE_STATUS_MENU, NULL);
  self->profiles = g_object_ref (profiles);
  self->actions = g_object_ref (actions);

  /* Translated now rather than in a static table: the locale is set by
   * the time the application builds its menu. */
  self->fixed_labels[1] = g_strdup (
    /* Translators: menu-bar and tray menu entry that opens the window */
    _("Edit Profiles…"));
  self->fixed_labels[2] = g_strdup (
    /* Translators: menu-bar and tray menu entry */
    _("Quit"));

  self->fixed[0] = (SandbarStatusEntry) {
    .id = SANDBAR_STATUS_MENU_SEPARATOR_ID,
    .kind = SANDBAR_STATUS_ENTRY_SEPARATOR,
  };
  self->fixed[1] = (SandbarStatusEntry) {
    .id = SANDBAR_STATUS_MENU_EDIT_ID,
    .kind = SANDBAR_STATUS_ENTRY_ACTION,
    .label = self->fixed_labels[1],
    .action = SANDBAR_STATUS_ITEM_ACTION_PRESENT,
    .enabled = action_usable (self, SANDBAR_STATUS_ITEM_ACTION_PRESENT, NULL),
  };
  self->fixed[2] = (SandbarStatusEntry) {
    .id = SANDBAR_STATUS_MENU_QUIT_ID,
    .kind = SANDBAR_STATUS_ENTRY_ACTION,
    .label = self->fixed_labels[2],
    .action = SANDBAR_STATUS_ITEM_ACTION_QUIT,
    .enabled = action_usable (self, SANDBAR_STATUS_ITEM_ACTION_QUIT, NULL),
  };

  n = g_list_model_get_n_items (profiles);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SandbarProfile) profile = g_list_model_get_item (profiles, i);

      g_ptr_array_add (self->entries, profile_entry_new (self, profile));
    }

  self->items_changed_handler =
    g_signal_connect (profiles, "items-changed", G_CALLBACK (on_items_changed), self);
  self->action_handlers[0] =
    g_signal_connect (actions, "action-added", G_CALLBACK (on_action_added_or_removed), self);
  self->action_handlers[1] =
    g_signal_connect (actions, "action-removed", G_CALLBACK (on_action_added_or_removed), self);
  self->action_handlers[2] =
    g_signal_connect (actions, "action-enabled-changed",
                      G_CALLBACK (on_action_enabled_changed), self);

  return self;
}

guint
sandbar_status_menu_get_n_entries (SandbarStatusMenu *self)
{
  g_return_val_if_fail (SANDBAR_IS_STATUS_MENU (self), 0);

  return self->entries->len + G_N_ELEMENTS (self->fixed);
}

/**
 * sandbar_status_menu_get_entry:
 * @self: a #SandbarStatusMenu
 * @position: from 0 to the number of entries
 *
 * Returns: (transfer none) (nullable): the entry at @position
 */
const SandbarStatusEntry *
sandbar_status_menu_get_entry (SandbarStatusMenu *self,
                               guint              position)
{
  g_return_val_if_fail (SANDBAR_IS_STATUS_MENU (self), NULL);

  if (position < self->entries->len)
    return g_ptr_array_index (self->entries, position);
  position -= self->entries->len;
  if (position < G_N_ELEMENTS (self->fixed))
    return &self->fixed[position];
  return NULL;
}

/**
 * sandbar_status_menu_lookup:
 * @self: a #SandbarStatusMenu
 * @id: an entry id, from anyone (a D-Bus peer, for one)
 *
 * Returns: (transfer none) (nullable): the entry with @id, or %NULL
 */
const SandbarStatusEntry *
sandbar_status_menu_lookup (SandbarStatusMenu *self,
                            int                id)
{
  g_return_val_if_fail (SANDBAR_IS_STATUS_MENU (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (self->fixed); i++)
    if (self->fixed[i].id == id)
      return &self->fixed[i];

  for (guint i = 0; i < self->entries->len; i++)
    {
      const SandbarStatusEntry *entry = g_ptr_array_index (self->entries, i);

      if (entry->id == id)
        return entry;
    }

  return NULL;
}

/**
 * sandbar_status_menu_activate:
 * @self: a #SandbarStatusMenu
 * @id: an entry id, from anyone
 *
 * Activates the action of the entry with @id, as a click on it does.
 * Nothing happens for an unknown id, the separator or a disabled entry.
 *
 * The action runs before this returns and may drop the last reference to
 * whatever called this, but not to @self.
 *
 * Returns: whether an action was activated
 */
gboolean
sandbar_status_menu_activate (SandbarStatusMenu *self,
                              int                id)
{
  g_autoptr(SandbarStatusMenu) keep = NULL;
  g_autofree char *action = NULL;
  g_autoptr(GVariant) target = NULL;
  const SandbarStatusEntry *entry;

  g_return_val_if_fail (SANDBAR_IS_STATUS_MENU (self), FALSE);

  entry = sandbar_status_menu_lookup (self, id);
  if (entry == NULL || entry->action == NULL ||
      !action_usable (self, entry->action, entry->target))
    return FALSE;

  /* The action may change the model (and so free @entry) or drop the
   * caller: keep what is needed. */
  keep = g_object_ref (self);
  action = g_strdup (entry->action);
  target = entry->target != NULL ? g_variant_ref (entry->target) : NULL;

  g_action_group_activate_action (self->actions, action, target);
  g_signal_emit (self, signals[ACTIVATED], 0, id);
  return TRUE;
}
