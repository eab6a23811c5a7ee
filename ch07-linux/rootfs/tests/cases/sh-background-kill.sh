# The shell's "Terminated" note comes when it reaps the job, which may be early or late.
{
    sleep 10 &
    kill $!
    wait $!
    echo "status $?"
} 2> /dev/null
