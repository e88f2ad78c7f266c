//go:build !amd64 || purego

package sentvec

func hasFMA() bool { return false }

func dot2x4fma(out *[64]float32, w0, w1, x0, x1, x2, x3 *float32, n int) {
	panic("sentvec: no FMA kernel on this platform")
}
