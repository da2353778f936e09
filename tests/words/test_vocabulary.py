"""The one vocabulary: every code users meet has a Chinese and an English word (and a colour where the
screens colour it), words follow the current language, and the colour rule is one function."""

from __future__ import annotations

import re

import pytest

import livedesk.words as words
from livedesk.analysis.metrics import METRIC_KEYS
from livedesk.analysis.review_types import Source, SourceKind
from livedesk.domain.live_log import Marker
from livedesk.domain.live_status import Level
from livedesk.domain.roles import Role, ScriptStep, SegmentKind
from livedesk.domain.session import TEAM_ROLES
from livedesk.words import (
    KINDS,
    METRICS,
    PHASES,
    ROLES,
    SEVERITIES,
    STEPS,
    Vocabulary,
    current_language,
    segment_colour,
    set_language,
    word,
)

CJK = re.compile(r"[\u4e00-\u9fff]")
HEX = re.compile(r"^#[0-9A-F]{6}$")
ALL = [value for value in vars(words).values() if isinstance(value, Vocabulary)]


@pytest.mark.parametrize(
    ("enum", "vocabulary", "coloured"),
    [
        (Role, ROLES, True),
        (SegmentKind, KINDS, True),
        (ScriptStep, STEPS, False),
        (Marker, words.MARKERS, False),
    ]
    + [(Level, PHASES, True)],
)
def test_every_enum_member_has_both_words_and_its_colour(enum, vocabulary, coloured):
    assert set(vocabulary) == {member.value for member in enum}
    for member in enum:
        found = vocabulary[member]
        assert CJK.search(found.zh), (member, found.zh)
        assert found.en and not CJK.search(found.en), (member, found.en)
        assert word(member, "zh_CN") == found.zh and word(member, "en") == found.en
        if coloured:
            assert HEX.match(found.colour or ""), (member, found.colour)


def test_every_vocabulary_has_chinese_and_english_and_one_word_per_meaning():
    assert len(ALL) >= 18
    for vocabulary in ALL:
        for code, found in vocabulary.items():
            assert found.zh and found.en, (vocabulary.name, code)
            if found.colour:
                assert HEX.match(found.colour), (vocabulary.name, code)
        # Two codes of one kind with the same word would be indistinguishable on screen.
        for lang in ("zh", "en"):
            texts = [getattr(found, lang) for found in vocabulary.values()]
            assert len(set(texts)) == len(texts), (vocabulary.name, lang, texts)


def test_severities_read_alike_in_app_and_reports():
    assert [SEVERITIES.word(code, "zh_CN") for code in ("critical", "warning", "info")] == [
        "严重",
        "警告",
        "提示",
    ]


def test_team_roles_and_metrics_cover_every_code_the_core_uses():
    assert set(words.TEAM) == set(TEAM_ROLES)
    assert set(METRIC_KEYS) | set(words.PRODUCT_METRICS) <= set(METRICS)
    for key in METRICS:
        assert METRICS[key].unit in ("yuan", "rate", "count", "seconds", "ratio")
    assert "gmv" in words.MONEY_KEYS and "refund_rate" in words.RATE_KEYS and "uv" not in words.MONEY_KEYS


def test_words_follow_the_current_language_without_reloading_anything():
    pitch = SegmentKind.PITCH
    assert current_language() == "zh_CN"
    assert word(pitch) == "讲解" and str(KINDS[pitch]) == "讲解"
    set_language("en")
    assert word(pitch) == "Pitch" and ROLES.word("traffic") == "Traffic item"
    assert word(pitch, "zh_CN") == "讲解"  # an explicit language wins over the current one
    with pytest.raises(ValueError, match="fr"):
        set_language("fr")
    assert current_language() == "en"


def test_unknown_codes_show_as_themselves_and_missing_ones_as_a_dash():
    assert ROLES.word(None) == "—" and ROLES.word("") == "—"
    assert METRICS.word("brand_new_metric") == "brand_new_metric"
    with pytest.raises(TypeError, match="vocabulary"):
        word("traffic")  # a plain string could be any vocabulary's code


def test_a_strenum_member_and_its_stored_value_find_the_same_word():
    assert ROLES["traffic"] is ROLES[Role.TRAFFIC]
    # SegmentKind.ENCORE and Marker.ENCORE share the value "encore" but live in different vocabularies.
    assert KINDS[SegmentKind.ENCORE] is not words.MARKERS[Marker.ENCORE]


