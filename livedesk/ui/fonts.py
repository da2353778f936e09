"""Register the bundled Noto Sans SC with Qt so Chinese never depends on system fallback."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from livedesk.resources import CJK_FONT_FAMILY, CJK_FONT_FILE, resource_path


def register_fonts(app: QApplication) -> str:
    """Load the font and make it the application font; returns the family name Qt reports."""
    font_id = QFontDatabase.addApplicationFont(str(resource_path(CJK_FONT_FILE)))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    family = families[0] if families else CJK_FONT_FAMILY
    font = QFont(family)
    font.setPointSize(10)
    app.setFont(font)
    return family
