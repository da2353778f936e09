"""Reading a product pool (货盘) from CSV (UTF-8 or GBK) or XLSX into Products.

Common Chinese and English headers are recognised; other headers come back as `unmapped` so the user maps
them once (the mapping is passed back in). Ids stay text, prices become fen, duplicate ids are reported
(the first row is kept, later ones are not merged into it).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from livedesk.domain.dataset import RowWarning
from livedesk.domain.message import Message
from livedesk.domain.money import yuan_to_fen
from livedesk.domain.product import Product
from livedesk.domain.roles import Role, ScriptStep, parse_role
from livedesk.import_export.errors import library_text
from livedesk.words.messages import SaidInEnglish

# field key → the headers that mean it (compared after `normalise_header`).
FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "product_id": ("商品id", "商品编码", "商品编号", "商品ID", "product_id", "productid", "id", "item_id"),
    "name": (
        "商品名称",
        "商品标题",
        "品名",
        "商品名",
        "名称",
        "商品",
        "product_name",
        "product_title",
        "item_name",
        "name",
        "product",
        "title",
    ),
    "sku": ("sku", "规格", "sku编码", "规格编码", "商品规格"),
    "role": ("角色", "定位", "类型", "商品角色", "商品定位", "货品定位", "role", "type"),
    "daily_price": ("日常价", "原价", "吊牌价", "划线价", "daily_price", "list_price", "regular_price"),
    "live_price": (
        "直播价",
        "直播价格",
        "到手价",
        "活动价",
        "直播到手价",
        "live_price",
        "deal_price",
        "price",
    ),
    "cost": ("成本", "成本价", "cost", "unit_cost"),
    "stock": (
        "库存",
        "库存数量",
        "可售库存",
        "活动库存",
        "直播库存",
        "备货",
        "stock",
        "stock_quantity",
        "inventory",
    ),
    "mechanism": (
        "机制",
        "优惠机制",
        "活动机制",
        "福利",
        "直播机制",
        "福利机制",
        "mechanism",
        "offer",
        "promotion",
        "benefit",
        "perks",
    ),
    "selling_points": ("卖点", "核心卖点", "selling_points", "sellingpoints"),
    "pain_points": ("痛点", "pain_points", "painpoints"),
    "endorsements": ("背书", "endorsements", "endorsement"),
    "faq": ("faq", "常见问题", "问答"),
    "script_pain_point": ("痛点引入", "script_pain_point"),
    "script_selling_points": ("卖点展示", "script_selling_points"),
    "script_trust": ("信任背书", "script_trust"),
    "script_offer": ("价格优惠", "script_offer"),
    "script_close": ("逼单促成", "script_close"),
}
FIELDS = tuple(FIELD_ALIASES)
SCRIPT_FIELDS = {
    "script_pain_point": ScriptStep.PAIN_POINT,
    "script_selling_points": ScriptStep.SELLING_POINTS,
    "script_trust": ScriptStep.TRUST,
    "script_offer": ScriptStep.OFFER,
    "script_close": ScriptStep.CLOSE,
}
TEXT_FIELDS = ("name", "sku", "mechanism", "selling_points", "pain_points", "endorsements", "faq")
MONEY_FIELDS = {"daily_price": "daily_price_fen", "live_price": "live_price_fen", "cost": "cost_fen"}
HEADER_SCAN_ROWS = 10
_UNIT_SUFFIX = re.compile(r"[(\[（【](元|¥|￥|rmb|件|个)[)\]）】]$")


def normalise_header(text: object) -> str:
    """`商品 ID（元）` → `商品id`: no spaces, lower case, a trailing unit in brackets dropped."""
    value = re.sub(r"\s+", "", str(text or "").replace("\ufeff", "")).lower()
    return _UNIT_SUFFIX.sub("", value)


def _alias_key(header: object) -> str:
    """Headers match whatever their case and separators: `Product Title`, `product_title`, `商品标题`."""
    return normalise_header(header).replace("_", "").replace("-", "")


_ALIAS_INDEX = {_alias_key(alias): key for key, aliases in FIELD_ALIASES.items() for alias in aliases}


class PoolRefused(SaidInEnglish, ValueError):
    """The file cannot be read as a pool: `reason` is a `pool.*` Message naming the file and the problem
    (worded at the edge); what the spreadsheet library said is in `details`."""

    def __init__(self, code: str, details: str | None = None, **params) -> None:
        super().__init__(Message(f"pool.{code}", params), details)


@dataclass
class PoolReadResult:
    products: list[Product]
    headers: list[str]
    mapping: dict[str, str]  # header → field used for it
    unmapped: list[str]  # headers neither recognised nor mapped by the user
    duplicates: dict[str, list[int]] = field(
        default_factory=dict
    )  # product id → source rows (header = row 1)
    warnings: list[RowWarning] = field(default_factory=list)
    encoding: str | None = None


def _cell_text(value: object) -> str:
    """A cell as text; integral floats (how spreadsheets hand over long ids) lose their `.0`."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float):
        if value != value:
            return ""
        if value.is_integer():
            return str(int(value))
        return repr(value)
    return str(value).strip()


