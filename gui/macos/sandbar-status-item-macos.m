/* sandbar-status-item-macos.m — the menu-bar item on macOS: NSStatusItem
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An NSStatusItem with a template image and an NSMenu rebuilt from the
 * SandbarStatusMenu whenever it changes. Built only on darwin (see
 * gui/status/meson.build); compiled on Linux against GNUstep by the
 * 'macos' test suite, so it keeps to what both accept:
 *
 * - manual retain/release, no ARC, no blocks, no @autoreleasepool (an
 *   NSAutoreleasePool object instead), no literals, no dot syntax for
 *   properties GNUstep lacks; the AppKit API GNUstep misses is declared
 *   in sandbar-macos-compat.h;
 * - menu items target a small controller object (target/action).
 *
 * A menu action runs inside NSMenu's tracking run loop, from which GLib
 * must not be iterated (gdk/macos/gdkmacoseventloop.c). So the action only
 * queues an idle callback; that callback activates the GAction, on the
 * GLib main loop like any other event.
 *
 * Agent mode: with LSUIElement in Info.plist Sandbar starts without a
 * Dock icon, but GTK turns the process into a foreground app when it
 * opens the display. The item sets the Accessory policy back when it is
 * created (after GTK's startup), and sandbar_status_item_set_window_visible()
 * switches to Regular while the window is open, so the window has a Dock
 * icon, Cmd-Tab and the application's menu bar.
 */

#include "config.h"

#import <AppKit/AppKit.h>
/* GNUstep defines _() for its own bundles; Sandbar's strings go through
 * GLib's gettext, as everywhere else. */
#undef _
#include <glib/gi18n-lib.h>

#include "sandbar-macos-compat.h"
#include "sandbar-status-item-private.h"

/* The menu-bar icon: a black-and-alpha template image that macOS tints
 * for light and dark menu bars, in the bundle's Resources. */
#define ICON_RESOURCE  @"sandbar-status"
#define ICON_TYPE      @"png"
#define ICON_SIZE      18.0

@class SandbarStatusController;

struct _SandbarStatusBackend
{
  /* Borrowed */
  SandbarStatusItem       *item;

  /* Owned */
  SandbarStatusMenu       *menu;
  NSStatusItem            *status_item;   /* retained */
  SandbarStatusController *controller;    /* retained */

  gulong                   layout_handler;
  gulong                   entries_handler;
  gboolean                 window_visible;
};

/* ---------------------------------------------------------------------- */
/* From AppKit to GLib                                                    */
/* ---------------------------------------------------------------------- */

typedef struct
{
  SandbarStatusMenu *menu;
  int                id;
} Activation;

static void
activation_free (gpointer data)
{
  Activation *activation = data;

  g_object_unref (activation->menu);
  g_free (activation);
}

/* On the GLib main loop, out of the menu's tracking loop. */
static gboolean
activate_in_idle (gpointer user_data)
{
  Activation *activation = user_data;

  /* "Edit Profiles…" brings Sandbar to the front, even while it has no
   * Dock icon; the `present` action then shows the window. */
  if (activation->id == SANDBAR_STATUS_MENU_EDIT_ID)
    {
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
      [NSApp activateIgnoringOtherApps: YES];
#pragma GCC diagnostic pop
    }

  sandbar_status_menu_activate (activation->menu, activation->id);
  return G_SOURCE_REMOVE;
}

@interface SandbarStatusController : NSObject
{
  SandbarStatusMenu *menu;   /* borrowed; NULL once the item is gone */
}
- (id) initWithMenu: (SandbarStatusMenu *)aMenu;
- (void) detach;
- (void) activateEntry: (id)sender;
@end

@implementation SandbarStatusController

- (id) initWithMenu: (SandbarStatusMenu *)aMenu
{
  self = [super init];
  if (self != nil)
    menu = aMenu;
  return self;
}

- (void) detach
{
  menu = NULL;
}

- (void) activateEntry: (id)sender
{
  Activation *activation;

  if (menu == NULL)
    return;

  activation = g_new0 (Activation, 1);
  activation->menu = g_object_ref (menu);
  activation->id = (int) [sender tag];
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, activate_in_idle, activation, activation_free);
}

@end

/* ---------------------------------------------------------------------- */
/* The item                                                               */
/* ---------------------------------------------------------------------- */

static NSString *
ns_string (const char *text)
{
  NSString *string = text != NULL ? [NSString stringWithUTF8String: text] : nil;

  return string != nil ? string : @"";
}

