mkdir d
touch d/a1 d/a2 d/b1 d/.hidden
echo d/*
echo d/a?
echo d/[ab]1
echo d/.*
echo "d/*"
echo d/z*
