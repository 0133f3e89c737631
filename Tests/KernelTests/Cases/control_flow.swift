// if / else if / else, guard, loops, break and continue, labels, switch.
let n = 7
if n > 10 {
    print("big")
} else if n > 5 {
    print("medium")              // expect: medium
} else {
    print("small")
}
for i in 0..<3 { print(i) }
// expect: 0
// expect: 1
// expect: 2
for i in 1...10 where i % 4 == 0 { print("multiple", i) }
// expect: multiple 4
// expect: multiple 8
var total = 0
for i in stride(from: 10, to: 0, by: -3) { total += i }
print(total)                     // expect: 22
var k = 0
while true {
    k += 1
    if k < 3 { continue }
    if k == 5 { break }
}
print(k)                         // expect: 5
var r = 10
repeat { r -= 4 } while r > 0
print(r)                         // expect: -2
outer: for i in 0..<3 {
    for j in 0..<3 {
        if j == 2 { continue outer }
        if i == 2 { break outer }
        print(i, j)
    }
}
// expect: 0 0
// expect: 0 1
// expect: 1 0
// expect: 1 1
func classify(_ value: Int) -> String {
    switch value {
    case 0:
        return "zero"
    case 1, 2, 3:
        return "small"
    case 4..<10:
        return "medium"
    case let v where v < 0:
        return "negative \(v)"
    default:
        return "large"
    }
}
print([0, 2, 5, -3, 99].map(classify))   // expect: ["zero", "small", "medium", "negative -3", "large"]
func check(_ word: String) -> Int {
    guard !word.isEmpty else { return -1 }
    return word.count
}
print(check(""), check("abc"))  // expect: -1 3
let flag = true
switch flag {
case true: print("yes")         // expect: yes
case false: print("no")
}
let point = (1, 0)
switch point {
case (0, 0): print("origin")
case (let x, 0): print("on the x axis at \(x)")   // expect: on the x axis at 1
default: print("elsewhere")
}
for c in "hey" { print(c, terminator: ".") }
print()
// expect: h.e.y.
let label = n > 5 ? "more" : "less"
print(label)                     // expect: more
do {
    let scoped = 3
    print(scoped)                // expect: 3
}
switch "b" {
case "a": print("A")
case "b":
    print("B")                   // expect: B
    break
default: break
}
