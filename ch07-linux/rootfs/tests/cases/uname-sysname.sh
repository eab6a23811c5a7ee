uname
uname -s
