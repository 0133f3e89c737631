// Unknown names get a suggestion from the names in scope.
let net = 1
print(nett)
// expect error 3:7: cannot find 'nett' in scope; did you mean 'net'?
// cell
prnt("x")
// expect error 6:1: cannot find 'prnt' in scope; did you mean 'print'?
// cell
let value = 3
value.foo
// expect error 10:7: value of type 'Int' has no member 'foo'
// cell
[1, 2].cont(1)
// expect error 13:8: value of type '[Int]' has no member 'cont'; did you mean 'count'?
// cell
let fixed = 1
fixed = 2
// expect error 17:1: cannot assign to value: 'fixed' is a 'let' constant
// cell
let items = [1]
items.append(2)
// expect error 21:1: cannot use mutating member on immutable value: 'items' is a 'let' constant
// cell
var twice = 1
var twice = 2
// expect error 25:5: invalid redeclaration of 'twice'
// cell
print(zzzzqqq)
// expect error 28:7: cannot find 'zzzzqqq' in scope
// cell
[1.0, 2.0].max(axis: 0)
// expect error 31:12: value of type '[Double]' has no method 'max(axis:)'; did you mean 'max()' or 'max(by:)'?
// cell
[1, 2].count()
// expect error 34:8: value of type '[Int]' has no method 'count()'; did you mean 'count'?
// cell
"abc".uppercased(1)
// expect error 37:7: value of type 'String' has no method 'uppercased(_:)'; 'uppercased' does not take these arguments
