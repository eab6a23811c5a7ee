#!/bin/sh
# tools/linux-kernel.sh: Debian's Linux kernel, for the benchmarks against Linux.
#
# `make bench` on the final stage (tools/bench-linux.sh) boots Zinc and Linux on the same QEMU
# machine with the same initramfs, and times the same program on both. The Linux is Debian 12's
# own, 6.1, in the build for cloud machines (linux-image-cloud-amd64): small, with the serial
# console and the initramfs built in and no modules needed to boot. Set-up fetches its package
# with apt (`apt-get download`: no root needed, nothing installed on this machine) and unpacks
# only the kernel image from it, as build/linux-kernel/vmlinuz, with its package's name and version
# in build/linux-kernel/VERSION. Once that is newer than this script it does nothing.
# tools/setup.sh calls it, so `make setup`, `make test`, `make run` and `make bench` do.
set -e
top=$(cd "$(dirname "$0")/.." && pwd)
out=$top/build/linux-kernel
log=$top/build/linux-kernel.log
[ "$out/vmlinuz" -nt "$top/tools/linux-kernel.sh" ] && exit 0

# The package of the kernel itself: the metapackage's dependency of that name.
package() {
    apt-cache depends linux-image-cloud-amd64 2>/dev/null |
        awk '$1 == "Depends:" && $2 ~ /^linux-image-/ { print $2; exit }'
}
pkg=$(package)
if [ -z "$pkg" ]; then # apt's lists are missing (a fresh machine): read them once
    if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo=sudo; fi
    $sudo apt-get update -qq > "$log" 2>&1 || true
    pkg=$(package)
fi
[ -n "$pkg" ] || { echo "linux-kernel: apt knows no linux-image-cloud-amd64" >&2; exit 1; }

echo "linux-kernel: fetching Debian's $pkg for the benchmarks against Linux"
mkdir -p "$top/build"
tmp=$(mktemp -d "$top/build/linux-kernel.tmp.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
# apt's downloader runs as the user _apt where it can, which must be able to write the directory.
chmod 755 "$tmp"
(cd "$tmp" && apt-get download "$pkg") >> "$log" 2>&1 ||
    { echo "linux-kernel: apt-get download $pkg failed (see build/linux-kernel.log)" >&2; exit 1; }
dpkg-deb --fsys-tarfile "$tmp"/*.deb | tar -x -C "$tmp" --wildcards './boot/vmlinuz-*'
mkdir -p "$out"
dpkg-deb --showformat='${Package} ${Version}\n' -W "$tmp"/*.deb > "$out/VERSION"
mv "$tmp"/boot/vmlinuz-* "$out/vmlinuz"
touch "$out/vmlinuz" # its time was the package's: now it is newer than this script
rm -f "$log"
