// Package gzfile writes the gzip-compressed data files iorkit embeds, for
// the generators under */internal/gen: best compression and a header with
// no name and no time, so the same input always gives the same bytes and
// a regenerated file changes only when its data does.
package gzfile

import (
	"bytes"
	"compress/gzip"
	"os"
)

// Compress returns data gzip-compressed at gzip.BestCompression with an
// empty header.
func Compress(data []byte) ([]byte, error) {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := zw.Write(data); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// CompressFile writes the file src gzip-compressed (see Compress) to dst.
func CompressFile(src, dst string) error {
	in, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	out, err := Compress(in)
	if err != nil {
		return err
	}
	return os.WriteFile(dst, out, 0o644)
}
