/* sandbar-macos-compat.h — AppKit API that GNUstep lacks, for the check
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The macOS files are compiled on Linux against GNUstep's AppKit headers
 * (tests/status/check-gnustep.sh) to catch mistakes without a Mac. GNUstep
 * has the pre-10.10 NSStatusItem API only and no activation policy nor
 * template images. Rather than leave those calls out of the check with
 * #ifndef GNUSTEP, they are declared here for GNUstep, exactly as Apple
 * declares them, so that every line of the file is still compiled there.
 * The check never links: these declarations have no implementation.
 */

#pragma once

#import <AppKit/AppKit.h>

#ifdef GNUSTEP

@interface NSStatusItem (SandbarGNUstepCompat)
- (NSStatusBarButton *) button;
@end

@interface NSApplication (SandbarGNUstepCompat)
- (BOOL) setActivationPolicy: (NSApplicationActivationPolicy)activationPolicy;
@end

@interface NSImage (SandbarGNUstepCompat)
- (void) setTemplate: (BOOL)isTemplate;
@end

#endif
