"""reader.ui.roles spells Qt's role and alignment values as ints; they must be Qt's."""

from __future__ import annotations

from PySide6.QtCore import Qt

from reader.ui import roles


def test_the_numbers_are_qts() -> None:
    role, align = Qt.ItemDataRole, Qt.AlignmentFlag
    ours = {name: getattr(roles, name) for name in dir(roles) if name.isupper()}
    assert ours == {
        "DISPLAY": role.DisplayRole.value,
        "DECORATION": role.DecorationRole.value,
        "TOOLTIP": role.ToolTipRole.value,
        "FONT": role.FontRole.value,
        "ALIGNMENT": role.TextAlignmentRole.value,
        "ACCESSIBLE": role.AccessibleTextRole.value,
        "USER": role.UserRole.value,
        "ALIGN_RIGHT": align.AlignRight.value,
        "ALIGN_VCENTER": align.AlignVCenter.value,
    }
