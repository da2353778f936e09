"""The sentences for message codes (livedesk.domain.message.Message), in Chinese and English: one catalogue.

The core raises or returns a code with its values; the UI, the reports and the CLI call `say(message, lang)`.
Each code has both languages with the same placeholders (a test holds this). A refusal names the file and
says what is wrong with it in the user's terms; what a library said goes to the log, never here.
"""

from __future__ import annotations

import string
from typing import Any

from livedesk.domain.message import CodedError, Message
from livedesk.words.cli_messages import CLI_MESSAGES
from livedesk.words.error_messages import ERROR_MESSAGES
from livedesk.words.language import current_language
from livedesk.words.row_messages import ROW_MESSAGES

# code: (zh_CN, en)
MESSAGES: dict[str, tuple[str, str]] = {
    # -- import refusals: the file cannot be read ------------------------------------------------------
    "import.not_a_file": (
        "{file}：文件不存在，或者不是一个文件。",
        "{file} does not exist or is not a file.",
    ),
    "import.empty": ("{file}：文件是空的。", "{file} is empty."),
    "import.binary": (
        "{file}：不是 UTF-8 或 GBK 编码的文本，也不是 Excel 工作簿，LiveDesk 读不了。",
        "{file} is not a text table or workbook (it holds binary data LiveDesk cannot read).",
    ),
    "import.text_too_big": (
        "{file}：文件有 {size_bytes}，超过了 LiveDesk 单个文本文件最多读取的 {limit_bytes}。",
        "{file} is {size_bytes}, more than the {limit_bytes} LiveDesk reads from one text file.",
    ),
    "import.mixed_encoding_at": (
        "{file}：在{where}混用了不同的文字编码，无法读取；请用同一种编码（UTF-8 或 GBK）重新保存。",
        "{file} mixes text encodings near {where}, so its text cannot be read.",
    ),
    "import.mixed_encoding": (
        "{file}：混用了不同的文字编码，无法读取；请用同一种编码（UTF-8 或 GBK）重新保存。",
        "{file} mixes text encodings, so its text cannot be read; save it again in one encoding.",
    ),
    "import.utf8_then_other": (
        "{file}：开头是 UTF-8 编码，到{where}换成了另一种编码；请用同一种编码重新保存。",
        "{file} starts in UTF-8 but turns into another text encoding at {where}; save it again in one encoding.",
    ),
    "import.quotes_unpaired": (
        "{file}：引号没有成对出现，不是 LiveDesk 能读的表格。",
        "{file} is not a table LiveDesk can read (its quotes do not pair up).",
    ),
    "import.quotes_unpaired_at": (
        "{file}：第 {row} 行起不是表格（引号没有成对出现）。",
        "{file} is not a table from row {row} on (its quotes do not pair up).",
    ),
    "import.layout_broken": (
        "{file}：有一行不符合{layout}的格式，不是 LiveDesk 能读的表格。",
        "{file} is not a table LiveDesk can read (a row breaks the {layout} layout).",
    ),
    "import.layout_broken_at": (
        "{file}：第 {row} 行起不是表格（不符合{layout}的格式）。",
        "{file} is not a table from row {row} on (the row breaks the {layout} layout).",
    ),
    "import.cell_too_long": (
        "{file}：有一个单元格超过 {limit} 个字符，比表格单元格最多能放的还多。",
        "{file} has a cell longer than {limit} characters, the most a spreadsheet cell holds.",
    ),
    "import.too_many_rows": (
        "{file}：有 {rows} 行，超过了 LiveDesk 单个表格最多读取的 {limit} 行。",
        "{file} has {rows} rows, more than the {limit} LiveDesk reads from one table.",
    ),
    "import.too_many_columns": (
        "{file}：有 {columns} 列，超过了 LiveDesk 单个表格最多读取的 {limit} 列。",
        "{file} has {columns} columns, more than the {limit} LiveDesk reads from one table.",
    ),
    "import.not_a_table": (
        "{file}：不是表格，没有找到用逗号、制表符或分号分隔的列。",
        "{file} is not a table: no columns separated by commas, tabs or semicolons were found.",
    ),
    "import.no_data_rows": ("{file}：只有表头行，没有数据行。", "{file} has a header row but no data rows."),
    "import.header_row_missing": (
        "{file}：行数比映射里指定的表头行还少。",
        "{file} has fewer rows than the header row the mapping names.",
    ),
    "import.text_not_workbook": (
        "{file}：这是文本文件，而{format}导出的是 XLSX 工作簿。",
        "{file} is a text file, but a {format} export is an XLSX workbook.",
    ),
    "import.damaged_workbook": (
        "{file}：工作簿已损坏或不完整，无法打开；请重新下载或在 Excel/WPS 里另存一次。",
        "{file} is a damaged or truncated workbook and cannot be opened.",
    ),
    "import.truncated_workbook": (
        "{file}：文件在 {size_bytes} 处被截断（下载或复制没有完成），请重新下载。",
        "{file} is cut off at {size_bytes} (the download or copy did not finish); download it again.",
    ),
    "import.damaged_sheet": (
        "{file}：工作表“{sheet}”已损坏，无法读取。",
        "{file}: sheet {sheet} is damaged and cannot be read.",
    ),
    "import.no_such_sheet": (
        "{file}：没有名为“{sheet}”的工作表（现有工作表：{sheets}）。",
        "{file} has no sheet {sheet} (sheets: {sheets}).",
    ),
    "import.sheet_no_rows": (
        "{file}：工作表“{sheet}”里没有数据行。",
        "{file} has no rows in sheet {sheet}.",
    ),
    "import.workbook_unfilled": (
        "{file}：工作簿里没有任何填了内容的工作表。",
        "{file} is a workbook without any filled sheet.",
    ),
    "import.sheet_not_a_table": (
        "{file}：工作表“{sheet}”不是表格（表头行的列名少于两个）。",
        "{file}: sheet {sheet} is not a table (its header row has fewer than two named columns).",
    ),
    "import.not_that_workbook": (
        "{file}：不是{format}工作簿，里面没有 {wanted} 中的任何一个工作表（现有工作表：{sheets}）。",
        "{file} is not a {format} workbook: none of the sheets {wanted} is there (sheets found: {sheets}).",
    ),
    "import.workbook_no_rows": (
        "{file}：有{format}工作簿的工作表，但里面没有数据行。",
        "{file} has the sheets of a {format} workbook but no data rows in them.",
    ),
    "import.cell_without_position": (
        "{file}：工作表“{sheet}”里有缺少位置的单元格，LiveDesk 读不了；请在 Excel 或 WPS 里重新保存。",
        "{file}: sheet {sheet} has cells without a position, which LiveDesk does not read; "
        "save it again from Excel or WPS.",
    ),
    "import.cell_beyond_sheet": (
        "{file}：工作表“{sheet}”有单元格超出了表格的最大范围（{max_rows} 行、{max_columns} 列），文件已损坏。",
        "{file}: sheet {sheet} has a cell beyond the last row or column a spreadsheet can have "
        "({max_rows} rows, {max_columns} columns); the file is damaged.",
    ),
    "import.sheet_too_big": (
        "{file}：工作表“{sheet}”有 {rows} 行 × {columns} 列，超过了 LiveDesk 单个工作表最多读取的 {limit} 个单元格。",
        "{file}: sheet {sheet} spans {rows} rows by {columns} columns, more than the {limit} cells "
        "LiveDesk reads from one sheet.",
    ),
    "import.part_too_big": (
        "{file}：{part}解压后超过 {limit_bytes}，超出了 LiveDesk 单个工作簿的读取上限。",
        "{file} unpacks to more than {limit_bytes} in {part}, more than LiveDesk reads from one workbook.",
    ),
    "import.unpacks_too_big": (
        "{file}：解压后有 {size_bytes}，超过了 LiveDesk 单个工作簿最多读取的 {limit_bytes}。",
        "{file} unpacks to {size_bytes}, more than the {limit_bytes} LiveDesk reads from one workbook.",
    ),
    "import.zip_bomb": (
        "{file}：{part}的压缩比超过 {ratio} 比 1，像是恶意的“压缩炸弹”，LiveDesk 不解压它。",
        "{file} is packed more than {ratio} to 1 in {part}, the way a zip bomb is; LiveDesk does not unpack it.",
    ),
    "import.not_recognised": (
        "{file}：不是 LiveDesk 认得的{what}（{found}）；请映射它的列再导入。",
        "{file} is not {what} LiveDesk recognises ({found}); map its columns to import it.",
    ),
    "import.missing_columns": (
        "{file}：缺少{what}必需的列 {missing}（{found}）。",
        "{file} is missing the required column(s) {missing} for {what} ({found}).",
    ),
    "import.clock_without_date": (
        "{file}：时间只有钟点没有日期；请把它导入到某个场次，以便补上日期。",
        "{file} gives clock times without a date; import it into a session so they can be dated.",
    ),
    "import.bad_mapping": (
        "{file}：无法用这个列映射导入：{reason}。",
        "{file} cannot be imported with this mapping: {reason}.",
    ),
    "import.out_of_memory": (
        "{file}：文件太大，这台电脑现有的空闲内存读不下。",
        "{file} is too big to read with the memory this computer has free.",
    ),
    "import.unreadable": (
        "{file}：文件里有 LiveDesk 读不了的内容，没有导入任何数据。",
        "{file} holds something LiveDesk cannot read, so nothing of it was imported.",
    ),
    "import.outside_session": (
        "{file}：文件里的时间是 {file_from} – {file_to}，与本场（{session_from} – {session_to}）相差超过一天。"
        "已导入，请确认它属于这一场。",
        "{file} covers {file_from} – {file_to}, but the session runs {session_from} – {session_to}: not "
        "within a day of it. It was imported; check that it belongs to this session.",
    ),
    # -- column mappings (a JSON document the user wrote): the key and what it must hold ---------------
    "mapping.bad_value": (
        '列映射的 "{key}" 必须是{what}，而不是{value}',
        'the mapping\'s "{key}" must be {what}, not {value}',
    ),
    "mapping.what.sheet": ("工作表名称", "a sheet name"),
    "mapping.what.time_format": ("时间格式，例如 %Y-%m-%d %H:%M", "a time layout such as %Y-%m-%d %H:%M"),
    "mapping.what.timezone": ("时区名称，例如 Asia/Shanghai", "a time zone name such as Asia/Shanghai"),
    "mapping.what.cancel_prefix": (
        "已取消订单编号开头的文字",
        "the text that starts a cancelled order's number",
    ),
    "mapping.bad_header_row": (
        '列映射的 "header_row" 必须是 1 到 {limit} 之间的行号，而不是{value}',
        'the mapping\'s "header_row" must be a row number from 1 to {limit}, not {value}',
    ),
    "mapping.not_an_object": (
        '列映射必须是含有 "kind" 和 "columns" 的对象，而不是{value}',
        'a column mapping must be an object with "kind" and "columns", not {value}',
    ),
    "mapping.unknown_key": (
        '列映射里有未知的键 "{key}"（可用的键：{keys}）',
        'the mapping has the unknown key "{key}" (keys a mapping may have: {keys})',
    ),
    "mapping.bad_kind": (
        '列映射的 "kind" 必须是 {kinds} 之一，而不是{value}',
        'the mapping\'s "kind" must be one of {kinds}, not {value}',
    ),
    "mapping.bad_columns": (
        '列映射的 "columns" 必须是从字段名到列标题的对象，而不是{value}',
        'the mapping\'s "columns" must be an object from field names to column headers, not {value}',
    ),
    "mapping.not_a_field": (
        '列映射的 "columns" 里的{name}不是 {kind} 的字段（可用字段：{fields}）',
        'the mapping\'s "columns" names {name}, which is not a {kind} field (fields: {fields})',
    ),
    "mapping.bad_header": (
        '列映射的 "columns" → "{name}" 必须是列标题（文字），而不是{value}',
        'the mapping\'s "columns" → "{name}" must be a column header (text), not {value}',
    ),
    "mapping.no_columns": (
        '列映射的 "columns" 至少要指定一个列标题',
        'the mapping\'s "columns" must name at least one column header',
    ),
    "mapping.order_needs": ("订单的列映射需要 {missing}", "an order mapping needs {missing}"),
    "mapping.file_too_big": (
        "映射文件 {file} 有 {size_bytes}，映射文件最多 {limit_bytes}",
        "the mapping file {file} is {size_bytes}; a mapping is at most {limit_bytes}",
    ),
    "mapping.file_unopenable": ("映射文件 {file} 打不开", "the mapping file {file} cannot be opened"),
    "mapping.file_not_text": ("映射文件 {file} 不是 UTF-8 文本", "the mapping file {file} is not UTF-8 text"),
    "mapping.file_empty": ("映射文件 {file} 是空的", "the mapping file {file} is empty"),
    "mapping.file_too_deep": (
        "映射文件 {file} 嵌套超过 {depth} 层；一个映射只是一个对象",
        "the mapping file {file} nests more than {depth} levels deep; a mapping is one object",
    ),
    "mapping.file_not_json": ("映射文件 {file} 不是有效的 JSON", "the mapping file {file} is not valid JSON"),
    "mapping.file_not_json_at": (
        "映射文件 {file} 不是有效的 JSON（第 {line} 行）",
        "the mapping file {file} is not valid JSON (line {line})",
    ),
    "mapping.in_file": ("映射文件 {file}：{reason}", "{reason} (in {file})"),
    "value.null": ("null（空值）", "null"),
    "value.bool": ("true/false（是/否）", "true/false"),
    "value.number": ("数字 {number}", "the number {number}"),
    "value.list": ("列表", "a list"),
    "value.object": ("对象", "an object"),
    "value.nul_text": ("含 NUL 字符的文字", "text with a NUL character"),
    "value.long_text": ("{length} 个字符的文字", "text of {length} characters"),
    "value.text": ("文字“{text}”", '"{text}"'),
    # -- phrases inside refusals ----------------------------------------------------------------------
    "place.sheet": ("{file} 的工作表“{sheet}”", "{file}: sheet {sheet}"),
    "where.start": ("开头处", "the start"),
    "where.byte": ("第 {offset} 字节处", "byte {offset}"),
    "where.size": ("{offset_bytes} 处", "{offset_bytes}"),
    "layout.comma": ("逗号分隔", "comma-separated"),
    "layout.tab": ("制表符分隔", "tab-separated"),
    "layout.semicolon": ("分号分隔", "semicolon-separated"),
    "layout.bar": ("竖线分隔", "bar-separated"),
    "layout.other": ("分隔符分列", "delimited"),
    "part.sheet": ("工作表“{sheet}”", "sheet {sheet}"),
    "part.a_sheet": ("其中一个工作表", "one of its sheets"),
    "part.shared_text": ("共享文本部分", "its shared text"),
    "part.other": ("其中一个组成部分", "one of its parts"),
    "phrase.none": ("无", "none"),
    "phrase.columns_found": ("找到的列：{columns}", "columns found: {columns}"),
    "phrase.columns_found_more": (
        "找到的列：{columns} 等，另有 {more} 列",
        "columns found: {columns} and {more} more",
    ),
    "phrase.no_columns": ("没有找到列名", "columns found: none"),
    "phrase.one_of": ("{alternatives}", "{alternatives}"),
    "phrase.mapped_column": ("{header}（对应 {name}）", "{header} (for {name})"),
    "phrase.mapping": ("{kind}列映射", "the {kind} mapping"),
    "expected.orders": ("订单导出表", "an order export"),
    "expected.products": ("商品表", "a product table"),
    "expected.explanations": ("讲解表", "an explanation table"),
    "expected.minutes": ("分钟曲线", "a per-minute curve"),
    "expected.log": ("LiveDesk 直播日志", "a LiveDesk live log"),
    "expected.table": ("表格", "a table"),
    "dataset.orders": ("订单", "orders"),
    "dataset.products": ("商品", "products"),
    "dataset.channels": ("流量渠道", "channels"),
    "dataset.explanations": ("讲解", "explanations"),
    "dataset.minutes": ("分钟曲线", "minutes"),
    "dataset.log": ("直播日志", "live log"),
    "dataset.summary": ("整场数据", "summary"),
    # -- cross-file checks of an import ---------------------------------------------------------------
    "check.gpm_implies_views": (
        "成交金额 ÷ 千次观看成交金额 × 1000 = {implied:,.3f} 次观看：在四舍五入范围内是整数",
        "GMV / GPM × 1000 = {implied:,.3f} views: a whole number within rounding",
    ),
    "check.gpm_implies_views_gap": (
        "成交金额 ÷ 千次观看成交金额 × 1000 = {implied:,.3f} 次观看：与整数相差 {gap:.3f}",
        "GMV / GPM × 1000 = {implied:,.3f} views: off by {gap:.3f} from a whole number",
    ),
    "check.aov_matches_gmv_per_buyer": (
        "客单价 {actual_fen}，成交金额 ÷ 成交人数 = {expected_fen}（相差 {gap_fen}）",
        "客单价 {actual_fen} vs GMV / buyers {expected_fen} (gap {gap_fen})",
    ),
    "check.product_gmv_sums_to_session": (
        "商品合计 {actual_fen}，整场数据为 {expected_fen}（相差 {gap_fen}）",
        "products sum to {actual_fen}, the session shows {expected_fen} (gap {gap_fen})",
    ),
    "check.orders_sum_to_workbook_gmv": (
        "直播时段内已支付的订单合计 {actual_fen}，{source} 为 {expected_fen}（相差 {gap_fen}）",
        "paid order lines in the live window sum to {actual_fen}, {source} shows {expected_fen} (gap {gap_fen})",
    ),
    # -- the CLI's import summary ---------------------------------------------------------------------
    "cli.import.refused_count": (
        "{files} 个文件中有 {refused} 个被拒绝：",
        "{refused} of {files} files were refused:",
    ),
    "cli.import.dataset": (
        "{kind}（数据集 {dataset}）：读取 {read} 行，存入 {stored} 行，跳过 {skipped} 行",
        "{kind:<13} dataset {dataset}: {read} rows read, {stored} stored, {skipped} skipped",
    ),
    "cli.import.replaced": (
        "替换了同一文件之前导入的数据（数据集 {datasets}）",
        "replaced the earlier import of the same file (datasets {datasets})",
    ),
    "cli.import.already_known": (
        "{rows} 条订单行之前已在 {file} 中：以这个文件为准",
        "{rows} order line(s) already known from {file}: this file's copy counts",
    ),
    "cli.import.notice": ("注意：{text}", "WARNING: {text}"),
    "cli.import.skipped": ("跳过 {rows} 行：{reason}", "skipped {rows} row(s): {reason}"),
    "cli.import.row_warning": ("第 {row} 行：{text}", "row {row}: {text}"),
    "cli.import.more_warnings": ("…… 另有 {more} 条警告（见 --json）", "… {more} more warnings (see --json)"),
    "cli.import.check_ok": ("核对通过：{text}", "ok: {text}"),
    "cli.import.check_gap": ("核对有差异：{text}", "CHECK: {text}"),
    "cli.live.logged": (
        "已记入直播日志 {events} 条；直播{state}。",
        "{events} event(s) logged; the run is {state}.",
    ),
    "run.ready": ("未开始", "ready"),
    "run.running": ("进行中", "on air"),
    "run.finished": ("已结束", "over"),
    # -- live run: an action that does not fit the run's state ----------------------------------------
    "live.started": ("直播已经开始了。", "The run has already started."),
    "live.empty_plan": (
        "计划里还没有环节：请先在“计划”中添加。",
        "The plan has no segments: add some in 计划 first.",
    ),
    "live.not_on_air": (
        "还没开播：先开始直播（控制台按 F5）。",
        "Not on air yet: start the run first (F5 in the console).",
    ),
    "live.over": ("直播已结束；点“重新开始”可再来一场。", "The show has ended; “New run” starts another."),
    "live.nothing_to_skip": ("后面没有可跳过的环节。", "There is no upcoming segment to skip."),
    "live.not_upcoming": ("只能跳过还没开始的环节。", "Only segments still to come can be skipped."),
    "live.not_skipped": ("这个环节没有被跳过。", "That segment is not skipped."),
    "live.unknown_product": (
        "商品 {product} 不在本场货盘里。",
        "Product {product} is not in this session's pool.",
    ),
    "live.bad_seconds": ("请至少选择 1 分钟。", "Choose at least one minute."),
}

