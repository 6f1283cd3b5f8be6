#!/usr/bin/env bash
# Build the standalone one-folder app in dist/newsreader/ (PyInstaller), then check it.
#
#   bash packaging/build-bundle.sh                 # uses .venv (made by packaging/bootstrap.sh)
#   VENV=/path/to/venv bash packaging/build-bundle.sh
#   bash packaging/build-bundle.sh --no-check      # build only
#
# Installs PyInstaller into the venv when it is missing.  build/ and dist/
# are git-ignored.  The bundle runs on machines without Python; they still
# need the system's libGL/libEGL and a font (see packaging/README.md).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
venv="${VENV:-$root/.venv}"
python="$venv/bin/python"
say() { printf '==> %s\n' "$*" >&2; }

check=1
[ "${1:-}" = "--no-check" ] && check=0

[ -x "$python" ] || { say "no virtualenv at $venv: run 'bash packaging/bootstrap.sh test' (or set VENV)"; exit 1; }
"$python" -c 'import reader, PySide6' 2>/dev/null || { say "the reader is not installed in $venv"; exit 1; }
if ! "$python" -c 'import PyInstaller' 2>/dev/null; then
  say "installing PyInstaller into $venv"
  "$python" -m pip install --quiet --disable-pip-version-check "pyinstaller>=6,<7"
fi

say "building dist/newsreader with PyInstaller $("$python" -m PyInstaller --version)"
start=$(date +%s)
"$python" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$root/dist" --workpath "$root/build" "$root/packaging/reader.spec"
say "built in $(( $(date +%s) - start )) s"

# The launcher, icons and installer travel inside the bundle, so an unpacked
# bundle installs itself: newsreader/linux/install.sh
if [ "$(uname -s)" = Linux ]; then
  bundle="$root/dist/newsreader"
  rm -rf "$bundle/linux"
  mkdir -p "$bundle/linux/icons"
  cp "$root"/packaging/linux/*.desktop "$root"/packaging/linux/*.xml "$root"/packaging/linux/*.sh "$bundle/linux/"
  cp "$root"/resources/icons/*.png "$root"/resources/icons/*.svg "$bundle/linux/icons/"
fi
say "size: $(du -sh "$root/dist/newsreader" | cut -f1)"

if [ "$check" = 1 ]; then
  "$python" "$root/packaging/check_bundle.py" "$root/dist/newsreader"
fi
