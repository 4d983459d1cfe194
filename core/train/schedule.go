package train

import "math"

// scheduledRate returns the learning rate for epoch e (0-based) of a run of
// n epochs that starts at lr. Keras applies such schedules per epoch with
// its LearningRateScheduler callback; so do we.
//
//	constant: lr
//	step:     lr · 0.5^⌊e / max(1, ⌊n/4⌋)⌋          (halve every quarter of the run)
//	exp:      lr · 0.01^(e / n)                      (1% of lr after n epochs)
//	cosine:   lr · ½(1 + cos(π e / n))               (Loshchilov & Hutter, 2017, eq. 5, one cycle)
func scheduledRate(schedule string, lr float64, e, n int) float64 {
	n = max(n, 1)
	switch schedule {
	case ScheduleStep:
		return lr * math.Pow(0.5, float64(e/max(1, n/4)))
	case ScheduleExp:
		return lr * math.Pow(0.01, float64(e)/float64(n))
	case ScheduleCosine:
		return lr * 0.5 * (1 + math.Cos(math.Pi*float64(e)/float64(n)))
	}
	return lr
}
