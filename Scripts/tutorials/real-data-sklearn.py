#!/usr/bin/env python3
"""A reference for Docs/tutorials/real-data.md: scikit-learn's MLPClassifier on the very split of the
digits that Scripts/tutorials/real-data.nn trains on, with the same recipe where the two libraries
allow it.

Neurite writes the split (stratified 75/25 of the bundled digits.csv, seed 0) to CSV files; this
script standardises them with the training part's statistics (StandardScaler), and trains
MLPClassifier: one hidden layer of 64 relu units, Adam at learning rate 0.001, minibatches of 32,
exactly 30 epochs (tol 0, so no early stop), no L2 penalty (alpha 0), seeds 1-5. What differs:
scikit-learn's weight initialisation (Glorot uniform; Neurite uses He normal before relu) and its
random streams, so no single run matches; compare the spread over seeds.

usage (from the repository's folder; needs numpy and scikit-learn):
    python3 Scripts/tutorials/real-data-sklearn.py [--neurite Scripts/neurite]
"""
import argparse
import os
import subprocess
import sys
import tempfile
import warnings

import numpy as np

SPLIT = ('let raw = split(csv("Sources/NeuriteEngine/Resources/data/digits.csv", label: "digit"), '
         'test: 0.25, stratified: true, seed: 0)\n'
         'export raw.train to "{train}"\n'
         'export raw.test to "{test}"\n')


def read(path):
    data = np.loadtxt(path, delimiter=",", skiprows=1)
    return data[:, :-1], data[:, -1].astype(int)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--neurite", default="Scripts/neurite", help="the neurite command (default: Scripts/neurite)")
    parser.add_argument("--seeds", type=int, default=5, help="seeds 1…N (default 5)")
    args = parser.parse_args()

    from sklearn.exceptions import ConvergenceWarning
    from sklearn.neural_network import MLPClassifier
    from sklearn.preprocessing import StandardScaler
    import sklearn

    with tempfile.TemporaryDirectory() as folder:
        train_path, test_path = os.path.join(folder, "train.csv"), os.path.join(folder, "test.csv")
        subprocess.run([args.neurite, "-e", SPLIT.format(train=train_path, test=test_path)],
                       check=True, stdout=subprocess.DEVNULL)
        x_train, y_train = read(train_path)
        x_test, y_test = read(test_path)

    scaler = StandardScaler().fit(x_train)
    x_train, x_test = scaler.transform(x_train), scaler.transform(x_test)
    print(f"scikit-learn {sklearn.__version__}: train {len(y_train)}, test {len(y_test)}")
    accuracies = []
    for seed in range(1, args.seeds + 1):
        model = MLPClassifier(hidden_layer_sizes=(64,), activation="relu", solver="adam",
                              learning_rate_init=0.001, batch_size=32, max_iter=30, tol=0.0,
                              alpha=0.0, random_state=seed)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)  # 30 epochs, on purpose
            model.fit(x_train, y_train)
        accuracy = model.score(x_test, y_test)
        accuracies.append(accuracy)
        print(f"seed {seed}: {model.n_iter_} epochs, test accuracy {accuracy:.4f}")
    print(f"lowest {min(accuracies):.4f}   mean {np.mean(accuracies):.4f}   highest {max(accuracies):.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
