#!/bin/sh
# tools/setup.sh: install what Zinc needs, and nothing when it is all there.
#
# Reads tools/packages.txt and installs every package that is missing with apt-get (as root, or through
# sudo). It is idempotent and silent when there is nothing to do, so `make test` and `make run` can call it
# every time. Beyond the packages, it builds what Debian ships only as source (the riscv64 musl and
# busybox) through the scripts listed in tools/setup.d/, each of which is also a no-op when its result exists.
set -e
top=$(cd "$(dirname "$0")/.." && pwd)
missing=""
for pkg in $(sed 's/#.*//' "$top/tools/packages.txt"); do
    status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
    [ "$status" = "install ok installed" ] || missing="$missing $pkg"
done
if [ -n "$missing" ]; then
    echo "setup: installing$missing"
    if [ "$(id -u)" -eq 0 ]; then sudo=""; elif command -v sudo >/dev/null; then sudo=sudo; else
        echo "setup: these Debian packages are missing and I am not root:$missing" >&2
        echo "setup: install them with: apt-get install$missing" >&2
        exit 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    if ! { $sudo apt-get update -qq && $sudo apt-get install -y -qq --no-install-recommends $missing; } >"$top/build-setup.log" 2>&1; then
        echo "setup: apt-get could not install:$missing (see build-setup.log)" >&2
        tail -n 5 "$top/build-setup.log" >&2
        exit 1
    fi
    rm -f "$top/build-setup.log"
fi
for step in "$top"/tools/setup.d/*.sh; do
    [ -f "$step" ] && sh "$step"
done
exit 0
