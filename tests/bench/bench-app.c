/* bench-app.c — the sandbar processes: cold start, memory, idle CPU
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the real `sandbar` binary as a user starts it, on an X display and
 * a session bus of its own, with a fake tray (tests/status/
 * sandbar-test-tray.c) so that Sandbar stays in the tray when its window
 * closes:
 *
 *   dbus-run-session -- xvfb-run -a -s '-screen 0 1280x900x24' \
 *     bench-app [--tsv] [--runs N] [--label TEXT] [--idle-seconds S] \
 *     _build/gui/sandbar
 *
 * (`meson compile -C _build bench` does this three times: with the cairo
 * renderer, with the renderer GTK picks, and with cairo and no GL).
 *
 * Sandbar is two processes there (gui/status/sandbar-tray-link.c): the
 * window process `sandbar`, which starts the tray process `sandbar-tray`
 * (found next to it in the build tree) and ends when its window closes,
 * and the tray process, which stays while its item is shown and starts
 * the window process again on a click. The tray process is not a child
 * of ours; it inherits the window process's stdout, which is our pipe,
 * and so does every window process it starts: the lines Sandbar prints
 * for the benchmark (SANDBAR_BENCH_FIRST_FRAME, gui/sandbar-application.c)
 * all come through the one pipe of a run, and its end of file says that
 * every process of the run has ended. Each run ends with the tray menu's
 * Quit, so that the next one starts from nothing, as after a login.
 *
 * It measures, each figure over N runs (5):
 *
 *   cold start     from spawning `sandbar` to the window's first frame,
 *                  with no Sandbar process running (the window process
 *                  starts the tray process as it starts, as the first
 *                  start after a login does); one warm-up run first, so
 *                  the page cache is warm as on a second start; beside
 *                  it, the CPU time the window process (all threads) used
 *                  to get there, which a loaded machine changes less
 *   RSS open       VmRSS from /proc once the window has drawn (1 s later):
 *                  of the window process, of the tray process, and both
 *   close          a real close (WM_DELETE_WINDOW, as the title bar's
 *                  button sends); the window is finalized (Sandbar prints
 *                  a line when it is), then the window process must end
 *   RSS closed     VmRSS of the tray process, all that is left, 2 s after
 *                  the close; the anonymous part (RssAnon) beside it is
 *                  its own heap, the rest is mapped library files; USS
 *                  (private clean + dirty pages, from smaps_rollup) leaves
 *                  out the library pages that other processes share
 *   idle           CPU time (clock ticks, utime + stime) and context
 *                  switches of all threads of the tray process over 5 s
 *                  with the window closed, once the tray process is past
 *                  its first seconds (7 s after the start): 0 and 0 when
 *                  nothing polls
 *   reopen         a click on the tray icon (StatusNotifierItem.Activate)
 *                  to the first frame of the window process the tray
 *                  process starts; its RSS 1 s later
 *   RSS closed 2   of the tray process after the second close: growth
 *                  from one open/close cycle to the next would be a leak
 *
 * The processes are found on the bus: GetConnectionUnixProcessID of the
 * application id (the window process) and of the id with ".Tray".
 *
 * Issue 9's targets: cold start ≤ 400 ms, RSS closed ≤ 60 MB, idle CPU 0.
 */

#include "config.h"

#include <X11/Xatom.h>
#include <X11/Xlib.h>
#include <gio/gio.h>
#include <locale.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/types.h>
#include <unistd.h>

#include "bench-common.h"
#include "sandbar-test-tray.h"

#define APP_BUS_NAME  "io.github.sandbar.Sandbar"
#define TRAY_BUS_NAME APP_BUS_NAME ".Tray"
#define TRAY_PATH     "/io/github/sandbar/Sandbar/Tray"
#define ITEM_PATH     "/StatusNotifierItem"
#define ITEM_IFACE    "org.kde.StatusNotifierItem"

