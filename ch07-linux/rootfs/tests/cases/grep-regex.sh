printf 'abc123\nxyz\n42\nfoo.bar\nfooxbar\n' > f
grep '^[0-9]' f
grep -E '[0-9]{3}' f
grep 'foo\.bar' f
grep -F 'foo.bar' f
grep -o '[0-9][0-9]*' f
grep -w xyz f
grep -x 42 f
