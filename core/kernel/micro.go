package kernel

// micro computes the 4×4 block
//
//	C[i][j] (+)= Σ_p ap[p·4+i] · bp[p·4+j],   p = 0…kc-1,
//
// from a packed A panel and a packed B panel, writing C at c with row stride
// ldc and adding to it if add. kc must be even (pack pads odd lengths with
// a zero step). The 16 sums live in local variables (registers natively,
// WebAssembly locals in the browser); each step of p loads 8 values for 16
// multiply-adds. The loop does two steps per iteration, which halves its
// branch overhead: that is worth about 1.5× in WebAssembly, where Go
// compiles each loop back-edge to a jump through a dispatch table.
func micro(c []float32, ldc, kc int, ap, bp []float32, add bool) {
	var c00, c01, c02, c03 float32
	var c10, c11, c12, c13 float32
	var c20, c21, c22, c23 float32
	var c30, c31, c32, c33 float32
	ap = ap[:tile*kc]
	bp = bp[:tile*kc]
	for len(ap) >= 2*tile && len(bp) >= 2*tile {
		// Step p: one row of B against each of the four values of A.
		b0, b1, b2, b3 := bp[0], bp[1], bp[2], bp[3]
		a := ap[0]
		c00, c01, c02, c03 = c00+a*b0, c01+a*b1, c02+a*b2, c03+a*b3
		a = ap[1]
		c10, c11, c12, c13 = c10+a*b0, c11+a*b1, c12+a*b2, c13+a*b3
		a = ap[2]
		c20, c21, c22, c23 = c20+a*b0, c21+a*b1, c22+a*b2, c23+a*b3
		a = ap[3]
		c30, c31, c32, c33 = c30+a*b0, c31+a*b1, c32+a*b2, c33+a*b3

		// Step p+1.
		b0, b1, b2, b3 = bp[4], bp[5], bp[6], bp[7]
		a = ap[4]
		c00, c01, c02, c03 = c00+a*b0, c01+a*b1, c02+a*b2, c03+a*b3
		a = ap[5]
		c10, c11, c12, c13 = c10+a*b0, c11+a*b1, c12+a*b2, c13+a*b3
		a = ap[6]
		c20, c21, c22, c23 = c20+a*b0, c21+a*b1, c22+a*b2, c23+a*b3
		a = ap[7]
		c30, c31, c32, c33 = c30+a*b0, c31+a*b1, c32+a*b2, c33+a*b3

		ap = ap[2*tile:]
		bp = bp[2*tile:]
	}

	r0 := c[0:tile:tile]
	r1 := c[ldc : ldc+tile : ldc+tile]
	r2 := c[2*ldc : 2*ldc+tile : 2*ldc+tile]
	r3 := c[3*ldc : 3*ldc+tile : 3*ldc+tile]
	if add {
		c00, c01, c02, c03 = c00+r0[0], c01+r0[1], c02+r0[2], c03+r0[3]
		c10, c11, c12, c13 = c10+r1[0], c11+r1[1], c12+r1[2], c13+r1[3]
		c20, c21, c22, c23 = c20+r2[0], c21+r2[1], c22+r2[2], c23+r2[3]
		c30, c31, c32, c33 = c30+r3[0], c31+r3[1], c32+r3[2], c33+r3[3]
	}
	r0[0], r0[1], r0[2], r0[3] = c00, c01, c02, c03
	r1[0], r1[1], r1[2], r1[3] = c10, c11, c12, c13
	r2[0], r2[1], r2[2], r2[3] = c20, c21, c22, c23
	r3[0], r3[1], r3[2], r3[3] = c30, c31, c32, c33
}
