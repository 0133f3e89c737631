// The toy network of the classic derivation: naming, weights, forward, gradients, training.
let net = Network(inputs: 2, layers: [2, 2, 1], activation: .identity, bias: false)
net.initialize(.constant(0.5))
print(net["w5"], net.weights.count)        // expect: 0.5 10
net["w5"] = 0.3
print(net["w5"])                           // expect: 0.3
net["w5"] = 0.5
print(net.forward([1.0, 2.0]))             // expect: [1.5]
print(net.output([1, 2]))                  // expect: 1.5
let g = net.gradients(input: [1.0, 2.0], loss: .output)
print(g["w9"], g["w10"], g["w1"])          // expect: 1.5 1.5 0.5
let run = net.train(inputs: [[1.0, 2.0]], loss: .output, learningRate: 0.01, steps: 100)
print(run.loss.count, run.steps)           // expect: 101 100
expect(net["w9"] == net["w10"], "w9 and w10 stay equal")   // expect: ✓ w9 and w10 stay equal
expect(net["w1"] == net["w3"], "w1 and w3 differ")         // expect: ✗ w1 and w3 differ — w1 = 0.4579082207418655 but w3 = 0.41581644148373126
print(run.weights(at: 0)["w1"])            // expect: 0.5
print(net.symmetry)                        // expect: layer 1: w1 = w2, w3 = w4 | layer 2: w5 = w6 = w7 = w8 | layer 3: w9 = w10
run.table(steps: [0, 1])
// expect: step | w1 | w2 | w3 | w4 | w5 | w6 | w7 | w8 | w9 | w10
// expect: 0 | 0.5 | 0.5 | 0.5 | 0.5 | 0.5 | 0.5 | 0.5 | 0.5 | 0.5 | 0.5
// expect: 1 | 0.495 | 0.495 | 0.49 | 0.49 | 0.4925 | 0.4925 | 0.4925 | 0.4925 | 0.485 | 0.485
// cell
let small = Network(inputs: 2, layers: [1], bias: false)
small.initialize(.constant(1))
small
// expect: network: 2 → 1, 2 weights
// expect: w1: x1 → y = 1.0
// expect: w2: x2 → y = 1.0
// cell
let wide = Network(inputs: 2, layers: [Dense(3, .relu), Dense(1, .sigmoid)])
print(wide, wide.weightCount, wide.layers[0])   // expect: Network(2-3-1, relu, sigmoid, bias: true) 9 Dense(3, .relu)
wide.initialize(.normal(std: 0.01), seed: 0)
print(wide.weights.names.count, wide.biases.names)   // expect: 9 ["b1", "b2", "b3", "b4"]
wide.initialize(.xavier, seed: 1)
wide.initialize(.he)
wide.initialize(.glorot)
wide.initialize(.uniform(-1, 1), seed: 3)
wide.initialize(.zeros)
print(wide.forward([1, 1]))                      // expect: [0.5]
// cell
let bad = Network(inputs: 2, layers: [2], activation: .relux)
// expect error 41:11: type 'Activation' has no member 'relux'; did you mean '.relu'? (known: .identity, .relu, .leakyReLU, .tanh, .sigmoid)
// cell
net.initialize(.constant(0.5), sed: 1)
// expect error 44:5: incorrect argument label in call (have 'sed:', expected 'seed:'); expected initialize(_: Initializer, seed: Int = 0)
// cell
print(net["w11"])
// expect error 47:10: no parameter or symbol named 'w11' (this network has w1…w10 and no biases)
// cell
net.train(inputs: [[1.0, 2.0]], loss: .output, learningRate: "fast", steps: 10)
// expect error 50:5: cannot convert value of type 'String' to expected argument type 'Double'; expected train(inputs: Tensor, loss: Loss, learningRate: Double, steps: Int, l2: Double = 0.0, recordWeights: Bool = true, recordGradients: Bool = false)
// cell
print(net.forward([1.0]))
// expect error 53:11: network input (a network with 2 inputs needs 2 columns): shapes (1, 1) and (1, 2) do not fit
// cell
net["w1"] = Double.nan
// expect error 56:4: net["w1"]: nan is not a finite number
