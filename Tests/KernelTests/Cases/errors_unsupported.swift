// Constructs outside the cell language are errors that name them.
class Point {}
// expect error 2:1: classes are not supported in cells
// cell
struct Size { var w = 0 }
// expect error 5:1: structs are not supported in cells
// cell
enum Kind { case a }
// expect error 8:1: enums are not supported in cells
// cell
protocol Shape {}
// expect error 11:1: protocols are not supported in cells
// cell
import Foundation
// expect error 14:1: import is not supported in cells
// cell
func id<T>(_ x: T) -> T { x }
// expect error 17:8: generics are not supported in cells
// cell
func later() async {}
// expect error 20:14: concurrency (async) is not supported in cells
// cell
extension Int {}
// expect error 23:1: extensions are not supported in cells
// cell
func f() throws {}
// expect error 26:10: throwing functions are not supported in cells
// cell
let k = \String.count
// expect error 29:9: key paths are not supported in cells
