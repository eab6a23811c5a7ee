#!/bin/sh
# tools/initramfs.sh OUT STAGE MANIFEST: make the initramfs OUT, a cpio archive (newc) of the
# directory STAGE, which it fills first: the directories every Linux system has (/bin, /etc, /tmp,
# /root, and /dev and /proc empty, for the kernel to fill), /etc/passwd and /etc/group with root
# alone, then each line of MANIFEST (tools/chapter.mk writes it), in order:
#
#   DEST=SOURCE   copies the file SOURCE to DEST; a directory SOURCE, its contents into DEST
#   DEST@TARGET   makes DEST a symbolic link to TARGET
#   # TEXT        a comment
#
# The archive is reproducible: names sorted, every time 0, every owner root.
set -e
out=$1 stage=$2 manifest=$3
rm -rf "$stage"
mkdir -p "$stage/bin" "$stage/etc" "$stage/root" "$stage/dev" "$stage/proc" "$stage/tmp"
chmod 1777 "$stage/tmp"
chmod 700 "$stage/root"
echo 'root:x:0:0:root:/root:/bin/sh' > "$stage/etc/passwd"
echo 'root:x:0:' > "$stage/etc/group"
while read -r line; do
    case "$line" in
    '' | '#'*) ;;
    *=*)
        dest=${line%%=*} source=${line#*=}
        if [ -d "$source" ]; then
            mkdir -p "$stage$dest" && cp -R "$source/." "$stage$dest/"
        else
            mkdir -p "$stage${dest%/*}" && cp "$source" "$stage$dest"
        fi ;;
    *@*) dest=${line%%@*}; mkdir -p "$stage${dest%/*}"; ln -sfn "${line#*@}" "$stage$dest" ;;
    *) echo "initramfs.sh: $manifest: $line is neither DEST=SOURCE nor DEST@TARGET" >&2; exit 1 ;;
    esac
done < "$manifest"
find "$stage" -exec touch -h -d @0 {} +
(cd "$stage" && find . | LC_ALL=C sort | cpio -o -H newc --reproducible -R 0:0 --quiet) > "$out.new"
mv "$out.new" "$out"
