#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A labelled 2-D point set for classification lessons, drawn from a seeded numpy-identical stream.
public struct Dataset: Sendable {
    /// What the data set is (`spiral`, `moons`, …).
    public let name: String
    /// The points, one per row (n × 2).
    public let inputs: Tensor
    /// The class of each point, 0 ..< classes.
    public let labels: [Int]
    /// The number of classes.
    public let classes: Int

    /// The number of points.
    public var count: Int { labels.count }

    /// The points of one class, one per row.
    public func points(ofClass label: Int) throws -> Tensor {
        try inputs.rows(at: labels.indices.filter { labels[$0] == label })
    }

    /// The fraction of points whose predicted class equals their label; throws when the counts differ.
    public func accuracy(of predictions: [Int]) throws -> Double {
        guard predictions.count == labels.count else {
            throw EngineError.shapeMismatch(operation: "accuracy: predictions and labels", left: Shape(predictions.count, 1), right: Shape(labels.count, 1))
        }
        guard !labels.isEmpty else { return .nan }
        return Double(zip(predictions, labels).filter { $0 == $1 }.count) / Double(labels.count)
    }

    /// numpy's `linspace(start, stop, count)`: `start + i·step`, the last point exactly `stop`.
    static func linspace(_ start: Double, _ stop: Double, _ count: Int) -> [Double] {
        guard count > 1 else { return count == 1 ? [start] : [] }
        let step = (stop - start) / Double(count - 1)
        var values = (0..<count).map { Double($0) * step + start }
        values[count - 1] = stop
        return values
    }

    static func validate(_ count: Int, _ what: String, minimum: Int = 1) throws {
        guard count >= minimum, count <= 1_000_000 else {
            throw EngineError.invalidArgument("\(what) must be between \(minimum) and 1000000, got \(count)")
        }
    }

    static func validate(noise: Double) throws {
        guard noise.isFinite, noise >= 0 else {
            throw EngineError.invalidArgument("noise must be finite and ≥ 0, got \(noise)")
        }
    }

    /// cs231n's spiral: for class j, r = linspace(0, 1, N), t = linspace(4j, 4(j+1), N) + noise·randn(N),
    /// points (r sin t, r cos t). The noise is drawn class by class, as the cs231n code draws it,
    /// so `RandomState(seed)` in numpy gives the same points.
    public static func spiral(pointsPerClass: Int = 100, classes: Int = 3, noise: Double = 0.2, seed: Int = 0) throws -> Dataset {
        try validate(pointsPerClass, "pointsPerClass")
        try validate(classes, "classes")
        try validate(noise: noise)
        _ = try checkedCount(pointsPerClass * classes, 2, "spiral")
        var stream = try RandomState(seed: seed)
        var points: [Double] = [], labels: [Int] = []
        let radius = linspace(0, 1, pointsPerClass)
        for j in 0..<classes {
            let angles = linspace(Double(4 * j), Double(4 * (j + 1)), pointsPerClass)
            for i in 0..<pointsPerClass {
                let t = angles[i] + stream.randn() * noise
                points += [radius[i] * sin(t), radius[i] * cos(t)]
                labels.append(j)
            }
        }
        return Dataset(name: "spiral", inputs: Tensor(unchecked: labels.count, 2, points), labels: labels, classes: classes)
    }

    /// Two interleaving half circles (upper: class 0, lower and shifted: class 1), plus normal noise.
    public static func moons(points: Int = 200, noise: Double = 0.1, seed: Int = 0) throws -> Dataset {
        try validate(points, "points", minimum: 2)
        try validate(noise: noise)
        var stream = try RandomState(seed: seed)
        let outer = points / 2, inner = points - outer
        var values: [Double] = [], labels: [Int] = []
        for t in linspace(0, .pi, outer) {
            values += [cos(t) + stream.randn() * noise, sin(t) + stream.randn() * noise]
            labels.append(0)
        }
        for t in linspace(0, .pi, inner) {
            values += [1 - cos(t) + stream.randn() * noise, 0.5 - sin(t) + stream.randn() * noise]
            labels.append(1)
        }
        return Dataset(name: "moons", inputs: Tensor(unchecked: labels.count, 2, values), labels: labels, classes: 2)
    }

    /// Two concentric circles (outer radius 1: class 0; inner radius `factor`: class 1), plus normal noise.
    public static func circles(points: Int = 200, noise: Double = 0.05, factor: Double = 0.5, seed: Int = 0) throws -> Dataset {
        try validate(points, "points", minimum: 2)
        try validate(noise: noise)
        guard factor.isFinite, factor > 0, factor < 1 else {
            throw EngineError.invalidArgument("factor must be between 0 and 1, got \(factor)")
        }
        var stream = try RandomState(seed: seed)
        let outer = points / 2, inner = points - outer
        var values: [Double] = [], labels: [Int] = []
        for (count, radius, label) in [(outer, 1.0, 0), (inner, factor, 1)] {
            for i in 0..<count {
                let t = 2 * .pi * Double(i) / Double(count)
                values += [radius * cos(t) + stream.randn() * noise, radius * sin(t) + stream.randn() * noise]
                labels.append(label)
            }
        }
        return Dataset(name: "circles", inputs: Tensor(unchecked: labels.count, 2, values), labels: labels, classes: 2)
    }

    /// Points uniform in [−1, 1)², labelled 1 when the signs of the two coordinates differ (XOR), else 0.
    public static func xor(points: Int = 200, noise: Double = 0, seed: Int = 0) throws -> Dataset {
        try validate(points, "points")
        try validate(noise: noise)
        var stream = try RandomState(seed: seed)
        var values: [Double] = [], labels: [Int] = []
        for _ in 0..<points {
            let a = stream.uniform(-1, 1), b = stream.uniform(-1, 1)
            labels.append((a > 0) != (b > 0) ? 1 : 0)
            values += [a + stream.randn() * noise, b + stream.randn() * noise]
        }
        return Dataset(name: "xor", inputs: Tensor(unchecked: points, 2, values), labels: labels, classes: 2)
    }

    /// Gaussian blobs: class centres uniform in [−5, 5)², then `pointsPerClass` normal points of `std` around each.
    public static func blobs(pointsPerClass: Int = 100, classes: Int = 3, std: Double = 1, seed: Int = 0) throws -> Dataset {
        try validate(pointsPerClass, "pointsPerClass")
        try validate(classes, "classes")
        try validate(noise: std)
        _ = try checkedCount(pointsPerClass * classes, 2, "blobs")
        var stream = try RandomState(seed: seed)
        let centres = (0..<classes).map { _ in (stream.uniform(-5, 5), stream.uniform(-5, 5)) }
        var values: [Double] = [], labels: [Int] = []
        for (label, centre) in centres.enumerated() {
            for _ in 0..<pointsPerClass {
                values += [centre.0 + std * stream.randn(), centre.1 + std * stream.randn()]
                labels.append(label)
            }
        }
        return Dataset(name: "blobs", inputs: Tensor(unchecked: labels.count, 2, values), labels: labels, classes: classes)
    }
}
