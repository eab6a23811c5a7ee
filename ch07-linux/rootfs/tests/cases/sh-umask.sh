umask
umask 077
touch private
stat -c %a private
umask 022
mkdir open
stat -c %a open
