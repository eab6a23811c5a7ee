printf 'hello world\nfoo foo foo\n' > f
sed 's/o/0/' f
sed 's/o/0/g' f
sed 's/foo/bar/2' f
sed 's/\(hello\) \(world\)/\2 \1/' f
sed -E 's/([a-z]+) ([a-z]+)/<\2>/' f
sed 's|o|/|g' f
sed 's/o/[&]/g' f
