touch f
chmod 600 f; stat -c %a f
chmod u+x f; stat -c %a f
chmod go+r f; stat -c %a f
chmod a-w f; stat -c %a f
chmod =r f; stat -c %A f
mkdir d; touch d/x
chmod -R 700 d; stat -c %a d d/x
chmod 999 f
echo "status $?"
