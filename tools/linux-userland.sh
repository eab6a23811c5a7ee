#!/bin/sh
# tools/linux-userland.sh: the unmodified Linux programs that chapter 7 runs, for each machine.
#
# Chapter 7 runs static Linux programs on Zinc: BusyBox, and small C test programs built against
# musl. Everything comes from Debian, through apt. On x86_64 (also the LibOS's machine) Debian
# ships both: busybox-static's /bin/busybox, and musl-tools' musl-gcc. Debian 12 has no riscv64
# binary packages, so for riscv64 this builds Debian's source packages of musl and BusyBox with
# the cross compiler: musl into a prefix of its own, BusyBox static against the cross glibc
# (libc6-dev-riscv64-cross), from `make defconfig` with only CONFIG_STATIC changed.
#
# It writes the top-level build/userland/, which no chapter's `make clean` touches:
#
#   x86_64/busybox, riscv64/busybox    BusyBox, static
#   */busybox.links                    where each of its applets is linked in a root file system
#   x86_64/cc, riscv64/cc              gcc's arguments in, a static program against musl out
#   riscv64/musl/                      musl's include/ and lib/
#   VERSIONS                           the Debian version of each piece
#   src/                               the source packages, fetched once and kept
#
# `apt-get source` needs a deb-src entry in apt's sources. When none is configured, this adds one
# (as root, or through sudo) beside the machine's own: /etc/apt/sources.list.d/zinc-deb-src.*,
# a copy of each enabled `deb` entry as `deb-src`, whatever its mirror, with the same options
# (apt refuses a deb-src whose Signed-By differs from its deb's). Each cc is proven on a hello
# program (the x86_64 one runs here, the riscv64 one must be a static RISC-V executable), and
# each BusyBox too. It builds in a temporary directory and moves the results into place at the
# end, so an interrupted run leaves nothing half made; when the results are newer than this
# script it does nothing. tools/setup.sh calls it, so `make setup`, `make test` and `make run` do.
set -e
top=$(cd "$(dirname "$0")/.." && pwd)
self=$top/tools/linux-userland.sh
out=$top/build/userland
src=$out/src
log=$top/build/userland.log

up_to_date() {
    for f in x86_64/busybox x86_64/busybox.links x86_64/cc riscv64/busybox riscv64/busybox.links \
        riscv64/cc riscv64/musl/lib/libc.a VERSIONS
    do
        [ "$out/$f" -nt "$self" ] || return 1
    done
}
up_to_date && exit 0

die() { # MESSAGE: say what failed, with the end of the log, and stop
    echo "userland: $1 (see build/userland.log)" >&2
    tail -n 5 "$log" | sed 's/^/userland:   /' >&2
    exit 1
}
run() { # WHAT COMMAND...: run the command, its output into the log; on failure say WHAT failed
    what=$1; shift
    "$@" >> "$log" 2>&1 < /dev/null || die "$what failed"
}
need() { # COMMAND PACKAGE: the command that this needs is there, or name its package
    command -v "$1" > /dev/null ||
        { echo "userland: $1 is missing (apt-get install $2; tools/packages.txt)" >&2; exit 1; }
}
need musl-gcc musl-tools
need riscv64-linux-gnu-gcc gcc-riscv64-linux-gnu
need readelf binutils
need make make
need dpkg-source dpkg-dev
need bzip2 bzip2
need xz xz-utils
[ -x /bin/busybox ] || { echo "userland: /bin/busybox is missing (busybox-static)" >&2; exit 1; }

