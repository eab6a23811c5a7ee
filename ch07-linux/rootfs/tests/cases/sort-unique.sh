printf 'b\na\nb\nc\na\n' | sort -u
printf 'b\na\n' | sort -c
echo "status $?"