/* How long a process may take to end when asked to. */
#define EXIT_SECONDS  10

/* From the start of the window process until the tray process it starts
 * is past its start grace (5 s) and idle. */
#define TRAY_SETTLED_SECONDS 7

static guint idle_seconds = 5;

/* The window process we spawn, and its stdout: the pipe of the whole run
 * (the tray process and the windows it starts write to it too). */
typedef struct
{
  GSubprocess      *process;
  GDataInputStream *out;
  GCancellable     *cancellable;
  GQueue            lines;
  gboolean          eof;
  gboolean          exited;
  gint64            spawned;
  int               pid;
} Child;

/* ---------------------------------------------------------------------- */
/* Waiting                                                                */
/* ---------------------------------------------------------------------- */

/* Lets the main context run until *@flag is set or @timeout_s passed;
 * returns *@flag. */
static gboolean
wait_for_flag (const gboolean *flag,
               guint           timeout_s)
{
  gint64 deadline = g_get_monotonic_time () + timeout_s * G_USEC_PER_SEC;
  guint tick = g_timeout_add (50, sandbar_test_tick, NULL);

  while (!*flag && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);
  return *flag;
}

static void read_next_line (Child *child);

static void
on_line (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Child *child = user_data;
  g_autoptr(GError) error = NULL;
  char *line = g_data_input_stream_read_line_finish (G_DATA_INPUT_STREAM (source), result, NULL,
                                                     &error);

  /* The end of the pipe, or the read cancelled. */
  if (line == NULL)
    {
      child->eof = TRUE;
      return;
    }
  g_queue_push_tail (&child->lines, line);
  read_next_line (child);
}

static void
read_next_line (Child *child)
{
  g_data_input_stream_read_line_async (child->out, G_PRIORITY_DEFAULT, child->cancellable,
                                       on_line, child);
}

/* Waits for a line "@word TIME" on the run's pipe and returns TIME, or -1
 * after @timeout_s or when every process of the run has ended. */
static gint64
wait_for_line (Child      *child,
               const char *word,
               guint       timeout_s)
{
  gint64 deadline = g_get_monotonic_time () + timeout_s * G_USEC_PER_SEC;
  guint tick = g_timeout_add (50, sandbar_test_tick, NULL);
  gint64 value = -1;

  while (value < 0)
    {
      g_autofree char *line = g_queue_pop_head (&child->lines);

      if (line != NULL)
        {
          gsize n = strlen (word);

          if (strncmp (line, word, n) == 0 && line[n] == ' ')
            value = g_ascii_strtoll (line + n + 1, NULL, 10);
          continue;
        }
      if (child->eof || g_get_monotonic_time () > deadline)
        break;
      g_main_context_iteration (NULL, TRUE);
    }

  g_source_remove (tick);
  return value;
}

/* ---------------------------------------------------------------------- */
/* The processes                                                          */
/* ---------------------------------------------------------------------- */

static void
on_exited (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Child *child = user_data;

  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  child->exited = TRUE;
}

static Child *
child_spawn (const char *sandbar,
             const char *profiles,
             const char *mode)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_autoptr(GError) error = NULL;
  Child *child = g_new0 (Child, 1);

  g_subprocess_launcher_setenv (launcher, "SANDBAR_PROFILES_DIR", profiles, TRUE);
  g_subprocess_launcher_setenv (launcher, "SANDBAR_BENCH_FIRST_FRAME", mode, TRUE);

  child->spawned = g_get_monotonic_time ();
  child->process = g_subprocess_launcher_spawn (launcher, &error, sandbar, NULL);
  if (child->process == NULL)
    g_error ("Could not start %s: %s", sandbar, error->message);
  child->pid = atoi (g_subprocess_get_identifier (child->process));
  child->out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child->process));
  child->cancellable = g_cancellable_new ();
  g_queue_init (&child->lines);
  g_subprocess_wait_async (child->process, NULL, on_exited, child);
  read_next_line (child);
  return child;
}

