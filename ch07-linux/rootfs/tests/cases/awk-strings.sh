awk 'BEGIN { s = "Hello, World"; print length(s), substr(s, 1, 5), toupper(s), tolower(s) }'
awk 'BEGIN { print index("banana", "nan"), match("foo123", /[0-9]+/), RSTART, RLENGTH }'
awk 'BEGIN { s = "aaa"; n = gsub(/a/, "b", s); print n, s; t = "xyx"; sub(/x/, "z", t); print t }'
awk 'BEGIN { printf "%5.2f|%-4s|%03d|%x\n", 3.14159, "ab", 7, 255 }'
