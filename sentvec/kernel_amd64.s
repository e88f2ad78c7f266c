//go:build amd64 && !purego

#include "textflag.h"

// func dot2x4q8(out *[8]float32, w0, w1 *int8, x0, x1, x2, x3 *float32, n int)
//
// out[k] = w0·xk and out[4+k] = w1·xk over n values (a multiple of 8); w0
// and w1 are int8, their scales the caller's. AVX2 and FMA.
TEXT ·dot2x4q8(SB), NOSPLIT, $0-64
	MOVQ out+0(FP), DI
	MOVQ w0+8(FP), SI
	MOVQ w1+16(FP), DX
	MOVQ x0+24(FP), R8
	MOVQ x1+32(FP), R9
	MOVQ x2+40(FP), R10
	MOVQ x3+48(FP), R11
	MOVQ n+56(FP), CX
	XORQ BX, BX // weight index
	XORQ AX, AX // float byte offset, 4·BX
	VXORPS Y0, Y0, Y0
	VXORPS Y1, Y1, Y1
	VXORPS Y2, Y2, Y2
	VXORPS Y3, Y3, Y3
	VXORPS Y4, Y4, Y4
	VXORPS Y5, Y5, Y5
	VXORPS Y6, Y6, Y6
	VXORPS Y7, Y7, Y7

loop:
	CMPQ BX, CX
	JGE  done
	VPMOVSXBD (SI)(BX*1), Y8
	VPMOVSXBD (DX)(BX*1), Y9
	VCVTDQ2PS Y8, Y8
	VCVTDQ2PS Y9, Y9
	VMOVUPS (R8)(AX*1), Y10
	VFMADD231PS Y10, Y8, Y0
	VFMADD231PS Y10, Y9, Y4
	VMOVUPS (R9)(AX*1), Y11
	VFMADD231PS Y11, Y8, Y1
	VFMADD231PS Y11, Y9, Y5
	VMOVUPS (R10)(AX*1), Y12
	VFMADD231PS Y12, Y8, Y2
	VFMADD231PS Y12, Y9, Y6
	VMOVUPS (R11)(AX*1), Y13
	VFMADD231PS Y13, Y8, Y3
	VFMADD231PS Y13, Y9, Y7
	ADDQ $8, BX
	ADDQ $32, AX
	JMP  loop

done:
	// Y0..Y3 hold the lanes of w0·x0..x3, Y4..Y7 of w1·x0..x3: pairwise
	// horizontal adds leave w0·xk's halves in lane k of each 128-bit half.
	VHADDPS Y1, Y0, Y0
	VHADDPS Y3, Y2, Y2
	VHADDPS Y2, Y0, Y0
	VHADDPS Y5, Y4, Y4
	VHADDPS Y7, Y6, Y6
	VHADDPS Y6, Y4, Y4
	VEXTRACTF128 $1, Y0, X1
	VADDPS X1, X0, X0
	VEXTRACTF128 $1, Y4, X5
	VADDPS X5, X4, X4
	VMOVUPS X0, 0(DI)
	VMOVUPS X4, 16(DI)
	VZEROUPPER
	RET
