package export

import "strings"

// writeScript writes the Keras script of v. The text comes in parts: the
// fixed ones below hold {{Name}} placeholders, replaced from v, and the
// parts that depend on a setting (CSV or formula data, features, split,
// schedule) are chosen here. Every setting becomes a named constant, so a
// reader can change one and run again. (text/template would read better,
// but its reflection keeps the linker from dropping unused methods and
// more than doubles the WebAssembly binary.)
func writeScript(b *strings.Builder, v kerasData) {
	r := strings.NewReplacer(
		"{{Fragment}}", v.Fragment, "{{DataSeed}}", v.DataSeed, "{{TrainSeed}}", v.TrainSeed,
		"{{CSVName}}", v.CSVName, "{{XCol}}", v.XCol, "{{YCol}}", v.YCol,
		"{{N}}", v.N, "{{Noise}}", v.Noise, "{{XMin}}", v.XMin, "{{XMax}}", v.XMax,
		"{{FormulaText}}", v.FormulaText, "{{Formula}}", v.Formula, "{{Period}}", v.Period,
		"{{ValFraction}}", v.ValFraction, "{{ScaleX}}", v.ScaleX, "{{ScaleY}}", v.ScaleY,
		"{{Output}}", v.Output, "{{Dropout}}", v.Dropout, "{{L2}}", v.L2,
		"{{InitName}}", v.InitName, "{{Init}}", v.Init, "{{LR}}", v.LR,
		"{{BatchSize}}", v.BatchSize, "{{Epochs}}", v.Epochs, "{{Patience}}", v.Patience,
		"{{RestoreBest}}", v.RestoreBest, "{{Optimizer}}", v.Optimizer, "{{Loss}}", v.Loss,
		"{{Schedule}}", v.Schedule, "{{Monitor}}", v.Monitor, "{{Hidden}}", hiddenList(v.Hidden),
		"{{Inputs}}", featureNames(v), "{{Pandas}}", pick(v.CSV, " pandas", ""),
		"{{Split}}", pick(v.CSV, " split", ""),
	)
	w := func(parts ...string) {
		for _, p := range parts {
			b.WriteString(r.Replace(p))
		}
	}

	w(scriptHeader, pick(v.CSV, "import pandas as pd\n", ""), scriptSeeds)
	if v.CSV {
		w(scriptCSV)
	} else {
		w(scriptSampling)
		for _, h := range v.Helpers {
			w("\n\n", h)
		}
		w(scriptFormula)
	}
	w(scriptFeaturesStart)
	if v.Square {
		w("    columns.append(x**2)\n")
	}
	if v.Cube {
		w("    columns.append(x**3)\n")
	}
	if v.Period != "" {
		w(scriptPeriod)
	}
	w(scriptSplit, pick(v.RandomSplit, scriptRandomSplit, scriptLastSplit), scriptModel)
	if v.OptimizerNote != "" {
		w("# " + v.OptimizerNote + "\n")
	}
	w(scriptCompile)
	if v.Schedule != "" {
		w(scriptSchedule)
	}
	w(scriptFit)
}

// pick returns a when c holds, b otherwise.
func pick(c bool, a, b string) string {
	if c {
		return a
	}
	return b
}

