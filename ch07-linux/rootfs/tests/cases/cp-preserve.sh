echo data > f
touch -d '2020-05-06 07:08:09' f
chmod 640 f
cp -p f kept
cp f fresh
stat -c '%a %Y' f kept
[ "$(stat -c %Y fresh)" -gt 1600000000 ] && echo "fresh copy has a new time"
stat -c %a fresh
