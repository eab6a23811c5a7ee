#!/bin/sh
# /tests/zircon-output.sh: a Zircon program run by a Linux shell, its output captured, piped and
# redirected like any program's (tests/zircon-from-linux.expect boots with this script).
/boot/hello-zircon one two
echo "status $?"
out=$(/boot/hello-zircon alpha)
status=$?
echo "$out" > /tmp/captured.txt
echo "captured $(wc -l < /tmp/captured.txt) lines, status $status"
/boot/hello-zircon beta | tr a-z A-Z
/boot/hello-zircon gamma > /tmp/zircon.txt
echo "file: $(head -n 1 /tmp/zircon.txt)"
