#!/usr/bin/env python3
# test-sbpl-check.py — tests for sandbar-sbpl-check, run by meson
#
# Copyright 2026 The Sandbar authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   test-sbpl-check.py case CHECKER SAMPLE   one sample profile; its header says
#                                            what to expect
#   test-sbpl-check.py params CHECKER        hostile and long parameter values
#                                            reach the profile byte-exact
#   test-sbpl-check.py usage CHECKER         bad invocations exit 2, not 0 or 1
#
# Sample header lines (in the leading comment of tests/data/sbpl-check/*.sb):
#
#   ; expect: ok
#   ; expect: fail TEXT      the check fails and TEXT is in its messages
#   ; param: NAME=VALUE
#
# Exits 77 (skipped) when tinyscheme is not installed.

import os
import random
import shutil
import subprocess
import sys
import tempfile

SKIP = 77


def fail(message):
    print('FAIL: ' + message)
    sys.exit(1)


def run_checker(checker, args, stdin=None):
    result = subprocess.run([sys.executable, checker] + args, input=stdin,
                            capture_output=True, timeout=300)
    return result.returncode, result.stdout + result.stderr


def header(sample):
    """The sample's expectation and parameters, from its leading comment."""
    expect, params = None, []
    with open(sample, 'rb') as f:
        for line in f:
            if not line.startswith(b';'):
                break
            if line.startswith(b'; expect: '):
                expect = line[len(b'; expect: '):].rstrip(b'\n')
            elif line.startswith(b'; param: '):
                params.append(line[len(b'; param: '):].rstrip(b'\n'))
    if expect is None:
        fail('%s has no "; expect:" line' % sample)
    return expect, params


def test_case(checker, sample):
    expect, params = header(sample)
    status, output = run_checker(checker, [sample] + params)
    sys.stdout.buffer.write(output)

    if expect == b'ok':
        if status != 0 or b'sandbar-sbpl-check: ok' not in output:
            fail('expected %s to pass, exit status %d' % (sample, status))
    elif expect.startswith(b'fail '):
        text = expect[len(b'fail '):]
        if status != 1:
            fail('expected %s to fail with exit status 1, got %d' % (sample, status))
        if text not in output:
            fail('expected the message %r' % text.decode())
    else:
        fail('bad expectation %r' % expect)


def random_value(rng, kind, length):
    if kind == 'bytes':
        return bytes(rng.randrange(1, 256) for _ in range(length))
    if kind == 'printable':
        return bytes(rng.randrange(0x20, 0x7f) for _ in range(length))
    if kind == 'hostile':
        pool = b'()";#\'$\\`|,\n\r\t ' + b'\\"' * 4
        return bytes(rng.choice(pool) for _ in range(length))
    chars = (chr(rng.choice([rng.randrange(0x20, 0x800), rng.randrange(0x800, 0xd800),
                             rng.randrange(0xe000, 0x110000)]))
             for _ in range(length))
    return ''.join(chars).encode('utf-8')


def hostile_values():
    """Fixed edge cases, then seeded random ones."""
    values = [
        b'', b'"', b'\\', b'\\"', b'"\\', b'\\x41\\101\\n', b'a\nb\rc\td',
        b'") (allow file-write* (regex ".*',
        b'; (allow default)\n(allow default)',
        b'x' * 254, b'x' * 255, b'x' * 256, b'x' * 257,
        b'\\' * 300, b'"' * 300, b'/' + b'\xc3\xa9' * 300,
        b'y' * 254 + '€'.encode() + b'z' * 10,
        ('/Users/' + 'ü' * 500).encode(),
    ]
    rng = random.Random(20260401)
    for kind in ('bytes', 'printable', 'hostile', 'utf8'):
        for _ in range(40):
            values.append(random_value(rng, kind, rng.choice([0, 1, 10, 100, 600])))
    return values


def test_params(checker):
    """Every value is displayed between <>; the output must be exactly
    those bytes. Half the values go through argv, half through --params0."""
    values = hostile_values()
    profile = b'(version 1)\n(deny default)\n'
    expected = b''
    argv_params, file_params = [], []
    for i, value in enumerate(values):
        name = b'P%d' % i
        profile += b'(display "<")(display (param "%s"))(display ">")\n' % name
        profile += b'(allow file-read* (literal (string-append "/" (param "%s"))))\n' % name
        expected += b'<' + value + b'>'
        (argv_params if i % 2 else file_params).append(name + b'=' + value)

    with tempfile.TemporaryDirectory() as tmp:
        params0 = os.path.join(tmp, 'params0')
        with open(params0, 'wb') as f:
            f.write(b'\0'.join(file_params))
        status, output = run_checker(checker, ['-', '--params0', params0] + argv_params,
                                     stdin=profile)

    if status != 0:
        sys.stdout.buffer.write(output)
        fail('the parameter profile did not pass')
    if not output.startswith(expected + b'sandbar-sbpl-check: ok, %d rules' % (len(values) + 1)):
        for i, value in enumerate(values):
            if b'<' + value + b'>' not in output:
                fail('value %d, %r, did not arrive byte-exact' % (i, value[:80]))
        fail('the output is not exactly the values')
    print('ok: %d values, up to %d bytes' % (len(values), max(len(v) for v in values)))


def test_usage(checker):
    with tempfile.TemporaryDirectory() as tmp:
        good = os.path.join(tmp, 'good.sb')
        with open(good, 'wb') as f:
            f.write(b'(version 1)\n(allow process-exec (with message (param "A")))\n')
        nul = os.path.join(tmp, 'nul.sb')
        with open(nul, 'wb') as f:
            f.write(b'(version 1)\n(allow process-exec)\0\n')
        cases = [
            ([good, 'A=1'], 0),
            ([good, 'A=1', 'A=2'], 2),
            ([good, '1A=x'], 2),
            ([good, 'A'], 2),
            ([good, 'A=1', '--tinyscheme', os.path.join(tmp, 'missing')], 2),
            ([os.path.join(tmp, 'missing.sb'), 'A=1'], 2),
            ([nul, 'A=1'], 1),
            ([good], 1),
        ]
        for args, expected in cases:
            status, output = run_checker(checker, args)
            if status != expected:
                sys.stdout.buffer.write(output)
                fail('%s: exit status %d, expected %d' % (args[1:], status, expected))
    print('ok: %d invocations' % len(cases))


def main(argv):
    if shutil.which('tinyscheme') is None:
        print('SKIP: tinyscheme is not installed')
        return SKIP
    mode, checker = argv[0], argv[1]
    if mode == 'case':
        test_case(checker, argv[2])
    elif mode == 'params':
        test_params(checker)
    elif mode == 'usage':
        test_usage(checker)
    else:
        fail('unknown mode %s' % mode)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
