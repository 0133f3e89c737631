import Engine
import XCTest

/// The classic derivation, written out by the engine.
final class SymbolicTests: XCTestCase {
    func toy(_ activation: Activation = .identity, bias: Bool = false) throws -> Network {
        try Network(inputs: 2, layers: [2, 2, 1], activation: activation, bias: bias)
    }

    func testEquationsInTheClassicNotation() throws {
        let sym = try toy().symbolic()
        XCTAssertEqual(sym.equations.map(\.description), [
            "y1 = w1x1 + w3x2", "y2 = w2x1 + w4x2", "y3 = w5y1 + w7y2", "y4 = w6y1 + w8y2", "y = w9y3 + w10y4",
        ])
        XCTAssertEqual(sym.equations.last?.latex, "y = w_9y_3 + w_{10}y_4")
    }

    func testChainRuleExpandedOneLayerAtATime() throws {
        let sym = try toy().symbolic()
        let w9 = try sym.gradient(of: "w9")
        XCTAssertEqual(w9.steps.map(\.description), ["y3", "w5y1 + w7y2", "w5(w1x1 + w3x2) + w7(w2x1 + w4x2)"])
        XCTAssertEqual(w9.description, "∂y/∂w9 = y3 = w5y1 + w7y2 = w5(w1x1 + w3x2) + w7(w2x1 + w4x2)")
        XCTAssertEqual(w9.latex, "\\frac{\\partial y}{\\partial w_9} = y_3 = w_5y_1 + w_7y_2 = w_5(w_1x_1 + w_3x_2) + w_7(w_2x_1 + w_4x_2)")
        XCTAssertEqual(try sym.gradient(of: "w5").result.description, "w9(w1x1 + w3x2)")
        XCTAssertEqual(try sym.gradient(of: "w1").result.description, "(w9w5 + w10w6)x1")
        XCTAssertEqual(try sym.gradient(of: "w10").result.description, "w6(w1x1 + w3x2) + w8(w2x1 + w4x2)")
        XCTAssertEqual(try sym.gradient(of: "w10").derivativeLatex, "\\frac{\\partial y}{\\partial w_{10}}")
        XCTAssertThrowsError(try sym.gradient(of: "w11"))
    }

    func testSubstitutionAndSimplification() throws {
        let sym = try toy().symbolic()
        let substituted = try sym.gradient(of: "w9").substituting(allWeights: "a")
        XCTAssertEqual(substituted.result.description, "a(ax1 + ax2) + a(ax1 + ax2)")
        XCTAssertEqual(substituted.latex, "\\frac{\\partial y}{\\partial w_9} = a(ax_1 + ax_2) + a(ax_1 + ax_2)")
        let simple = substituted.simplified()
        XCTAssertEqual(simple.result.description, "2a²(x1 + x2)")
        XCTAssertEqual(simple.result.latex, "2a^2(x_1 + x_2)")
        XCTAssertEqual(try sym.gradient(of: "w1").substituting(allWeights: "a").simplified().result.description, "2a²x1")
        XCTAssertEqual(try simple.evaluate(["a": 0.5, "x1": 1, "x2": 2]), 1.5)
    }

    func testActivationsAppearAsFunctions() throws {
        let sym = try toy(.tanh).symbolic()
        XCTAssertEqual(sym.equations.first?.description, "y1 = f(w1x1 + w3x2)")
        let w9 = try sym.gradient(of: "w9")
        XCTAssertEqual(w9.steps.first?.description, "f′(w9y3 + w10y4)y3")
        XCTAssertEqual(w9.steps.first?.latex, "f'(w_9y_3 + w_{10}y_4)y_3")
        let mixed = try Network(inputs: 2, layers: [Dense(2, .relu), Dense(1, .sigmoid)], bias: true).symbolic()
        XCTAssertEqual(mixed.equations.map(\.description), ["y1 = f(w1x1 + w3x2 + b1)", "y2 = f(w2x1 + w4x2 + b2)", "y = g(w5y1 + w6y2 + b3)"])
        XCTAssertEqual(try mixed.gradient(of: "b1").steps.first?.description, "g′(w5y1 + w6y2 + b3)w5f′(w1x1 + w3x2 + b1)")
    }

    /// Every symbolic derivative, at every step of its derivation, equals reverse-mode autodiff.
    func testSymbolicDerivativesEqualAutodiffAtRandomPoints() throws {
        var stream = try RandomState(seed: 2024)
        for activation in [Activation.identity, .tanh, .sigmoid, .leakyReLU(0.1)] {
            for bias in [false, true] {
                let net = try toy(activation, bias: bias)
                try net.initialize(.normal(std: 1), seed: UInt32(stream.interval(1000)).hashValue & 0xFFFF)
                for name in net.biasNames { try net.setParameter(name, to: stream.randn()) }
                let input = [stream.randn(), stream.randn()]
                let autodiff = try net.gradients(input: input, loss: .output)
                let sym = try net.symbolic()
                for name in net.parameterNames {
                    let values = try sym.gradient(of: name).values(network: net, input: input)
                    let expected = try autodiff.value(name)
                    for value in values {
                        XCTAssertEqual(value, expected, accuracy: 1e-12 * max(1, abs(expected)), "\(activation) \(name)")
                    }
                }
            }
        }
    }
}
