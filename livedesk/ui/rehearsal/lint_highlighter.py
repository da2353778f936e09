"""Live compliance highlighting: a QSyntaxHighlighter underlining lexicon hits, and a text edit that
shows the reason and the suggested rewording when the mouse rests on a hit."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextDocument
from PySide6.QtWidgets import QPlainTextEdit, QToolTip, QWidget

from livedesk.domain.lexicon import Lexicon, LintHit, Severity
from livedesk.ui.i18n import tr
from livedesk.words import LEXICON_CATEGORIES, LINT_SEVERITIES


def severity_name(severity: Severity) -> str:
    return LINT_SEVERITIES.word(severity)


def hit_tooltip(hit: LintHit) -> str:
    category = LEXICON_CATEGORIES.word(hit.category)
    return tr("{severity} · {category}: “{text}”\n{reason}\nSuggestion: {suggestion}").format(
        severity=severity_name(hit.severity),
        category=category,
        text=hit.text,
        reason=hit.reason,
        suggestion=hit.suggestion or "—",
    )


class LintHighlighter(QSyntaxHighlighter):
    """Re-lints each block (line) as it changes; keeps the hits per block for tooltips and counts."""

    def __init__(self, document: QTextDocument, lexicon: Lexicon, platform: str | None = "douyin") -> None:
        super().__init__(document)
        self._lexicon = lexicon
        self._platform = platform

    def set_lexicon(self, lexicon: Lexicon) -> None:
        self._lexicon = lexicon
        self.rehighlight()

    def highlightBlock(self, text: str) -> None:
        hits = self._lexicon.scan_line(text, self.currentBlock().blockNumber() + 1, platform=self._platform)
        for hit in hits:
            fmt = QTextCharFormat()
            colour = QColor(LINT_SEVERITIES.colour(hit.severity, "#E5484D"))
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(colour)
            background = QColor(colour)
            background.setAlpha(45)
            fmt.setBackground(background)
            self.setFormat(hit.column - 1, hit.length, fmt)

    def hits(self) -> list[LintHit]:
        return self._lexicon.scan(self.document().toPlainText(), platform=self._platform)


class LintTextEdit(QPlainTextEdit):
    """A script text box with lint highlighting and hover explanations; emits `hits_changed(list)`."""

    hits_changed = Signal(list)

    def __init__(self, lexicon: Lexicon, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.highlighter = LintHighlighter(self.document(), lexicon)
        self.setMouseTracking(True)
        self.textChanged.connect(lambda: self.hits_changed.emit(self.hits()))

    def hits(self) -> list[LintHit]:
        return self.highlighter.hits()

    def hit_at(self, position: int) -> LintHit | None:
        """The hit under a character position of the document."""
        block = self.document().findBlock(position)
        column = position - block.position() + 1
        for hit in self.hits():
            if hit.line == block.blockNumber() + 1 and hit.column <= column < hit.column + hit.length:
                return hit
        return None

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            cursor = self.cursorForPosition(event.pos())
            hit = self.hit_at(cursor.position())
            if hit is not None:
                QToolTip.showText(event.globalPos(), hit_tooltip(hit), self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)
