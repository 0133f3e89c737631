import XCTest
@testable import Kernel
