"""`face-value mask make|read|scramble|show`: the mask tools on the command line.

Kept outside game/mask/ so that building the parser imports no numpy or Pillow."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime, timezone
from pathlib import Path

DEFAULT_TIME = "2021-03-14T09:30"


def add_parser(commands) -> None:
    mask = commands.add_parser("mask", help="make a photo mask with a hidden code, read, scramble or show one")
    verbs = mask.add_subparsers(dest="verb", parser_class=type(mask), metavar="make|read|scramble|show")
    verbs.required = True
    make = verbs.add_parser("make", help="print a photo mask from a face image, with its hidden code")
    make.add_argument("face", metavar="FACE.png", help="a face image (PNG or JPEG)")
    make.add_argument("--printer", required=True, metavar="ID", help="printer id, e.g. 4217 or P-0004217")
    make.add_argument("--out", required=True, metavar="MASK.png")
    make.add_argument("--method", choices=("dots", "lsb"), default="dots", help="tracking dots (survive printing) or lowest bits (do not)")
    make.add_argument("--time", default=DEFAULT_TIME, metavar="YYYY-MM-DDTHH:MM", help=f"print time, UTC (default {DEFAULT_TIME})")
    make.add_argument("--portrait", action="store_true", help="the face is one of the game's portraits: crop nose to chin")
    read = verbs.add_parser("read", help="find and read the hidden code in an image")
    read.add_argument("image", metavar="IMAGE")
    read.add_argument("--format", choices=("text", "json"), default="text")
    scramble = verbs.add_parser("scramble", help="add decoy dots so the code no longer reads")
    scramble.add_argument("image", metavar="IMAGE")
    scramble.add_argument("--out", required=True, metavar="OUT.png")
    show = verbs.add_parser("show", help="the blue-light view: dots made visible, one block magnified with its grid")
    show.add_argument("image", metavar="IMAGE")
    show.add_argument("--out", required=True, metavar="OUT.png")


def run(args: argparse.Namespace, usage_error) -> int:
    from ..mask import ImageError, PayloadError, parse_printer

    try:
        if args.verb == "make":
            try:
                printer = parse_printer(args.printer)
            except PayloadError as exc:
                raise usage_error(f"--printer: {exc}") from None
            return _make(args, printer, _parse_time(args.time, usage_error))
        _check_out(args, usage_error)
        return {"read": _read, "scramble": _scramble, "show": _show}[args.verb](args)
    except ImageError as exc:
        print(f"face-value: error: {exc}", file=sys.stderr)
        return 1


def _parse_time(text: str, usage_error) -> datetime:
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        raise usage_error(f"--time must look like {DEFAULT_TIME}, not '{text}'") from None
    when = when.replace(tzinfo=timezone.utc) if when.tzinfo is None else when.astimezone(timezone.utc)
    if not datetime(2020, 1, 1, tzinfo=timezone.utc) <= when < datetime(2051, 1, 1, tzinfo=timezone.utc):
        raise usage_error(f"--time must be between 2020 and 2050, not {text}")
    return when


def _check_out(args, usage_error) -> None:
    out = getattr(args, "out", None)
    if out is None:
        return
    path = Path(out)
    if path.suffix.lower() not in (".png", ".jpg", ".jpeg"):
        raise usage_error(f"--out must name a .png or .jpg file, not '{out}'")
    if not path.parent.is_dir():
        raise usage_error(f"cannot write {out}: no folder {path.parent}")


def _make(args, printer: int, when: datetime) -> int:
    from ..mask import make_mask, photomask, save_image
    from ..mask.imageio import decode_image, read_bytes

    raw = read_bytes(args.face)
    face = decode_image(raw, args.face)
    mask, payload = make_mask(face, printer, when, method=args.method, face_file=raw,
                              crop=photomask.PORTRAIT_CROP if args.portrait else None)
    save_image(mask, args.out)
    kind = "tracking-dot" if args.method == "dots" else "hidden-bit (LSB)"
    print(f"{args.out}: a photo mask with a {kind} code: {payload.describe()}")
    return 0


def _read(args) -> int:
    from ..mask import load_image, read_code

    found = read_code(load_image(args.image))
    if args.format == "json":
        document = {"image": args.image, "found": found.payload is not None, "method": found.method,
                    "status": found.status, "message": found.message,
                    "payload": found.payload.to_json() if found.payload else None}
        if found.reading is not None and found.reading.lattice is not None:
            document["grid"] = {"pitch_px": round(found.reading.lattice.pitch, 2), "angle_deg": round(found.reading.lattice.angle, 2),
                                "signal": round(found.reading.lattice.strength, 1)}
        print(json.dumps(document, indent=2))
    else:
        print(f"{args.image}: {found.message}")
    return 0 if found.payload is not None else 1


def _scramble(args) -> int:
    from ..mask import load_image, read_code, save_image, scramble

    image = load_image(args.image)
    out, added = scramble(image)
    save_image(out, args.out)
    after = read_code(out)
    print(f"{args.out}: {added:,} decoy dots added; reading it now: {after.message}")
    return 0


def _show(args) -> int:
    from ..mask import blue_light, load_image, save_image

    view, reading = blue_light(load_image(args.image))
    save_image(view, args.out)
    what = "the code's grid drawn on one block" if reading.grid is not None else "no grid of dots found"
    print(f"{args.out}: blue-light view, {what}")
    return 0
