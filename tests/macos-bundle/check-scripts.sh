#!/bin/sh
# check-scripts.sh — the macOS bundle scripts, checked on Linux (TAP)
#
# Copyright 2026 The Sandbar authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-scripts.sh BUNDLE_SH MAKE_ICNS_SH
#
# Both scripts parse (sh -n) and pass shellcheck as POSIX sh (skipped
# without shellcheck; Debian: shellcheck); shellcheck is shown to fail on
# a planted mistake; off macOS, bundle.sh stops at once and says why,
# and its --help works.

set -u

if [ $# -ne 2 ]; then
  echo "usage: $0 BUNDLE_SH MAKE_ICNS_SH" >&2
  exit 2
fi
bundle_sh=$1
make_icns_sh=$2

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "1..7"
status=0
n=0

result () {
  n=$((n + 1))
  if [ "$1" = 0 ]; then
    echo "ok $n - $2"
  else
    echo "not ok $n - $2"
    sed 's/^/# /' "$work/out"
    status=1
  fi
}

skip () {
  n=$((n + 1))
  echo "ok $n # SKIP $1"
}

for script in "$bundle_sh" "$make_icns_sh"; do
  sh -n "$script" >"$work/out" 2>&1
  result $? "$(basename "$script") parses (sh -n)"
done

if command -v shellcheck >/dev/null 2>&1; then
  for script in "$bundle_sh" "$make_icns_sh"; do
    shellcheck --shell=sh "$script" >"$work/out" 2>&1
    result $? "$(basename "$script") passes shellcheck"
  done

  # The check can fail: an unquoted expansion is reported.
  printf '#!/bin/sh\nrm -rf $1/build\n' >"$work/planted.sh"
  if shellcheck --shell=sh "$work/planted.sh" >"$work/out" 2>&1; then
    result 1 "shellcheck reports a planted unquoted variable"
  else
    : >"$work/out"
    result 0 "shellcheck reports a planted unquoted variable"
  fi
else
  skip "shellcheck not found (Debian: shellcheck)"
  skip "shellcheck not found (Debian: shellcheck)"
  skip "shellcheck not found (Debian: shellcheck)"
fi

# Off macOS it stops before building anything, and says why.
if [ "$(uname -s)" = Darwin ]; then
  skip "this is macOS: bundle.sh would build the app"
else
  sh "$bundle_sh" --output "$work/dist" >"$work/out" 2>&1
  code=$?
  if [ "$code" = 1 ] && grep -q 'built on macOS' "$work/out" && [ ! -e "$work/dist" ]; then
    result 0 "bundle.sh refuses to run on $(uname -s) and says why"
  else
    echo "# exit status $code" >>"$work/out"
    result 1 "bundle.sh refuses to run on $(uname -s) and says why"
  fi
fi

sh "$bundle_sh" --help >"$work/out" 2>&1
code=$?
if [ "$code" = 0 ] && grep -q 'No App Sandbox' "$work/out"; then
  result 0 "bundle.sh --help explains the bundle, App Sandbox included"
else
  result 1 "bundle.sh --help explains the bundle, App Sandbox included"
fi

exit $status
