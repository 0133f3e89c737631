let n: Int ýÿ= 7
