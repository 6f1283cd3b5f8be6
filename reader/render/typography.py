"""Font steps, column width and line height, in the pixel units Qt's rich text needs.

QTextDocument CSS knows no ``em`` margins and no ``max-width``, so every
length is computed here from the body size and handed over in px.
"""

from __future__ import annotations

from typing import NamedTuple

FONT_STEPS = (14, 15, 16, 17, 18, 20, 22, 24, 26, 28, 32, 36)
DEFAULT_FONT_PX = 18
WIDTHS_EM = {"narrow": 28, "medium": 32, "wide": 38}
LINE_HEIGHTS = {"compact": 1.4, "normal": 1.6, "relaxed": 1.8}
FAMILIES = {
    "sans": ("Segoe UI", "Noto Sans", "DejaVu Sans", "sans-serif"),
    "serif": ("Charter", "Iowan Old Style", "Georgia", "Noto Serif", "DejaVu Serif", "serif"),
    "mono": ("Cascadia Mono", "Consolas", "Menlo", "DejaVu Sans Mono", "monospace"),
}
# Room kept beside the column on narrow windows, and above and below the text.
MIN_SIDE_PX = 24
TOP_PX = 32
BOTTOM_PX = 64


def nearest_step(px: int) -> int:
    """The font step closest to ``px`` (a stored setting may be stale or edited by hand)."""
    return min(FONT_STEPS, key=lambda step: (abs(step - px), step))


def larger(px: int) -> int:
    index = FONT_STEPS.index(nearest_step(px))
    return FONT_STEPS[min(index + 1, len(FONT_STEPS) - 1)]


def smaller(px: int) -> int:
    index = FONT_STEPS.index(nearest_step(px))
    return FONT_STEPS[max(index - 1, 0)]


class Typography(NamedTuple):  # not a dataclass: defined before the first paint, and cheaper
    body_px: int = DEFAULT_FONT_PX
    family: str = "sans"
    width: str = "medium"
    spacing: str = "normal"
    # The font's natural line height over its pixel size (QFontMetricsF.height()
    # / pixelSize); DejaVu's is 1.164.  Qt's proportional line height is a
    # percentage of that, not of the font size.
    natural_height: float = 1.164

    @property
    def width_em(self) -> int:
        return WIDTHS_EM.get(self.width, WIDTHS_EM["medium"])

    @property
    def line_factor(self) -> float:
        return LINE_HEIGHTS.get(self.spacing, LINE_HEIGHTS["normal"])

    def with_size(self, px: int) -> Typography:
        return self._replace(body_px=nearest_step(px))

    def px(self, em: float) -> int:
        return round(em * self.body_px)

    def line_percent(self, factor: float | None = None) -> int:
        """Qt's proportional line height giving ``factor`` x the font size."""
        return round(100 * (factor or self.line_factor) / self.natural_height)

    def family_css(self) -> str:
        names = FAMILIES.get(self.family, FAMILIES["sans"])
        return ", ".join(
            n if n.endswith(("serif", "monospace")) and " " not in n else f"'{n}'" for n in names
        )


def column_px(typography: Typography, viewport_px: int) -> int:
    """The text column: its width in em of the body size, but never wider than the window allows."""
    return max(1, min(typography.width_em * typography.body_px, viewport_px - 2 * MIN_SIDE_PX))


def side_margin(typography: Typography, viewport_px: int) -> int:
    """The left and right document margins that centre the column in the viewport."""
    return max(MIN_SIDE_PX, (viewport_px - column_px(typography, viewport_px)) // 2)
