echo x > a
ln a b
ls -l a b | awk '{ print $2, $NF }'
stat -c '%h %s %n' a b
