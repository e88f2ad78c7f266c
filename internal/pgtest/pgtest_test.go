package pgtest

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Without the server binaries the tests that need them fail with a
// message that says how to get them, never skip.
func TestNoBinariesSaysHowToInstall(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	_, err := findBin(filepath.Join(t.TempDir(), "*", "bin"))
	if !errors.Is(err, ErrNoServer) {
		t.Fatalf("findBin = %v, want ErrNoServer", err)
	}
	for _, want := range []string{"apt-get install postgresql", EnvURL} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("the error %q does not mention %q", err, want)
		}
	}
}

// The newest version's folder is chosen among Debian's.
func TestFindsNewestDebianVersion(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	root := t.TempDir()
	for _, v := range []string{"9", "15", "13"} {
		dir := filepath.Join(root, v, "bin")
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "initdb"), nil, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	got, err := findBin(filepath.Join(root, "*", "bin"))
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(root, "15", "bin"); got != want {
		t.Errorf("findBin = %s, want %s", got, want)
	}
}