echo "userland: building chapter 7's Linux programs in build/userland/ (a few minutes)"
mkdir -p "$src"
: > "$log"
tmp=$(mktemp -d "$top/build/userland.tmp.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM

# --- The source packages -------------------------------------------------------------------

# Each enabled deb entry of apt's sources, again as deb-src, in the form of its file: deb822
# stanzas (*.sources) keep every field but Types; one-line entries (*.list) keep their options.
deb822_as_src() {
    awk 'BEGIN { RS = ""; FS = "\n" }
        /(^|\n)Enabled:[ \t]*no/ { next }
        {
            stanza = ""; binary = 0
            for (i = 1; i <= NF; i++) {
                line = $i
                if (line ~ /^Types:/) {
                    binary = line ~ /[: \t]deb([ \t]|$)/
                    line = "Types: deb-src"
                }
                stanza = stanza line "\n"
            }
            if (binary) printf "%s\n", stanza
        }' "$@"
}
one_line_as_src() {
    sed -n 's/^[ \t]*deb[ \t]/deb-src /p' "$@"
}

# has_deb_src: some entry of apt's sources (one-line LISTS, deb822 STANZAS) is a deb-src one.
has_deb_src() {
    { [ -n "$lists" ] && grep -qs '^[[:space:]]*deb-src[[:space:]]' $lists; } ||
        { [ -n "$stanzas" ] && grep -qsi '^Types:.*deb-src' $stanzas; }
}

# Make apt know Debian's source packages: add the deb-src entries if there are none, and read
# the indexes.
enable_deb_src() {
    apt-cache showsrc musl > /dev/null 2>&1 && return
    if [ "$(id -u)" -eq 0 ]; then sudo=""; elif command -v sudo > /dev/null; then sudo=sudo; else
        echo "userland: apt knows no Debian source package, and I am not root: as root, add" \
            "a deb-src entry for each deb entry of /etc/apt/sources.list*" \
            "(if there is none), then run apt-get update" >&2
        exit 1
    fi
    lists=$(ls /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null || true)
    stanzas=$(ls /etc/apt/sources.list.d/*.sources 2>/dev/null || true)
    if ! has_deb_src; then
        echo "userland: adding deb-src entries (/etc/apt/sources.list.d/zinc-deb-src.*)"
        header="# Added by Zinc's tools/linux-userland.sh: apt-get source of musl and busybox."
        as_deb822=$([ -z "$stanzas" ] || deb822_as_src $stanzas)
        as_one_line=$([ -z "$lists" ] || one_line_as_src $lists)
        [ -n "$as_deb822$as_one_line" ] ||
            die "apt's sources have no deb entry to take a deb-src entry from"
        [ -z "$as_deb822" ] || printf '%s\n%s\n' "$header" "$as_deb822" |
            $sudo tee /etc/apt/sources.list.d/zinc-deb-src.sources > /dev/null
        [ -z "$as_one_line" ] || printf '%s\n%s\n' "$header" "$as_one_line" |
            $sudo tee /etc/apt/sources.list.d/zinc-deb-src.list > /dev/null
    fi
    run "apt-get update (for the deb-src entries)" $sudo apt-get update -qq
    apt-cache showsrc musl > /dev/null 2>&1 ||
        die "apt knows no source package even with deb-src entries (apt-cache showsrc musl)"
}

download() ( # NAME: apt-get source NAME, into src/NAME.partial/
    cd "$src/$1.partial" && apt-get source -qq --download-only "$1"
)
# fetch NAME: Debian's source package NAME, into src/NAME/ once (a partial download is not kept).
fetch() {
    [ -d "$src/$1" ] && return
    enable_deb_src
    echo "userland: fetching Debian's source package $1"
    rm -rf "$src/$1.partial" && mkdir "$src/$1.partial"
    run "apt-get source $1" download "$1"
    mv "$src/$1.partial" "$src/$1"
}
fetch musl
fetch busybox

# unpack NAME: the source package NAME with Debian's patches, in the temporary directory.
unpack() {
    run "unpacking $1's source" dpkg-source -x "$src/$1"/*.dsc "$tmp/$1"
}
version() { # NAME: the Debian version of the source package NAME
    sed -n 's/^Version: //p' "$src/$1"/*.dsc
}
installed() { # PACKAGE: its installed Debian version
    dpkg-query -W -f='${Version}' "$1"
}

# --- The proofs ----------------------------------------------------------------------------

# static_executable FILE MACHINE: FILE is a statically linked 64-bit executable for MACHINE (as
# readelf names it): no program interpreter, no position independence.
static_executable() {
    headers=$(readelf -h -l "$1") &&
        echo "$headers" | grep -q '^ *Class: *ELF64$' &&
        echo "$headers" | grep -q '^ *Type: *EXEC ' &&
        echo "$headers" | grep -q "^ *Machine: *$2\$" &&
        ! echo "$headers" | grep -q INTERP
}
cat > "$tmp/hello.c" << 'EOF'
#include <stdio.h>
int main(void) { return printf("hello, %s\n", "musl") != 12; }
EOF
# proven ARCH MACHINE: ARCH's cc builds hello.c; that program and ARCH's busybox are static
# executables for MACHINE, and run when this machine can run them (x86_64 here; riscv64 only
# with Debian's qemu-user, which set-up does not install).
proven() {
    run "$1/cc on hello.c" "$tmp/$1/cc" -O2 -o "$tmp/hello-$1" "$tmp/hello.c"
    for program in "$tmp/hello-$1" "$tmp/$1/busybox"; do
        static_executable "$program" "$2" ||
            die "${program#$tmp/} is not a static $1 executable"
    done
    runner=""
    [ "$1" = riscv64 ] && { runner=$(command -v qemu-riscv64) || return 0; }
    [ "$($runner "$tmp/hello-$1")" = "hello, musl" ] || die "$1's hello program does not run"
    [ "$($runner "$tmp/$1/busybox" echo ok)" = ok ] || die "$1's busybox does not run"
}

# --- x86_64: Debian's own ------------------------------------------------------------------

mkdir "$tmp/x86_64"
cp /bin/busybox "$tmp/x86_64/busybox"
# The links, one path a line, as the riscv64 build writes them (busybox.links): from the binary.
"$tmp/x86_64/busybox" --list-full | sed 's|^|/|' > "$tmp/x86_64/busybox.links"
cat > "$tmp/x86_64/cc" << 'EOF'
#!/bin/sh
# cc GCC-ARGUMENTS...: a static x86_64 Linux program against musl (Debian's musl-gcc).
exec musl-gcc -static "$@"
EOF
chmod +x "$tmp/x86_64/cc"
proven x86_64 "Advanced Micro Devices X86-64"

# --- riscv64: built from Debian's sources --------------------------------------------------

mkdir -p "$tmp/riscv64/musl"
echo "userland: building musl $(version musl) for riscv64"
unpack musl
build_musl() (
    cd "$tmp/musl" &&
        ./configure --target=riscv64-linux-gnu CROSS_COMPILE=riscv64-linux-gnu- --prefix=/ \
            --disable-shared --disable-wrapper &&
        make -j2 && make install DESTDIR="$tmp/riscv64/musl"
)
run "building musl for riscv64" build_musl
# musl's own gcc specs, but finding musl through $ZINC_MUSL (set by cc) rather than a fixed
# path, so that build/userland/ works wherever the clone is: a specs function's result is a
# whole argument, so each file under lib/ gets its own %:getenv.
sh "$tmp/musl/tools/musl-gcc.specs.sh" @INCLUDE@ @LIB@ /lib/ld-musl-riscv64.so.1 |
    sed -e 's|@LIB@/\([^ }]*\)|%:getenv(ZINC_MUSL /lib/\1)|g' \
        -e 's|@LIB@|%:getenv(ZINC_MUSL /lib)|g' \
        -e 's|@INCLUDE@|%:getenv(ZINC_MUSL /include)|g' > "$tmp/riscv64/musl/lib/musl-gcc.specs"
cat > "$tmp/riscv64/cc" << 'EOF'
#!/bin/sh
# cc GCC-ARGUMENTS...: a static riscv64 Linux program against the musl in musl/ beside this
# script (built by tools/linux-userland.sh), with the cross compiler.
ZINC_MUSL=$(cd "$(dirname "$0")" && pwd)/musl
export ZINC_MUSL
exec riscv64-linux-gnu-gcc -static "$@" -specs "$ZINC_MUSL/lib/musl-gcc.specs"
EOF
chmod +x "$tmp/riscv64/cc"

echo "userland: building busybox $(version busybox) for riscv64"
unpack busybox
build_busybox() (
    cd "$tmp/busybox" && make defconfig &&
        sed -i 's/^# CONFIG_STATIC is not set$/CONFIG_STATIC=y/' .config &&
        grep -q '^CONFIG_STATIC=y$' .config && yes '' | make oldconfig &&
        make -j2 CROSS_COMPILE=riscv64-linux-gnu- &&
        make CROSS_COMPILE=riscv64-linux-gnu- busybox.links &&
        cp busybox busybox.links "$tmp/riscv64/"
)
run "building busybox for riscv64" build_busybox
proven riscv64 RISC-V

cat > "$tmp/VERSIONS" << EOF
# The Debian packages that build/userland/ comes from (tools/linux-userland.sh).
x86_64/busybox   busybox-static $(installed busybox-static)
x86_64/cc        musl-tools $(installed musl-tools)
riscv64/musl     source package musl $(version musl)
riscv64/busybox  source package busybox $(version busybox), static against glibc \
(libc6-dev-riscv64-cross $(installed libc6-dev-riscv64-cross))
riscv64/*        built by gcc-riscv64-linux-gnu $(installed gcc-riscv64-linux-gnu)
EOF

# Into place, VERSIONS last: up_to_date needs all of them.
for result in x86_64 riscv64 VERSIONS; do
    rm -rf "${out:?}/$result"
    mv "$tmp/$result" "$out/$result"
done
rm -f "$log"
echo "userland: done (build/userland/VERSIONS)"
