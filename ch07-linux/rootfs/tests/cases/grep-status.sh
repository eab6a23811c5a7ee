echo hello > f
grep -q hello f; echo "found $?"
grep -q absent f; echo "absent $?"
grep hello missing; echo "missing $?"
grep -s hello missing; echo "silent $?"
