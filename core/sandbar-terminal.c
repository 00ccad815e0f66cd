/* sandbar-terminal.c — open a new terminal window running an argv
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#include <unistd.h>

#include "sandbar-bundle.h"
#include "sandbar-input.h"
#include "sandbar-terminal.h"
#include "sandbar-terminal-private.h"

/* Every way of starting a terminal is a recipe: a vector of words, never a
 * shell string. Three placeholders are expanded, and only in the recipe's
 * own words (never in the command or the directory that replace them):
 *
 *   {}          a word of its own: replaced by every word of the command
 *   {cwd}       inside a word: replaced by the working directory
 *   {launcher}  a word of its own, built-in recipes only: the path of a
 *               launcher script written into the private directory
 *
 * Custom terminal commands use the same expansion, so a user's
 * “xterm -e {}” and the built-in xterm recipe behave alike. */
#define PLACEHOLDER_COMMAND  "{}"
#define PLACEHOLDER_CWD      "{cwd}"
#define PLACEHOLDER_LAUNCHER "{launcher}"

#define CUSTOM_ID "custom"
#define AUTO_ID   "auto"

/* Tried in order when the launcher name is taken (a private directory used
 * for a second launch). */
#define LAUNCHER_BASENAME  "launcher"
#define LAUNCHER_MAX_TRIES 16

typedef enum
{
  RECIPE_FLAG_NONE = 0,
  /* The terminal hands a lone word after -e to a shell (xterm when execvp
   * fails, konsole always, Debian's x-terminal-emulator wrappers): a
   * one-word command is run through `sh -c 'exec "$@"' sh WORD`, which
   * keeps the word as data. */
  RECIPE_FLAG_LONE_WORD_REPARSED = 1 << 0,
  /* The command goes into a launcher script in the private directory; the
   * terminal only ever sees the script's path (Terminal.app and iTerm2
   * type it into the user's login shell). */
  RECIPE_FLAG_LAUNCHER = 1 << 1,
} RecipeFlags;

typedef struct
{
  const char              *id;
  SandbarTerminalPlatform  platform;
  RecipeFlags              flags;
  const char              *words[12];
} Recipe;

/* Terminal.app and iTerm2: the launcher path travels as an argument of
 * osascript (`on run argv`), never inside the script text, and reaches the
 * login shell through `quoted form of`. */
#define OSASCRIPT "/usr/bin/osascript"
#define APPLESCRIPT_TERMINAL_APP \
  "tell application \"Terminal\" to do script \"exec /bin/sh \" & quoted form of (item 1 of argv)"
#define APPLESCRIPT_ITERM \
  "tell application \"iTerm\" to create window with default profile command " \
  "(\"/bin/sh \" & quoted form of (item 1 of argv))"

/* The Linux entries are in the order used when neither the environment
 * nor the desktop decides (GLib's own list puts gnome-terminal first too);
 * xterm is the last resort. x-terminal-emulator and xdg-terminal-exec are
 * tried earlier, by name, and come last here. */
