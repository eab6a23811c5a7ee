sleep 10 &
pid=$!
kill -0 $pid && echo alive
# The shell's "Terminated" notes come when it reaps the job, which may be early or late.
{
    kill -TERM $pid
    wait $pid
    echo "TERM: $?"
    sleep 10 &
    kill -9 $!
    wait $!
    echo "KILL: $?"
    sleep 10 &
    kill -s HUP $!
    wait $!
    echo "HUP: $?"
} 2> /dev/null
kill -0 $pid 2> /dev/null
echo "gone: $?"
