echo one > log
echo two >> log
echo three >> log
cat log
