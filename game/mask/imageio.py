"""Reading and writing images for the mask tools: any file in, a clear error out, never a crash."""

from __future__ import annotations

import io
import os
import stat
import struct
import warnings
from pathlib import Path

import numpy as np
from PIL import Image, UnidentifiedImageError

MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_PIXELS = 40_000_000  # 40 megapixels: a 20,000 px wide image must be short to be read
MAX_WORK_SIDE = 1400  # larger images are reduced before reading the code


class ImageError(Exception):
    """An image that cannot be used, with the reason in one line."""


def read_bytes(path: str | os.PathLike) -> bytes:
    """A regular file's bytes, bounded: a FIFO, a device or a huge file is refused, not read."""
    path = Path(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise ImageError(f"{path}: no such file") from None
    except OSError as exc:
        raise ImageError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    if not stat.S_ISREG(info.st_mode):
        raise ImageError(f"{path}: not a regular file")
    if info.st_size > MAX_FILE_BYTES:
        raise ImageError(f"{path}: {info.st_size:,} bytes is too large for an image here (limit {MAX_FILE_BYTES:,})")
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise ImageError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    if len(data) > MAX_FILE_BYTES:
        raise ImageError(f"{path}: too large for an image here")
    return data


def decode_image(data: bytes, name: str = "image") -> np.ndarray:
    """RGB float32 array in 0..1 from PNG/JPEG/any format Pillow reads; alpha is laid on white."""
    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise ImageError(f"{name}: {width}x{height} is too large (limit {MAX_PIXELS // 1_000_000} megapixels)")
            if width < 8 or height < 8:
                raise ImageError(f"{name}: {width}x{height} is too small to hold a code")
            image.load()
    except ImageError:
        raise
    except (UnidentifiedImageError, Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ImageError(f"{name}: not an image this reader knows (PNG or JPEG, please), or too large") from None
    except (OSError, ValueError, SyntaxError, EOFError, MemoryError, IndexError, struct.error) as exc:
        raise ImageError(f"{name}: a damaged or truncated image ({type(exc).__name__})") from None
    return to_rgb_array(image)


def to_rgb_array(image: Image.Image) -> np.ndarray:
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        image = image.convert("RGBA")
        white = Image.new("RGBA", image.size, (255, 255, 255, 255))
        image = Image.alpha_composite(white, image)
    if image.mode == "I;16" or image.mode == "I" or image.mode == "F":
        array = np.asarray(image, dtype=np.float32)
        top = float(array.max()) or 1.0
        grey = np.clip(array / top, 0, 1)
        return np.repeat(grey[:, :, None], 3, axis=2)
    image = image.convert("RGB")
    return np.asarray(image, dtype=np.float32) / 255.0


def load_image(path: str | os.PathLike) -> np.ndarray:
    return decode_image(read_bytes(path), str(path))


def to_image(array: np.ndarray) -> Image.Image:
    return Image.fromarray(np.clip(array * 255.0 + 0.5, 0, 255).astype(np.uint8), "RGB")


def encode_png(array: np.ndarray) -> bytes:
    out = io.BytesIO()
    to_image(array).save(out, format="PNG", optimize=False)
    return out.getvalue()


def encode_jpeg(array: np.ndarray, quality: int) -> bytes:
    out = io.BytesIO()
    to_image(array).save(out, format="JPEG", quality=quality)
    return out.getvalue()


def save_image(array: np.ndarray, path: str | os.PathLike) -> None:
    """PNG (or JPEG by suffix), written atomically; an unwritable place is an ImageError."""
    from ..engine.atomic import write_atomic

    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in (".jpg", ".jpeg"):
        data = encode_jpeg(array, 92)
    elif suffix == ".png":
        data = encode_png(array)
    else:
        raise ImageError(f"{path}: give a .png or .jpg file name")
    try:
        write_atomic(path, data)
    except OSError as exc:
        raise ImageError(f"{path}: cannot be written ({exc.strerror or exc})") from None


def working_copy(rgb: np.ndarray) -> tuple[np.ndarray, float]:
    """The image reduced to at most MAX_WORK_SIDE on its long side, and the factor used."""
    height, width = rgb.shape[:2]
    side = max(height, width)
    if side <= MAX_WORK_SIDE:
        return rgb, 1.0
    factor = MAX_WORK_SIDE / side
    size = (max(8, round(width * factor)), max(8, round(height * factor)))
    small = to_image(rgb).resize(size, Image.Resampling.BOX)
    return np.asarray(small, dtype=np.float32) / 255.0, factor
