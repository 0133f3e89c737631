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
plt.close('all')
grid = np.stack(np.meshgrid(np.linspace(-1.5, 1.5, 200), np.linspace(-1.5, 1.5, 200)), axis=-1).reshape(-1, 2)
fig, axes = plt.subplots(1, 4, figsize=(12, 3))
for ax, (name, (params, _)) in zip(axes, runs.items()):
    ax.imshow(forward(params, grid)[-1].reshape(200, 200), origin="lower")
    ax.set_title(name)
plt.close('all')
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
plt.close('all')
