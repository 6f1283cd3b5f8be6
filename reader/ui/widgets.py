"""Small widget helpers shared by the views."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QObject

W = TypeVar("W", bound=QObject)


def named(widget: W, name: str) -> W:
    """Give a widget its object name (tests, style sheets and screen readers find it by it)."""
    widget.setObjectName(name)
    return widget
