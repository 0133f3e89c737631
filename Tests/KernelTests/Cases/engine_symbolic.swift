// Symbolic derivation, datasets, activations, and the display functions.
let net = Network(inputs: 2, layers: [2, 2, 1], activation: .identity, bias: false)
net.initialize(.constant(0.5))
let sym = net.symbolic()
print(sym.equations.first!)      // expect: y1 = w1x1 + w3x2
let d = sym.gradient(of: "w9")
print(d.steps.count > 1)          // expect: true
sym.gradient(of: "w9").substituting(allWeights: "a")
// expect: \frac{\partial y}{\partial w_9} = a(ax_1 + ax_2) + a(ax_1 + ax_2)
// cell
let data = Dataset.spiral(pointsPerClass: 100, classes: 3, seed: 0)
print(data.count, data.classes, data.inputs.shape)   // expect: 300 3 (300, 2)
data
// expect: heatmap: 0 × 0, 300 points
// cell
let deep = Network(inputs: 500, layers: Array(repeating: 500, count: 3), activation: .tanh)
deep.initialize(.normal(std: 0.01), seed: 0)
let acts = deep.activations(Tensor.randn(100, 500, seed: 0))
print(acts.count, acts[0].shape)  // expect: 3 (100, 500)
histogram(acts, bins: 30, range: (-1, 1))
// expect: histograms: 3 panels × 30 bins
deep
// expect: network: 500 → 500 → 500 → 500, 750000 weights
// cell
let toy = Network(inputs: 2, layers: [2, 2, 1], activation: .identity, bias: false)
toy.initialize(.constant(0.5))
let run = toy.train(inputs: [[1.0, 2.0]], loss: .output, learningRate: 0.01, steps: 10)
plot(run, weights: ["w9", "w10"])
// expect: line plot: 2 series × 11 points
plot([1.0, 2.0, 4.0], title: "growth", logY: true)
// expect: line plot: 1 series × 3 points (growth)
table(run, steps: [0, 10], caption: "ends")
// expect: step | w1 | w2 | w3 | w4 | w5 | w6 | w7 | w8 | w9 | w10
// expect: 0 | 0.5 | 0.5 | 0.5 | 0.5 | 0.5 | 0.5 | 0.5 | 0.5 | 0.5 | 0.5
// expect: 10 | 0.4587241073993131 | 0.4587241073993131 | 0.41744821479862604 | 0.41744821479862604 | 0.43851705624551646 | 0.43851705624551646 | 0.43851705624551646 | 0.43851705624551646 | 0.3682038412124984 | 0.3682038412124984
// expect: ends
table([[1, "a"], [2, "b"]], columns: ["n", "letter"])
// expect: n | letter
// expect: 1 | a
// expect: 2 | b
heatmap(Tensor.zeros(3, 4), title: "blank")
// expect: heatmap: 3 × 4
let clf = Network(inputs: 2, layers: [Dense(8, .relu), Dense(3)])
clf.initialize(.he, seed: 0)
let spiral = Dataset.spiral(pointsPerClass: 20, classes: 3, seed: 0)
clf.train(on: spiral, learningRate: 0.5, steps: 20)
heatmap(clf, data: spiral, resolution: 10)
// expect: heatmap: 10 × 10, 60 points
display(toy.weights, toy.symmetry)
// expect: w1 | w2 | w3 | w4 | w5 | w6 | w7 | w8 | w9 | w10
// expect: 0.4587241073993131 | 0.4587241073993131 | 0.41744821479862604 | 0.41744821479862604 | 0.43851705624551646 | 0.43851705624551646 | 0.43851705624551646 | 0.43851705624551646 | 0.3682038412124984 | 0.3682038412124984
// expect: layer | groups of equal weights
// expect: 1 | w1 = w2, w3 = w4
// expect: 2 | w5 = w6 = w7 = w8
// expect: 3 | w9 = w10
print(clf.predict(spiral.inputs).count)   // expect: 60
expect(run.loss.last! < run.loss.first!, "the loss goes down")   // expect: ✓ the loss goes down
expect(run.loss.count == 3, "wrong count")   // expect: ✗ wrong count — run.loss.count = 11, expected == 3
