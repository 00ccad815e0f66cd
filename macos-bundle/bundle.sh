#!/bin/sh
# bundle.sh — build Sandbar.app from a Homebrew GTK 4
#
# Copyright 2026 The Sandbar authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: macos-bundle/bundle.sh [--build-dir DIR] [--output DIR]
#
# On a Mac with Homebrew and Sandbar's build dependencies (./build-aux/run
# installs them; the bundle also needs librsvg and adwaita-icon-theme),
# this builds Sandbar for release in DIR (default _build-bundle), installs
# it into a staging folder and lays out OUTPUT/Sandbar.app (default
# dist/):
#
#   Contents/Info.plist        from the build (macos-bundle/Info.plist.in)
#   Contents/MacOS/            sandbar (CFBundleExecutable), sandbarctl
#   Contents/Frameworks/       every Homebrew library they load, with
#                              install names rewritten to
#                              @executable_path/../Frameworks
#   Contents/Resources/        Sandbar.icns, sandbar-status.png (the menu-bar
#                              template image), and share/ (compiled
#                              schemas, Adwaita and hicolor icons,
#                              translations, GtkSourceView's languages and
#                              styles) and lib/ (gdk-pixbuf loaders, GIO
#                              modules) for GTK
#
# then signs it ad hoc. Sandbar's main() points GTK at Resources when it
# runs from a bundle (core/sandbar-bundle.c): the executable is the real
# program, not a shell script.
#
# No App Sandbox: Sandbar is signed without entitlements, and must never
# get com.apple.security.app-sandbox. A sandboxed app cannot start
# sandbox-exec (macOS refuses to nest Seatbelt sandboxes, and the App
# Sandbox is inherited by every child), and it could neither write the
# launcher scripts Terminal runs nor send Terminal Apple events. This rules
# out the Mac App Store; distribute with a Developer ID signature, the
# hardened runtime and notarization instead (not done here: ad-hoc
# signing is for running on this Mac).

set -eu

APP_NAME=Sandbar
LIBRARY_DOMAINS="gtk40 libadwaita gtksourceview-5"

say () {
  printf '%s\n' "bundle.sh: $*" >&2
}

die () {
  say "$*"
  exit 1
}

need () {
  command -v "$1" >/dev/null 2>&1 || die "$1 not found: $2"
}

SRC_DIR=$(cd "$(dirname "$0")/.." && pwd)
build_dir=$SRC_DIR/_build-bundle
output_dir=$SRC_DIR/dist

while [ $# -gt 0 ]; do
  case $1 in
    --build-dir) [ $# -ge 2 ] || die "--build-dir needs a folder"; build_dir=$2; shift 2 ;;
    --output) [ $# -ge 2 ] || die "--output needs a folder"; output_dir=$2; shift 2 ;;
    -h|--help) sed -n '2,38s/^# \{0,1\}//p' "$0"; exit 0 ;;
    *) die "unknown argument: $1 (see --help)" ;;
  esac
done

[ "$(uname -s)" = Darwin ] || die "Sandbar.app is built on macOS (this is $(uname -s))"
need brew "install Homebrew from https://brew.sh"
need meson "brew install meson"
need install_name_tool "install the Xcode command-line tools: xcode-select --install"
need otool "install the Xcode command-line tools: xcode-select --install"
need codesign "install the Xcode command-line tools: xcode-select --install"
need iconutil "it comes with macOS"
need rsvg-convert "brew install librsvg"
need glib-compile-schemas "brew install glib"
need gdk-pixbuf-query-loaders "brew install gdk-pixbuf"
need pkg-config "brew install pkg-config"

BREW=$(brew --prefix)

# ---------------------------------------------------------------------
# Build and stage
# ---------------------------------------------------------------------

if [ ! -f "$build_dir/build.ninja" ]; then
  meson setup "$build_dir" "$SRC_DIR" --buildtype=release -Dtests=false -Dgui=enabled
