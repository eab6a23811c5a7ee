seq 1 100 > f
dd if=f of=g bs=10 count=3 2>/dev/null
cat g
dd if=f bs=1 skip=5 count=6 2>/dev/null
echo
dd if=/dev/zero bs=512 count=4 2>/dev/null | wc -c
