printf '0123456789' > f
dd if=f of=g bs=4 2>&1 | grep records
wc -c < g
dd if=f of=h bs=3 seek=2 2>/dev/null
od -An -c h
dd if=f bs=4 count=1 skip=1 2>/dev/null; echo
echo abc | dd bs=1 count=2 2>/dev/null; echo
