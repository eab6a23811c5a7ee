[ -d /proc ] && echo "proc exists"
[ -x "$(readlink /proc/self/exe)" ] && echo "the exe link names a program"
cat /proc/self/cmdline | tr '\0' ' '; echo
