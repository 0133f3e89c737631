// table, plot, histogram and heatmap return figures: a figure a statement drops is shown
// where it is made; a kept one shows when displayed; an array of them is one group.
let a = plot([1.0, 2, 3], title: "a")
let b = plot(["up": [1.0, 2, 3], "down": [3.0, 2, 1]], x: [0, 0.5, 1])
print("nothing shown yet", a)
// expect: nothing shown yet line plot: 1 series × 3 points (a)
display([a, b])
// expect: line plot: 1 series × 3 points (a)
// expect: line plot: 2 series × 3 points
plot([4.0, 5], x: [10, 20])
// expect: line plot: 1 series × 2 points
for i in 1...2 { histogram([Double(i)], bins: 2) }
// expect: histograms: 1 panel × 2 bins
// expect: histograms: 1 panel × 2 bins
func show() { table([[1, 2]], columns: ["x", "y"]) }
show()
// expect: x | y
// expect: 1 | 2
[1, 2].forEach { heatmap([[Double($0)]]) }
// expect: heatmap: 1 × 1
// expect: heatmap: 1 × 1
_ = heatmap([[1.0]])
print(b.description)
// expect: line plot: 2 series × 3 points
let g = group([a, b], title: "two plots")
g
// expect: line plot: 1 series × 3 points (a)
// expect: line plot: 2 series × 3 points
// cell
let data = Dataset.xor(points: 40, seed: 1)
let net = Network(inputs: 2, layers: [Dense(4, .tanh), Dense(2)])
net.initialize(.xavier, seed: 0)
let maps = [0, 1].map { seed -> Figure in
    net.initialize(.xavier, seed: seed)
    return heatmap(net, data: data, resolution: 8, title: "seed \(seed)")
}
maps
// expect: heatmap: 8 × 8, 40 points
// expect: heatmap: 8 × 8, 40 points
// cell
let run = net.train(on: data, learningRate: 0.1, steps: 4, recordWeights: true)
plot(run, x: [0, 10, 20, 30, 40], title: "loss by example seen")
// expect: line plot: 1 series × 5 points (loss by example seen)
plot(run, weights: ["w1", "w2"], x: [0, 1, 2, 3, 4])
// expect: line plot: 2 series × 5 points
plot(x: [1, 2], y: [3, 4], label: "pair")
// expect: line plot: 1 series × 2 points
// cell
plot(["a": [1.0, 2], "b": [1.0, 2, 3]], x: [0, 1])
// expect error 49:1: plot: x has 2 values but the series 'b' has 3
// cell
plot([1.0], y: [2.0])
// expect error 52:1: plot: give the values either as the first argument or as y:, not both; expected plot(_: TrainingRun | [Double] | [String: [Double]], x: [Double]? = nil, weights: [String]? = nil, title: String? = nil, xLabel: String? = nil, yLabel: String? = nil, logY: Bool = false, label: String? = nil), or plot(x: [Double], y: [Double], …)
// cell
group([1, 2])
// expect error 55:1: group: cannot show a value of type 'Int' as a figure; expected group(_: [Figure], title: String? = nil)
// cell
group([])
// expect error 58:1: group: needs at least one figure
