#!/usr/bin/env python3
# test-generated.py — every generated profile, both renderings, reads and
# evaluates in Debian's TinyScheme (DESIGN.md, Testing)
#
# Copyright 2026 The Sandbar authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   test-generated.py CHECKER GENERATOR GOLDEN_DIR [COUNT [SEED]]
#
# Checks, with CHECKER (sandbar-sbpl-check):
#   - every golden NAME.sandbar's NAME.sb with --params NAME.params, and
#     NAME.inline.sb without parameters;
#   - COUNT (300) random profiles from GENERATOR (sbpl-gen): the parameter
#     rendering with --params0, and the inline one as sbpl-gen writes it
#     for TinyScheme, long strings split into string-append of literals
#     of at most 255 bytes;
#   - first, that broken input fails, so that a pass means something.
# Every check must exit 0.
#
# The checker is imported and its main() called in worker processes, not
# run as a new Python per profile: starting Python costs more than the
# TinyScheme run itself, and each check still runs its own tinyscheme.
#
# Debian's tinyscheme 1.42 sometimes dies of SIGSEGV when given several
# files on its command line, as the checker does (it reads uninitialised
# memory; whether it crashes depends on address-space layout and on how
# much the earlier files allocated, not on what the profile means). A
# check whose tinyscheme was killed by a signal is therefore run again, up
# to CRASH_ATTEMPTS times, and the crashes are counted in the summary; a
# profile that never gets a verdict fails.
#
# Exits 77 (skipped) when tinyscheme is not installed.

import concurrent.futures
import contextlib
import importlib.machinery
import importlib.util
import io
import multiprocessing
import os
import shutil
import subprocess
import sys
import tempfile
import time

SKIP = 77
CRASH_ATTEMPTS = 10
CHECKER = None


class RecordingSubprocess:
    """The checker's `subprocess`, recording tinyscheme's exit status,
    which its main() folds into a plain failure."""
    DEVNULL = subprocess.DEVNULL
    returncodes = []

    @staticmethod
    def run(*args, **kwargs):
        result = subprocess.run(*args, **kwargs)
        RecordingSubprocess.returncodes.append(result.returncode)
        return result


