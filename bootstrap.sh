#!/bin/sh
# GateDesk set-up in one command.
#   sh bootstrap.sh            install what is missing, then start GateDesk
#   sh bootstrap.sh test       install what the tests need, then run them (headless)
# Extra arguments go to GateDesk (e.g. --data-dir DIR, demo, stats) or to pytest.
set -eu
cd "$(dirname "$0")"

mode=run
if [ "${1:-}" = "test" ]; then mode=test; shift; fi

# Qt's runtime libraries (offscreen and X11), CJK fonts so Chinese is not shown as boxes (Noto for the
# screen; WenQuanYi Micro Hei, TrueType, for the PDFs we draw: it embeds 20x faster), and venv.
SYSTEM_PACKAGES="python3-venv libglib2.0-0 libegl1 libgl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6
libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0
libxcb-render0 libxcb-shape0 libxcb-util1 libxcb-xkb1 fontconfig fonts-noto-cjk fonts-wqy-microhei"

say() { printf '%s\n' "gatedesk: $*" >&2; }
# The tests read the PDF reports back as text (pdftotext) to prove the Chinese in them is real text,
# run the sync tests again with the clock faked to 02:30 and 23:50 (faketime), and run the office's
# tests on a throw-away PostgreSQL server too (postgresql: they start their own cluster).
if [ "$mode" = test ]; then SYSTEM_PACKAGES="$SYSTEM_PACKAGES poppler-utils faketime postgresql"; fi

if command -v dpkg-query >/dev/null 2>&1; then
    missing=""
    for p in $SYSTEM_PACKAGES; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
    done
    if [ -n "$missing" ]; then
        if [ "$(id -u)" = 0 ]; then
            say "installing system packages:$missing"
            export DEBIAN_FRONTEND=noninteractive
            apt-get update -qq
            # shellcheck disable=SC2086
            apt-get install -y -qq --no-install-recommends $missing >/dev/null
        else
            say "these system packages are missing:$missing"
            say "install them as root, then run this again:"
            say "  sudo apt-get update && sudo apt-get install -y --no-install-recommends$missing"
            exit 1
        fi
    fi
else
    say "not a Debian-family system: make sure Qt 6's runtime libraries and a CJK font are installed."
fi

PYTHON=${PYTHON:-python3}
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    say "GateDesk needs Python 3.11 or newer; '$PYTHON' is $("$PYTHON" -V 2>&1 || echo missing)."
    exit 1
fi

VENV=.venv
if [ ! -x "$VENV/bin/python" ]; then
    say "creating $VENV"
    "$PYTHON" -m venv "$VENV"
fi

# Reinstall only when the dependencies changed.
extra=""; [ "$mode" = test ] && extra="[test]"
stamp="$VENV/.installed$(echo "$extra" | tr -d '[]')-$(cksum < pyproject.toml | cut -d' ' -f1)"
if [ ! -f "$stamp" ]; then
    say "installing GateDesk$extra into $VENV (first time: a few minutes)"
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -e ".$extra"
    touch "$stamp"
fi

if [ "$mode" = test ]; then
    export QT_QPA_PLATFORM=offscreen
    exec "$VENV/bin/python" -m pytest "$@"
fi

if [ "$(uname -s)" = Linux ] && [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ $# -eq 0 ]; then
    say "no screen here (DISPLAY is not set): start GateDesk from a desktop session."
    exit 1
fi
exec "$VENV/bin/python" main.py "$@"
