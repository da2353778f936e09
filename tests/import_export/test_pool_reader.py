"""Pool files as teams bring them: UTF-8 and GBK CSV, XLSX, Chinese or English headers, duplicates."""

from __future__ import annotations

import pytest

from livedesk.domain.roles import Role, ScriptStep
from livedesk.import_export.pool_reader import PoolRefused, read_pool

CHINESE_CSV = (
    "商品ID,商品名称,角色,日常价,到手价,成本价,活动库存,福利,卖点,痛点,背书,FAQ,痛点引入,逼单促成\n"
    "3720000000000000001,洗脸巾,引流款,19.9,9.9,5,500,买一送一,柔软,粗糙,大牌同厂,能湿用吗,脸干吗,只剩100单\n"
    '3720000000000000002,精华液,利润款,"￥1,299.00",199,149,100,,,,,,,\n'
    "3720000000000000003,礼盒,尖货,1299,999,600,10,,,,,,,\n"
)


def test_utf8_csv_with_chinese_headers(tmp_path):
    path = tmp_path / "pool.csv"
    path.write_text(CHINESE_CSV, encoding="utf-8")
    result = read_pool(path)
    assert result.encoding == "utf-8" and result.unmapped == [] and result.duplicates == {}
    first, second, third = result.products
    assert first.product_id == "3720000000000000001"  # 19 digits kept exactly, as text
    assert (
        first.name,
        first.role,
        first.daily_price_fen,
        first.live_price_fen,
        first.cost_fen,
        first.stock,
    ) == ("洗脸巾", Role.TRAFFIC, 1990, 990, 500, 500)
    assert (first.mechanism, first.selling_points, first.pain_points, first.endorsements, first.faq) == (
        "买一送一",
        "柔软",
        "粗糙",
        "大牌同厂",
        "能湿用吗",
    )
    assert first.scripts == {ScriptStep.PAIN_POINT: "脸干吗", ScriptStep.CLOSE: "只剩100单"}
    assert second.daily_price_fen == 129900 and second.stock == 100 and second.mechanism == ""
    assert third.role is Role.IMAGE


def test_doudian_style_headers_as_teams_write_them(tmp_path):
    """A pool sheet copied from the 抖店 back end: 商品标题, 直播价格, 库存数量, 优惠机制 (and the English forms)."""
    path = tmp_path / "抖店货盘.csv"
    path.write_text(
        "商品ID,商品标题,角色,直播价格,库存数量,优惠机制\n"
        "3720000000000000011,山野 红糖姜枣茶 12条装,引流款,9.9,3000,拍一发二\n",
        encoding="utf-8-sig",
    )
    result = read_pool(path)
    assert result.unmapped == []
    (product,) = result.products
    assert (product.name, product.live_price_fen, product.stock, product.mechanism) == (
        "山野 红糖姜枣茶 12条装",
        990,
        3000,
        "拍一发二",
    )

    english = tmp_path / "pool_en.csv"
    english.write_text(
        "Product ID,Product Title,Role,Live Price,Stock Quantity,Offer\nA-1,Wipes,traffic,9.9,300,2 for 1\n",
        encoding="utf-8",
    )
    (wipes,) = read_pool(english).products
    assert (wipes.product_id, wipes.name, wipes.live_price_fen, wipes.stock, wipes.mechanism) == (
        "A-1",
        "Wipes",
        990,
        300,
        "2 for 1",
    )


def test_gbk_csv(tmp_path):
    path = tmp_path / "pool_gbk.csv"
    path.write_bytes(CHINESE_CSV.encode("gbk"))
    result = read_pool(path)
    assert result.encoding == "gbk"
    assert [p.name for p in result.products] == ["洗脸巾", "精华液", "礼盒"]


