#!/usr/bin/env python3
# check-potfiles.py — po/POTFILES lists exactly the files with marked strings
#
# Copyright 2026 The Sandbar authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-potfiles.py SOURCE_ROOT
#        check-potfiles.py --self-test
#
# A file has marked strings when it is
# - C or Objective-C (.c, .h, .m) calling _(), N_(), C_(), NC_(), Q_(),
#   g_dngettext(), g_dpgettext2() or g_dcgettext() outside comments;
# - a GtkBuilder file (.ui) with translatable="yes";
# - a desktop file or AppStream metainfo template (.desktop.in,
#   .metainfo.xml.in): every one has translatable keys;
# - a GSettings schema (.gschema.xml) with a gettext-domain.
# tests/, build folders and hidden folders are not looked at. A file
# missing from POTFILES is never translated; a listed file that does not
# exist, or has nothing to translate, fails the build of the .pot.
# Prints TAP.

import os
import re
import sys
import tempfile

C_EXTENSIONS = ('.c', '.h', '.m')
MARKERS = re.compile(r'(?<![A-Za-z0-9_])'
                     r'(?:_|N_|C_|NC_|Q_|g_dngettext|g_dpgettext2|g_dcgettext)\s*\(')
SKIP_DIRS = {'tests', 'subprojects'}


def strip_c_comments(text):
    """Blanks comments, keeping string literals (a "/*" in a string is not
    a comment)."""
    out = []
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        if c == '"' or c == "'":
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == '\\' else 1
            out.append(text[i:j + 1])
            i = j + 1
        elif text.startswith('/*', i):
            j = text.find('*/', i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r'[^\n]', ' ', text[i:j]))
            i = j
        elif text.startswith('//', i):
            j = text.find('\n', i)
            j = n if j < 0 else j
            i = j
        else:
            out.append(c)
            i += 1
    return ''.join(out)


def has_marked_strings(path):
    name = os.path.basename(path)
    if name.endswith(C_EXTENSIONS):
        with open(path, encoding='utf-8', errors='replace') as f:
            return MARKERS.search(strip_c_comments(f.read())) is not None
    if name.endswith('.ui'):
        with open(path, encoding='utf-8', errors='replace') as f:
            return 'translatable="yes"' in f.read()
    if name.endswith(('.desktop.in', '.metainfo.xml.in')):
        return True
    if name.endswith('.gschema.xml'):
        with open(path, encoding='utf-8', errors='replace') as f:
            return 'gettext-domain=' in f.read()
    return False


def is_build_dir(path):
    return os.path.exists(os.path.join(path, 'meson-private')) or \
        os.path.exists(os.path.join(path, 'build.ninja'))


def scan(root):
    found = set()
    for dirpath, dirnames, filenames in os.walk(root):
        rel = os.path.relpath(dirpath, root)
        dirnames[:] = sorted(
            d for d in dirnames
            if not d.startswith('.') and not d.startswith('_build')
            and not (rel == '.' and d in SKIP_DIRS)
            and not is_build_dir(os.path.join(dirpath, d)))
        for name in filenames:
            path = os.path.join(dirpath, name)
            if has_marked_strings(path):
                found.add(os.path.normpath(os.path.relpath(path, root)))
    return found


def read_potfiles(root):
    listed = []
    with open(os.path.join(root, 'po', 'POTFILES'), encoding='utf-8') as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith('#'):
                listed.append(line)
    return listed


def check(root):
    """Returns a list of (ok, description) results."""
    listed = read_potfiles(root)
    found = scan(root)
    results = []

    missing = sorted(found - set(listed))
    results.append((not missing, 'every file with marked strings is in po/POTFILES'
                    + ''.join(f'\n# missing: {p}' for p in missing)))

    stale = sorted(p for p in listed
                   if not os.path.isfile(os.path.join(root, p))
                   or not has_marked_strings(os.path.join(root, p)))
    results.append((not stale, 'every file in po/POTFILES exists and has marked strings'
                    + ''.join(f'\n# nothing to translate: {p}' for p in stale)))

    dupes = sorted({p for p in listed if listed.count(p) > 1})
    results.append((not dupes and listed == sorted(listed),
                    'po/POTFILES is sorted, without duplicates'
                    + ''.join(f'\n# listed twice: {p}' for p in dupes)))
    return results


def self_test():
    """The check must be able to fail: a fake tree with one file missing
    from POTFILES and one listed that has nothing to translate."""
    with tempfile.TemporaryDirectory() as root:
        def write(rel, text):
            path = os.path.join(root, rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, 'w', encoding='utf-8') as f:
                f.write(text)

        write('core/a.c', 'const char *s = _("A");\n')
        write('core/b.c', '/* _("only in a comment") */\nint g_(int x);\n')
        write('core/c.c', 'const char *s = N_ ("C");\n')
        write('gui/w.ui', '<property name="label" translatable="yes">W</property>\n')
        write('tests/t.c', 'const char *s = _("T");\n')
        write('po/POTFILES', 'core/a.c\ncore/b.c\ngui/w.ui\n')
        results = check(root)
        text = '\n'.join(d for _, d in results)
        return (not results[0][0] and '# missing: core/c.c' in text
                and not results[1][0] and '# nothing to translate: core/b.c' in text
                and 'tests/t.c' not in text)


def main(argv):
    if len(argv) == 2 and argv[1] == '--self-test':
        ok = self_test()
        print('1..1')
        print(('ok' if ok else 'not ok') + ' 1 - the check finds a missing and a stale entry')
        return 0 if ok else 1
    if len(argv) != 2:
        print(f'usage: {argv[0]} SOURCE_ROOT | --self-test', file=sys.stderr)
        return 2

    results = check(argv[1])
    print(f'1..{len(results)}')
    status = 0
    for i, (ok, description) in enumerate(results, 1):
        print(f'{"ok" if ok else "not ok"} {i} - {description}')
        status |= not ok
    return status


if __name__ == '__main__':
    sys.exit(main(sys.argv))
