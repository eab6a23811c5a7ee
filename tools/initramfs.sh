#!/bin/sh
# tools/initramfs.sh OUT STAGE "ROOTFS_DIRS" FILE...: make the initramfs OUT, a cpio archive (newc)
# of the directory STAGE, which it fills first: the directories every Linux system has (/bin, /etc,
# /tmp, /root, and /dev and /proc empty, for the kernel to fill), /etc/passwd and /etc/group with
# root alone, the contents of each directory of ROOTFS_DIRS (a chapter's rootfs/), then each FILE:
# DEST=SOURCE copies SOURCE to DEST, DEST@TARGET makes DEST a symlink to TARGET.
#
# The archive is reproducible: names sorted, every time 0, every owner root.
set -e
out=$1 stage=$2 rootfs_dirs=$3
shift 3
rm -rf "$stage"
mkdir -p "$stage/bin" "$stage/etc" "$stage/root" "$stage/dev" "$stage/proc" "$stage/tmp"
chmod 1777 "$stage/tmp"
chmod 700 "$stage/root"
echo 'root:x:0:0:root:/root:/bin/sh' > "$stage/etc/passwd"
echo 'root:x:0:' > "$stage/etc/group"
for dir in $rootfs_dirs; do
    cp -R "$dir/." "$stage/"
done
for file in "$@"; do
    case "$file" in
    *=*) dest=${file%%=*}; mkdir -p "$stage${dest%/*}"; cp "${file#*=}" "$stage$dest" ;;
    *@*) dest=${file%%@*}; mkdir -p "$stage${dest%/*}"; ln -sfn "${file#*@}" "$stage$dest" ;;
    *) echo "initramfs.sh: $file is neither DEST=SOURCE nor DEST@TARGET" >&2; exit 1 ;;
    esac
done
find "$stage" -exec touch -h -d @0 {} +
(cd "$stage" && find . | LC_ALL=C sort | cpio -o -H newc --reproducible -R 0:0 --quiet) > "$out.new"
mv "$out.new" "$out"
