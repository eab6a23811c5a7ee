printf 'a 1\nb 2\na 3\nc 4\nb 5\n' > f
awk '{ sum[$1] += $2 } END { for (k in sum) print k, sum[k] }' f | sort
awk '{ seen[$1]++ } END { print length(seen) }' f
awk 'BEGIN { n = split("x:y:z", parts, ":"); print n, parts[1] parts[3] }'
