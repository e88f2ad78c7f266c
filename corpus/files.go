package corpus

import (
	"context"
	"io/fs"
)

// Files lists the files Load looks at under fsys, in Load's order, with the
// same rules (hidden files and folders and node_modules left out). A cache
// of a load (package snapshot) hashes exactly these.
func Files(ctx context.Context, fsys fs.FS) ([]string, error) {
	return newLoader(fsys, Config{}).list(ctx)
}

// Reads reports whether Load reads the content of a file with this path; it
// skips the others by their name alone (an unsupported type).
func Reads(path string) bool { return formatOf(path) != "" }
