"""The compliance lexicon: what it flags, what it leaves alone, positions, context rules and user words."""

from __future__ import annotations

import pytest

from livedesk.domain.lexicon import (
    Lexicon,
    LexiconEntry,
    LexiconError,
    Severity,
    read_entries,
    worst_severity,
)
from livedesk.resources import resources_dir
from livedesk.services.lexicon import read_lexicon_folder, shipped_lexicon

FLAGGED = [
    ("这是我用过最好的面霜", "最好", "absolute"),
    ("销量第一", "销量第一", "absolute"),
    ("国家级品质", "国家级", "absolute"),
    ("顶级面料", "顶级", "absolute"),
    ("全网最低价", "全网最低价", "absolute"),
    ("史上最便宜的一次", "史上最便宜", "absolute"),
    ("史上最强福利", "史上最强", "absolute"),
    ("最高级的享受", "最高级", "absolute"),
    ("绝无仅有的机会", "绝无仅有", "absolute"),
    ("用了100%有效", "100%有效", "absolute"),
    ("１００％有效", "１００％有效", "absolute"),
    ("能治愈失眠", "治愈", "medical"),
    ("加微信领取", "加微信", "off_platform"),
    ("加 微 信", "加 微 信", "off_platform"),
    ("想要的加V", "加V", "off_platform"),
    ("排名第一位", "排名第一", "absolute"),
    ("NO.1的品牌", "NO.1", "absolute"),
    ("行业第一品牌", "行业第一", "absolute"),
    ("第一品牌", "第一", "absolute"),
    ("我们是行业第一，放心买", "行业第一", "absolute"),
    ("这款就是第一！", "第一", "absolute"),
    ("最好用的锅", "最好用", "absolute"),
    ("最佳选择", "最佳", "absolute"),
    ("独一无二的设计", "独一无二", "absolute"),
    ("去淘宝搜一下", "去淘宝搜", "off_platform"),
    ("一周见效", "一周见效", "medical"),
    ("降血压", "降血压", "medical"),
    ("增强免疫力", "增强免疫力", "medical"),
    ("医生推荐的", "医生推荐", "medical"),
    ("稳赚不赔", "稳赚不赔", "finance"),
    ("年化收益8%", "年化收益", "finance"),
    ("开光手串", "开光", "superstition"),
    ("好评返现", "好评返现", "urgency"),
    ("最受欢迎的款", "最受欢迎", "absolute"),
    ("全国首家", "全国首家", "absolute"),
    ("打13812345678", "13812345678", "off_platform"),
    ("驰名商标", "驰名商标", "authority"),
    ("国家领导人都在用", "国家领导人", "authority"),
    ("再不抢就没了", "再不抢就没了", "urgency"),
    ("京东卖三百", "京东", "competitor"),
    ("比某宝便宜", "某宝", "competitor"),
    ("历史最低", "历史最低", "price"),
]

LEFT_ALONE = [
    "最近很忙",
    "最后一轮福利",
    "第一次来直播间的宝宝",
    "拍第一个链接",
    "最多限购两件",
    "第一时间通知大家",
    "第一步先洗脸",
    "第一波福利来了",
    "第一天上新",
    "第一号链接",
    "第一批货到了",
    "这个真的很治愈",
    "治愈系的小猫",
    "这条裤子很显瘦",
    "大家最好先领券再下单",
    "最佳赏味期12个月",
    "最高立减50元",
    "加入粉丝群",
    "特级初榨橄榄油",
    "线上专供款",
    "北京东路的门店",
    "京东方的屏幕",
    "快手菜做法",
    "第一名下单的宝宝送赠品",
    "唯一的缺点是有点重",
    "国家级非物质文化遗产",
    "最大的特点是轻",
    "最后三分钟上链接",
    "最早一批",
    "最少买两件",
    "第一眼就喜欢",
    "这个真的很好",
    "物有所值",
    "绝对值",
    "最低温度零下五度",
    "获得物品",
    "抖音直播间专享",
    "100%纯棉",
    "买一送一",
    "限时秒杀，到手价99元",
    "第一印象很重要",
    "第一，海拔一千二百米的茶园；第二，条索紧",
]


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return shipped_lexicon()


