mkdir d
echo one > d/a
echo two > d/b
find d -type f -exec cat {} \; | sort
find d -type f -exec echo file {} + | wc -w
find d -type f -name a -exec rm {} \;
ls d
