"""Seeded hostile files over every import kind, for the fuzz test and bench/fuzz_imports.py.

Each case starts from a good file in a real layout (order exports, both workbooks, curves, tables, logs,
mapped tables) and damages it one way: byte flips, truncation, garbage, encodings, header damage, huge
cells, ragged rows, NUL bytes, formulas, odd numbers and dates, XLSX zip and sheet damage, broken mappings.
"""

from __future__ import annotations

import io
import json
import random
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from import_files import (
    DOUDIAN_HEADERS,
    KUAISHOU_HEADERS,
    LOG_HEADER,
    MINUTE_HEADER,
    WEIXIN_HEADERS,
    compass_sheets,
    doudian_rows,
    kuaishou_rows,
    live_workbook_sheets,
    log_rows,
    minute_rows,
    weixin_rows,
    write_csv,
    write_xlsx,
)


@dataclass
class Case:
    ident: int
    seed: str  # which good file it started from
    mutation: str
    name: str  # the file name the user imports
    data: bytes
    kind: str | None = None  # the --kind given (None: detected)
    mapping: bytes | None = None  # a mapping JSON file's bytes (read as `--mapping` does)
    review: bool = False  # build the review after a successful import (absurd dates must not blow it up)


@dataclass
class Seed:
    key: str
    name: str
    data: bytes
    kind: str | None = None
    mapping: dict | None = None

    @property
    def is_xlsx(self) -> bool:
        return self.data[:4] == b"PK\x03\x04"


MAPPING = {
    "kind": "orders",
    "columns": {
        "order_id": "单号",
        "created_at": "下单时间",
        "product_name": "商品",
        "quantity": "件数",
        "unit_price": "单价",
    },
    "time_format": "%d/%m/%Y %H:%M",
    "timezone": "Asia/Shanghai",
    "cancel_prefix": "退",
}
MAPPED_HEADER = ["单号", "下单时间", "商品", "件数", "单价", "备注"]
MAPPED_ROWS = [
    ["A001", "14/11/2026 20:05", "面霜", "2", "¥99.50", ""],
    ["A002", "14/11/2026 20:06", "洗面奶", "1", "9.90", "赠品"],
    ["A003", "14/11/2026 21:16", "面霜", "1", "99.50", "退"],
]


def _table_rows(sheet: list[list]) -> tuple[list, list[list]]:
    return list(sheet[0]), [list(r) for r in sheet[1:]]


def build_seeds(folder: Path) -> list[Seed]:
    """The good files every case starts from (written once per run)."""
    folder.mkdir(parents=True, exist_ok=True)
    seeds: list[Seed] = []

    def add(key: str, path: Path, kind: str | None = None, mapping: dict | None = None) -> None:
        seeds.append(Seed(key, path.name, path.read_bytes(), kind, mapping))

    add("doudian_csv", write_csv(folder / "抖店订单.csv", DOUDIAN_HEADERS, doudian_rows()))
    add(
        "doudian_gbk", write_csv(folder / "抖店订单_gbk.csv", DOUDIAN_HEADERS, doudian_rows(), encoding="gbk")
    )
    add("kuaishou_csv", write_csv(folder / "快手订单.csv", KUAISHOU_HEADERS, kuaishou_rows()))
    add("weixin_csv", write_csv(folder / "视频号订单.csv", WEIXIN_HEADERS, weixin_rows()))
    rows = doudian_rows()
    add(
        "doudian_xlsx",
        write_xlsx(
            folder / "抖店订单.xlsx",
            {"Sheet1": [DOUDIAN_HEADERS] + [[r[h] for h in DOUDIAN_HEADERS] for r in rows]},
        ),
    )
    add("compass", write_xlsx(folder / "罗盘.xlsx", compass_sheets()), "compass")
    sheets, merges = live_workbook_sheets()
    add("live_workbook", write_xlsx(folder / "单场.xlsx", sheets, merges), "live-workbook")
    add("minutes_csv", write_csv(folder / "分钟.csv", MINUTE_HEADER, minute_rows()))
    add(
        "minutes_xlsx", write_xlsx(folder / "分钟.xlsx", {"分钟": [MINUTE_HEADER] + minute_rows()}), "minutes"
    )
    add("log", write_csv(folder / "live_log.csv", LOG_HEADER, log_rows(), encoding="utf-8"))
    header, body = _table_rows(sheets["货品明细"])
    add("products", write_csv(folder / "货品明细.csv", header, body), "products")
    header, body = _table_rows(sheets["商品讲解"])
    add("explanations", write_csv(folder / "商品讲解.csv", header, body), "explanations")
    add("mapped", write_csv(folder / "团队表.csv", MAPPED_HEADER, MAPPED_ROWS), None, MAPPING)
    return seeds


