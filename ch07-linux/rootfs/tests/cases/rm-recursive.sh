mkdir -p d/e/f
touch d/x d/e/y d/e/f/z
rm -r d
ls -a
mkdir empty
rmdir empty
ls
