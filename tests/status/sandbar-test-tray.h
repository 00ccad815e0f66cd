/* sandbar-test-tray.h — a stand-in for a desktop's tray, for tests
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A fake org.kde.StatusNotifierWatcher on its own bus connection (so that
 * it is a separate peer, as a panel is), which records every
 * RegisterStatusNotifierItem call, and helpers to call and wait as a tray
 * would. Everything runs in the test's thread: D-Bus calls are made
 * asynchronously and waited for by iterating the main context, because a
 * synchronous call would block the item that must answer it.
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* How long any wait may take before the test fails. */
#define SANDBAR_TEST_WAIT_SECONDS 10

/* Iterates the default main context until @cond holds; fails the test
 * after SANDBAR_TEST_WAIT_SECONDS. Wakes at least every 50 ms to look at
 * the clock; D-Bus traffic wakes it at once. */
#define SANDBAR_TEST_WAIT_UNTIL(cond)                                           \
  G_STMT_START {                                                                \
    gint64 wait_deadline_ = g_get_monotonic_time () +                           \
                            SANDBAR_TEST_WAIT_SECONDS * G_USEC_PER_SEC;         \
    guint wait_tick_ = g_timeout_add (50, sandbar_test_tick, NULL);             \
    while (!(cond))                                                             \
      {                                                                         \
        if (g_get_monotonic_time () > wait_deadline_)                           \
          g_error ("%s:%d: timed out waiting for %s", __FILE__, __LINE__, #cond); \
        g_main_context_iteration (NULL, TRUE);                                  \
      }                                                                         \
    g_source_remove (wait_tick_);                                               \
  } G_STMT_END

gboolean            sandbar_test_tick                        (gpointer            user_data);
void                sandbar_test_run_for                     (guint               ms);
int                 sandbar_test_run_on_private_bus          (void);

GVariant           *sandbar_test_call                        (GDBusConnection    *connection,
                                                              const char         *bus_name,
                                                              const char         *object_path,
                                                              const char         *interface_name,
                                                              const char         *method_name,
                                                              GVariant           *parameters,
                                                              const char         *reply_type,
                                                              GError            **error);
GDBusConnection    *sandbar_test_connect                     (void);
gboolean            sandbar_test_name_has_owner              (GDBusConnection    *connection,
                                                              const char         *name);

typedef struct _SandbarTestWatcher SandbarTestWatcher;

SandbarTestWatcher *sandbar_test_watcher_new                 (gboolean            host_registered);
void                sandbar_test_watcher_free                (SandbarTestWatcher *self);
GPtrArray          *sandbar_test_watcher_get_registrations   (SandbarTestWatcher *self);
void                sandbar_test_watcher_set_host_registered (SandbarTestWatcher *self,
                                                              gboolean            registered);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SandbarTestWatcher, sandbar_test_watcher_free)

G_END_DECLS
