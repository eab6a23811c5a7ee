ls nosuchfile 2> err
echo "status $?"
cat err
ls nosuchfile 2>&1 | sed 's/^/piped: /'
ls nosuchfile 2>/dev/null || echo "failed quietly"