/* Waits until the window process we spawned has ended (killing it when it
 * does not), then for the end of the pipe: every process that wrote to
 * it, the tray process and the windows it started, has ended too. */
static void
child_free (Child *child)
{
  if (!wait_for_flag (&child->exited, EXIT_SECONDS))
    {
      printf ("note: the window process %d did not end; killed\n", child->pid);
      g_subprocess_force_exit (child->process);
      wait_for_flag (&child->exited, EXIT_SECONDS);
    }
  if (!wait_for_flag (&child->eof, EXIT_SECONDS))
    printf ("note: a process of the run still held its stdout %d s after the end\n",
            EXIT_SECONDS);

  g_cancellable_cancel (child->cancellable);
  while (!child->eof || !child->exited)
    g_main_context_iteration (NULL, TRUE);  /* the cancelled read, the wait */
  g_queue_clear_full (&child->lines, g_free);
  g_clear_object (&child->out);
  g_clear_object (&child->cancellable);
  g_clear_object (&child->process);
  g_free (child);
}

/* Whether process @pid has ended: gone, or a zombie not reaped yet (the
 * tray process, and the windows it starts, are not our children). */
static gboolean
process_ended (int pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/stat", pid);
  g_autofree char *text = NULL;
  const char *rest;

  if (!g_file_get_contents (path, &text, NULL, NULL) || (rest = strrchr (text, ')')) == NULL)
    return TRUE;
  return rest[1] == ' ' && (rest[2] == 'Z' || rest[2] == 'X');
}

static gboolean
wait_for_exit (int   pid,
               guint timeout_s)
{
  gint64 deadline = g_get_monotonic_time () + timeout_s * G_USEC_PER_SEC;
  guint tick = g_timeout_add (50, sandbar_test_tick, NULL);

  while (!process_ended (pid) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);
  return process_ended (pid);
}

/* The process that owns @name on the bus, or -1 when none does. */
static int
bus_name_pid (GDBusConnection *bus,
              const char      *name)
{
  g_autoptr(GVariant) reply = NULL;
  guint32 pid;

  reply = sandbar_test_call (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                             "org.freedesktop.DBus", "GetConnectionUnixProcessID",
                             g_variant_new ("(s)", name), "(u)", NULL);
  if (reply == NULL)
    return -1;
  g_variant_get (reply, "(u)", &pid);
  return (int) pid;
}

/* Waits until a process owns @name, and returns it. */
static int
wait_for_bus_name (GDBusConnection *bus,
                   const char      *name)
{
  int pid = -1;

  SANDBAR_TEST_WAIT_UNTIL ((pid = bus_name_pid (bus, name)) > 0);
  return pid;
}

/* The tray menu's Quit (org.gtk.Actions, as the item's menu activates
 * it): the tray process ends, and the window process if it runs. No
 * reply is waited for: the process may end before it sends one. */
static void
quit_through_tray (GDBusConnection *bus)
{
  g_dbus_connection_call (bus, TRAY_BUS_NAME, TRAY_PATH, "org.gtk.Actions", "Activate",
                          g_variant_new ("(sava{sv})", "quit", NULL, NULL), NULL,
                          G_DBUS_CALL_FLAGS_NO_AUTO_START, -1, NULL, NULL, NULL);
  g_dbus_connection_flush_sync (bus, NULL, NULL);
}

/* Ends the run: Quit from the tray menu, then waits until the tray
 * process (@tray_pid) and every window process have ended. */
static void
run_end (Child           *child,
         GDBusConnection *bus,
         int              tray_pid)
{
  quit_through_tray (bus);
  if (!wait_for_exit (tray_pid, EXIT_SECONDS))
    {
      printf ("note: the tray process %d did not quit; killed\n", tray_pid);
      kill (tray_pid, SIGKILL);
      wait_for_exit (tray_pid, EXIT_SECONDS);
    }
  child_free (child);
}

