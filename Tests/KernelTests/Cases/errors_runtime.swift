// Runtime errors are located and never trap.
let big = Int.max
print("before")
let boom = big + 1
// expect: before
// expect error 4:16: arithmetic overflow: 9223372036854775807 + 1 does not fit in an Int
// cell
let zero = 0
print(10 / zero)
// expect error 9:10: division by zero
// cell
print(10 % 0)
// expect error 12:10: division by zero in remainder operation
// cell
let xs = [1, 2, 3]
print(xs[3])
// expect error 16:9: index 3 is out of range for a collection of 3 elements (0…2)
// cell
let d = ["a": 1]
print(d["b"]!)
// expect error 20:13: unexpectedly found nil while unwrapping an Optional value
// cell
var empty: [Int] = []
empty.removeLast()
// expect error 24:7: can't remove last element from an empty collection
// cell
print(Int(Double.nan))
// expect error 27:7: Double value cannot be converted to Int because it is either infinite or NaN
// cell
let n = 3
if n { print("x") }
// expect error 31:4: type 'Int' cannot be used as a boolean; test for '!= 0' instead
// cell
print("a" + 1)
// expect error 34:11: binary operator '+' cannot be applied to operands of type 'String' and 'Int'
// cell
for i in 5..<1 { print(i) }
// expect error 37:11: range requires lowerBound <= upperBound, got 5..<1
// cell
let m = Int.min
print(-m)
// expect error 41:7: arithmetic overflow: -(-9223372036854775808) does not fit in an Int
// cell
print(2 * Int.max)
// expect error 44:9: arithmetic overflow: 2 * 9223372036854775807 does not fit in an Int
// cell
let v = 2.5
switch v {
case 1.0: print("one")
}
// expect error 48:1: switch must be exhaustive; add a default clause
