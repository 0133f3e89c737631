// Functions with labels and defaults, recursion, closures, captures.
func greet(_ name: String, greeting: String = "Hello") -> String {
    return "\(greeting), \(name)!"
}
print(greet("Ada"))                        // expect: Hello, Ada!
print(greet("Alan", greeting: "Hi"))       // expect: Hi, Alan!
func area(width w: Double, height h: Double) -> Double { w * h }
print(area(width: 2, height: 3))           // expect: 6.0
func factorial(_ n: Int) -> Int { n <= 1 ? 1 : n * factorial(n - 1) }
print(factorial(20))                       // expect: 2432902008176640000
print(later(2))                            // expect: 4
func later(_ x: Int) -> Int { x * 2 }
func isEven(_ n: Int) -> Bool { n == 0 ? true : isOdd(n - 1) }
func isOdd(_ n: Int) -> Bool { n == 0 ? false : isEven(n - 1) }
print(isEven(10), isOdd(7))                // expect: true true
func makeCounter() -> () -> Int {
    var count = 0
    func next() -> Int {
        count += 1
        return count
    }
    return next
}
let counter = makeCounter()
_ = counter()
print(counter(), counter())                // expect: 2 3
let square = { (x: Double) -> Double in x * x }
print(square(3))                           // expect: 9.0
let add: (Int, Int) -> Int = { a, b in a + b }
print(add(2, 3))                           // expect: 5
print([1, 2, 3].map { $0 * 10 })           // expect: [10, 20, 30]
print([3, 1, 2].sorted { $0 > $1 })        // expect: [3, 2, 1]
print([1, 2, 3, 4].reduce(0, +))           // expect: 10
print([1, 2, 3, 4].reduce(1) { $0 * $1 })  // expect: 24
func apply(_ f: (Int) -> Int, to x: Int) -> Int { f(x) }
print(apply({ $0 + 1 }, to: 41))           // expect: 42
var log: [String] = []
func note(_ s: String) { log.append(s) }
note("a")
note("b")
print(log)                                 // expect: ["a", "b"]
func nothing() {}
nothing()
func swapPair(_ p: (Int, Int)) -> (Int, Int) { (p.1, p.0) }
print(swapPair((1, 2)))                    // expect: (2, 1)
func minMax(_ xs: [Int]) -> (min: Int, max: Int) {
    var lo = xs[0], hi = xs[0]
    for x in xs { lo = min(lo, x); hi = max(hi, x) }
    return (lo, hi)
}
let bounds = minMax([3, 9, -2])
print(bounds.0, bounds.1)                  // expect: -2 9
let (a, b) = minMax([5, 1])
print(a, b)                                // expect: 1 5
let scale = 3
let triple = [1, 2].map { x in x * scale }
print(triple)                              // expect: [3, 6]
