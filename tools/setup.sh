#!/bin/sh
# tools/setup.sh: install what Zinc needs, then prove that each piece works.
#
# Reads tools/packages.txt and installs every package that is missing with apt-get (as root, or
# through sudo). Then it does not trust dpkg alone: it compiles and links a small program with each
# compiler that the build uses (the host's gcc, with and without the sanitizers, and the riscv64
# cross compiler, each with a C library header and its library), and asks QEMU for both machines,
# OpenSBI's firmware, Pandoc and Chromium to answer. A missing piece is named here, with the package
# that brings it, instead of surfacing as a compile error deep in the build. It is idempotent and
# quiet when all is well, so `make test` and `make run` call it every time. The probes take a few
# seconds, so a stamp (build/setup.ok) remembers that they passed, until a package is installed or
# removed or this script or its list change. Last, it provides the Linux programs that chapter 7
# runs (tools/linux-userland.sh) and the Linux kernel that the final stage's benchmarks compare
# Zinc with (tools/linux-kernel.sh).
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
    if ! { $sudo apt-get update -qq &&
           $sudo apt-get install -y -qq --no-install-recommends $missing; } \
        > "$top/build-setup.log" 2>&1; then
        echo "setup: apt-get could not install:$missing (see build-setup.log)" >&2
        tail -n 5 "$top/build-setup.log" >&2
        exit 1
    fi
    rm -f "$top/build-setup.log"
fi

# The probes. Each failure is reported; all of them run, so that one set-up names every missing
# piece.
stamp=$top/build/setup.ok
newer=$(find /var/lib/dpkg/status "$top/tools/setup.sh" "$top/tools/packages.txt" -newer "$stamp" \
    2>/dev/null || true) # no stamp yet: find fails, which must not end the script (set -e)
if [ -f "$stamp" ] && [ -z "$newer" ]; then
    # The probes passed before; on to the Linux programs and Linux's kernel.
    "$top/tools/linux-userland.sh" && exec "$top/tools/linux-kernel.sh"
fi
probe_dir=$(mktemp -d)
trap 'rm -rf "$probe_dir"' EXIT
broken=0
fail() {
    echo "setup: $1 (package: $2)" >&2
    sed 's/^/setup:   /' "$probe_dir/log" 2>/dev/null | head -n 5 >&2
    broken=1
}
cat > "$probe_dir/probe.c" <<'EOF'
#include <stdio.h>
#include <string.h>
int main(void) { char s[8]; strcpy(s, "ok"); return puts(s) < 0; }
EOF
# compiles NAME PACKAGE COMPILER FLAGS...: the compiler builds and links the probe into a static
# program.
compiles() {
    what=$1; pkg=$2; shift 2
    "$@" -o "$probe_dir/probe" "$probe_dir/probe.c" > "$probe_dir/log" 2>&1 ||
        fail "$what cannot build a C program" "$pkg"
}
compiles "the host's gcc" "gcc libc6-dev" gcc -O2
[ "$broken" -eq 0 ] && { "$probe_dir/probe" > /dev/null ||
    fail "a program built by the host's gcc does not run" "libc6"; }
compiles "gcc with AddressSanitizer and UBSan" "gcc (libasan8, libubsan1)" \
    gcc -fsanitize=address,undefined
compiles "the riscv64 cross compiler" "gcc-riscv64-linux-gnu libc6-dev-riscv64-cross" \
    riscv64-linux-gnu-gcc -static -O2
# answers NAME PACKAGE COMMAND...: the command runs and exits 0.
answers() {
    what=$1; pkg=$2; shift 2
    "$@" > "$probe_dir/log" 2>&1 < /dev/null || fail "$what does not answer" "$pkg"
}
answers "qemu-system-x86_64" qemu-system-x86 qemu-system-x86_64 --version
answers "qemu-system-riscv64" qemu-system-misc qemu-system-riscv64 --version
answers "OpenSBI's firmware" opensbi \
    test -f /usr/lib/riscv64-linux-gnu/opensbi/generic/fw_dynamic.bin
answers "gdb-multiarch" gdb-multiarch gdb-multiarch --version
answers "pandoc" pandoc pandoc --version
answers "chromium" chromium chromium --headless --no-sandbox --version
if [ "$broken" -ne 0 ]; then
    echo "setup: Zinc cannot be built or run here until the pieces above work" \
        "(tools/packages.txt)" >&2
    exit 1
fi
mkdir -p "$top/build" && touch "$stamp"

# Chapter 7's Linux programs, from Debian's packages (tools/linux-userland.sh), and Debian's Linux
# kernel for the benchmarks (tools/linux-kernel.sh): nothing to do once they are there.
"$top/tools/linux-userland.sh"
"$top/tools/linux-kernel.sh"
