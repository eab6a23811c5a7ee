basename /usr/local/bin/tool
basename /usr/local/lib/libx.so .so
basename /
dirname /usr/local/bin/tool
dirname file
dirname /
dirname a/b/
