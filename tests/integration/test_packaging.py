"""Desktop integration: the launcher validates, installs where the xdg tools look, and uninstalls."""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
ICONS = ROOT / "resources" / "icons"
APP_ID = "org.example.NewsReader"
DESKTOP = LINUX / f"{APP_ID}.desktop"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
MIME_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "text/x-opml+xml",
    "x-scheme-handler/feed",
    "application/feed+json",
)
needs_xdg = pytest.mark.skipif(
    not all(shutil.which(t) for t in ("xdg-desktop-menu", "xdg-icon-resource", "xdg-mime")),
    reason="xdg-utils is not installed",
)


def entry(path: Path) -> dict[str, str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return dict(line.split("=", 1) for line in lines if "=" in line and not line.startswith("#"))


def png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", head[16:24])
    return width, height


@pytest.mark.skipif(
    shutil.which("desktop-file-validate") is None, reason="desktop-file-utils is not installed"
)
def test_the_desktop_entry_validates():
    done = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout == "", done.stdout + done.stderr


def test_the_desktop_entry_opens_feeds_and_opml():
    fields = entry(DESKTOP)
    assert fields["Version"] == "1.4"
    assert fields["Icon"] == APP_ID
    assert set(fields["MimeType"].rstrip(";").split(";")) == set(MIME_TYPES)
    assert fields["Exec"].endswith(" %U")


def test_icons_exist_at_every_size():
    for size in SIZES:
        assert png_size(ICONS / f"{APP_ID}-{size}.png") == (size, size)
    assert (ICONS / f"{APP_ID}.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")
    reserved, kind, count = struct.unpack("<HHH", (ICONS / f"{APP_ID}.ico").read_bytes()[:6])
    assert (reserved, kind, count) == (0, 1, 7)
    icns = (ICONS / f"{APP_ID}.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)


def xdg_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_") and k != "DESKTOP_SESSION"}
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / "data"), XDG_CONFIG_HOME=str(home / "config"))
    return env


def run_script(name: str, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", str(LINUX / name), *args],
        env=xdg_env(home),
        cwd=home,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def installed_files(home: Path) -> list[Path]:
    data = home / "data"
    return [
        data / "applications" / f"{APP_ID}.desktop",
        data / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg",
        *(data / "icons" / "hicolor" / f"{s}x{s}" / "apps" / f"{APP_ID}.png" for s in SIZES),
    ]


@needs_xdg
def test_install_and_uninstall_for_the_user(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    venv = Path(sys.prefix)
    done = run_script("install.sh", home, "--venv", str(venv))
    assert done.returncode == 0, done.stderr
    for path in installed_files(home):
        assert path.is_file(), path
    launcher = entry(home / "data" / "applications" / f"{APP_ID}.desktop")
    # The venv's python directly: no shell wrapper on the start-up path.
    assert launcher["Exec"] == f"{venv.resolve()}/bin/python -m reader %U"
    assert launcher["TryExec"] == f"{venv.resolve()}/bin/python"
    if shutil.which("desktop-file-validate"):
        validate = subprocess.run(
            ["desktop-file-validate", str(home / "data" / "applications" / f"{APP_ID}.desktop")],
            capture_output=True,
            text=True,
        )
        assert validate.returncode == 0, validate.stdout
    defaults = (home / "config" / "mimeapps.list").read_text()
    for mime in MIME_TYPES:
        assert f"{mime}={APP_ID}.desktop" in defaults
    query = subprocess.run(
        ["xdg-mime", "query", "default", "x-scheme-handler/feed"],
        env=xdg_env(home),
        capture_output=True,
        text=True,
    )
    assert query.stdout.strip() == f"{APP_ID}.desktop"

    done = run_script("uninstall.sh", home)
    assert done.returncode == 0, done.stderr
    for path in installed_files(home):
        assert not path.exists(), path
    assert APP_ID not in (home / "config" / "mimeapps.list").read_text()


@needs_xdg
def test_install_for_a_bundle_in_a_folder_with_spaces(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    bundle = tmp_path / "My Apps" / "newsreader"
    bundle.mkdir(parents=True)
    exe = bundle / "newsreader"
    exe.write_text("#!/bin/sh\nexit 0\n")
    exe.chmod(0o755)
    done = run_script("install.sh", home, "--bundle", str(bundle), "--no-defaults")
    assert done.returncode == 0, done.stderr
    launcher = entry(home / "data" / "applications" / f"{APP_ID}.desktop")
    assert launcher["Exec"] == f'"{exe}" %U'
    assert not (home / "config" / "mimeapps.list").exists()
    assert run_script("uninstall.sh", home).returncode == 0


def test_install_refuses_without_an_app_to_launch(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    done = run_script("install.sh", home, "--venv", str(tmp_path / "nowhere"))
    assert done.returncode != 0
