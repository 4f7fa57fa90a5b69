#!/usr/bin/env bash
# Installs the Debian packages some tests use (poppler-utils for rendering PDFs to PNG,
# postgresql for the shared-server suite) when they are missing and we are allowed to.
# Tests that need a missing tool skip with a reason; nothing here is fatal.
set -u
need=()
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || need+=(postgresql)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing system packages for tests: ${need[*]}"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}") >/dev/null 2>&1 \
    || echo "Could not install ${need[*]}; the tests that need them will be skipped."
else
  echo "Missing ${need[*]} (not root): the tests that need them will be skipped."
fi
exit 0
