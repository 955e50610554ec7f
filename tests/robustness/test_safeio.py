"""The safe reader refuses what would hang, exhaust memory or escape a folder."""

import os

import pytest

from game.engine.safeio import UnsafeRead, inside, parse_json, read_bounded


def test_reads_a_regular_file(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"hello")
    assert read_bounded(tmp_path / "a.txt", 10) == b"hello"


def test_a_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(UnsafeRead, match="not a regular file"):
        read_bounded(fifo, 100)


def test_a_symlink_to_dev_zero_is_refused(tmp_path):
    (tmp_path / "z").symlink_to("/dev/zero")
    with pytest.raises(UnsafeRead):
        read_bounded(tmp_path / "z", 1000)


def test_a_file_over_the_limit_is_refused(tmp_path):
    (tmp_path / "big").write_bytes(b"x" * 2000)
    with pytest.raises(UnsafeRead, match="limit"):
        read_bounded(tmp_path / "big", 1000)


def test_a_symlink_out_of_the_root_is_refused(tmp_path):
    story = tmp_path / "story"
    story.mkdir()
    (tmp_path / "secret").write_text("x")
    (story / "link").symlink_to(tmp_path / "secret")
    assert not inside(story / "link", story)
    with pytest.raises(UnsafeRead, match="outside"):
        read_bounded(story / "link", 100, root=story)


def test_nul_in_a_name_is_refused(tmp_path):
    with pytest.raises(UnsafeRead, match="NUL"):
        read_bounded(str(tmp_path) + "/a\x00b", 100)


@pytest.mark.parametrize("text", ["[" * 100_000, '{"a": NaN}', '{"a": Infinity}', "\xff", '{"a": 1'])
def test_hostile_json_is_refused(text):
    with pytest.raises(UnsafeRead):
        parse_json(text.encode("utf-8", "surrogateescape") if text != "\xff" else b"\xff")


def test_brackets_inside_strings_do_not_count():
    assert parse_json(b'{"a": "[[[[[[[[[[[[[[[[[[[[[[[["}', max_depth=2) == {"a": "[" * 24}
