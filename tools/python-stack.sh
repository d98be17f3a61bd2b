#!/usr/bin/env bash
# Print, as make variables, the interpreter a PYTHON setting names and its
# version: the Makefile chooses the stack (Sphinx 8.2 on 3.11 and 3.12, 9.2 on
# 3.13 and later) by it. A `pythonX.Y` that does not run (missing from the
# PATH, or a pyenv shim of a version that pyenv has but has not selected) is
# looked for among pyenv's builds, newest first; a python3.13 or later that
# neither has is Debian unstable's, which tools/pythons.py unpacks into
# .pythons/ (the examples' interpreter; got once, ~15 s).
#   tools/python-stack.sh python3.13
#   -> PYTHON_EXE := /root/.pyenv/versions/3.13.0/bin/python3.13
#      PYTHON_VERSION := 3.13
set -euo pipefail
asked=${1:?usage: tools/python-stack.sh PYTHON}
# The interpreter's real path: a venv made from a symlink to Debian's
# unpacked build would not find that build's standard library.
ask='import os, sys; print(os.path.realpath(sys.executable)); print("%d.%d" % sys.version_info[:2])'
if ! answer=$("$asked" -c "$ask" 2>/dev/null); then
    answer=
    if [[ $asked =~ ^python([0-9]+\.[0-9]+)$ ]]; then
        root=$(pyenv root 2>/dev/null || echo "${PYENV_ROOT:-$HOME/.pyenv}")
        for candidate in $(ls -d "$root"/versions/"${BASH_REMATCH[1]}".*/bin/"$asked" 2>/dev/null | sort -rV); do
            if answer=$("$candidate" -c "$ask" 2>/dev/null); then break; fi
        done
    fi
    if [ -z "$answer" ] && [[ $asked =~ ^python(3\.(1[3-9]|[2-9][0-9]))$ ]]; then
        here=$(cd "$(dirname "$0")/.." && pwd)
        private=$here/.pythons/bin/$asked
        if [ ! -x "$private" ]; then
            echo "tools/python-stack.sh: no $asked on this machine: getting Debian unstable's (tools/pythons.py)" >&2
            "$here/tools/system-deps.sh" pythons >&2
            python3 "$here/tools/pythons.py" install "${BASH_REMATCH[1]}" >&2
        fi
        answer=$("$private" -c "$ask" 2>/dev/null) || answer=
    fi
    [ -n "$answer" ] || { echo "tools/python-stack.sh: $asked does not run (PYTHON=$asked)" >&2; exit 1; }
fi
{ read -r exe; read -r version; } <<< "$answer"
case $version in
    3.11|3.12|3.1[3-9]|3.[2-9][0-9]) ;;
    *) echo "tools/python-stack.sh: $asked is Python $version; the book needs 3.11 or later" >&2; exit 1 ;;
esac
echo "PYTHON_EXE := $exe"
echo "PYTHON_VERSION := $version"
