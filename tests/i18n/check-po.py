#!/usr/bin/env python3
# check-po.py — every translation compiles, is complete and keeps the rules
#
# Copyright 2026 The Sandbar authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-po.py SOURCE_ROOT LANG
#
# For po/LANG.po:
# 1. `msgfmt --check --check-format --statistics`: it compiles, its
#    placeholders match, and nothing is fuzzy or untranslated;
# 2. it translates every message the sources have now: a fresh template
#    is extracted from po/POTFILES with xgettext (meson's 'glib' preset)
#    and compared with `msgcmp`, so a new string that was never merged
#    into the .po fails here, not in a user's window;
# 3. typography and the things a translation must keep: the language's
#    quotation marks („…“ in German; « … » with no-break spaces in French),
#    leading and trailing spaces and line breaks (sentences are put
#    together from pieces), {} placeholders, one mnemonic underscore in
#    GUI labels, the trailing ";" of desktop-file keyword lists, and the
#    name Sandbar.
# Prints TAP.

import os
import re
import shutil
import subprocess
import sys
import tempfile

# meson's i18n module, preset 'glib' (mesonbuild/modules/i18n.py).
XGETTEXT_ARGS = [
    '--from-code=UTF-8', '--add-comments',
    '--keyword=_', '--keyword=N_', '--keyword=C_:1c,2', '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2', '--keyword=g_dngettext:2,3', '--keyword=g_dpgettext2:2c,3',
    '--flag=N_:1:pass-c-format', '--flag=C_:2:pass-c-format', '--flag=NC_:2:pass-c-format',
    '--flag=g_dngettext:2:pass-c-format', '--flag=g_strdup_printf:1:c-format',
    '--flag=g_string_printf:2:c-format', '--flag=g_string_append_printf:2:c-format',
    '--flag=g_error_new:3:c-format', '--flag=g_set_error:4:c-format',
    '--flag=g_markup_printf_escaped:1:c-format', '--flag=g_log:3:c-format',
    '--flag=g_print:1:c-format', '--flag=g_printerr:1:c-format', '--flag=g_printf:1:c-format',
    '--flag=g_fprintf:2:c-format', '--flag=g_sprintf:2:c-format',
    '--flag=g_snprintf:3:c-format',
]

NBSP = '\u00a0'
NNBSP = '\u202f'


def unquote(s):
    s = s[1:-1]
    out = []
    i = 0
    while i < len(s):
        if s[i] == '\\':
            out.append({'n': '\n', 't': '\t', '"': '"', '\\': '\\'}.get(s[i + 1], s[i + 1]))
            i += 2
        else:
            out.append(s[i])
            i += 1
    return ''.join(out)


def parse_po(path):
    """Entries as dicts: refs, flags, msgctxt, msgid, msgid_plural, msgstr
    (a list: one string, or one per plural form)."""
    entries = []
    entry = None
    field = None
    with open(path, encoding='utf-8') as f:
        lines = f.read().split('\n')
    for line in lines + ['']:
        if not line.strip() or line.startswith('#~'):
            if entry is not None and entry.get('msgid') is not None:
                entries.append(entry)
            entry = None
            continue
        if entry is None:
            entry = {'refs': [], 'flags': [], 'msgctxt': None, 'msgid': None,
                     'msgid_plural': None, 'msgstr': []}
        if line.startswith('#:'):
            entry['refs'] += line[2:].split()
        elif line.startswith('#,'):
            entry['flags'] += [f.strip() for f in line[2:].split(',')]
        elif line.startswith('#'):
            pass
        else:
            m = re.match(r'(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?) (".*")$', line)
            if m:
                field = m.group(1)
                value = unquote(m.group(2))
                if field.startswith('msgstr'):
                    entry['msgstr'].append(value)
                else:
                    entry[field] = value
            elif line.startswith('"'):
                if field.startswith('msgstr'):
                    entry['msgstr'][-1] += unquote(line)
                else:
                    entry[field] += unquote(line)
    return [e for e in entries if e['msgid'] != '']


def edge(text, end):
    """The whitespace at the start (end=False) or end of text."""
    m = re.search(r'\s*$' if end else r'^\s*', text)
    return m.group(0).replace(NBSP, ' ').replace(NNBSP, ' ')


