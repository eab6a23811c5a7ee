echo 'sourced=yes; fn() { echo "fn $1"; }' > lib.sh
. ./lib.sh
echo "$sourced"
fn arg
