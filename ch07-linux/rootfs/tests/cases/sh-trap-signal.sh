trap 'echo "got USR1"' USR1
kill -USR1 $$
echo after
trap - USR1
trap 'echo "got TERM"; exit 3' TERM
kill $$
echo not reached