def style_problems(lang, entry):
    msgid = entry['msgid']
    problems = []
    for msgstr in entry['msgstr']:
        shown = msgstr.replace('\n', '\\n')

        if edge(msgid, False) != edge(msgstr, False) or edge(msgid, True) != edge(msgstr, True):
            problems.append(f'spaces or line breaks at the ends differ: “{shown}”')
        if msgid.count('{}') != msgstr.count('{}'):
            problems.append(f'{{}} placeholders differ: “{shown}”')
        if 'Sandbar' in msgid and 'Sandbar' not in msgstr:
            problems.append(f'the name Sandbar is missing: “{shown}”')
        if msgid.endswith(';') and ';' in msgid[:-1] and not msgstr.endswith(';'):
            problems.append(f'a keyword list must end with “;”: “{shown}”')
        if '"' in msgstr and '"' not in msgid:
            problems.append(f'straight quotes: “{shown}”')

        gui_only = entry['refs'] and all(r.startswith('gui/') for r in entry['refs'])
        if gui_only and msgid.count('_') == 1 and re.search(r'_\w', msgid):
            if msgstr.count('_') != 1 or not re.search(r'_\w', msgstr):
                problems.append(f'one mnemonic underscore expected: “{shown}”')

        if lang == 'de':
            if '”' in msgstr or '«' in msgstr or '»' in msgstr:
                problems.append(f'German quotes are „…“: “{shown}”')
            if msgstr.count('„') != msgstr.count('“'):
                problems.append(f'unbalanced „…“: “{shown}”')
        elif lang == 'fr':
            if any(q in msgstr for q in '“”„'):
                problems.append(f'French quotes are « … »: “{shown}”')
            if re.search('«(?!' + NBSP + ')', msgstr) or re.search('(?<!' + NBSP + ')»', msgstr):
                problems.append(f'« » need no-break spaces inside: “{shown}”')
            if re.search(r'[ \t][:;!?]', msgstr):
                problems.append(f'a no-break space goes before : ; ! ?: “{shown}”')
    return problems


def run(argv, **kwargs):
    return subprocess.run(argv, capture_output=True, text=True, **kwargs)


def main(argv):
    if len(argv) != 3:
        print(f'usage: {argv[0]} SOURCE_ROOT LANG', file=sys.stderr)
        return 2
    root, lang = argv[1], argv[2]
    po = os.path.join(root, 'po', lang + '.po')

    for tool in ('msgfmt', 'xgettext', 'msgcmp'):
        if shutil.which(tool) is None:
            print(f'1..0 # SKIP {tool} not found (gettext)')
            return 0

    print('1..3')
    status = 0

    # 1. Compiles, placeholders match, complete.
    result = run(['msgfmt', '--check', '--check-format', '--statistics', '-o', os.devnull, po],
                 env=dict(os.environ, LC_ALL='C', LANGUAGE=''))
    stats = result.stderr.strip()
    complete = (result.returncode == 0 and 'translated message' in stats
                and 'fuzzy' not in stats and 'untranslated' not in stats)
    print(f'{"ok" if complete else "not ok"} 1 - {lang}.po compiles and is complete: {stats}')
    status |= not complete

    # 2. Up to date with the sources.
    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, 'sandbar.pot')
        result = run(['xgettext', '--package-name=sandbar', '-f', os.path.join(root, 'po',
                                                                                'POTFILES'),
                      '-D', root, '-o', pot] + XGETTEXT_ARGS)
        if result.returncode != 0:
            print('not ok 2 - the sources can be extracted with xgettext')
            print('\n'.join('# ' + l for l in result.stderr.splitlines()))
            status = 1
        else:
            result = run(['msgcmp', po, pot], env=dict(os.environ, LC_ALL='C', LANGUAGE=''))
            ok = result.returncode == 0
            print(f'{"ok" if ok else "not ok"} 2 - {lang}.po translates every message of '
                  'the sources (else: meson compile -C _build sandbar-update-po)')
            if not ok:
                print('\n'.join('# ' + l for l in result.stderr.splitlines()[:40]))
            status |= not ok

    # 3. Typography and what must be kept.
    problems = []
    for entry in parse_po(po):
        for problem in style_problems(lang, entry):
            problems.append(f'{entry["refs"][0] if entry["refs"] else "?"}: {problem}')
    print(f'{"ok" if not problems else "not ok"} 3 - {lang}.po keeps the quotation marks, '
          'spacing, placeholders and mnemonics')
    for problem in problems:
        print('# ' + problem)
    status |= bool(problems)

    return status


if __name__ == '__main__':
    sys.exit(main(sys.argv))
