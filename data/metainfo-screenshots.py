#!/usr/bin/env python3
# metainfo-screenshots.py — fill in or leave out the metainfo's screenshots
#
# Copyright 2026 The Sandbar authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: metainfo-screenshots.py INPUT OUTPUT [BASE_URL]
#
# AppStream accepts screenshots only as web addresses (appstreamcli
# validate: web-url-expected), and Sandbar has no public web home yet. The
# images are kept in data/screenshots/; BASE_URL (meson option
# screenshot_url) is where they are published. With it, @SCREENSHOT_URL@
# becomes BASE_URL; without it, the <screenshots> element is left out so
# that the metainfo still validates.

import re
import sys
from urllib.parse import urlsplit
from xml.sax.saxutils import escape

PLACEHOLDER = '@SCREENSHOT_URL@'


def main(argv):
    if len(argv) not in (3, 4):
        sys.exit(f'usage: {argv[0]} INPUT OUTPUT [BASE_URL]')
    source, output = argv[1], argv[2]
    base = argv[3] if len(argv) == 4 else ''

    with open(source, encoding='utf-8') as f:
        text = f.read()

    if base:
        parts = urlsplit(base)
        if parts.scheme != 'https' or not parts.netloc:
            sys.exit(f'{argv[0]}: screenshot_url must be an https:// address, not “{base}”')
        text = text.replace(PLACEHOLDER, escape(base.rstrip('/')))
    else:
        # The element, and the comment about it just before it, if any.
        text, count = re.subn(r'\n[ \t]*(<!--(?:(?!-->).)*-->\s*)?<screenshots>.*?</screenshots>',
                              '', text, flags=re.S)
        if count != 1:
            sys.exit(f'{argv[0]}: expected one <screenshots> element in {source}')

    if PLACEHOLDER in text:
        sys.exit(f'{argv[0]}: {PLACEHOLDER} outside <screenshots> in {source}')

    with open(output, 'w', encoding='utf-8') as f:
        f.write(text)


if __name__ == '__main__':
    main(sys.argv)
