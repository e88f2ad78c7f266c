package retrieval

import (
	"runtime/debug"
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
		outer()
		if got := gcPercent(); got != tc.during {
			t.Errorf("%s: GOGC %d after the first build ended, want %d", tc.name, got, tc.during)
		}
		inner()
		if got := gcPercent(); got != tc.setting {
			t.Errorf("%s: GOGC %d after both, want %d back", tc.name, got, tc.setting)
		}
	}
}