static const Recipe recipes[] = {
  { "gnome-terminal", SANDBAR_TERMINAL_PLATFORM_LINUX, RECIPE_FLAG_NONE,
    { "gnome-terminal", "--working-directory=" PLACEHOLDER_CWD, "--", PLACEHOLDER_COMMAND } },
  /* ptyxis turns “-- argv” into its own quoted -x string, exactly; its -x
   * takes one shell-like string, so it is not used directly. */
  { "ptyxis", SANDBAR_TERMINAL_PLATFORM_LINUX, RECIPE_FLAG_NONE,
    { "ptyxis", "--working-directory=" PLACEHOLDER_CWD, "--", PLACEHOLDER_COMMAND } },
  /* GNOME Console: words after “--” are the argv (G_OPTION_REMAINING). */
  { "kgx", SANDBAR_TERMINAL_PLATFORM_LINUX, RECIPE_FLAG_NONE,
    { "kgx", "--working-directory=" PLACEHOLDER_CWD, "--", PLACEHOLDER_COMMAND } },
  { "konsole", SANDBAR_TERMINAL_PLATFORM_LINUX, RECIPE_FLAG_LONE_WORD_REPARSED,
    { "konsole", "--workdir", PLACEHOLDER_CWD, "-e", PLACEHOLDER_COMMAND } },
  /* -x takes the rest of the line as argv; -e would take one string. */
  { "xfce4-terminal", SANDBAR_TERMINAL_PLATFORM_LINUX, RECIPE_FLAG_NONE,
    { "xfce4-terminal", "--working-directory=" PLACEHOLDER_CWD, "-x", PLACEHOLDER_COMMAND } },
  { "alacritty", SANDBAR_TERMINAL_PLATFORM_LINUX, RECIPE_FLAG_NONE,
    { "alacritty", "--working-directory", PLACEHOLDER_CWD, "-e", PLACEHOLDER_COMMAND } },
  /* kitty and foot take the command as trailing words; “--” ends their
   * options, so a command word such as “-e” is never read as one (older
   * foot releases let getopt permute the whole line). */
  { "kitty", SANDBAR_TERMINAL_PLATFORM_LINUX, RECIPE_FLAG_NONE,
    { "kitty", "--directory", PLACEHOLDER_CWD, "--", PLACEHOLDER_COMMAND } },
  { "foot", SANDBAR_TERMINAL_PLATFORM_LINUX, RECIPE_FLAG_NONE,
    { "foot", "--working-directory=" PLACEHOLDER_CWD, "--", PLACEHOLDER_COMMAND } },
  { "wezterm", SANDBAR_TERMINAL_PLATFORM_LINUX, RECIPE_FLAG_NONE,
    { "wezterm", "start", "--cwd", PLACEHOLDER_CWD, "--", PLACEHOLDER_COMMAND } },
  /* No directory flag: the spawned process's directory is used. */
  { "xterm", SANDBAR_TERMINAL_PLATFORM_LINUX, RECIPE_FLAG_LONE_WORD_REPARSED,
    { "xterm", "-e", PLACEHOLDER_COMMAND } },
  /* Debian Policy 11.8.3: “-e command args…”, run as by execvp. */
  { "x-terminal-emulator", SANDBAR_TERMINAL_PLATFORM_LINUX, RECIPE_FLAG_LONE_WORD_REPARSED,
    { "x-terminal-emulator", "-e", PLACEHOLDER_COMMAND } },
  /* Runs the user's preferred terminal with that terminal's -e. */
  { "xdg-terminal-exec", SANDBAR_TERMINAL_PLATFORM_LINUX, RECIPE_FLAG_LONE_WORD_REPARSED,
    { "xdg-terminal-exec", PLACEHOLDER_COMMAND } },

  { "terminal-app", SANDBAR_TERMINAL_PLATFORM_MACOS, RECIPE_FLAG_LAUNCHER,
    { OSASCRIPT,
      "-e", "on run argv",
      "-e", APPLESCRIPT_TERMINAL_APP,
      "-e", "activate application \"Terminal\"",
      "-e", "end run",
      "--", PLACEHOLDER_LAUNCHER } },
  { "iterm2", SANDBAR_TERMINAL_PLATFORM_MACOS, RECIPE_FLAG_LAUNCHER,
    { OSASCRIPT,
      "-e", "on run argv",
      "-e", APPLESCRIPT_ITERM,
      "-e", "activate application \"iTerm\"",
      "-e", "end run",
      "--", PLACEHOLDER_LAUNCHER } },
  /* Ghostty gets the launcher, not the argv: depending on the version its
   * -e words are joined and handed to a shell, and `open --args` adds a
   * layer we cannot test here. “/bin/sh PATH” survives both because the
   * path is restricted to [A-Za-z0-9/._+-]. Each `open -n` starts a new
   * instance; quitting it with its window avoids piling up instances. */
  { "ghostty", SANDBAR_TERMINAL_PLATFORM_MACOS, RECIPE_FLAG_LAUNCHER,
    { "/usr/bin/open", "-na", "Ghostty", "--args",
      "--quit-after-last-window-closed=true",
      "--working-directory=" PLACEHOLDER_CWD,
      "-e", "/bin/sh", PLACEHOLDER_LAUNCHER } },
  { "alacritty", SANDBAR_TERMINAL_PLATFORM_MACOS, RECIPE_FLAG_NONE,
    { "/usr/bin/open", "-na", "Alacritty", "--args",
      "--working-directory", PLACEHOLDER_CWD, "-e", PLACEHOLDER_COMMAND } },
  /* A menu-bar app does not get the login shell's PATH, so the command-line
   * programs inside the application bundles are named by path. kitty is
   * not started through `open --args`, which its
   * macos-launch-services-cmdline file can override. */
  { "wezterm", SANDBAR_TERMINAL_PLATFORM_MACOS, RECIPE_FLAG_NONE,
    { "/Applications/WezTerm.app/Contents/MacOS/wezterm",
      "start", "--cwd", PLACEHOLDER_CWD, "--", PLACEHOLDER_COMMAND } },
  { "kitty", SANDBAR_TERMINAL_PLATFORM_MACOS, RECIPE_FLAG_NONE,
    { "/Applications/kitty.app/Contents/MacOS/kitty",
      "--single-instance", "--directory", PLACEHOLDER_CWD, "--", PLACEHOLDER_COMMAND } },
};

