#!/usr/bin/env bash
# Install News Reader's launcher, icons and file/URL associations for the current user.
#
#   bash packaging/linux/install.sh                   # launcher runs the checkout's .venv
#   bash packaging/linux/install.sh --bundle DIR      # launcher runs DIR/newsreader (PyInstaller bundle)
#   bash packaging/linux/install.sh --venv DIR        # launcher runs DIR/bin/python -m reader
#   bash packaging/linux/install.sh --no-defaults     # do not make the reader the default for feeds/OPML
#
# Uses the xdg-utils tools in user mode, so nothing outside $XDG_DATA_HOME
# (~/.local/share) and $XDG_CONFIG_HOME (~/.config) is touched; no root needed.
# Undo with packaging/linux/uninstall.sh.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
app_id="org.example.NewsReader"
mime_types=(application/rss+xml application/atom+xml text/x-opml+xml x-scheme-handler/feed application/feed+json)
# The PNG sizes render_icons.py makes; the hicolor theme has a folder for each.
icon_sizes=(16 24 32 48 64 128 256 512)

say() { printf '==> %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

usage() { sed -n '2,8s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; }

bundle="" venv="" defaults=1
while [ $# -gt 0 ]; do
  case "$1" in
    --bundle) bundle="${2:?--bundle needs a directory}"; shift 2 ;;
    --venv) venv="${2:?--venv needs a directory}"; shift 2 ;;
    --no-defaults) defaults=0; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
done

for tool in xdg-desktop-menu xdg-icon-resource xdg-mime; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool is missing: install xdg-utils (sudo apt-get install xdg-utils)"
done

# Where the files to install are: beside this script in a bundle
# (build-bundle.sh copies them there), or in the source checkout.
if [ -d "$here/icons" ]; then
  icons="$here/icons"
else
  icons="$(cd "$here/../../resources/icons" && pwd)"
fi
checkout="$(cd "$here/../.." && pwd)"

# What the launcher runs.  The venv's python directly, never a shell
# wrapper: a double-click should cost no more than `python -m reader`.
if [ -z "$bundle$venv" ]; then
  if [ -x "$here/../newsreader" ]; then
    bundle="$here/.."                       # this script sits inside a bundle
  elif [ -x "$checkout/.venv/bin/python" ]; then
    venv="$checkout/.venv"
  else
    die "no .venv in $checkout: run 'bash packaging/bootstrap.sh run' once, or pass --bundle DIR"
  fi
fi
if [ -n "$bundle" ]; then
  bundle="$(cd "$bundle" && pwd)"
  [ -x "$bundle/newsreader" ] || die "$bundle/newsreader is not an executable bundle"
  command=("$bundle/newsreader")
else
  venv="$(cd "$venv" && pwd)"
  [ -x "$venv/bin/python" ] || die "$venv/bin/python not found"
  "$venv/bin/python" -c 'import reader' 2>/dev/null || die "the reader is not installed in $venv"
  command=("$venv/bin/python" -m reader)
fi

# Quote one Exec argument as the Desktop Entry spec asks: plain when safe,
# else in double quotes with ", `, $ and \ escaped; then the key-file layer
# doubles every backslash.
exec_arg() {
  local arg="$1"
  if [[ "$arg" =~ ^[A-Za-z0-9_/.+,:@=-]+$ ]]; then
    printf '%s' "$arg"
  else
    arg="${arg//\\/\\\\}"; arg="${arg//\"/\\\"}"; arg="${arg//\`/\\\`}"; arg="${arg//\$/\\\$}"
    arg="\"$arg\""
    printf '%s' "${arg//\\/\\\\}"
  fi
}
exec_line=""
for part in "${command[@]}"; do exec_line+="$(exec_arg "$part") "; done
exec_line+="%U"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The entry, with Exec/TryExec pointing at this installation.
desktop="$work/$app_id.desktop"
while IFS= read -r line; do
  case "$line" in
    Exec=*) printf 'Exec=%s\n' "$exec_line" ;;
    TryExec=*) printf 'TryExec=%s\n' "${command[0]}" ;;
    "# install.sh"*) ;;
    *) printf '%s\n' "$line" ;;
  esac
done < "$here/$app_id.desktop" > "$desktop"
if command -v desktop-file-validate >/dev/null 2>&1; then
  desktop-file-validate "$desktop" || die "the generated launcher does not validate"
fi

say "installing icons"
for size in "${icon_sizes[@]}"; do
  xdg-icon-resource install --mode user --noupdate --novendor --context apps --size "$size" \
    "$icons/$app_id-$size.png" "$app_id"
done
# Scalable icon: xdg-icon-resource takes PNG/XPM only, so copy it into the theme ourselves.
data_home="${XDG_DATA_HOME:-$HOME/.local/share}"
mkdir -p "$data_home/icons/hicolor/scalable/apps"
cp "$icons/$app_id.svg" "$data_home/icons/hicolor/scalable/apps/$app_id.svg"
xdg-icon-resource forceupdate --mode user

# OPML and JSON Feed types, only where the system's MIME database lacks them
# (a user copy of a type the system knows would shadow later system fixes).
system_knows() {
  local dirs="${XDG_DATA_DIRS:-/usr/local/share:/usr/share}" dir
  local IFS=:
  for dir in $dirs; do
    grep -qs "type=\"$1\"" "$dir"/mime/packages/*.xml && return 0
  done
  return 1
}
for pair in "text/x-opml+xml:opml" "application/feed+json:jsonfeed"; do
  if ! system_knows "${pair%%:*}"; then
    say "adding the MIME type ${pair%%:*}"
    xdg-mime install --mode user --novendor "$here/$app_id-${pair##*:}.xml"
  fi
done

say "installing the launcher: Exec=$exec_line"
xdg-desktop-menu install --mode user --novendor "$desktop"
# The MIME cache lets file managers offer the reader under "Open With".
if command -v update-desktop-database >/dev/null 2>&1; then
  update-desktop-database "$data_home/applications" || true
fi

if [ "$defaults" = 1 ]; then
  # Double-clicking a feed or an OPML file, or a feed: link, opens the reader.
  xdg-mime default "$app_id.desktop" "${mime_types[@]}"
fi
say "done: News Reader is in your applications menu"
