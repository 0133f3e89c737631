import XCTest
@testable import Figures
