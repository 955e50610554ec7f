"""What printing and a phone photo do to a mask image: the distortions the dot code must survive."""

from __future__ import annotations

import io

import numpy as np
from PIL import Image, ImageFilter

from game.mask.imageio import to_image


def _array(image: Image.Image) -> np.ndarray:
    return np.asarray(image.convert("RGB"), dtype=np.float32) / 255.0


def jpeg(rgb, rng, quality=60):
    out = io.BytesIO()
    to_image(rgb).save(out, format="JPEG", quality=quality)
    return _array(Image.open(io.BytesIO(out.getvalue())))


def scale(rgb, rng, factor=None):
    factor = factor if factor is not None else float(rng.uniform(0.4, 2.5))
    image = to_image(rgb)
    size = (max(8, round(image.width * factor)), max(8, round(image.height * factor)))
    return _array(image.resize(size, Image.Resampling.BICUBIC))


def rotate(rgb, rng, degrees=None):
    degrees = degrees if degrees is not None else float(rng.uniform(-10, 10))
    return _array(to_image(rgb).rotate(degrees, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=(255, 255, 255)))


def perspective(rgb, rng, amount=0.06):
    """A phone held at an angle: the far edge shrinks by up to `amount` of the width."""
    image = to_image(rgb)
    w, h = image.size
    d = rng.uniform(0.3, 1.0, size=4) * amount
    # where the output corners come from in the input (PIL's perspective maps output -> input)
    source = [(-d[0] * w, -d[1] * h), (w + d[2] * w, 0), (w, h + d[3] * h), (0, h)]
    target = [(0, 0), (w, 0), (w, h), (0, h)]
    coeffs = _perspective_coefficients(target, source)
    warped = image.transform((w, h), Image.Transform.PERSPECTIVE, coeffs, Image.Resampling.BICUBIC, fillcolor=(255, 255, 255))
    return _array(warped)


def _perspective_coefficients(out_points, in_points):
    rows = []
    rhs = []
    for (x, y), (u, v) in zip(out_points, in_points):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        rhs += [u, v]
    return np.linalg.solve(np.array(rows, dtype=float), np.array(rhs, dtype=float)).tolist()


def blur(rgb, rng, sigma=1.0):
    return _array(to_image(rgb).filter(ImageFilter.GaussianBlur(sigma)))


def noise(rgb, rng, sigma=0.03):
    return np.clip(rgb + rng.normal(0, sigma, rgb.shape).astype(np.float32), 0, 1)


def colour_cast(rgb, rng):
    gain = np.array([rng.uniform(1.0, 1.12), rng.uniform(0.95, 1.05), rng.uniform(0.82, 0.95)], dtype=np.float32)
    return np.clip(rgb * gain + rng.uniform(-0.03, 0.03, 3).astype(np.float32), 0, 1)


def phone_photo(rgb, rng):
    """All of it at once, mildly: a photo of a printed mask, saved as a JPEG."""
    out = perspective(rgb, rng, 0.04)
    out = rotate(out, rng, float(rng.uniform(-6, 6)))
    out = scale(out, rng, float(rng.uniform(0.6, 1.4)))
    out = blur(out, rng, 0.7)
    out = colour_cast(out, rng)
    out = noise(out, rng, 0.015)
    return jpeg(out, rng, 75)


DISTORTIONS = {
    "jpeg60": jpeg, "scale": scale, "rotate": rotate, "perspective": perspective,
    "blur1": blur, "noise": noise, "colour_cast": colour_cast, "phone_photo": phone_photo,
}
