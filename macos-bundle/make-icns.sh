#!/bin/sh
# make-icns.sh — the application icon for macOS, from the scalable SVG
#
# Copyright 2026 The Sandbar authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: make-icns.sh SVG OUTPUT.icns
#        make-icns.sh --iconset SVG DIR.iconset
#
# Renders SVG (data/icons/io.github.sandbar.Sandbar.svg) at every size an
# .icns holds, 16 to 1024 pixels, into an .iconset folder with
# rsvg-convert (Homebrew: librsvg; Debian: librsvg2-bin), then packs it
# with macOS's iconutil. --iconset stops before iconutil, which only
# macOS has: the tests use it on Linux.

set -eu

die () {
  printf '%s\n' "make-icns.sh: $*" >&2
  exit 1
}

iconset_only=false
if [ "${1:-}" = --iconset ]; then
  iconset_only=true
  shift
fi
[ $# -eq 2 ] || die "usage: make-icns.sh [--iconset] SVG OUTPUT"
svg=$1
output=$2

[ -f "$svg" ] || die "no such file: $svg"
command -v rsvg-convert >/dev/null 2>&1 ||
  die "rsvg-convert not found (Homebrew: brew install librsvg; Debian: apt install librsvg2-bin)"
if [ "$iconset_only" = false ]; then
  command -v iconutil >/dev/null 2>&1 || die "iconutil not found: it comes with macOS"
fi

if [ "$iconset_only" = true ]; then
  iconset=$output
  mkdir -p "$iconset"
else
  work=$(mktemp -d "${TMPDIR:-/tmp}/sandbar-icns.XXXXXX")
  trap 'rm -rf "$work"' EXIT
  iconset=$work/Sandbar.iconset
  mkdir "$iconset"
fi

# iconutil's names: icon_SIZExSIZE.png and its double-resolution twin
# icon_SIZExSIZE@2x.png, for 16, 32, 128, 256 and 512 points.
for size in 16 32 128 256 512; do
  double=$((size * 2))
  rsvg-convert --width "$size" --height "$size" --keep-aspect-ratio \
    --output "$iconset/icon_${size}x${size}.png" "$svg"
  rsvg-convert --width "$double" --height "$double" --keep-aspect-ratio \
    --output "$iconset/icon_${size}x${size}@2x.png" "$svg"
done

if [ "$iconset_only" = false ]; then
  iconutil --convert icns --output "$output" "$iconset"
fi
