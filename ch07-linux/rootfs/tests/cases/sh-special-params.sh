echo "$0"
f() { echo "$# $*"; }
f 1 2 3
set -- x
echo "${#}"
