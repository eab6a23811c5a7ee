printf '%s|%5s|%-5s|\n' abc de fg
printf '%d %5d %-5d| %05d %+d\n' 42 42 42 42 42
printf '%x %X %o %#x %c\n' 255 255 8 255 A
printf '%.2f %8.3f %e\n' 3.14159 2.5 12345.678
printf '%s\n' one two three
printf '%%|%b\n' 'a\tb'
printf 'no newline'
echo
