mkdir -p d
touch d/f
ln -s d/f rel
ln -s rel chain
readlink chain
readlink -f chain | sed 's|.*/||'
readlink d/f
echo "status $?"
