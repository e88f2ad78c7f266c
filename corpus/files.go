package corpus

import (
	"context"
	"io/fs"
	"path"
	"strings"
)

// Files lists the files Load looks at under fsys, in Load's order, with the
// same rules (hidden files and folders and node_modules left out). A cache
// of a load (package snapshot) hashes exactly these.
func Files(ctx context.Context, fsys fs.FS) ([]string, error) {
	return newLoader(fsys, Config{}).list(ctx)
}

// Reads reports whether Load reads the content of a file with this path; it
// skips the others by their name alone (an unsupported type). The root's
// variables.json is read for the values it gives the pages.
func Reads(path string) bool {
	return formatOf(path) != "" || path == siteVarsFile || isYAMLPath(path) // a YAML file may be a DocFX FAQ page
}

// errorPage reports whether path is a site's "page not found" page
// (404.html, 404.md, …), which site generators (mdBook, Jekyll, Hugo,
// Starlight) want at a fixed name: boilerplate a reader should never be
// cited, known by its name whatever its language.
func errorPage(p string) bool {
	base := path.Base(p)
	return strings.EqualFold(strings.TrimSuffix(base, path.Ext(base)), "404")
}
