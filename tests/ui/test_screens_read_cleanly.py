"""Saves, endings, overlays, the title and the text sizes as a player sees them."""

from __future__ import annotations

import json

import pygame

from game.engine import AUTOSAVE
from game.ui.layout import body_px

from .conftest import press, settle


def test_an_overwritten_slot_shows_its_new_picture(make_app, staged):
    app = make_app(staged)
    app.session.new_game()
    app.push("scene")
    app.session.save("1")
    path = app.session.store.thumbnail("1")
    first = pygame.image.tostring(app.images.fit(path, (192, 108)), "RGB")
    app.top.reveal_all()
    app.now.advance(1)
    press(app, pygame.K_2)                               # out to the street: another picture
    app.session.save("1")
    second = pygame.image.tostring(app.images.fit(path, (192, 108)), "RGB")
    assert first != second


def test_the_autosave_pictures_the_scene_the_move_led_to(make_app, staged):
    app = make_app(staged)
    app.session.new_game()
    app.push("scene")
    app.top.reveal_all()
    press(app, pygame.K_2)
    assert app.find("scene").turn.scene.id == "street" and app.top.name == "chapter_card"  # chapter 2 begins
    saved = app.session.store.thumbnail(AUTOSAVE).read_bytes()
    assert saved == app.thumbnail()


def test_an_ending_counts_once_per_playthrough_and_continue_does_not_loop(make_app, staged, tmp_path):
    app = make_app(staged)
    app.session.new_game(seed=5)
    app.session.choose(2)
    app.push("scene")
    for _ in range(3):                                  # Continue from the title, three times
        app.reset("title")
        settle(app)
        app.top.continue_game()
        assert [s.name for s in app.stack] == ["scene", "ending"]
    gallery = json.loads((tmp_path / "data" / "gallery-staged.json").read_text())
    assert gallery["endings"]["night"]["times"] == 1
    app.session.new_game(seed=6)
    app.session.choose(2)
    app.reset("scene")
    assert app.session.gallery.endings["night"]["times"] == 2


def test_a_corrupt_autosave_disables_continue_with_a_short_notice(make_app, staged, tmp_path):
    app = make_app(staged)
    folder = tmp_path / "data" / "saves"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "autosave.json").write_text("{not json")
    app.push("title")
    settle(app)
    assert not app.top.list.buttons[0].enabled
    assert str(folder) not in app.toast_text and "JSON" not in app.toast_text and len(app.toast_text) < 90


def test_only_the_top_overlay_is_drawn_over_the_scene(make_app, staged):
    app = make_app(staged)
    app.session.new_game()
    app.push("scene")
    app.push("pause")
    app.push("settings")
    drawn = []
    for screen in app.stack:
        screen.draw = (lambda s: lambda surface: drawn.append(s.name))(screen)
    app.draw(pygame.Surface(app.size))
    assert drawn == ["scene", "settings"]


def test_the_title_menu_never_covers_the_subtitle(make_app, staged):
    for size in ((1024, 600), (1920, 1080)):
        for font in ("default", "dyslexic"):
            app = make_app(staged, size=size)
            app.settings.text_size, app.settings.font = 4, font
            staged.description = "Jingwan, 2021. Your printers must print faces now, and every face they print can be read."
            app.push("title")
            title = app.top
            bottom = 0
            for line in title.subtitle:
                bottom += title.subtitle_style.line_height
            assert title.box.y > app.px(36) + title.title_font().get_height() + bottom
            assert title.box.right <= size[0] * 0.44 and title.box.bottom <= size[1]
            assert "".join(line.text for line in title.subtitle).replace(" ", "") == staged.description.replace(" ", "")


def test_no_text_is_smaller_than_three_quarters_of_the_body(make_app, staged, monkeypatch):
    for text_size in (0, 4):
        app = make_app(staged, size=(1024, 600))
        app.settings.text_size = text_size
        asked = []
        real = app.fonts.get
        monkeypatch.setattr(app.fonts, "get", lambda family, px, *a, **k: asked.append(px) or real(family, px, *a, **k))
        app.session.new_game()
        app.push("scene")
        app.top.reveal_all()
        for name, options in (("scene", {}), ("pause", {}), ("slots", {"saving": True}), ("gallery", {}), ("history", {}), ("settings", {})):
            if name != "scene":
                app.push(name, **options)
            app.draw(pygame.Surface(app.size))
        body = body_px(app.size, app.settings.text_scale)
        assert min(asked) >= 0.75 * body, (text_size, min(asked), body)
