// Activation, Initializer and Loss as types: explicit members are the implicit ones.
let relu = Activation.relu
let he = Initializer.he
let loss = Loss.mse(targets: [[1.0]])
print(relu, he, loss)                  // expect: .relu .he .mse(targets: [[1.0]])
print(Activation.leakyReLU(0.2), Activation.leakyReLU, Initializer.normal(std: 0.5), Initializer.uniform(-1, 1))
// expect: .leakyReLU(0.2) .leakyReLU .normal(std: 0.5) .uniform(-1, 1)
print(Loss.output, Loss.crossEntropy(labels: [0, 1]), Initializer.constant(0.5))
// expect: .output .crossEntropy(labels: [0, 1]) .constant(0.5)
let net = Network(inputs: 1, layers: [Dense(1, Activation.identity)], bias: false)
net.initialize(Initializer.constant(0.5))
print(net.loss(inputs: [[2.0]], loss: Loss.mse(targets: [[2.0]])))   // expect: 1.0
let act: Activation = Activation.tanh
print(Dense(3, act))                   // expect: Dense(3, .tanh)
print(relu == .relu)                   // expect: true
// cell
Loss.mes(targets: [[1.0]])
// expect error 17:6: type 'Loss' has no member 'mes'; did you mean 'mse'?
// cell
Activation.relux
// expect error 20:12: type 'Activation' has no member 'relux'; did you mean 'relu'?
// cell
Loss.mse(target: [[1.0]])
// expect error 23:6: incorrect argument label in call (have 'target:', expected 'targets:'); expected mse(targets: Any)
// cell
Initializer.constant(Double.nan)
// expect error 26:13: constant: nan is not a finite number
// cell
Activation(1)
// expect error 29:1: 'Activation' cannot be constructed in cells
