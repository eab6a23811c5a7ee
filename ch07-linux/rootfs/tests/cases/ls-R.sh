mkdir -p top/a/b
touch top/x top/a/y top/a/b/z
ls -R top
