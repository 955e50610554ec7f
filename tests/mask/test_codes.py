"""The hidden codes: what a player or a class can rely on when they make, read and scramble a mask."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import numpy as np
import pytest

from game import mask, paths
from game.mask import dots, lsb, payload as codec, photomask
from tests.support.distortions import DISTORTIONS, jpeg, scale

PORTRAITS = ("tang_yue", "he_lan", "qiao", "zhou", "shufen")


@pytest.fixture(scope="module")
def faces():
    return [mask.load_image(paths.assets_dir() / "portraits" / f"{name}.png") for name in PORTRAITS]


_BLANKS: dict[int, tuple] = {}


def blank(face):
    if id(face) not in _BLANKS:
        _BLANKS[id(face)] = photomask.compose(face, photomask.PORTRAIT_CROP)
    return _BLANKS[id(face)]


def random_payload(rng) -> codec.Payload:
    return codec.Payload(int(rng.integers(0, 1 << 24)), int(rng.integers(0, 1 << 16)), int(rng.integers(0, 1 << 24)))


def printed(face, p, method="dots"):
    image, region = blank(face)
    return dots.embed(image, p, region) if method == "dots" else lsb.embed(image, p)


def test_payload_survives_four_damaged_bytes_and_rejects_noise():
    rng = np.random.default_rng(3)
    for _ in range(200):
        p = random_payload(rng)
        code = bytearray(codec.encode(p))
        for where in rng.choice(len(code), 4, replace=False):
            code[where] ^= int(rng.integers(1, 256))
        assert codec.decode(bytes(code)) == p
    wrong = sum(codec.decode(bytes(rng.integers(0, 256, codec.CODE_BYTES, dtype=np.uint8))) is not None for _ in range(3000))
    assert wrong == 0


def test_payload_fields_read_as_the_story_shows_them():
    p = codec.Payload.make(4217, b"face", datetime(2021, 3, 14, 9, 30, tzinfo=timezone.utc))
    assert (p.printer_label, p.date_text, p.time_text) == ("P-0004217", "2021-03-14", "09:30")
    assert codec.parse_printer("P-0004217") == codec.parse_printer("4217") == 4217
    for bad in ("abc", "P-", "99999999", "-5"):
        with pytest.raises(codec.PayloadError):
            codec.parse_printer(bad)


def test_dot_code_round_trips_on_every_portrait(faces):
    rng = np.random.default_rng(11)
    for face in faces + faces[:3]:
        p = random_payload(rng)
        assert mask.read_code(printed(face, p)).payload == p


def test_lsb_code_round_trips_losslessly_and_dies_in_a_jpeg(faces):
    rng = np.random.default_rng(12)
    for i in range(12):
        p = random_payload(rng)
        image = printed(faces[i % len(faces)], p, "lsb")
        assert lsb.read(image) == p
        # the PNG file itself carries it too
        assert lsb.read(mask.decode_image(mask.encode_png(image))) == p
    for face in faces:
        assert lsb.read(jpeg(printed(face, random_payload(rng), "lsb"), rng, 95)) is None
        assert lsb.read(scale(printed(face, random_payload(rng), "lsb"), rng, 0.99)) is None


@pytest.mark.parametrize("name", sorted(DISTORTIONS))
def test_dot_code_survives_print_and_photo_distortions(faces, name):
    rng = np.random.default_rng(sorted(DISTORTIONS).index(name))
    for face in faces[:2]:
        p = random_payload(rng)
        found = mask.read_code(DISTORTIONS[name](printed(face, p), rng))
        assert found.payload == p, f"{name}: {found.message}"


def test_a_mask_without_a_code_says_so_and_never_invents_one(faces):
    rng = np.random.default_rng(5)
    for face in faces:
        plain, _ = blank(face)
        for distort in (lambda x, r: x, DISTORTIONS["jpeg60"], DISTORTIONS["phone_photo"]):
            found = mask.read_code(distort(plain, rng))
            assert found.payload is None
            assert found.status == "no-pattern"
            assert found.message.startswith("no code found")


def test_scrambled_masks_do_not_read_and_say_why(faces):
    rng = np.random.default_rng(6)
    for face in faces[:3]:
        image = printed(face, random_payload(rng))
        scrambled, added = mask.scramble(image)
        assert added > 300
        for candidate in (scrambled, jpeg(scrambled, rng)):
            found = mask.read_code(candidate)
            assert found.payload is None and found.status == "scrambled", found.message
    with pytest.raises(mask.ImageError, match="nothing to scramble"):
        mask.scramble(blank(faces[0])[0])


def test_blue_light_view_shows_one_upright_block(faces):
    p = random_payload(np.random.default_rng(7))
    image = printed(faces[0], p)
    view, reading = mask.blue_light(np.rot90(image).copy())
    assert reading.payload == p
    # the magnified block starts with the sync row: the first row of cells is dark (dotted) all along
    frame_y = 50 + int(views_cell() / 2)
    right = view[frame_y, 750:750 + 720]
    assert right.std() > 0.05


def views_cell() -> float:
    from game.mask import views

    return views.PANEL / dots.TILE


def test_every_payload_cell_has_a_place_in_the_block():
    tile = dots.tile_bits(codec.Payload(1, 2, 3))
    assert tile.shape == (13, 13)
    assert tile[0].all() and tile[:, 0].all()
    assert len(dots.DATA_CELLS) == codec.CODE_BITS