/* Terminals a desktop ships or its default configuration starts, matched
 * against the names in $XDG_CURRENT_DESKTOP (case-insensitively). */
static const struct
{
  const char *desktop;
  const char *ids[4];
} desktop_terminals[] = {
  { "GNOME",    { "ptyxis", "kgx", "gnome-terminal" } },
  { "Unity",    { "gnome-terminal" } },
  { "KDE",      { "konsole" } },
  { "XFCE",     { "xfce4-terminal" } },
  { "sway",     { "foot" } },
  { "Hyprland", { "kitty" } },
};

struct _SandbarTerminal
{
  GObject       parent_instance;

  /* borrowed */
  const Recipe *recipe;

  /* owned */
  char         *id;
  GStrv         template;
};

G_DEFINE_FINAL_TYPE (SandbarTerminal, sandbar_terminal, G_TYPE_OBJECT)

G_DEFINE_QUARK (sandbar-terminal-error-quark, sandbar_terminal_error)

static void
sandbar_terminal_finalize (GObject *object)
{
  SandbarTerminal *self = SANDBAR_TERMINAL (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->template, g_strfreev);

  G_OBJECT_CLASS (sandbar_terminal_parent_class)->finalize (object);
}

static void
sandbar_terminal_class_init (SandbarTerminalClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sandbar_terminal_finalize;
}

static void
sandbar_terminal_init (SandbarTerminal *self)
{
}

static const Recipe *
find_recipe (SandbarTerminalPlatform  platform,
             const char              *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (recipes); i++)
    if (recipes[i].platform == platform && strcmp (recipes[i].id, id) == 0)
      return &recipes[i];

  return NULL;
}

static SandbarTerminal *
terminal_new_for_recipe (const Recipe *recipe)
{
  SandbarTerminal *self = g_object_new (SANDBAR_TYPE_TERMINAL, NULL);

  self->recipe = recipe;
  self->id = g_strdup (recipe->id);

  return self;
}

static gboolean
is_on_path (const char *program)
{
  g_autofree char *found = g_find_program_in_path (program);

  return found != NULL;
}

/* Adds @name to @tried unless it is there already. */
static void
note_tried (GPtrArray  *tried,
            const char *name)
{
  for (guint i = 0; i < tried->len; i++)
    if (strcmp (g_ptr_array_index (tried, i), name) == 0)
      return;

  g_ptr_array_add (tried, g_strdup (name));
}

/* Tries @id (a Linux recipe) and records that it was tried. */
static SandbarTerminal *
try_on_path (const char *id,
             GPtrArray  *tried)
{
  const Recipe *recipe = find_recipe (SANDBAR_TERMINAL_PLATFORM_LINUX, id);

  g_assert (recipe != NULL);

  note_tried (tried, recipe->words[0]);

  if (is_on_path (recipe->words[0]))
    return terminal_new_for_recipe (recipe);

  return NULL;
}

static SandbarTerminal *
detect_from_desktop (GPtrArray *tried)
{
  const char *current = g_getenv ("XDG_CURRENT_DESKTOP");
  g_auto(GStrv) names = NULL;

  if (current == NULL || *current == '\0')
    return NULL;

  names = g_strsplit (current, ":", -1);

  for (guint n = 0; names[n] != NULL; n++)
    for (guint d = 0; d < G_N_ELEMENTS (desktop_terminals); d++)
      {
        if (g_ascii_strcasecmp (names[n], desktop_terminals[d].desktop) != 0)
          continue;

        for (guint i = 0; i < G_N_ELEMENTS (desktop_terminals[d].ids) &&
                          desktop_terminals[d].ids[i] != NULL; i++)
          {
            SandbarTerminal *found = try_on_path (desktop_terminals[d].ids[i], tried);

            if (found != NULL)
              return found;
          }
      }

  return NULL;
}

static SandbarTerminal *
new_from_environment (const char  *value,
                      GError     **error)
{
  SandbarTerminal *terminal = sandbar_terminal_new_custom (value, error);

  if (terminal == NULL)
    g_prefix_error (error, "SANDBAR_TERMINAL: ");

  return terminal;
}

/* $SANDBAR_TERMINAL → xdg-terminal-exec → x-terminal-emulator → the
 * desktop's terminal → the table. A SANDBAR_TERMINAL that cannot be used
 * is an error, not a reason to pick something else. */