/* ---------------------------------------------------------------------- */
/* /proc                                                                  */
/* ---------------------------------------------------------------------- */

/* A field of /proc/PID/status in kB, or -1. */
static double
status_kb (int         pid,
           const char *field)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/status", pid);
  g_autofree char *text = NULL;
  const char *line;

  if (!g_file_get_contents (path, &text, NULL, NULL))
    return -1;
  line = strstr (text, field);
  if (line == NULL)
    return -1;
  return g_ascii_strtod (line + strlen (field) + 1, NULL);
}

/* Private memory (USS): pages of the process that no other process
 * shares, from smaps_rollup, in kB. */
static double
private_kb (int pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/smaps_rollup", pid);
  g_autofree char *text = NULL;
  const char *clean, *dirty;

  if (!g_file_get_contents (path, &text, NULL, NULL) ||
      (clean = strstr (text, "Private_Clean:")) == NULL ||
      (dirty = strstr (text, "Private_Dirty:")) == NULL)
    return -1;
  return g_ascii_strtod (clean + strlen ("Private_Clean:"), NULL) +
         g_ascii_strtod (dirty + strlen ("Private_Dirty:"), NULL);
}

/* utime + stime of the process (all its threads), in clock ticks. */
static double
cpu_ticks (int pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/stat", pid);
  g_autofree char *text = NULL;
  g_auto(GStrv) fields = NULL;
  const char *rest;

  if (!g_file_get_contents (path, &text, NULL, NULL) || (rest = strrchr (text, ')')) == NULL)
    return -1;
  /* After "pid (comm)": state is field 3, utime 14, stime 15. */
  fields = g_strsplit (rest + 2, " ", 0);
  if (g_strv_length (fields) < 13)
    return -1;
  return g_ascii_strtod (fields[11], NULL) + g_ascii_strtod (fields[12], NULL);
}

/* Context switches of every thread: each wake-up of a thread counts. */
static double
context_switches (int pid)
{
  g_autofree char *tasks = g_strdup_printf ("/proc/%d/task", pid);
  g_autoptr(GDir) dir = g_dir_open (tasks, 0, NULL);
  const char *name;
  double total = 0;

  if (dir == NULL)
    return -1;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (tasks, name, "status", NULL);
      g_autofree char *text = NULL;
      const char *field;

      if (!g_file_get_contents (path, &text, NULL, NULL))
        continue;
      if ((field = strstr (text, "voluntary_ctxt_switches:")) != NULL)
        total += g_ascii_strtod (field + strlen ("voluntary_ctxt_switches:"), NULL);
      if ((field = strstr (text, "nonvoluntary_ctxt_switches:")) != NULL)
        total += g_ascii_strtod (field + strlen ("nonvoluntary_ctxt_switches:"), NULL);
    }

  return total;
}

/* ---------------------------------------------------------------------- */
/* X11: the close button                                                  */
/* ---------------------------------------------------------------------- */

/* Sends WM_DELETE_WINDOW to every mapped top-level window of @pid, as a
 * window manager does when the close button is clicked. */
