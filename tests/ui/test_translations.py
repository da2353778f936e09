"""Every string the UI passes to tr() has a Chinese translation in resources/i18n/zh_CN/*.ts."""

from __future__ import annotations

import ast
from pathlib import Path

import livedesk
from livedesk.resources import resources_dir
from livedesk.translations import load_ts_catalogue

UI_DIR = Path(livedesk.__file__).parent / "ui"


def tr_literals() -> dict[str, str]:
    found = {}
    for path in UI_DIR.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", getattr(node.func, "attr", None)) == "tr"
            ) and (
                node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)
            ):
                found[node.args[0].value] = f"{path.relative_to(UI_DIR)}:{node.lineno}"
    return found


def test_every_ui_string_has_a_chinese_translation():
    catalogue = load_ts_catalogue(resources_dir() / "i18n" / "zh_CN")
    literals = tr_literals()
    assert len(literals) > 20
    missing = {text: where for text, where in literals.items() if text not in catalogue}
    assert missing == {}


def test_tr_is_only_called_with_literals():
    offenders = []
    for path in UI_DIR.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            is_tr = isinstance(node, ast.Call) and getattr(node.func, "id", None) == "tr"
            if is_tr and not (node.args and isinstance(node.args[0], ast.Constant)):
                offenders.append(f"{path.relative_to(UI_DIR)}:{node.lineno}")
    assert offenders == []


def test_no_catalogue_key_has_two_meanings():
    """All `.ts` files form one catalogue, so a source string translated two ways in two files means one of
    them silently wins (the import dialog's Close button once read 逼单促成, the script step). Give each
    meaning its own source string."""
    import xml.etree.ElementTree as ElementTree

    meanings: dict[str, dict[str, str]] = {}
    for path in sorted((resources_dir() / "i18n" / "zh_CN").glob("*.ts")):
        for message in ElementTree.parse(path).getroot().iter("message"):
            source, translation = message.findtext("source"), message.findtext("translation")
            if source and translation:
                meanings.setdefault(source, {}).setdefault(translation, path.name)
    clashes = {source: found for source, found in meanings.items() if len(found) > 1}
    assert clashes == {}
