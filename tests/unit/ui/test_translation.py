from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from reader.ui.translation import load_translator, lrelease


@pytest.mark.skipif(lrelease() is None, reason="lrelease is not installed")
def test_russian_translation_compiles_once_and_loads(qapp: Any, tmp_path: Path) -> None:
    translator = load_translator(qapp, QLocale("ru_RU"), tmp_path)
    try:
        assert translator is not None
        assert QCoreApplication.translate("MainWindow", "&File") == "&Файл"
        assert QCoreApplication.translate("", "Welcome to your news reader").startswith("Добро пожаловать")
        assert QCoreApplication.translate("FeedTreeModel", "%n unread", "", 5) == "5 непрочитанных"
        qm = tmp_path / "reader_ru.qm"
        stamp = qm.stat().st_mtime_ns
    finally:
        if translator is not None:
            qapp.removeTranslator(translator)
    # the second start reuses the compiled file
    again = load_translator(qapp, QLocale("ru_RU"), tmp_path)
    assert again is not None
    qapp.removeTranslator(again)
    assert qm.stat().st_mtime_ns == stamp


def test_english_needs_no_translation(qapp: Any, tmp_path: Path) -> None:
    assert load_translator(qapp, QLocale("en_US"), tmp_path) is None
    assert not tmp_path.joinpath("reader_en.qm").exists()
