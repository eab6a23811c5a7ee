seq 1 10 > f
grep -A1 5 f
grep -B2 3 f
grep -C1 8 f
grep -e 2 -e 9 f