@pytest.mark.parametrize(("text", "matched", "category"), FLAGGED)
def test_flags(lexicon, text, matched, category):
    hits = lexicon.scan(text, platform="douyin")
    assert [(h.text, h.category) for h in hits if h.text == matched] == [(matched, category)], hits


@pytest.mark.parametrize("text", LEFT_ALONE)
def test_leaves_ordinary_chinese_alone(lexicon, text):
    assert lexicon.scan(text, platform="douyin") == []


def test_shipped_lexicon_size_and_categories(lexicon):
    counts = lexicon.categories()
    assert sum(counts.values()) >= 150
    for key in ("absolute", "medical", "price", "off_platform", "competitor", "finance"):
        assert counts.get(key, 0) >= 10, key
    for entry in lexicon.entries:
        assert entry.reason and entry.suggestion, entry.term


def test_every_entry_with_context_rules_still_fires_without_context(lexicon):
    # A context rule that swallowed the term itself would make the entry dead.
    for entry in lexicon.entries:
        if not entry.is_pattern:
            assert Lexicon([entry]).scan(entry.term), entry.term


def test_line_and_column_are_one_based_and_count_characters(lexicon):
    hits = lexicon.scan("大家好\n今天的价格，全网最低！\n\n加微信", platform="douyin")
    assert [(h.line, h.column, h.text) for h in hits] == [(2, 7, "全网最低"), (4, 1, "加微信")]
    assert hits[0].severity is Severity.ERROR and hits[0].suggestion


def test_overlapping_hits_report_the_longest_once(lexicon):
    hits = lexicon.scan("史上最低价", platform="douyin")
    assert len(hits) == 1 and hits[0].text == "史上最低价"


def test_platform_own_name_is_fine_only_on_that_platform(lexicon):
    assert lexicon.scan("欢迎来到抖音直播间", platform="douyin") == []
    assert [h.text for h in lexicon.scan("欢迎来到抖音直播间", platform="kuaishou")] == ["抖音"]
    assert [h.text for h in lexicon.scan("快手上也有", platform="douyin")] == ["快手"]


def test_user_banned_and_allowed_words(lexicon):
    team = lexicon.with_user_words(
        banned=["爆单王", {"term": "秒没", "severity": "warning", "suggestion": "说库存"}],
        allowed=["第一品牌"],
    )
    hits = team.scan("爆单王来了，秒没！第一品牌", platform="douyin")
    assert [(h.text, h.category, h.severity.value) for h in hits] == [
        ("爆单王", "custom", "error"),
        ("秒没", "custom", "warning"),
    ]
    assert [h.text for h in lexicon.scan("第一品牌", platform="douyin")] == ["第一"]


def test_context_rules_of_a_hand_written_entry():
    entry = LexiconEntry.from_dict(
        {
            "term": "第一",
            "category": "absolute",
            "severity": "error",
            "allow_after": ["次"],
            "allow_before": ["其"],
            "allow_in": ["第一时间"],
        }
    )
    lexicon = Lexicon([entry])
    assert lexicon.scan("第一次") == [] and lexicon.scan("其第一") == [] and lexicon.scan("第一时间") == []
    assert len(lexicon.scan("第一名")) == 1


def test_bad_entries_are_refused_with_a_reason():
    with pytest.raises(LexiconError, match="severity"):
        LexiconEntry.from_dict({"term": "x", "category": "c", "severity": "fatal"})
    with pytest.raises(LexiconError, match="pattern"):
        LexiconEntry.from_dict({"pattern": "(", "category": "c"})
    with pytest.raises(LexiconError, match="neither"):
        LexiconEntry.from_dict({"category": "c"})
    with pytest.raises(LexiconError, match="entries"):
        read_entries({"category": "c"})


def test_folder_loader_reads_every_shipped_file():
    entries = read_lexicon_folder(resources_dir() / "lexicon")
    assert len(entries) == len(shipped_lexicon().entries)
    assert {e["category"] for e in entries} >= {
        "absolute",
        "medical",
        "price",
        "off_platform",
        "competitor",
        "finance",
    }


def test_worst_severity(lexicon):
    assert worst_severity(lexicon.scan("最火的款", platform="douyin")) is Severity.ERROR
    assert worst_severity(lexicon.scan("原价199", platform="douyin")) is Severity.WARNING
    assert worst_severity([]) is None
