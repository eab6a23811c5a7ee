seq 1 20000 | wc -l
seq 1 20000 | tail -n 1
head -c 300000 /dev/zero | wc -c
