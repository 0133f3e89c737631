// Tensors: construction, seeds identical to numpy, arithmetic, statistics, indexing.
let X = Tensor.randn(2, 3, seed: 0)
print(X.shape, X[0, 0])          // expect: (2, 3) 1.764052345967664
let U = Tensor.rand(1, 2, seed: 0)
print(U[0, 1])                   // expect: 0.7151893663724195
let Z = Tensor.zeros(2, 2)
let A = Tensor([[1.0, 2.0], [3.0, 4.0]])
print((A + Z)[1, 1], (A * 2)[0, 1], (2 * A - A)[1, 0], (A / 2)[0, 0])   // expect: 4.0 4.0 3.0 0.5
print(A.matmul(A).array)         // expect: [[7.0, 10.0], [15.0, 22.0]]
print(A.T[0, 1], A.mean(), A.sum(), A.max(), A.min())   // expect: 3.0 2.5 10.0 4.0 1.0
print(A.std())                   // expect: 1.118033988749895
print(A.applying(.relu).sum(axis: 0).array)   // expect: [[4.0, 6.0]]
A
// expect: 0 | 1
// expect: 1.0 | 2.0
// expect: 3.0 | 4.0
// expect: Tensor(2, 2)
// cell
let big = Tensor.randn(1000, 500, seed: 0)
print(big.count, abs(big.mean()) < 0.01, abs(big.std() - 1) < 0.01)   // expect: 500000 true true
// cell
print(A[2, 0])
// expect error 22:8: index [2, 0] is outside a tensor of shape (2, 2)
// cell
let huge = Tensor.zeros(100000, 100000)
// expect error 25:19: Tensor.zeros(100000, 100000) would hold 10000000000 elements, more than the limit of 16000000
// cell
print(A + Tensor.zeros(3, 3))
// expect error 28:9: '+': shapes (2, 2) and (3, 3) do not fit
// cell
let M = Tensor([[1, 5, -2], [3, 4, 8]])
print(M.max(axis: 0).array, M.min(axis: 0).array)   // expect: [[3.0, 5.0, 8.0]] [[1.0, 4.0, -2.0]]
print(M.max(axis: 1).shape, M.min(axis: 1).array)   // expect: (2, 1) [[-2.0], [3.0]]
print(Tensor([[1, Double.nan], [0, 2]]).max(axis: 0).array)   // expect: [[1.0, nan]]
// cell
M.max(axis: 2)
// expect error 36:3: max(axis:): axis must be 0 (down the rows) or 1 (across the columns), got 2
// cell
M.max(by: 0)
// expect error 39:3: value of type 'Tensor' has no method 'max(by:)'; did you mean 'max()' or 'max(axis:)'?
// cell
M.std(axis: 0)
// expect error 42:3: value of type 'Tensor' has no method 'std(axis:)'; did you mean 'std()'?
// cell
M.mean
// expect error 45:3: value of type 'Tensor' has no property 'mean'; did you mean 'mean()' or 'mean(axis:)'?
// cell
M.shape()
// expect error 48:3: cannot call value of non-function type '(Int, Int)' ('shape' is a property of 'Tensor')
