"""Writes the Python/numpy versions of lessons 01, 03 and 04 as Jupyter notebooks (nbformat 4),
and lesson 04's also as a plain script (04-initializers-compared.py) for `python` alone.

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

INITIALIZERS = [
    ("md", r"""
# Four starts, one network

The same training as weave's lesson 04, in numpy: a 2-6-3-1 network (ReLU, ReLU, sigmoid) on
300 points of two rings, full-batch gradient descent on the cross-entropy for 3000 steps from
four weight scales; decision regions; then the spiral (300 points, 3 classes) with a linear
softmax (200 steps), a 2-100-3 network (2000 steps) and two 2-100×4-3 networks (300 steps).
"""),
    ("code", r"""
import numpy as np
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt

def circles(n, noise, seed):
    rs = np.random.RandomState(seed)
    angle = rs.rand(n) * 2 * np.pi
    radius = np.where(np.arange(n) % 2 == 0, 1.0, 0.5)
    X = np.c_[radius * np.cos(angle), radius * np.sin(angle)] + noise * rs.randn(n, 2)
    return X, (np.arange(n) % 2 == 0).astype(float)

def spiral(per_class, classes, seed):
    rs = np.random.RandomState(seed)
    X, y = np.zeros((per_class * classes, 2)), np.zeros(per_class * classes, dtype=int)
    for c in range(classes):
        i = range(per_class * c, per_class * (c + 1))
        r = np.linspace(0.0, 1, per_class)
        t = np.linspace(c * 4, (c + 1) * 4, per_class) + rs.randn(per_class) * 0.2
        X[i] = np.c_[r * np.sin(t), r * np.cos(t)]
        y[i] = c
    return X, y

def init(sizes, scale, seed):
    rs = np.random.RandomState(seed)
    return [(rs.randn(a, b) * scale(a), np.zeros(b)) for a, b in zip(sizes[:-1], sizes[1:])]

def forward(params, X, hidden=lambda s: np.maximum(s, 0)):
    acts = [X]
    for i, (W, b) in enumerate(params):
        s = acts[-1] @ W + b
        acts.append(s if i == len(params) - 1 else hidden(s))
    return acts

def train(params, X, target, steps, rate, loss, l2=0.0):
    history = []
    for _ in range(steps):
        acts = forward(params, X)
        out = acts[-1]
        if loss == "bce":
            p = 1 / (1 + np.exp(-out[:, 0]))
            history.append(-np.mean(target * np.log(p + 1e-12) + (1 - target) * np.log(1 - p + 1e-12)))
            grad = ((p - target) / len(X))[:, None]
        else:
            e = np.exp(out - out.max(axis=1, keepdims=True))
            p = e / e.sum(axis=1, keepdims=True)
            history.append(-np.mean(np.log(p[np.arange(len(X)), target])) + 0.5 * l2 * sum((W * W).sum() for W, _ in params))
            p[np.arange(len(X)), target] -= 1
            grad = p / len(X)
        for i in reversed(range(len(params))):
            W, b = params[i]
            dW, db = acts[i].T @ grad + l2 * W, grad.sum(axis=0)
            if i > 0:
                grad = (grad @ W.T) * (acts[i] > 0)
            params[i] = (W - rate * dW, b - rate * db)
    return params, history
"""),
    ("code", r"""
X, y = circles(300, 0.05, 0)
runs = {}
for name, m in [("zero", 0.0), ("too small", 0.01), ("appropriate", 1.0), ("too large", 100.0)]:
    params = init([2, 6, 3, 1], lambda n: np.sqrt(m / n), 1)
    runs[name] = train(params, X, y, 3000, 0.1, "bce")
fig, ax = plt.subplots(figsize=(7, 4))
for name, (_, history) in runs.items():
    ax.plot(history, label=name)
ax.set(yscale="log", title="Training from four starts", xlabel="step", ylabel="cross-entropy")
ax.legend()
plt.show()
"""),
    ("code", r"""
grid = np.stack(np.meshgrid(np.linspace(-1.5, 1.5, 200), np.linspace(-1.5, 1.5, 200)), axis=-1).reshape(-1, 2)
fig, axes = plt.subplots(1, 4, figsize=(12, 3))
for ax, (name, (params, _)) in zip(axes, runs.items()):
    ax.imshow(forward(params, grid)[-1].reshape(200, 200), origin="lower")
    ax.set_title(name)
plt.show()
"""),
    ("code", r"""
S, labels = spiral(100, 3, 0)
linear, linear_loss = train(init([2, 3], lambda n: 0.01, 0), S, labels, 200, 1.0, "ce", 1e-3)
two, two_loss = train(init([2, 100, 3], lambda n: 0.01, 0), S, labels, 2000, 1.0, "ce", 1e-3)
deep_small, _ = train(init([2, 100, 100, 100, 100, 3], lambda n: 0.01, 0), S, labels, 300, 0.1, "ce", 1e-3)
deep_he, _ = train(init([2, 100, 100, 100, 100, 3], lambda n: np.sqrt(2 / n), 0), S, labels, 300, 0.1, "ce", 1e-3)
for params in (linear, two):
    print((forward(params, S)[-1].argmax(axis=1) == labels).mean())
fig, axes = plt.subplots(1, 2, figsize=(8, 4))
for ax, params in zip(axes, (linear, two)):
    ax.imshow(forward(params, grid)[-1].argmax(axis=1).reshape(200, 200), origin="lower")
plt.show()
"""),
]

if __name__ == "__main__":
    for name, cells in [("01-symmetry.ipynb", SYMMETRY), ("03-activation-statistics.ipynb", STATISTICS),
                        ("04-initializers-compared.ipynb", INITIALIZERS)]:
        (HERE / name).write_text(json.dumps(notebook(cells), indent=1, ensure_ascii=False) + "\n")
    script = "\n".join(text.strip("\n") for kind, text in INITIALIZERS if kind == "code")
    (HERE / "04-initializers-compared.py").write_text(script.replace("plt.show()", "plt.close('all')") + "\n")
