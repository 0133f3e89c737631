"""Millions of standard normal draws per second from numpy's legacy RandomState (the stream
weave reproduces bit for bit), in blocks of 500,000: the peer of `EngineBench randn`."""
import time

import numpy as np

best = float("inf")
for _ in range(5):
    stream = np.random.RandomState(0)
    start = time.perf_counter()
    for _ in range(10):
        stream.randn(500_000)
    best = min(best, time.perf_counter() - start)
print(5.0 / best)
