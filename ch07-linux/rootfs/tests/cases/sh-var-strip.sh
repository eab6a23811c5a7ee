f=/usr/local/lib/libz.so.1.2
echo "${f##*/}"
echo "${f#*/}"
echo "${f%.*}"
echo "${f%%.*}"
echo "${f/lib/LIB}"
echo "${f//lib/LIB}"