static guint
close_windows_of (int pid)
{
  Display *display = XOpenDisplay (NULL);
  Atom pid_atom, protocols, delete_window;
  Window root, parent, *children = NULL;
  unsigned int n_children = 0;
  guint n_closed = 0;

  if (display == NULL)
    g_error ("Cannot open the X display");
  pid_atom = XInternAtom (display, "_NET_WM_PID", False);
  protocols = XInternAtom (display, "WM_PROTOCOLS", False);
  delete_window = XInternAtom (display, "WM_DELETE_WINDOW", False);

  XQueryTree (display, DefaultRootWindow (display), &root, &parent, &children, &n_children);
  for (unsigned int i = 0; i < n_children; i++)
    {
      XWindowAttributes attributes;
      Atom type;
      int format;
      unsigned long n_items, after;
      unsigned char *data = NULL;
      gboolean ours;

      if (!XGetWindowAttributes (display, children[i], &attributes) ||
          attributes.map_state != IsViewable)
        continue;
      if (XGetWindowProperty (display, children[i], pid_atom, 0, 1, False, XA_CARDINAL, &type,
                              &format, &n_items, &after, &data) != Success)
        continue;
      ours = data != NULL && n_items == 1 && (int) *(unsigned long *) data == pid;
      if (data != NULL)
        XFree (data);
      if (!ours)
        continue;

      {
        XEvent event = { 0 };

        event.xclient.type = ClientMessage;
        event.xclient.window = children[i];
        event.xclient.message_type = protocols;
        event.xclient.format = 32;
        event.xclient.data.l[0] = delete_window;
        event.xclient.data.l[1] = CurrentTime;
        XSendEvent (display, children[i], False, NoEventMask, &event);
        n_closed++;
      }
    }

  if (children != NULL)
    XFree (children);
  XSync (display, False);
  XCloseDisplay (display);
  return n_closed;
}

/* ---------------------------------------------------------------------- */
/* Runs                                                                   */
/* ---------------------------------------------------------------------- */

typedef struct
{
  GArray *cold;
  GArray *cold_cpu;
  GArray *rss_open;
  GArray *rss_open_tray;
  GArray *rss_open_both;
  GArray *rss_closed;
  GArray *anon_closed;
  GArray *file_closed;
  GArray *uss_closed;
  GArray *ticks;
  GArray *switches;
  GArray *reopen;
  GArray *rss_reopened;
  GArray *rss_closed2;
  guint   finalized;
  guint   ended;
  guint   closes;
} Samples;

static void
add (GArray *array,
     double  value)
{
  g_array_append_val (array, value);
}

static double
rss_mb (int pid)
{
  return status_kb (pid, "VmRSS:") / 1024;
}

/* CPU time of every thread of @pid so far, in ms (schedstat: ns on a
 * CPU), which a loaded machine changes much less than the wall clock. */
static double
cpu_ms (int pid)
{
  g_autofree char *tasks = g_strdup_printf ("/proc/%d/task", pid);
  g_autoptr(GDir) dir = g_dir_open (tasks, 0, NULL);
  const char *name;
  double total = 0;

  if (dir == NULL)
    return -1;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (tasks, name, "schedstat", NULL);
      g_autofree char *text = NULL;

      if (g_file_get_contents (path, &text, NULL, NULL))
        total += g_ascii_strtod (text, NULL) / 1e6;
    }

  return total;
}

/* Before a run: nothing of Sandbar may run, or the run would measure it
 * (a window would be presented, not started; a tray process would start
 * the window with its own stdout). */
static void
assert_nothing_runs (GDBusConnection *bus)
{
  if (sandbar_test_name_has_owner (bus, APP_BUS_NAME) ||
      sandbar_test_name_has_owner (bus, TRAY_BUS_NAME))
    g_error ("a Sandbar process of an earlier run still runs");
}

/* Starts sandbar and returns the time to its first frame; @cpu is the
 * CPU time the window process took to get there. */
static double
cold_start (const char      *sandbar,
            const char      *profiles,
            GDBusConnection *bus,
            double          *cpu)
{
  Child *child;
  gint64 frame;
  double ms;

  assert_nothing_runs (bus);
  child = child_spawn (sandbar, profiles, "print");
  frame = wait_for_line (child, "sandbar-first-frame", 60);
  ms = frame > 0 ? (frame - child->spawned) / 1000.0 : -1;

  /* It prints the line from the frame clock's after-paint, then idles. */
  *cpu = cpu_ms (child->pid);
  if (ms < 0)
    g_error ("sandbar did not draw a frame (is there a display?)");
  run_end (child, bus, wait_for_bus_name (bus, TRAY_BUS_NAME));
  return ms;
}