def test_english_headers_and_roles(tmp_path):
    path = tmp_path / "pool.csv"
    path.write_text(
        "product_id,product_name,role,daily_price,live_price,stock\n"
        "A-1,Wipes,Traffic,19.9,9.9,300\nA-2,Serum,profit,299,199,80\nA-3,Old cream,clearance,99,49,\n",
        encoding="utf-8",
    )
    products = read_pool(path).products
    assert [(p.product_id, p.role) for p in products] == [
        ("A-1", Role.TRAFFIC),
        ("A-2", Role.PROFIT),
        ("A-3", Role.CLEARANCE),
    ]
    assert products[2].stock is None  # blank stays unknown, not zero


def test_xlsx_with_numeric_ids_and_a_title_row(tmp_path):
    import xlsxwriter

    path = tmp_path / "pool.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("货盘")
    sheet.write_row(0, 0, ["双11 排品表"])
    sheet.write_row(1, 0, ["商品编码", "品名", "定位", "原价", "直播价", "库存"])
    sheet.write_row(2, 0, [10086, "精华液", "利润款", 299, 199.9, 100])
    sheet.write_row(3, 0, ["10087", "洗脸巾", "引流", 19.9, 9.9, 500])
    book.close()
    products = read_pool(path).products
    assert [(p.product_id, p.name, p.role, p.live_price_fen, p.stock) for p in products] == [
        ("10086", "精华液", Role.PROFIT, 19990, 100),
        ("10087", "洗脸巾", Role.TRAFFIC, 990, 500),
    ]


def test_duplicates_are_reported_not_merged(tmp_path):
    path = tmp_path / "pool.csv"
    path.write_text(
        "商品ID,商品名称,角色\nX1,甲,利润款\nX2,乙,引流款\nX1,甲二,利润款\nX1,甲三,利润款\n", encoding="utf-8"
    )
    result = read_pool(path)
    assert [p.name for p in result.products] == ["甲", "乙"]
    assert result.duplicates == {"X1": [2, 4, 5]}
    assert [w.code for w in result.warnings] == ["duplicate_product_id", "duplicate_product_id"]


def test_unknown_headers_come_back_and_a_mapping_uses_them(tmp_path):
    path = tmp_path / "pool.csv"
    path.write_text("货品编号,商品名称,角色,主播备注\nQ1,甲,利润款,多讲成分\n", encoding="utf-8")
    with pytest.raises(PoolRefused, match="pool.csv has no product id column"):
        read_pool(path)
    result = read_pool(path, {"货品编号": "product_id"})
    assert result.products[0].product_id == "Q1"
    assert result.unmapped == ["主播备注"]
    mapped = read_pool(path, {"货品编号": "product_id", "主播备注": "selling_points"})
    assert mapped.products[0].selling_points == "多讲成分" and mapped.unmapped == []
    ignored = read_pool(path, {"货品编号": "product_id", "主播备注": ""})
    assert ignored.unmapped == []


def test_bad_values_become_row_warnings(tmp_path):
    path = tmp_path / "pool.csv"
    path.write_text(
        "商品ID,商品名称,角色,直播价,库存\nA,甲,爆款,abc,很多\n,乙,利润款,1,1\n", encoding="utf-8"
    )
    result = read_pool(path)
    assert [(w.row, w.code) for w in result.warnings] == [
        (2, "unknown_role"),
        (2, "bad_price"),
        (2, "bad_stock"),
        (3, "missing_product_id"),
    ]
    assert result.products[0].role is Role.PROFIT and result.products[0].live_price_fen is None


def test_unreadable_files_are_refused(tmp_path):
    with pytest.raises(PoolRefused, match="nothing.csv does not exist"):
        read_pool(tmp_path / "nothing.csv")
    doc = tmp_path / "pool.docx"
    doc.write_bytes(b"PK")
    with pytest.raises(PoolRefused, match="pool.docx is not a CSV or XLSX file"):
        read_pool(doc)
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a zip")
    with pytest.raises(PoolRefused, match="broken.xlsx is not a readable spreadsheet"):
        read_pool(broken)
