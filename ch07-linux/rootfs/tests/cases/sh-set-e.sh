set -e
echo one
false || echo "or is fine"
if false; then :; fi
false
echo not reached
