// Optionals as far as dictionary lookups need, casts, wrapping operators, optional chaining.
let scores = ["ada": 3]
func score(_ name: String) -> Int {
    guard let s = scores[name] else { return -1 }
    return s
}
print(score("ada"), score("bob"))          // expect: 3 -1
let found = scores["ada"]
if let found { print("found \(found)") }   // expect: found 3
let firstWord = ["x", "y"].first?.uppercased()
let none = [String]().first?.uppercased()
print(firstWord!, none == nil)             // expect: X true
print(1 as Double, 2.5 is Double, 3 is Double, (7 as Int?) ?? 0)   // expect: 1.0 true false 7
print(Int.max &+ 1 == Int.min)             // expect: true
let r = 0..<5
print(r, r.count, r.contains(3), (1...3).reduce(0, +))   // expect: 0..<5 5 true 6
let value = try sqrt(4.0)
print(value)                               // expect: 2.0
print("abc".count, "Hello".lowercased(), "a,b".split(separator: ","))   // expect: 3 hello ["a", "b"]
var text = "x"
text.append("y")
print(text, text.hasSuffix("y"), "a-b".replacingOccurrences(of: "-", with: "+"))   // expect: xy true a+b
// cell
defer { print("never") }
// expect error 24:1: defer is not supported in cells
// cell
let n: Int = 2.5
// expect error 27:5: cannot convert value of type 'Double' to specified type 'Int'
// cell
var d: [String: Int] = [:]
d["a"] += 1
// expect error 31:8: cannot apply '+=' to nil (a missing dictionary key? use dictionary[key, default: 0])
