package kernel

import "sync"

// Block sizes of the Go kernels. A packed block of B holds blockK×blockN
// values (256 KiB), small enough for the L2 cache of any recent CPU; a packed
// 4-row panel of A holds 4×blockK values (4 KiB) and stays in L1.
const (
	blockK = 256
	blockN = 256
	tile   = 4 // the micro-kernel computes a tile×tile block of C
)

// workspace is the packing buffer of one running product.
type workspace struct {
	a [tile * blockK]float32
	b [blockK * blockN]float32
}

// shared is the workspace used by the call that holds sharedMu. A call that
// finds it busy (concurrent use) takes one from spare instead, so the kernels
// are safe for concurrent use and allocate nothing when used from one
// goroutine at a time, the case that matters in the browser.
var (
	shared   workspace
	sharedMu sync.Mutex
	spare    = sync.Pool{New: func() any { return new(workspace) }}
)

// goKernels is the type of [Go].
type goKernels struct{}

func (goKernels) Name() string { return "go" }

// MatMul computes C (+)= A·B with A(i,p) = a[i·k+p] and B(p,j) = b[p·n+j].
func (goKernels) MatMul(c, a, b []float32, m, k, n int, acc bool) {
	checkShape("MatMul", c, a, b, m, k, n)
	gemm(c, m, k, n, a, k, 1, b, n, 1, acc)
}

// MatMulBT computes C (+)= A·Bᵀ with A(i,p) = a[i·k+p] and Bᵀ(p,j) = b[j·k+p].
func (goKernels) MatMulBT(c, a, b []float32, m, k, n int, acc bool) {
	checkShape("MatMulBT", c, a, b, m, k, n)
	gemm(c, m, k, n, a, k, 1, b, 1, k, acc)
}

// MatMulAT computes C (+)= Aᵀ·B with Aᵀ(i,p) = a[p·m+i] and B(p,j) = b[p·n+j].
func (goKernels) MatMulAT(c, a, b []float32, m, k, n int, acc bool) {
	checkShape("MatMulAT", c, a, b, m, k, n)
	gemm(c, m, k, n, a, 1, m, b, n, 1, acc)
}

// gemm computes C (+)= op(A)·op(B) for an m×k matrix op(A) with element
// (i,p) at a[i·ars+p·aps] and a k×n matrix op(B) with element (p,j) at
// b[p·bps+j·bjs]. C is m×n with row stride n.
func gemm(c []float32, m, k, n int, a []float32, ars, aps int,
	b []float32, bps, bjs int, acc bool) {
	if m == 0 || n == 0 {
		return
	}
	if k == 0 {
		if !acc {
			clear(c[:m*n])
		}
		return
	}

	ws := &shared
	if sharedMu.TryLock() {
		defer sharedMu.Unlock()
	} else {
		ws = spare.Get().(*workspace)
		defer spare.Put(ws)
	}

	// Loop order of Goto & van de Geijn (2008), Fig. 8: a block of B
	// (kc×nc) is packed once and reused by every 4-row panel of A.
	for j0 := 0; j0 < n; j0 += blockN {
		nc := min(blockN, n-j0)
		for p0 := 0; p0 < k; p0 += blockK {
			kc := min(blockK, k-p0)
			kp := kc + kc&1      // panels have an even length, see micro
			add := acc || p0 > 0 // later blocks of k add to the first one
			for jr := 0; jr < nc; jr += tile {
				w := min(tile, nc-jr)
				pack(ws.b[jr*kp:(jr+tile)*kp], b, j0+jr, w, bjs, p0, kc, bps)
			}
			for i0 := 0; i0 < m; i0 += tile {
				h := min(tile, m-i0)
				pack(ws.a[:tile*kp], a, i0, h, ars, p0, kc, aps)
				blockRow(c[i0*n+j0:], n, h, nc, kp, ws.a[:tile*kp], ws.b[:], add)
			}
		}
	}
}

// blockRow multiplies one packed h×kc panel of A by the packed kc×nc block of
// B and stores the h×nc result at c (row stride ldc), adding to it if add.
// kc is even (padded).
func blockRow(c []float32, ldc, h, nc, kc int, ap, bp []float32, add bool) {
	var t [tile * tile]float32
	for jr := 0; jr < nc; jr += tile {
		w := min(tile, nc-jr)
		panel := bp[jr*kc : (jr+tile)*kc]
		if h == tile && w == tile {
			micro(c[jr:], ldc, kc, ap, panel, add)
			continue
		}

		// Edge tile: compute all 4×4 into t, keep the h×w corner.
		micro(t[:], tile, kc, ap, panel, false)
		for i := range h {
			row := c[i*ldc+jr : i*ldc+jr+w]
			for j := range row {
				if add {
					row[j] += t[i*tile+j]
				} else {
					row[j] = t[i*tile+j]
				}
			}
		}
	}
}

// pack copies the w×kc block with element (q,p) at src[(q0+q)·qs+(p0+p)·ps]
// into dst as dst[p·4+q], p-major, so the micro-kernel reads it in order.
// Rows q ≥ w are filled with zeros, and so is the rest of dst after the kc
// steps (the padding step of an odd kc).
func pack(dst, src []float32, q0, w, qs, p0, kc, ps int) {
	clear(dst[tile*kc:])
	dst = dst[:tile*kc]
	if w < tile {
		clear(dst)
	}
	switch {
	case ps == 1: // each q is a contiguous row in p: transpose while copying
		for q := range w {
			row := src[(q0+q)*qs+p0:]
			row = row[:kc]
			d := dst[q:]
			for p, v := range row {
				d[p*tile] = v
			}
		}
	case qs == 1 && w == tile: // each p holds 4 contiguous values
		for p := range kc {
			s := src[(p0+p)*ps+q0:]
			s = s[:tile]
			d := dst[p*tile : p*tile+tile]
			d[0], d[1], d[2], d[3] = s[0], s[1], s[2], s[3]
		}
	default:
		for p := range kc {
			for q := range w {
				dst[p*tile+q] = src[(q0+q)*qs+(p0+p)*ps]
			}
		}
	}
}
