touch -d '2001-09-09 01:46:40' f
stat -c '%Y %X' f
stat -c '%y' f
