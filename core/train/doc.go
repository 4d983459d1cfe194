// Package train fits an [nn.MLP] to one-input regression data: it checks a
// [Config], splits the rows into training and validation sets, standardizes
// inputs and targets, and runs epochs of mini-batch steps with an optimizer
// from package optim (or full-batch L-BFGS from gonum's optimize package).
//
// A [Trainer] never blocks for long. [Trainer.Advance] takes a number of
// steps or runs until a deadline, always stopping between batches, so a web
// page can interleave training with drawing: pausing is not calling Advance,
// resuming is calling it again, and cancelling is dropping the Trainer.
//
// The figures follow Keras. The loss of an epoch is the mean of the batch
// losses while the weights change (weighted by batch size, plus the L2
// penalty), in the units the network sees (standardized when scaling is on).
// The validation loss and every [metrics.Report] use the weights at the end
// of the epoch, and the reports are in the original units of the targets.
//
// With Optimizer "lbfgs" the whole training set is one batch and gonum's
// L-BFGS picks the steps (see lbfgs.go); one "epoch" is then 20 L-BFGS
// iterations, each one or more loss evaluations, and every evaluation counts
// as a step. Training ends early when L-BFGS can make no further progress.
//
// A loss that turns NaN or infinite, or a run that collapses without NaN
// (an epoch loss 100 times the first batch loss, or predictions that turn
// constant), stops training, restores the weights from the start of that
// epoch and returns a [DivergedError] that says where it happened and what
// to try.
package train
