//go:build !unix

package store

import "context"

// lockWriters is a no-op where flock is missing: processes sharing the file
// wait for each other in SQLite's busy handler alone.
func lockWriters(ctx context.Context, path string) (release func(), err error) {
	return func() {}, ctx.Err()
}