def load_checker(path):
    loader = importlib.machinery.SourceFileLoader('sandbar_sbpl_check', path)
    spec = importlib.util.spec_from_loader(loader.name, loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    module.subprocess = RecordingSubprocess
    return module


def check_once(argv):
    """Runs the checker's main(argv); returns (exit status, output, whether
    tinyscheme crashed)."""
    buffer = io.BytesIO()
    text = io.TextIOWrapper(buffer, write_through=True)
    RecordingSubprocess.returncodes.clear()
    with contextlib.redirect_stdout(text), contextlib.redirect_stderr(text):
        try:
            status = CHECKER.main(argv)
        except SystemExit as e:  # argparse
            status = e.code
    text.flush()
    codes = RecordingSubprocess.returncodes
    return status, buffer.getvalue(), status != 0 and bool(codes) and codes[-1] < 0


def check(argv):
    """Returns (argv, exit status, output, tinyscheme crashes)."""
    for crashes in range(CRASH_ATTEMPTS):
        status, output, crashed = check_once(argv)
        if not crashed:
            return argv, status, output, crashes
    return argv, status, output + b'\ntinyscheme crashed on every attempt\n', CRASH_ATTEMPTS


def run_all(jobs):
    context = multiprocessing.get_context('fork')
    workers = max(2, os.cpu_count() or 2)
    with concurrent.futures.ProcessPoolExecutor(workers, mp_context=context) as pool:
        return list(pool.map(check, jobs, chunksize=8))


def golden_jobs(golden_dir):
    jobs = []
    stems = sorted(name[:-len('.sandbar')] for name in os.listdir(golden_dir)
                   if name.endswith('.sandbar'))
    for stem in stems:
        base = os.path.join(golden_dir, stem)
        jobs.append(['--params', base + '.params', base + '.sb'])
        jobs.append([base + '.inline.sb'])
    return stems, jobs


# Heads of the rules that sbpl-gen's profiles split when they hold more
# than SANDBAR_SBPL_FILTERS_PER_RULE paths.
PATH_RULES = (b'(allow file-write*\n', b'(deny file-write*\n', b'(deny file-read* file-write*\n')


def random_jobs(directory):
    """Returns the jobs and how many profiles had an inline file, a value
    of 256 bytes or more, string-append in the inline file, split rules."""
    jobs, n_inline, n_long, n_appended, n_split = [], 0, 0, 0, 0
    for name in sorted(os.listdir(directory)):
        if not name.endswith('.params0'):
            continue
        base = os.path.join(directory, name[:-len('.params0')])
        with open(base + '.params0', 'rb') as f:
            values = [entry.partition(b'=')[2] for entry in f.read().split(b'\0') if entry]
        with open(base + '.sb', 'rb') as f:
            text = f.read()
        n_long += any(len(value) >= 256 for value in values)
        n_split += any(text.count(head) > 1 for head in PATH_RULES)
        jobs.append(['--params0', base + '.params0', base + '.sb'])
        if os.path.exists(base + '.inline.sb'):
            with open(base + '.inline.sb', 'rb') as f:
                n_appended += b'(string-append "' in f.read()
            jobs.append([base + '.inline.sb'])
            n_inline += 1
    return jobs, (n_inline, n_long, n_appended, n_split)


def write(directory, name, data):
    path = os.path.join(directory, name)
    with open(path, 'wb') as f:
        f.write(data)
    return path


def broken_jobs(golden_dir, tmp):
    """Broken variants of a golden profile, each of which must fail."""
    base = os.path.join(golden_dir, 'roots')
    with open(base + '.sb', 'rb') as f:
        text = f.read()
    with open(base + '.inline.sb', 'rb') as f:
        inline = f.read()
    with open(base + '.params', 'rb') as f:
        params = f.read()
    assert b'(allow file-read*)' in text
    last = text.rindex(b')')
    assert b'(param "WRITABLE_ROOT_0")' in text and b'(subpath "/home/u/src/app")' in inline
    params_file = write(tmp, 'broken.params', params)
    short_params = write(tmp, 'short.params', params.split(b'\n', 1)[1])
    quoted = b'(subpath "/home/u/src/app")'
    # (what, original, broken text, arguments, the message it must fail with)
    cases = [
        ('last form unclosed', text, text[:last] + text[last + 1:], ['--params', params_file],
         b'did not evaluate to its end'),
        ('unknown operation', text, text.replace(b'(allow file-read*)', b'(allow file-reed*)'),
         ['--params', params_file], b'unknown operation file-reed*'),
        ('parameter missing', None, text, ['--params', short_params],
         b'parameter WRITABLE_ROOT_0 was not passed'),
        ('inline literal unterminated', inline,
         inline.replace(quoted, b'(subpath "/home/u/src/app)'), [], b'Error reading string'),
    ]
    jobs = []
    for i, (label, source, profile, args, message) in enumerate(cases):
        assert profile != source, label  # the edit really happened
        jobs.append((label, args + [write(tmp, 'broken-%d.sb' % i, profile)], message))
    return jobs


def main(argv):
    global CHECKER
    if shutil.which('tinyscheme') is None:
        print('SKIP: tinyscheme is not installed (apt install tinyscheme)')
        return SKIP

    checker, generator, golden_dir = argv[0], argv[1], argv[2]
    count = int(argv[3]) if len(argv) > 3 else 300
    seed = argv[4] if len(argv) > 4 else '20260401'
    CHECKER = load_checker(checker)
    failed = []
    started = time.monotonic()

    with tempfile.TemporaryDirectory(prefix='sandbar-generated-') as tmp:
        broken = broken_jobs(golden_dir, tmp)
        stems, goldens = golden_jobs(golden_dir)
        out_dir = os.path.join(tmp, 'random')
        os.mkdir(out_dir)
        subprocess.run([generator, seed, str(count), out_dir], check=True)
        randoms, (n_inline, n_long, n_appended, n_split) = random_jobs(out_dir)

        results = run_all([args for _, args, _ in broken] + goldens + randoms)

        crashes = sum(result[3] for result in results)
        # The broken ones fail with status 1 (not 0, not a usage error), and
        # for the reason they were broken for.
        for (label, _, message), (args, status, output, _) in zip(broken, results):
            if status != 1 or message not in output:
                sys.stdout.buffer.write(output)
                failed.append('broken profile (%s) exited %s, expected 1 with "%s"'
                              % (label, status, message.decode()))
        for args, status, output, _ in results[len(broken):]:
            if status != 0:
                sys.stdout.buffer.write(output)
                failed.append('%s exited %s' % (' '.join(args), status))

    # The random set exercised the limits: long values, in the inline
    # rendering as string-append; rules split by the number of paths.
    if len(stems) < 10:
        failed.append('only %d golden profiles found in %s' % (len(stems), golden_dir))
    if n_inline < count:
        failed.append('only %d of %d random profiles had an inline rendering' % (n_inline, count))
    if n_long < count // 10:
        failed.append('only %d random profiles had a parameter of 256 bytes or more' % n_long)
    if n_appended < n_long:
        failed.append('only %d random inline renderings used string-append, but %d profiles '
                      'had a parameter of 256 bytes or more' % (n_appended, n_long))
    if n_split < count // 30:
        failed.append('only %d random profiles had a rule split in several' % n_split)

    print('checked %d broken, %d golden (%d profiles), %d random (%d profiles, %d inline, '
          '%d with values of 256 bytes or more, %d with string-append inline, %d with '
          'split rules) in %.1f s; tinyscheme crashed and was rerun %d times'
          % (len(broken), len(goldens), len(stems), len(randoms), count, n_inline, n_long,
             n_appended, n_split, time.monotonic() - started, crashes))
    for message in failed:
        print('FAIL: ' + message)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
