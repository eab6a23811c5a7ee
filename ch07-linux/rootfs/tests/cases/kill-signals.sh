sleep 10 &
pid=$!
kill -0 $pid && echo alive
kill -TERM $pid
wait $pid
echo "TERM: $?"
sleep 10 &
kill -9 $!
wait $!
echo "KILL: $?"
sleep 10 &
kill -s INT $!
wait $!
echo "INT: $?"
