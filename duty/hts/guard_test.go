package hts

import (
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/iorkit/iorkit/duty"
	"github.com/iorkit/iorkit/internal/testkit"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const guardHeader = "HTS Number,Indent,Description,Unit of Quantity,General Rate of Duty,Special Rate of Duty,Column 2 Rate of Duty\n"

// A stray quote in a description: read leniently, the quoted field ran on
// over the next rows, so the 6109.10.00 row was lost inside it and its code
// took the rate of a later row. Strictly read it is an error with the line
// and column.
func TestReadCSVStrayQuote(t *testing.T) {
	in := guardHeader +
		`"6109","0","T-shirts, singlets "fixture","","","","",` + "\n" +
		`"6109.10.00","1","Of cotton","","16.5%","Free (AU)","90%"` + "\n" +
		`"6109.90.10","1","Of man-made fibers","","32%","Free (AU)","90%"` + "\n"
	_, err := ReadCSV(strings.NewReader(in))
	require.Error(t, err)
	assert.ErrorIs(t, err, ErrInvalidExport)
	var fe *FormatError
	require.True(t, errors.As(err, &fe))
	assert.Equal(t, 2, fe.Row)
	// The quote before "fixture" is the 21st byte of the third field: the
	// first two fields and their commas take 7 + 4 bytes, then the field
	// opens with a quote and `T-shirts, singlets ` is 19 bytes: 11+1+19+1.
	assert.Contains(t, err.Error(), "line 2, column 32")
	assert.Contains(t, err.Error(), `extraneous or missing " in quoted-field`)
}

func TestReadLimits(t *testing.T) {
	endless := io.MultiReader(strings.NewReader(guardHeader), strings.NewReader(strings.Repeat("\n", 1<<12)), testkit.Endless(' '))
	_, err := ReadCSV(endless, MaxBytes(1<<16))
	assert.ErrorIs(t, err, ErrInvalidExport)
	assert.ErrorIs(t, err, duty.ErrInputLimit)

	_, err = ReadJSON(io.MultiReader(strings.NewReader("["), testkit.Endless(' ')), MaxBytes(1<<16))
	assert.ErrorIs(t, err, ErrInvalidExport)
	assert.ErrorIs(t, err, duty.ErrInputLimit)

	long := strings.Repeat("x", duty.MaxFieldBytes+1)
	_, err = ReadCSV(strings.NewReader(guardHeader + `"6109","0","` + long + `","","","",""` + "\n"))
	var le *duty.LimitError
	require.True(t, errors.As(err, &le), "%v", err)
	assert.Equal(t, `line 2: column "Description"`, le.What)

	_, err = ReadJSON(strings.NewReader(`[{"htsno":"6109","indent":"0","description":"` + long + `"}]`))
	require.True(t, errors.As(err, &le), "%v", err)
	assert.Equal(t, "description", le.What)
}

// A layer given twice (a file loaded twice, or one row repeated) would add
// the 7.5% twice: 17.6% + 7.5% + 7.5%. It is an error naming the row.
func TestAddLayersRefusesOverlap(t *testing.T) {
	s, err := ReadCSV(strings.NewReader(guardHeader + `"4202.92.31","0","Of man-made fibers","","17.6%","","65%"` + "\n"))
	require.NoError(t, err)
	layer := "origins,hs,heading,rate,source\nCN,4202.92,9903.88.15,7.5%,USTR list 4A (fixture)\n"
	require.NoError(t, s.AddLayers(strings.NewReader(layer)))
	err = s.AddLayers(strings.NewReader(layer))
	var le *LayerError
	require.ErrorAs(t, err, &le)
	assert.Equal(t, 2, le.Row)
	assert.Contains(t, err.Error(), "overlaps one already added")

	// In one file, with an origin in common (CN).
	s, err = ReadCSV(strings.NewReader(guardHeader + `"4202.92.31","0","Of man-made fibers","","17.6%","","65%"` + "\n"))
	require.NoError(t, err)
	err = s.AddLayers(strings.NewReader("origins,hs,heading,rate,source\nCN,4202.92,9903.88.15,7.5%,a\nCN HK,4202.92,9903.88.15,7.5%,b\n"))
	require.ErrorAs(t, err, &le)
	assert.Equal(t, 3, le.Row)

	// An unknown column ("orgins") is an error, not a layer on every origin.
	err = s.AddLayers(strings.NewReader("orgins,hs,heading,rate,source\nCN,4202.92,9903.88.15,7.5%,a\n"))
	require.ErrorAs(t, err, &le)
	assert.Equal(t, "orgins", le.Column)
	ms, err := s.Measures("4202.92.31", "DE", duty.MustDate("2026-03-01"))
	require.NoError(t, err)
	assert.Len(t, ms, 1, "only the MFN rate: no layer was added")
}