# -- text damage -------------------------------------------------------------------------------------

ODD_NUMBERS = [
    "inf",
    "-inf",
    "NaN",
    "1e309",
    "9" * 40,
    "-0",
    "１２３",
    "1,2,3",
    "0x1F",
    "1e5",
    "¥-",
    "12.3.4",
    "99999999999999999999.99",
    "-9223372036854775809",
    "1万万",
    "7.5w~",
    "~10w",
    "%",
    "1.2E+400",
    "∞",
]
ODD_DATES = [
    "9999-12-31 23:59:59",
    "99999-01-01 00:00:00",
    "0001-01-01 00:00:00",
    "1900-01-01 00:00:00",
    "2200-01-01 00:00:00",
    "1969-12-31 23:59:59",
    "2026-13-45 25:61:61",
    "99999999999999",
    "9999-12-31T23:59:59.999+14:00",
    "0000-00-00",
    "1e13",
    "-1",
    "2026-02-29 20:00:00",
]
FORMULAS = [
    "=cmd|' /C calc'!A0",
    '=HYPERLINK("http://example.invalid","点我")',
    "+1+1",
    "-2+3",
    "@SUM(A1)",
    "\t=1+1",
    "\r=1",
    "=1/0",
    '=IMPORTXML("x","y")',
]


def _lines(data: bytes) -> tuple[str, str]:
    """Text of a seed and its encoding."""
    for codec in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1"), "latin-1"


def _cells(text: str) -> list[list[str]]:
    import csv

    return list(csv.reader(io.StringIO(text)))


def _csv(rows: list[list[str]], codec: str = "utf-8") -> bytes:
    import csv

    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue().encode(codec, errors="replace")


