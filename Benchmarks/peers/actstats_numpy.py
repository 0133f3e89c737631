"""The activation-statistics notebook of Benchmarks/peers/actstats/ as a numpy script: ten tanh
layers (Xavier) and ten ReLU layers (He) of 500 units over 1000x500 standard normal data,
printing each layer's mean and standard deviation."""
import numpy as np

X = np.random.RandomState(0).randn(1000, 500)
for activation, scale in ((np.tanh, 1.0), (lambda s: np.maximum(s, 0), 2.0)):
    H = X
    for layer in range(10):
        W = np.random.RandomState(1).randn(500, 500) * np.sqrt(scale / 500)
        H = activation(H.dot(W))
        print(layer + 1, H.mean(), H.std())
