(exit 3) &
pid=$!
wait $pid
echo "status $?"
sh -c 'exit 7' &
wait $!
echo "status $?"
