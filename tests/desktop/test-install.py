#!/usr/bin/env python3
# test-install.py — what `meson install --destdir D` lays out
#
# Copyright 2026 The Sandbar authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-install.py MESON BUILD_DIR
#
# Installs the build into a temporary DESTDIR and checks that the
# programs, desktop file, metainfo, settings schema, icons and
# translations land where desktops look for them, that they agree with
# each other (the desktop file's Icon, the metainfo's launchable, the
# tray's icon name), that the installed files validate, and that the
# installed sandbarctl finds the installed German catalogue.
#
# `meson install` writes meson-logs/install-log.txt, which `ninja
# uninstall` reads to undo a real install; running it on the build folder
# from a test would overwrite that log, and could race with a `meson
# install` the user runs. So it runs on a scratch folder holding a copy
# of meson-private/install.dat and links to everything else in the build
# folder: the build folder is only read. --no-rebuild keeps it from
# starting ninja while `meson test` may be building. DESTDIR also makes
# meson skip the post-install scripts (schema compilation, icon cache).
# Prints TAP.

import configparser
import json
import locale
import os
import shutil
import subprocess
import sys
import tempfile

APP_ID = 'io.github.sandbar.Sandbar'


def usable_locale(candidates):
    """The first of candidates the C library has, or None."""
    original = locale.setlocale(locale.LC_ALL)
    for name in candidates:
        try:
            locale.setlocale(locale.LC_ALL, name)
            return name
        except locale.Error:
            continue
        finally:
            locale.setlocale(locale.LC_ALL, original)
    return None


def options(meson, build_dir):
    result = subprocess.run([meson, 'introspect', '--buildoptions', build_dir],
                            capture_output=True, encoding='utf-8', errors='replace', check=True)
    return {o['name']: o['value'] for o in json.loads(result.stdout)}


def scratch_build_dir(build_dir, scratch):
    for name in os.listdir(build_dir):
        if name not in ('meson-logs', 'meson-private'):
            os.symlink(os.path.join(build_dir, name), os.path.join(scratch, name))
    os.mkdir(os.path.join(scratch, 'meson-logs'))
    os.mkdir(os.path.join(scratch, 'meson-private'))
    shutil.copy(os.path.join(build_dir, 'meson-private', 'install.dat'),
                os.path.join(scratch, 'meson-private', 'install.dat'))


