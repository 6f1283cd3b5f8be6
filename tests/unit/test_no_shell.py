"""Catalog 19: text from feeds (titles, links) must never reach a shell.

The reader opens links with QDesktopServices and runs no commands, so the
guard is structural: no module of the app may call a shell at all.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "reader"
SHELL_CALLS = {("os", "system"), ("os", "popen"), ("os", "execl"), ("os", "execlp"), ("os", "spawnl")}


def shell_uses(tree: ast.AST) -> list[int]:
    lines = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
            if (func.value.id, func.attr) in SHELL_CALLS:
                lines.append(node.lineno)
            if func.value.id == "subprocess" and any(
                kw.arg == "shell" and not (isinstance(kw.value, ast.Constant) and kw.value.value is False)
                for kw in node.keywords
            ):
                lines.append(node.lineno)
    return lines


def test_no_module_of_the_app_calls_a_shell() -> None:
    found = {
        str(path.relative_to(PACKAGE)): uses
        for path in PACKAGE.rglob("*.py")
        if (uses := shell_uses(ast.parse(path.read_text(encoding="utf-8"))))
    }
    assert found == {}


def test_the_guard_sees_a_shell_call() -> None:
    assert shell_uses(ast.parse("import os\nos.system('touch x')\n")) == [2]
    assert shell_uses(ast.parse("import subprocess\nsubprocess.run('x', shell=True)\n")) == [2]
    assert shell_uses(ast.parse("import subprocess\nsubprocess.run(['x'])\n")) == []
