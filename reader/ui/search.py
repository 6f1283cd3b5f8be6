"""The search field's helpers: the debounce and the date-range filter."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication

# Results are searched as the user types, once typing pauses this long.
DEBOUNCE_MS = 150
# How far back each choice of the date-range box reaches; None: any time.
RANGES: tuple[timedelta | None, ...] = (
    None,
    timedelta(days=1),
    timedelta(days=7),
    timedelta(days=31),
    timedelta(days=366),
)


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def range_labels() -> list[str]:
    return [tr("Any time"), tr("Past day"), tr("Past week"), tr("Past month"), tr("Past year")]


def since_for(choice: int, now: datetime) -> datetime | None:
    span = RANGES[choice] if 0 <= choice < len(RANGES) else None
    return None if span is None else now - span
