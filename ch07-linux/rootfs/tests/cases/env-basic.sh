env | grep -c '^PATH='
env -i A=1 B=2 env | sort
env -i X=y sh -c 'echo "X=$X HOME=$HOME"'
env -u HOME env | grep -c '^HOME='
FOO=bar env | grep '^FOO='
env nosuchprog
echo "status $?"
