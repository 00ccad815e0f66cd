#!/usr/bin/env python3
# bench.py — every benchmark, one table
#
# Copyright 2026 The Sandbar authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Run by `meson compile -C _build bench` (tests/bench/meson.build passes the
# programs) or `./build-aux/bench` from a fresh clone. Each program prints
# its figures as "row" lines (tests/bench/bench-common.h); this prints them
# as one table, then the targets that were missed.
#
#   SANDBAR_BENCH_RUNS=N    runs of the process benchmarks (default 5)
#   SANDBAR_BENCH_ONLY=a,b  only these sections: sbpl, store, preview, app
#
# The GUI benchmarks run under xvfb-run (and the process one under
# dbus-run-session with a fake tray); they are skipped with a note where
# those are missing.

import argparse
import os
import shutil
import subprocess
import sys
import time


def parse_rows(text):
    rows, notes = [], []
    for line in text.splitlines():
        if line.startswith('row\t'):
            fields = line.split('\t')[1:]
            fields += [''] * (8 - len(fields))
            rows.append(fields[:8])
        elif line.startswith('note:'):
            notes.append(line[5:].strip())
    return rows, notes


def run(name, argv, env=None, timeout=1800):
    sys.stderr.write('bench: running %s …\n' % name)
    sys.stderr.flush()
    started = time.monotonic()
    try:
        proc = subprocess.run(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True, timeout=timeout)
    except (OSError, subprocess.TimeoutExpired) as error:
        return [], ['%s: could not run: %s' % (name, error)]
    rows, notes = parse_rows(proc.stdout)
    if proc.returncode == 77:
        notes.append('%s: skipped (%s)' % (name, proc.stderr.strip().splitlines()[-1:]))
    elif proc.returncode != 0:
        tail = '\n    '.join(proc.stderr.strip().splitlines()[-5:])
        notes.append('%s: failed with status %d:\n    %s' % (name, proc.returncode, tail))
    sys.stderr.write('bench: %s took %.0f s\n' % (name, time.monotonic() - started))
    return rows, notes


def format_number(text):
    try:
        value = float(text)
    except ValueError:
        return text
    if value == int(value) and abs(value) >= 100:
        return '%d' % value
    if abs(value) >= 1000:
        return '%.0f' % value
    if abs(value) >= 100:
        return '%.1f' % value
    return '%.2f' % value


def print_table(rows):
    header = ['section', 'case', 'median', 'min', 'max', 'unit', 'target', '']
    table = [header] + [[r[0], r[1], format_number(r[2]), format_number(r[3]),
                         format_number(r[4]), r[5], r[6], r[7]] for r in rows]
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    right = {2, 3, 4}
    for n, row in enumerate(table):
        cells = [row[i].rjust(widths[i]) if i in right else row[i].ljust(widths[i])
                 for i in range(len(header))]
        print('  '.join(cells).rstrip())
        if n == 0:
            print('  '.join('-' * w for w in widths))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--sbpl', required=True)
    parser.add_argument('--store', required=True)
    parser.add_argument('--preview')
    parser.add_argument('--app')
    parser.add_argument('--sandbar')
    parser.add_argument('--schemas')
    args = parser.parse_args()

    only = set(filter(None, os.environ.get('SANDBAR_BENCH_ONLY', '').split(',')))
    runs = os.environ.get('SANDBAR_BENCH_RUNS', '5')
    xvfb = shutil.which('xvfb-run')
    dbus = shutil.which('dbus-run-session')
    screen = ['-a', '-s', '-screen 0 1280x900x24']

    gui_env = dict(os.environ)
    gui_env.update({
        'GDK_BACKEND': 'x11',
        'GTK_A11Y': 'none',
        'NO_AT_BRIDGE': '1',
        'GSETTINGS_BACKEND': 'memory',
        'LC_ALL': 'C.UTF-8',
    })
    if args.schemas:
        gui_env['GSETTINGS_SCHEMA_DIR'] = args.schemas
    gui_env.pop('GSK_RENDERER', None)
    gui_env.pop('GDK_DEBUG', None)

    rows, notes = [], []

    def want(section):
        return not only or section in only

    if want('sbpl'):
        r, n = run('bench-sbpl', [args.sbpl, '--tsv'])
        rows += r
        notes += n
    if want('store'):
        r, n = run('bench-store', [args.store, '--tsv'])
        rows += r
        notes += n

    if want('preview'):
        if args.preview is None:
            notes.append('preview: not built (no GTK)')
        elif xvfb is None:
            notes.append('preview: skipped, xvfb-run is missing')
        else:
            env = dict(gui_env, GSK_RENDERER='cairo', DBUS_SESSION_BUS_ADDRESS='disabled:')
            r, n = run('bench-preview', [xvfb] + screen + [args.preview, '--tsv'], env)
            rows += r
            notes += n

    if want('app'):
        if args.app is None or args.sandbar is None:
            notes.append('app: not built (needs GTK, X11 and the Linux tray)')
        elif xvfb is None or dbus is None:
            notes.append('app: skipped, xvfb-run or dbus-run-session is missing')
        else:
            # GTK's renderer is GL, on Xvfb Mesa's llvmpipe. On X11, GTK 4.8
            # loads Mesa (and with llvmpipe, LLVM) when it opens the display,
            # whatever the renderer; the third run shows the process without
            # it (GDK_DEBUG=gl-disable), to tell Sandbar's share from Mesa's.
            variants = (('cairo', {'GSK_RENDERER': 'cairo'}),
                        ("GTK's renderer", {}),
                        ('cairo, no GL', {'GSK_RENDERER': 'cairo', 'GDK_DEBUG': 'gl-disable'}))
            for label, extra in variants:
                env = dict(gui_env, **extra)
                r, n = run('bench-app (%s)' % label,
                           [dbus, '--', xvfb] + screen +
                           [args.app, '--tsv', '--runs', runs, '--label', label, args.sandbar],
                           env)
                rows += r
                notes += n

    print()
    print('Sandbar benchmarks: median, min and max of repeated runs (see tests/bench/).')
    print()
    print_table(rows)
    missed = [r for r in rows if r[7] == 'MISSED']
    print()
    if missed:
        print('Targets missed:')
        for r in missed:
            print('  %s: %s: %s %s (target %s)' % (r[0], r[1], format_number(r[2]), r[5], r[6]))
    else:
        print('Every target with a verdict is met.')
    for note in notes:
        print('Note: ' + note)
    return 0


if __name__ == '__main__':
    sys.exit(main())
