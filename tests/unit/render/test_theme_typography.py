from __future__ import annotations

import pytest

from reader.render import theme
from reader.render.typography import (
    DEFAULT_FONT_PX,
    FONT_STEPS,
    Typography,
    column_px,
    larger,
    nearest_step,
    side_margin,
    smaller,
)


@pytest.mark.parametrize("name", [theme.DAY, theme.SEPIA, theme.NIGHT, theme.PRINT])
def test_body_text_is_wcag_aaa_and_meta_and_links_aa(name: str) -> None:
    t = theme.THEMES[name]
    assert theme.contrast(t.text, t.background) >= 7.0
    assert theme.contrast(t.meta, t.background) >= 4.5
    assert theme.contrast(t.link, t.background) >= 4.5
    assert theme.contrast(t.text, t.code_background) >= 7.0


def test_contrast_matches_the_spec_table() -> None:
    assert theme.contrast("#1E1D24", "#FFFFFF") == pytest.approx(16.71, abs=0.01)
    assert theme.contrast("#E3E1EA", "#1C1B22") == pytest.approx(13.20, abs=0.01)


def test_auto_follows_the_system_and_unknown_choices_fall_back() -> None:
    assert theme.resolve(theme.AUTO, system_dark=True).name == theme.NIGHT
    assert theme.resolve(theme.AUTO, system_dark=False).name == theme.DAY
    assert theme.resolve("bogus", system_dark=False).name == theme.DAY
    assert theme.resolve(theme.SEPIA, system_dark=True).name == theme.SEPIA
    assert [theme.next_choice(c) for c in theme.CHOICES] == [theme.DAY, theme.SEPIA, theme.NIGHT, theme.AUTO]


def test_font_steps_move_one_step_and_stop_at_the_ends() -> None:
    assert DEFAULT_FONT_PX == 18
    assert larger(18) == 20 and larger(larger(18)) == 22 and smaller(22) == 20
    assert larger(36) == 36 and smaller(14) == 14
    assert nearest_step(19) == 18 and nearest_step(100) == 36
    assert FONT_STEPS[0] == 14 and FONT_STEPS[-1] == 36


def test_column_is_measured_in_em_and_centred() -> None:
    typo = Typography(body_px=18, width="medium")
    assert column_px(typo, 2000) == 32 * 18
    assert side_margin(typo, 2000) == (2000 - 576) // 2
    # a narrow window keeps 24 px each side
    assert column_px(typo, 400) == 352 and side_margin(typo, 400) == 24


def test_line_height_is_proportional_to_the_fonts_natural_height() -> None:
    assert Typography(natural_height=1.164).line_percent() == 137
    assert Typography(natural_height=1.0).line_percent(1.25) == 125
