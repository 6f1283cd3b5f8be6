"""Applying a reading theme to the whole application at once (palette) and following the system."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from reader.render.theme import Theme


def system_is_dark() -> bool:
    # Unknown (no platform theme, offscreen) counts as light.
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def palette_for(theme: Theme) -> QPalette:
    background = QColor(theme.background)
    text = QColor(theme.text)
    # Chrome (lists, buttons) sits a shade off the reading surface so panes stay distinguishable.
    window = background.darker(106) if not theme.dark else background.lighter(125)
    button = window
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: window,
        QPalette.ColorRole.WindowText: text,
        QPalette.ColorRole.Base: background,
        QPalette.ColorRole.AlternateBase: window,
        QPalette.ColorRole.Text: text,
        QPalette.ColorRole.Button: button,
        QPalette.ColorRole.ButtonText: text,
        QPalette.ColorRole.ToolTipBase: background,
        QPalette.ColorRole.ToolTipText: text,
        QPalette.ColorRole.PlaceholderText: QColor(theme.meta),
        QPalette.ColorRole.Highlight: QColor(theme.selection),
        QPalette.ColorRole.HighlightedText: text,
        QPalette.ColorRole.Link: QColor(theme.link),
        QPalette.ColorRole.LinkVisited: QColor(theme.visited),
        QPalette.ColorRole.BrightText: QColor(theme.link),
        QPalette.ColorRole.Mid: QColor(theme.rule),
        QPalette.ColorRole.Midlight: QColor(theme.rule),
    }
    for role, colour in roles.items():
        palette.setColor(role, colour)
    disabled = QColor(theme.meta)
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette


def apply_app_theme(theme: Theme) -> None:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    app.setPalette(palette_for(theme))
