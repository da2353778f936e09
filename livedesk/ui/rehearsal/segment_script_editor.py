"""The session's opening, transition and closing scripts (they live beside the plan), and the team's own
lint words. The text autosaves a moment after typing stops and whenever the editor turns to something else."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from livedesk.domain.lexicon import Severity
from livedesk.domain.roles import SegmentKind
from livedesk.services import lexicon as lexicon_service
from livedesk.services import scripts
from livedesk.ui.context import AppContext
from livedesk.ui.i18n import tr
from livedesk.ui.rehearsal.lint_highlighter import LintTextEdit
from livedesk.ui.widgets.error_report import describe_error
from livedesk.ui.widgets.save_state import SaveStateLabel
from livedesk.words import KINDS

AUTOSAVE_MS = 1200  # typing pauses this long, then the text is saved
KIND_OF_SCRIPT = {
    "opening": SegmentKind.OPENING,
    "transition": SegmentKind.TRANSITION,
    "closing": SegmentKind.CLOSING,
}


def error_count(hits) -> int:
    return sum(1 for h in hits if h.severity is Severity.ERROR)


def lint_summary(hits) -> str:
    warnings = sum(1 for h in hits if h.severity is Severity.WARNING)
    if not hits:
        return tr("Compliance: no problems found")
    return tr("Compliance: {errors} errors, {warnings} warnings (hover the underlined words)").format(
        errors=error_count(hits), warnings=warnings
    )


def saved_notice(hits) -> str:
    """What 保存脚本 says: saved, and how many 广告法 errors are still in the text."""
    errors = error_count(hits)
    if errors:
        return tr(
            "Saved, but {errors} advertising-law errors remain (underlined in red): reword them before the show."
        ).format(errors=errors)
    return tr("Saved. No advertising-law errors.")


class SegmentScriptEditor(QWidget):
    """The session's opening, transition or closing script."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._session_id: int | None = None
        self._kind = "opening"
        self._loading = False
        self._dirty = False
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 18px; font-weight: 600;")
        self.lines = QComboBox()
        insert = QPushButton(tr("Insert line"))
        insert.clicked.connect(self.insert_line)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.lines)
        top.addWidget(insert)
        self.edit = LintTextEdit(lexicon_service.team_lexicon())
        self.edit.setStyleSheet("font-size: 16px;")
        self.edit.textChanged.connect(self._on_edited)
        self.lint_label = QLabel()
        self.notice = QLabel()
        self.state = SaveStateLabel()
        self.save_button = QPushButton(tr("Save script"))
        self.save_button.clicked.connect(self.save)
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(self.commit)
        bottom = QHBoxLayout()
        bottom.addWidget(self.lint_label, 1)
        bottom.addWidget(self.notice)
        bottom.addWidget(self.state)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.edit, 1)
        layout.addLayout(bottom)

    @property
    def dirty(self) -> bool:
        return self._dirty

    def set_lexicon(self, lexicon) -> None:
        self.edit.highlighter.set_lexicon(lexicon)

    def load(self, session_id: int, kind: str) -> None:
        self.commit()  # whatever was typed for the previous script is kept
        self._session_id, self._kind = session_id, kind
        self.title.setText(KINDS.word(KIND_OF_SCRIPT[kind]))
        self.lines.clear()
        for line in scripts.template_library().lines_for(kind):
            self.lines.addItem(line.name_zh, line.text)
        self._loading = True
        self.edit.setPlainText(scripts.load_session_scripts(self._context.store, session_id).get(kind, ""))
        self._loading = False
        self.lint_label.setText(lint_summary(self.edit.hits()))
        self.notice.setText("")
        self.state.setText("")

    def insert_line(self) -> None:
        text = self.lines.currentData()
        if text:
            self.edit.appendPlainText(text)

    def save(self) -> None:
        """保存脚本: save now and say what the compliance check found."""
        self._dirty = True
        self.commit()
        self.notice.setText(saved_notice(self.edit.hits()))

    def commit(self) -> None:
        """Hand the typed text to the writer (autosave, a switch to another script, 保存脚本)."""
        self._autosave.stop()
        if not self._dirty or self._session_id is None:
            return
        self._dirty = False
        session_id, store = self._session_id, self._context.store
        texts = {self._kind: self.edit.toPlainText()}
        self.state.show_saving()

        def done(_result=None) -> None:
            self.state.show_saved()
            self._context.selection.session_scripts_changed.emit(session_id)

        def failed(error: BaseException) -> None:
            self.state.show_failed(describe_error(error))

        if self._context.writer is None:
            scripts.save_session_scripts(store, session_id, texts)
            done()
            return
        self._context.writer.write(
            f"session-scripts:{session_id}:{self._kind}",
            lambda: scripts.save_session_scripts(store, session_id, texts),
            on_done=done,
            on_failed=failed,
        )

    def _on_edited(self) -> None:
        self.lint_label.setText(lint_summary(self.edit.hits()))
        if self._loading:
            return
        self._dirty = True
        self.notice.setText("")
        self.state.show_editing()
        self._autosave.start()


class TeamWordsDialog(QDialog):
    """The team's own banned and allowed words, one a line."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Team words"))
        self._context = context
        banned, allowed = lexicon_service.user_words(context.store)
        self.banned = QPlainTextEdit("\n".join(str(b.get("term", "")) for b in banned))
        self.allowed = QPlainTextEdit("\n".join(allowed))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("Banned words (one a line)")))
        layout.addWidget(self.banned)
        layout.addWidget(QLabel(tr("Allowed phrases, never flagged (one a line)")))
        layout.addWidget(self.allowed)
        layout.addWidget(buttons)

    def accept(self) -> None:
        lexicon_service.save_user_words(
            self._context.store,
            self.banned.toPlainText().splitlines(),
            self.allowed.toPlainText().splitlines(),
        )
        super().accept()
