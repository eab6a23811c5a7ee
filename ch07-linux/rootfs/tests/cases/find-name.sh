mkdir -p tree/a/b tree/c
touch tree/one.txt tree/a/two.txt tree/a/b/three.log tree/c/four.txt
find tree | sort
find tree -name '*.txt' | sort
find tree -type d | sort
find tree -type f -name 't*' | sort
