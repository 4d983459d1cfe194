package train

// Scoring predicts every training and validation row with the current
// weights: once for the initial weights (training rows only), then after
// each epoch. On a big network and many rows one pass takes seconds
// (3.1M weights × 100,000 rows is 6e11 flops), so it runs a chunk of rows
// at a time and [Trainer.Advance] can return between chunks: Pause
// answers within one chunk.

// scoreFlops is about the work of one chunk: 1e8 flops take 5–50 ms with
// the SIMD kernels and about 50 ms with the Go ones. A chunk holds at
// least one block.
const scoreFlops = 1e8

// predictBlock is the number of rows nn's Predict pushes through at once.
// Chunks start on a multiple of it within the training or the validation
// rows, so the chunked predictions equal one call's bit for bit.
const predictBlock = 256

// scorePass is a scoring pass in progress.
type scorePass struct {
	active  bool
	initial bool    // the initial weights' pass: training rows only
	onVal   bool    // the training rows are done; next are the validation rows
	next    int     // the next row of the current row set
	loss    float64 // the epoch loss, for the epoch's figures
}

// beginPass starts scoring: the initial weights, or the end of an epoch
// whose loss is given.
func (t *Trainer) beginPass(initial bool, loss float64) {
	t.pass = scorePass{active: true, initial: initial, loss: loss}
}

// chunkRows returns how many rows one chunk predicts: whole blocks of
// predictBlock rows, as many as fit in scoreFlops (2 flops per weight and
// row), at least one.
func (t *Trainer) chunkRows() int {
	perBlock := float64(2 * len(t.model.Params) * predictBlock)
	return max(1, int(scoreFlops/perBlock)) * predictBlock
}

// scoreChunk predicts the next chunk of rows and, after the last one,
// finishes the pass: the initial measures, or the end of the epoch.
func (t *Trainer) scoreChunk() error {
	p := &t.pass
	r := &t.train
	if p.onVal {
		r = &t.val
	}
	n := min(t.chunkRows(), r.n-p.next)
	t.predictRange(r, p.next, n)
	p.next += n
	if p.next < r.n {
		return nil
	}
	if !p.onVal && !p.initial && t.val.n > 0 {
		p.onVal, p.next = true, 0
		return nil
	}
	p.active = false
	if p.initial {
		t.measureStart()
		return nil
	}
	return t.endEpoch(p.loss)
}

// predictRange fills rows first to first+n of r.pred32 and r.pred with the
// current weights.
func (t *Trainer) predictRange(r *rowSet, first, n int) {
	if n <= 0 {
		return
	}
	in := t.inputs
	t.model.Predict(r.pred32[first:first+n], r.x[first*in:(first+n)*in], n)
	for i := first; i < first+n; i++ {
		r.pred[i] = t.yScale.Invert(float64(r.pred32[i]))
	}
}