def main(argv):
    if len(argv) != 3:
        print(f'usage: {argv[0]} MESON BUILD_DIR', file=sys.stderr)
        return 2
    meson, build_dir = argv[1], os.path.abspath(argv[2])
    opts = options(meson, build_dir)
    tests = []

    def check(ok, description):
        tests.append((bool(ok), description))

    with tempfile.TemporaryDirectory() as tmp:
        scratch = os.path.join(tmp, 'build')
        destdir = os.path.join(tmp, 'dest')
        os.mkdir(scratch)
        scratch_build_dir(build_dir, scratch)
        log_before = os.path.exists(os.path.join(build_dir, 'meson-logs', 'install-log.txt'))

        result = subprocess.run([meson, 'install', '-C', scratch, '--no-rebuild',
                                 '--destdir', destdir],
                                capture_output=True, encoding='utf-8', errors='replace')
        check(result.returncode == 0, 'meson install --destdir succeeds'
              + ''.join('\n# ' + l for l in (result.stdout + result.stderr).splitlines()[-20:]
                        if result.returncode != 0))
        log_after = os.path.exists(os.path.join(build_dir, 'meson-logs', 'install-log.txt'))
        check(log_before == log_after, 'the build folder\'s install log is left alone')

        prefix = destdir + opts['prefix']

        def at(option, *parts):
            return os.path.join(prefix, opts[option], *parts)

        bindir = at('bindir')
        expected = {
            'the window program': at('bindir', 'sandbar'),
            'the command-line tool': at('bindir', 'sandbarctl'),
            'the desktop file': at('datadir', 'applications', APP_ID + '.desktop'),
            'the metainfo': at('datadir', 'metainfo', APP_ID + '.metainfo.xml'),
            'the settings schema': at('datadir', 'glib-2.0', 'schemas', APP_ID + '.gschema.xml'),
            'the application icon': at('datadir', 'icons', 'hicolor', 'scalable', 'apps',
                                       APP_ID + '.svg'),
            'the tray icon': at('datadir', 'icons', 'hicolor', 'symbolic', 'apps',
                                APP_ID + '-symbolic.svg'),
        }
        # Linux and the BSDs: the tray item's own small process, which the
        # window looks for in libexec (gui/status/sandbar-tray-link.c).
        if not sys.platform.startswith('darwin'):
            expected['the tray process'] = at('libexecdir', 'sandbar-tray')
        with open(os.path.join(os.path.dirname(__file__), '..', '..', 'po', 'LINGUAS')) as f:
            languages = f.read().split()
        for lang in languages:
            expected[f'the {lang} translations'] = at('localedir', lang, 'LC_MESSAGES',
                                                      'sandbar.mo')

        for what, path in expected.items():
            check(os.path.isfile(path),
                  f'{what}: {os.path.relpath(path, destdir)}')
        for name in ('sandbar', 'sandbarctl'):
            check(os.access(os.path.join(bindir, name), os.X_OK), f'{name} is executable')
        if 'the tray process' in expected:
            check(os.access(expected['the tray process'], os.X_OK), 'sandbar-tray is executable')

        # They agree with each other.
        desktop = configparser.ConfigParser(interpolation=None, strict=False)
        desktop.optionxform = str
        desktop.read(expected['the desktop file'], encoding='utf-8')
        entry = desktop['Desktop Entry'] if desktop.has_section('Desktop Entry') else {}
        check(entry.get('Icon') == APP_ID, 'the desktop file names the installed icon')
        check(entry.get('Exec', '').split()[:1] == ['sandbar'],
              'the desktop file starts the installed program')
        check(entry.get('Name[de]') and entry.get('Name[fr]'),
              'the desktop file carries the translations')
        actions = [a for a in entry.get('Actions', '').split(';') if a]
        templates = sorted(n[:-len('.sandbar')] for n in os.listdir(
            os.path.join(os.path.dirname(__file__), '..', '..', 'data', 'templates'))
            if n.endswith('.sandbar'))
        check(sorted(actions) == templates,
              'there is one desktop action per built-in profile: ' + ', '.join(actions))
        check(actions and all(desktop.has_section('Desktop Action ' + a) and
                              desktop['Desktop Action ' + a].get('Exec', '').startswith(
                                  'sandbar --launch ' + a)
                              for a in actions),
              'each desktop action opens a terminal in the profile it names')
        with open(expected['the metainfo'], encoding='utf-8') as f:
            metainfo = f.read()
        check(f'<launchable type="desktop-id">{APP_ID}.desktop</launchable>' in metainfo,
              'the metainfo launches the installed desktop file')
        check('xml:lang="de"' in metainfo, 'the metainfo carries the translations')

        # They validate as installed.
        validators = [
            ('desktop-file-validate', [expected['the desktop file']]),
            ('appstreamcli', ['validate-tree', '--no-net', prefix]),
            ('glib-compile-schemas', ['--strict', '--dry-run',
                                      os.path.dirname(expected['the settings schema'])]),
        ]
        for program, args in validators:
            path = shutil.which(program)
            if path is None:
                tests.append((None, f'{program} is not installed'))
                continue
            result = subprocess.run([path] + args, capture_output=True, encoding='utf-8', errors='replace')
            check(result.returncode == 0, f'{program} accepts the installed files'
                  + ''.join('\n# ' + l for l in (result.stdout + result.stderr).splitlines()
                            if result.returncode != 0))

        # The installed tool speaks German from the installed catalogue
        # (gettext translates only in a UTF-8 locale).
        name = usable_locale(['de_DE.UTF-8', 'C.UTF-8'])
        if name is None:
            tests.append((None, 'no UTF-8 locale to run sandbarctl in'))
        else:
            env = dict(os.environ, LANGUAGE='de', LC_ALL=name,
                       SANDBAR_LOCALEDIR=os.path.join(prefix, opts['localedir']))
            result = subprocess.run([os.path.join(bindir, 'sandbarctl'), '--help'],
                                    capture_output=True, encoding='utf-8', errors='replace', env=env)
            check('Befehle:' in result.stdout,
                  'the installed sandbarctl speaks German with the installed catalogue')

    print(f'1..{len(tests)}')
    status = 0
    for i, (ok, description) in enumerate(tests, 1):
        if ok is None:
            print(f'ok {i} # SKIP {description}')
        else:
            print(f'{"ok" if ok else "not ok"} {i} - {description}')
            status |= not ok
    return status


if __name__ == '__main__':
    sys.exit(main(sys.argv))
