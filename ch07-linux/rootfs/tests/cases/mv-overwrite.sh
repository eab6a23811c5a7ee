echo old > target
echo new > source
mv source target
cat target
ls
