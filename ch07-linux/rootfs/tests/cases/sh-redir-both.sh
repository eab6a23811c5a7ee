{ echo out; echo err >&2; } > both 2>&1
cat both
{ echo out; echo err >&2; } 2>&1 > only-out | sed 's/^/stderr: /'
cat only-out
