head -c 64 /dev/zero | hexdump -C
seq 1 30 | hexdump -C | tail -n 2
