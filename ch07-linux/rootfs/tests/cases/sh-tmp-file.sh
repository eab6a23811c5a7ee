echo scratch > /tmp/bbsuite.$$
cat /tmp/bbsuite.$$
rm /tmp/bbsuite.$$
[ -e /tmp/bbsuite.$$ ] || echo removed
