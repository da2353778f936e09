"""Dialogs of the planner: the wave generator's pattern and lengths, and mapping unknown pool headers."""

from __future__ import annotations

import copy

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from livedesk.domain.roles import Role
from livedesk.domain.wave import RoleLength, WaveConfig
from livedesk.import_export.pool_reader import FIELDS
from livedesk.services.planning import parse_pattern
from livedesk.ui.i18n import tr
from livedesk.words import ROLES


class WavePatternDialog(QDialog):
    """Edit the role pattern (e.g. traffic,profit,profit,clearance,profit,image) and default pitch lengths."""

    def __init__(self, config: WaveConfig, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Generate wave plan"))
        self._config = copy.deepcopy(config)
        self.pattern = QLineEdit(",".join(role.value for role in config.pattern))
        self.pattern.setToolTip(
            tr("Roles separated by commas: traffic, profit, image, clearance (or 引流款, 利润款 …)")
        )
        self.lengths = {}
        form = QFormLayout()
        form.addRow(tr("Role pattern"), self.pattern)
        for role in Role:
            spin = QSpinBox()
            spin.setRange(1, 120)
            spin.setSuffix(" " + tr("min"))
            spin.setValue(config.length(role).default_seconds // 60)
            self.lengths[role] = spin
            form.addRow(tr("{role} pitch length").format(role=ROLES.word(role)), spin)
        self.encores = QSpinBox()
        self.encores.setRange(0, 10)
        self.encores.setValue(config.encore_count)
        form.addRow(tr("Encores"), self.encores)
        self.error = QLabel()
        self.error.setStyleSheet("color: #C0504D;")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("The current run order is replaced; undo brings it back.")))
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def config(self) -> WaveConfig | None:
        """The edited settings, or None (with the reason shown) when the pattern does not parse."""
        try:
            pattern = parse_pattern(self.pattern.text())
        except ValueError:
            self.error.setText(tr("The pattern must list roles: traffic, profit, image, clearance"))
            return None
        config = copy.deepcopy(self._config)
        config.pattern = pattern
        for role, spin in self.lengths.items():
            old = config.length(role)
            default = spin.value() * 60
            config.role_lengths[role] = RoleLength(
                min(old.min_seconds, default), default, max(old.max_seconds, default)
            )
        config.encore_count = self.encores.value()
        return config

    def accept(self) -> None:
        if self.config() is not None:
            super().accept()


def field_label(key: str) -> str:
    return {
        "product_id": tr("Product ID"),
        "name": tr("Name"),
        "sku": tr("SKU"),
        "role": tr("Role"),
        "daily_price": tr("Daily price"),
        "live_price": tr("Live price"),
        "cost": tr("Cost"),
        "stock": tr("Stock"),
        "mechanism": tr("Mechanism"),
        "selling_points": tr("Selling points"),
        "pain_points": tr("Pain points"),
        "endorsements": tr("Endorsements"),
        "faq": tr("FAQ"),
        "script_pain_point": tr("Script: pain point"),
        "script_selling_points": tr("Script: selling points"),
        "script_trust": tr("Script: trust"),
        "script_offer": tr("Script: offer"),
        "script_close": tr("Script: closing push"),
    }[key]


class PoolMappingDialog(QDialog):
    """Map each header LiveDesk did not recognise to a pool field (or ignore it); remembered for next time."""

    def __init__(self, headers: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Map pool columns"))
        self.combos: dict[str, QComboBox] = {}
        form = QFormLayout()
        for header in headers:
            combo = QComboBox()
            combo.addItem(tr("Ignore"), "")
            for key in FIELDS:
                combo.addItem(field_label(key), key)
            self.combos[header] = combo
            form.addRow(header, combo)
        self.remember = QCheckBox(tr("Remember this mapping"))
        self.remember.setChecked(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("These columns were not recognised. Choose what each one holds.")))
        layout.addLayout(form)
        layout.addWidget(self.remember)
        layout.addWidget(buttons)

    def mapping(self) -> dict[str, str]:
        return {header: combo.currentData() for header, combo in self.combos.items()}
