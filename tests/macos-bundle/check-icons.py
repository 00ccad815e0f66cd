#!/usr/bin/env python3
# check-icons.py — the icons, and the names the code loads them by
#
# Copyright 2026 The Sandbar authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-icons.py SOURCE_ROOT
#
# - The application icon is a square SVG.
# - The symbolic icon (the Linux tray's) is 16×16, one colour, with no
#   gradients, images or text, and is the name the tray item asks for.
# - The macOS menu-bar template image is 18×18 points, black and
#   transparency only, and bundle.sh writes it under the name the status
#   item loads.
# - make-icns.sh --iconset renders every size an .icns holds (with
#   rsvg-convert; skipped without it).
# Prints TAP.

import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

SVG = '{http://www.w3.org/2000/svg}'
APP_ID = 'io.github.sandbar.Sandbar'


def read(root, *parts):
    with open(os.path.join(root, *parts), encoding='utf-8') as f:
        return f.read()


def colours(tree):
    """Every fill and stroke colour used, from attributes and style."""
    found = set()
    for element in tree.iter():
        values = [element.get('fill'), element.get('stroke')]
        for declaration in (element.get('style') or '').split(';'):
            if ':' in declaration:
                key, value = declaration.split(':', 1)
                if key.strip() in ('fill', 'stroke'):
                    values.append(value.strip())
        found |= {v.lower() for v in values if v and v.lower() != 'none'}
    return found


def uses(tree, *names):
    return any(element.tag in {SVG + n for n in names} for element in tree.iter())


def png_size(path):
    with open(path, 'rb') as f:
        header = f.read(24)
    if header[:8] != b'\x89PNG\r\n\x1a\n':
        return None
    return struct.unpack('>II', header[16:24])


def main(argv):
    if len(argv) != 2:
        print(f'usage: {argv[0]} SOURCE_ROOT', file=sys.stderr)
        return 2
    root = argv[1]
    results = []

    app = ET.parse(os.path.join(root, 'data', 'icons', APP_ID + '.svg')).getroot()
    results.append((app.get('width') == app.get('height') and
                    re.fullmatch(r'0 0 (\d+) \1', app.get('viewBox') or '') is not None,
                    'the application icon is square'))

    symbolic_path = os.path.join(root, 'data', 'icons', APP_ID + '-symbolic.svg')
    symbolic = ET.parse(symbolic_path).getroot()
    results.append((symbolic.get('width') == '16' and symbolic.get('height') == '16' and
                    symbolic.get('viewBox') == '0 0 16 16',
                    'the symbolic icon is drawn on a 16×16 grid'))
    used = colours(symbolic)
    results.append((len(used) == 1 and not uses(symbolic, 'linearGradient', 'radialGradient',
                                                 'image', 'text'),
                    f'the symbolic icon has one colour and plain shapes: {sorted(used)}'))
    sni = read(root, 'gui', 'status', 'sandbar-status-item-sni.c')
    results.append((re.search(r'#define ICON_NAME\s+APP_ID "-symbolic"', sni) is not None,
                    'the tray item asks for APP_ID-symbolic, the icon installed'))

    template = ET.parse(os.path.join(root, 'macos-bundle', 'sandbar-status.svg')).getroot()
    used = colours(template)
    results.append((template.get('width') == '18' and template.get('height') == '18' and
                    used <= {'#000', '#000000', 'black'} and used and
                    not uses(template, 'linearGradient', 'radialGradient', 'image', 'text'),
                    f'the menu-bar template image is 18×18 and black only: {sorted(used)}'))
    macos = read(root, 'gui', 'macos', 'sandbar-status-item-macos.m')
    bundle = read(root, 'macos-bundle', 'bundle.sh')
    m = re.search(r'#define ICON_RESOURCE\s+@"([^"]+)"', macos)
    t = re.search(r'#define ICON_TYPE\s+@"([^"]+)"', macos)
    name = f'{m.group(1)}.{t.group(1)}' if m and t else None
    results.append((name is not None and f'"$resources/{name}"' in bundle,
                    f'bundle.sh writes Resources/{name}, which the status item loads'))

    rsvg = shutil.which('rsvg-convert')
    if rsvg is None:
        results.append((None, 'rsvg-convert not found (Debian: librsvg2-bin)'))
    else:
        with tempfile.TemporaryDirectory() as tmp:
            iconset = os.path.join(tmp, 'Sandbar.iconset')
            result = subprocess.run(['sh', os.path.join(root, 'macos-bundle', 'make-icns.sh'),
                                     '--iconset', os.path.join(root, 'data', 'icons',
                                                               APP_ID + '.svg'), iconset],
                                    capture_output=True, encoding='utf-8', errors='replace')
            wrong = []
            for size in (16, 32, 128, 256, 512):
                for name, pixels in ((f'icon_{size}x{size}.png', size),
                                     (f'icon_{size}x{size}@2x.png', 2 * size)):
                    path = os.path.join(iconset, name)
                    got = png_size(path) if os.path.exists(path) else None
                    if got != (pixels, pixels):
                        wrong.append(f'{name}: {got}')
            results.append((result.returncode == 0 and not wrong,
                            'make-icns.sh renders the ten sizes of an .icns'
                            + ''.join(f'\n# {w}' for w in wrong)
                            + ''.join(f'\n# {l}' for l in result.stderr.splitlines())))

    print(f'1..{len(results)}')
    status = 0
    for i, (ok, description) in enumerate(results, 1):
        if ok is None:
            print(f'ok {i} # SKIP {description}')
        else:
            print(f'{"ok" if ok else "not ok"} {i} - {description}')
            status |= not ok
    return status


if __name__ == '__main__':
    sys.exit(main(sys.argv))
