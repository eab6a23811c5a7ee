mkdir -p t/a/b/c
touch t/f t/a/g t/a/b/h
find t -maxdepth 1 | sort
find t -mindepth 3 | sort
find t -name c -type d
find t/nosuch
echo "status $?"
