#!/bin/sh
# tools/blobs.sh FILE...: write an assembly file that packs each file into the kernel image and
# registers it in the `zinc_blobs` table (struct blob in kernel/blob.h), under its file name without
# the extension: chapter 1's flat user programs (NAME.bin), and from chapter 3 the ELF programs of
# the boot filesystem (NAME.elf).
i=0
for f in "$@"; do
    name=$(basename "$f"); name=${name%.*}
    cat <<ASM
    .section .rodata
    .balign 16
blob_${i}_start:
    .incbin "$f"
blob_${i}_end:
blob_${i}_name:
    .asciz "$name"
    .section zinc_blobs, "aw"
    .balign 8
    .quad blob_${i}_name, blob_${i}_start, blob_${i}_end
ASM
    i=$((i + 1))
done
echo '    .section .note.GNU-stack, "", @progbits'
