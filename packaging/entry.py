"""The bundle's entry point: the same as ``python -m reader``.

In a frozen app the refresher's fork server, resource tracker and spawned
parse workers are started as this very executable with multiprocessing's own
arguments. PyInstaller's multiprocessing runtime hook replaces
``multiprocessing.freeze_support()`` with a version that turns such a launch
into the helper process (and exits) instead of a second reader.

PyInstaller runs that hook before every start, and it imports
multiprocessing: ~10 ms before the first paint that the window never needs.
The spec takes it out of the start-up sequence and ships it beside this
script instead, where it runs first thing in a launch that multiprocessing
made, and otherwise the moment anything imports multiprocessing, so every
process that starts helpers has it in place before its first use.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from importlib.abc import Loader, MetaPathFinder
from importlib.machinery import ModuleSpec
from pathlib import Path
from types import ModuleType

# Where reader.spec puts PyInstaller's hook, under the bundle's _internal folder.
MULTIPROCESSING_HOOK = Path("pyinstaller", "pyi_rth_multiprocessing.py")


def run_hook(path: Path) -> None:
    code = compile(path.read_text(encoding="utf-8"), str(path), "exec")
    exec(code, {"__name__": "__pyinstaller_hook__", "__file__": str(path)})


def started_by_multiprocessing(argv: Sequence[str]) -> bool:
    """A spawned worker (``--multiprocessing-fork``), or a helper run as ``-c <code>``.

    Broad on purpose: a launch that is not a helper after all only pays the
    hook's import, and freeze_support() then returns to the reader.
    """
    return argv[1:2] == ["--multiprocessing-fork"] or "-c" in argv[1:]


class _ThenRun(Loader):
    """Loads a module with its own loader, then calls ``after``."""

    def __init__(self, loader: Loader, after: Callable[[], None]) -> None:
        self.loader = loader
        self.after = after

    def create_module(self, spec: ModuleSpec) -> ModuleType | None:
        return self.loader.create_module(spec)

    def exec_module(self, module: ModuleType) -> None:
        self.loader.exec_module(module)
        self.after()


class RunOnImport(MetaPathFinder):
    """Calls ``after`` once, right after the first import of the module ``name``."""

    def __init__(self, name: str, after: Callable[[], None]) -> None:
        self.name = name
        self.after = after

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if fullname != self.name:
            return None
        sys.meta_path.remove(self)
        for finder in sys.meta_path:
            spec = finder.find_spec(fullname, path, target)
            if spec is not None and spec.loader is not None:
                spec.loader = _ThenRun(spec.loader, self.after)
                return spec
        return None


if __name__ == "__main__":
    hook = Path(getattr(sys, "_MEIPASS", Path(__file__).parent)) / MULTIPROCESSING_HOOK
    if started_by_multiprocessing(sys.argv):
        run_hook(hook)
        import multiprocessing

        multiprocessing.freeze_support()
    else:
        sys.meta_path.insert(0, RunOnImport("multiprocessing", lambda: run_hook(hook)))
    from reader.__main__ import main

    sys.exit(main())