def _read_rows(path: Path) -> tuple[list[list[str]], str | None]:
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm", ".xls"):
        from python_calamine import CalamineWorkbook

        try:
            book = CalamineWorkbook.from_path(str(path))
            sheets = [book.get_sheet_by_index(i).to_python() for i in range(len(book.sheet_names))]
        except Exception as exc:  # calamine raises its own error types for broken workbooks
            raise PoolRefused("not_spreadsheet", library_text(exc), file=path.name) from exc
        # The first sheet with a recognised product-id header wins; otherwise the first sheet.
        for sheet in sheets:
            table = [[_cell_text(v) for v in row] for row in sheet]
            if _find_header(table)[1].get("product_id") is not None:
                return table, None
        return ([[_cell_text(v) for v in row] for row in sheets[0]] if sheets else []), None
    if suffix in (".csv", ".txt", ".tsv"):
        data = path.read_bytes()
        for encoding in ("utf-8-sig", "gb18030"):
            try:
                text = data.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        else:  # pragma: no cover - gb18030 decodes almost any byte string
            raise PoolRefused("not_text", file=path.name)
        dialect = (
            "excel-tab"
            if suffix == ".tsv" or ("\t" in text.split("\n", 1)[0] and "," not in text.split("\n", 1)[0])
            else "excel"
        )
        rows = [[c.strip() for c in row] for row in csv.reader(io.StringIO(text), dialect=dialect)]
        return rows, "gbk" if encoding == "gb18030" else "utf-8"
    raise PoolRefused("not_csv_or_xlsx", file=path.name)


def _find_header(
    rows: list[list[str]], user_mapping: dict[str, str] | None = None
) -> tuple[int, dict[str, int]]:
    """The row (among the first few; a title row may sit on top) recognising the most fields."""
    best_index, best = 0, dict[str, int]()
    for index, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        found = _map_headers(row, user_mapping)
        if len(found) > len(best):
            best_index, best = index, found
    return best_index, best


def _map_headers(row: list[str], user_mapping: dict[str, str] | None = None) -> dict[str, int]:
    found: dict[str, int] = {}
    for column, header in enumerate(row):
        if not header:
            continue
        key = (user_mapping or {}).get(header)
        if key is None:
            key = _ALIAS_INDEX.get(_alias_key(header))
        if key and key in FIELD_ALIASES and key not in found:
            found[key] = column
    return found


