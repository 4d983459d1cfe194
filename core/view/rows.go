package view

import "netfit/core/train"

// Rows returns the indices of the training rows and the validation rows
// that [train.New] uses for n rows under c, so the page can colour the
// points without asking the trainer. It calls [train.SplitRows], the split
// the trainer itself makes (TestRowsMatchTrainer checks the two agree).
func Rows(n int, c train.Config) (trainRows, valRows []int) {
	return train.SplitRows(n, c)
}
