printf 'one\ntwo\n' > f
sed -i 's/one/ONE/' f
cat f
sed -i.bak 's/two/TWO/' f
cat f f.bak
