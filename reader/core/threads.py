"""Scheduling hints for the app's background threads."""

from __future__ import annotations

import contextlib
import os
import sys
import threading

# Batch work (refresh downloads and writes, search indexing) in a process
# whose GUI thread must stay responsive.
BACKGROUND_NICENESS = 10


def lower_thread_priority(niceness: int = BACKGROUND_NICENESS) -> None:
    """Give the calling thread (only) a lower CPU priority, where the OS allows it.

    On Linux a thread's nice value is its own: ``setpriority`` on its native id
    leaves the rest of the process alone, so the GUI thread, at nice 0, wins a
    core whenever it wakes up while a refresh keeps both cores busy.  Elsewhere
    (or where the call is refused) this is a no-op: a nice value is a hint.
    """
    if not (sys.platform.startswith("linux") and hasattr(os, "setpriority")):
        return  # elsewhere PRIO_PROCESS would mean the whole process
    with contextlib.suppress(OSError):
        tid = threading.get_native_id()
        # Never raise it back: an unprivileged process could not undo that.
        if os.getpriority(os.PRIO_PROCESS, tid) < niceness:
            os.setpriority(os.PRIO_PROCESS, tid, niceness)
