echo shared > a
ln a b
echo more >> b
cat a
rm a
cat b
stat -c %h b
