echo x > a
mv a b
ls
mkdir d
mv b d/
ls d
mv d e
ls
mv nosuch z
echo "status $?"
