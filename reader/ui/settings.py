"""Typed access to the user's settings (a QSettings INI file in the data folder)."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from reader.render import theme as themes
from reader.render.typography import DEFAULT_FONT_PX, LINE_HEIGHTS, WIDTHS_EM, Typography, nearest_step

log = logging.getLogger(__name__)


def open_settings(path: Path) -> QSettings:
    """The INI settings at ``path``; a corrupt file is kept as ``.bak`` and defaults apply."""
    settings = QSettings(str(path), QSettings.Format.IniFormat)
    if settings.status() == QSettings.Status.FormatError:
        log.warning("settings file %s is corrupt; keeping it as .bak and starting from defaults", path)
        del settings
        path.replace(path.with_suffix(path.suffix + ".bak"))
        settings = QSettings(str(path), QSettings.Format.IniFormat)
    return settings


class Settings:
    def __init__(self, store: QSettings) -> None:
        self.store = store

    def _str(self, key: str, default: str) -> str:
        value = self.store.value(key, default)
        return value if isinstance(value, str) else default

    def _bool(self, key: str, default: bool) -> bool:
        value = self.store.value(key, default)
        if isinstance(value, str):
            return value.lower() in ("true", "1", "yes")
        return bool(value)

    def _bytes(self, key: str) -> QByteArray | None:
        value = self.store.value(key)
        return value if isinstance(value, QByteArray) else None

    @property
    def font_px(self) -> int:
        try:
            return nearest_step(int(str(self.store.value("reading/font_px", DEFAULT_FONT_PX))))
        except ValueError:
            return DEFAULT_FONT_PX

    @font_px.setter
    def font_px(self, px: int) -> None:
        self.store.setValue("reading/font_px", nearest_step(px))

    @property
    def theme(self) -> str:
        value = self._str("reading/theme", themes.AUTO)
        return value if value in themes.CHOICES else themes.AUTO

    @theme.setter
    def theme(self, choice: str) -> None:
        self.store.setValue("reading/theme", choice)

    @property
    def width(self) -> str:
        value = self._str("reading/width", "medium")
        return value if value in WIDTHS_EM else "medium"

    @width.setter
    def width(self, value: str) -> None:
        self.store.setValue("reading/width", value)

    @property
    def family(self) -> str:
        value = self._str("reading/family", "sans")
        return value if value in ("sans", "serif", "mono") else "sans"

    @family.setter
    def family(self, value: str) -> None:
        self.store.setValue("reading/family", value)

    @property
    def spacing(self) -> str:
        value = self._str("reading/spacing", "normal")
        return value if value in LINE_HEIGHTS else "normal"

    def typography(self) -> Typography:
        return Typography(body_px=self.font_px, family=self.family, width=self.width, spacing=self.spacing)

    @property
    def unread_only(self) -> bool:
        return self._bool("list/unread_only", False)

    @unread_only.setter
    def unread_only(self, value: bool) -> None:
        self.store.setValue("list/unread_only", value)

    @property
    def oldest_first(self) -> bool:
        return self._bool("list/oldest_first", False)

    @oldest_first.setter
    def oldest_first(self, value: bool) -> None:
        self.store.setValue("list/oldest_first", value)

    @property
    def load_images(self) -> bool:
        return self._bool("reading/load_images", False)

    @load_images.setter
    def load_images(self, value: bool) -> None:
        self.store.setValue("reading/load_images", value)

    @property
    def last_folder(self) -> str:
        return self._str("subscribe/last_folder", "")

    @last_folder.setter
    def last_folder(self, value: str) -> None:
        self.store.setValue("subscribe/last_folder", value)

    def window_state(self, key: str) -> QByteArray | None:
        return self._bytes(f"window/{key}")

    def set_window_state(self, key: str, value: QByteArray) -> None:
        self.store.setValue(f"window/{key}", value)

    def sync(self) -> None:
        self.store.sync()
