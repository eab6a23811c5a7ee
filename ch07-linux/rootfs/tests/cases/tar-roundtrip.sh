mkdir -p src/sub
echo one > src/a
echo two > src/sub/b
tar cf archive.tar src
tar tf archive.tar | sort
mkdir out
tar xf archive.tar -C out
cat out/src/a out/src/sub/b
diff -r src out/src && echo same