/* Closes the windows of process @pid, and waits until the window is
 * finalized and the process has ended. */
static void
close_window (Child   *child,
              int      pid,
              Samples *s)
{
  guint n = 0;

  /* The window takes a moment to be mapped after its first frame. */
  for (guint i = 0; i < 100 && n == 0; i++)
    {
      n = close_windows_of (pid);
      if (n == 0)
        sandbar_test_run_for (50);
    }
  if (n == 0)
    g_error ("found no window of process %d to close", pid);
  s->closes++;
  if (wait_for_line (child, "sandbar-window-finalized", EXIT_SECONDS) > 0)
    s->finalized++;
  if (wait_for_exit (pid, EXIT_SECONDS))
    s->ended++;
  else
    printf ("note: the window process %d still ran %d s after its window closed\n", pid,
            EXIT_SECONDS);
}

static void
tray_run (const char         *sandbar,
          const char         *profiles,
          SandbarTestWatcher *watcher,
          GDBusConnection    *bus,
          Samples            *s)
{
  GPtrArray *registrations = sandbar_test_watcher_get_registrations (watcher);
  guint registered = registrations->len;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;
  const char *item;
  Child *child;
  int tray, window;
  double ticks, switches;
  gint64 t0, frame;

  assert_nothing_runs (bus);
  child = child_spawn (sandbar, profiles, "print");
  if (wait_for_line (child, "sandbar-first-frame", 60) < 0)
    g_error ("sandbar did not draw a frame");
  tray = wait_for_bus_name (bus, TRAY_BUS_NAME);
  SANDBAR_TEST_WAIT_UNTIL (registrations->len > registered);
  item = g_ptr_array_index (registrations, registrations->len - 1);
  if (bus_name_pid (bus, item) != tray)
    g_error ("the tray item %s is not the tray process's (%d)", item, tray);

  sandbar_test_run_for (1000);
  add (s->rss_open, rss_mb (child->pid));
  add (s->rss_open_tray, rss_mb (tray));
  add (s->rss_open_both, rss_mb (child->pid) + rss_mb (tray));

  close_window (child, child->pid, s);
  sandbar_test_run_for (2000);
  add (s->rss_closed, rss_mb (tray));
  add (s->anon_closed, status_kb (tray, "RssAnon:") / 1024);
  add (s->file_closed, status_kb (tray, "RssFile:") / 1024);
  add (s->uss_closed, private_kb (tray) / 1024);

  /* The tray process's first seconds end in a one-shot timer (its start
   * grace, START_GRACE_SECONDS in gui/tray/sandbar-tray-application.c);
   * idle starts after it, when nothing at all should run. */
  if (g_get_monotonic_time () < child->spawned + TRAY_SETTLED_SECONDS * G_USEC_PER_SEC)
    sandbar_test_run_for ((guint) ((child->spawned + TRAY_SETTLED_SECONDS * G_USEC_PER_SEC -
                       g_get_monotonic_time ()) / 1000));
  ticks = cpu_ticks (tray);
  switches = context_switches (tray);
  sandbar_test_run_for (idle_seconds * 1000);
  add (s->ticks, cpu_ticks (tray) - ticks);
  add (s->switches, context_switches (tray) - switches);

  /* A click on the tray icon: the tray process starts the window
   * process, which writes to the tray's stdout, our pipe. */
  t0 = g_get_monotonic_time ();
  reply = sandbar_test_call (bus, item, ITEM_PATH, ITEM_IFACE, "Activate",
                             g_variant_new ("(ii)", 0, 0), NULL, &error);
  g_assert_no_error (error);
  frame = wait_for_line (child, "sandbar-first-frame", 30);
  if (frame < 0)
    g_error ("the window did not come back");
  add (s->reopen, (frame - t0) / 1000.0);
  window = wait_for_bus_name (bus, APP_BUS_NAME);
  sandbar_test_run_for (1000);
  add (s->rss_reopened, rss_mb (window));

  close_window (child, window, s);
  sandbar_test_run_for (2000);
  add (s->rss_closed2, rss_mb (tray));

  run_end (child, bus, tray);
}

