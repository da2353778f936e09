"""The state the views are sent, built from a live run without a server or a browser: words in Chinese, the
clock values apart from the steady part, the prompter's blocks, the run order and the words' translations."""

from __future__ import annotations

import json

from stage_fixtures import START
from stage_show import SCRIPTS, scripted_plan

from livedesk.domain.clock import FakeClock
from livedesk.domain.live_log import Marker
from livedesk.domain.live_run import Level, LiveRun
from livedesk.domain.roles import Role, ScriptStep
from livedesk.resources import resources_dir
from livedesk.stageweb.view_state import CLOCK_KEY, steady_part, view_state
from livedesk.stageweb.web_app import palette_css
from livedesk.stageweb.words import all_sources, page_words
from livedesk.translations import load_ts_catalogue
from livedesk.words import LEVEL_COLOURS, ROLES

LANG = "zh_CN"


def run_on_clock() -> tuple[LiveRun, FakeClock]:
    clock = FakeClock(START)
    return LiveRun(scripted_plan(), clock), clock


def test_before_the_start_the_first_segment_is_shown_and_nothing_counts():
    run, _ = run_on_clock()
    state = view_state(run, [], {"opening": "欢迎！"}, LANG)
    assert state["state"] == "ready" and state["segment"] is None
    assert state["first"]["label"] == "开场" and state["next"]["label"] == "讲解 · 保温杯"
    assert state[CLOCK_KEY]["remaining"] is None and state[CLOCK_KEY]["over_under"] is None
    assert state["script"]["blocks"][0]["text"] == "欢迎！"
    json.dumps(state)  # the wire format is plain JSON


def test_a_pitch_carries_product_price_step_and_the_whole_script():
    run, clock = run_on_clock()
    events = run.go()
    clock.advance(130)
    events += run.go()
    clock.advance(40)
    events += run.step_next()
    events.append(run.mark(Marker.LINK_UP))
    run.start_timer("lucky_bag", 300)
    run.set_message("看镜头", blink=True)
    clock.advance(5)
    state = view_state(run, events, {}, LANG)
    segment = state["segment"]
    assert (segment["product"], segment["price"], segment["mechanism"]) == ("保温杯", "¥49.00", "买一送一")
    assert segment["colour"] == ROLES[Role.TRAFFIC].colour
    assert state["step"] == {
        "index": 1,
        "count": 5,
        "key": "selling_points",
        "name": "卖点展示",
        "budget": 60,
    }
    assert state[CLOCK_KEY]["step_remaining"] == 55.0 and state[CLOCK_KEY]["remaining"] == 135.0
    assert state[CLOCK_KEY]["lucky_bag_remaining"] == 295.0
    assert state["marker"]["name"] == "上链接" and state["marker"]["at"] == "20:02:50"
    assert state["message"] == {"text": "看镜头", "blink": True}
    blocks = state["script"]["blocks"]
    assert [b["current"] for b in blocks] == [False, True, False, False, False]
    assert blocks[1]["text"] == SCRIPTS[ScriptStep.SELLING_POINTS] and blocks[1]["seconds"] == 60
    assert [r["state"] for r in state["run_order"]] == ["done", "on_air", "upcoming", "upcoming", "upcoming"]
    assert state["run_order"][0]["actual_seconds"] == 130.0


def test_the_steady_part_changes_with_actions_not_with_time():
    run, clock = run_on_clock()
    run.go()
    first = view_state(run, [], {}, LANG)
    clock.advance(7)
    later = view_state(run, [], {}, LANG)
    assert steady_part(first) == steady_part(later)
    assert first[CLOCK_KEY] != later[CLOCK_KEY]
    run.extend(30)
    extended = view_state(run, [], {}, LANG)
    assert steady_part(extended) != steady_part(later) and extended["allowed"] == 150.0
    run.skip()
    skipped = view_state(run, [], {}, LANG)
    assert skipped["next"]["label"] == "过品" and skipped["run_order"][1]["state"] == "skipped"


def test_the_end_of_the_run_is_off_air():
    run, clock = run_on_clock()
    run.go()
    clock.advance(60)
    run.finish()
    state = view_state(run, [], {}, LANG)
    assert state["state"] == "finished" and state["segment"] is None and state["next"] is None
    assert state["script"] == {"title": "", "blocks": []}


def test_the_phase_colours_are_the_domain_palette():
    css = palette_css()
    for level in Level:
        assert f"--level-{level.value}: {LEVEL_COLOURS[level]};" in css


def test_every_word_of_the_views_has_chinese():
    catalogue = load_ts_catalogue(resources_dir() / "i18n" / "zh_CN")
    missing = [text for text in all_sources() if text not in catalogue]
    assert missing == []
    english = page_words("en")
    chinese = page_words(LANG)
    assert english["next"] == "NEXT" and chinese["next"] == "下一个"
    assert chinese["marker_link_up"] == "上链接" and chinese["state_on_air"] == "进行中"


def test_every_word_a_page_asks_for_exists():
    """The pages name their words by key (data-word="…", word("…")); each key must be sent."""
    import re

    keys = set(page_words(LANG))
    folder = resources_dir() / "stageweb"
    asked = set()
    for path in folder.glob("*.html"):
        asked |= set(re.findall(r'data-word="([a-z_]+)"', path.read_text(encoding="utf-8")))
    for path in folder.glob("*.js"):
        asked |= set(re.findall(r'word\("([a-z_]+)"\)', path.read_text(encoding="utf-8")))
    assert len(asked) > 20
    assert asked - keys == set()
