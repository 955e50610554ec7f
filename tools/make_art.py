"""Regenerates every image in assets/ (backgrounds, portraits, title, mask) from the drawing code in tools/art/.

Run:  SDL_VIDEODRIVER=dummy python tools/make_art.py [--only NAME]

Where each picture's code lives is in tools/art/__init__.py and docs/window.md.
"""

import argparse
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from art import IMAGES  # noqa: E402
from art.common import save  # noqa: E402


def main(argv=None):
    """Draw every image, or just the one named by --only, and report sizes and times."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", metavar="NAME", help="draw one image: " + ", ".join(IMAGES))
    args = parser.parse_args(argv)
    if args.only and args.only not in IMAGES:
        parser.error(f"unknown image {args.only!r}; choose from {', '.join(IMAGES)}")
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    names = [args.only] if args.only else list(IMAGES)
    start = time.time()
    for name in names:
        rel, draw = IMAGES[name]
        t0 = time.time()
        path = save(draw(), rel)
        print(f"{rel:34s} {os.path.getsize(path) / 1024:7.0f} KB  {time.time() - t0:5.1f} s")
    print(f"done in {time.time() - start:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
