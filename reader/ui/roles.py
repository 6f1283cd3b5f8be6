"""Qt's item-data roles and alignment flags as plain ints, for the code that runs before the first paint.

The first use of ``PySide6.QtCore.Qt`` makes PySide build the Python enums
of the whole Qt namespace: some 95 of them, ~20 ms, which a bare window never
pays.  Module constants, default arguments and the models' paint-time code
use these ints instead, so that cost comes after the first paint.  They are
Qt's ABI values; tests/unit/ui/test_roles.py holds them against the enums.
"""

from __future__ import annotations

DISPLAY = 0
DECORATION = 1
TOOLTIP = 3
FONT = 6
ALIGNMENT = 7
ACCESSIBLE = 11
USER = 256

ALIGN_RIGHT = 0x0002
ALIGN_VCENTER = 0x0080
