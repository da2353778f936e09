"""From a detected file to canonical datasets: picks the reader for the format (or the mapping)."""

from __future__ import annotations

from livedesk.domain.dataset import DatasetKind
from livedesk.domain.message import Message
from livedesk.import_export import compass_workbook, live_log_reader, live_workbook, minute_curve
from livedesk.import_export.detection import Detection
from livedesk.import_export.errors import ImportCancelled, ImportRefused, unexpected
from livedesk.import_export.fields import describe_found
from livedesk.import_export.mapped_table import ColumnMapping, read_mapped, wanted_keys
from livedesk.import_export.metric_tables import build_metric_table
from livedesk.import_export.order_export import ORDER_FORMATS, read_order_export
from livedesk.import_export.parsed import ParsedFile, ReadContext
from livedesk.import_export.tabular import RawTable, read_text_table, rows_to_table

_EXPECTED = ("orders", "products", "explanations", "minutes", "log")  # kinds with words for "not a …"


def load_raw(detection: Detection, wanted: set[str] | None) -> RawTable:
    """The detected table with only the wanted columns (None = all) converted to strings."""
    if detection.container == "text":
        if detection.layout is None:  # sniffing a text file always gives one; a bug otherwise
            raise RuntimeError(f"{detection.path.name} was detected as text without a layout")
        raw = read_text_table(detection.path, detection.layout, detection.header_index, wanted)
    else:
        if detection.rows is None:  # the cells are freed once converted: a second conversion is a bug
            raise RuntimeError(f"{detection.path.name}: the sheet's cells were already converted")
        raw = rows_to_table(
            detection.path.name, detection.sheet, detection.rows, detection.header_index, wanted
        )
        detection.rows = None  # the sheet's cells are no longer needed: free them before converting
    if raw.num_rows == 0:
        raise ImportRefused("import.no_data_rows", file=detection.path.name)
    return raw


def read_detected(
    detection: Detection, context: ReadContext, mapping: ColumnMapping | None = None
) -> ParsedFile:
    """The file's datasets; every way it can fail ends as ImportRefused (or ImportCancelled)."""
    try:
        return _read(detection, context, mapping)
    except (ImportRefused, ImportCancelled):
        raise
    except Exception as exc:  # whatever a reader did not foresee still ends in one sentence
        raise unexpected(detection.path.name, exc) from exc


def _read(detection: Detection, context: ReadContext, mapping: ColumnMapping | None) -> ParsedFile:
    fmt = detection.format
    name = detection.path.name
    context.step(0.05, "reading")
    if mapping is not None:
        raw = load_raw(detection, wanted_keys(mapping))
        return ParsedFile("mapped", [read_mapped(raw, mapping, context)])
    if fmt == compass_workbook.FORMAT:
        return compass_workbook.read_compass(detection.path, detection.workbook, detection.sheets, context)
    if fmt == live_workbook.FORMAT:
        return live_workbook.read_live_workbook(detection.path, detection.workbook, detection.sheets, context)
    if fmt in ORDER_FORMATS:
        order_format = ORDER_FORMATS[fmt]
        raw = load_raw(detection, order_format.wanted)
        return ParsedFile(fmt, [read_order_export(raw, order_format, context)])
    if fmt == "unknown":
        kind = detection.kind if detection.kind in _EXPECTED else "table"
        raise ImportRefused(
            "import.not_recognised",
            file=name,
            what=Message(f"expected.{kind}"),
            found=describe_found(detection.headers),
        )
    raw = load_raw(detection, None)
    if fmt == minute_curve.FORMAT:
        dataset = minute_curve.read_minutes(raw, context)
    elif fmt == live_log_reader.FORMAT:
        dataset = live_log_reader.read_live_log(raw, context)
    else:
        kind = DatasetKind.PRODUCTS if fmt == "product_table" else DatasetKind.EXPLANATIONS
        dataset = build_metric_table(raw, kind, context, what=detection.label)
    return ParsedFile(fmt, [dataset])
