printf 'one\n\n\ntwo\tx\n' > f
cat -n f
cat -A f
