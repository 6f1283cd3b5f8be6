"""Applying a reading theme to the whole application at once (palette) and following the system."""

from __future__ import annotations

from PySide6 import QtCore
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from reader.render.theme import Theme

# What the desktop's own palette said, read once before our first palette replaced it.
_desktop_palette_dark: bool | None = None


def desktop_palette_is_dark() -> bool:
    """Light text on a darker window in the palette the platform gave the app.

    The start-up answer: Qt's colour scheme would be the first use of Qt's
    namespace enums, ~20 ms before the first paint (see reader.ui.roles).
    """
    global _desktop_palette_dark
    if _desktop_palette_dark is None:
        palette = QGuiApplication.palette()
        text = palette.color(QPalette.ColorRole.WindowText).lightness()
        _desktop_palette_dark = text > palette.color(QPalette.ColorRole.Window).lightness()
    return _desktop_palette_dark


def system_is_dark() -> bool:
    """The desktop's colour scheme; where Qt does not know it (offscreen, no platform theme), its palette."""
    scheme = QGuiApplication.styleHints().colorScheme()
    if scheme == QtCore.Qt.ColorScheme.Unknown:
        return desktop_palette_is_dark()
    return scheme == QtCore.Qt.ColorScheme.Dark


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
    desktop_palette_is_dark()  # read while the palette is still the desktop's
    app.setPalette(palette_for(theme))
