package hts

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/iorkit/iorkit/duty"
	"github.com/iorkit/iorkit/internal/limits"
	"github.com/iorkit/iorkit/internal/period"
)

// layerCSV reads the CSV files of AddLayers and AddLayerGaps: a header of
// known columns (any order, a BOM and case ignored, an exclusive-looking
// end refused), then records bounded like the export (DefaultMaxBytes in
// all, duty.MaxFieldBytes a cell). Every error is a *LayerError naming the
// row.
type layerCSV struct {
	cr     *csv.Reader
	input  string // for limit errors, e.g. "hts: layers"
	header []string
	col    map[string]int
	rec    []string
	row    int
}

// newLayerCSV reads the header of r, which may name only columns and must
// name every one of required.
func newLayerCSV(r io.Reader, input string, columns, required []string) (*layerCSV, error) {
	cr := csv.NewReader(limits.Reader(r, DefaultMaxBytes, input))
	cr.Comment = '#'
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		return nil, &LayerError{Row: 1, Err: fmt.Errorf("reading the header: %w", err)}
	}
	col := map[string]int{}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\uFEFF")))
		if period.Refused(h) {
			return nil, &LayerError{Row: 1, Column: h, Value: h, Err: errors.New(period.Message(h))}
		}
		if h != "" && !slices.Contains(columns, h) {
			return nil, &LayerError{Row: 1, Column: h, Value: header[i], Err: fmt.Errorf("unknown column: want %s", strings.Join(columns, ","))}
		}
		col[h] = i
	}
	for _, req := range required {
		if _, ok := col[req]; !ok {
			return nil, &LayerError{Row: 1, Column: req, Err: fmt.Errorf("missing column: want %s", strings.Join(columns, ","))}
		}
	}
	return &layerCSV{cr: cr, input: input, header: header, col: col}, nil
}

// next reads the next record: false at the end of the input.
func (c *layerCSV) next() (bool, error) {
	rec, err := c.cr.Read()
	if err == io.EOF {
		return false, nil
	}
	if err != nil {
		var pe *csv.ParseError
		row := 0
		if errors.As(err, &pe) {
			row = pe.Line
		}
		return false, &LayerError{Row: row, Err: err}
	}
	c.rec = rec
	c.row, _ = c.cr.FieldPos(0)
	if err := limits.Record(c.input, c.row, c.header, rec, duty.MaxFieldBytes); err != nil {
		return false, &LayerError{Row: c.row, Err: err}
	}
	return true, nil
}

// get returns the record's cell of column name, trimmed ("" when absent).
func (c *layerCSV) get(name string) string {
	i, ok := c.col[name]
	if !ok || i >= len(c.rec) {
		return ""
	}
	return strings.TrimSpace(c.rec[i])
}

// fail is an error about the record's cell of column name.
func (c *layerCSV) fail(name string, err error) error {
	return &LayerError{Row: c.row, Column: name, Value: c.get(name), Err: err}
}
