#!/bin/sh
# tools/chromium.sh ARGS...: run Debian's Chromium headless, as the book's build and its test need
# it.
#
# Safe as root and in a container (no sandbox, no GPU), quiet (no network of its own: no QUIC,
# background networking, component updates or sync), and fresh: each run gets a new profile
# directory, removed after. Any further arguments (--dump-dom, --screenshot=..., --print-to-pdf=...,
# the URL) go to Chromium.
profile=$(mktemp -d "${TMPDIR:-/tmp}/zinc-chromium.XXXXXX")
trap 'rm -rf "$profile"' EXIT
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" "$@"
