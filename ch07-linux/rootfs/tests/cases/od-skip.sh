seq 1 9 | tr -d '\n' > f
od -An -c -j 3 -N 4 f
od -Ad -tx1 f
