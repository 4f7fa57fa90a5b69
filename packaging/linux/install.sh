#!/usr/bin/env bash
# Installs a built bundle for the current user (or system-wide with --system, as root):
# the program folder, a `mobileathlete` command, the menu entry and the icon.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
BUNDLE="${BUNDLE:-$HERE}"
[ -x "$BUNDLE/mobileathlete" ] || BUNDLE="$HERE/../../dist/mobileathlete"
[ -x "$BUNDLE/mobileathlete" ] || { echo "No built bundle found (run 'make package')" >&2; exit 2; }
if [ "${1:-}" = "--system" ]; then
  PREFIX=/opt/mobileathlete; BIN=/usr/local/bin; SHARE=/usr/share
else
  PREFIX="$HOME/.local/opt/mobileathlete"; BIN="$HOME/.local/bin"; SHARE="$HOME/.local/share"
fi
mkdir -p "$PREFIX" "$BIN" "$SHARE/applications" "$SHARE/icons/hicolor/scalable/apps"
cp -a "$BUNDLE/." "$PREFIX/"
ln -sf "$PREFIX/mobileathlete" "$BIN/mobileathlete"
sed "s|^Exec=.*|Exec=$PREFIX/mobileathlete|" "$PREFIX/mobileathlete.desktop" \
  > "$SHARE/applications/mobileathlete.desktop"
cp "$PREFIX/mobileathlete.svg" "$SHARE/icons/hicolor/scalable/apps/mobileathlete.svg"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$SHARE/applications" || true
echo "Installed in $PREFIX; start it from the menu or with 'mobileathlete'."
