package retrieval

import (
	"runtime/debug"
	"sync"
)

// A big build's memory peaks at its live heap (the items' text, which the
// caller holds, and the index growing beside its scratch) plus the
// collector's headroom, which at the default GOGC of 100 is as much again
// as the heap that was live at the last collection. While an index of at
// least buildGCBytes of text is built, the headroom is lowered to
// buildGCPercent, and put back after the last such build: a few more
// collections, of a heap whose bulk (text, postings) holds no pointers.
const (
	buildGCBytes   = 64 << 20
	buildGCPercent = 25
)

// buildGC is the process's one collector setting, so its holder is
// process-wide too: builds may overlap (a reload during a start).
var buildGC struct {
	mu   sync.Mutex
	n    int // builds holding it
	prev int // the setting to put back
}

// holdBuildGC lowers the collector's headroom for a build of size bytes of
// text, if it is big; call the function returned when the build is done.
// A setting already lower (or the collector off) is left alone.
func holdBuildGC(size int) (release func()) {
	if size < buildGCBytes {
		return func() {}
	}
	buildGC.mu.Lock()
	defer buildGC.mu.Unlock()
	if buildGC.n == 0 {
		buildGC.prev = debug.SetGCPercent(buildGCPercent)
		if buildGC.prev < buildGCPercent { // -1: off
			debug.SetGCPercent(buildGC.prev)
		}
	}
	buildGC.n++
	return func() {
		buildGC.mu.Lock()
		defer buildGC.mu.Unlock()
		if buildGC.n--; buildGC.n == 0 {
			debug.SetGCPercent(buildGC.prev)
		}
	}
}
