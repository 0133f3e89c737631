"""cs231n's activation statistics forward pass: 10 x tanh(H.W), H 1000x500, W 500x500 (Xavier).

Prints the seconds of one pass, the best of seven; with `gemm`, the GFLOP/s of one product instead.
"""
import sys
import time

import numpy as np

rs = np.random.RandomState(0)
X = rs.randn(1000, 500)
weights = [np.random.RandomState(1).randn(500, 500) / np.sqrt(500) for _ in range(10)]

if len(sys.argv) > 1 and sys.argv[1] == "gemm":
    B = weights[0]
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for _ in range(20):
            X.dot(B)
        best = min(best, time.perf_counter() - start)
    print(2.0 * 1000 * 500 * 500 * 20 / best / 1e9)
else:
    best = float("inf")
    for _ in range(7):
        start = time.perf_counter()
        H = X
        for W in weights:
            H = np.tanh(H.dot(W))
        best = min(best, time.perf_counter() - start)
    print(best)
