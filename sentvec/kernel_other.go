//go:build !amd64 || purego

package sentvec

func hasFMA() bool { return false }

func dot2x4q8(out *[8]float32, w0, w1 *int8, x0, x1, x2, x3 *float32, n int) {
	panic("sentvec: no int8 kernel on this platform")
}
