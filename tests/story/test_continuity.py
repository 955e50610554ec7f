"""Continuity in the story of Face Value: each test plays a path through the Runner, as a player
would, and reads the text the scenes on that path produce."""

from __future__ import annotations

import pytest

from game import paths
from game.engine import Phase, Runner, load_story


@pytest.fixture(scope="module")
def story():
    loaded = load_story(paths.story_dir(), "story")
    assert loaded.ok
    return loaded.story


# Where a test says nothing, a path takes these if they are offered (else the first choice):
# they keep it out of the rarer endings so that it reaches the audit.
QUIET = {"c3_qiao": "Leave my shop out", "c3_mum_night": "Go to bed", "c3_audit": "Give them the logs"}


class Path:
    """A playthrough: `picks` says which choice to take (by words in its text) in a scene;
    anywhere else a QUIET pick if offered, or the first choice shown. Keeps every scene's text
    and the choices it offered."""

    def __init__(self, story, picks: dict[str, str], until: str | None = None):
        self.texts: dict[str, str] = {}
        self.offered: dict[str, list[str]] = {}
        self.order: list[str] = []
        runner = Runner(story, seed=1)
        for _ in range(400):
            turn = runner.turn
            scene = turn.scene.id
            self.order.append(scene)
            self.texts[scene] = "\n".join(turn.paragraphs)
            self.offered[scene] = [c.text for c in turn.choices]
            if scene == until or turn.phase is not Phase.CHOOSING and turn.phase is not Phase.CONTINUING:
                break
            if turn.phase is Phase.CONTINUING:
                runner.proceed()
                continue
            wanted = picks.get(scene)
            numbers = [c.number for c in turn.choices if wanted and wanted in c.text]
            assert not wanted or numbers, f"{scene}: no choice says {wanted!r}; offered {self.offered[scene]}"
            quiet = [c.number for c in turn.choices if scene in QUIET and QUIET[scene] in c.text]
            runner.choose((numbers or quiet or [1])[0])
        self.runner = runner
        self.variables = runner.state.variables

    @property
    def ending(self) -> str | None:
        ending = self.runner.turn.ending
        return ending.id if ending else None

    def text(self, scene: str) -> str:
        assert scene in self.texts, f"the path never reached {scene}: {self.order}"
        return self.texts[scene]

    def everything(self) -> str:
        return "\n".join(self.texts.values())


# A path that keeps Old Mule hidden, prints Tang Yue's face on it, and stays out of trouble.
HIDDEN_MULE = {
    "c1_shop": "Install the update now",
    "c1_deadline": "leave Old Mule off",
    "c1_tang_returns": "on Old Mule",
    "c2_zhou": "Tell him no",
    "c2_numbers": "business cards",
    "c2_market": "Go home",
    "c2_night": "Send her home",
}


def test_a_player_who_handed_over_only_logs_is_never_told_the_green_book_went(story):
    path = Path(story, {"c1_zhou": "won't write down names", "c2_zhou": "everything he asks", "c2_market": "Go home"})
    assert path.variables["gave_register"] and not path.variables["register_kept"]
    for scene in ("c3_zhou", "c3_mum_night"):
        assert "green book" not in path.text(scene), scene
    assert "Your logs went upstairs" in path.text("c3_zhou")
    assert "They have your logs" in path.text("c3_mum_night")


def test_tang_yue_is_on_the_register_page_only_if_her_face_was_printed(story):
    refused = Path(story, {"c1_tang_returns": "Tell her no", "c2_zhou": "everything he asks", "c2_market": "Go home"})
    assert refused.variables["tang_mask"] == 0 and refused.ending == "the_register"
    ending = refused.text("c3_end_the_register")
    assert "Her name was in it" not in ending and "Tang Yue's name wasn't in it" in ending
    assert "hers was one of them" not in refused.text("c3_tang")
    printed = Path(story, {"c1_tang_returns": "on a twin", "c2_zhou": "everything he asks", "c2_market": "Go home"})
    assert printed.variables["tang_mask"] == 1 and printed.ending == "the_register"
    assert "Her name was in it" in printed.text("c3_end_the_register")


def test_the_gate_keeps_tang_yues_old_mule_mask_and_chapter_three_remembers(story):
    path = Path(story, HIDDEN_MULE)
    assert path.variables["tang_mask"] == 2
    assert "NO CODE FOUND" in path.text("c2_metro")
    assert "the gate kept the one you printed her" in path.text("c2_market")
    roof = path.text("c3_tang")
    assert "kept the face you printed her on Old Mule" in roof
    assert "couldn't read it" not in roof and "for a month" not in roof


