// Literals, variables and printing, as Swift prints them.
print(1 + 2)                 // expect: 3
print(0.1)                   // expect: 0.1
print(1.0)                   // expect: 1.0
print(0.1 + 0.2)             // expect: 0.30000000000000004
print([1, 2])                // expect: [1, 2]
print([1, 2.5])              // expect: [1.0, 2.5]
print("a", 1, separator: "-", terminator: "!\n")   // expect: a-1!
print(true, false)           // expect: true false
let x: Double = 1
print(x)                     // expect: 1.0
var name = "weave"
name += "!"
print("hello, \(name) \(1 + 1)")   // expect: hello, weave! 2
print(["a": 1, "b": 2])      // expect: ["a": 1, "b": 2]
print((1, "a"))              // expect: (1, "a")
print(1_000_000, 0xff, 0b101)   // expect: 1000000 255 5
print(7 / 2, 7 % 3, -7 / 2, 7.0 / 2)   // expect: 3 1 -3 3.5
print(1 + 0.5)               // expect: 1.5
print(1e-5, 1e20, 2.5e-3)    // expect: 1e-05 1e+20 0.0025
let text = """
    first line
      indented "quoted"
    last
    """
print(text)
// expect: first line
// expect:   indented "quoted"
// expect: last
print("tab\tand \\ backslash \u{41}")   // expect: tab	and \ backslash A
x
// expect: 1.0
