printf 'pear\nApple\nbanana\napple\n10\n9\n' > f
sort f
sort -r f
sort -f f
