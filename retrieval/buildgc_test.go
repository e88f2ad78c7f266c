package retrieval

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"testing"
)

func gcPercent() int {
	p := debug.SetGCPercent(-1)
	debug.SetGCPercent(p)
	return p
}

// Overlapping builds lower the collector's headroom once and put back the
// setting they found when the last one ends; a small build, or a setting
// already lower, is left alone.
func TestHoldBuildGC(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	for _, tc := range []struct {
		name    string
		setting int
		size    int
		during  int
	}{
		{"big build", 100, buildGCBytes, buildGCPercent},
		{"small build", 100, buildGCBytes - 1, 100},
		{"lower already", 10, buildGCBytes, 10},
		{"collector off", -1, buildGCBytes, -1},
	} {
		debug.SetGCPercent(tc.setting)
		outer := holdBuildGC(tc.size)
		inner := holdBuildGC(tc.size)
		if got := gcPercent(); got != tc.during {
			t.Errorf("%s: GOGC %d during two builds, want %d", tc.name, got, tc.during)
		}
		outer.release()
		if got := gcPercent(); got != tc.during {
			t.Errorf("%s: GOGC %d after the first build ended, want %d", tc.name, got, tc.during)
		}
		inner.release()
		if got := gcPercent(); got != tc.setting {
			t.Errorf("%s: GOGC %d after both, want %d back", tc.name, got, tc.setting)
		}
	}
}

// A big build turns the collector off until its layout, and overlapping
// builds put back the held setting only when the last has got there; a
// small build is left alone, and a setting already lower comes back.
func TestPauseBuildGC(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	for _, tc := range []struct {
		name    string
		setting int
		size    int
		paused  int // while analysing
		held    int // after
	}{
		{"big build", 100, buildGCBytes, -1, buildGCPercent},
		{"small build", 100, buildGCBytes - 1, 100, 100},
		{"lower already", 10, buildGCBytes, -1, 10},
		{"collector off", -1, buildGCBytes, -1, -1},
	} {
		debug.SetGCPercent(tc.setting)
		a, b := holdBuildGC(tc.size), holdBuildGC(tc.size)
		resumeA := a.pause()
		resumeB := b.pause()
		if got := gcPercent(); got != tc.paused {
			t.Errorf("%s: GOGC %d while two builds analyse, want %d", tc.name, got, tc.paused)
		}
		resumeA()
		if got := gcPercent(); got != tc.paused {
			t.Errorf("%s: GOGC %d while one build still analyses, want %d", tc.name, got, tc.paused)
		}
		resumeB()
		if got := gcPercent(); got != tc.held {
			t.Errorf("%s: GOGC %d once both analysed, want %d", tc.name, got, tc.held)
		}
		a.release()
		b.release()
		if got := gcPercent(); got != tc.setting {
			t.Errorf("%s: GOGC %d after both, want %d back", tc.name, got, tc.setting)
		}
	}
}

// unknownHeap, which decides whether a pause collects first, is about
// nothing right after a collection and counts the garbage made since.
func TestUnknownHeap(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(-1)) // no collection meanwhile
	runtime.GC()
	if u := unknownHeap(); u > buildGCPercent/2 {
		t.Errorf("right after a collection: %d%% of the live heap unknown, want about 0", u)
	}
	live := liveHeap()
	for range 4 * max(live>>20, 16) {
		garbage = make([]byte, 1<<20)
	}
	if u := unknownHeap(); u <= buildGCPercent {
		t.Errorf("after 4 × the live heap (%d bytes) of garbage: %d%% unknown, want over %d%%", live, u, buildGCPercent)
	}
}

var garbage []byte

func liveHeap() uint64 {
	m := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(m)
	return m[0].Value.Uint64()
}
