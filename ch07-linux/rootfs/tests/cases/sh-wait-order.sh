(sleep 0.3; exit 3) & p1=$!
(sleep 0.1; exit 4) & p2=$!
wait $p1; echo "first $?"
wait $p2; echo "second $?"
