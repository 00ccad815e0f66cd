#!/usr/bin/env python3
# check-info-plist.py — Sandbar.app's Info.plist, checked on any system
#
# Copyright 2026 The Sandbar authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-info-plist.py INFO_PLIST APP_ID VERSION BUNDLE_SH
#        check-info-plist.py --self-test INFO_PLIST APP_ID VERSION BUNDLE_SH
#
# The configured Info.plist parses with plistlib (which, unlike
# plistutil, fails on malformed XML) and has the keys macOS needs, with
# the right types: a <string> where macOS wants a string and <true/> where
# it wants a boolean ("true" as a string would silently not make Sandbar a
# menu-bar app). The icon file it names is the one bundle.sh writes, and
# bundle.sh signs without entitlements (no App Sandbox). --self-test
# breaks a copy in several ways and expects each to be caught.
# Prints TAP.

import copy
import plistlib
import re
import sys


def problems(plist, app_id, version, bundle_sh):
    found = []

    def expect(key, kind, value=None, pattern=None):
        if key not in plist:
            found.append(f'{key} is missing')
        elif type(plist[key]) is not kind:
            found.append(f'{key} is a {type(plist[key]).__name__}, not a {kind.__name__}')
        elif value is not None and plist[key] != value:
            found.append(f'{key} is {plist[key]!r}, not {value!r}')
        elif pattern is not None and not re.fullmatch(pattern, plist[key]):
            found.append(f'{key} {plist[key]!r} does not match {pattern}')

    expect('CFBundleIdentifier', str, app_id)
    expect('CFBundleExecutable', str, 'sandbar')
    expect('CFBundleName', str, 'Sandbar')
    expect('CFBundlePackageType', str, 'APPL')
    expect('CFBundleShortVersionString', str, version)
    # Up to three period-separated integers.
    expect('CFBundleVersion', str, pattern=r'\d+(\.\d+){0,2}')
    expect('CFBundleInfoDictionaryVersion', str, '6.0')
    expect('CFBundleIconFile', str, pattern=r'[^/]+\.icns')
    expect('LSMinimumSystemVersion', str, '13.0')
    expect('LSUIElement', bool, True)
    expect('NSHighResolutionCapable', bool, True)
    expect('NSAppleEventsUsageDescription', str, pattern=r'.*Terminal.*')
    if type(plist.get('CFBundleLocalizations')) is not list or \
            not all(type(x) is str for x in plist['CFBundleLocalizations']) or \
            not {'en', 'de', 'fr'} <= set(plist['CFBundleLocalizations']):
        found.append('CFBundleLocalizations is not a list of strings with en, de and fr')

    m = re.search(r'^APP_NAME=(\S+)$', bundle_sh, re.M)
    app_name = m.group(1) if m else None
    if app_name != plist.get('CFBundleName'):
        found.append(f'bundle.sh builds {app_name}.app, but CFBundleName is '
                     f'{plist.get("CFBundleName")!r}')
    if plist.get('CFBundleIconFile') != f'{app_name}.icns' or \
            '"$resources/$APP_NAME.icns"' not in bundle_sh:
        found.append(f'bundle.sh does not write Resources/{plist.get("CFBundleIconFile")}')
    code = '\n'.join(l for l in bundle_sh.splitlines() if not l.lstrip().startswith('#'))
    if '--entitlements' in code or 'app-sandbox' in code:
        found.append('bundle.sh signs with entitlements: Sandbar must not be App-Sandboxed')
    return found


def self_test(plist, app_id, version, bundle_sh):
    breakages = {
        'LSUIElement as the string "true"': lambda p: p.__setitem__('LSUIElement', 'true'),
        'no CFBundleIdentifier': lambda p: p.pop('CFBundleIdentifier'),
        'another executable': lambda p: p.__setitem__('CFBundleExecutable', 'Sandbar.sh'),
        'a version with letters': lambda p: p.__setitem__('CFBundleVersion', '0.1.0-dev'),
        'NSHighResolutionCapable false': lambda p: p.__setitem__('NSHighResolutionCapable', False),
        'no Apple events explanation': lambda p: p.pop('NSAppleEventsUsageDescription'),
    }
    results = []
    for name, breakage in breakages.items():
        broken = copy.deepcopy(plist)
        breakage(broken)
        results.append((bool(problems(broken, app_id, version, bundle_sh)), f'catches {name}'))
    results.append((bool(problems(plist, app_id, version,
                                  bundle_sh + '\ncodesign --entitlements app.plist\n')),
                    'catches signing with entitlements'))
    try:
        plistlib.loads(b'<?xml version="1.0"?><plist version="1.0"><dict><key>a</key></plist>')
        results.append((False, 'malformed XML is rejected'))
    except Exception:
        results.append((True, 'malformed XML is rejected'))
    return results


def main(argv):
    args = argv[1:]
    selftest = bool(args) and args[0] == '--self-test'
    if selftest:
        args = args[1:]
    if len(args) != 4:
        print(f'usage: {argv[0]} [--self-test] INFO_PLIST APP_ID VERSION BUNDLE_SH',
              file=sys.stderr)
        return 2
    path, app_id, version, bundle_path = args
    with open(bundle_path, encoding='utf-8') as f:
        bundle_sh = f.read()

    try:
        with open(path, 'rb') as f:
            plist = plistlib.load(f)
    except Exception as e:
        print('1..1')
        print(f'not ok 1 - {path} parses: {e}')
        return 1

    if selftest:
        results = self_test(plist, app_id, version, bundle_sh)
    else:
        found = problems(plist, app_id, version, bundle_sh)
        results = [(True, f'{path} parses'),
                   (not found, 'the keys macOS needs are there, with the right types'
                    + ''.join(f'\n# {p}' for p in found))]

    print(f'1..{len(results)}')
    status = 0
    for i, (ok, description) in enumerate(results, 1):
        print(f'{"ok" if ok else "not ok"} {i} - {description}')
        status |= not ok
    return status


if __name__ == '__main__':
    sys.exit(main(sys.argv))