static SandbarTerminal *
detect_linux (GError **error)
{
  g_autoptr(GPtrArray) tried = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *tried_list = NULL;
  const char *env = g_getenv ("SANDBAR_TERMINAL");
  SandbarTerminal *found;

  if (env != NULL && *env != '\0')
    return new_from_environment (env, error);

  if ((found = try_on_path ("xdg-terminal-exec", tried)) != NULL ||
      (found = try_on_path ("x-terminal-emulator", tried)) != NULL ||
      (found = detect_from_desktop (tried)) != NULL)
    return found;

  for (guint i = 0; i < G_N_ELEMENTS (recipes); i++)
    {
      if (recipes[i].platform != SANDBAR_TERMINAL_PLATFORM_LINUX)
        continue;

      if ((found = try_on_path (recipes[i].id, tried)) != NULL)
        return found;
    }

  g_ptr_array_add (tried, NULL);
  tried_list = g_strjoinv (", ", (char **) tried->pdata);

  g_set_error (error, SANDBAR_TERMINAL_ERROR, SANDBAR_TERMINAL_ERROR_NOT_FOUND,
               _("No terminal emulator was found. SANDBAR_TERMINAL is not set, and "
                 "none of these programs is on PATH: %s. Install one of them, choose "
                 "a terminal in Preferences, or set SANDBAR_TERMINAL to a command "
                 "with {} where the command goes, e.g. “xterm -e {}”."),
               tried_list);

  return NULL;
}

static SandbarTerminal *
detect_macos (GError **error)
{
  const char *env = g_getenv ("SANDBAR_TERMINAL");

  if (env != NULL && *env != '\0')
    return new_from_environment (env, error);

  return terminal_new_for_recipe (find_recipe (SANDBAR_TERMINAL_PLATFORM_MACOS, "terminal-app"));
}

/* As sandbar_terminal_list_known(), for either platform. */
GStrv
_sandbar_terminal_list_known_for_platform (SandbarTerminalPlatform platform)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < G_N_ELEMENTS (recipes); i++)
    if (recipes[i].platform == platform)
      g_strv_builder_add (builder, recipes[i].id);

  return g_strv_builder_end (builder);
}

/* As sandbar_terminal_new(), for either platform: on Linux this shows
 * and tests the macOS recipes, which are data and string building only. */
