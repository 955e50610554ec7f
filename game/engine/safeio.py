"""Reading files a story, a save or a settings file names, without trusting them.

Every file the game reads because of its input goes through here:
- only regular files are read (a FIFO, a device or a folder is refused, without blocking on open);
- the read is bounded by the byte count actually read, not by what `stat` says (/dev/zero lies);
- with `root`, the real path (symlinks followed) must stay inside that folder;
- JSON is parsed with a depth limit and without NaN/Infinity.

Errors are `UnsafeRead` with a short message in plain words; callers add the place.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

MAX_JSON_DEPTH = 64


class UnsafeRead(Exception):
    """A file could not be read safely; `message` says why in a few words."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def inside(path: Path | str, root: Path | str) -> bool:
    """Whether `path`, with every symlink followed, lies inside `root` (also resolved)."""
    try:
        real = os.path.realpath(os.fsdecode(path))
        base = os.path.realpath(os.fsdecode(root))
    except (OSError, ValueError):
        return False
    return real == base or real.startswith(base.rstrip(os.sep) + os.sep)


def read_bounded(path: Path | str, limit: int, *, root: Path | str | None = None) -> bytes:
    """The bytes of a regular file of at most `limit` bytes, or UnsafeRead."""
    name = os.fsdecode(path)
    if "\x00" in name:
        raise UnsafeRead("the file name holds a NUL byte")
    if root is not None and not inside(name, root):
        raise UnsafeRead("the path leads outside its folder")
    try:
        fd = os.open(name, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise UnsafeRead(f"cannot open it: {exc.strerror or exc}") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise UnsafeRead("it is not a regular file")
        if info.st_size > limit:
            raise UnsafeRead(f"it is {_size(info.st_size)}; the limit is {_size(limit)}")
        chunks, total = [], 0
        while True:
            chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise UnsafeRead(f"it is larger than the limit of {_size(limit)}")
        return b"".join(chunks)
    except OSError as exc:
        raise UnsafeRead(f"cannot read it: {exc.strerror or exc}") from None
    finally:
        os.close(fd)


def _reject_constant(name: str):
    raise ValueError(f"{name} is not a number a file may hold")


def parse_json(raw: bytes, *, max_depth: int = MAX_JSON_DEPTH):
    """Parse JSON text: UTF-8, no NaN/Infinity, nesting at most `max_depth`; UnsafeRead otherwise."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UnsafeRead("it is not UTF-8 text (corrupt file?)") from None
    depth = _max_depth(text)
    if depth > max_depth:
        raise UnsafeRead(f"it is nested {depth} levels deep; the limit is {max_depth}")
    try:
        return json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise UnsafeRead(f"it is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    except (ValueError, RecursionError) as exc:
        raise UnsafeRead(f"it is not valid JSON ({exc})") from None


def read_json(path: Path | str, limit: int, *, root: Path | str | None = None, max_depth: int = MAX_JSON_DEPTH):
    """read_bounded then parse_json."""
    return parse_json(read_bounded(path, limit, root=root), max_depth=max_depth)


def _max_depth(text: str) -> int:
    """The deepest bracket nesting outside strings, found without recursion."""
    depth = deepest = 0
    in_string = escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            if depth > deepest:
                deepest = depth
        elif ch in "]}":
            depth -= 1
    return deepest


def _size(n: int) -> str:
    if n >= 1_000_000:
        return f"{n / 1_000_000:.0f} MB"
    if n >= 1_000:
        return f"{n / 1_000:.0f} kB"
    return f"{n} bytes"
