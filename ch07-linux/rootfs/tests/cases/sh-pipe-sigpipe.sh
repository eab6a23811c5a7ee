yes hello | head -n 3
seq 1 100000 | head -n 1
echo done
