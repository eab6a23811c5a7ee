grep '^root:' /etc/passwd | cut -d: -f1,3,6
grep -c '^root:x:0:' /etc/group
