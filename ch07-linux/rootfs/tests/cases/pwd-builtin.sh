mkdir -p one/two
cd one/two
basename "$(pwd)"
basename "$(/bin/pwd)"
pwd -P > /dev/null && echo ok
