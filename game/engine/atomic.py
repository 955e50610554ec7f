"""Atomic file writes (a temp file in the same folder, fsync, then rename over the target), and
tidying up after them: stale temp files of a killed writer, broken files set aside."""

from __future__ import annotations

import json
import os
import re
import stat
import tempfile
import time
from datetime import datetime
from pathlib import Path


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` so a crash leaves either the old file or the new one, never half."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except BaseException:
        try:
            os.unlink(temp)
        except OSError:
            pass
        raise
    _sync_folder(path.parent)


def write_json_atomic(path: Path, document: dict) -> None:
    write_atomic(path, (json.dumps(document, indent=1, ensure_ascii=False) + "\n").encode("utf-8"))


def _sync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


# The temp files write_atomic makes: ".NAME.SUFFIX." + mkstemp's 8 random characters + ".tmp".
_OUR_TEMP = re.compile(r"\..+\.(json|png)\.[a-z0-9_]{8}\.tmp\Z")
STALE_TEMP_SECONDS = 60  # a writer finishes within this; an older temp file was left by a crash


def remove_stale_temps(folder: Path, older_than: float = STALE_TEMP_SECONDS) -> int:
    """Delete the temp files a killed writer left in `folder` (our own naming only, regular
    files only, older than `older_than` seconds, so a live writer's file is never touched).
    Returns how many were removed; a folder that cannot be read is left alone."""
    removed = 0
    limit = time.time() - older_than
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        if not _OUR_TEMP.match(entry.name):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
            if stat.S_ISREG(info.st_mode) and info.st_mtime < limit:
                os.unlink(entry.path)
                removed += 1
        except OSError:
            continue
    return removed


def set_aside(path: Path) -> Path | None:
    """Rename a file that cannot be used to NAME.broken-YYYYMMDD-HHMMSS beside it (never delete
    it: the player may want it back); None when even the rename fails."""
    path = Path(path)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    for number in range(100):
        aside = path.with_name(f"{path.name}.broken-{stamp}" + (f"-{number}" if number else ""))
        if os.path.lexists(aside):
            continue
        try:
            os.rename(path, aside)
        except OSError:
            return None
        return aside
    return None
