trap 'echo "leaving with $?"' EXIT
false
exit 5