def read_pool(path: str | Path, mapping: dict[str, str] | None = None) -> PoolReadResult:
    """Read a pool file. `mapping` (header → field key, "" to ignore) overrides the recognised headers.

    Raises PoolRefused when the file is unreadable or has no product-id column (even after mapping).
    """
    path = Path(path)
    if not path.is_file():
        raise PoolRefused("missing_file", file=path.name)
    rows, encoding = _read_rows(path)
    header_index, columns = _find_header(rows, mapping)
    if not rows or not columns:
        raise PoolRefused("no_header", file=path.name)
    headers = rows[header_index]
    if "product_id" not in columns:
        raise PoolRefused("no_product_id", file=path.name)
    used = {column: key for key, column in columns.items()}
    ignored = {h for h, key in (mapping or {}).items() if not key}
    unmapped = [h for c, h in enumerate(headers) if h and c not in used and h not in ignored]
    result = PoolReadResult(
        [], headers, {headers[c]: key for c, key in used.items()}, unmapped, encoding=encoding
    )
    if "role" not in columns:
        result.warnings.append(
            RowWarning(
                header_index + 1,
                "no_role_column",
                f"{path.name} has no role column; every product is set to profit (利润款)",
                {"file": path.name},
            )
        )
    first_row: dict[str, int] = {}
    for offset, row in enumerate(rows[header_index + 1 :]):
        line = header_index + 2 + offset
        if not any(cell for cell in row):
            continue
        product = _product_from_row(row, columns, line, result.warnings, headers)
        if product is None:
            continue
        if product.product_id in first_row:
            result.duplicates.setdefault(product.product_id, [first_row[product.product_id]]).append(line)
            result.warnings.append(
                RowWarning(
                    line,
                    "duplicate_product_id",
                    f"row {line} repeats product id {product.product_id} of row "
                    f"{first_row[product.product_id]}; only the first is kept",
                    {"product": product.product_id, "first_row": first_row[product.product_id]},
                )
            )
            continue
        first_row[product.product_id] = line
        result.products.append(product)
    return result


def _product_from_row(
    row: list[str], columns: dict[str, int], line: int, warnings: list[RowWarning], headers: list[str]
) -> Product | None:
    def cell(key: str) -> str:
        column = columns.get(key)
        return row[column].strip() if column is not None and column < len(row) else ""

    def header_of(key: str) -> str:
        # the file's own header, as the team reads it
        column = columns.get(key)
        return headers[column] if column is not None and column < len(headers) else key

    product_id = cell("product_id")
    if not product_id:
        warnings.append(
            RowWarning(
                line,
                "missing_product_id",
                f"row {line} has no product id and is skipped",
                {"outcome": "skipped"},
            )
        )
        return None
    role_text = cell("role")
    role = parse_role(role_text) if role_text else None
    if role is None:
        if "role" in columns:
            warnings.append(
                RowWarning(
                    line,
                    "unknown_role",
                    f"row {line}: role '{role_text}' is not 引流款/利润款/形象款/清仓款; set to profit",
                    {"value": role_text},
                )
            )
        role = Role.PROFIT
    product = Product(product_id=product_id, name=cell("name"), role=role)
    for key in TEXT_FIELDS:
        if key != "name":
            setattr(product, key, cell(key))
    for key, attribute in MONEY_FIELDS.items():
        text = cell(key)
        if text:
            try:
                setattr(product, attribute, yuan_to_fen(text))
            except ValueError:
                warnings.append(
                    RowWarning(
                        line,
                        "bad_price",
                        f"row {line}: '{text}' is not a price; left empty",
                        {"column": header_of(key), "value": text, "outcome": "empty"},
                    )
                )
    stock_text = cell("stock").replace(",", "")
    if stock_text:
        try:
            product.stock = int(float(stock_text))
        except ValueError:
            warnings.append(
                RowWarning(
                    line,
                    "bad_stock",
                    f"row {line}: stock '{stock_text}' is not a number; left empty",
                    {"column": header_of("stock"), "value": stock_text, "outcome": "empty"},
                )
            )
    product.scripts = {step: cell(key) for key, step in SCRIPT_FIELDS.items() if cell(key)}
    return product
