/* test-window-i18n.c — the window in German and in French
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the application with $LANGUAGE set (meson runs it once per
 * language) and the catalogues as built ($SANDBAR_LOCALEDIR = the build's
 * po/), the way main() sets up gettext. Checks what a user sees first —
 * the window's main button, the built-in profiles a new folder is seeded
 * with, a section of the editor — and saves a screenshot, window-LANG.png,
 * for people to look at.
 *
 * Runs under Xvfb (see meson.build); without a display it is skipped.
 */

#include "config.h"

#include <gtksourceview/gtksource.h>

#include "sandbar-application.h"
#include "sandbar-editor.h"
#include "sandbar-i18n.h"
#include "sandbar-profile-store.h"
#include "sandbar-window.h"

#define TEST_APP_ID "io.github.sandbar.Sandbar.TestI18n"

typedef struct
{
  const char *language;
  const char *open_terminal;   /* the header bar's main button */
  const char *docker_only;     /* a built-in profile's name */
  const char *network_title;   /* the editor's Network section */
} Expected;

static const Expected expectations[] = {
  { "de", "Terminal ö_ffnen", "Nur Docker", "Netzwerk" },
  { "fr", "_Ouvrir un terminal", "Docker uniquement", "Réseau" },
};

static const Expected *expected;

static void
wait_ms (guint ms)
{
  gint64 until = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = g_strconcat (name, ".png", NULL);
  g_autofree char *path = NULL;
  const char *dir = g_getenv ("SANDBAR_SCREENSHOT_DIR");
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  int width, height;

  gtk_test_widget_wait_for_draw (widget);
  wait_ms (500);

  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));

  if (dir == NULL)
    dir = g_get_tmp_dir ();
  g_assert_no_errno (g_mkdir_with_parents (dir, 0755));
  path = g_build_filename (dir, file, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Screenshot: %s", path);
}

static void
test_translated (void)
{
  g_autoptr(SandbarApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  SandbarProfileStore *store;
  SandbarProfile *profile;
  GtkWindow *window;
  GtkWidget *button;
  GtkWidget *editor;
  AdwPreferencesGroup *network;

  /* The trash needs them; an isolated test starts without them. */
  g_assert_no_errno (g_mkdir_with_parents (g_get_home_dir (), 0700));
  g_setenv ("HOME", g_get_home_dir (), TRUE);
  g_assert_no_errno (g_mkdir_with_parents (g_get_user_config_dir (), 0700));
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_LIGHT);

  app = sandbar_application_new (TEST_APP_ID, G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  window = sandbar_application_get_window (app);
  g_assert_nonnull (window);

  /* A new profiles folder: the built-in profiles in the user's language. */
  store = sandbar_application_get_store (app);
  g_assert_true (sandbar_profile_store_get_seeded (store));
  profile = sandbar_profile_store_lookup (store, "docker-only");
  g_assert_nonnull (profile);
  g_assert_cmpstr (sandbar_profile_get_name (profile), ==, expected->docker_only);

  button = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), SANDBAR_TYPE_WINDOW,
                                                      "launch_button"));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, expected->open_terminal);

  editor = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), SANDBAR_TYPE_WINDOW,
                                                      "editor"));
  network = ADW_PREFERENCES_GROUP (gtk_widget_get_template_child (editor, SANDBAR_TYPE_EDITOR,
                                                                  "network_group"));
  g_assert_cmpstr (adw_preferences_group_get_title (network), ==, expected->network_title);

  g_assert_true (sandbar_window_select_profile (SANDBAR_WINDOW (window), "docker-only"));
  gtk_window_set_default_size (window, 1280, 800);
  gtk_window_present (window);
  name = g_strconcat ("window-", expected->language, NULL);
  save_screenshot (GTK_WIDGET (window), name);

  gtk_window_destroy (window);
  wait_ms (50);
}

int
main (int   argc,
      char *argv[])
{
  const char *language = g_getenv ("LANGUAGE");
  g_auto(GStrv) mime_dirs = NULL;

  /* As main() does, with the catalogues from $SANDBAR_LOCALEDIR. */
  sandbar_i18n_init ();
  gtk_disable_setlocale ();
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 77;
    }

  for (guint i = 0; i < G_N_ELEMENTS (expectations); i++)
    if (g_strcmp0 (language, expectations[i].language) == 0)
      expected = &expectations[i];
  if (expected == NULL || g_getenv ("SANDBAR_LOCALEDIR") == NULL)
    {
      g_print ("1..0 # SKIP set LANGUAGE to de or fr, and SANDBAR_LOCALEDIR\n");
      return 77;
    }

  /* GTK's icons, GtkSourceView's languages and styles and the MIME
   * database are the system's: look them up before the folders are
   * isolated. */
  gtk_source_init ();
  gtk_source_language_manager_get_search_path (gtk_source_language_manager_get_default ());
  gtk_source_style_scheme_manager_get_search_path (
    gtk_source_style_scheme_manager_get_default ());
  gtk_icon_theme_get_for_display (gdk_display_get_default ());
  {
    const char * const *data_dirs = g_get_system_data_dirs ();
    g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

    for (guint i = 0; data_dirs[i] != NULL; i++)
      {
        g_autofree char *dir = g_build_filename (data_dirs[i], "mime", NULL);

        g_strv_builder_add (builder, dir);
      }
    mime_dirs = g_strv_builder_end (builder);
  }

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  /* Icons are loaded by their MIME type. */
  g_content_type_set_mime_dirs ((const char * const *) mime_dirs);
  g_unsetenv ("SANDBAR_PROFILES_DIR");

  g_test_add_func ("/sandbar/window-i18n/translated", test_translated);

  return g_test_run ();
}
