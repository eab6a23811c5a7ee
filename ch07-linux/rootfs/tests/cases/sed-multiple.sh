echo 'a b c' | sed -e 's/a/1/' -e 's/b/2/'
echo 'a b c' | sed 's/a/1/;s/c/3/'
printf 's/x/y/\n' > script.sed
echo xxx | sed -f script.sed
echo 'hold' | sed -n 'h;s/hold/space/;G;p'
