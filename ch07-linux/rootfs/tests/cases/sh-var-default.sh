unset x
echo "${x:-default}" "[$x]"
echo "${x:=assigned}" "[$x]"
echo "${x:+alternate}"
y=
echo "[${y-unset}]" "[${y:-empty}]"
(echo "${z:?z is missing}")
echo "status $?"
