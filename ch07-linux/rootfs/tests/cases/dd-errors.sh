dd if=nosuch of=x 2>&1
echo "status $?"
dd bs=abc 2>&1 | head -n 1
