set -u
echo start
echo "$undefined_variable"
echo not reached