fi
meson compile -C "$build_dir"

work=$(mktemp -d "${TMPDIR:-/tmp}/sandbar-bundle.XXXXXX")
trap 'rm -rf "$work"' EXIT
stage=$work/stage
meson install -C "$build_dir" --destdir "$stage" --no-rebuild >/dev/null
# The install prefix inside the staging folder, wherever it is.
installed=$(find "$stage" -type f -path '*/bin/sandbar' | head -n 1)
[ -n "$installed" ] || die "the build installed no bin/sandbar: was GTK 4 found?"
staged=$(dirname "$(dirname "$installed")")

app=$work/$APP_NAME.app
contents=$app/Contents
resources=$contents/Resources
frameworks=$contents/Frameworks
mkdir -p "$contents/MacOS" "$resources/share" "$resources/lib" "$frameworks"

cp "$build_dir/macos-bundle/Info.plist" "$contents/Info.plist"
printf 'APPL????' >"$contents/PkgInfo"
cp "$staged/bin/sandbar" "$staged/bin/sandbarctl" "$contents/MacOS/"

# ---------------------------------------------------------------------
# Resources: icons of the bundle itself
# ---------------------------------------------------------------------

"$SRC_DIR/macos-bundle/make-icns.sh" "$SRC_DIR/data/icons/io.github.sandbar.Sandbar.svg" \
  "$resources/$APP_NAME.icns"
# 36 pixels, shown at 18 points: sharp on Retina displays.
rsvg-convert --width 36 --height 36 --output "$resources/sandbar-status.png" \
  "$SRC_DIR/macos-bundle/sandbar-status.svg"

# ---------------------------------------------------------------------
# Resources/share: what GTK, libadwaita and GtkSourceView read
# ---------------------------------------------------------------------

share=$resources/share

# Settings schemas: Sandbar's and GTK's, compiled.
mkdir -p "$share/glib-2.0/schemas"
cp "$staged"/share/glib-2.0/schemas/*.gschema.xml "$share/glib-2.0/schemas/"
for schema in "$BREW"/share/glib-2.0/schemas/org.gtk.gtk4.*.gschema.xml; do
  if [ -e "$schema" ]; then
    cp "$schema" "$share/glib-2.0/schemas/"
  fi
done
glib-compile-schemas --strict "$share/glib-2.0/schemas"

# Icons: Adwaita (GTK's symbolic icons) and hicolor with Sandbar's own.
mkdir -p "$share/icons"
[ -d "$BREW/share/icons/Adwaita" ] || die "no Adwaita icons: brew install adwaita-icon-theme"
cp -R "$BREW/share/icons/Adwaita" "$share/icons/"
mkdir -p "$share/icons/hicolor"
if [ -f "$BREW/share/icons/hicolor/index.theme" ]; then
  cp "$BREW/share/icons/hicolor/index.theme" "$share/icons/hicolor/"
fi
cp -R "$staged/share/icons/hicolor/." "$share/icons/hicolor/"
if command -v gtk4-update-icon-cache >/dev/null 2>&1; then
  for theme in "$share"/icons/*; do
    gtk4-update-icon-cache --quiet --force --ignore-theme-index "$theme" || true
  done
fi

# GtkSourceView's language definitions and style schemes.
[ -d "$BREW/share/gtksourceview-5" ] || die "no GtkSourceView data: brew install gtksourceview5"
cp -R "$BREW/share/gtksourceview-5" "$share/"

# Translations: Sandbar's, and the libraries' for the same languages
# (the application binds their domains to the bundle).
for mo in "$staged"/share/locale/*/LC_MESSAGES/sandbar.mo; do
  lang=$(basename "$(dirname "$(dirname "$mo")")")
  mkdir -p "$share/locale/$lang/LC_MESSAGES"
  cp "$mo" "$share/locale/$lang/LC_MESSAGES/"
  for domain in $LIBRARY_DOMAINS; do
    if [ -f "$BREW/share/locale/$lang/LC_MESSAGES/$domain.mo" ]; then
      cp "$BREW/share/locale/$lang/LC_MESSAGES/$domain.mo" "$share/locale/$lang/LC_MESSAGES/"
    fi
  done
