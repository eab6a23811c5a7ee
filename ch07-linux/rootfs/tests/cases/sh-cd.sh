mkdir -p a/b/c
cd a/b
basename "$(pwd)"
cd c
basename "$PWD"
cd ../..
basename "$(pwd)"
cd nosuchdir
echo "status $?"
