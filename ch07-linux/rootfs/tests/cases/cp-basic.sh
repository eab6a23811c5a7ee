echo content > src
cp src dst
cat dst
mkdir dir
cp src dst dir
ls dir
cp missing x
echo "status $?"
