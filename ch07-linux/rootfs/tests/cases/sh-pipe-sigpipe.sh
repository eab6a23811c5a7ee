# A writer to a pipe whose reader has gone gets SIGPIPE, which kills it (status 128 + 13). Without
# it, busybox's yes, which checks only some of its writes, would write forever: timeout ends it.
{ timeout 5 yes hello; echo "yes: $?" >&2; } | head -n 3
{ seq 1 100000; echo "seq: $?" >&2; } | head -n 1
echo done
