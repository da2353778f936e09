"""The session header: title, platform, account, start, length, team, targets, ad budget and checklists.

Each field commits on editingFinished as one undoable SetSessionField edit.
"""

from __future__ import annotations

import copy
from datetime import datetime

from PySide6.QtCore import QDateTime, Qt, QTimer
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from livedesk.domain.money import fen_to_yuan, yuan_to_fen
from livedesk.domain.plan_edits import SetSessionField
from livedesk.domain.session import TEAM_ROLES, ChecklistItem
from livedesk.ui.i18n import tr
from livedesk.ui.planner.plan_document import PlanDocument
from livedesk.words import TEAM


class SessionHeaderForm(QWidget):
    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._loading = False
        self.title = QLineEdit()
        self.platform = QLineEdit()
        self.account = QLineEdit()
        self.start = QDateTimeEdit()
        self.start.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.minutes = QSpinBox()
        self.minutes.setRange(1, 24 * 60)
        self.minutes.setSuffix(tr(" min"))
        self.team = {key: QLineEdit() for key in TEAM_ROLES}
        self.gmv = self._money()
        self.uv = QSpinBox()
        self.uv.setRange(0, 100_000_000)
        self.uv_value = self._money()
        self.conversion = QDoubleSpinBox()
        self.conversion.setRange(0, 100)
        self.conversion.setSuffix(" %")
        self.conversion.setDecimals(2)
        self.roi = QDoubleSpinBox()
        self.roi.setRange(0, 1000)
        self.ad_budget = self._money()
        self.preheat = QListWidget()
        self.scene = QListWidget()

        basics = QFormLayout()
        basics.addRow(tr("Title"), self.title)
        basics.addRow(tr("Platform"), self.platform)
        basics.addRow(tr("Account"), self.account)
        basics.addRow(tr("Start"), self.start)
        basics.addRow(tr("Planned length"), self.minutes)
        team = QFormLayout()
        for key, edit in self.team.items():
            team.addRow(TEAM.word(key), edit)
        targets = QFormLayout()
        targets.addRow(tr("GMV target"), self.gmv)
        targets.addRow(tr("UV target"), self.uv)
        targets.addRow(tr("UV value"), self.uv_value)
        targets.addRow(tr("Conversion"), self.conversion)
        targets.addRow(tr("ROI"), self.roi)
        targets.addRow(tr("Ad budget"), self.ad_budget)
        lists = QVBoxLayout()
        lists.addWidget(_group(tr("Pre-heat checklist"), _wrap(self.preheat)))
        lists.addWidget(_group(tr("Scene checklist"), _wrap(self.scene)))
        row = QHBoxLayout(self)
        row.addWidget(_group(tr("Session"), basics))
        row.addWidget(_group(tr("Team"), team))
        row.addWidget(_group(tr("Targets"), targets))
        row.addLayout(lists)

        self.title.editingFinished.connect(lambda: self._commit("title", self.title.text().strip()))
        self.platform.editingFinished.connect(lambda: self._commit("platform", self.platform.text().strip()))
        self.account.editingFinished.connect(lambda: self._commit("account", self.account.text().strip()))
        self.start.editingFinished.connect(self._commit_start)
        self.minutes.editingFinished.connect(
            lambda: self._commit("planned_seconds", self.minutes.value() * 60)
        )
        for edit in self.team.values():
            edit.editingFinished.connect(self._commit_team)
        for box in (self.gmv, self.uv, self.uv_value, self.conversion, self.roi):
            box.editingFinished.connect(self._commit_targets)
        self.ad_budget.editingFinished.connect(
            lambda: self._commit("ad_budget_fen", yuan_to_fen(self.ad_budget.value()) or None)
        )
        # Deferred: committing rebuilds the lists, which must not happen inside their own signal.
        self.preheat.itemChanged.connect(
            lambda _item: QTimer.singleShot(
                0, lambda: self._commit_checklist("preheat_checklist", self.preheat)
            )
        )
        self.scene.itemChanged.connect(
            lambda _item: QTimer.singleShot(0, lambda: self._commit_checklist("scene_checklist", self.scene))
        )
        document.plan_changed.connect(self._on_plan_changed)
        self._on_plan_changed()

    @staticmethod
    def _money() -> QDoubleSpinBox:
        box = QDoubleSpinBox()
        box.setRange(0, 1e10)
        box.setDecimals(2)
        box.setPrefix("¥")
        return box

    def _on_plan_changed(self) -> None:
        plan = self._document.plan
        self.setEnabled(plan is not None)
        if plan is None:
            return
        self._loading = True
        s = plan.session
        self.title.setText(s.title)
        self.platform.setText(s.platform)
        self.account.setText(s.account)
        self.start.setDateTime(
            QDateTime(s.start.year, s.start.month, s.start.day, s.start.hour, s.start.minute, 0)
        )
        self.minutes.setValue(s.planned_seconds // 60)
        for key, edit in self.team.items():
            edit.setText(s.team.get(key, ""))
        t = s.targets
        self.gmv.setValue(float(fen_to_yuan(t.gmv_fen) or 0))
        self.uv.setValue(t.uv or 0)
        self.uv_value.setValue(float(fen_to_yuan(t.uv_value_fen) or 0))
        self.conversion.setValue((t.conversion or 0) * 100)
        self.roi.setValue(t.roi or 0)
        self.ad_budget.setValue(float(fen_to_yuan(s.ad_budget_fen) or 0))
        for widget, items in ((self.preheat, s.preheat_checklist), (self.scene, s.scene_checklist)):
            widget.clear()
            for item in items:
                entry = QListWidgetItem(item.text)
                entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEditable)
                entry.setCheckState(Qt.CheckState.Checked if item.done else Qt.CheckState.Unchecked)
                widget.addItem(entry)
            blank = QListWidgetItem("")
            blank.setFlags(blank.flags() | Qt.ItemFlag.ItemIsEditable)
            blank.setToolTip(tr("Type a new checklist item here"))
            widget.addItem(blank)
        self._loading = False

    def _commit(self, field: str, value) -> None:
        plan = self._document.plan
        if self._loading or plan is None or getattr(plan.session, field) == value:
            return
        if field == "title" and not value:
            return
        self._document.push(SetSessionField(field, value), tr("Edit session"))

    def _commit_start(self) -> None:
        plan = self._document.plan
        if plan is None:
            return
        q = self.start.dateTime()
        d, t = q.date(), q.time()
        self._commit(
            "start", datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=plan.session.zone)
        )

    def _commit_team(self) -> None:
        self._commit(
            "team", {key: edit.text().strip() for key, edit in self.team.items() if edit.text().strip()}
        )

    def _commit_targets(self) -> None:
        plan = self._document.plan
        if plan is None:
            return
        targets = copy.deepcopy(plan.session.targets)
        targets.gmv_fen = yuan_to_fen(self.gmv.value()) or None
        targets.uv = self.uv.value() or None
        targets.uv_value_fen = yuan_to_fen(self.uv_value.value()) or None
        targets.conversion = self.conversion.value() / 100 or None
        targets.roi = self.roi.value() or None
        self._commit("targets", targets)

    def _commit_checklist(self, field: str, widget: QListWidget) -> None:
        items = []
        for row in range(widget.count()):
            entry = widget.item(row)
            if entry.text().strip():
                items.append(ChecklistItem(entry.text().strip(), entry.checkState() == Qt.CheckState.Checked))
        self._commit(field, items)


def _group(title: str, layout: QLayout) -> QGroupBox:
    box = QGroupBox(title)
    box.setLayout(layout)
    return box


def _wrap(widget: QWidget) -> QVBoxLayout:
    layout = QVBoxLayout()
    layout.addWidget(widget)
    return layout
