// Arrays, dictionaries, tuples, optionals, ranges, strings.
var xs = [3, 1, 2]
xs.append(4)
xs += [5]
print(xs, xs.count, xs.first!, xs.last!)   // expect: [3, 1, 2, 4, 5] 5 3 5
print(xs.sorted(), xs.min()!, xs.max()!)   // expect: [1, 2, 3, 4, 5] 1 5
print(xs.filter { $0 % 2 == 1 })           // expect: [3, 1, 5]
print(xs.contains(4), xs.contains(9))      // expect: true false
print(xs[1..<3], xs[0...1])                // expect: [1, 2] [3, 1]
xs[0] = 10
xs.insert(0, at: 0)
print(xs.remove(at: 1), xs)                // expect: 10 [0, 1, 2, 4, 5]
print(xs.removeLast(), xs.isEmpty)         // expect: 5 false
print(xs.reversed(), xs.firstIndex(of: 2)!)   // expect: [4, 2, 1, 0] 2
for (i, x) in ["a", "b"].enumerated() { print(i, x) }
// expect: 0 a
// expect: 1 b
print(["x", "y", "z"].joined(separator: ", "))   // expect: x, y, z
var grid = [[0, 0], [0, 0]]
grid[1][0] = 7
grid[0].append(1)
print(grid)                                // expect: [[0, 0, 1], [7, 0]]
let copy = grid
grid[0][0] = 9
print(copy[0][0], grid[0][0])              // expect: 0 9
var ages = ["ann": 31, "bob": 25]
ages["cy"] = 40
print(ages["bob"]!, ages["zed"] ?? 0)      // expect: 25 0
if let age = ages["ann"] { print("ann is \(age)") }   // expect: ann is 31
if let missing = ages["zed"] { print(missing) } else { print("no zed") }   // expect: no zed
ages["bob"] = nil
print(ages.count, ages.keys, ages.values)  // expect: 2 ["ann", "cy"] [31, 40]
var counts: [String: Int] = [:]
for word in ["a", "b", "a"] { counts[word, default: 0] += 1 }
print(counts)                              // expect: ["a": 2, "b": 1]
for (key, value) in counts { print(key, value) }
// expect: a 2
// expect: b 1
print(counts.sorted { $0.value < $1.value }.map { $0.key })   // expect: ["b", "a"]
let pair = (x: 1, y: 2.5)
print(pair.x, pair.y, pair)                // expect: 1 2.5 (x: 1, y: 2.5)
print(Array(0..<4), (1...3).map { $0 * $0 })   // expect: [0, 1, 2, 3] [1, 4, 9]
print(stride(from: 0.0, through: 1.0, by: 0.25).map { $0 })   // expect: [0.0, 0.25, 0.5, 0.75, 1.0]
print(zip([1, 2, 3], ["a", "b"]).map { "\($0)\($1)" })        // expect: ["1a", "2b"]
let maybe: Int? = nil
print(maybe == nil, maybe ?? -1)           // expect: true -1
print([Double](repeating: 0, count: 3), Array(repeating: 1, count: 2))   // expect: [0.0, 0.0, 0.0] [1, 1]
let words = "the quick brown fox".split(separator: " ")
print(words.count, words[1].uppercased(), "fox".hasPrefix("f"))   // expect: 4 QUICK true
print([1, 2, 3].first { $0 > 1 }!, [Int]().first == nil)         // expect: 2 true
print([[1, 2], [3]].joined(), [1, 2, 3].prefix(2), [1, 2, 3].dropFirst())   // expect: [1, 2, 3] [1, 2] [2, 3]
print([1, 2, 3].allSatisfy { $0 > 0 }, [1, 2].compactMap { $0 > 1 ? $0 : nil })   // expect: true [2]
print(String(repeating: "ab", count: 3), String(3.5), Int("42")!, Double("x") == nil)   // expect: ababab 3.5 42 true
print(Int(2.9), Int(-2.9), Double(3), abs(-4), abs(-2.5))   // expect: 2 -2 3.0 4 2.5
print(min(3, 1, 2), max(1, 2.5), pow(2, 10), sqrt(16.0))    // expect: 1 2.5 1024.0 4.0
print(exp(0), log(1), tanh(0), sin(0), cos(0))             // expect: 1.0 0.0 0.0 0.0 1.0
print(String(format: "%.3f|%5d|%e", 3.14159, 42, 0.00012))  // expect: 3.142|   42|1.200000e-04
print(Double.pi, Int.max, (2.0).squareRoot(), (2.6).rounded())   // expect: 3.141592653589793 9223372036854775807 1.4142135623730951 3.0
print(xs.map { Double($0) / 2 })           // expect: [0.0, 0.5, 1.0, 2.0]
var stack = [1, 2, 3]
while let top = stack.popLast() { print(top, terminator: ",") }
print()
// expect: 3,2,1,
