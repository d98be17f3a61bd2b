#!/usr/bin/env bash
# Create a stack's venv and install its lock (hashes required).
#
#   tools/make-venv.sh PYTHON VENV LOCK
#
# Debian's own python3 needs the python3-venv package for `-m venv`: it is
# installed when missing. Debian unstable's CPython that tools/pythons.py
# unpacks (the 3.13+ stack on a machine without another) ships no ensurepip:
# its venv is made without pip, and the lock (pip included) is installed by
# the lock's own pip, run from its wheel, which the Sphinx 8.2 stack's pip
# fetches (that venv is made first if need be).
set -euo pipefail
python=${1:?usage: tools/make-venv.sh PYTHON VENV LOCK} venv=${2:?} lock=${3:?}
here=$(cd "$(dirname "$0")/.." && pwd)
install="install --quiet --require-hashes --no-deps -r $lock"

if "$python" -m venv "$venv" 2>/dev/null; then
    exec "$venv/bin/python" -m pip $install
fi
rm -rf "$venv"
if [ "$("$python" -c 'import sys; print(sys.prefix)')" = /usr ]; then
    "$here/tools/system-deps.sh" venv
    "$python" -m venv "$venv"
    exec "$venv/bin/python" -m pip $install
fi
echo "tools/make-venv.sh: $python has no ensurepip: $venv gets the lock's pip, run from its wheel" >&2
"$python" -m venv --without-pip "$venv"
# The lock's pip, checked against its hashes, fetched by the 8.2 stack's pip
# (made first if need be), without its marker (that pip judges it by 3.11).
grep -q '^pip==' "$lock" || { echo "tools/make-venv.sh: $lock pins no pip" >&2; exit 1; }
if [ ! -x "$here/.venv/bin/pip" ]; then
    make -C "$here" --no-print-directory .venv/.installed PYTHON=python3
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
awk '/^pip==/ { found = 1; sub(/ *;[^\\]*/, " ") } found { print } found && !/\\$/ { exit }' "$lock" > "$tmp/pip.txt"
"$here/.venv/bin/python" -m pip download --quiet --require-hashes --no-deps --only-binary=:all: \
    -r "$tmp/pip.txt" -d "$tmp"
"$venv/bin/python" "$(echo "$tmp"/pip-*.whl)/pip" $install
