package view

import (
	"netfit/core/data"
	"netfit/core/train"
)

// Rows returns the indices of the training rows and the validation rows
// that [train.New] uses for n rows under c, so the page can colour the
// points without asking the trainer. It repeats the trainer's split: the
// first use of the generator seeded with c.Seed (TestRowsMatchTrainer
// checks the two agree).
func Rows(n int, c train.Config) (trainRows, valRows []int) {
	return data.Split(n, c.ValFraction, c.Split, data.NewRand(c.Seed))
}
