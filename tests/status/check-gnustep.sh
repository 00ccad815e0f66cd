#!/bin/sh
# check-gnustep.sh — compile the macOS status item with GNUstep (TAP)
#
# Copyright 2026 The Sandbar authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-gnustep.sh FILE.m CONFIG_DIR INCLUDE_DIR...
#
# Compiles FILE.m with `-fsyntax-only -Werror` against GNUstep's AppKit
# and GLib's headers, with the compiler GNUstep was built for. This finds
# syntax errors, unknown selectors and wrong GLib glue on Linux; it cannot
# find Apple-only API or behaviour (that needs a Mac). To show that the
# check can fail, it also compiles two broken copies of the file and
# expects both to be rejected for the planted reason.
#
# Skips (TAP "1..0 # SKIP") when gnustep-config, an Objective-C compiler
# or GNUstep's AppKit headers are missing: on Debian install gobjc,
# gnustep-make and libgnustep-gui-dev (build-aux/setup does).

set -u

if [ $# -lt 2 ]; then
  echo "usage: $0 FILE.m CONFIG_DIR INCLUDE_DIR..." >&2
  exit 2
fi

source_file=$1
shift
# The file's own folder first, for its headers beside it.
includes="-I$(dirname "$source_file")"
for dir in "$@"; do
  includes="$includes -I$dir"
done

skip () {
  echo "1..0 # SKIP $*"
  exit 0
}

command -v gnustep-config >/dev/null 2>&1 ||
  skip "gnustep-config not found (Debian: gnustep-make, libgnustep-gui-dev)"

cc=$(gnustep-config --variable=CC 2>/dev/null)
[ -n "$cc" ] || cc=gcc
command -v "$cc" >/dev/null 2>&1 || skip "GNUstep's compiler $cc not found"
case $cc in
  *gcc*)
    cc1obj=$("$cc" -print-prog-name=cc1obj)
    [ -x "$cc1obj" ] || skip "$cc cannot compile Objective-C (Debian: gobjc)" ;;
esac

# GLib is required by the build itself: failing to find it is an error.
glib_cflags=$(pkg-config --cflags gio-2.0) || {
  echo "Bail out! pkg-config does not know gio-2.0"
  exit 1
}

# GNUstep's flags, less those that write dependency files or optimise.
objc_flags=""
for flag in $(gnustep-config --objc-flags); do
  case $flag in
    -MMD|-MP|-I.|-g|-O*) ;;
    *) objc_flags="$objc_flags $flag" ;;
  esac
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# -std=gnu11 as the project's c_std (gcc's Objective-C default is older;
# clang on macOS defaults to a newer one).
compile () {
  # shellcheck disable=SC2086
  "$cc" -x objective-c -std=gnu11 -fsyntax-only -Werror -Wall $objc_flags $glib_cflags $includes "$1" \
    >"$work/out" 2>&1
}

# Does GNUstep's AppKit compile at all with this compiler? If not, the
# installation is incomplete or built for another compiler: not our file.
cat >"$work/probe.m" <<'EOF'
#import <AppKit/AppKit.h>
int sandbar_probe (void);
int sandbar_probe (void) { return [NSStatusBar systemStatusBar] != nil; }
EOF
if ! compile "$work/probe.m"; then
  sed 's/^/# /' "$work/out"
  skip "GNUstep's AppKit headers do not compile with $cc (Debian: libgnustep-gui-dev)"
fi

echo "1..3"
status=0

if compile "$source_file"; then
  echo "ok 1 - $(basename "$source_file") compiles with GNUstep"
else
  echo "not ok 1 - $(basename "$source_file") compiles with GNUstep"
  sed 's/^/# /' "$work/out"
  status=1
fi

# A syntax error must fail the check.
cp "$source_file" "$work/syntax-error.m"
printf '\n@implementation SandbarBroken (\n' >>"$work/syntax-error.m"
if compile "$work/syntax-error.m"; then
  echo "not ok 2 - a syntax error is rejected"
  status=1
elif grep -q 'syntax-error.m:[0-9]*:[0-9]*: error' "$work/out"; then
  echo "ok 2 - a syntax error is rejected"
else
  echo "not ok 2 - a syntax error is rejected, but not where it was planted"
  sed 's/^/# /' "$work/out"
  status=1
fi

# So must a selector AppKit does not have (a warning that -Werror makes
# an error).
cp "$source_file" "$work/unknown-selector.m"
cat >>"$work/unknown-selector.m" <<'EOF'

void sandbar_broken (void);
void sandbar_broken (void) { [NSApp sandbarNoSuchSelector]; }
EOF
if compile "$work/unknown-selector.m"; then
  echo "not ok 3 - an unknown selector is rejected"
  status=1
elif grep -q 'sandbarNoSuchSelector' "$work/out"; then
  echo "ok 3 - an unknown selector is rejected"
else
  echo "not ok 3 - an unknown selector is rejected, but for another reason"
  sed 's/^/# /' "$work/out"
  status=1
fi

exit $status
