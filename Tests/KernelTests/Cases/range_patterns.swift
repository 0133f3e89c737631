// Range patterns in switch: closed, half-open and one-sided, over Ints and Doubles.
func bucket(_ n: Int) -> String {
    switch n {
    case ..<0: return "negative"
    case 0..<10: return "digit"
    case 10...99: return "two digits"
    case 100...: return "large"
    default: return "unreachable"
    }
}
print([-5, 0, 9, 10, 99, 100, Int.max].map(bucket))
// expect: ["negative", "digit", "digit", "two digits", "two digits", "large", "large"]
func grade(_ x: Double) -> String {
    switch x {
    case ...0: return "at most 0"
    case 0..<0.5: return "low"
    case 0.5...1: return "high"
    case let big where big > 3: return "big \(big)"
    default: return "other"
    }
}
print([-1, 0, 0.25, 0.5, 1, 2, 7.5, Double.nan].map(grade))
// expect: ["at most 0", "at most 0", "low", "high", "high", "other", "big 7.5", "other"]
let low = 2, high = 4
switch 3 {
case low...high: print("between \(low) and \(high)")   // expect: between 2 and 4
default: print("outside")
}
switch "kiwi" {
case "a"..<"m": print("first half")                     // expect: first half
default: print("second half")
}
if case 1...5 = 3 { print("in 1...5") }                 // expect: in 1...5
switch (3, 0.75) {
case (0..<5, 0.5...): print("small and high")           // expect: small and high
default: print("no")
}
// cell
switch 5 {
case 10...1: print("never")
default: print("default")
}
// expect error 40:8: range requires lowerBound <= upperBound, got 10...1
// cell
switch "x" {
case ..<3: print("no")
default: print("default")
}
// expect error 46:6: binary operator '<' cannot be applied to operands of type 'String' and 'Int'
