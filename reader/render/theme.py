"""Reading themes (UX spec section 5) and the WCAG contrast arithmetic behind them."""

from __future__ import annotations

from typing import NamedTuple

AUTO = "auto"
DAY = "day"
SEPIA = "sepia"
NIGHT = "night"
PRINT = "print"
# The order Ctrl+Shift+T cycles through.
CHOICES = (AUTO, DAY, SEPIA, NIGHT)


class Theme(NamedTuple):  # not a dataclass: defined before the first paint, and cheaper
    name: str
    background: str
    text: str
    meta: str
    link: str
    visited: str
    quote: str
    code_background: str
    selection: str
    rule: str
    dark: bool = False


THEMES: dict[str, Theme] = {
    DAY: Theme(
        DAY, "#FFFFFF", "#1E1D24", "#5E5D68", "#0A58CA", "#6F3BB5", "#44434D", "#F3F3F5", "#CFE2FF", "#D9D8DE"
    ),
    SEPIA: Theme(
        SEPIA,
        "#F4ECD8",
        "#4A3828",
        "#6E5A46",
        "#8A3B0C",
        "#6B3A6E",
        "#5B4636",
        "#EDE3CB",
        "#E6D3A8",
        "#D9CBAE",
    ),
    NIGHT: Theme(
        NIGHT,
        "#1C1B22",
        "#E3E1EA",
        "#A7A5B3",
        "#7CC0FF",
        "#C9A2FF",
        "#C8C6D1",
        "#26252E",
        "#2F4A6E",
        "#3A3945",
        dark=True,
    ),
    # Print never uses night colours: dark backgrounds waste toner and are
    # often dropped by printer drivers.
    PRINT: Theme(
        PRINT,
        "#FFFFFF",
        "#000000",
        "#444444",
        "#000000",
        "#000000",
        "#222222",
        "#F2F2F2",
        "#CFE2FF",
        "#999999",
    ),
}


def resolve(choice: str, *, system_dark: bool) -> Theme:
    """The theme to show for a user choice; "auto" follows the system (unknown counts as light)."""
    if choice == AUTO or choice not in THEMES:
        return THEMES[NIGHT if system_dark else DAY]
    return THEMES[choice]


def next_choice(choice: str) -> str:
    index = CHOICES.index(choice) if choice in CHOICES else 0
    return CHOICES[(index + 1) % len(CHOICES)]


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    """WCAG 2.x relative luminance of a ``#RRGGBB`` colour."""
    raw = colour.lstrip("#")
    r, g, b = (int(raw[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast(foreground: str, background: str) -> float:
    high, low = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)
