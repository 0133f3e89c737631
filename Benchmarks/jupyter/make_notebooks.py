"""Writes the Python/numpy versions of lessons 01 and 03 as Jupyter notebooks (nbformat 4).

The notebooks are the peers of weave's lessons in the course-build benchmark
(Benchmarks/run, section "course build"): the same computations, executed and rendered
by `jupyter nbconvert --execute --to html`. Run `python3 make_notebooks.py` to rewrite them.
"""
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent


def notebook(cells):
    def cell(kind, text):
        lines = text.strip("\n").splitlines(keepends=True)
        if kind == "md":
            return {"cell_type": "markdown", "metadata": {}, "source": lines}
        return {"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [], "source": lines}
    return {
        "cells": [cell(kind, text) for kind, text in cells],
        "metadata": {
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }


SYMMETRY = [
    ("md", r"""
# Why equal weights stay equal

The toy network: inputs $x_1, x_2$, two hidden layers of two linear units, one output $y$,
no biases. The objective is the output itself; gradient descent
$w_{i,n+1} = w_{i,n} - \eta\,\partial y / \partial w_i$ with $x = (1, 2)$ and $\eta = 0.01$.
"""),
    ("code", r"""
import numpy as np
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt

NAMES = [f"w{i}" for i in range(1, 11)]
x = np.array([1.0, 2.0])

def forward(w, x):
    w1, w2, w3, w4, w5, w6, w7, w8, w9, w10 = w
    y1 = w1 * x[0] + w3 * x[1]
    y2 = w2 * x[0] + w4 * x[1]
    y3 = w5 * y1 + w7 * y2
    y4 = w6 * y1 + w8 * y2
    return y1, y2, y3, y4, w9 * y3 + w10 * y4

def backprop(w, x):
    # Reverse mode by hand: dy/dy3 = w9, dy/dy4 = w10, then one layer down.
    w1, w2, w3, w4, w5, w6, w7, w8, w9, w10 = w
    y1, y2, y3, y4, y = forward(w, x)
    d3, d4 = w9, w10
    d1, d2 = d3 * w5 + d4 * w6, d3 * w7 + d4 * w8
    return np.array([d1 * x[0], d2 * x[0], d1 * x[1], d2 * x[1],
                     d3 * y1, d4 * y1, d3 * y2, d4 * y2, y3, y4])
"""),
    ("md", r"""
## The derivatives in the classic form, checked against backpropagation
"""),
    ("code", r"""
def derived(w, x):
    w1, w2, w3, w4, w5, w6, w7, w8, w9, w10 = w
    x1, x2 = x
    return np.array([
        (w9 * w5 + w10 * w6) * x1, (w9 * w7 + w10 * w8) * x1,
        (w9 * w5 + w10 * w6) * x2, (w9 * w7 + w10 * w8) * x2,
        w9 * (w1 * x1 + w3 * x2), w10 * (w1 * x1 + w3 * x2),
        w9 * (w2 * x1 + w4 * x2), w10 * (w2 * x1 + w4 * x2),
        w5 * (w1 * x1 + w3 * x2) + w7 * (w2 * x1 + w4 * x2),
        w6 * (w1 * x1 + w3 * x2) + w8 * (w2 * x1 + w4 * x2)])

probe = np.random.RandomState(7).randn(10)
assert np.max(np.abs(derived(probe, x) - backprop(probe, x))) < 1e-12
a = 0.5
g = backprop(np.full(10, a), x)
assert g[8] == g[9] == 2 * a * a * (x[0] + x[1]) == 1.5
print(dict(zip(NAMES, g)))
"""),
    ("md", r"""
## Watching it happen: 40 steps from a = 0.5
"""),
    ("code", r"""
def train(w, steps, eta=0.01):
    history = [w.copy()]
    with np.errstate(over="ignore", invalid="ignore"):
        for _ in range(steps):
            w = w - eta * backprop(w, x)
            history.append(w.copy())
    return np.array(history)

run = train(np.full(10, 0.5), 40)
steps = [0, 1, 2, 5, 10, 20, 30, 40]
print("weight " + " ".join(f"step {s:>2}" for s in steps))
for i, name in enumerate(NAMES):
    print(f"{name:>6} " + " ".join(f"{run[s, i]:7.4f}" for s in steps))
"""),
    ("code", r"""
fig, ax = plt.subplots(figsize=(7, 4))
for i, name in enumerate(NAMES):
    ax.plot(run[:, i], label=name, linestyle=["-", "--", ":", "-."][i % 4])
ax.set(title="Weights from a constant start", xlabel="step", ylabel="weight")
ax.legend(ncol=5)
plt.show()
"""),
    ("code", r"""
for group in [[0, 1], [2, 3], [4, 5, 6, 7], [8, 9]]:
    assert all((run[:, i] == run[:, group[0]]).all() for i in group)
assert run[10, 0] == 0.45872410739931307
runaway = train(np.full(10, 0.5), 180)
overflow = next(s for s in range(181) if not np.isfinite(runaway[s, 0]))
ys = [forward(w, x)[4] for w in runaway[:101]]
assert ys[0] == 1.5 and ys[50] > 0 and ys[100] < 0
assert abs(runaway[174, 8]) > 1e280 and overflow == 175
"""),
    ("md", r"""
## One weight per layer would do; starting from zero; a random start
"""),
    ("code", r"""
w = run[-1]
for inp in [np.array([1.0, 2.0]), np.array([3.0, -1.0]), np.array([-0.5, 0.25])]:
    y1, y2, y3, y4, y = forward(w, inp)
    assert y1 == y2 and y3 == y4
    narrow = (2 * w[8]) * (2 * w[4]) * (w[0] * inp[0] + w[2] * inp[1])
    assert abs(narrow - y) < 1e-12
zero = train(np.zeros(10), 40)
assert (backprop(np.zeros(10), x) == 0).all() and (zero == 0).all()
"""),
    ("code", r"""
random = train(np.random.RandomState(0).randn(10) * 0.5, 40)
for s in range(41):
    assert len(set(random[s])) == 10
print("weight " + " ".join(f"step {s:>2}" for s in steps))
for i, name in enumerate(NAMES):
    print(f"{name:>6} " + " ".join(f"{random[s, i]:7.4f}" for s in steps))
fig, ax = plt.subplots(figsize=(7, 4))
for i, name in enumerate(NAMES):
    ax.plot(random[:, i], label=name)
ax.set(title="Weights from a random start", xlabel="step", ylabel="weight")
ax.legend(ncol=5)
plt.show()
"""),
]

STATISTICS = [
    ("md", r"""
# How large should the first weights be?

Ten tanh layers of 500 units, no biases, on 1000 samples of randn(500); weights
$0.01\cdot\mathcal{N}(0,1)$, $\mathcal{N}(0,1)$ and Xavier; then ReLU with Xavier and He.
"""),
    ("code", r"""
import numpy as np
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt

X = np.random.RandomState(0).randn(1000, 500)
assert abs(X.mean()) < 0.01 and abs(X.std() - 1) < 0.01

def layers(activation, scale):
    rs = np.random.RandomState(1)
    H, acts = X, []
    for _ in range(10):
        W = rs.randn(500, 500) * scale
        H = activation(H @ W)
        acts.append(H)
    return acts

relu = lambda s: np.maximum(0, s)

def show(acts, title, value_range):
    means, stds = [a.mean() for a in acts], [a.std() for a in acts]
    fig, ax = plt.subplots(figsize=(7, 3))
    ax.plot(range(1, 11), means, label="mean")
    ax.plot(range(1, 11), stds, label="std")
    ax.set(title="Mean and standard deviation by layer", xlabel="layer")
    ax.legend()
    fig, axes = plt.subplots(2, 5, figsize=(12, 5), sharey=True)
    for k, (a, ax) in enumerate(zip(acts, axes.flat)):
        ax.hist(a.ravel(), bins=30, range=value_range)
        ax.set_title(f"layer {k + 1}\nμ {means[k]:.2g} σ {stds[k]:.2g}")
    fig.suptitle(title)
    plt.show()
    return np.array(stds)
"""),
    ("code", r"""
small = layers(np.tanh, 0.01)
s = show(small, "tanh, weights 0.01 · N(0, 1)", (-1, 1))
assert abs(s[1] / s[0] - 0.22) < 0.01 and s[9] < 1e-6
print(s)
"""),
    ("code", r"""
large = layers(np.tanh, 1.0)
l = show(large, "tanh, weights N(0, 1)", (-1, 1))
gate = np.array([1 - (a * a).mean() for a in large])
assert (l > 0.97).all() and (gate < 0.05).all()
print(gate)
"""),
    ("code", r"""
xavier = layers(np.tanh, 1 / np.sqrt(500))
x = show(xavier, "tanh, Xavier weights", (-1, 1))
assert abs(x[0] - 0.63) < 0.01 and abs(x[1] - 0.49) < 0.01
assert ((x > 0.2) & (x < 0.7)).all()
print(x)
"""),
    ("code", r"""
relu_xavier = layers(relu, 1 / np.sqrt(500))
rx = show(relu_xavier, "ReLU, Xavier weights", (0, 2))
relu_he = layers(relu, np.sqrt(2 / 500))
rh = show(relu_he, "ReLU, He weights", (0, 2))
moment = [(a * a).mean() for a in relu_xavier]
assert rx[9] < 0.05 and rx[9] < rx[0] / 20
assert ((rh > 0.6) & (rh < 0.9)).all()
assert all(abs(moment[k] / moment[k - 1] - 0.5) < 0.1 for k in range(1, 10))
print(rx, rh)
"""),
    ("code", r"""
fig, ax = plt.subplots(figsize=(7, 4))
for name, spread in [("tanh, 0.01 · N(0, 1)", s), ("tanh, N(0, 1)", l), ("tanh, Xavier", x),
                     ("ReLU, Xavier", rx), ("ReLU, He", rh)]:
    ax.plot(range(11), [X.std()] + list(spread), label=name)
ax.set(yscale="log", title="Spread of the activations by layer",
       xlabel="layer (0 = the input data)", ylabel="standard deviation")
ax.legend()
plt.show()
"""),
]

if __name__ == "__main__":
    for name, cells in [("01-symmetry.ipynb", SYMMETRY), ("03-activation-statistics.ipynb", STATISTICS)]:
        (HERE / name).write_text(json.dumps(notebook(cells), indent=1, ensure_ascii=False) + "\n")
