printf '#!/bin/sh\necho "hello from $0 with $# args: $*"\nexit 4\n' > hello
chmod 755 hello
./hello a b
echo "status $?"
sh hello c
echo "status $?"
