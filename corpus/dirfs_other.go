//go:build !linux

package corpus

import "io/fs"

// openRegular does not open by descriptor here: ok is false, and Load
// opens the file through the fs.FS.
func (d dirFS) openRegular(string) (f fs.File, ok bool, err error) { return nil, false, nil }