done

# ---------------------------------------------------------------------
# Resources/lib: modules loaded at run time
# ---------------------------------------------------------------------

# gdk-pixbuf's loaders (SVG, for the icons, comes from librsvg). Their
# list names each loader by absolute path; the bundle ships a template
# with @SANDBAR_RESOURCES@ in place of its Resources folder, which main()
# writes out for wherever the bundle is (core/sandbar-bundle.c).
pixbuf_dir=$resources/lib/gdk-pixbuf-2.0/2.10.0
mkdir -p "$pixbuf_dir/loaders"
brew_loaders=$(pkg-config --variable=gdk_pixbuf_moduledir gdk-pixbuf-2.0)
gdk-pixbuf-query-loaders "$brew_loaders"/*.so >"$work/loaders.cache"
grep -q 'svg' "$work/loaders.cache" || die "no SVG image loader: brew install librsvg"
: >"$pixbuf_dir/loaders.cache.in"
while IFS= read -r line; do
  case $line in
    \"/*.so\")
      module=${line#\"}
      module=${module%\"}
      cp -L "$module" "$pixbuf_dir/loaders/"
      printf '"@SANDBAR_RESOURCES@/lib/gdk-pixbuf-2.0/2.10.0/loaders/%s"\n' \
        "$(basename "$module")" >>"$pixbuf_dir/loaders.cache.in" ;;
    *)
      printf '%s\n' "$line" >>"$pixbuf_dir/loaders.cache.in" ;;
  esac
done <"$work/loaders.cache"
if grep -q "\"$BREW" "$pixbuf_dir/loaders.cache.in"; then
  die "a loader outside the bundle is left in loaders.cache.in"
fi

# GIO modules (such as glib-networking), if any are installed.
mkdir -p "$resources/lib/gio/modules"
for module in "$BREW"/lib/gio/modules/*.so; do
  if [ -e "$module" ]; then
    cp -L "$module" "$resources/lib/gio/modules/"
  fi
done
if command -v gio-querymodules >/dev/null 2>&1; then
  gio-querymodules "$resources/lib/gio/modules"
fi

# ---------------------------------------------------------------------
# Frameworks: the libraries, with install names rewritten
# ---------------------------------------------------------------------

# Where a copied file came from, to resolve its @rpath and @loader_path
# references: "NAME<TAB>ORIGINAL PATH" per line.
origins=$work/origins
: >"$origins"
processed=$work/processed
: >"$processed"

origin_of () {
  awk -F '\t' -v name="$1" '$1 == name { print $2; exit }' "$origins"
}

# Prints the file a load command refers to, as seen from ORIGINAL.
resolve () {
  reference=$1
  original=$2
  case $reference in
    @loader_path/*)
      printf '%s\n' "$(dirname "$original")/${reference#@loader_path/}" ;;
    @rpath/*)
      leaf=${reference#@rpath/}
      for rpath in $(otool -l "$original" | awk '$1 == "path" { print $2 }'); do
        case $rpath in
          @loader_path/*) rpath=$(dirname "$original")/${rpath#@loader_path/} ;;
          @loader_path) rpath=$(dirname "$original") ;;
        esac
        if [ -e "$rpath/$leaf" ]; then
          printf '%s\n' "$rpath/$leaf"
          return
        fi
      done
      printf '%s\n' "$BREW/lib/$leaf" ;;
    @executable_path/*)
      printf '%s\n' "$BREW/lib/${reference#@executable_path/}" ;;
    *)
      printf '%s\n' "$reference" ;;
  esac
}

# Copies what FILE loads from Homebrew into Frameworks and points FILE at
# the copies. Sets copied=1 if it copied anything new. (Not run in a
# subshell, so that die ends the script.)
relink () {
  file=$1
  original=$(origin_of "$(basename "$file")")
  [ -n "$original" ] || original=$file
  chmod u+w "$file"
  for reference in $(otool -L "$file" | tail -n +2 | awk '{ print $1 }'); do
    case $reference in
      /usr/lib/*|/System/*|@executable_path/../Frameworks/*) continue ;;
    esac
    source=$(resolve "$reference" "$original")
    name=$(basename "$reference")
    [ "$name" = "$(basename "$file")" ] && continue   # its own install name
    [ -e "$source" ] || die "$(basename "$file") loads $reference, which is not at $source"
    if [ ! -e "$frameworks/$name" ]; then
      cp -L "$source" "$frameworks/$name"
      chmod u+w "$frameworks/$name"
      printf '%s\t%s\n' "$name" "$(cd "$(dirname "$source")" && pwd -P)/$(basename "$source")" \
        >>"$origins"
      copied=1
    fi
    install_name_tool -change "$reference" "@executable_path/../Frameworks/$name" "$file" \
      2>/dev/null
  done
}

for program in sandbar sandbarctl; do
  printf '%s\t%s\n' "$program" "$staged/bin/$program" >>"$origins"
done
for module in "$pixbuf_dir"/loaders/*.so "$resources"/lib/gio/modules/*.so; do
  [ -e "$module" ] || continue
  case $module in
    */loaders/*) printf '%s\t%s\n' "$(basename "$module")" "$brew_loaders/$(basename "$module")" ;;
    *) printf '%s\t%s\n' "$(basename "$module")" "$BREW/lib/gio/modules/$(basename "$module")" ;;
  esac >>"$origins"
done

# Until a pass copies nothing new: each library's own dependencies are
# copied in turn. A library is copied once, by name.
changed=1
while [ "$changed" = 1 ]; do
  changed=0
  for file in "$contents"/MacOS/* "$frameworks"/*.dylib "$pixbuf_dir"/loaders/*.so \
              "$resources"/lib/gio/modules/*.so; do
    [ -e "$file" ] || continue
    if grep -qxF "$file" "$processed"; then
      continue
    fi
    printf '%s\n' "$file" >>"$processed"
    copied=0
    relink "$file"
    if [ "$copied" = 1 ]; then
      changed=1
    fi
  done
done

for library in "$frameworks"/*.dylib; do
  [ -e "$library" ] || continue
  install_name_tool -id "@executable_path/../Frameworks/$(basename "$library")" "$library" \
    2>/dev/null
done

# Nothing may still point into Homebrew.
for file in "$contents"/MacOS/* "$frameworks"/*.dylib "$pixbuf_dir"/loaders/*.so \
            "$resources"/lib/gio/modules/*.so; do
  [ -e "$file" ] || continue
  if otool -L "$file" | tail -n +2 | grep -q -e "$BREW" -e /usr/local/ -e /opt/homebrew/; then
    otool -L "$file" >&2
    die "$(basename "$file") still loads a library from outside the bundle"
  fi
done

# ---------------------------------------------------------------------
# Sign (ad hoc, no entitlements: see the top of this file)
# ---------------------------------------------------------------------

# install_name_tool invalidates signatures, and Apple silicon runs no
# unsigned code: sign every library and module, then the bundle.
find "$app" -type f \( -name '*.dylib' -o -name '*.so' \) -exec codesign --force --sign - {} \;
codesign --force --sign - "$contents/MacOS/sandbarctl"
codesign --force --deep --sign - "$app"
codesign --verify --deep --strict "$app"

mkdir -p "$output_dir"
rm -rf "${output_dir:?}/$APP_NAME.app"
mv "$app" "$output_dir/"
say "built $output_dir/$APP_NAME.app"
say "run it with: open \"$output_dir/$APP_NAME.app\"; sandbarctl is in $APP_NAME.app/Contents/MacOS"
