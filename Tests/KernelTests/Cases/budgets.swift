// Budgets: an endless loop and endless recursion end with located errors.
var i = 0
while true { i += 1 }
// expect error 3:1: the cell ran out of its budget of 20000000 steps (an endless loop?)
// cell
func f(_ n: Int) -> Int { f(n + 1) }
print(f(0))
// expect error 6:27: calls nested deeper than the limit of 1000 (endless recursion in 'f'?)
// cell
print(Array(repeating: 0, count: 100_000_000).count)
// expect error 10:7: Array(repeating:count:) would hold 100000000 elements, more than the limit of 16000000
// cell
print("still running")           // expect: still running
// cell
var grown: [Int] = []
for i in 0..<16_000_001 { grown.append(i) }
// expect error 16:33: the array would hold 16000001 elements, more than the limit of 16000000
