"""The toy network (2-2-2-1, identity, objective = output, eta = 1e-4) with micrograd.

Prints training steps per second for 10,000 full steps (build the graph, backward, update).
"""
import time

from micrograd.engine import Value

STEPS = 10_000


def train():
    w = [Value(0.5) for _ in range(10)]
    x1, x2 = 1.0, 2.0
    for _ in range(STEPS):
        y1 = w[0] * x1 + w[2] * x2
        y2 = w[1] * x1 + w[3] * x2
        y3 = w[4] * y1 + w[6] * y2
        y4 = w[5] * y1 + w[7] * y2
        y = w[8] * y3 + w[9] * y4
        for p in w:
            p.grad = 0.0
        y.backward()
        for p in w:
            p.data -= 1e-4 * p.grad
    return w


start = time.perf_counter()
train()
print(STEPS / (time.perf_counter() - start))
