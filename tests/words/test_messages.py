"""The message catalogue: every code has Chinese and English words with the same placeholders, every code
the core raises or returns has words, and parameters read as people read them (sizes, money, lists)."""

from __future__ import annotations

import re
from pathlib import Path

from livedesk.domain.message import Message
from livedesk.words.messages import MESSAGES, placeholders, say

ROOT = Path(__file__).resolve().parents[2]
CJK = re.compile(r"[\u4e00-\u9fff]")
# Codes written out in the source: ImportRefused("import.x", …), Message("x.y", …), _says("x") in the checks,
# LiveRunError("x", …) (its code is live.x), and the CLI's summary lines say("x", …) (cli.import.x).
PATTERNS = {
    r'ImportRefused\(\s*"([a-z_.]+)"': "{}",
    r'Message\(\s*"([a-z_.]+)"': "{}",
    r'LiveRunError\(\s*"([a-z_]+)"': "live.{}",
    r'_says\(\s*"([a-z_]+)"': "check.{}",
    r'MappingError\(\s*"([a-z_]+)"': "mapping.{}",
    r'StoreError\(\s*"([a-z_]+)"': "store.{}",
    r'PoolRefused\(\s*"([a-z_]+)"': "pool.{}",
    r'SessionFileError\(\s*"([a-z_]+)"': "session_file.{}",
    r'LexiconError\(\s*"([a-z_]+)"': "lexicon.{}",
    r'StageServerError\(\s*"([a-z_]+)"': "stage.{}",
    # the CLI: raise fail("cli.x", …), context.words("cli.x", …)
    r'\bfail\(\s*"([a-z_.]+)"': "{}",
    r'\bwords\(\s*"([a-z_.]+)"': "{}",
}


def test_every_code_has_both_languages_with_the_same_placeholders():
    for code, (zh, en) in MESSAGES.items():
        assert zh.strip() and en.strip(), code
        assert placeholders(zh) == placeholders(en), code
        if not code.startswith("phrase.one_of"):
            assert CJK.search(zh), f"{code}: the Chinese words hold no Chinese"


def test_every_code_in_the_source_has_words():
    found: set[str] = set()
    for path in (ROOT / "livedesk").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for pattern, form in PATTERNS.items():
            found |= {form.format(code) for code in re.findall(pattern, text)}
    assert len(found) > 60
    assert sorted(found - set(MESSAGES)) == []


def test_a_code_is_defined_once_across_the_parts_of_the_catalogue():
    from livedesk.words.messages import PARTS

    seen: dict[str, int] = {}
    for part in PARTS:
        for code in part:
            seen[code] = seen.get(code, 0) + 1
    assert [code for code, times in seen.items() if times > 1] == []
    assert sum(len(part) for part in PARTS) < len(MESSAGES)  # the parts joined the import catalogue


def test_every_refusal_names_the_file_first_in_both_languages():
    for code, (zh, en) in MESSAGES.items():
        if code.startswith("import."):
            assert zh.startswith("{file}："), code
            assert en.startswith("{file}"), code


def test_words_for_sizes_money_lists_and_nested_phrases():
    cut = Message("import.truncated_workbook", {"file": "订单.xlsx", "size_bytes": int(2.1 * (1 << 20))})
    assert say(cut) == "订单.xlsx：文件在 2.1 MB 处被截断（下载或复制没有完成），请重新下载。"
    assert say(cut, "en").startswith("订单.xlsx is cut off at 2.1 MB")
    check = Message(
        "check.product_gmv_sums_to_session",
        {"actual_fen": 23330853, "expected_fen": 23655200, "gap_fen": -324347},
    )
    assert say(check) == "商品合计 ¥233,308.53，整场数据为 ¥236,552.00（相差 -¥3,243.47）"
    sheet = Message("place.sheet", {"file": "罗盘.xlsx", "sheet": "整体看板"})
    rows = Message("import.too_many_rows", {"file": sheet, "rows": 12_000_000, "limit": 10_000_000})
    assert (
        say(rows)
        == "罗盘.xlsx 的工作表“整体看板”：有 12,000,000 行，超过了 LiveDesk 单个表格最多读取的 10,000,000 行。"
    )
    either = Message("phrase.one_of", {"alternatives": ["订单提交时间", "支付完成时间"]})
    missing = Message(
        "import.missing_columns",
        {
            "file": "t.csv",
            "missing": [either],
            "what": "抖店 订单导出",
            "found": Message("phrase.no_columns"),
        },
    )
    assert "订单提交时间 或 支付完成时间" in say(missing) and "订单提交时间 or 支付完成时间" in say(
        missing, "en"
    )


def test_an_unknown_code_reads_as_itself():
    assert say(Message("no.such.code")) == "no.such.code"


def test_a_mapping_file_error_is_coded_and_worded_in_both_languages(tmp_path):
    import pytest

    from livedesk.import_export.mapped_table import load_mapping_document
    from livedesk.import_export.mapping_schema import MappingError

    path = tmp_path / "团队映射.json"
    path.write_text('{"kind": "orders", "columns": {"amount": "金额"}, "timezone": "Mars/Olympus"}', "utf-8")
    with pytest.raises(MappingError) as caught:
        load_mapping_document(path)
    assert caught.value.reason.code == "mapping.in_file"
    assert say(caught.value.reason, "zh_CN") == (
        '映射文件 团队映射.json：列映射的 "timezone" 必须是时区名称，例如 Asia/Shanghai，而不是文字“Mars/Olympus”'
    )
    assert str(caught.value) == (
        'the mapping\'s "timezone" must be a time zone name such as Asia/Shanghai, not "Mars/Olympus" '
        "(in 团队映射.json)"
    )
