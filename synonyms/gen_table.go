//go:build ignore

// gen_table holds what gen_wordnet.go and gen_cedict.go share: writing the
// table they make, gzipped. Each generator is run with it:
//
//	go run gen_wordnet.go gen_table.go -wordnet $OEWN_DIR
package main

import (
	"compress/gzip"
	"io"
	"os"
)

// writeTable creates out and writes it, gzipped at the best compression,
// through write. No name or time in the gzip header: the same source gives
// the same bytes.
func writeTable(out string, write func(io.Writer) error) error {
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	zw, err := gzip.NewWriterLevel(f, gzip.BestCompression)
	if err != nil {
		f.Close()
		return err
	}
	if err := write(zw); err != nil {
		f.Close()
		return err
	}
	if err := zw.Close(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
