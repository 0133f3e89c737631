// Syntax errors come from swift-syntax's own diagnostics, at the file's line and column.
let x = (1 + 2
// expect error 2:15: expected ')' to end tuple
// cell
print("ok")
let = 5
// expect error 6:5: expected pattern in variable
// cell
for i in { }
// expect error 9:10: expected Sequence expression for for-each loop
