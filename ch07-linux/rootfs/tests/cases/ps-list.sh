sleep 7.31 &
ps -o pid,comm | head -n 1
ps -o pid,comm | awk -v p=$! '$1 == p { print $2 }'
kill $!
