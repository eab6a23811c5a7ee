seq 1 100 | awk '{ s += $1 } END { print s, NR, s / NR }'
printf '3\n1\n4\n1\n5\n' | awk 'NR == 1 || $1 > max { max = $1 } END { print "max", max }'
