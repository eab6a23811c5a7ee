mkdir -p full/sub
rmdir full
echo "status $?"
rmdir nosuch
echo "status $?"
rmdir full/sub full
ls
