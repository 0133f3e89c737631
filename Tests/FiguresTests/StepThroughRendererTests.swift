import Outputs
import XCTest
@testable import Figures

/// A step-through diagram: the page shows the last step (script or not) and carries every
/// step's numbers, written as the page writes them, for the page script.
final class StepThroughRendererTests: XCTestCase {
    private func html() -> String {
        var diagram = Display.NetworkDiagram(
            layers: [["x1"], ["y1", "y2"]],
            edges: [.init(source: "x1", target: "y1", weight: "w1", value: 0.25),
                    .init(source: "x1", target: "y2", weight: "w2", value: -0.75)],
            activations: ["identity"], hasBias: false)
        diagram.frames = .init(steps: [0, 1], weights: [[0.5, 0.5], [0.25, -0.75]],
                               gradients: [[2.5, -12.5], [.nan, .nan]], loss: [1, 0.125])
        return FigureRenderer.html(for: .network(diagram), context: FigureContext(idPrefix: "cell1-out1"))
    }

    func testThePageShowsTheLastStep() {
        let page = html()
        XCTAssertTrue(page.hasPrefix(#"<figure class="fig fig-network fig-steps">"#), page)
        XCTAssertTrue(page.contains(#"data-w="0">w₁ 0.25</text>"#), page)
        XCTAssertTrue(page.contains(#"data-w="1">w₂ −0.75</text>"#), page)
        XCTAssertTrue(page.contains(#"<p class="stepper-status">Step 1 of 1 · loss 0.125</p>"#), page)
        XCTAssertTrue(page.contains(#"<p class="stepper-ties">No two weights are equal.</p>"#), page)
        XCTAssertTrue(page.contains(#"<tr><th scope="row">w2</th><td class="num">−0.75</td><td class="num">–</td></tr>"#), page)
        XCTAssertFalse(page.contains("Equal weights:"), "the diagram's own note would show one step only")
    }

    func testTheFramesTravelCompactly() {
        let page = html()
        XCTAssertTrue(page.contains(#"<script type="application/json" class="stepper-data">{"steps":[0,1],"names":["w1","w2"],"values":[".5 .5",".25 -.75"],"gradients":["2.5 -12.5","– –"],"loss":["1 .125"],"ties":["00","01"],"marks":["4,6 316,58"]}</script>"#), page)
        // The loss curve's marker stands at the last step: (316, 58), the lowest loss at the right.
        XCTAssertTrue(page.contains(#"<circle class="stepper-mark" cx="316" cy="58" r="4"/>"#), page)
    }

    func testTieTextNamesTheGroups() {
        XCTAssertEqual(StepThroughRenderer.tieText(names: ["w1", "w2", "w3"], values: ["0.5", "0.5", "0.5"], groups: [0, 0, 0]),
                       "All 3 weights are equal (0.5).")
        XCTAssertEqual(StepThroughRenderer.tieText(names: ["w1", "w2", "w3", "w4"], values: ["1", "2", "1", "2"], groups: [0, 1, 0, 1]),
                       "Equal weights: w1 = w3 (1); w2 = w4 (2).")
        XCTAssertEqual(StepThroughRenderer.groups([0.1, 0.2, 0.1 + 1e-17]), [0, 1, 0])
    }
}