// hiddenList writes the hidden layers as a Python list of (units,
// activation) pairs.
func hiddenList(layers []kerasLayer) string {
	parts := make([]string, len(layers))
	for i, l := range layers {
		parts[i] = "(" + l.Units + ", " + l.Activation + ")"
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// featureNames lists the network's inputs for the features docstring.
func featureNames(v kerasData) string {
	s := "x"
	if v.Square {
		s += ", x²"
	}
	if v.Cube {
		s += ", x³"
	}
	if v.Period != "" {
		s += ", sin and cos of 2πx/PERIOD"
	}
	return s
}

const scriptHeader = `#!/usr/bin/env python3
# Repeat a netfit run with Keras 3.
#
# netfit settings (the URL fragment of the run):
#   #{{Fragment}}
#
# Install: pip install keras tensorflow scikit-learn matplotlib{{Pandas}}
# Run:     python3 this_file.py
#
# NumPy and Keras draw their own random numbers, so the data{{Split}}, the initial
# weights and the batch order are other draws from the same distributions as
# netfit's: expect similar, not identical, numbers.
import functools

import keras
import matplotlib.pyplot as plt
import numpy as np
`

const scriptSeeds = `from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from sklearn.preprocessing import StandardScaler

DATA_SEED = {{DataSeed}}
TRAIN_SEED = {{TrainSeed}}
keras.utils.set_random_seed(TRAIN_SEED)

# ---- Data ----
`

const scriptCSV = `CSV_FILE = {{CSVName}}
table = pd.read_csv(CSV_FILE, sep=None, engine="python")  # sniffs , ; or tab
X_COLUMN, Y_COLUMN = {{XCol}}, {{YCol}}
x = pd.to_numeric(table[X_COLUMN], errors="coerce").to_numpy(dtype=float)
y = pd.to_numeric(table[Y_COLUMN], errors="coerce").to_numpy(dtype=float)
keep = np.isfinite(x) & np.isfinite(y)  # netfit skips rows without two numbers
x, y = x[keep], y[keep]
N = len(x)
`

const scriptSampling = `N = {{N}}  # samples
NOISE = {{Noise}}  # standard deviation of the normal noise added to y
X_MIN, X_MAX = {{XMin}}, {{XMax}}  # x is drawn uniformly from [X_MIN, X_MAX]
`

const scriptFormula = `

def f(x):
    """The noiseless target, netfit's formula {{FormulaText}}"""
    return {{Formula}}


rng = np.random.default_rng(DATA_SEED)
x = rng.uniform(X_MIN, X_MAX, N)
y = f(x) + rng.normal(0.0, NOISE, N)
`

const scriptFeaturesStart = `

def features(x):
    """The network's inputs: {{Inputs}}."""
    columns = [x]
`

const scriptPeriod = `    PERIOD = {{Period}}
    columns += [np.sin(2 * np.pi * x / PERIOD), np.cos(2 * np.pi * x / PERIOD)]
`

const scriptSplit = `    return np.column_stack(columns)


X = features(x)

# ---- Validation split ----
VALIDATION_SPLIT = {{ValFraction}}
n_train = int(N * (1 - VALIDATION_SPLIT))  # Keras' rule for validation_split
`

const scriptRandomSplit = `order = np.random.default_rng(TRAIN_SEED).permutation(N)  # "random": shuffle, then split
`

const scriptLastSplit = `order = np.arange(N)  # "last": the last rows as given, like Keras' validation_split
`

const scriptModel = `train_rows, val_rows = order[:n_train], order[n_train:]

# ---- Scaling, fitted on the training rows only ----
SCALE_X, SCALE_Y = {{ScaleX}}, {{ScaleY}}
x_scaler = StandardScaler().fit(X[train_rows]) if SCALE_X else None
y_scaler = StandardScaler().fit(y[train_rows, None]) if SCALE_Y else None


def scale_x(X):
    return x_scaler.transform(X) if SCALE_X else X


def scale_y(y):
    return y_scaler.transform(y[:, None]).ravel() if SCALE_Y else y


def unscale_y(out):
    out = np.asarray(out).reshape(-1, 1)
    return (y_scaler.inverse_transform(out) if SCALE_Y else out).ravel()


# ---- Model ----
HIDDEN = {{Hidden}}  # (units, activation) per hidden layer
OUTPUT_ACTIVATION = {{Output}}
DROPOUT = {{Dropout}}  # rate after each hidden layer, training only
L2 = {{L2}}  # loss += L2 · Σ w² over the kernels


def initializer():
    """netfit's "{{InitName}}" kernel initializer; biases start at zero."""
    return {{Init}}


def dense(units, activation):
    return keras.layers.Dense(units, activation=activation, kernel_initializer=initializer(),
                              kernel_regularizer=keras.regularizers.L2(L2) if L2 else None)


model = keras.Sequential([keras.Input(shape=(X.shape[1],))])
for units, activation in HIDDEN:
    model.add(dense(units, activation))
    if DROPOUT:
        model.add(keras.layers.Dropout(DROPOUT))
model.add(dense(1, OUTPUT_ACTIVATION))

# ---- Training ----
LEARNING_RATE = {{LR}}
BATCH_SIZE = {{BatchSize}}
EPOCHS = {{Epochs}}
PATIENCE = {{Patience}}  # early stopping; 0 = off
RESTORE_BEST = {{RestoreBest}}
`

const scriptCompile = `optimizer = {{Optimizer}}
model.compile(optimizer=optimizer, loss={{Loss}})
model.summary()

callbacks = []
`

const scriptSchedule = `SCHEDULE = "{{Schedule}}"


def schedule(epoch, lr):
    """netfit's learning-rate schedules, applied at the start of each epoch."""
    if SCHEDULE == "step":  # halve every quarter of the run
        return LEARNING_RATE * 0.5 ** (epoch // max(1, EPOCHS // 4))
    if SCHEDULE == "exp":  # 1% of the start after EPOCHS epochs
        return LEARNING_RATE * 0.01 ** (epoch / EPOCHS)
    return LEARNING_RATE * 0.5 * (1 + np.cos(np.pi * epoch / EPOCHS))  # cosine


callbacks.append(keras.callbacks.LearningRateScheduler(schedule))
`

const scriptFit = `if PATIENCE or RESTORE_BEST:
    callbacks.append(keras.callbacks.EarlyStopping(
        monitor={{Monitor}}, patience=PATIENCE or EPOCHS, restore_best_weights=RESTORE_BEST))

validation = (scale_x(X[val_rows]), scale_y(y[val_rows])) if len(val_rows) else None
history = model.fit(scale_x(X[train_rows]), scale_y(y[train_rows]), validation_data=validation,
                    batch_size=BATCH_SIZE, epochs=EPOCHS, shuffle=True, callbacks=callbacks,
                    verbose=2)


# ---- Metrics, in the original units of y ----
def predict(X):
    return unscale_y(model.predict(scale_x(X), verbose=0))


for name, rows in (("training", train_rows), ("validation", val_rows)):
    if len(rows) < 2:
        continue
    pred = predict(X[rows])
    mse = mean_squared_error(y[rows], pred)
    print(f"{name:10s}  R² {r2_score(y[rows], pred):.4f}  MSE {mse:.4g}  "
          f"RMSE {np.sqrt(mse):.4g}  MAE {mean_absolute_error(y[rows], pred):.4g}")

# ---- The two charts ----
pad = 0.1 * (x.max() - x.min())
grid = np.linspace(x.min() - pad, x.max() + pad, 300)
fig, (data_ax, loss_ax) = plt.subplots(1, 2, figsize=(12, 4.5))
data_ax.scatter(x[train_rows], y[train_rows], s=6, alpha=0.5, label="training")
if len(val_rows):
    data_ax.scatter(x[val_rows], y[val_rows], s=6, alpha=0.5, label="validation")
data_ax.plot(grid, predict(features(grid)), color="C3", label="prediction")
data_ax.set_xlabel("x")
data_ax.set_ylabel("y")
data_ax.legend()
loss_ax.plot(history.history["loss"], label="loss")
if "val_loss" in history.history:
    loss_ax.plot(history.history["val_loss"], label="validation loss")
loss_ax.set_yscale("log")
loss_ax.set_xlabel("epoch")
loss_ax.legend()
fig.tight_layout()
fig.savefig("netfit_run.png", dpi=150)
plt.show()
`
