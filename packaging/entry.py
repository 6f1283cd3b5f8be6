"""The bundle's entry point: the same as ``python -m reader``.

``multiprocessing.freeze_support()`` must run first: in a frozen app the
refresher's fork server, resource tracker and spawned parse workers are
started as this very executable with multiprocessing's own arguments, and
PyInstaller's version of freeze_support turns those launches into the helper
process (and exits) instead of a second reader.
"""

from __future__ import annotations

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from reader.__main__ import main

    sys.exit(main())
