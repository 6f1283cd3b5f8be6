"""A guard for a reference-count bug of the Qt binding on Python 3.11.

PySide6/shiboken6 6.12.0 hands back the singletons ``None``, ``True`` and
``False`` without taking a reference to them: every wrapped ``void`` call
(``QLabel.setText``, ``processEvents``) drops one reference to ``None`` and
every ``Signal.emit()`` one to ``True`` (measured: 100 calls lower
``sys.getrefcount`` by exactly 100).  From Python 3.12 these objects are
immortal (PEP 683) and this does no harm; on 3.11 the count reaches zero after
a few thousand to a few hundred thousand calls and the interpreter aborts
("none_dealloc: deallocating None", "bool_dealloc").  Until the binding is
fixed or the project requires 3.12, we give the three singletons a reference
count no session can exhaust, which is what 3.12 does for immortal objects.
"""

from __future__ import annotations

import sys

# 2**40 calls is more than a long-running session ever makes.
_RESERVE = 1 << 40


def pin_singletons() -> None:
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    # _ctypes, not the ctypes package: this needs one C type, the package
    # makes some forty (~2 ms of the app's start-up).
    import _ctypes

    class Py_ssize_t(_ctypes._SimpleCData):  # type: ignore[type-arg] # as ctypes.c_ssize_t
        _type_ = "q" if sys.maxsize > 2**32 else "i"

    for singleton in (None, True, False):
        # ob_refcnt is the first field of every CPython object.
        refcount = Py_ssize_t.from_address(id(singleton))
        if refcount.value < _RESERVE:
            refcount.value += _RESERVE