# The other parts of the catalogue, each in its own module; a code is defined once (a test holds this).
PARTS: tuple[dict[str, tuple[str, str]], ...] = (ERROR_MESSAGES, CLI_MESSAGES, ROW_MESSAGES)
for _part in PARTS:
    MESSAGES.update(_part)

_JOINERS = {"zh_CN": "、", "en": ", "}
_OR = {"zh_CN": " 或 ", "en": " or "}


def say(message: Message, lang: str | None = None) -> str:
    """The sentence for `message` in `lang` (zh_CN or en; default: the current language); an unknown code
    reads as the code itself, so a missing entry shows up in a test rather than as an empty line."""
    texts = MESSAGES.get(message.code)
    if texts is None:
        return message.code
    lang = lang or current_language()
    template = texts[0] if lang != "en" else texts[1]
    values = {name: _Value(name, value, lang) for name, value in message.params.items()}
    return string.Formatter().vformat(template, (), values)


class SaidInEnglish(CodedError):
    """A CodedError whose `str()` (logs, developers, callers older than the codes) is its English sentence;
    people read `say(error.reason)` in their language."""

    def __str__(self) -> str:
        return say(self.reason, "en")


def placeholders(template: str) -> set[str]:
    """The parameter names a template uses."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


class _Value:
    """One parameter, formatted for the language: a format spec in the template wins over the conventions."""

    def __init__(self, name: str, value: Any, lang: str) -> None:
        self.name, self.value, self.lang = name, value, lang

    def __format__(self, spec: str) -> str:
        value = self.value
        if spec:
            plain = isinstance(value, (int, float, str)) and not isinstance(value, bool)
            return format(value if plain else format(self, ""), spec)
        if isinstance(value, Message):
            return say(value, self.lang)
        if isinstance(value, (list, tuple)):
            joiner = _OR[self.lang if self.lang in _OR else "zh_CN"] if self.name == "alternatives" else None
            joiner = joiner or _JOINERS.get(self.lang, "、")
            return joiner.join(format(_Value(self.name + "_item", v, self.lang), "") for v in value)
        if self.name.endswith("_bytes") and isinstance(value, (int, float)):
            return size_words(value)
        if self.name.endswith("_fen") and isinstance(value, (int, float)):
            return money_words(value)
        if isinstance(value, bool):
            return str(value)
        if isinstance(value, int):
            return f"{value:,}"
        return str(value)


def size_words(count: float) -> str:
    """A byte count as a person reads it: 300 B, 12 KB, 2.1 MB, 1.2 GB."""
    if count < 1024:
        return f"{count:,.0f} B"
    if count < 1 << 20:
        return f"{count / 1024:.0f} KB"
    if count < 1 << 30:
        return f"{count / (1 << 20):.1f} MB"
    return f"{count / (1 << 30):.1f} GB"


def money_words(fen: float) -> str:
    """An amount in fen as the platforms show it: ¥233,308.53 (a minus sign before the ¥)."""
    sign = "-" if fen < 0 else ""
    return f"{sign}¥{abs(fen) / 100:,.2f}"
