touch zeta alpha Beta .dot
mkdir dir
ls
ls -a
ls -1 -F
