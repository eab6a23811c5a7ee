cat > prog.awk <<'END'
function square(x) { return x * x }
BEGIN { print "start" }
/^#/ { next }
{ total += square($1) }
END { print "total", total; exit 3 }
END
printf '1\n# comment\n2\n3\n' | awk -f prog.awk
echo "status $?"
