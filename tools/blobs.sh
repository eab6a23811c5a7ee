#!/bin/sh
# tools/blobs.sh FILE...: write an assembly file that packs each user program into the kernel image and
# registers it in the `zinc_blobs` table (struct blob in kernel/blob.h), named by its file name.
for f in "$@"; do
    name=$(basename "$f" .bin)
    cat <<ASM
    .section .rodata
    .balign 16
blob_${name}_start:
    .incbin "$f"
blob_${name}_end:
blob_${name}_name:
    .asciz "$name"
    .section zinc_blobs, "aw"
    .balign 8
    .quad blob_${name}_name, blob_${name}_start, blob_${name}_end
ASM
done
echo '    .section .note.GNU-stack, "", @progbits'
