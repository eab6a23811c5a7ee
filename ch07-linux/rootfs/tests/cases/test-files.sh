touch file
mkdir dir
ln -s file link
printf 'x' > full
chmod 755 file
for t in -e -f -d -L -s -x -r -w; do
    for f in file dir link full none; do
        if test $t $f; then printf '%s ' "$t$f"; fi
    done
done
echo
