#!/usr/bin/env bash
# Builds the self-contained bundle for the machine this runs on: dist/mobileathlete/
# (and dist/Mobile Athlete.app on macOS). Installs PyInstaller into .venv when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-.venv/bin/python}"
if [ ! -x "$PY" ]; then
  echo "No $PY: run 'make test' or 'make run' once to create .venv" >&2
  exit 2
fi
if ! "$PY" -c 'import PyInstaller' >/dev/null 2>&1; then
  echo "Installing PyInstaller into .venv (the 'package' extra)"
  "$PY" -m pip install --quiet -e '.[package]'
fi
DIST="${DIST:-dist}"
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
"$PY" -m PyInstaller --noconfirm --log-level WARN \
  --distpath "$DIST" --workpath build/pyinstaller packaging/mobileathlete.spec
case "$(uname -s)" in
  Linux*)
    # Desktop integration files travel with the bundle (see packaging/README.md to install).
    cp packaging/linux/mobileathlete.desktop packaging/linux/install.sh "$DIST/mobileathlete/"
    cp mobileathlete_desktop/resources/icons/mobileathlete.svg "$DIST/mobileathlete/mobileathlete.svg"
    ;;
esac
echo "Built: $DIST/mobileathlete ($(du -sh "$DIST/mobileathlete" | cut -f1))"