SandbarTerminal *
_sandbar_terminal_new_for_platform (SandbarTerminalPlatform   platform,
                                    const char               *choice,
                                    GError                  **error)
{
  const Recipe *recipe;

  g_return_val_if_fail (platform == SANDBAR_TERMINAL_PLATFORM_LINUX ||
                        platform == SANDBAR_TERMINAL_PLATFORM_MACOS, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (choice == NULL || *choice == '\0' || strcmp (choice, AUTO_ID) == 0)
    {
      if (platform == SANDBAR_TERMINAL_PLATFORM_MACOS)
        return detect_macos (error);
      else
        return detect_linux (error);
    }

  recipe = find_recipe (platform, choice);
  if (recipe == NULL)
    {
      g_auto(GStrv) known = _sandbar_terminal_list_known_for_platform (platform);
      g_autofree char *known_list = g_strjoinv (", ", known);
      g_autofree char *display = sandbar_input_display (choice, -1);

      g_set_error (error, SANDBAR_TERMINAL_ERROR, SANDBAR_TERMINAL_ERROR_INVALID_TEMPLATE,
                   _("Unknown terminal “%s”. Choose one of %s or “auto”, or use a "
                     "custom command with {} where the command goes, e.g. “xterm -e {}”."),
                   display, known_list);
      return NULL;
    }

  return terminal_new_for_recipe (recipe);
}

/**
 * sandbar_terminal_new:
 * @choice: (nullable): a terminal ID from [func@Terminal.list_known], or
 *   %NULL, `""` or `"auto"` to pick one
 * @error: return location for a #GError
 *
 * Finds the terminal to open windows with.
 *
 * Picking one follows `$SANDBAR_TERMINAL` (a custom command, see
 * [ctor@Terminal.new_custom]) if set. Otherwise, on Linux:
 * `xdg-terminal-exec`, then `x-terminal-emulator`, then the terminal of
 * the desktop named in `$XDG_CURRENT_DESKTOP`, then the first known
 * terminal found on `PATH`; on macOS, Terminal.app.
 *
 * Returns: (transfer full): the terminal, or %NULL with @error set
 *   (%SANDBAR_TERMINAL_ERROR_NOT_FOUND when nothing usable is installed,
 *   %SANDBAR_TERMINAL_ERROR_INVALID_TEMPLATE for an unknown ID or a bad
 *   `$SANDBAR_TERMINAL`)
 */
SandbarTerminal *
sandbar_terminal_new (const char  *choice,
                      GError     **error)
{
  return _sandbar_terminal_new_for_platform (SANDBAR_TERMINAL_PLATFORM_NATIVE, choice, error);
}

static gboolean
template_error (GError     **error,
                const char  *command_template,
                const char  *reason)
{
  g_autofree char *display = sandbar_input_display (command_template, -1);

  /* Translators: the first %s is the user's terminal command, the second
   * says what is wrong with it and how to fix it. */
  g_set_error (error, SANDBAR_TERMINAL_ERROR, SANDBAR_TERMINAL_ERROR_INVALID_TEMPLATE,
               _("Terminal command “%s”: %s"), display, reason);

  return FALSE;
}

/**
 * sandbar_terminal_new_custom:
 * @command_template: a command line with `{}` where the command goes
 * @error: return location for a #GError
 *
 * Creates a terminal from a command line, e.g. `xterm -e {}` or
 * `my-term --cwd={cwd} -- {}`.
 *
 * The line is split into words like a shell would (quotes work; nothing
 * is expanded or run). Exactly one word must be `{}`: it is replaced by
 * every word of the command, each staying a separate argument. `{cwd}`
 * anywhere in a word is replaced by the working directory. The terminal
 * program is always started in the working directory as well.
 *
 * Returns: (transfer full): the terminal, or %NULL with
 *   %SANDBAR_TERMINAL_ERROR_INVALID_TEMPLATE
 */
SandbarTerminal *
sandbar_terminal_new_custom (const char  *command_template,
                             GError     **error)
{
  g_autoptr(GError) parse_error = NULL;
  g_auto(GStrv) words = NULL;
  SandbarTerminal *self;
  guint n_placeholders = 0;

  g_return_val_if_fail (command_template != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_shell_parse_argv (command_template, NULL, &words, &parse_error))
    {
      g_autofree char *reason = NULL;

      if (g_error_matches (parse_error, G_SHELL_ERROR, G_SHELL_ERROR_EMPTY_STRING))
        reason = g_strdup (_("it is empty. Enter a terminal program followed by {}, "
                             "e.g. “xterm -e {}”."));
      else
        /* Translators: %s is GLib's description of the quoting problem. */
        reason = g_strdup_printf (_("%s. Check its quotes."), parse_error->message);

      template_error (error, command_template, reason);
      return NULL;
    }

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (strcmp (words[i], PLACEHOLDER_COMMAND) == 0)
        {
          if (i == 0)
            {
              template_error (error, command_template,
                              _("it starts with {}. Name the terminal program first, "
                                "e.g. “xterm -e {}”."));
              return NULL;
            }
          n_placeholders++;
        }
      else if (strstr (words[i], PLACEHOLDER_COMMAND) != NULL)
        {
          template_error (error, command_template,
                          _("{} must be a word of its own, because the command is "
                            "passed as separate arguments, e.g. “xterm -e {}”."));
          return NULL;
        }
    }

  if (n_placeholders == 0)
    {
      template_error (error, command_template,
                      _("put {} where the command goes, e.g. “xterm -e {}”."));
      return NULL;
    }

  if (n_placeholders > 1)
    {
      template_error (error, command_template,
                      _("{} appears more than once. Use it exactly once, where the "
                        "command goes."));
      return NULL;
    }

  self = g_object_new (SANDBAR_TYPE_TERMINAL, NULL);
  self->id = g_strdup (CUSTOM_ID);
  self->template = g_steal_pointer (&words);

  return self;
}

/**
 * sandbar_terminal_get_id:
 * @self: a #SandbarTerminal
 *
 * Returns: (transfer none): the ID of the terminal (as accepted by
 *   [ctor@Terminal.new]), or `"custom"` for a custom command
 */
const char *
sandbar_terminal_get_id (SandbarTerminal *self)
{
  g_return_val_if_fail (SANDBAR_IS_TERMINAL (self), NULL);

  return self->id;
}

/**
 * sandbar_terminal_list_known:
 *
 * Lists the terminals that [ctor@Terminal.new] accepts on this platform,
 * in the order they are tried when nothing else decides.
 *
 * Returns: (transfer full): the terminal IDs
 */
GStrv
sandbar_terminal_list_known (void)
{
  return _sandbar_terminal_list_known_for_platform (SANDBAR_TERMINAL_PLATFORM_NATIVE);
}

static void
append_quoted (GString    *out,
               const char *word)
{
  g_string_append_c (out, '\'');
  for (const char *p = word; *p != '\0'; p++)
    {
      if (*p == '\'')
        g_string_append (out, "'\\''");
      else
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '\'');
}

