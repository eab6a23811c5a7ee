mkdir -p d/sub
echo needle > d/a
echo hay > d/b
echo needle > d/sub/c
grep -l needle d/a d/b
grep -L needle d/a d/b
grep -r needle d | sort
grep -h needle d/a d/sub/c
grep needle d/a d/b
