touch new
[ -f new ] && echo created
touch -d '1999-12-31 23:59:59' old
stat -c %Y old
touch -r old copy
stat -c %Y copy
touch -c absent
ls