def test_segment_colour_is_the_role_for_pitches_and_encores_else_the_kind():
    traffic = ROLES[Role.TRAFFIC].colour
    assert segment_colour(SegmentKind.PITCH, Role.TRAFFIC) == traffic
    assert segment_colour("encore", "traffic") == traffic  # codes as stored in the review JSON
    # An opening that releases a traffic item keeps the opening's colour: the block is not a pitch.
    assert segment_colour(SegmentKind.OPENING, Role.TRAFFIC) == KINDS[SegmentKind.OPENING].colour
    assert segment_colour(SegmentKind.PITCH, None) == words.FALLBACK_COLOUR
    assert segment_colour("not_a_kind", None) == words.FALLBACK_COLOUR


def test_formulas_and_sources_are_worded_with_metric_labels():
    assert words.formula_words("buyers / uv", "zh_CN") == "成交人数 ÷ 观看人数"
    assert words.formula_words("buyers / uv", "en") == "Buyers ÷ Viewers (UV)"
    assert words.formula_words(None, "zh_CN") == "导出值"
    assert words.formula_words("max(online)", "en") == "highest online count of any minute"
    derived = Source(SourceKind.DERIVED, formula="gmv − refund_amount")
    assert words.source_words(derived, "zh_CN") == "计算：成交金额 − 退款金额"
    orders = Source(SourceKind.ORDERS, ("订单.xlsx",))
    assert words.source_words(orders, "zh_CN") == "订单.xlsx，订单汇总"
    assert words.source_words(orders, "en") == "订单.xlsx, summed orders"
    assert words.source_words(None, "en") == "no source"
    long_name = Source(SourceKind.EXPORT, ("罗盘整场数据_2026-11-14_很长的文件名字.xlsx · 核心数据",))
    assert words.short_source(long_name, "zh_CN").endswith("…")
    assert words.short_source(Source(SourceKind.DERIVED, formula="buyers / uv"), "zh_CN") == "计算得出"


def test_sources_are_worded_from_their_kind_never_from_their_text():
    """Every kind reads as itself; a file whose name ends like a kind's old suffix stays a file name."""
    two = Source(SourceKind.ORDERS, ("a.csv", "b.csv"))
    assert (
        words.source_words(two, "zh_CN") == "a.csv + b.csv，订单汇总"
        and words.short_source(two) == "订单汇总"
    )
    channels = Source(SourceKind.CHANNEL_TOTAL, ("渠道.xlsx · 渠道分析",))
    assert words.source_words(channels, "zh_CN") == "渠道.xlsx · 渠道分析，全部渠道"
    assert words.short_source(channels, "en") == "all channels"
    assert words.source_words(Source(SourceKind.MINUTES, ("在线.csv",)), "zh_CN") == "在线.csv，分钟曲线"
    assert words.source_words(Source(SourceKind.LOG), "zh_CN") == "直播日志"
    assert words.short_source(Source(SourceKind.EXPLANATIONS), "en") == "explanation records"
    tricky = Source(SourceKind.EXPORT, ("derived: 导出 (summed orders).xlsx",))
    assert words.source_words(tricky, "zh_CN") == "derived: 导出 (summed orders).xlsx"
    assert words.short_source(Source(SourceKind.EXPORT, ("整场数据.xlsx · 基本信息",)), "zh_CN") == "整场数据"
    assert words.source_words(None, "zh_CN") == words.short_source(None, "zh_CN") == "无来源"


def test_owners_given_as_team_roles_read_as_role_and_person():
    assert words.owner_words("host", {"host": "小林"}, "zh_CN") == "主播 小林"
    assert words.owner_words("director", {}, "en") == "Director"
    assert words.owner_words("阿伟", {}, "zh_CN") == "阿伟"


# Catalogue strings that share a vocabulary word's Chinese with another meaning or form, known and left as
# they are (a KPI card's lower-case "met", the run sheet's 提示 column …). A new one fails the test below.
KNOWN_SHARED_CHINESE = {
    ("over", "超时"),
    ("met", "已达成"),
    ("not met", "未达成"),
    ("Plan", "计划"),
    ("Planned", "计划"),
    ("Cues", "提示"),
    ("cues", "提示"),
    ("Notes", "备注"),
    ("notes", "备注"),
}


def test_a_vocabulary_word_and_a_catalogue_string_with_its_chinese_share_its_english():
    """The running language switch re-words a vocabulary word by its Chinese, so 客单价 must not be both
    "Average order value" (catalogue) and "Average order value per buyer" (vocabulary)."""
    from livedesk.translations import catalogue

    chinese = catalogue("zh_CN")
    clashes = {
        (source, text)
        for vocabulary in ALL
        for found in vocabulary.values()
        for source, text in chinese.items()
        if text == found.zh and source != found.en
    }
    assert clashes - KNOWN_SHARED_CHINESE == set()
