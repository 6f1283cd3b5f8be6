#!/usr/bin/env bash
# Set up everything the reader needs, then start the app or run the tests.
#
#   bash packaging/bootstrap.sh run [ARGS...]   set up, then start the app (ARGS go to `python -m reader`)
#   bash packaging/bootstrap.sh test [PYTEST ARGS...]   set up, then run lint, types, import contracts and all tests
#
# Works on a fresh Debian/Ubuntu machine as root (installs the missing system
# libraries and fonts Qt needs with apt) and on a user's laptop (asks sudo
# only when something is missing, otherwise prints what to install).
# The virtualenv lives in .venv beside the sources and is reused while
# pyproject.toml is unchanged.
set -euo pipefail

mode="${1:-}"
case "$mode" in
  run|test) shift ;;
  *) echo "usage: bash packaging/bootstrap.sh run|test [args...]" >&2; exit 2 ;;
esac

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
venv="$root/.venv"

say() { printf '==> %s\n' "$*" >&2; }

# --- system packages (Debian/Ubuntu) -------------------------------------------
# Qt widgets, offscreen rendering, printing and TLS, plus a font that covers
# Latin, Cyrillic, Greek, Armenian, Georgian, Arabic and Hebrew.
base_pkgs=(libegl1 libgl1 libglib2.0-0 libfontconfig1 libfreetype6 libxkbcommon0 libdbus-1-3
  libx11-6 libx11-xcb1 libgssapi-krb5-2 libcups2 fonts-dejavu-core)
# The X11 platform plugin, needed to show a window on a real desktop.
xcb_pkgs=(libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
  libxcb-render-util0 libxcb-shape0 libxcb-xfixes0 libxcb-xkb1 libxcb-glx0 libxcb-sync1 libxcb-shm0 libxcb-util1)
py_pkgs=(python3 python3-venv)

missing_pkgs() {
  local p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || printf '%s\n' "$p"
  done
}

install_system_packages() {
  command -v dpkg-query >/dev/null 2>&1 || { say "not a Debian-like system: install Qt 6's runtime libraries and a font yourself"; return 0; }
  local wanted=("${base_pkgs[@]}")
  [ "$mode" = run ] && wanted+=("${xcb_pkgs[@]}")
  command -v python3 >/dev/null 2>&1 && python3 -c 'import ensurepip, venv' 2>/dev/null || wanted+=("${py_pkgs[@]}")
  local missing
  missing=$(missing_pkgs "${wanted[@]}")
  [ -z "$missing" ] && return 0
  # shellcheck disable=SC2086
  local list=$(echo $missing)
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && [ -t 0 ]; then
      sudo="sudo"
    else
      say "missing system packages: $list"
      say "install them with: sudo apt-get install --no-install-recommends $list"
      return 0
    fi
  fi
  say "installing system packages: $list"
  $sudo apt-get update -qq
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $list >/dev/null
}

# --- Python environment ----------------------------------------------------------
pick_python() {
  local candidate
  for candidate in "${PYTHON:-}" python3.13 python3.12 python3.11 python3; do
    [ -n "$candidate" ] || continue
    if command -v "$candidate" >/dev/null 2>&1 &&
       "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      echo "$candidate"; return 0
    fi
  done
  say "Python 3.11 or newer is needed (found: $(python3 --version 2>&1 || echo none))"
  exit 1
}

setup_venv() {
  local extras="$1" stamp="$venv/.installed-$1"
  local want
  want="$(sha256sum pyproject.toml | cut -d' ' -f1)"
  if [ -x "$venv/bin/python" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    return 0
  fi
  if [ ! -x "$venv/bin/python" ]; then
    local py
    py="$(pick_python)"
    say "creating $venv with $py"
    "$py" -m venv "$venv"
  fi
  # Debian 12's pip 23 cannot install readability-lxml's lxml[html_clean] extra.
  # pip's and the build backend's chatter goes to a log, shown only on failure.
  local log="$venv/install.log"
  say "upgrading pip"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip >"$log" 2>&1 ||
    { cat "$log" >&2; exit 1; }
  local spec="."
  [ "$extras" = base ] || spec=".[$extras]"
  say "installing the reader and its dependencies ($extras)"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -e "$spec" >>"$log" 2>&1 ||
    { cat "$log" >&2; exit 1; }
  echo "$want" > "$stamp"
}

install_system_packages

if [ "$mode" = test ]; then
  setup_venv test
  export QT_QPA_PLATFORM=offscreen
  # Tests never write to a user's real data, even by mistake.
  READER_DATA_DIR="$(mktemp -d)"
  export READER_DATA_DIR
  trap 'rm -rf "$READER_DATA_DIR"' EXIT
  say "ruff"
  "$venv/bin/ruff" check reader tests packaging
  "$venv/bin/ruff" format --check reader tests packaging
  say "mypy"
  "$venv/bin/mypy"
  say "import contracts"
  "$venv/bin/lint-imports"
  say "pytest"
  "$venv/bin/python" -m pytest "$@"
else
  setup_venv base
  if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
    say "no display found (DISPLAY and WAYLAND_DISPLAY are unset): start the reader from a desktop session"
    exit 1
  fi
  exec "$venv/bin/python" -m reader "$@"
fi
