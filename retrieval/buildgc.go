package retrieval

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// A big build's memory peaks at its live heap (the items' text, which the
// caller holds, and the index growing beside its scratch) plus the
// collector's headroom, which at the default GOGC of 100 is as much again
// as the heap that was live at the last collection. While an index of at
// least buildGCBytes of text is built, the headroom is lowered to
// buildGCPercent, and put back after the last such build: a few more
// collections, of a heap whose bulk (text, postings) holds no pointers.
//
// Until such a build lays its postings out, though, the collector is off
// (buildHold.pause): nearly all it allocates till then is kept (the
// per-item lists, the dictionaries and word caches, then the postings), so
// a collection frees little, and each one scans the caller's heap again
// (the corpus's documents and passages, the most pointers in the
// process), more often the more the heap has grown: at 1 M passages the
// index step made 13–15 collections at GOGC 25, and makes 2–3 paused. What
// it leaves as garbage meanwhile (grown slices and maps, the analysers'
// and documents' scratch) is small beside what it keeps. The layout, whose
// per-item lists become garbage as it reads them, runs at buildGCPercent.
const (
	buildGCBytes   = 64 << 20
	buildGCPercent = 25
)

// buildGC is the process's one collector setting, so its holder is
// process-wide too: builds may overlap (a reload during a start).
var buildGC struct {
	mu     sync.Mutex
	n      int // builds holding it
	paused int // of them, paused
	prev   int // the setting to put back
}

// buildHold is one build's hold on the collector's setting; the zero
// value (a small build) holds nothing.
type buildHold struct{ big bool }

// holdBuildGC lowers the collector's headroom for a build of size bytes of
// text, if it is big; call release when the build is done. A setting
// already lower (or the collector off) is left alone.
func holdBuildGC(size int) buildHold {
	if size < buildGCBytes {
		return buildHold{}
	}
	buildGC.mu.Lock()
	defer buildGC.mu.Unlock()
	if buildGC.n == 0 {
		buildGC.prev = debug.SetGCPercent(buildGCPercent)
	}
	buildGC.n++
	setBuildGC()
	return buildHold{big: true}
}

// release ends the hold.
func (h buildHold) release() {
	if !h.big {
		return
	}
	buildGC.mu.Lock()
	defer buildGC.mu.Unlock()
	buildGC.n--
	setBuildGC()
}

// pause turns the collector off, until resume is called, while the build
// makes what it keeps.
func (h buildHold) pause() (resume func()) {
	if !h.big {
		return func() {}
	}
	buildGC.mu.Lock()
	defer buildGC.mu.Unlock()
	if buildGC.paused == 0 && buildGC.prev >= 0 && unknownHeap() > buildGCPercent {
		// The heap may hold more garbage than the held headroom (the
		// loader's, as a reload leaves it): the pause would keep it.
		runtime.GC()
	}
	buildGC.paused++
	setBuildGC()
	return func() {
		buildGC.mu.Lock()
		defer buildGC.mu.Unlock()
		buildGC.paused--
		setBuildGC()
	}
}

// unknownHeap is what the heap holds beyond the live heap of the last
// collection, live or not, as a percentage of that.
func unknownHeap() uint64 {
	m := []metrics.Sample{{Name: "/gc/heap/live:bytes"}, {Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(m)
	live, objects := m[0].Value.Uint64(), m[1].Value.Uint64()
	if live == 0 || objects <= live {
		return 0
	}
	return (objects - live) * 100 / live
}

// setBuildGC sets the collector for the builds holding it, with
// buildGC.mu held: off while one is paused, else buildGCPercent (or the
// setting found, if lower), and the setting found after the last.
func setBuildGC() {
	switch p := buildGC.prev; {
	case buildGC.n == 0:
		debug.SetGCPercent(p)
	case buildGC.paused > 0:
		debug.SetGCPercent(-1)
	case p < buildGCPercent: // lower, or -1: off
		debug.SetGCPercent(p)
	default:
		debug.SetGCPercent(buildGCPercent)
	}
}
