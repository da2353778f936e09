"""Tells the user that a teammate saved the same thing first and lets them reload theirs or keep their own
change (re-applied on top of the teammate's version). Shown for an EditConflict; it only reports the choice."""

from __future__ import annotations

import re

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from livedesk.domain.edit_conflict import EditConflict, EditPart
from livedesk.ui.i18n import tr


def part_words(conflict: EditConflict) -> str:
    """What was edited, in the user's words."""
    words = {
        EditPart.HEADER: tr("the session details"),
        EditPart.POOL: tr("the product pool"),
        EditPart.RUN_ORDER: tr("the run order"),
        EditPart.SESSION_SCRIPTS: tr("the opening, transition and closing scripts"),
        EditPart.THRESHOLDS: tr("the review thresholds"),
        EditPart.ACTION_ITEM: tr("the action item"),
        EditPart.PREFERENCE: tr("the setting"),
    }
    if conflict.part is EditPart.SCRIPT:
        return tr("the script of product {product}").format(product=conflict.key)
    return words[conflict.part]


def field_words(code: str) -> str:
    """`segments[2].owner` → "segment 3: owner"; `products[P1].stock` → "product P1: stock"; `title` → "title"."""
    names = {
        "title": tr("title"),
        "start": tr("start time"),
        "planned_seconds": tr("length"),
        "platform": tr("platform"),
        "account": tr("account"),
        "timezone": tr("time zone"),
        "team": tr("team"),
        "targets": tr("targets"),
        "ad_budget_fen": tr("ad budget"),
        "preheat_checklist": tr("warm-up checklist"),
        "scene_checklist": tr("scene checklist"),
        "kind": tr("kind"),
        "product_id": tr("product"),
        "owner": tr("owner"),
        "cues": tr("cues"),
        "notes": tr("notes"),
        "steps": tr("step budgets"),
        "name": tr("name"),
        "role": tr("role"),
        "daily_price_fen": tr("daily price"),
        "live_price_fen": tr("live price"),
        "cost_fen": tr("cost"),
        "stock": tr("stock"),
        "mechanism": tr("offer mechanism"),
        "selling_points": tr("selling points"),
        "pain_points": tr("pain points"),
        "endorsements": tr("endorsements"),
        "faq": tr("FAQ"),
    }
    if code == "segments":
        return tr("the whole run order")
    if code == "products":
        return tr("the whole pool")
    match = re.fullmatch(r"(segments|products)\[([^\]]+)\]\.(\w+)", code)
    if match is None:
        return names.get(code, code)
    where, key, name = match.groups()
    field = names.get(name, name)
    if where == "segments":
        return tr("segment {number}: {field}").format(number=int(key) + 1, field=field)
    return tr("product {product}: {field}").format(product=key, field=field)


class ConflictDialog(QDialog):
    """Modeless; the owner connects `reload_chosen` / `keep_mine_chosen` to the model's settling actions."""

    reload_chosen = Signal()
    keep_mine_chosen = Signal()

    def __init__(self, conflict: EditConflict, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.conflict = conflict
        self.setWindowTitle(tr("Someone else saved first"))
        if conflict.actual_version is None:
            text = tr("Your change to {what} was not saved: a teammate deleted it.")
        else:
            text = tr("Your change to {what} was not saved: a teammate saved it while you were editing.")
        self.message = QLabel(text.format(what=part_words(conflict)))
        self.message.setWordWrap(True)
        self.fields = QLabel(
            tr("You both changed: {fields}").format(fields="、".join(field_words(f) for f in conflict.fields))
            if conflict.fields
            else ""
        )
        self.fields.setWordWrap(True)
        self.fields.setVisible(bool(conflict.fields))
        hint = QLabel(
            tr(
                "Reload shows their version and drops your unsaved change. Keep mine applies your change again "
                "on top of their version and saves it."
            )
        )
        hint.setWordWrap(True)
        self.reload_button = QPushButton(tr("Reload theirs"))
        self.keep_button = QPushButton(tr("Keep mine"))
        self.keep_button.setEnabled(conflict.actual_version is not None)
        buttons = QDialogButtonBox()
        buttons.addButton(self.reload_button, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.addButton(self.keep_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.reload_button.clicked.connect(self._on_reload_clicked)
        self.keep_button.clicked.connect(self._on_keep_clicked)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.fields)
        layout.addWidget(hint)
        layout.addWidget(buttons)

    def _on_reload_clicked(self) -> None:
        self.done(QDialog.DialogCode.Rejected)
        self.reload_chosen.emit()

    def _on_keep_clicked(self) -> None:
        self.done(QDialog.DialogCode.Accepted)
        self.keep_mine_chosen.emit()
