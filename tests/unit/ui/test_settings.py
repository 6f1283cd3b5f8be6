from __future__ import annotations

from pathlib import Path
from typing import Any

from reader.ui.settings import Settings, open_settings


def test_a_corrupt_settings_file_is_kept_aside_and_defaults_apply(qapp: Any, tmp_path: Path) -> None:
    path = tmp_path / "settings.ini"
    path.write_bytes(b'[reading]\nfont_px=\x00\xff\xfe garbage "unterminated\n[[[\n')
    settings = Settings(open_settings(path))
    assert settings.font_px == 18
    settings.font_px = 22
    settings.sync()
    assert Settings(open_settings(path)).font_px == 22


def test_stale_values_snap_to_known_choices(qapp: Any, tmp_path: Path) -> None:
    settings = Settings(open_settings(tmp_path / "s.ini"))
    settings.store.setValue("reading/font_px", "19")
    settings.store.setValue("reading/theme", "purple")
    settings.store.setValue("reading/width", "huge")
    assert settings.font_px == 18 and settings.theme == "auto" and settings.width == "medium"
