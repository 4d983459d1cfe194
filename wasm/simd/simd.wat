;; simd.wat: netfit's WebAssembly SIMD128 kernels, assembled by wat2wasm
;; (make build writes site/simd.wasm). The module has no memory of its own:
;; it imports the Go program's linear memory as env.memory, and every pointer
;; argument is a byte offset into it, taken by Go from a []float32 (see
;; wasm/simd/kernels.go). Go's collector does not move objects, so the
;; offsets stay valid for the duration of a call.
;;
;; Go does not emit SIMD instructions for GOARCH=wasm, so the pure-Go kernels
;; stop near 2-3 GFLOP/s in a browser. Here each instruction works on four
;; float32 lanes (f32x4), which is what makes this module about ten times
;; faster on the matrix products.
;;
;; Exports (f32 scalars are passed as JavaScript numbers):
;;
;;   gemm(c, a, b, m, k, n, ars, aps, acc, w)
;;                                          C (+)= A·B; A(i,p) at a[i·ars+p·aps],
;;                                          w a scratch for packing (see gemm)
;;   gemm_bt(c, a, b, m, k, n, acc)         C (+)= A·Bᵀ; A m×k, B n×k
;;   bias_add(z, b, rows, cols)             z[i][j] += b[j]
;;   column_sums(db, dz, rows, cols)        db[j] = Σ_i dz[i][j]
;;   relu(y, z, n), relu_backprop(dz, dy, z, n)
;;   leaky_relu(y, z, n, slope64), leaky_relu_backprop(dz, dy, z, n, slope)
;;   add_scaled(y, x, n, alpha)             y += alpha·x
;;   sgd(p, g, n, lr)
;;   momentum(p, g, v, n, lr, mu, nesterov)
;;   rmsprop(p, g, v, mom, n, lr, rho, decay, eps, mu)
;;   adam(p, g, m, v, n, alpha, decay1, decay2, eps)
;;
;; The elementwise exports round every operation to float32 in the same order
;; as the Go reference (core/kernel/elementwise.go), so they give the same
;; bits. The products sum in a different order than the Go kernels, so they
;; agree within rounding only.
(module
  (import "env" "memory" (memory 0))

  ;; ---------------------------------------------------------------------
  ;; C (+)= A·B, the forward product (ars = k, aps = 1) and the weight
  ;; gradient Aᵀ·B (ars = 1, aps = m). Strides are in floats, m, k, n ≥ 1.
  ;;
  ;; The shared dimension is cut into blocks of 256 steps, so that one
  ;; 8-column strip of B (256 × 8 floats, 8 KB) stays in the L1 cache while
  ;; every 4-row panel of A passes by it (the blocking of Goto & van de
  ;; Geijn, ACM TOMS 34(3), 2008). Blocks after the first add to C.
  ;;
  ;; w is a scratch in the same memory where the operands are packed: the
  ;; current strip of B at w (8 KB) when m ≥ 8, and for the weight gradient
  ;; (ars = 1) the 4-column panels of A at w + 8192 (4·floor(m/4)·256
  ;; floats at most). Packing took the tutorial's products under node from
  ;; 28-34 to 36-39 GFLOP/s.
  (func $gemm (export "gemm")
    (param $c i32) (param $a i32) (param $b i32)
    (param $m i32) (param $k i32) (param $n i32)
    (param $ars i32) (param $aps i32) (param $acc i32) (param $w i32)
    (local $p0 i32) (local $kc i32)
    (local.set $ars (i32.shl (local.get $ars) (i32.const 2)))
    (local.set $aps (i32.shl (local.get $aps) (i32.const 2)))
    (loop $block
      (local.set $kc (i32.sub (local.get $k) (local.get $p0)))
      (if (i32.gt_s (local.get $kc) (i32.const 256))
        (then (local.set $kc (i32.const 256))))
      (call $gemm_block
        (local.get $c)
        (i32.add (local.get $a) (i32.mul (local.get $p0) (local.get $aps)))
        (i32.add (local.get $b)
          (i32.shl (i32.mul (local.get $p0) (local.get $n)) (i32.const 2)))
        (local.get $m) (local.get $kc) (local.get $n)
        (local.get $ars) (local.get $aps)
        (i32.or (local.get $acc) (i32.gt_s (local.get $p0) (i32.const 0)))
        (local.get $w))
      (local.set $p0 (i32.add (local.get $p0) (i32.const 256)))
      (br_if $block (i32.lt_s (local.get $p0) (local.get $k)))))

  ;; gemm_block computes one block of the shared dimension (kc steps) for
  ;; all of C, strip by strip: 8 columns at a time, then 4, then single
  ;; columns; within a strip 4 rows at a time, then single rows. ars and aps
  ;; are in bytes here.
  (func $gemm_block
    (param $c i32) (param $a i32) (param $b i32)
    (param $m i32) (param $kc i32) (param $n i32)
    (param $ars i32) (param $aps i32) (param $add i32) (param $w i32)
    (local $ldb i32) (local $i i32) (local $j i32) (local $ci i32) (local $ai i32)
    (local $packb i32) (local $packa i32) (local $bs i32) (local $ldbs i32)
    (local.set $ldb (i32.shl (local.get $n) (i32.const 2)))
    (local.set $packb (i32.ge_s (local.get $m) (i32.const 8)))
    ;; A is packed for the weight gradient only: rows of A adjacent (ars =
    ;; 4 bytes) and steps apart (aps > 4; a forward product with k = 1 also
    ;; has ars = 4, and Go gives it no room for panels).
    (local.set $packa (i32.and
      (i32.and (i32.eq (local.get $ars) (i32.const 4)) (i32.ne (local.get $aps) (i32.const 4)))
      (i32.ge_s (local.get $m) (i32.const 4))))
    (if (local.get $packa)
      (then (call $pack_a (i32.add (local.get $w) (i32.const 8192))
        (local.get $a) (local.get $m) (local.get $kc) (local.get $aps))))

    ;; Strips of 8 columns.
    (block $done8
      (loop $strip8
        (br_if $done8 (i32.gt_s (i32.add (local.get $j) (i32.const 8)) (local.get $n)))
        (local.set $bs (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 2))))
        (local.set $ldbs (local.get $ldb))
        (if (local.get $packb)
          (then
            (call $pack_b8 (local.get $w) (local.get $bs) (local.get $ldb) (local.get $kc))
            (local.set $bs (local.get $w))
            (local.set $ldbs (i32.const 32))))
        (local.set $i (i32.const 0))
        (block $rows4done
          (loop $rows4
            (br_if $rows4done (i32.gt_s (i32.add (local.get $i) (i32.const 4)) (local.get $m)))
            (if (local.get $packa)
              (then (call $tile4x8t
                (call $at (local.get $c) (local.get $i) (local.get $ldb) (local.get $j))
                (local.get $ldb)
                (i32.add (i32.add (local.get $w) (i32.const 8192))
                  (i32.shl (i32.mul (local.get $i) (local.get $kc)) (i32.const 2)))
                (i32.const 4) (i32.const 16)
                (local.get $bs) (local.get $ldbs) (local.get $kc) (local.get $add)))
              (else (call $tile4x8
              (call $at (local.get $c) (local.get $i) (local.get $ldb) (local.get $j))
              (local.get $ldb)
              (i32.add (local.get $a) (i32.mul (local.get $i) (local.get $ars)))
              (local.get $ars) (local.get $aps)
              (local.get $bs) (local.get $ldbs) (local.get $kc) (local.get $add))))
            (local.set $i (i32.add (local.get $i) (i32.const 4)))
            (br $rows4)))
        (block $rows1done
          (loop $rows1
            (br_if $rows1done (i32.ge_s (local.get $i) (local.get $m)))
            (call $tile1x8
              (call $at (local.get $c) (local.get $i) (local.get $ldb) (local.get $j))
              (i32.add (local.get $a) (i32.mul (local.get $i) (local.get $ars)))
              (local.get $aps)
              (local.get $bs) (local.get $ldbs) (local.get $kc) (local.get $add))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $rows1)))
        (local.set $j (i32.add (local.get $j) (i32.const 8)))
        (br $strip8)))

    ;; One strip of 4 columns, if 4 to 7 are left.
    (if (i32.le_s (i32.add (local.get $j) (i32.const 4)) (local.get $n))
      (then
        (local.set $i (i32.const 0))
        (block $rows4done
          (loop $rows4
            (br_if $rows4done (i32.gt_s (i32.add (local.get $i) (i32.const 4)) (local.get $m)))
            (call $tile4x4
              (call $at (local.get $c) (local.get $i) (local.get $ldb) (local.get $j))
              (local.get $ldb)
              (i32.add (local.get $a) (i32.mul (local.get $i) (local.get $ars)))
              (local.get $ars) (local.get $aps)
              (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 2)))
              (local.get $ldb) (local.get $kc) (local.get $add))
            (local.set $i (i32.add (local.get $i) (i32.const 4)))
            (br $rows4)))
        (block $rows1done
          (loop $rows1
            (br_if $rows1done (i32.ge_s (local.get $i) (local.get $m)))
            (call $tile1x4
              (call $at (local.get $c) (local.get $i) (local.get $ldb) (local.get $j))
              (i32.add (local.get $a) (i32.mul (local.get $i) (local.get $ars)))
              (local.get $aps)
              (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 2)))
              (local.get $ldb) (local.get $kc) (local.get $add))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $rows1)))
        (local.set $j (i32.add (local.get $j) (i32.const 4)))))

    ;; The last 0 to 3 columns, one value at a time.
    (block $done1
      (loop $col
        (br_if $done1 (i32.ge_s (local.get $j) (local.get $n)))
        (local.set $i (i32.const 0))
        (loop $row
          (call $tile1x1
            (call $at (local.get $c) (local.get $i) (local.get $ldb) (local.get $j))
            (i32.add (local.get $a) (i32.mul (local.get $i) (local.get $ars)))
            (local.get $aps)
            (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 2)))
            (local.get $ldb) (local.get $kc) (local.get $add))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br_if $row (i32.lt_s (local.get $i) (local.get $m))))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $col))))

  ;; pack_b8 copies an 8-column strip of B (kc rows, row stride ldb bytes)
  ;; to w, 32 bytes per row. Unpacked, the rows of a strip lie a row of B
  ;; apart (2 KB when n = 512), so they fall into a few sets of the L1
  ;; cache and push each other out; packed, the strip (8 KB at most) stays
  ;; in L1 while the row panels of A pass by.
  (func $pack_b8 (param $w i32) (param $b i32) (param $ldb i32) (param $kc i32)
    (loop $row
      (v128.store (local.get $w) (v128.load (local.get $b)))
      (v128.store offset=16 (local.get $w) (v128.load offset=16 (local.get $b)))
      (local.set $w (i32.add (local.get $w) (i32.const 32)))
      (local.set $b (i32.add (local.get $b) (local.get $ldb)))
      (br_if $row (local.tee $kc (i32.sub (local.get $kc) (i32.const 1))))))

  ;; pack_a copies the weight gradient's A (the layer input, read by
  ;; columns: A(i, p) at a + 4i + p·aps) to w as panels of 4 columns, panel
  ;; q holding A(4q…4q+3, p) for p = 0…kc-1 in 16 contiguous bytes per step,
  ;; for the floor(m/4) full panels. Unpacked, each step of a panel reads 16
  ;; bytes from a new cache line a row of the input apart.
  (func $pack_a (param $w i32) (param $a i32) (param $m i32) (param $kc i32) (param $aps i32)
    (local $src i32) (local $p i32)
    (block $done
      (loop $panel
        (br_if $done (i32.lt_s (local.get $m) (i32.const 4)))
        (local.set $src (local.get $a))
        (local.set $p (local.get $kc))
        (loop $step
          (v128.store (local.get $w) (v128.load (local.get $src)))
          (local.set $w (i32.add (local.get $w) (i32.const 16)))
          (local.set $src (i32.add (local.get $src) (local.get $aps)))
          (br_if $step (local.tee $p (i32.sub (local.get $p) (i32.const 1)))))
        (local.set $a (i32.add (local.get $a) (i32.const 16)))
        (local.set $m (i32.sub (local.get $m) (i32.const 4)))
        (br $panel))))

  ;; at returns the address of element (i, j) of a matrix at c with a row
  ;; stride of ld bytes.
  (func $at (param $c i32) (param $i i32) (param $ld i32) (param $j i32) (result i32)
    (i32.add (local.get $c)
      (i32.add (i32.mul (local.get $i) (local.get $ld))
        (i32.shl (local.get $j) (i32.const 2)))))

  ;; tile4x8 computes a 4×8 block of C (row stride ldc bytes):
  ;;
  ;;   C[r][0:8] (+)= Σ_p A(r, p) · B[p][0:8],   r = 0…3, p = 0…kc-1,
  ;;
  ;; with A(r, p) at a + r·ars + p·aps and row p of B at b + p·ldb. Each step
  ;; loads two 4-lane vectors of B and splats one value of A per row, then
  ;; does 8 vector multiply-adds: 64 flops for 6 loads. The 8 accumulators
  ;; and 3 operands fit the 16 vector registers of x86-64.
  ;;
  ;; The stores are written out rather than calls to $put4: a call after the
  ;; loop makes node 20's V8 (TurboFan) save the accumulators to the stack on
  ;; every step, which cost a quarter of the speed (Chromium's newer
  ;; compiler does not do this).
  (func $tile4x8
    (param $c i32) (param $ldc i32) (param $a i32) (param $ars i32) (param $aps i32)
    (param $b i32) (param $ldb i32) (param $kc i32) (param $add i32)
    (local $a1 i32) (local $a2 i32) (local $a3 i32) (local $c1 i32) (local $c2 i32) (local $c3 i32)
    (local $x v128) (local $b0 v128) (local $b1 v128)
    (local $c00 v128) (local $c01 v128) (local $c10 v128) (local $c11 v128)
    (local $c20 v128) (local $c21 v128) (local $c30 v128) (local $c31 v128)
    (local.set $a1 (i32.add (local.get $a) (local.get $ars)))
    (local.set $a2 (i32.add (local.get $a1) (local.get $ars)))
    (local.set $a3 (i32.add (local.get $a2) (local.get $ars)))
    (loop $step
      (local.set $b0 (v128.load (local.get $b)))
      (local.set $b1 (v128.load offset=16 (local.get $b)))
      (local.set $x (v128.load32_splat (local.get $a)))
      (local.set $c00 (f32x4.add (local.get $c00) (f32x4.mul (local.get $x) (local.get $b0))))
      (local.set $c01 (f32x4.add (local.get $c01) (f32x4.mul (local.get $x) (local.get $b1))))
      (local.set $x (v128.load32_splat (local.get $a1)))
      (local.set $c10 (f32x4.add (local.get $c10) (f32x4.mul (local.get $x) (local.get $b0))))
      (local.set $c11 (f32x4.add (local.get $c11) (f32x4.mul (local.get $x) (local.get $b1))))
      (local.set $x (v128.load32_splat (local.get $a2)))
      (local.set $c20 (f32x4.add (local.get $c20) (f32x4.mul (local.get $x) (local.get $b0))))
      (local.set $c21 (f32x4.add (local.get $c21) (f32x4.mul (local.get $x) (local.get $b1))))
      (local.set $x (v128.load32_splat (local.get $a3)))
      (local.set $c30 (f32x4.add (local.get $c30) (f32x4.mul (local.get $x) (local.get $b0))))
      (local.set $c31 (f32x4.add (local.get $c31) (f32x4.mul (local.get $x) (local.get $b1))))
      (local.set $a (i32.add (local.get $a) (local.get $aps)))
      (local.set $a1 (i32.add (local.get $a1) (local.get $aps)))
      (local.set $a2 (i32.add (local.get $a2) (local.get $aps)))
      (local.set $a3 (i32.add (local.get $a3) (local.get $aps)))
      (local.set $b (i32.add (local.get $b) (local.get $ldb)))
      (br_if $step (local.tee $kc (i32.sub (local.get $kc) (i32.const 1)))))
    (local.set $c1 (i32.add (local.get $c) (local.get $ldc)))
    (local.set $c2 (i32.add (local.get $c1) (local.get $ldc)))
    (local.set $c3 (i32.add (local.get $c2) (local.get $ldc)))
    (if (local.get $add)
      (then
        (local.set $c00 (f32x4.add (local.get $c00) (v128.load (local.get $c))))
        (local.set $c01 (f32x4.add (local.get $c01) (v128.load offset=16 (local.get $c))))
        (local.set $c10 (f32x4.add (local.get $c10) (v128.load (local.get $c1))))
        (local.set $c11 (f32x4.add (local.get $c11) (v128.load offset=16 (local.get $c1))))
        (local.set $c20 (f32x4.add (local.get $c20) (v128.load (local.get $c2))))
        (local.set $c21 (f32x4.add (local.get $c21) (v128.load offset=16 (local.get $c2))))
        (local.set $c30 (f32x4.add (local.get $c30) (v128.load (local.get $c3))))
        (local.set $c31 (f32x4.add (local.get $c31) (v128.load offset=16 (local.get $c3))))))
    (v128.store (local.get $c) (local.get $c00))
    (v128.store offset=16 (local.get $c) (local.get $c01))
    (v128.store (local.get $c1) (local.get $c10))
    (v128.store offset=16 (local.get $c1) (local.get $c11))
    (v128.store (local.get $c2) (local.get $c20))
    (v128.store offset=16 (local.get $c2) (local.get $c21))
    (v128.store (local.get $c3) (local.get $c30))
    (v128.store offset=16 (local.get $c3) (local.get $c31)))

  ;; tile4x8t is tile4x8 when the 4 values of A in a step are adjacent
  ;; (ars = 4 bytes, the weight gradient Aᵀ·B): one pointer and constant
  ;; offsets instead of four pointers.
  (func $tile4x8t
    (param $c i32) (param $ldc i32) (param $a i32) (param $ars i32) (param $aps i32)
    (param $b i32) (param $ldb i32) (param $kc i32) (param $add i32)
    (local $c1 i32) (local $c2 i32) (local $c3 i32)
    (local $x v128) (local $b0 v128) (local $b1 v128)
    (local $c00 v128) (local $c01 v128) (local $c10 v128) (local $c11 v128)
    (local $c20 v128) (local $c21 v128) (local $c30 v128) (local $c31 v128)
    (loop $step
      (local.set $b0 (v128.load (local.get $b)))
      (local.set $b1 (v128.load offset=16 (local.get $b)))
      (local.set $x (v128.load32_splat (local.get $a)))
      (local.set $c00 (f32x4.add (local.get $c00) (f32x4.mul (local.get $x) (local.get $b0))))
      (local.set $c01 (f32x4.add (local.get $c01) (f32x4.mul (local.get $x) (local.get $b1))))
      (local.set $x (v128.load32_splat offset=4 (local.get $a)))
      (local.set $c10 (f32x4.add (local.get $c10) (f32x4.mul (local.get $x) (local.get $b0))))
      (local.set $c11 (f32x4.add (local.get $c11) (f32x4.mul (local.get $x) (local.get $b1))))
      (local.set $x (v128.load32_splat offset=8 (local.get $a)))
      (local.set $c20 (f32x4.add (local.get $c20) (f32x4.mul (local.get $x) (local.get $b0))))
      (local.set $c21 (f32x4.add (local.get $c21) (f32x4.mul (local.get $x) (local.get $b1))))
      (local.set $x (v128.load32_splat offset=12 (local.get $a)))
      (local.set $c30 (f32x4.add (local.get $c30) (f32x4.mul (local.get $x) (local.get $b0))))
      (local.set $c31 (f32x4.add (local.get $c31) (f32x4.mul (local.get $x) (local.get $b1))))
      (local.set $a (i32.add (local.get $a) (local.get $aps)))
      (local.set $b (i32.add (local.get $b) (local.get $ldb)))
      (br_if $step (local.tee $kc (i32.sub (local.get $kc) (i32.const 1)))))
    (local.set $c1 (i32.add (local.get $c) (local.get $ldc)))
    (local.set $c2 (i32.add (local.get $c1) (local.get $ldc)))
    (local.set $c3 (i32.add (local.get $c2) (local.get $ldc)))
    (if (local.get $add)
      (then
        (local.set $c00 (f32x4.add (local.get $c00) (v128.load (local.get $c))))
        (local.set $c01 (f32x4.add (local.get $c01) (v128.load offset=16 (local.get $c))))
        (local.set $c10 (f32x4.add (local.get $c10) (v128.load (local.get $c1))))
        (local.set $c11 (f32x4.add (local.get $c11) (v128.load offset=16 (local.get $c1))))
        (local.set $c20 (f32x4.add (local.get $c20) (v128.load (local.get $c2))))
        (local.set $c21 (f32x4.add (local.get $c21) (v128.load offset=16 (local.get $c2))))
        (local.set $c30 (f32x4.add (local.get $c30) (v128.load (local.get $c3))))
        (local.set $c31 (f32x4.add (local.get $c31) (v128.load offset=16 (local.get $c3))))))
    (v128.store (local.get $c) (local.get $c00))
    (v128.store offset=16 (local.get $c) (local.get $c01))
    (v128.store (local.get $c1) (local.get $c10))
    (v128.store offset=16 (local.get $c1) (local.get $c11))
    (v128.store (local.get $c2) (local.get $c20))
    (v128.store offset=16 (local.get $c2) (local.get $c21))
    (v128.store (local.get $c3) (local.get $c30))
    (v128.store offset=16 (local.get $c3) (local.get $c31)))

  ;; tile1x8 is tile4x8 for a single row of A.
  (func $tile1x8
    (param $c i32) (param $a i32) (param $aps i32)
    (param $b i32) (param $ldb i32) (param $kc i32) (param $add i32)
    (local $x v128) (local $c0 v128) (local $c1 v128)
    (loop $step
      (local.set $x (v128.load32_splat (local.get $a)))
      (local.set $c0 (f32x4.add (local.get $c0) (f32x4.mul (local.get $x) (v128.load (local.get $b)))))
      (local.set $c1 (f32x4.add (local.get $c1)
        (f32x4.mul (local.get $x) (v128.load offset=16 (local.get $b)))))
      (local.set $a (i32.add (local.get $a) (local.get $aps)))
      (local.set $b (i32.add (local.get $b) (local.get $ldb)))
      (br_if $step (local.tee $kc (i32.sub (local.get $kc) (i32.const 1)))))
    (call $put4 (local.get $c) (local.get $c0) (local.get $add))
    (call $put4 (i32.add (local.get $c) (i32.const 16)) (local.get $c1) (local.get $add)))

  ;; tile4x4 is tile4x8 for a strip of 4 columns.
  (func $tile4x4
    (param $c i32) (param $ldc i32) (param $a i32) (param $ars i32) (param $aps i32)
    (param $b i32) (param $ldb i32) (param $kc i32) (param $add i32)
    (local $a1 i32) (local $a2 i32) (local $a3 i32) (local $b0 v128)
    (local $c0 v128) (local $c1 v128) (local $c2 v128) (local $c3 v128)
    (local.set $a1 (i32.add (local.get $a) (local.get $ars)))
    (local.set $a2 (i32.add (local.get $a1) (local.get $ars)))
    (local.set $a3 (i32.add (local.get $a2) (local.get $ars)))
    (loop $step
      (local.set $b0 (v128.load (local.get $b)))
      (local.set $c0 (f32x4.add (local.get $c0)
        (f32x4.mul (v128.load32_splat (local.get $a)) (local.get $b0))))
      (local.set $c1 (f32x4.add (local.get $c1)
        (f32x4.mul (v128.load32_splat (local.get $a1)) (local.get $b0))))
      (local.set $c2 (f32x4.add (local.get $c2)
        (f32x4.mul (v128.load32_splat (local.get $a2)) (local.get $b0))))
      (local.set $c3 (f32x4.add (local.get $c3)
        (f32x4.mul (v128.load32_splat (local.get $a3)) (local.get $b0))))
      (local.set $a (i32.add (local.get $a) (local.get $aps)))
      (local.set $a1 (i32.add (local.get $a1) (local.get $aps)))
      (local.set $a2 (i32.add (local.get $a2) (local.get $aps)))
      (local.set $a3 (i32.add (local.get $a3) (local.get $aps)))
      (local.set $b (i32.add (local.get $b) (local.get $ldb)))
      (br_if $step (local.tee $kc (i32.sub (local.get $kc) (i32.const 1)))))
    (call $put4 (local.get $c) (local.get $c0) (local.get $add))
    (local.set $c (i32.add (local.get $c) (local.get $ldc)))
    (call $put4 (local.get $c) (local.get $c1) (local.get $add))
    (local.set $c (i32.add (local.get $c) (local.get $ldc)))
    (call $put4 (local.get $c) (local.get $c2) (local.get $add))
    (local.set $c (i32.add (local.get $c) (local.get $ldc)))
    (call $put4 (local.get $c) (local.get $c3) (local.get $add)))

  ;; tile1x4 is tile4x4 for a single row of A.
  (func $tile1x4
    (param $c i32) (param $a i32) (param $aps i32)
    (param $b i32) (param $ldb i32) (param $kc i32) (param $add i32)
    (local $c0 v128)
    (loop $step
      (local.set $c0 (f32x4.add (local.get $c0)
        (f32x4.mul (v128.load32_splat (local.get $a)) (v128.load (local.get $b)))))
      (local.set $a (i32.add (local.get $a) (local.get $aps)))
      (local.set $b (i32.add (local.get $b) (local.get $ldb)))
      (br_if $step (local.tee $kc (i32.sub (local.get $kc) (i32.const 1)))))
    (call $put4 (local.get $c) (local.get $c0) (local.get $add)))

  ;; tile1x1 computes one value of C, a plain scalar dot product.
  (func $tile1x1
    (param $c i32) (param $a i32) (param $aps i32)
    (param $b i32) (param $ldb i32) (param $kc i32) (param $add i32)
    (local $s f32)
    (loop $step
      (local.set $s (f32.add (local.get $s)
        (f32.mul (f32.load (local.get $a)) (f32.load (local.get $b)))))
      (local.set $a (i32.add (local.get $a) (local.get $aps)))
      (local.set $b (i32.add (local.get $b) (local.get $ldb)))
      (br_if $step (local.tee $kc (i32.sub (local.get $kc) (i32.const 1)))))
    (call $put1 (local.get $c) (local.get $s) (local.get $add)))

  ;; put4 stores 4 values at c, or adds them to what is there if add.
  (func $put4 (param $c i32) (param $v v128) (param $add i32)
    (if (local.get $add)
      (then (local.set $v (f32x4.add (v128.load (local.get $c)) (local.get $v)))))
    (v128.store (local.get $c) (local.get $v)))

  ;; put1 stores one value at c, or adds it to what is there if add.
  (func $put1 (param $c i32) (param $v f32) (param $add i32)
    (if (local.get $add)
      (then (local.set $v (f32.add (f32.load (local.get $c)) (local.get $v)))))
    (f32.store (local.get $c) (local.get $v)))

  ;; ---------------------------------------------------------------------
  ;; C (+)= A·Bᵀ, the input gradient dX = dZ·Wᵀ. A is m×k, B is n×k, so
  ;; C[i][j] is the dot product of row i of A with row j of B, both
  ;; contiguous: the lanes run along the shared dimension and are summed at
  ;; the end. B is taken 64 rows at a time (128 KB when k = 512) so that the
  ;; rows stay in cache while all of A passes by.
  (func $gemm_bt (export "gemm_bt")
    (param $c i32) (param $a i32) (param $b i32)
    (param $m i32) (param $k i32) (param $n i32) (param $acc i32)
    (local $lda i32) (local $ldc i32) (local $j0 i32) (local $jn i32)
    (local $i i32) (local $j i32) (local $r i32)
    (local.set $lda (i32.shl (local.get $k) (i32.const 2)))
    (local.set $ldc (i32.shl (local.get $n) (i32.const 2)))
    (loop $block
      (local.set $jn (i32.add (local.get $j0) (i32.const 64)))
      (if (i32.gt_s (local.get $jn) (local.get $n)) (then (local.set $jn (local.get $n))))

      ;; 4 rows of A against 2 rows of B at a time, then the odd row of B.
      (local.set $i (i32.const 0))
      (block $rows4done
        (loop $rows4
          (br_if $rows4done (i32.gt_s (i32.add (local.get $i) (i32.const 4)) (local.get $m)))
          (local.set $j (local.get $j0))
          (block $pairsdone
            (loop $pairs
              (br_if $pairsdone (i32.gt_s (i32.add (local.get $j) (i32.const 2)) (local.get $jn)))
              (call $dot4x2
                (call $at (local.get $c) (local.get $i) (local.get $ldc) (local.get $j))
                (local.get $ldc)
                (i32.add (local.get $a) (i32.mul (local.get $i) (local.get $lda)))
                (i32.add (local.get $b) (i32.mul (local.get $j) (local.get $lda)))
                (local.get $lda) (local.get $k) (local.get $acc))
              (local.set $j (i32.add (local.get $j) (i32.const 2)))
              (br $pairs)))
          (if (i32.lt_s (local.get $j) (local.get $jn))
            (then
              (local.set $r (i32.const 0))
              (loop $odd
                (call $dot1
                  (call $at (local.get $c) (i32.add (local.get $i) (local.get $r))
                    (local.get $ldc) (local.get $j))
                  (i32.add (local.get $a)
                    (i32.mul (i32.add (local.get $i) (local.get $r)) (local.get $lda)))
                  (i32.add (local.get $b) (i32.mul (local.get $j) (local.get $lda)))
                  (local.get $k) (local.get $acc))
                (local.set $r (i32.add (local.get $r) (i32.const 1)))
                (br_if $odd (i32.lt_s (local.get $r) (i32.const 4))))))
          (local.set $i (i32.add (local.get $i) (i32.const 4)))
          (br $rows4)))

      ;; The last 0 to 3 rows of A: 4 rows of B at a time, then single ones.
      (block $rows1done
        (loop $rows1
          (br_if $rows1done (i32.ge_s (local.get $i) (local.get $m)))
          (local.set $j (local.get $j0))
          (block $quadsdone
            (loop $quads
              (br_if $quadsdone (i32.gt_s (i32.add (local.get $j) (i32.const 4)) (local.get $jn)))
              (call $dot1x4
                (call $at (local.get $c) (local.get $i) (local.get $ldc) (local.get $j))
                (i32.add (local.get $a) (i32.mul (local.get $i) (local.get $lda)))
                (i32.add (local.get $b) (i32.mul (local.get $j) (local.get $lda)))
                (local.get $lda) (local.get $k) (local.get $acc))
              (local.set $j (i32.add (local.get $j) (i32.const 4)))
              (br $quads)))
          (block $singlesdone
            (loop $singles
              (br_if $singlesdone (i32.ge_s (local.get $j) (local.get $jn)))
              (call $dot1
                (call $at (local.get $c) (local.get $i) (local.get $ldc) (local.get $j))
                (i32.add (local.get $a) (i32.mul (local.get $i) (local.get $lda)))
                (i32.add (local.get $b) (i32.mul (local.get $j) (local.get $lda)))
                (local.get $k) (local.get $acc))
              (local.set $j (i32.add (local.get $j) (i32.const 1)))
              (br $singles)))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br $rows1)))

      (local.set $j0 (local.get $jn))
      (br_if $block (i32.lt_s (local.get $j0) (local.get $n)))))

  ;; dot4x2 computes the 4×2 block C[r][s] (+)= Σ_p A[r][p]·B[s][p] for
  ;; rows a + r·lda and b + s·lda. Each step of 4 lanes loads 4 vectors of
  ;; A and 2 of B for 8 multiply-adds.
  ;;
  ;; As in $tile4x8, nothing after the loop is a call: the 8 sums are folded
  ;; into two vectors (rows 0-1 and rows 2-3) by shuffles, and the k mod 4
  ;; last steps and the stores work on those. With a call to $finish per
  ;; value, node 20's V8 kept the 8 accumulators on the stack through the
  ;; loop (a fifth of the speed). Each sum adds its lanes as (0+1)+(2+3)
  ;; and then the last products in order, as $finish does, so the results
  ;; are the same bits.
  (func $dot4x2
    (param $c i32) (param $ldc i32) (param $a i32) (param $b i32)
    (param $lda i32) (param $k i32) (param $acc i32)
    (local $p i32) (local $tail i32) (local $end i32)
    (local $a1 i32) (local $a2 i32) (local $a3 i32) (local $b1 i32) (local $c1 i32)
    (local $x0 v128) (local $x1 v128) (local $x2 v128) (local $x3 v128)
    (local $y0 v128) (local $y1 v128)
    (local $s00 v128) (local $s01 v128) (local $s10 v128) (local $s11 v128)
    (local $s20 v128) (local $s21 v128) (local $s30 v128) (local $s31 v128)
    (local $r01 v128) (local $r23 v128)
    (local.set $a1 (i32.add (local.get $a) (local.get $lda)))
    (local.set $a2 (i32.add (local.get $a1) (local.get $lda)))
    (local.set $a3 (i32.add (local.get $a2) (local.get $lda)))
    (local.set $b1 (i32.add (local.get $b) (local.get $lda)))
    (local.set $tail (i32.and (local.get $lda) (i32.const -16))) ;; bytes of the vector part
    (if (local.get $tail)
      (then
        (loop $step
          (local.set $y0 (v128.load (i32.add (local.get $b) (local.get $p))))
          (local.set $y1 (v128.load (i32.add (local.get $b1) (local.get $p))))
          (local.set $x0 (v128.load (i32.add (local.get $a) (local.get $p))))
          (local.set $x1 (v128.load (i32.add (local.get $a1) (local.get $p))))
          (local.set $s00 (f32x4.add (local.get $s00) (f32x4.mul (local.get $x0) (local.get $y0))))
          (local.set $s01 (f32x4.add (local.get $s01) (f32x4.mul (local.get $x0) (local.get $y1))))
          (local.set $s10 (f32x4.add (local.get $s10) (f32x4.mul (local.get $x1) (local.get $y0))))
          (local.set $s11 (f32x4.add (local.get $s11) (f32x4.mul (local.get $x1) (local.get $y1))))
          (local.set $x2 (v128.load (i32.add (local.get $a2) (local.get $p))))
          (local.set $x3 (v128.load (i32.add (local.get $a3) (local.get $p))))
          (local.set $s20 (f32x4.add (local.get $s20) (f32x4.mul (local.get $x2) (local.get $y0))))
          (local.set $s21 (f32x4.add (local.get $s21) (f32x4.mul (local.get $x2) (local.get $y1))))
          (local.set $s30 (f32x4.add (local.get $s30) (f32x4.mul (local.get $x3) (local.get $y0))))
          (local.set $s31 (f32x4.add (local.get $s31) (f32x4.mul (local.get $x3) (local.get $y1))))
          (local.set $p (i32.add (local.get $p) (i32.const 16)))
          (br_if $step (i32.lt_u (local.get $p) (local.get $tail))))))

    ;; Fold the lanes: r01 = [C00 C01 C10 C11], r23 = [C20 C21 C30 C31].
    (local.set $x0 (f32x4.add
      (i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27 (local.get $s00) (local.get $s01))
      (i8x16.shuffle 4 5 6 7 12 13 14 15 20 21 22 23 28 29 30 31 (local.get $s00) (local.get $s01))))
    (local.set $x1 (f32x4.add
      (i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27 (local.get $s10) (local.get $s11))
      (i8x16.shuffle 4 5 6 7 12 13 14 15 20 21 22 23 28 29 30 31 (local.get $s10) (local.get $s11))))
    (local.set $r01 (f32x4.add
      (i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27 (local.get $x0) (local.get $x1))
      (i8x16.shuffle 4 5 6 7 12 13 14 15 20 21 22 23 28 29 30 31 (local.get $x0) (local.get $x1))))
    (local.set $x2 (f32x4.add
      (i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27 (local.get $s20) (local.get $s21))
      (i8x16.shuffle 4 5 6 7 12 13 14 15 20 21 22 23 28 29 30 31 (local.get $s20) (local.get $s21))))
    (local.set $x3 (f32x4.add
      (i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27 (local.get $s30) (local.get $s31))
      (i8x16.shuffle 4 5 6 7 12 13 14 15 20 21 22 23 28 29 30 31 (local.get $s30) (local.get $s31))))
    (local.set $r23 (f32x4.add
      (i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27 (local.get $x2) (local.get $x3))
      (i8x16.shuffle 4 5 6 7 12 13 14 15 20 21 22 23 28 29 30 31 (local.get $x2) (local.get $x3))))

    ;; The last k mod 4 steps: y0 = [B0 B1 B0 B1] at p, times
    ;; [A0 A0 A1 A1] and [A2 A2 A3 A3].
    (local.set $end (local.get $lda))
    (block $done
      (loop $last
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $y0 (v128.load32_lane 1 (i32.add (local.get $b1) (local.get $p))
          (v128.load32_splat (i32.add (local.get $b) (local.get $p)))))
        (local.set $y0 (i8x16.shuffle 0 1 2 3 4 5 6 7 0 1 2 3 4 5 6 7
          (local.get $y0) (local.get $y0)))
        (local.set $x0 (i8x16.shuffle 0 1 2 3 0 1 2 3 16 17 18 19 16 17 18 19
          (v128.load32_splat (i32.add (local.get $a) (local.get $p)))
          (v128.load32_splat (i32.add (local.get $a1) (local.get $p)))))
        (local.set $x2 (i8x16.shuffle 0 1 2 3 0 1 2 3 16 17 18 19 16 17 18 19
          (v128.load32_splat (i32.add (local.get $a2) (local.get $p)))
          (v128.load32_splat (i32.add (local.get $a3) (local.get $p)))))
        (local.set $r01 (f32x4.add (local.get $r01) (f32x4.mul (local.get $x0) (local.get $y0))))
        (local.set $r23 (f32x4.add (local.get $r23) (f32x4.mul (local.get $x2) (local.get $y0))))
        (local.set $p (i32.add (local.get $p) (i32.const 4)))
        (br $last)))

    ;; Two values per row of C: rows 0 and 1 from r01, rows 2 and 3 from r23.
    (local.set $c1 (i32.add (local.get $c) (local.get $ldc)))
    (if (local.get $acc)
      (then
        (local.set $r01 (f32x4.add
          (v128.load64_lane 1 (local.get $c1) (v128.load64_zero (local.get $c)))
          (local.get $r01)))))
    (v128.store64_lane 0 (local.get $c) (local.get $r01))
    (v128.store64_lane 1 (local.get $c1) (local.get $r01))
    (local.set $c (i32.add (local.get $c1) (local.get $ldc)))
    (local.set $c1 (i32.add (local.get $c) (local.get $ldc)))
    (if (local.get $acc)
      (then
        (local.set $r23 (f32x4.add
          (v128.load64_lane 1 (local.get $c1) (v128.load64_zero (local.get $c)))
          (local.get $r23)))))
    (v128.store64_lane 0 (local.get $c) (local.get $r23))
    (v128.store64_lane 1 (local.get $c1) (local.get $r23)))

  ;; dot1x4 computes C[0][s] (+)= Σ_p A[p]·B[s][p] for s = 0…3: one row of
  ;; A against 4 rows of B.
  (func $dot1x4
    (param $c i32) (param $a i32) (param $b i32)
    (param $lda i32) (param $k i32) (param $acc i32)
    (local $p i32) (local $tail i32) (local $x v128)
    (local $s0 v128) (local $s1 v128) (local $s2 v128) (local $s3 v128)
    (local $b1 i32) (local $b2 i32) (local $b3 i32)
    (local.set $b1 (i32.add (local.get $b) (local.get $lda)))
    (local.set $b2 (i32.add (local.get $b1) (local.get $lda)))
    (local.set $b3 (i32.add (local.get $b2) (local.get $lda)))
    (local.set $tail (i32.shl (i32.shr_u (local.get $k) (i32.const 2)) (i32.const 4)))
    (block $done
      (loop $step
        (br_if $done (i32.ge_u (local.get $p) (local.get $tail)))
        (local.set $x (v128.load (i32.add (local.get $a) (local.get $p))))
        (local.set $s0 (f32x4.add (local.get $s0)
          (f32x4.mul (local.get $x) (v128.load (i32.add (local.get $b) (local.get $p))))))
        (local.set $s1 (f32x4.add (local.get $s1)
          (f32x4.mul (local.get $x) (v128.load (i32.add (local.get $b1) (local.get $p))))))
        (local.set $s2 (f32x4.add (local.get $s2)
          (f32x4.mul (local.get $x) (v128.load (i32.add (local.get $b2) (local.get $p))))))
        (local.set $s3 (f32x4.add (local.get $s3)
          (f32x4.mul (local.get $x) (v128.load (i32.add (local.get $b3) (local.get $p))))))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br $step)))
    (call $finish (local.get $c) (local.get $s0)
      (local.get $a) (local.get $b) (local.get $tail) (local.get $k) (local.get $acc))
    (call $finish (i32.add (local.get $c) (i32.const 4)) (local.get $s1)
      (local.get $a) (local.get $b1) (local.get $tail) (local.get $k) (local.get $acc))
    (call $finish (i32.add (local.get $c) (i32.const 8)) (local.get $s2)
      (local.get $a) (local.get $b2) (local.get $tail) (local.get $k) (local.get $acc))
    (call $finish (i32.add (local.get $c) (i32.const 12)) (local.get $s3)
      (local.get $a) (local.get $b3) (local.get $tail) (local.get $k) (local.get $acc)))

  ;; dot1 computes one value C (+)= Σ_p A[p]·B[p] over k steps.
  (func $dot1
    (param $c i32) (param $a i32) (param $b i32) (param $k i32) (param $acc i32)
    (local $p i32) (local $tail i32) (local $s v128)
    (local.set $tail (i32.shl (i32.shr_u (local.get $k) (i32.const 2)) (i32.const 4)))
    (block $done
      (loop $step
        (br_if $done (i32.ge_u (local.get $p) (local.get $tail)))
        (local.set $s (f32x4.add (local.get $s)
          (f32x4.mul (v128.load (i32.add (local.get $a) (local.get $p)))
            (v128.load (i32.add (local.get $b) (local.get $p))))))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br $step)))
    (call $finish (local.get $c) (local.get $s)
      (local.get $a) (local.get $b) (local.get $tail) (local.get $k) (local.get $acc)))

  ;; finish adds the 4 lanes of s and the last k mod 4 products, which
  ;; start at byte p of rows a and b, and stores the sum at c (adding to C
  ;; if acc).
  (func $finish
    (param $c i32) (param $s v128) (param $a i32) (param $b i32)
    (param $p i32) (param $k i32) (param $acc i32)
    (local $sum f32) (local $end i32)
    (local.set $sum (f32.add
      (f32.add (f32x4.extract_lane 0 (local.get $s)) (f32x4.extract_lane 1 (local.get $s)))
      (f32.add (f32x4.extract_lane 2 (local.get $s)) (f32x4.extract_lane 3 (local.get $s)))))
    (local.set $end (i32.shl (local.get $k) (i32.const 2)))
    (block $done
      (loop $step
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $sum (f32.add (local.get $sum)
          (f32.mul (f32.load (i32.add (local.get $a) (local.get $p)))
            (f32.load (i32.add (local.get $b) (local.get $p))))))
        (local.set $p (i32.add (local.get $p) (i32.const 4)))
        (br $step)))
    (call $put1 (local.get $c) (local.get $sum) (local.get $acc)))

  ;; ---------------------------------------------------------------------
  ;; Elementwise steps. Each loop does 4 lanes at a time and finishes the
  ;; last n mod 4 values one by one with the same operations.

  ;; bias_add adds b (cols values) to each of the rows of z.
  (func $bias_add (export "bias_add")
    (param $z i32) (param $b i32) (param $rows i32) (param $cols i32)
    (block $done
      (loop $row
        (br_if $done (i32.le_s (local.get $rows) (i32.const 0)))
        (call $add_to (local.get $z) (local.get $b) (local.get $cols))
        (local.set $z (i32.add (local.get $z) (i32.shl (local.get $cols) (i32.const 2))))
        (local.set $rows (i32.sub (local.get $rows) (i32.const 1)))
        (br $row))))

  ;; column_sums sets db[j] = Σ_i dz[i][j], adding the rows in order.
  (func $column_sums (export "column_sums")
    (param $db i32) (param $dz i32) (param $rows i32) (param $cols i32)
    (memory.fill (local.get $db) (i32.const 0) (i32.shl (local.get $cols) (i32.const 2)))
    (call $sum_rows (local.get $db) (local.get $dz) (local.get $rows) (local.get $cols)))

  ;; sum_rows adds each of the rows of x (rows×cols) to dst (cols).
  (func $sum_rows
    (param $dst i32) (param $x i32) (param $rows i32) (param $cols i32)
    (block $done
      (loop $row
        (br_if $done (i32.le_s (local.get $rows) (i32.const 0)))
        (call $add_to (local.get $dst) (local.get $x) (local.get $cols))
        (local.set $x (i32.add (local.get $x) (i32.shl (local.get $cols) (i32.const 2))))
        (local.set $rows (i32.sub (local.get $rows) (i32.const 1)))
        (br $row))))

  ;; add_to sets dst[i] += x[i] for n values.
  (func $add_to (param $dst i32) (param $x i32) (param $n i32)
    (local $end i32) (local $end4 i32)
    (local.set $end (i32.add (local.get $dst) (i32.shl (local.get $n) (i32.const 2))))
    (local.set $end4 (i32.add (local.get $dst) (i32.shl (i32.shr_u (local.get $n) (i32.const 2)) (i32.const 4))))
    (block $done
      (loop $step
        (br_if $done (i32.ge_u (local.get $dst) (local.get $end4)))
        (v128.store (local.get $dst)
          (f32x4.add (v128.load (local.get $dst)) (v128.load (local.get $x))))
        (local.set $dst (i32.add (local.get $dst) (i32.const 16)))
        (local.set $x (i32.add (local.get $x) (i32.const 16)))
        (br $step)))
    (block $done
      (loop $step
        (br_if $done (i32.ge_u (local.get $dst) (local.get $end)))
        (f32.store (local.get $dst)
          (f32.add (f32.load (local.get $dst)) (f32.load (local.get $x))))
        (local.set $dst (i32.add (local.get $dst) (i32.const 4)))
        (local.set $x (i32.add (local.get $x) (i32.const 4)))
        (br $step))))

  ;; relu sets y = max(z, 0); y may be z.
  (func $relu (export "relu") (param $y i32) (param $z i32) (param $n i32)
    (local $i i32) (local $end4 i32) (local $end i32)
    (local.set $end (i32.shl (local.get $n) (i32.const 2)))
    (local.set $end4 (i32.and (local.get $end) (i32.const -16)))
    (block $done
      (loop $step
        (br_if $done (i32.ge_u (local.get $i) (local.get $end4)))
        (v128.store (i32.add (local.get $y) (local.get $i))
          (f32x4.max (v128.load (i32.add (local.get $z) (local.get $i)))
            (v128.const f32x4 0 0 0 0)))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $step)))
    (block $done
      (loop $step
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        (f32.store (i32.add (local.get $y) (local.get $i))
          (f32.max (f32.load (i32.add (local.get $z) (local.get $i))) (f32.const 0)))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $step))))

  ;; relu_backprop sets dz = 0 where z ≤ 0 and dy elsewhere (NaN z passes
  ;; dy through, as the Go reference does); dz may be dy.
  (func $relu_backprop (export "relu_backprop")
    (param $dz i32) (param $dy i32) (param $z i32) (param $n i32)
    (local $i i32) (local $end4 i32) (local $end i32)
    (local.set $end (i32.shl (local.get $n) (i32.const 2)))
    (local.set $end4 (i32.and (local.get $end) (i32.const -16)))
    (block $done
      (loop $step
        (br_if $done (i32.ge_u (local.get $i) (local.get $end4)))
        (v128.store (i32.add (local.get $dz) (local.get $i))
          (v128.andnot (v128.load (i32.add (local.get $dy) (local.get $i)))
            (f32x4.le (v128.load (i32.add (local.get $z) (local.get $i)))
              (v128.const f32x4 0 0 0 0))))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $step)))
    (block $done
      (loop $step
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        (f32.store (i32.add (local.get $dz) (local.get $i))
          (select (f32.const 0) (f32.load (i32.add (local.get $dy) (local.get $i)))
            (f32.le (f32.load (i32.add (local.get $z) (local.get $i))) (f32.const 0))))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $step))))

  ;; leaky_relu sets y = z where z > 0, else slope·z; y may be z. The
  ;; product is taken in float64 and rounded to float32, as in the Go
  ;; reference (and TensorFlow.js), two lanes at a time.
  (func $leaky_relu (export "leaky_relu")
    (param $y i32) (param $z i32) (param $n i32) (param $slope f64)
    (local $i i32) (local $end4 i32) (local $end i32) (local $s v128) (local $v v128) (local $f f32)
    (local.set $s (f64x2.splat (local.get $slope)))
    (local.set $end (i32.shl (local.get $n) (i32.const 2)))
    (local.set $end4 (i32.and (local.get $end) (i32.const -16)))
    (block $done
      (loop $step
        (br_if $done (i32.ge_u (local.get $i) (local.get $end4)))
        (local.set $v (v128.load (i32.add (local.get $z) (local.get $i))))
        (v128.store (i32.add (local.get $y) (local.get $i))
          (v128.bitselect (local.get $v) (call $scale64 (local.get $v) (local.get $s))
            (f32x4.gt (local.get $v) (v128.const f32x4 0 0 0 0))))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $step)))
    (block $done
      (loop $step
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        (local.set $f (f32.load (i32.add (local.get $z) (local.get $i))))
        (f32.store (i32.add (local.get $y) (local.get $i))
          (select (local.get $f)
            (f32.demote_f64 (f64.mul (local.get $slope) (f64.promote_f32 (local.get $f))))
            (f32.gt (local.get $f) (f32.const 0))))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $step))))

  ;; scale64 returns the 4 lanes of v times s (two equal float64 lanes),
  ;; each product taken in float64 and rounded to float32.
  (func $scale64 (param $v v128) (param $s v128) (result v128)
    (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
      (f32x4.demote_f64x2_zero (f64x2.mul (local.get $s) (f64x2.promote_low_f32x4 (local.get $v))))
      (f32x4.demote_f64x2_zero (f64x2.mul (local.get $s) (f64x2.promote_low_f32x4
        (i8x16.shuffle 8 9 10 11 12 13 14 15 8 9 10 11 12 13 14 15
          (local.get $v) (local.get $v)))))))

  ;; leaky_relu_backprop sets dz = dy where z > 0, else slope·dy; dz may be dy.
  (func $leaky_relu_backprop (export "leaky_relu_backprop")
    (param $dz i32) (param $dy i32) (param $z i32) (param $n i32) (param $slope f32)
    (local $i i32) (local $end4 i32) (local $end i32) (local $s v128) (local $d v128) (local $f f32)
    (local.set $s (f32x4.splat (local.get $slope)))
    (local.set $end (i32.shl (local.get $n) (i32.const 2)))
    (local.set $end4 (i32.and (local.get $end) (i32.const -16)))
    (block $done
      (loop $step
        (br_if $done (i32.ge_u (local.get $i) (local.get $end4)))
        (local.set $d (v128.load (i32.add (local.get $dy) (local.get $i))))
        (v128.store (i32.add (local.get $dz) (local.get $i))
          (v128.bitselect (local.get $d) (f32x4.mul (local.get $s) (local.get $d))
            (f32x4.gt (v128.load (i32.add (local.get $z) (local.get $i)))
              (v128.const f32x4 0 0 0 0))))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $step)))
    (block $done
      (loop $step
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        (local.set $f (f32.load (i32.add (local.get $dy) (local.get $i))))
        (f32.store (i32.add (local.get $dz) (local.get $i))
          (select (local.get $f) (f32.mul (local.get $slope) (local.get $f))
            (f32.gt (f32.load (i32.add (local.get $z) (local.get $i))) (f32.const 0))))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $step))))

  ;; add_scaled sets y += alpha·x (the L2 gradient dW += 2·L2·W).
  (func $add_scaled (export "add_scaled")
    (param $y i32) (param $x i32) (param $n i32) (param $alpha f32)
    (local $i i32) (local $end4 i32) (local $end i32) (local $s v128)
    (local.set $s (f32x4.splat (local.get $alpha)))
    (local.set $end (i32.shl (local.get $n) (i32.const 2)))
    (local.set $end4 (i32.and (local.get $end) (i32.const -16)))
    (block $done
      (loop $step
        (br_if $done (i32.ge_u (local.get $i) (local.get $end4)))
        (v128.store (i32.add (local.get $y) (local.get $i))
          (f32x4.add (v128.load (i32.add (local.get $y) (local.get $i)))
            (f32x4.mul (local.get $s) (v128.load (i32.add (local.get $x) (local.get $i))))))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $step)))
    (block $done
      (loop $step
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        (f32.store (i32.add (local.get $y) (local.get $i))
          (f32.add (f32.load (i32.add (local.get $y) (local.get $i)))
            (f32.mul (local.get $alpha) (f32.load (i32.add (local.get $x) (local.get $i))))))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $step))))

  ;; ---------------------------------------------------------------------
  ;; Optimizer updates over the flat parameter vector, with the formulas and
  ;; float32 rounding of package optim (Keras 3). Each runs a vector loop
  ;; over 4 lanes, then the same formulas on the last n mod 4 values.

  ;; sgd: p ← p − g·lr.
  (func $sgd (export "sgd") (param $p i32) (param $g i32) (param $n i32) (param $lr f32)
    (call $add_scaled (local.get $p) (local.get $g) (local.get $n) (f32.neg (local.get $lr))))

  ;; The optimizers store their state flushed: a subnormal value becomes +0
  ;; (the lanes whose exponent bits are all zero are cleared), as Go's
  ;; kernel.Flush does, because arithmetic on subnormals is about a hundred
  ;; times slower and the state of a weight whose gradient stays zero
  ;; otherwise sticks there.

  ;; momentum: v ← flush(v·μ − g·lr); p ← p + v, or with Nesterov
  ;; p ← p + v·μ − g·lr.
  (func $momentum (export "momentum")
    (param $p i32) (param $g i32) (param $v i32) (param $n i32)
    (param $lr f32) (param $mu f32) (param $nesterov i32)
    (local $expo4 v128) (local $i i32) (local $end4 i32) (local $end i32)
    (local $lr4 v128) (local $mu4 v128) (local $glr v128) (local $vel v128)
    (local $glr1 f32) (local $vel1 f32)
    (local.set $lr4 (f32x4.splat (local.get $lr)))
    (local.set $mu4 (f32x4.splat (local.get $mu)))
    (local.set $expo4 (v128.const i32x4 0x7f800000 0x7f800000 0x7f800000 0x7f800000))
    (local.set $end (i32.shl (local.get $n) (i32.const 2)))
    (local.set $end4 (i32.and (local.get $end) (i32.const -16)))
    (block $done
      (loop $step
        (br_if $done (i32.ge_u (local.get $i) (local.get $end4)))
        (local.set $glr (f32x4.mul (v128.load (i32.add (local.get $g) (local.get $i)))
          (local.get $lr4)))
        (local.set $vel (f32x4.sub
          (f32x4.mul (v128.load (i32.add (local.get $v) (local.get $i))) (local.get $mu4))
          (local.get $glr)))
        (local.set $vel (v128.andnot (local.get $vel) (i32x4.eq (v128.and (local.get $vel) (local.get $expo4)) (v128.const i32x4 0 0 0 0))))
        (v128.store (i32.add (local.get $v) (local.get $i)) (local.get $vel))
        (if (local.get $nesterov)
          (then (local.set $vel (f32x4.sub (f32x4.mul (local.get $vel) (local.get $mu4))
            (local.get $glr)))))
        (v128.store (i32.add (local.get $p) (local.get $i))
          (f32x4.add (v128.load (i32.add (local.get $p) (local.get $i))) (local.get $vel)))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $step)))
    (block $done
      (loop $step
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        (local.set $glr1 (f32.mul (f32.load (i32.add (local.get $g) (local.get $i)))
          (local.get $lr)))
        (local.set $vel1 (f32.sub
          (f32.mul (f32.load (i32.add (local.get $v) (local.get $i))) (local.get $mu))
          (local.get $glr1)))
        (local.set $vel1 (select (f32.const 0) (local.get $vel1) (i32.eqz (i32.and (i32.reinterpret_f32 (local.get $vel1)) (i32.const 0x7f800000)))))
        (f32.store (i32.add (local.get $v) (local.get $i)) (local.get $vel1))
        (if (local.get $nesterov)
          (then (local.set $vel1 (f32.sub (f32.mul (local.get $vel1) (local.get $mu))
            (local.get $glr1)))))
        (f32.store (i32.add (local.get $p) (local.get $i))
          (f32.add (f32.load (i32.add (local.get $p) (local.get $i))) (local.get $vel1)))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $step))))

  ;; rmsprop: v ← flush(ρ·v + decay·g²); Δ ← lr·g / √(v + ε); with μ ≠ 0
  ;; mom ← flush(μ·mom + Δ) and Δ ← mom; p ← p − Δ. mom is not touched
  ;; when μ = 0.
  (func $rmsprop (export "rmsprop")
    (param $p i32) (param $g i32) (param $v i32) (param $mom i32) (param $n i32)
    (param $lr f32) (param $rho f32) (param $decay f32) (param $eps f32) (param $mu f32)
    (local $expo4 v128) (local $i i32) (local $end4 i32) (local $end i32) (local $usemom i32)
    (local $lr4 v128) (local $rho4 v128) (local $decay4 v128) (local $eps4 v128) (local $mu4 v128)
    (local $gv v128) (local $vel v128) (local $d v128)
    (local $g1 f32) (local $vel1 f32) (local $d1 f32)
    (local.set $usemom (f32.ne (local.get $mu) (f32.const 0)))
    (local.set $lr4 (f32x4.splat (local.get $lr)))
    (local.set $rho4 (f32x4.splat (local.get $rho)))
    (local.set $decay4 (f32x4.splat (local.get $decay)))
    (local.set $eps4 (f32x4.splat (local.get $eps)))
    (local.set $mu4 (f32x4.splat (local.get $mu)))
    (local.set $expo4 (v128.const i32x4 0x7f800000 0x7f800000 0x7f800000 0x7f800000))
    (local.set $end (i32.shl (local.get $n) (i32.const 2)))
    (local.set $end4 (i32.and (local.get $end) (i32.const -16)))
    (block $done
      (loop $step
        (br_if $done (i32.ge_u (local.get $i) (local.get $end4)))
        (local.set $gv (v128.load (i32.add (local.get $g) (local.get $i))))
        (local.set $vel (f32x4.add
          (f32x4.mul (local.get $rho4) (v128.load (i32.add (local.get $v) (local.get $i))))
          (f32x4.mul (local.get $decay4) (f32x4.mul (local.get $gv) (local.get $gv)))))
        (local.set $vel (v128.andnot (local.get $vel) (i32x4.eq (v128.and (local.get $vel) (local.get $expo4)) (v128.const i32x4 0 0 0 0))))
        (v128.store (i32.add (local.get $v) (local.get $i)) (local.get $vel))
        (local.set $d (f32x4.div (f32x4.mul (local.get $lr4) (local.get $gv))
          (f32x4.sqrt (f32x4.add (local.get $vel) (local.get $eps4)))))
        (if (local.get $usemom)
          (then
            (local.set $d (f32x4.add
              (f32x4.mul (local.get $mu4) (v128.load (i32.add (local.get $mom) (local.get $i))))
              (local.get $d)))
            (local.set $d (v128.andnot (local.get $d) (i32x4.eq (v128.and (local.get $d) (local.get $expo4)) (v128.const i32x4 0 0 0 0))))
            (v128.store (i32.add (local.get $mom) (local.get $i)) (local.get $d))))
        (v128.store (i32.add (local.get $p) (local.get $i))
          (f32x4.sub (v128.load (i32.add (local.get $p) (local.get $i))) (local.get $d)))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $step)))
    (block $done
      (loop $step
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        (local.set $g1 (f32.load (i32.add (local.get $g) (local.get $i))))
        (local.set $vel1 (f32.add
          (f32.mul (local.get $rho) (f32.load (i32.add (local.get $v) (local.get $i))))
          (f32.mul (local.get $decay) (f32.mul (local.get $g1) (local.get $g1)))))
        (local.set $vel1 (select (f32.const 0) (local.get $vel1) (i32.eqz (i32.and (i32.reinterpret_f32 (local.get $vel1)) (i32.const 0x7f800000)))))
        (f32.store (i32.add (local.get $v) (local.get $i)) (local.get $vel1))
        (local.set $d1 (f32.div (f32.mul (local.get $lr) (local.get $g1))
          (f32.sqrt (f32.add (local.get $vel1) (local.get $eps)))))
        (if (local.get $usemom)
          (then
            (local.set $d1 (f32.add
              (f32.mul (local.get $mu) (f32.load (i32.add (local.get $mom) (local.get $i))))
              (local.get $d1)))
            (local.set $d1 (select (f32.const 0) (local.get $d1) (i32.eqz (i32.and (i32.reinterpret_f32 (local.get $d1)) (i32.const 0x7f800000)))))
            (f32.store (i32.add (local.get $mom) (local.get $i)) (local.get $d1))))
        (f32.store (i32.add (local.get $p) (local.get $i))
          (f32.sub (f32.load (i32.add (local.get $p) (local.get $i))) (local.get $d1)))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $step))))

  ;; adam: m ← flush(m + (g − m)·decay1); v ← flush(v + (g² − v)·decay2);
  ;; p ← p − m·(α / (√v + ε)), with α the bias-corrected step size.
  (func $adam (export "adam")
    (param $p i32) (param $g i32) (param $m i32) (param $v i32) (param $n i32)
    (param $alpha f32) (param $decay1 f32) (param $decay2 f32) (param $eps f32)
    (local $expo4 v128) (local $i i32) (local $end4 i32) (local $end i32)
    (local $alpha4 v128) (local $d14 v128) (local $d24 v128) (local $eps4 v128)
    (local $gv v128) (local $mv v128) (local $vv v128)
    (local $g1 f32) (local $m1 f32) (local $v1 f32)
    (local.set $alpha4 (f32x4.splat (local.get $alpha)))
    (local.set $d14 (f32x4.splat (local.get $decay1)))
    (local.set $d24 (f32x4.splat (local.get $decay2)))
    (local.set $eps4 (f32x4.splat (local.get $eps)))
    (local.set $expo4 (v128.const i32x4 0x7f800000 0x7f800000 0x7f800000 0x7f800000))
    (local.set $end (i32.shl (local.get $n) (i32.const 2)))
    (local.set $end4 (i32.and (local.get $end) (i32.const -16)))
    (block $done
      (loop $step
        (br_if $done (i32.ge_u (local.get $i) (local.get $end4)))
        (local.set $gv (v128.load (i32.add (local.get $g) (local.get $i))))
        (local.set $mv (v128.load (i32.add (local.get $m) (local.get $i))))
        (local.set $mv (f32x4.add (local.get $mv)
          (f32x4.mul (f32x4.sub (local.get $gv) (local.get $mv)) (local.get $d14))))
        (local.set $mv (v128.andnot (local.get $mv) (i32x4.eq (v128.and (local.get $mv) (local.get $expo4)) (v128.const i32x4 0 0 0 0))))
        (v128.store (i32.add (local.get $m) (local.get $i)) (local.get $mv))
        (local.set $vv (v128.load (i32.add (local.get $v) (local.get $i))))
        (local.set $vv (f32x4.add (local.get $vv)
          (f32x4.mul (f32x4.sub (f32x4.mul (local.get $gv) (local.get $gv)) (local.get $vv))
            (local.get $d24))))
        (local.set $vv (v128.andnot (local.get $vv) (i32x4.eq (v128.and (local.get $vv) (local.get $expo4)) (v128.const i32x4 0 0 0 0))))
        (v128.store (i32.add (local.get $v) (local.get $i)) (local.get $vv))
        (v128.store (i32.add (local.get $p) (local.get $i))
          (f32x4.sub (v128.load (i32.add (local.get $p) (local.get $i)))
            (f32x4.mul (local.get $mv)
              (f32x4.div (local.get $alpha4)
                (f32x4.add (f32x4.sqrt (local.get $vv)) (local.get $eps4))))))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $step)))
    (block $done
      (loop $step
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        (local.set $g1 (f32.load (i32.add (local.get $g) (local.get $i))))
        (local.set $m1 (f32.load (i32.add (local.get $m) (local.get $i))))
        (local.set $m1 (f32.add (local.get $m1)
          (f32.mul (f32.sub (local.get $g1) (local.get $m1)) (local.get $decay1))))
        (local.set $m1 (select (f32.const 0) (local.get $m1) (i32.eqz (i32.and (i32.reinterpret_f32 (local.get $m1)) (i32.const 0x7f800000)))))
        (f32.store (i32.add (local.get $m) (local.get $i)) (local.get $m1))
        (local.set $v1 (f32.load (i32.add (local.get $v) (local.get $i))))
        (local.set $v1 (f32.add (local.get $v1)
          (f32.mul (f32.sub (f32.mul (local.get $g1) (local.get $g1)) (local.get $v1))
            (local.get $decay2))))
        (local.set $v1 (select (f32.const 0) (local.get $v1) (i32.eqz (i32.and (i32.reinterpret_f32 (local.get $v1)) (i32.const 0x7f800000)))))
        (f32.store (i32.add (local.get $v) (local.get $i)) (local.get $v1))
        (f32.store (i32.add (local.get $p) (local.get $i))
          (f32.sub (f32.load (i32.add (local.get $p) (local.get $i)))
            (f32.mul (local.get $m1)
              (f32.div (local.get $alpha)
                (f32.add (f32.sqrt (local.get $v1)) (local.get $eps))))))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $step)))))
