#!/usr/bin/env bash
# Refreshes packaging/requirements-lock.txt: exact versions and sha256 hashes of everything the
# bundle is built from (the program's dependencies, the `postgres` and `package` extras), for
# Linux, Windows and macOS at once (uv's universal resolution), from PyPI.
# Run after changing dependencies in pyproject.toml, or to take newer releases; commit the
# result, then `make package` (or tests/packaging) builds from it.
set -euo pipefail
cd "$(dirname "$0")/.."
UV_VERSION=0.13.8
UV=.venv/bin/uv
if ! "$UV" --version 2>/dev/null | grep -q " $UV_VERSION"; then
  .venv/bin/python -m pip install --quiet "uv==$UV_VERSION"
fi
"$UV" pip compile pyproject.toml --extra package --extra postgres \
  --universal --python-version 3.11 --generate-hashes \
  --custom-compile-command "bash packaging/lock.sh" \
  "$@" -o packaging/requirements-lock.txt
