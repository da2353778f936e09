"""Asked when a pool file arrives and the session already has products: replace, append or update by
product id, each with a one-line summary of what it would do. Nothing changes until the director chooses."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from livedesk.domain.pool_merge import PoolMergeMode, PoolMergeSummary, merge_pool
from livedesk.domain.product import Product
from livedesk.domain.session import SessionPlan
from livedesk.ui.i18n import tr


def summary_text(summary: PoolMergeSummary) -> str:
    """One sentence on what a merge does (also the status line after it is done)."""
    if summary.mode is PoolMergeMode.REPLACE:
        text = tr("Replace: the pool becomes the file's {after} products ({removed} removed, {added} new).")
    elif summary.mode is PoolMergeMode.APPEND:
        text = tr(
            "Append: {added} new products are added ({skipped} with ids already in the pool are left as they are); {after} in all."
        )
    else:
        text = tr(
            "Update by product id: {updated} products take the file's values, {added} are added, none removed; {after} in all."
        )
    text = text.format(
        after=summary.after,
        removed=summary.removed,
        added=summary.added,
        skipped=summary.skipped,
        updated=summary.updated,
    )
    if summary.orphaned_pitches:
        text += ("" if text.endswith("。") else " ") + tr(
            "{count} pitch segments would name a product no longer in the pool."
        ).format(count=summary.orphaned_pitches)
    return text


class PoolMergeDialog(QDialog):
    """Three buttons, one per way; `chosen` is the mode picked (None when cancelled)."""

    def __init__(
        self, plan: SessionPlan, incoming: list[Product], file_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Import pool"))
        self.chosen: PoolMergeMode | None = None
        self.results: dict[PoolMergeMode, tuple[list[Product], PoolMergeSummary]] = {
            mode: merge_pool(plan, incoming, mode) for mode in PoolMergeMode
        }
        heading = QLabel(
            tr("The pool already has {before} products; {file} has {count}. What should happen?").format(
                before=len(plan.products), file=file_name, count=len(incoming)
            )
        )
        heading.setWordWrap(True)
        heading.setStyleSheet("font-weight: 600;")
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        self.buttons: dict[PoolMergeMode, QPushButton] = {}
        self.summaries: dict[PoolMergeMode, QLabel] = {}
        names = {
            PoolMergeMode.UPDATE: tr("Update by product id"),
            PoolMergeMode.APPEND: tr("Append new products"),
            PoolMergeMode.REPLACE: tr("Replace the pool"),
        }
        for mode in (PoolMergeMode.UPDATE, PoolMergeMode.APPEND, PoolMergeMode.REPLACE):
            button = QPushButton(names[mode])
            button.setMinimumWidth(160)
            button.clicked.connect(lambda _checked=False, m=mode: self._choose(m))
            label = QLabel(summary_text(self.results[mode][1]))
            label.setWordWrap(True)
            row = QHBoxLayout()
            row.addWidget(button)
            row.addWidget(label, 1)
            layout.addLayout(row)
            self.buttons[mode], self.summaries[mode] = button, label
        self.buttons[PoolMergeMode.UPDATE].setDefault(True)  # the choice that loses nothing
        cancel = QPushButton(tr("Cancel"))
        cancel.clicked.connect(self.reject)
        layout.addWidget(cancel)
        self.resize(720, 260)

    def _choose(self, mode: PoolMergeMode) -> None:
        self.chosen = mode
        self.accept()
