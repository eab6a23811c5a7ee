#!/bin/sh
# tools/check-fresh.sh: run `make test` from a clean clone on a Debian 12 that has nothing
# installed.
#
# A green `make test` on a developer's machine can hide a package installed by hand: that is how a
# missing riscv64 C library once reached users. This builds the smallest Debian 12 there is
# (mmdebstrap's "minbase": the essential and required packages, plus make and git, which a reader
# needs to get this far), clones the committed tree into it, and runs `make test` there as root, so
# that set-up (tools/setup.sh) has to install and prove every piece itself. It is slow (set-up
# downloads the toolchains; then the whole suite runs), so it is not part of `make test`: run it
# before a release or after changing set-up. Needs root and Debian's package mirror, the one this
# machine's apt uses.
#
#   tools/check-fresh.sh [DIR]    # the system is built in DIR (default build/fresh);
#                                 # it is removed after a pass
set -e
top=$(cd "$(dirname "$0")/.." && pwd)
work=${1:-$top/build/fresh}
root=$work/root
[ "$(id -u)" -eq 0 ] || { echo "check-fresh: needs root, for the chroot" >&2; exit 1; }
if ! command -v mmdebstrap > /dev/null; then
    echo "check-fresh: installing mmdebstrap"
    apt-get install -y -qq --no-install-recommends mmdebstrap > /dev/null
fi

rm -rf "$work"
mkdir -p "$work"
echo "check-fresh: a minimal Debian 12 in $root"
# The host's own sources (its mirror), and its apt options (a snapshot mirror needs old dates
# allowed).
sources=/etc/apt/sources.list.d/debian.sources
[ -f "$sources" ] || sources=/etc/apt/sources.list
aptopts=""
for f in /etc/apt/apt.conf.d/*; do
    grep -q "Check-Valid-Until\|Check-Date" "$f" 2>/dev/null && aptopts="$aptopts --aptopt=$f"
done
mmdebstrap --variant=minbase --include=make,git,ca-certificates $aptopts bookworm "$root" \
    "$sources" \
    > "$work/mmdebstrap.log" 2>&1 || { tail -n 20 "$work/mmdebstrap.log"; exit 1; }

echo "check-fresh: a clean clone of $(git -C "$top" rev-parse --short HEAD)"
git clone -q --no-hardlinks "$top" "$root/zinc"
cp /etc/resolv.conf "$root/etc/resolv.conf"

echo "check-fresh: make test inside (log: $work/test.log)"
# A mount namespace of its own, so that the mounts end with the run, whatever happens.
status=0
unshare --mount --fork sh -c '
    root=$1
    mount --make-rprivate /
    mount -t proc proc "$root/proc"
    mount --rbind /sys "$root/sys"
    mount --rbind /dev "$root/dev"
    mount -t tmpfs tmpfs "$root/tmp"
    exec chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root TERM=dumb \
        sh -c "cd /zinc && make test"
' check-fresh "$root" > "$work/test.log" 2>&1 || status=$?
tail -n 5 "$work/test.log"
if [ $status -ne 0 ]; then
    echo "check-fresh: FAILED (status $status): make test on a fresh Debian 12;" \
        "see $work/test.log" >&2
    exit 1
fi
echo "check-fresh: make test passes on a fresh Debian 12"
rm -rf "$work"
