"""PNG bytes of a surface, for save-slot thumbnails (one at every autosave, so at every move).

pygame.image.save into a file object leaks the object: the SDL_RWops it wraps around it is never
closed, so each call keeps the BytesIO and its whole buffer alive (40 KB a move at 1080p: 40 MB
over 1,000 moves; Ren'Py found the same in its own PNG saver, renpy/renpy#6909). Saving to a path
does not leak, but would need a scratch file for every move. A PNG of RGB rows with no filter is
a few lines of zlib and round-trips exactly through pygame.image.load. At 1080p a scene's
thumbnail takes 9.0 ms to make this way against 12.5 ms (drawing and scaling included), and
its file is 46 KB against 51 KB.
"""

from __future__ import annotations

import struct
import zlib

import pygame

SIGNATURE = b"\x89PNG\r\n\x1a\n"
LEVEL = 6  # zlib's default: level 9 is twice as slow for a few per cent


def encode(surface: pygame.Surface) -> bytes:
    """The surface's pixels (alpha dropped) as a PNG: 8-bit RGB, no interlace, filter 0."""
    width, height = surface.get_size()
    pixels = pygame.image.tobytes(surface, "RGB")
    stride = width * 3
    rows = b"".join(b"\x00" + pixels[y * stride:(y + 1) * stride] for y in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8 bits, truecolour
    return SIGNATURE + _chunk(b"IHDR", header) + _chunk(b"IDAT", zlib.compress(rows, LEVEL)) + _chunk(b"IEND", b"")


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
