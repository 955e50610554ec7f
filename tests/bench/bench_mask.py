"""Mask benchmark: how often the tracking-dot code survives what printing and a phone photo do.

For each distortion, COUNT random payloads (default 500, as docs/performance.md records) are
printed on the game's portraits as photo masks, distorted, and read back. A figure is the share
read exactly; a wrong payload is counted separately and must be zero. Also: the LSB code on the
lossless file (must be 100%) and after a JPEG (must be 0%), and masks with no code (must never
read as one). Prints every figure and which targets were missed; exits 1 if any was.

    python tests/bench/bench_mask.py [--count N] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from game import mask, paths  # noqa: E402
from game.mask import dots, lsb, payload as codec, photomask  # noqa: E402
from tests.support.distortions import DISTORTIONS, jpeg  # noqa: E402

TARGET_EXACT = 0.99
PORTRAITS = ("tang_yue", "he_lan", "qiao", "zhou", "shufen")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=500)
    parser.add_argument("--json", metavar="FILE")
    parser.add_argument("--seed", type=int, default=2021)
    args = parser.parse_args()
    rng = np.random.default_rng(args.seed)
    blanks = [photomask.compose(mask.load_image(paths.assets_dir() / "portraits" / f"{n}.png"), photomask.PORTRAIT_CROP) for n in PORTRAITS]
    figures: dict[str, dict] = {}
    missed: list[str] = []
    print(f"mask benchmark: {args.count} random payloads per distortion, on {len(blanks)} portraits")
    for name, distort in DISTORTIONS.items():
        exact = wrong = 0
        seconds = []
        for i in range(args.count):
            image, region = blanks[i % len(blanks)]
            p = codec.Payload(int(rng.integers(0, 1 << 24)), int(rng.integers(0, 1 << 16)), int(rng.integers(0, 1 << 24)))
            seen = distort(dots.embed(image, p, region), rng)
            start = time.perf_counter()
            found = mask.read_code(seen)
            seconds.append(time.perf_counter() - start)
            exact += found.payload == p
            wrong += found.payload is not None and found.payload != p
        share = exact / args.count
        ok = share >= TARGET_EXACT and wrong == 0
        figures[name] = {"exact": share, "wrong": wrong, "median_read_s": statistics.median(seconds)}
        print(f"  dots, {name:12s} exact {share:7.2%}  wrong {wrong}  read median {statistics.median(seconds):.3f} s  {'ok' if ok else 'MISSED (target >= 99% exact, 0 wrong)'}")
        if not ok:
            missed.append(f"dots {name}")
    lossless = after_jpeg = 0
    n_lsb = max(10, args.count // 5)
    for i in range(n_lsb):
        image, _ = blanks[i % len(blanks)]
        p = codec.Payload(int(rng.integers(0, 1 << 24)), int(rng.integers(0, 1 << 16)), int(rng.integers(0, 1 << 24)))
        hidden = lsb.embed(image, p)
        lossless += lsb.read(mask.decode_image(mask.encode_png(hidden))) == p
        after_jpeg += lsb.read(jpeg(hidden, rng, 90)) is not None
    figures["lsb"] = {"lossless": lossless / n_lsb, "after_jpeg90": after_jpeg / n_lsb}
    lsb_ok = lossless == n_lsb and after_jpeg == 0
    print(f"  lsb: lossless {lossless / n_lsb:.0%}, after JPEG 90 {after_jpeg / n_lsb:.0%}  {'ok' if lsb_ok else 'MISSED (100% and 0%)'}")
    if not lsb_ok:
        missed.append("lsb")
    invented = 0
    n_plain = max(10, args.count // 5)
    for i in range(n_plain):
        image, _ = blanks[i % len(blanks)]
        distort = list(DISTORTIONS.values())[i % len(DISTORTIONS)]
        invented += mask.read_code(distort(image, rng)).payload is not None
    figures["no_code"] = {"images": n_plain, "invented": invented}
    print(f"  no code: {n_plain} masks without a code, {invented} read as one  {'ok' if invented == 0 else 'MISSED (0)'}")
    if invented:
        missed.append("no code")
    print("targets missed: " + (", ".join(missed) if missed else "none"))
    if args.json:
        Path(args.json).write_text(json.dumps({"date": datetime.now().isoformat(timespec="seconds"), "count": args.count, "figures": figures, "missed": missed}, indent=1))
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
