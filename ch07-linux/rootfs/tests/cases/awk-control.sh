awk 'BEGIN {
    for (i = 1; i <= 3; i++) printf "%d ", i; print ""
    i = 0; while (i < 3) { i++; if (i == 2) continue; print "w" i }
}'
awk 'BEGIN { x = 1; do { x *= 2 } while (x < 100); print x }'
echo '5 apples' | awk '{ print ($1 > 3 ? "many" : "few"), $2 }'
awk 'BEGIN { print 7 % 3, int(7.9), 1e3, 10 / 4 }'
