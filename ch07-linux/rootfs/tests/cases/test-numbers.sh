for pair in "1 2" "2 2" "3 2" "-1 0"; do
    set -- $pair
    r=
    [ $1 -eq $2 ] && r="$r eq"
    [ $1 -ne $2 ] && r="$r ne"
    [ $1 -lt $2 ] && r="$r lt"
    [ $1 -le $2 ] && r="$r le"
    [ $1 -gt $2 ] && r="$r gt"
    [ $1 -ge $2 ] && r="$r ge"
    echo "$1 $2:$r"
done
[ 1 -eq x ]
echo "status $?"
