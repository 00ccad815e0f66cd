#!/usr/bin/env python3
# test-sandbarctl-i18n.py — sandbarctl speaks German and French; SBPL does not
#
# Copyright 2026 The Sandbar authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-sandbarctl-i18n.py SANDBARCTL LOCALE_DIR
#
# Runs the built sandbarctl with LANGUAGE=de (and fr) and the catalogues
# as built (SANDBAR_LOCALEDIR=LOCALE_DIR, the build's po/): --help, a
# usage error and `check` are translated; the Seatbelt profile, its
# parameters and the command line are byte for byte the same as in
# English. A UTF-8 locale is needed for gettext to translate at all:
# LANG=de_DE.UTF-8 where it is installed, else C.UTF-8 (glibc translates
# with LANGUAGE under C.UTF-8 too); without either the test skips.
# Prints TAP.

import locale
import os
import re
import subprocess
import sys
import tempfile

EXPECTED = {
    'de': {
        'locales': ['de_DE.UTF-8', 'de_DE.utf8'],
        'help': ['Sandbox-Profile verwalten und Befehle darin ausführen.',
                 'Befehle:',
                 'Version anzeigen und beenden',
                 'Führen Sie „sandbarctl BEFEHL --help“ aus'],
        'unknown': 'sandbarctl: unbekannter Befehl „no-such-command“',
        'check': 'Das Profil „Standard“ (default) ist gültig.',
    },
    'fr': {
        'locales': ['fr_FR.UTF-8', 'fr_FR.utf8'],
        'help': ['Conserver des profils de bac à sable et y exécuter des commandes.',
                 'Commandes\u00a0:',
                 'Afficher la version et quitter',
                 'Lancez «\u00a0sandbarctl COMMANDE --help\u00a0»'],
        'unknown': 'sandbarctl\u00a0: commande «\u00a0no-such-command\u00a0» inconnue',
        'check': 'Le profil «\u00a0Par défaut\u00a0» (default) est valide.',
    },
}


def usable_locale(candidates):
    """The first of candidates the C library has, or None."""
    original = locale.setlocale(locale.LC_ALL)
    for name in candidates + ['C.UTF-8', 'C.utf8']:
        try:
            locale.setlocale(locale.LC_ALL, name)
            return name
        except locale.Error:
            continue
        finally:
            locale.setlocale(locale.LC_ALL, original)
    return None


def run(sandbarctl, args, env):
    result = subprocess.run([sandbarctl] + args, capture_output=True, env=env)
    # The launch files are written to a fresh private folder every time.
    out = re.sub(r'/sandbar-[A-Za-z0-9]{6}/', '/sandbar-XXXXXX/', result.stdout.decode('utf-8'))
    return result.returncode, out, result.stderr.decode('utf-8')


def main(argv):
    if len(argv) != 3:
        print(f'usage: {argv[0]} SANDBARCTL LOCALE_DIR', file=sys.stderr)
        return 2
    sandbarctl, locale_dir = argv[1], os.path.abspath(argv[2])

    with tempfile.TemporaryDirectory() as tmp:
        base = dict(os.environ)
        for name in ('LANGUAGE', 'LANG', 'LC_ALL', 'LC_MESSAGES'):
            base.pop(name, None)
        base.update({
            'SANDBAR_LOCALEDIR': locale_dir,
            'SANDBAR_PROFILES_DIR': os.path.join(tmp, 'profiles'),
            'HOME': tmp,
            'SSH_AUTH_SOCK': '/tmp/sandbar-test-agent.sock',
        })
        english = dict(base, LC_ALL='C.UTF-8' if usable_locale([]) else 'C')

        # Output that is data, not words: the same in every language.
        data_commands = [
            ['sbpl', '--allow-unix-socket', '/tmp/sandbar-test.sock', '--network'],
            ['sbpl', '--inline', '--allow-unix-socket', '/tmp/sandbar-test.sock'],
            ['params', '--allow-unix-socket', '/tmp/sandbar-test.sock', '--deny-read', '~/.ssh'],
            ['args', '--backend', 'seatbelt', '--', 'make', 'test'],
            ['args', '--backend', 'bwrap', '--writable-root', '/tmp', '--', 'make', 'test'],
            ['sbpl', 'git-over-ssh'],
            ['list'],
        ]
        reference = [run(sandbarctl, c, english) for c in data_commands]

        tests = []
        for lang, expected in EXPECTED.items():
            name = usable_locale(expected['locales'])
            if name is None:
                tests.append((None, f'{lang}: no UTF-8 locale to run in'))
                continue
            env = dict(base, LANGUAGE=lang, LANG=name, LC_ALL=name)

            status, out, err = run(sandbarctl, ['--help'], env)
            missing = [s for s in expected['help'] if s not in out + err]
            tests.append((status == 0 and not missing,
                          f'{lang}: sandbarctl --help is translated (LC_ALL={name})'
                          + ''.join(f'\n# missing: {s}' for s in missing)
                          + ('' if not missing else '\n' + '\n'.join('# ' + l for l in
                                                                    (out + err).splitlines()))))

            status, out, err = run(sandbarctl, ['no-such-command'], env)
            tests.append((status == 2 and expected['unknown'] in err,
                          f'{lang}: a usage error is translated\n# {err.strip()}'))

            status, out, err = run(sandbarctl, ['check'], env)
            tests.append((status == 0 and out.startswith(expected['check']),
                          f'{lang}: sandbarctl check describes the policy in {lang}\n# '
                          + out.strip()[:200]))

            # `list` lists the profiles a new folder was seeded with, and
            # those got English names in the English run above: the same.
            for command, ref in zip(data_commands, reference):
                got = run(sandbarctl, command, env)
                tests.append((got[0] == ref[0] and got[1] == ref[1] and ref[0] == 0,
                              f'{lang}: “sandbarctl {" ".join(command)}” prints exactly what '
                              'it prints in English'))

    print(f'1..{len(tests)}')
    status = 0
    for i, (ok, description) in enumerate(tests, 1):
        # A TAP line is one line: a message quoted in the description may
        # hold line breaks.
        description = ' '.join(description.split('\n'))
        if ok is None:
            print(f'ok {i} # SKIP {description}')
        else:
            print(f'{"ok" if ok else "not ok"} {i} - {description}')
            status |= not ok
    return status


if __name__ == '__main__':
    sys.exit(main(sys.argv))
