#!/usr/bin/env bash
# Remove what packaging/linux/install.sh installed for the current user.
# The reader's data (feeds, articles, settings, logs) stays where it is.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
app_id="org.example.NewsReader"
icon_sizes=(16 24 32 48 64 128 256 512)
data_home="${XDG_DATA_HOME:-$HOME/.local/share}"
config_home="${XDG_CONFIG_HOME:-$HOME/.config}"

say() { printf '==> %s\n' "$*" >&2; }

for tool in xdg-desktop-menu xdg-icon-resource xdg-mime; do
  command -v "$tool" >/dev/null 2>&1 || { printf 'error: %s is missing (xdg-utils)\n' "$tool" >&2; exit 1; }
done

say "removing the launcher"
xdg-desktop-menu uninstall --mode user --novendor "$app_id.desktop"

say "removing icons"
for size in "${icon_sizes[@]}"; do
  xdg-icon-resource uninstall --mode user --noupdate --context apps --size "$size" "$app_id"
done
rm -f "$data_home/icons/hicolor/scalable/apps/$app_id.svg"
xdg-icon-resource forceupdate --mode user

for kind in opml jsonfeed; do
  if [ -f "$data_home/mime/packages/$app_id-$kind.xml" ]; then
    xdg-mime uninstall --mode user "$here/$app_id-$kind.xml"
  fi
done

# xdg-mime has no "undo default": drop the lines that name our launcher, and
# our launcher from lists that name others too.
for list in "$config_home/mimeapps.list" "$data_home/applications/mimeapps.list" \
  "$data_home/applications/defaults.list"; do
  [ -f "$list" ] || continue
  sed -i -e "s/\(=\|;\)${app_id//./\\.}\\.desktop;\{0,1\}/\1/" -e '/^[^=]*=$/d' "$list"
done
if command -v update-desktop-database >/dev/null 2>&1 && [ -d "$data_home/applications" ]; then
  update-desktop-database "$data_home/applications" || true
fi
say "done (your feeds and articles are kept)"