/**
 * sandbar_terminal_shell_quote_argv:
 * @argv: (array zero-terminated=1): words
 *
 * Quotes every word for a POSIX shell and joins them with spaces, so that
 * the shell reads back exactly @argv. Each word is put in single quotes,
 * inside which nothing is special; a `'` becomes `'\''`. An empty word
 * becomes `''`. (g_shell_quote() leaves its quoting style unspecified, so
 * it is not used for text that other shells parse.)
 *
 * Returns: (transfer full): the quoted words
 */
char *
sandbar_terminal_shell_quote_argv (const char * const *argv)
{
  GString *out;

  g_return_val_if_fail (argv != NULL, NULL);

  out = g_string_new (NULL);
  for (guint i = 0; argv[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (out, ' ');
      append_quoted (out, argv[i]);
    }

  return g_string_free (out, FALSE);
}

/* The characters a launcher path may have: it is typed into the user's
 * login shell (zsh, bash, fish, tcsh…) by Terminal.app and iTerm2, and
 * each shell has its own ideas about quotes, `!` and backslashes. */
static gboolean
is_safe_launcher_path (const char *path)
{
  if (*path == '\0')
    return FALSE;

  for (const char *p = path; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && strchr ("/._+-", *p) == NULL)
      return FALSE;

  return TRUE;
}

static gboolean
unsafe_launcher_error (GError     **error,
                       const char  *path)
{
  g_autofree char *display = sandbar_input_display (path, -1);

  g_set_error (error, SANDBAR_TERMINAL_ERROR, SANDBAR_TERMINAL_ERROR_FAILED,
               _("The launcher path “%s” has characters that cannot be passed safely "
                 "to the terminal (only letters, digits, “/”, “.”, “_” and “-” are "
                 "allowed). Set TMPDIR to a folder with a plain name and try again."),
               display);

  return FALSE;
}

/* The launcher script: `cd` to the directory, then `exec` the command,
 * every word single-quoted. /bin/sh reads it from a file, so quotes,
 * newlines, `$`, backticks and `!` in the words are all plain data. */
static char *
build_launcher_script (const char * const *command,
                       const char         *cwd)
{
  g_autoptr(GString) script = g_string_new ("#!/bin/sh\n");
  g_autofree char *quoted_command = sandbar_terminal_shell_quote_argv (command);

  g_string_append (script, "cd ");
  append_quoted (script, cwd);
  g_string_append (script, " || exit 1\nexec ");
  g_string_append (script, quoted_command);
  g_string_append_c (script, '\n');

  return g_string_free (g_steal_pointer (&script), FALSE);
}

static char *
write_launcher (SandbarPrivateDir   *dir,
                const char * const  *command,
                const char          *cwd,
                GError             **error)
{
  g_autofree char *script = NULL;
  const char *dir_path;

  if (dir == NULL)
    {
      g_set_error_literal (error, SANDBAR_TERMINAL_ERROR, SANDBAR_TERMINAL_ERROR_FAILED,
                           _("This terminal is started through a launcher script, "
                             "but no private folder was given to write it into."));
      return NULL;
    }

  /* Refuse before writing anything. */
  dir_path = sandbar_private_dir_get_path (dir);
  if (!is_safe_launcher_path (dir_path))
    {
      unsafe_launcher_error (error, dir_path);
      return NULL;
    }

  script = build_launcher_script (command, cwd);

  for (guint attempt = 0; attempt < LAUNCHER_MAX_TRIES; attempt++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *name = NULL;
      g_autofree char *path = NULL;

      if (attempt == 0)
        name = g_strdup (LAUNCHER_BASENAME ".sh");
      else
        name = g_strdup_printf (LAUNCHER_BASENAME "-%u.sh", attempt + 1);

      path = sandbar_private_dir_write_file (dir, name, script, strlen (script), 0700,
                                             &local_error);

      if (path == NULL && g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        continue;

      if (path == NULL)
        {
          g_set_error (error, SANDBAR_TERMINAL_ERROR, SANDBAR_TERMINAL_ERROR_FAILED,
                       _("Could not write the launcher script: %s"),
                       local_error->message);
          return NULL;
        }

      if (!is_safe_launcher_path (path))
        {
          unsafe_launcher_error (error, path);
          return NULL;
        }

      return g_steal_pointer (&path);
    }

  g_set_error (error, SANDBAR_TERMINAL_ERROR, SANDBAR_TERMINAL_ERROR_FAILED,
               _("Could not write the launcher script: the private folder “%s” is full "
                 "of earlier launchers. Use a new private folder for each launch."),
               dir_path);
  return NULL;
}

static gboolean
check_command (const char * const  *command,
               GError             **error)
{
  g_autofree char *display = NULL;

  /* A program word starting with “-” would be read as an option by most
   * terminals and by `exec` in some shells (dash has no `exec --`). */
  if (*command[0] != '\0' && *command[0] != '-')
    return TRUE;

  display = sandbar_input_display (command[0], -1);
  g_set_error (error, SANDBAR_TERMINAL_ERROR, SANDBAR_TERMINAL_ERROR_FAILED,
               _("The command must start with a program name or path, not “%s”. "
                 "Put the program's name or full path first."),
               display);
  return FALSE;
}

static gboolean
check_directory (const char  *cwd,
                 GError     **error)
{
  g_autofree char *display = NULL;

  /* Absolute, so that it is never read as an option when it is a word of
   * its own (konsole --workdir DIR). */
  if (g_path_is_absolute (cwd))
    return TRUE;

  display = sandbar_input_display (cwd, -1);
  g_set_error (error, SANDBAR_TERMINAL_ERROR, SANDBAR_TERMINAL_ERROR_FAILED,
               _("The working directory “%s” is not an absolute path. Choose the "
                 "folder by its full path, starting with “/”."),
               display);
  return FALSE;
}

static GStrv
expand_words (const char * const *words,
              const char * const *command,
              const char         *cwd,
              const char         *launcher)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (strcmp (words[i], PLACEHOLDER_COMMAND) == 0)
        {
          g_strv_builder_addv (builder, (const char **) command);
        }
      else if (launcher != NULL && strcmp (words[i], PLACEHOLDER_LAUNCHER) == 0)
        {
          g_strv_builder_add (builder, launcher);
        }
      else
        {
          g_autoptr(GString) word = g_string_new (words[i]);

          /* g_string_replace() continues after each replacement, so a
           * directory containing “{cwd}” stays as it is. */
          g_string_replace (word, PLACEHOLDER_CWD, cwd, 0);
          g_strv_builder_add (builder, word->str);
        }
    }

  return g_strv_builder_end (builder);
}