static void
rebuild_menu (SandbarStatusBackend *self)
{
  NSAutoreleasePool *pool = [[NSAutoreleasePool alloc] init];
  NSMenu *menu = [[NSMenu alloc] initWithTitle: @""];
  guint n = sandbar_status_menu_get_n_entries (self->menu);

  /* Enabled states come from the actions, not from AppKit's validation. */
  [menu setAutoenablesItems: NO];

  for (guint i = 0; i < n; i++)
    {
      const SandbarStatusEntry *entry = sandbar_status_menu_get_entry (self->menu, i);
      NSMenuItem *menu_item;

      if (entry->kind == SANDBAR_STATUS_ENTRY_SEPARATOR)
        {
          [menu addItem: [NSMenuItem separatorItem]];
          continue;
        }

      menu_item = [[NSMenuItem alloc] initWithTitle: ns_string (entry->label)
                                             action: @selector (activateEntry:)
                                      keyEquivalent: @""];
      [menu_item setTarget: self->controller];
      [menu_item setTag: entry->id];
      [menu_item setEnabled: entry->enabled ? YES : NO];
      [menu addItem: menu_item];
      [menu_item release];
    }

  [self->status_item setMenu: menu];
  [menu release];
  [pool drain];
}

static void
on_layout_changed (SandbarStatusMenu *menu,
                   gpointer           user_data)
{
  rebuild_menu (user_data);
}

static void
on_entries_changed (SandbarStatusMenu *menu,
                    GArray            *ids,
                    gpointer           user_data)
{
  rebuild_menu (user_data);
}

/* The template image from the bundle; outside a bundle (run from the
 * build folder) the name will do. */
static void
set_icon (SandbarStatusBackend *self)
{
  NSString *path = [[NSBundle mainBundle] pathForResource: ICON_RESOURCE ofType: ICON_TYPE];
  NSImage *image = nil;
  NSStatusBarButton *button = [self->status_item button];

  if (path != nil)
    image = [[NSImage alloc] initWithContentsOfFile: path];

  if (image != nil)
    {
      [image setTemplate: YES];
      [image setSize: NSMakeSize (ICON_SIZE, ICON_SIZE)];
      [button setImage: image];
      [image release];
    }
  else
    {
      /* Translators: shown in the macOS menu bar when the icon is missing */
      [button setTitle: ns_string (_("Sandbar"))];
    }
}

SandbarStatusBackend *
_sandbar_status_backend_new (SandbarStatusItem  *item,
                             SandbarStatusMenu  *menu,
                             GError            **error)
{
  NSAutoreleasePool *pool = [[NSAutoreleasePool alloc] init];
  SandbarStatusBackend *self = g_new0 (SandbarStatusBackend, 1);

  self->item = item;
  self->menu = g_object_ref (menu);

  /* GTK made us a foreground app when it opened the display; a menu-bar
   * app has no Dock icon until a window is shown. */
  [NSApplication sharedApplication];
  [NSApp setActivationPolicy: NSApplicationActivationPolicyAccessory];

  self->controller = [[SandbarStatusController alloc] initWithMenu: menu];
  self->status_item = [[[NSStatusBar systemStatusBar]
                         statusItemWithLength: NSVariableStatusItemLength] retain];
  set_icon (self);
  [[self->status_item button] setToolTip: ns_string (sandbar_status_item_get_tooltip (item))];
  rebuild_menu (self);

  self->layout_handler = g_signal_connect (menu, "layout-changed",
                                           G_CALLBACK (on_layout_changed), self);
  self->entries_handler = g_signal_connect (menu, "entries-changed",
                                            G_CALLBACK (on_entries_changed), self);

  /* The menu bar always has room for it. */
  _sandbar_status_item_set_shown (item, TRUE);

  [pool drain];
  return self;
}

void
_sandbar_status_backend_free (SandbarStatusBackend *self)
{
  NSAutoreleasePool *pool;

  if (self == NULL)
    return;

  pool = [[NSAutoreleasePool alloc] init];

  g_clear_signal_handler (&self->layout_handler, self->menu);
  g_clear_signal_handler (&self->entries_handler, self->menu);

  [self->controller detach];
  [[NSStatusBar systemStatusBar] removeStatusItem: self->status_item];
  [self->status_item release];
  [self->controller release];
  g_clear_object (&self->menu);
  g_free (self);

  [pool drain];
}

void
_sandbar_status_backend_tooltip_changed (SandbarStatusBackend *self)
{
  NSAutoreleasePool *pool = [[NSAutoreleasePool alloc] init];

  [[self->status_item button] setToolTip:
     ns_string (sandbar_status_item_get_tooltip (self->item))];
  [pool drain];
}

void
_sandbar_status_backend_icon_theme_path_changed (SandbarStatusBackend *self)
{
  /* Icon themes are a Linux matter: the icon comes from the bundle. */
}

void
_sandbar_status_backend_set_window_visible (SandbarStatusBackend *self,
                                            gboolean              visible)
{
  if (self->window_visible == visible)
    return;
  self->window_visible = visible;

  if (visible)
    {
      /* A Dock icon, Cmd-Tab and the menu bar while the window is open. */
      [NSApp setActivationPolicy: NSApplicationActivationPolicyRegular];
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
      [NSApp activateIgnoringOtherApps: YES];
#pragma GCC diagnostic pop
    }
  else
    {
      [NSApp setActivationPolicy: NSApplicationActivationPolicyAccessory];
    }
}
