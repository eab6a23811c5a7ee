set -x
a=1
echo "a is $a"
set +x
echo quiet
