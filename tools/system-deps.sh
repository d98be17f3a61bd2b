#!/usr/bin/env bash
# Make sure the Debian packages a task needs are installed.
#
#   tools/system-deps.sh venv|html|pdf|epub|test|npm ...
#
# Installs what is missing with apt-get when run as root; otherwise prints the
# exact command to run and fails. Called by the Makefile, never by hand.
set -euo pipefail

packages_for() {
    case "$1" in
        # dot for diagrams; the Python docs' objects.inv for cross-references
        # (read locally: no network at build time); CJK fonts so dot measures
        # Chinese labels right; msgfmt to compile and check catalogs.
        html) echo graphviz python3-doc fonts-noto-cjk gettext ;;
        # XeLaTeX, xeCJK, latexmk and fonts covering every glyph of both editions.
        pdf) echo texlive-xetex texlive-latex-extra texlive-fonts-recommended texlive-lang-chinese latexmk \
                  fonts-noto-cjk fonts-noto-core fonts-noto-mono fonts-lmodern graphviz ;;
        # The EPUB validator (W3C's epubcheck; make epub runs it on every EPUB it writes).
        epub) echo epubcheck ;;
        # A real browser for the reader tests (Chromium's headless shell: the
        # engine Playwright itself runs headless tests in, without the desktop
        # browser's user interface layer), poppler for the PDF tests, Node.js
        # for axe-core (the accessibility audit, tools/axe/).
        test) echo chromium-headless-shell poppler-utils gettext nodejs ;;
        # npm, where the nodejs package lacks it (Debian's; NodeSource's includes it).
        npm) echo npm ;;
        # What tools/pythons.py uses to get CPython 3.13+ from Debian unstable
        # (signature check, unpacking, pointing the interpreter at its C library).
        pythons) echo gpgv dpkg patchelf ;;
        # The venv module of Debian's own python3.
        venv) echo python3-venv ;;
        *) echo "tools/system-deps.sh: unknown group '$1' (venv, html, pdf, epub, test, npm, pythons)" >&2; exit 2 ;;
    esac
}

wanted=()
for group in "$@"; do
    read -r -a list <<<"$(packages_for "$group")"
    wanted+=("${list[@]}")
done

# One dpkg-query for all of them (this runs before every build).
declare -A status=()
while read -r package state; do
    status[$package]=$state
done < <(dpkg-query -W -f='${Package} ${db:Status-Status}\n' "${wanted[@]}" 2>/dev/null || true)
missing=()
for package in "${wanted[@]}"; do
    [[ "${status[$package]:-}" == installed ]] || missing+=("$package")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

# Deduplicate, keep order.
readarray -t missing < <(printf '%s\n' "${missing[@]}" | awk '!seen[$0]++')
command="apt-get install -y --no-install-recommends ${missing[*]}"
if [[ $(id -u) -ne 0 ]]; then
    echo "Missing Debian packages: ${missing[*]}" >&2
    echo "Install them with:  sudo apt-get update && sudo $command" >&2
    exit 1
fi
echo "Installing Debian packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086
$command -qq
