"""Start-up of the installed app, from its .desktop Exec line (issue 6's budget: issue 3's <= 1.5x).

    python -m tests.benchmarks.launcher [--bundle DIR] [--store DIR] [--runs 10]

Installs the launcher with packaging/linux/install.sh into a throwaway home
(XDG_DATA_HOME and XDG_CONFIG_HOME in a temporary folder, so the user's menu
is untouched), reads the Exec line the desktop would run, and times process
start to the first painted main window on the GUI benchmark's store (500
feeds, 100,000 articles; built when missing), beside a bare QMainWindow in
the same run.  Without --bundle the launcher runs this interpreter's
environment (``--venv``), with it the PyInstaller bundle.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.benchmarks.gui import build_store, startup

ROOT = Path(__file__).resolve().parents[2]
APP_ID = "org.example.NewsReader"


def installed_exec(home: Path, target: list[str]) -> list[str]:
    """Install the launcher into ``home``; the command its Exec line runs, without the field codes."""
    env = {
        **os.environ,
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "share"),
        "XDG_CONFIG_HOME": str(home / "config"),
    }
    subprocess.run(
        ["bash", str(ROOT / "packaging" / "linux" / "install.sh"), *target, "--no-defaults"],
        env=env,
        check=True,
        capture_output=True,
    )
    entry = (home / "share" / "applications" / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    line = next(x for x in entry.splitlines() if x.startswith("Exec="))
    # The key-file layer doubles backslashes; then the Exec line is quoted like a shell's words.
    words = shlex.split(line.removeprefix("Exec=").replace("\\\\", "\\"))
    return [w for w in words if not (len(w) == 2 and w.startswith("%"))]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--bundle", type=Path, help="a built bundle folder (packaging/build-bundle.sh)")
    parser.add_argument("--store", type=Path, default=Path(tempfile.gettempdir()) / "reader-gui-bench")
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    if not (args.store / "reader.sqlite3").exists():
        build_store(args.store)
    target = ["--bundle", str(args.bundle)] if args.bundle else ["--venv", sys.prefix]
    with tempfile.TemporaryDirectory() as home:
        command = installed_exec(Path(home), target)
    print(json.dumps({"exec": shlex.join(command), **startup(args.store, args.runs, command)}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