static BenchStats
stats (GArray *a)
{
  return bench_stats (a);
}

int
main (int   argc,
      char *argv[])
{
  gboolean tsv = bench_want_tsv (&argc, &argv);
  guint runs = 5;
  const char *label = NULL;
  g_autofree char *section = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *profiles = NULL;
  g_autoptr(GDBusConnection) bus = NULL;
  SandbarTestWatcher *watcher;
  Samples s = { 0 };
  GArray **arrays[] = { &s.cold, &s.cold_cpu, &s.rss_open, &s.rss_open_tray, &s.rss_open_both,
                        &s.rss_closed, &s.anon_closed, &s.file_closed, &s.uss_closed,
                        &s.ticks, &s.switches, &s.reopen, &s.rss_reopened, &s.rss_closed2 };
  const char *sandbar;
  BenchStats st;
  double cpu;

  setlocale (LC_ALL, "C.UTF-8");
  for (int i = 1; i + 1 < argc; i++)
    {
      if (strcmp (argv[i], "--runs") == 0)
        runs = (guint) g_ascii_strtoull (argv[i + 1], NULL, 10);
      else if (strcmp (argv[i], "--label") == 0)
        label = argv[i + 1];
      else if (strcmp (argv[i], "--idle-seconds") == 0)
        idle_seconds = (guint) g_ascii_strtoull (argv[i + 1], NULL, 10);
      else
        continue;
      memmove (&argv[i], &argv[i + 2], (argc - i - 1) * sizeof (char *));
      argc -= 2;
      i--;
    }
  if (argc != 2 || runs == 0)
    {
      fprintf (stderr, "usage: bench-app [--tsv] [--runs N] [--label TEXT] "
                       "[--idle-seconds S] SANDBAR\n");
      return 2;
    }
  sandbar = argv[1];
  section = g_strdup_printf ("app%s%s%s", label != NULL ? " (" : "", label != NULL ? label : "",
                             label != NULL ? ")" : "");

  if (g_getenv ("DISPLAY") == NULL)
    {
      fprintf (stderr, "bench-app: no X display (run it under xvfb-run)\n");
      return 77;
    }
  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    {
      fprintf (stderr, "bench-app: no session bus (run it under dbus-run-session)\n");
      return 77;
    }

  for (guint i = 0; i < G_N_ELEMENTS (arrays); i++)
    *arrays[i] = g_array_new (FALSE, FALSE, sizeof (double));

  tmp = g_dir_make_tmp ("sandbar-bench-app-XXXXXX", &error);
  g_assert_no_error (error);
  profiles = g_build_filename (tmp, "profiles", NULL);
  bus = sandbar_test_connect ();
  watcher = sandbar_test_watcher_new (TRUE);

  /* The first run seeds the profiles folder and warms the page cache. */
  cold_start (sandbar, profiles, bus, &cpu);
  for (guint i = 0; i < runs; i++)
    {
      add (s.cold, cold_start (sandbar, profiles, bus, &cpu));
      add (s.cold_cpu, cpu);
    }
  for (guint i = 0; i < runs; i++)
    tray_run (sandbar, profiles, watcher, bus, &s);

  if (tsv)
    {
      g_autofree char *idle = g_strdup_printf ("idle %us, window closed: CPU", idle_seconds);
      g_autofree char *wakeups = g_strdup_printf ("idle %us, window closed: context switches",
                                                  idle_seconds);
      g_autofree char *finalized = g_strdup_printf ("windows finalized, of %u closed",
                                                    s.closes);
      g_autofree char *ended = g_strdup_printf ("window process ended on close, of %u",
                                                s.closes);

      st = stats (s.cold);
      bench_row (section, "cold start to first frame", &st, "ms", 400);
      st = stats (s.cold_cpu);
      bench_row (section, "  CPU time of the window process to first frame", &st, "ms", 0);
      st = stats (s.reopen);
      bench_row (section, "tray click to the window's first frame", &st, "ms", 0);
      st = stats (s.rss_open);
      bench_row (section, "RSS, window open: window process", &st, "MB", 0);
      st = stats (s.rss_open_tray);
      bench_row (section, "RSS, window open: tray process", &st, "MB", 0);
      st = stats (s.rss_open_both);
      bench_row (section, "RSS, window open: both", &st, "MB", 0);
      st = stats (s.rss_closed);
      bench_row (section, "RSS, window closed (tray only)", &st, "MB", 60);
      st = stats (s.anon_closed);
      bench_row (section, "  of which anonymous (heap)", &st, "MB", 0);
      st = stats (s.file_closed);
      bench_row (section, "  of which mapped files", &st, "MB", 0);
      st = stats (s.uss_closed);
      bench_row (section, "  private to the tray process (USS)", &st, "MB", 0);
      st = stats (s.rss_reopened);
      bench_row (section, "RSS, window opened again: window process", &st, "MB", 0);
      st = stats (s.rss_closed2);
      bench_row (section, "RSS, window closed again (tray only)", &st, "MB", 60);
      st = stats (s.ticks);
      bench_row_full (section, idle, &st, "ticks", "0", st.max == 0 ? "met" : "MISSED");
      st = stats (s.switches);
      bench_row (section, wakeups, &st, "", 0);
      st = (BenchStats) { s.finalized, s.finalized, s.finalized };
      bench_row_full (section, finalized, &st, "", "all",
                      s.finalized == s.closes ? "met" : "MISSED");
      st = (BenchStats) { s.ended, s.ended, s.ended };
      bench_row_full (section, ended, &st, "", "all", s.ended == s.closes ? "met" : "MISSED");
    }
  else
    {
      struct { const char *what; GArray *a; const char *unit; } lines[] = {
        { "cold start to first frame", s.cold, "ms" },
        { "  CPU time to first frame", s.cold_cpu, "ms" },
        { "tray click to first frame", s.reopen, "ms" },
        { "RSS open, window process", s.rss_open, "MB" },
        { "RSS open, tray process", s.rss_open_tray, "MB" },
        { "RSS open, both", s.rss_open_both, "MB" },
        { "RSS closed (tray process)", s.rss_closed, "MB" },
        { "  anonymous", s.anon_closed, "MB" },
        { "  mapped files", s.file_closed, "MB" },
        { "  private (USS)", s.uss_closed, "MB" },
        { "RSS, opened again (window)", s.rss_reopened, "MB" },
        { "RSS, closed again (tray)", s.rss_closed2, "MB" },
        { "idle CPU (ticks)", s.ticks, "" },
        { "idle context switches", s.switches, "" },
      };

      printf ("%s, %u runs: median (min … max)\n", section, runs);
      for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
        {
          st = stats (lines[i].a);
          printf ("%-28s %9.1f (%.1f … %.1f) %s\n", lines[i].what, st.median, st.min, st.max,
                  lines[i].unit);
        }
      printf ("window finalized on close     %u of %u\n", s.finalized, s.closes);
      printf ("window process ended on close %u of %u\n", s.ended, s.closes);
    }

  for (guint i = 0; i < G_N_ELEMENTS (arrays); i++)
    g_array_unref (*arrays[i]);
  sandbar_test_watcher_free (watcher);
  {
    g_autofree char *quoted = g_shell_quote (tmp);
    g_autofree char *command = g_strdup_printf ("rm -rf %s", quoted);

    g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
  }
  return 0;
}
