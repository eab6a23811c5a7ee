IFS=,
set -- $(echo "a,b,,c")
echo $#
for x in "$@"; do echo "[$x]"; done
IFS=' '
echo a b
