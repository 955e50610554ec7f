"""Least-significant-bit hiding: the lesson's other half.

The lowest bit of each pixel's blue value is changed to carry the message. Nobody can see a change
of one part in 256, and a 1000 x 800 image holds 100,000 bits, room for a whole ID record. But
that bit is the first thing lost when the image is saved as a JPEG, scaled, or printed: so the
code lives only as long as the exact file does. Printers use dots for that reason.
"""

from __future__ import annotations

import json
import math
import zlib

import numpy as np

from . import payload as codec

MAGIC = b"FVLSB1"
MAX_MESSAGE = 4096
_KEY = 20211  # the order the bits are spread in; the reader knows it too


def _order(height: int, width: int, count: int | None = None, start: int = 0) -> np.ndarray:
    """Pixel numbers start .. start+count of a fixed scattering of all height x width pixels.

    An affine walk i -> (a i + b) mod n with a coprime to n visits every pixel once, and any
    stretch of it can be computed without the rest.
    """
    n = height * width
    step = (n * 0.6180339887) // 1 + 1
    step = int(step)
    while math.gcd(step, n) != 1:
        step += 1
    stop = n if count is None else min(n, start + count)
    i = np.arange(start, stop, dtype=np.int64)
    return (i * step + _KEY) % n


def _to_uint8(rgb: np.ndarray) -> np.ndarray:
    return np.clip(rgb * 255.0 + 0.5, 0, 255).astype(np.uint8)


def message_for(p: codec.Payload) -> bytes:
    return json.dumps(p.to_json() | {"minutes": p.minutes, "printer_id": p.printer, "hash": p.image_hash}, sort_keys=True).encode()


def embed(rgb: np.ndarray, p: codec.Payload) -> np.ndarray:
    """A copy whose blue channel's lowest bits carry the payload as a small JSON record."""
    pixels = _to_uint8(rgb)
    height, width = pixels.shape[:2]
    body = message_for(p)
    record = MAGIC + len(body).to_bytes(2, "big") + body + zlib.crc32(body).to_bytes(4, "big")
    bits = np.unpackbits(np.frombuffer(record, dtype=np.uint8))
    if bits.size > height * width:
        raise ValueError(f"a {width}x{height} image is too small for the LSB record")
    blue = pixels[:, :, 2].reshape(-1)
    where = _order(height, width, bits.size)
    blue[where] = (blue[where] & 0xFE) | bits
    pixels[:, :, 2] = blue.reshape(height, width)
    return pixels.astype(np.float32) / 255.0


def read(rgb: np.ndarray) -> codec.Payload | None:
    """The payload if the exact file still holds it; None after any lossy change."""
    pixels = _to_uint8(rgb)
    height, width = pixels.shape[:2]
    header_bits = (len(MAGIC) + 2) * 8
    if height * width < header_bits + 64:
        return None
    blue = pixels[:, :, 2].reshape(-1)

    def take(start: int, count: int) -> bytes:
        return np.packbits(blue[_order(height, width, count * 8, start * 8)] & 1).tobytes()

    head = take(0, len(MAGIC) + 2)
    if head[: len(MAGIC)] != MAGIC:
        return None
    length = int.from_bytes(head[len(MAGIC):], "big")
    if length > MAX_MESSAGE or (len(MAGIC) + 2 + length + 4) * 8 > height * width:
        return None
    body = take(len(MAGIC) + 2, length)
    crc = take(len(MAGIC) + 2 + length, 4)
    if zlib.crc32(body).to_bytes(4, "big") != crc:
        return None
    try:
        record = json.loads(body)
        return codec.Payload(int(record["printer_id"]), int(record["hash"]), int(record["minutes"]))
    except (ValueError, KeyError, TypeError, codec.PayloadError):
        return None