/**
 * sandbar_terminal_build_argv:
 * @self: a #SandbarTerminal
 * @command: (array zero-terminated=1): the command to run in the window;
 *   its first word is a program name or path
 * @working_directory: (nullable): an absolute path, or %NULL for the home
 *   directory
 * @dir: (nullable): where to write a launcher script; required by the
 *   terminals that use one (Terminal.app, iTerm2, Ghostty)
 * @error: return location for a #GError
 *
 * Builds the argv that [method@Terminal.open] spawns, so that it can be
 * shown before it runs. For terminals that use a launcher script, this
 * writes the script into @dir (each call a new file); the argv then
 * carries only the script's path.
 *
 * Returns: (transfer full): the argv, or %NULL with
 *   %SANDBAR_TERMINAL_ERROR_FAILED
 */
GStrv
sandbar_terminal_build_argv (SandbarTerminal     *self,
                             const char * const  *command,
                             const char          *working_directory,
                             SandbarPrivateDir   *dir,
                             GError             **error)
{
  static const char * const lone_word_wrapper[] = { "/bin/sh", "-c", "exec \"$@\"", "sh", NULL };
  g_autoptr(GStrvBuilder) wrapped = NULL;
  g_auto(GStrv) wrapped_command = NULL;
  g_autofree char *launcher = NULL;
  const char * const *words;
  const char *cwd;

  g_return_val_if_fail (SANDBAR_IS_TERMINAL (self), NULL);
  g_return_val_if_fail (command != NULL && command[0] != NULL, NULL);
  g_return_val_if_fail (dir == NULL || SANDBAR_IS_PRIVATE_DIR (dir), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  cwd = working_directory != NULL ? working_directory : g_get_home_dir ();

  if (!check_command (command, error) || !check_directory (cwd, error))
    return NULL;

  if (self->recipe == NULL)
    return expand_words ((const char * const *) self->template, command, cwd, NULL);

  words = self->recipe->words;

  if ((self->recipe->flags & RECIPE_FLAG_LONE_WORD_REPARSED) != 0 && command[1] == NULL)
    {
      wrapped = g_strv_builder_new ();
      g_strv_builder_addv (wrapped, (const char **) lone_word_wrapper);
      g_strv_builder_add (wrapped, command[0]);
      wrapped_command = g_strv_builder_end (wrapped);
      command = (const char * const *) wrapped_command;
    }

  if ((self->recipe->flags & RECIPE_FLAG_LAUNCHER) != 0)
    {
      launcher = write_launcher (dir, command, cwd, error);
      if (launcher == NULL)
        return NULL;
    }

  return expand_words (words, command, cwd, launcher);
}

static void
on_terminal_exited (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  GSubprocess *subprocess = G_SUBPROCESS (object);
  g_autofree char *program = user_data;
  g_autoptr(GError) error = NULL;

  /* Most terminals hand the window to a server process and exit at once;
   * the status is only worth a debug message. Waiting reaps the child. */
  if (!g_subprocess_wait_finish (subprocess, result, &error))
    g_debug ("Waiting for terminal %s failed: %s", program, error->message);
  else if (!g_subprocess_get_successful (subprocess))
    g_debug ("Terminal %s exited with status %d", program,
             g_subprocess_get_status (subprocess));
}

/* The terminal gets a session of its own: Ctrl-C or closing the shell
 * that ran `sandbarctl open` must not take the new window with it. */
static void
detach_child (gpointer user_data)
{
  setsid ();
}

/**
 * sandbar_terminal_open:
 * @self: a #SandbarTerminal
 * @command: (array zero-terminated=1): the command to run in the window
 * @working_directory: (nullable): an existing absolute directory, or %NULL
 *   for the home directory
 * @dir: (nullable): where to write a launcher script, as for
 *   [method@Terminal.build_argv]
 * @error: return location for a #GError
 *
 * Opens a new terminal window running @command in @working_directory.
 *
 * Spawns exactly the argv of [method@Terminal.build_argv], in
 * @working_directory (so terminals without a directory option start there
 * too), in a session of its own, with the user's environment rather than
 * the one Sandbar.app set up for GTK ([func@bundle_child_environ]), and
 * returns once the terminal program has started; it does not wait for
 * the window. The terminal's input is `/dev/null` and its output is
 * discarded; its error output is kept when ours is a terminal, so that
 * `sandbarctl open` shows why a terminal failed.
 *
 * Returns: %TRUE if the terminal started, or %FALSE with
 *   %SANDBAR_TERMINAL_ERROR_FAILED naming the program
 */
gboolean
sandbar_terminal_open (SandbarTerminal     *self,
                       const char * const  *command,
                       const char          *working_directory,
                       SandbarPrivateDir   *dir,
                       GError             **error)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) subprocess = NULL;
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) argv = NULL;
  g_auto(GStrv) envp = NULL;
  GSubprocessFlags flags;
  const char *cwd;

  g_return_val_if_fail (SANDBAR_IS_TERMINAL (self), FALSE);
  g_return_val_if_fail (command != NULL && command[0] != NULL, FALSE);
  g_return_val_if_fail (dir == NULL || SANDBAR_IS_PRIVATE_DIR (dir), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  cwd = working_directory != NULL ? working_directory : g_get_home_dir ();

  /* Before build_argv(), which may write a launcher script. */
  if (g_path_is_absolute (cwd) && !g_file_test (cwd, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *display = sandbar_input_display (cwd, -1);

      g_set_error (error, SANDBAR_TERMINAL_ERROR, SANDBAR_TERMINAL_ERROR_FAILED,
                   _("The working directory “%s” does not exist. Create it or choose "
                     "another folder."),
                   display);
      return FALSE;
    }

  argv = sandbar_terminal_build_argv (self, command, cwd, dir, error);
  if (argv == NULL)
    return FALSE;

  /* stdin stays /dev/null (GSubprocess's default): a terminal emulator
   * has no business reading ours. */
  flags = G_SUBPROCESS_FLAGS_STDOUT_SILENCE;
  if (!isatty (STDERR_FILENO))
    flags |= G_SUBPROCESS_FLAGS_STDERR_SILENCE;

  launcher = g_subprocess_launcher_new (flags);
  g_subprocess_launcher_set_cwd (launcher, cwd);
  /* Sandbar.app's GTK variables are not for the user's shell. */
  envp = sandbar_bundle_child_environ ();
  g_subprocess_launcher_set_environ (launcher, envp);
  g_subprocess_launcher_set_child_setup (launcher, detach_child, NULL, NULL);

  subprocess = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv,
                                             &local_error);
  if (subprocess == NULL)
    {
      g_autofree char *display = sandbar_input_display (argv[0], -1);

      g_set_error (error, SANDBAR_TERMINAL_ERROR, SANDBAR_TERMINAL_ERROR_FAILED,
                   _("Could not start the terminal “%s”: %s. Install it, or choose "
                     "another terminal in Preferences or with SANDBAR_TERMINAL."),
                   display, local_error->message);
      return FALSE;
    }

  g_subprocess_wait_async (subprocess, NULL, on_terminal_exited, g_strdup (argv[0]));

  return TRUE;
}