def test_mr_pans_injury_is_his_ribs_from_first_mention_to_last(story):
    path = Path(story, {"c1_zhou": "sixty percent was counted", "c2_market": "Go home"})
    for scene in ("c1_zhou", "c2_numbers", "c3_lane"):
        assert "ribs" in path.text(scene), scene
    assert "jaw was real" not in path.text("c3_zhou")
    for scene in story.scenes.values():
        for paragraph in scene.paragraphs:
            source = paragraph.text.source
            if "Pan" in source:
                assert "Pan's jaw" not in source and "Pan's teeth" not in source, scene.id


@pytest.mark.parametrize("zhou, dates", [
    ("everything he asks", ["Friday 24 September", "twenty-fifth of October", "Monday the twenty-fifth"]),
    ("Tell him no", ["Friday 24 September", "16 NOVEMBER", "sixteenth of November"]),
])
def test_mums_follow_up_keeps_its_dates(story, zhou, dates):
    path = Path(story, {"c1_morning": "Ask what she would do", "c2_zhou": zhou, "c2_market": "Go home"})
    texts = [path.text("c1_morning_mum"), path.text("c2_ward"), path.text("c3_mum_night")]
    for text, date in zip(texts, dates):
        assert date in text
    assert "8 October" not in path.everything()


def test_old_mule_hides_under_the_festival_banner_all_the_way_to_the_audit(story):
    path = Path(story, {**HIDDEN_MULE, "c3_audit_back": "only spare parts"})
    assert path.variables["mule_hidden"]
    assert "WELCOME BACK, JINGWAN!" in path.text("c1_mule_hidden")
    assert "festival banner" in path.text("c3_shop")
    assert "festival banner" in path.text("c3_audit_back")
    assert "WELCOME BACK, JINGWAN!" in path.text("c3_caught")
    assert "map of the world" not in path.everything() and "dust sheet" not in path.everything()


def test_staying_on_the_roof_keeps_tang_yue_in_the_shop(story):
    path = Path(story, {"c1_tang_returns": "Tell her no", "c2_qiao": "I can't", "c2_zhou": "Tell him no",
                        "c2_market": "Go home", "c3_tang": "Stay"})
    assert path.ending == "model_household" and path.variables["tang_choice"] == 1
    ending = path.text("c3_end_model_household")
    assert "she works your counter" in ending
    assert "left for her aunt's" not in ending and "Saturday bus" not in ending


def test_a_promise_to_be_outside_puts_you_outside(story):
    path = Path(story, {"c2_market": "Burn yours", "c3_lane": "Bare-faced", "c3_audit": "Keep your word"})
    assert path.variables["bare_promise"]
    assert "you are on the pavement outside your own shop" in path.text("c3_audit")
    assert path.ending == "bare_faces"
    assert "You stay on the pavement" in path.text("c3_end_bare_faces")


def test_chapter_three_gives_no_second_chance_to_help_qiao(story):
    path = Path(story, {"c2_qiao": "I can't", "c2_market": "Go home", "c3_qiao": "Wish her luck"})
    offered = path.offered["c3_qiao"]
    assert not any("name" in choice or "shop" in choice for choice in offered), offered
    assert not path.variables["helped_qiao"]


def test_last_minute_ways_out_need_their_earlier_cause(story):
    declared = Path(story, {"c2_zhou": "everything he asks", "c2_market": "Go home"})
    assert not declared.variables["mule_hidden"] and declared.variables["mum_priority"]
    assert not any("Old Mule" in choice for choice in declared.offered["c3_helan"])
    assert not any("Baitang" in choice for choice in declared.offered["c3_mum_night"])
    assert not any("It's mine" in choice or "Take off your mask" in choice for choice in declared.offered["c3_audit_back"])
    reported = Path(story, {"c2_numbers": "First tell me", "c2_numbers_january": "Tell him who she is", "c2_market": "Go home"})
    assert reported.variables["helped_qiao"] and reported.variables["reported_qiao"]
    assert not any("Use my name" in choice for choice in reported.offered["c3_qiao"])
    declined = Path(story, {"c2_zhou": "Tell him no", "c2_market": "Go home"})
    assert "Declined to cooperate" in declined.text("c2_ward")
    assert any("Baitang" in choice for choice in declined.offered["c3_mum_night"])


def test_the_same_compliant_answer_says_which_record_it_stands_on(story):
    texts = set()
    for picks in (
        {"c2_qiao": "I can't", "c2_zhou": "Tell him no", "c2_market": "Go home"},
        {"c2_zhou": "everything he asks", "c2_market": "Go home"},
        {"c2_zhou": "Tell him no", "c2_market": "Go home"},
    ):
        path = Path(story, picks)
        [choice] = [c for c in path.offered["c3_audit_back"] if c.startswith("Answer everything")]
        texts.add(choice)
    assert len(texts) == 3
