seq 1 20 > f
tail f
tail -n 2 f
tail -n +18 f
tail -c 6 f
seq 1 3 | tail -n 1
