sleep 7.31 &
sleep 0.5 # the child names itself (prctl) a moment after it starts
ps -o pid,comm | head -n 1
ps -o pid,comm | awk -v p=$! '$1 == p { print $2 }'
kill $!
