/* test-launcher.c — running a prepared launch
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sandbar_launch_run() with the recorder standing in for the sandbox
 * program: what the command is started with.
 */

#include "config.h"

#include <sys/wait.h>

#include "sandbar-bundle.h"
#include "sandbar-launcher.h"
#include "sandbar-test-recorder.h"

/* Inside Sandbar.app, Sandbar's own XDG_DATA_DIRS and GTK variables are
 * the bundle's (core/sandbar-bundle.c): the sandboxed command gets the
 * user's. In a subprocess, which may change the environment. */
static void
test_run_bundle_environment (void)
{
  const char *user_data_dirs = "/home/me/.local/share/flatpak/exports/share:/usr/share";
  g_autoptr(GError) error = NULL;
  g_autoptr(SandbarProfile) profile = NULL;
  g_autoptr(SandbarPathResolver) resolver = NULL;
  g_autoptr(SandbarLaunch) launch = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *resources = NULL;
  g_autofree char *out = NULL;
  g_autofree char *env_out = NULL;
  g_auto(GStrv) record = NULL;
  g_auto(GStrv) env = NULL;
  int wait_status = -1;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  tmp = g_dir_make_tmp ("sandbar-launcher-XXXXXX", &error);
  g_assert_no_error (error);
  resources = g_build_filename (tmp, "Sandbar.app", "Contents", "Resources", NULL);
  g_assert_no_errno (g_mkdir_with_parents (resources, 0700));
  out = g_build_filename (tmp, "record", NULL);
  env_out = g_build_filename (tmp, "environment", NULL);

  g_setenv ("XDG_DATA_DIRS", user_data_dirs, TRUE);
  g_unsetenv ("GIO_MODULE_DIR");
  g_assert_true (sandbar_bundle_set_up_environment (resources, tmp, &error));
  g_assert_no_error (error);
  g_assert_nonnull (g_getenv ("GIO_MODULE_DIR"));

  profile = sandbar_profile_new ("app");
  sandbar_profile_set_name (profile, "App");
  sandbar_profile_set_working_directory (profile, tmp);
  resolver = sandbar_path_resolver_new ();

  /* Only what sandbar_launch_run() reads: no backend is needed. */
  launch = g_new0 (SandbarLaunch, 1);
  launch->policy = sandbar_policy_new (profile, resolver, SANDBAR_POLICY_NONE, &error);
  g_assert_no_error (error);
  launch->argv = g_new0 (char *, 2);
  launch->argv[0] = g_test_build_filename (G_TEST_BUILT, "sandbar-test-recorder", NULL);

  g_setenv ("SANDBAR_RECORDER_OUT", out, TRUE);
  g_setenv ("SANDBAR_RECORDER_ENV_OUT", env_out, TRUE);
  g_assert_true (sandbar_launch_run (launch, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  g_assert_cmpint (WEXITSTATUS (wait_status), ==, 0);

  record = recorder_read_strings (out);
  g_assert_cmpstr (record[0], ==, launch->policy->working_directory);
  env = recorder_read_strings (env_out);
  g_assert_cmpstr (g_environ_getenv (env, "XDG_DATA_DIRS"), ==, user_data_dirs);
  g_assert_null (g_environ_getenv (env, "GIO_MODULE_DIR"));
  g_assert_cmpstr (g_environ_getenv (env, "SANDBAR_RECORDER_OUT"), ==, out);

  {
    g_autofree char *quoted = g_shell_quote (tmp);
    g_autofree char *command = g_strconcat ("rm -rf -- ", quoted, NULL);

    g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/sandbar/launcher/run/bundle-environment", test_run_bundle_environment);

  return g_test_run ();
}
