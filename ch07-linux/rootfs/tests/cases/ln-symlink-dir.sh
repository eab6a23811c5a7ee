mkdir -p real/inner
echo hi > real/inner/f
ln -s real alias
cat alias/inner/f
ls alias
cd alias/inner && cat f
