//go:build amd64 && !purego

package sentvec

import "golang.org/x/sys/cpu"

// hasFMA reports whether dot2x4q8 can run here.
func hasFMA() bool { return cpu.X86.HasAVX2 && cpu.X86.HasFMA }

// dot2x4q8 is in kernel_amd64.s.
//
//go:noescape
func dot2x4q8(out *[8]float32, w0, w1 *int8, x0, x1, x2, x3 *float32, n int)
