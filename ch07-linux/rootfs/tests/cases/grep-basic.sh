printf 'apple\nBanana\ncherry\napple pie\n' > f
grep apple f
grep -i banana f
grep -v apple f
grep -c apple f
grep -n a f