def text_mutations(rng: random.Random, seed: Seed) -> list[tuple[str, bytes]]:
    data = seed.data
    text, codec = _lines(data)
    rows = _cells(text)
    header, body = rows[0], rows[1:] or [[""] * len(rows[0])]
    out: list[tuple[str, bytes]] = []

    def flip(n: int) -> bytes:
        raw = bytearray(data)
        for _ in range(n):
            raw[rng.randrange(len(raw))] = rng.randrange(256)
        return bytes(raw)

    out.append(("byte_flips", flip(rng.choice((1, 3, 20)))))
    out.append(("truncated", data[: rng.randrange(1, max(len(data) - 1, 2))]))
    out.append(("garbage", bytes(rng.randrange(256) for _ in range(rng.choice((16, 700, 5000))))))
    out.append(("garbage_prefix", bytes(rng.randrange(256) for _ in range(64)) + data))
    enc = rng.choice(("gbk", "utf-16", "utf-16-le", "utf-16-be", "latin-1", "big5", "shift_jis"))
    out.append((f"encoding_{enc}", text.encode(enc, errors="replace")))
    out.append(("nul_bytes", data.replace(b",", b",\x00", rng.randrange(1, 30))))
    out.append(("cr_only", data.replace(b"\r\n", b"\r")))
    # header damage
    damaged = list(header)
    choice = rng.randrange(5)
    if choice == 0:
        damaged = damaged[: len(damaged) // 2]
    elif choice == 1:
        damaged = damaged + damaged
    elif choice == 2:
        damaged = ["" for _ in damaged]
    elif choice == 3:
        rng.shuffle(damaged)
        damaged[0] = "\ufeff\ufeff" + damaged[0]
    else:
        damaged = [h + "\x00" for h in damaged]
    out.append(("header_damage", _csv([damaged] + body)))
    out.append(("header_only", _csv([header])))
    out.append(("no_header", _csv(body)))
    # cells
    huge = [list(r) for r in body]
    huge[0][rng.randrange(len(huge[0]))] = rng.choice("x测") * rng.choice((40_000, 140_000, 300_000))
    out.append(("huge_cell", _csv([header] + huge)))
    long_rows = [
        list(r) + ["extra"] * rng.randrange(1, 40) if i % 2 == 0 else list(r) for i, r in enumerate(body)
    ]
    out.append(("long_rows", _csv([header] + long_rows)))
    short = [list(r)[: rng.randrange(0, len(r))] for r in body]
    out.append(("short_rows", _csv([header] + short)))
    mixed = [list(r) for r in body]
    mixed.insert(rng.randrange(len(mixed) + 1), ["x"] * (len(header) + 5))
    mixed.insert(rng.randrange(len(mixed) + 1), ["y"])
    out.append(("ragged_mix", _csv([header] + mixed)))
    for label, pool in (("formulas", FORMULAS), ("odd_numbers", ODD_NUMBERS), ("odd_dates", ODD_DATES)):
        cells = [list(r) for r in body]
        for r in cells:
            for _ in range(max(1, len(r) // 3)):
                if r:
                    r[rng.randrange(len(r))] = rng.choice(pool)
        out.append((label, _csv([header] + cells)))
    out.append(("wide_header", _csv([header + [f"列{i}" for i in range(16_000)]] + body)))
    out.append(("unbalanced_quote", _csv([header] + body).replace(b",", b',"', 1)))
    out.append(("only_delimiters", b",,,,,\r\n" * 50))
    # UTF-8 with Chinese for the first 256 KB, then GBK: the sniffed head and the rest disagree
    filler = [[f"填充{i}"] + ["中文"] * (len(header) - 1) for i in range(6000)]
    head = _csv([header] + body + filler)
    tail = _csv(body, "gbk") if codec != "gbk" else _csv(body, "utf-8")
    out.append(("mixed_encoding", head + tail))
    return out


# -- workbook damage ---------------------------------------------------------------------------------


def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _sheet_names(members: dict[str, bytes]) -> list[str]:
    return sorted(n for n in members if n.startswith("xl/worksheets/sheet"))


def _edit_sheet(members: dict[str, bytes], rng: random.Random, edit) -> bytes:
    members = dict(members)
    sheet = rng.choice(_sheet_names(members))
    members[sheet] = edit(members[sheet])
    return _zip(members)


def _add_cell(xml: bytes, ref: str, value: str = "1") -> bytes:
    row = re.search(rb"\d+$", ref.encode()).group(0)
    cell = f'<row r="{row.decode()}"><c r="{ref}"><v>{value}</v></c></row>'.encode()
    return xml.replace(b"</sheetData>", cell + b"</sheetData>", 1)


def workbook_mutations(rng: random.Random, seed: Seed) -> list[tuple[str, bytes]]:
    data = seed.data
    members = _members(data)
    out: list[tuple[str, bytes]] = []
    raw = bytearray(data)
    for _ in range(rng.choice((1, 5, 40))):
        raw[rng.randrange(30, len(raw))] = rng.randrange(256)
    out.append(("byte_flips", bytes(raw)))
    out.append(("truncated", data[: rng.randrange(10, len(data) - 1)]))
    out.append(("far_cell_ZZZZZ", _edit_sheet(members, rng, lambda x: _add_cell(x, "ZZZZZ1"))))
    out.append(("far_cell_row", _edit_sheet(members, rng, lambda x: _add_cell(x, "A99999999"))))
    out.append(("far_cell_corner", _edit_sheet(members, rng, lambda x: _add_cell(x, "XFD1048576"))))
    out.append(
        (
            "huge_dimension",
            _edit_sheet(
                members,
                rng,
                lambda x: re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:ZZZZZ9999999"', x),
            ),
        )
    )
    out.append(("broken_xml", _edit_sheet(members, rng, lambda x: x[: len(x) // 2])))
    out.append(("xml_entities", _edit_sheet(members, rng, lambda x: x.replace(b"<v>", b"<v>&lol;", 3))))
    removed = dict(members)
    victim = rng.choice([n for n in removed if n.endswith(".xml") or n.endswith(".rels")])
    removed.pop(victim)
    out.append((f"missing_{victim.rsplit('/', 1)[-1]}", _zip(removed)))
    bomb = dict(members)
    bomb[rng.choice(_sheet_names(bomb))] = b"<" + b" " * (40 << 20)
    out.append(("zip_bomb", _zip(bomb)))

    def wide(xml: bytes) -> bytes:
        cells = "".join(f'<c r="{_col(i)}1" t="inlineStr"><is><t>列{i}</t></is></c>' for i in range(16_000))
        return xml.replace(b"<sheetData>", f'<sheetData><row r="1">{cells}</row>'.encode(), 1)

    out.append(("wide_header", _edit_sheet(members, rng, wide)))

    def long_string(xml: bytes) -> bytes:
        return _add_cell(xml, "B3", "").replace(
            b'<c r="B3"><v></v></c>', b'<c r="B3" t="inlineStr"><is><t>' + b"x" * 200_000 + b"</t></is></c>"
        )

    out.append(("huge_cell", _edit_sheet(members, rng, long_string)))

    def odd_values(xml: bytes) -> bytes:
        pool = [b"1e309", b"NaN", b"-1e308", b"9" * 30, b"1e-400", b"2958466", b"-1", b"abc"]
        return re.sub(
            rb"<v>[^<]*</v>",
            lambda m: b"<v>" + rng.choice(pool) + b"</v>" if rng.random() < 0.4 else m.group(0),
            xml,
        )

    out.append(("odd_numbers", _edit_sheet(members, rng, odd_values)))

    def odd_dates(xml: bytes) -> bytes:
        return re.sub(
            rb'<c r="([A-Z]+\d+)"([^>]*)><v>[^<]*</v>',
            lambda m: (
                m.group(0)
                if rng.random() > 0.3
                else b'<c r="'
                + m.group(1)
                + b'" t="d"><v>'
                + rng.choice([b"9999-12-31T00:00:00", b"0001-01-01", b"bad"])
                + b"</v>"
            ),
            xml,
        )

    out.append(("odd_dates", _edit_sheet(members, rng, odd_dates)))
    if "xl/sharedStrings.xml" in members:
        shared = dict(members)
        shared["xl/sharedStrings.xml"] = re.sub(
            rb"<t>([^<]*)</t>",
            lambda m: (
                b"<t>"
                + rng.choice(FORMULAS + ODD_NUMBERS + ODD_DATES)
                .encode("utf-8")
                .replace(b"&", b"&amp;")
                .replace(b"<", b"&lt;")
                .replace(b'"', b"&quot;")
                + b"</t>"
                if rng.random() < 0.3
                else m.group(0)
            ),
            shared["xl/sharedStrings.xml"],
        )
        out.append(("shared_string_damage", _zip(shared)))
    out.append(("not_zip_but_xlsx_name", b"PK\x03\x04" + bytes(rng.randrange(256) for _ in range(2000))))
    return out


def _col(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


# -- mapping damage ----------------------------------------------------------------------------------

BAD_VALUES = [["a", "b"], 7, {"x": 1}, None, True, "a\x00b", "x" * 20_000, 3.5, -1, "", []]


def mapping_mutations(rng: random.Random, mapping: dict) -> list[tuple[str, bytes]]:
    out: list[tuple[str, bytes]] = []
    for key in ("kind", "columns", "time_format", "timezone", "cancel_prefix", "header_row", "sheet"):
        for value in rng.sample(BAD_VALUES, 3):
            broken = json.loads(json.dumps(mapping))
            broken[key] = value
            out.append((f"mapping_{key}_{type(value).__name__}", json.dumps(broken).encode()))
    for value in rng.sample(BAD_VALUES, 4):
        broken = json.loads(json.dumps(mapping))
        broken["columns"][rng.choice(list(broken["columns"]))] = value
        out.append((f"mapping_column_{type(value).__name__}", json.dumps(broken).encode()))
    odd = [
        ("timezone", "Mars/Olympus"),
        ("timezone", "../../etc/passwd"),
        ("time_format", "%Q %"),
        ("header_row", 10**9),
        ("header_row", 0),
        ("sheet", "不存在"),
        ("kind", "log"),
        ("time_format", "%Y" * 5000),
        ("columns", {"order_id": "单号"}),
    ]
    for key, value in odd:
        broken = json.loads(json.dumps(mapping))
        broken[key] = value
        out.append((f"mapping_odd_{key}", json.dumps(broken).encode()))
    good = json.dumps(mapping, ensure_ascii=False).encode()
    out += [
        ("mapping_truncated", good[: rng.randrange(1, len(good))]),
        ("mapping_not_object", b"[1, 2, 3]"),
        ("mapping_nested", b"[" * 100_000 + b"]" * 100_000),
        ("mapping_garbage", bytes(rng.randrange(256) for _ in range(200))),
        ("mapping_utf16", json.dumps(mapping, ensure_ascii=False).encode("utf-16")),
        ("mapping_nan", good.replace(b'"%d/%m/%Y %H:%M"', b"NaN")),
        ("mapping_empty", b""),
        ("mapping_unknown_key", json.dumps(mapping | {"delimiter": ";"}).encode()),
        ("mapping_huge", b'{"kind": "orders", "x": "' + b"a" * (3 << 20) + b'"}'),
    ]
    return out


# -- the case list -----------------------------------------------------------------------------------

LOG_ABSURD = [
    "9999-12-31T23:59:59.000+08:00",
    "0001-01-01T00:00:00.000+08:00",
    "2200-01-01T00:00:00.000+08:00",
    "1900-01-01T00:00:00.000+08:00",
]


def _absurd_log(rng: random.Random, seed: Seed) -> list[tuple[str, bytes]]:
    rows = [list(r) for r in log_rows()]
    rows.append([rng.choice(LOG_ABSURD), "segment_end", "0", "", "", "", ""])
    return [("log_absurd_date", _csv([LOG_HEADER] + rows))]


def build_cases(folder: Path, count: int, seed: int = 12) -> list[Case]:
    """`count` cases in a fixed order for a seed: every mutation family over every seed, then more draws."""
    rng = random.Random(seed)
    seeds = build_seeds(folder)
    pools: list[list[Case]] = []
    for s in seeds:
        mutations = workbook_mutations(rng, s) if s.is_xlsx else text_mutations(rng, s)
        if s.key == "log":
            mutations += _absurd_log(rng, s)
        cases = []
        for label, data in mutations:
            mapping = json.dumps(s.mapping, ensure_ascii=False).encode() if s.mapping else None
            review = s.key in ("log", "minutes_csv", "doudian_csv") and label in (
                "odd_dates",
                "log_absurd_date",
            )
            cases.append(Case(0, s.key, label, s.name, data, s.kind, mapping, review))
        # Seeds of one container share their families: each seed takes them in its own order, so a small
        # count still meets every family somewhere.
        rng.shuffle(cases)
        cases.sort(key=lambda c: c.mutation != "log_absurd_date")
        pools.append(cases)
        if s.mapping:
            broken = [
                Case(0, s.key, label, s.name, s.data, None, m)
                for label, m in mapping_mutations(rng, s.mapping)
            ]
            rng.shuffle(broken)
            pools.append(broken)
    ordered: list[Case] = []
    # round-robin so a small count still touches every seed and family
    while any(pools) and len(ordered) < count:
        for cases in pools:
            if cases and len(ordered) < count:
                ordered.append(cases.pop(0))
    round_ = 0
    while len(ordered) < count:
        round_ += 1
        rng_round = random.Random(seed * 1000 + round_)
        for s in seeds:
            mutations = workbook_mutations(rng_round, s) if s.is_xlsx else text_mutations(rng_round, s)
            for label, data in mutations:
                if len(ordered) >= count:
                    break
                mapping = json.dumps(s.mapping, ensure_ascii=False).encode() if s.mapping else None
                ordered.append(Case(0, s.key, label, s.name, data, s.kind, mapping, label == "odd_dates"))
            if s.mapping and len(ordered) < count:
                for label, mapping in mapping_mutations(rng_round, s.mapping):
                    if len(ordered) >= count:
                        break
                    ordered.append(Case(0, s.key, label, s.name, s.data, None, mapping))
    for index, case in enumerate(ordered):
        case.ident = index
    return ordered
