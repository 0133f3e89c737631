// Wrong labels, missing and extra arguments, wrong types: the message shows the signature.
func scale(_ x: Double, by factor: Double = 2) -> Double { x * factor }
print(scale(3))                  // expect: 6.0
print(scale(3, factor: 2))
// expect error 4:7: incorrect argument label in call (have 'factor:', expected 'by:'); expected scale(_: Double, by: Double = …)
// cell
print(scale())
// expect error 7:7: missing argument for parameter #1 in call; expected scale(_: Double, by: Double = …)
// cell
print(scale(1, by: 2, 3))
// expect error 10:7: extra argument in call; expected scale(_: Double, by: Double = …)
// cell
print(scale("x"))
// expect error 13:7: cannot convert value of type 'String' to expected argument type 'Double'
// cell
print(pow(2))
// expect error 16:7: missing argument for parameter #2 in call; expected pow(_: Double, _: Double)
// cell
print(sqrt(x: 4))
// expect error 19:7: incorrect argument label in call (have 'x:', expected '_:'); expected sqrt(_: Double)
// cell
let f = 3
f(1)
// expect error 23:1: cannot call value of non-function type 'Int'
