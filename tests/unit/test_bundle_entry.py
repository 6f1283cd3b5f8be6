"""The bundle's entry point runs PyInstaller's multiprocessing hook only where it is needed.

A frozen app's helper processes must run it before anything else, and the
main process must have it before multiprocessing starts a helper; a plain
start of the reader should not pay for it.  The bundle itself is checked by
packaging/check_bundle.py (a refresh through the frozen fork server).
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import textwrap
from pathlib import Path
from types import ModuleType

import pytest

ENTRY = Path(__file__).resolve().parents[2] / "packaging" / "entry.py"


def load_entry() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bundle_entry", ENTRY)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    "argv",
    [
        # multiprocessing's own launches of a frozen executable (spawn, fork server, resource tracker)
        ["newsreader", "--multiprocessing-fork", "tracker_fd=5", "pipe_handle=7"],
        ["newsreader", "-B", "-S", "-I", "-c", "from multiprocessing.forkserver import main; main(3, 4, [])"],
        ["newsreader", "-c", "from multiprocessing.resource_tracker import main;main(6)"],
    ],
)
def test_launches_made_by_multiprocessing_are_recognised(argv):
    assert load_entry().started_by_multiprocessing(argv)


@pytest.mark.parametrize(
    "argv",
    [
        ["newsreader"],
        ["newsreader", "feed://example.org/rss.xml"],
        ["newsreader", "--data-dir", "/tmp/x", "subscriptions.opml"],
        ["newsreader", "refresh", "--json"],
        ["newsreader", "extract", "page.html", "--url", "https://example.org/a"],
    ],
)
def test_the_readers_own_starts_are_not_helpers(argv):
    assert not load_entry().started_by_multiprocessing(argv)


def test_the_hook_runs_once_right_after_the_first_import(tmp_path, monkeypatch):
    (tmp_path / "entry_probe_module.py").write_text("VALUE = 42\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "entry_probe_module", raising=False)
    seen: list[int] = []

    def after() -> None:
        seen.append(sys.modules["entry_probe_module"].VALUE)

    finder = load_entry().RunOnImport("entry_probe_module", after)
    monkeypatch.setattr(sys, "meta_path", [finder, *sys.meta_path])
    import json  # noqa: F401 - another module passes by untouched

    assert seen == []
    import entry_probe_module  # type: ignore[import-not-found]

    assert entry_probe_module.VALUE == 42
    assert seen == [42]
    assert finder not in sys.meta_path
    importlib.reload(entry_probe_module)
    assert seen == [42]


def test_multiprocessing_imported_anywhere_gets_the_hook_first(tmp_path):
    # A stand-in for PyInstaller's hook, which imports multiprocessing itself and replaces freeze_support.
    hook = tmp_path / "hook.py"
    hook.write_text(
        textwrap.dedent(
            """
            import multiprocessing
            import multiprocessing.spawn

            multiprocessing.process.ORIGINAL_DIR = None
            multiprocessing.freeze_support = lambda: print("hooked")
            """
        )
    )
    script = textwrap.dedent(
        f"""
        import importlib.util, sys
        from pathlib import Path

        spec = importlib.util.spec_from_file_location("bundle_entry", {str(ENTRY)!r})
        entry = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(entry)
        assert "multiprocessing" not in sys.modules
        hook = Path({str(hook)!r})
        sys.meta_path.insert(0, entry.RunOnImport("multiprocessing", lambda: entry.run_hook(hook)))

        from concurrent.futures import ProcessPoolExecutor  # imports multiprocessing on the way
        import multiprocessing

        assert ProcessPoolExecutor.__module__ == "concurrent.futures.process"
        assert multiprocessing.process.ORIGINAL_DIR is None
        assert sys.modules["multiprocessing"] is multiprocessing
        multiprocessing.freeze_support()
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "hooked"
