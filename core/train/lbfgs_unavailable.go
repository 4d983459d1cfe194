//go:build !gonumopt

package train

// lbfgsAvailable reports whether this build includes L-BFGS. It needs
// gonum.org/v1/gonum/optimize, whose CMA-ES file imports
// golang.org/x/tools/container/intsets through stat/distmv; until go.mod and
// go.sum list golang.org/x/tools, L-BFGS is built only with -tags gonumopt.
const lbfgsAvailable = false

// BUG(train): The "lbfgs" optimizer is refused by Config.Validate unless
// the package is built with -tags gonumopt, because go.sum lacks the
// golang.org/x/tools entry that gonum/optimize needs.

// lbfgsItersPerEpoch matches lbfgs.go.
const lbfgsItersPerEpoch = 20

// lbfgsRun is never created in this build: Validate refuses "lbfgs".
type lbfgsRun struct {
	acceptedF float64
	converged bool
}

func newLBFGSRun(int) *lbfgsRun { panic("train: L-BFGS is not in this build") }

func (r *lbfgsRun) startEpoch()               {}
func (r *lbfgsRun) reset([]float32)           {}
func (r *lbfgsRun) restoreAccepted([]float32) {}

func (t *Trainer) lbfgsStep() (bool, error) { panic("train: L-BFGS is not in this build") }
