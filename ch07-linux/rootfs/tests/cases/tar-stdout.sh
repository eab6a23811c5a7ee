mkdir d
echo hi > d/f
tar cf - d | tar tf - | sort
tar cf - d | (mkdir x && cd x && tar xf -)
cat x/d/f
tar xf nosuch.tar
echo "status $?"
