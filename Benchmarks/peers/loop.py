"""The interpreter benchmark's peer: the same loop as Benchmarks/KernelBench in CPython.

Prints iterations per second (best of five runs)."""
import time

ITERATIONS = 1_000_000


def run():
    xs = []
    total = 0
    for i in range(ITERATIONS):
        total = (total + i * 3) % 1000003
        xs.append(total)
    return xs


best = float("inf")
for _ in range(5):
    start = time.perf_counter()
    run()
    best = min(best, time.perf_counter() - start)
print(round(ITERATIONS / best))
