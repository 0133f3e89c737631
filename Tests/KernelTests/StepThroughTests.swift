import Engine
import Outputs
import XCTest
@testable import Kernel

/// `stepThrough(net, run)`: the run's every step (weights, gradients, loss) on the network's
/// diagram, whose edges hold the last step.
final class StepThroughTests: XCTestCase {
    private func run(_ source: String) -> CellRun {
        Session().run(CellCode(source: source, firstLine: 1, columnOffset: 0))
    }

    func testFramesHoldEveryStepOfTheRun() throws {
        let result = run("""
        let net = Network(inputs: 2, layers: [2, 1], activation: .identity, bias: false)
        net.initialize(.constant(0.5))
        let run = net.train(inputs: [[1.0, 2.0]], loss: .output, learningRate: 0.1, steps: 3, recordGradients: true)
        stepThrough(net, run)
        """)
        XCTAssertNil(result.error)
        guard case let .display(.network(diagram))? = result.outputs.last, let frames = diagram.frames else {
            return XCTFail("\(result.outputs)")
        }
        // The same run in the engine: the frames are its weights, gradients and loss, step by step.
        let network = try Network(inputs: 2, layers: [2, 1], activation: .identity, bias: false)
        try network.initialize(.constant(0.5))
        let expected = try network.train(inputs: [[1.0, 2.0]], loss: .output, learningRate: 0.1, steps: 3, recordGradients: true)
        XCTAssertEqual(frames.steps, [0, 1, 2, 3])
        XCTAssertEqual(diagram.edges.map(\.weight), ["w1", "w2", "w3", "w4", "w5", "w6"])
        XCTAssertEqual(frames.weights, try (0...3).map { try expected.weights(at: $0).values })
        XCTAssertEqual(frames.loss, expected.loss)
        let gradients = try XCTUnwrap(frames.gradients)
        XCTAssertEqual(Array(gradients.prefix(3)), try (0..<3).map { try Array(expected.gradients(at: $0).values.prefix(6)) })
        XCTAssertTrue(gradients[3].allSatisfy(\.isNaN), "the last step has no gradient")
        XCTAssertEqual(diagram.edges.map(\.value), frames.weights[3], "the diagram shows the last step")
        // At the start all six weights are 0.5: w1 = w2 and so on at every step.
        XCTAssertEqual(frames.weights[0], Array(repeating: 0.5, count: 6))
    }

    func testALongRunKeepsEvenlySpacedSteps() throws {
        let result = run("""
        let net = Network(inputs: 1, layers: [1], activation: .identity, bias: false)
        let run = net.train(inputs: [[1.0]], loss: .output, learningRate: 0.001, steps: 1000)
        stepThrough(net, run)
        """)
        guard case let .display(.network(diagram))? = result.outputs.last, let frames = diagram.frames else {
            return XCTFail("\(result.outputs)")
        }
        XCTAssertEqual(frames.steps.count, 201)
        XCTAssertEqual(Array(frames.steps.prefix(3)), [0, 5, 10])
        XCTAssertEqual(frames.steps.last, 1000)
        XCTAssertNil(frames.gradients)
    }

    func testMisuseIsAnErrorThatSaysWhy() {
        let cases = [
            ("let net = Network(inputs: 1, layers: [1])\n"
                + "let run = net.train(inputs: [[1.0]], loss: .output, learningRate: 0.1, steps: 1)\nstepThrough(net, run, table: \"weights\")",
             "stepThrough: table: names a table by its label, 'tbl-…', not 'weights'"),
            ("let a = Network(inputs: 2, layers: [2, 1])\nlet b = Network(inputs: 3, layers: [1])\n"
                + "let run = b.train(inputs: [[1.0, 2.0, 3.0]], loss: .output, learningRate: 0.1, steps: 1)\nstepThrough(a, run)",
             "stepThrough: the run did not train this network"),
            ("let net = Network(inputs: 2, layers: [2, 1])\n"
                + "let run = net.train(inputs: [[1.0, 2.0]], loss: .output, learningRate: 0.1, steps: 1, recordWeights: false)\nstepThrough(net, run)",
             "stepThrough: this run kept only its last state; train with recordWeights: true"),
            ("let net = Network(inputs: 10, layers: [10, 1])\n"
                + "let run = net.train(inputs: [Array(repeating: 1.0, count: 10)], loss: .output, learningRate: 0.1, steps: 1)\nstepThrough(net, run)",
             "stepThrough: the network has more than 64 weights, too many to draw one by one"),
        ]
        for (source, message) in cases {
            let result = run(source)
            XCTAssertTrue(result.error?.message.hasPrefix(message) ?? false, "\(result.error?.message ?? "no error") for\n\(source)")
        }
    }

    func testAClaimsLabelIsALiteralStartingWithClm() throws {
        let labelled = run("expect(1 + 1 == 2, \"adds up\", label: \"clm-sum\")")
        XCTAssertEqual(labelled.outputs.count, 1)
        guard case let .expectation(claim)? = labelled.outputs.first else { return XCTFail("\(labelled.outputs)") }
        XCTAssertEqual(claim.label, "clm-sum")
        XCTAssertTrue(claim.passed)
        XCTAssertEqual(run("let l = \"clm-x\"\nexpect(true, \"x\", label: l)").error?.message,
                       "expect's label must be written as a string literal, like label: \"clm-ties\"")
        XCTAssertEqual(run("expect(true, \"x\", label: \"fig-x\")").error?.message, "a claim's label starts with 'clm-', not 'fig-x'")
    }
}
