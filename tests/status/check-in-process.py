#!/usr/bin/env python3
# check-in-process.py — compile the window's other way to the tray item
#
# Copyright 2026 The Sandbar authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# gui/sandbar-application.c has two ways to the menu-bar or tray item: the
# tray process (Linux and the BSDs, SANDBAR_TRAY_PROCESS=1) and the item in
# the window's own process (macOS). Only one is built on a given system, so
# the other would rot unseen here. This compiles the file again exactly as
# the build does (compile_commands.json), with a config.h that says
# SANDBAR_TRAY_PROCESS 0, and -fsyntax-only -Werror: a TAP test.
#
#   check-in-process.py BUILD_ROOT SOURCE...

import json
import os
import re
import shlex
import subprocess
import sys
import tempfile


def main():
    build_root, sources = sys.argv[1], sys.argv[2:]
    with open(os.path.join(build_root, 'compile_commands.json'), encoding='utf-8') as f:
        commands = json.load(f)
    with open(os.path.join(build_root, 'config.h'), encoding='utf-8') as f:
        config = f.read()

    flipped, n = re.subn(r'^#define SANDBAR_TRAY_PROCESS 1$', '#define SANDBAR_TRAY_PROCESS 0',
                         config, flags=re.M)
    if n != 1:
        print('1..0 # SKIP this build has no tray process (SANDBAR_TRAY_PROCESS is not 1)')
        return 0

    print(f'1..{len(sources)}')
    failed = False
    with tempfile.TemporaryDirectory(prefix='sandbar-in-process-') as tmp:
        with open(os.path.join(tmp, 'config.h'), 'w', encoding='utf-8') as f:
            f.write(flipped)
        for i, source in enumerate(sources, 1):
            entry = next((c for c in commands
                          if os.path.normpath(os.path.join(c['directory'], c['file'])) ==
                          os.path.normpath(source)), None)
            if entry is None:
                print(f'not ok {i} - {source} is not in compile_commands.json')
                failed = True
                continue
            argv = shlex.split(entry['command']) if 'command' in entry else entry['arguments']
            # Drop the output and dependency-file options; our config.h first.
            kept, skip = [], False
            for arg in argv[1:]:
                if skip:
                    skip = False
                    continue
                if arg in ('-o', '-MF', '-MQ', '-MT'):
                    skip = True
                    continue
                if arg in ('-MD', '-MMD', '-c'):
                    continue
                kept.append(arg)
            cmd = [argv[0], '-I' + tmp] + kept + ['-fsyntax-only', '-Werror', '-fdiagnostics-color=never']
            result = subprocess.run(cmd, cwd=entry['directory'], capture_output=True, text=True)
            if result.returncode == 0:
                print(f'ok {i} - {os.path.basename(source)} builds with the item in-process')
            else:
                print(f'not ok {i} - {os.path.basename(source)} builds with the item in-process')
                for line in (result.stdout + result.stderr).splitlines():
                    print('# ' + line)
                failed = True
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
