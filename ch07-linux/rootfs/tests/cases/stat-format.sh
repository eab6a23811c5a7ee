printf '12345' > f
mkdir d
ln -s f l
chmod 604 f
stat -c '%n %s %F %a %A' f d l | sed 's/^d [0-9]* /d SIZE /'
stat -L -c '%n %F' l
stat -c '%h' f
