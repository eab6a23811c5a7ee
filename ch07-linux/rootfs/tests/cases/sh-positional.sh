set -- a "b c" d
echo "$#: $1 | $2 | $3"
for x in "$@"; do echo "[$x]"; done
for x in $*; do echo "<$x>"; done
shift
echo "$#: $*"
shift 2
echo "$#"
