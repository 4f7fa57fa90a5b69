#!/usr/bin/env bash
# Builds the self-contained bundle for the machine this runs on: dist/mobileathlete/
# (and dist/Mobile Athlete.app on macOS).
#
# The bundle is built in its own virtualenv (build/bundle-venv) installed from
# packaging/requirements-lock.txt with --require-hashes, so every build takes the same,
# verified versions of Qt, matplotlib, PDFium, PyInstaller... whatever .venv holds. The venv is
# made again only when the lock file changes. packaging/lock.sh refreshes the lock.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-.venv/bin/python}"
if [ ! -x "$PY" ]; then
  echo "No $PY: run 'make test' or 'make run' once to create .venv" >&2
  exit 2
fi
LOCK=packaging/requirements-lock.txt
VENV="${BUNDLE_VENV:-build/bundle-venv}"
STAMP="$VENV/.lock-$(cksum <"$LOCK" | cut -d' ' -f1)"
if [ ! -f "$STAMP" ]; then
  echo "Installing the locked build dependencies into $VENV"
  rm -rf "$VENV"
  "$PY" -m venv "$VENV"
  # --only-binary: wheels only, whose hashes are in the lock (no sdist build steps).
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check \
    --require-hashes --only-binary :all: -r "$LOCK"
  touch "$STAMP"
fi
# The program itself (its metadata for --version and About; its code is read from here).
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check \
  --no-deps --no-build-isolation -e .
DIST="${DIST:-dist}"
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
"$VENV/bin/python" -m PyInstaller --noconfirm --log-level WARN \
  --distpath "$DIST" --workpath build/pyinstaller packaging/mobileathlete.spec
case "$(uname -s)" in
  Linux*)
    # Desktop integration files travel with the bundle (see packaging/README.md to install).
    cp packaging/linux/mobileathlete.desktop packaging/linux/install.sh "$DIST/mobileathlete/"
    cp mobileathlete_desktop/resources/icons/mobileathlete.svg "$DIST/mobileathlete/mobileathlete.svg"
    ;;
esac
echo "Built: $DIST/mobileathlete ($(du -sh "$DIST/mobileathlete" | cut -f1))"
