echo keep > f
touch -d '2000-01-01' f
touch f
[ "$(stat -c %Y f)" -gt 1600000000 ] && echo updated
cat f
