// The last expression of a cell is displayed; print output merges; display shows earlier values.
print("one")
print("two")
display([1, 2, 3])
let s = "text"
s
// expect: one
// expect: two
// expect: [1, 2, 3]
// expect: "text"
// cell
var total = 0
total += 1
// cell
total
// expect: 1
// cell
func f() {}
f()
// cell
[1.5, 2]
// expect: [1.5, 2.0]
