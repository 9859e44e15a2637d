package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const sample = "../../examples/shipments/de-tshirts.json"

// Files that are not regular files are refused with a plain message and
// exit code 3, before they are opened (a FIFO would block, /dev/zero never
// ends).
func TestCLIRefusesNonRegularFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pack.json")
	require.NoError(t, syscall.Mkfifo(fifo, 0o600))
	for _, c := range []struct {
		args []string
		msg  string
	}{
		{[]string{"quote", "/dev/zero"}, "/dev/zero: not a regular file"},
		{[]string{"quote", dir}, dir + ": is a directory"},
		{[]string{"quote", fifo}, "not a regular file"},
		{[]string{"decide", sample, "--packs", dir}, fifo + ": not a regular file"},
		{[]string{"decide", sample, "--packs", sample}, sample + ": is not a directory"},
		{[]string{"quote", sample, "--rates", "/dev/zero"}, "/dev/zero: not a regular file"},
		{[]string{"quote", sample, "--schedule", "DE=/dev/zero"}, "/dev/zero: not a regular file"},
		{[]string{"quote", sample, "--hts", dir}, "is a directory"},
	} {
		out, errs, code := runCLI(t, c.args...)
		assert.Equal(t, exitInvalid, code, "%v: %s", c.args, errs)
		assert.Contains(t, errs, c.msg, c.args)
		assert.NotContains(t, errs, "goroutine", "no stack trace")
		assert.Empty(t, out)
	}
}

func TestCLIRatesFileChecked(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct{ body, msg string }{
		{`{"EUR-GBP": "0.85"}`, `"EUR-GBP": want "FROM/TO"`},
		{`{"EUR/GPB": "0.85"}`, `currency "GPB" is not an active ISO 4217 code`},
		{`{"EUR/GBP": "85"}`, ``}, // plausible: accepted
		{`{"EUR/GBP": "85000000"}`, `implausible`},
		{`{"EUR/GBP": 0.85}`, `want the rate as a JSON string`},
	} {
		f := filepath.Join(dir, "rates.json")
		require.NoError(t, os.WriteFile(f, []byte(c.body), 0o644))
		_, errs, code := runCLI(t, "quote", sample, "--rates", f)
		if c.msg == "" {
			assert.Equal(t, exitOK, code, errs)
			continue
		}
		assert.Equal(t, exitInvalid, code, "%s: %s", c.body, errs)
		assert.Contains(t, errs, c.msg, c.body)
	}
}

func TestCLIShipmentStrict(t *testing.T) {
	b, err := os.ReadFile(sample)
	require.NoError(t, err)
	dir := t.TempDir()
	f := filepath.Join(dir, "s.json")
	require.NoError(t, os.WriteFile(f, bytes.Replace(b, []byte(`"freight"`), []byte(`"frieght"`), 1), 0o644))
	_, errs, code := runCLI(t, "quote", f)
	assert.Equal(t, exitInvalid, code, errs)
	assert.Contains(t, errs, "frieght: is not a field of the shipment")
	require.NoError(t, os.WriteFile(f, append(b, []byte(`{"id": "x"}`)...), 0o644))
	_, errs, code = runCLI(t, "quote", f)
	assert.Equal(t, exitInvalid, code, errs)
	assert.Contains(t, errs, "data after the document")
}

// Text output escapes control and bidi characters that came from input.
func TestCLIEscapesInput(t *testing.T) {
	b, err := os.ReadFile(sample)
	require.NoError(t, err)
	f := filepath.Join(t.TempDir(), "s.json")
	evil := `Acme \u001b[2J\u202eInc\u0000`
	require.NoError(t, os.WriteFile(f, bytes.Replace(b, []byte(`"Acme Inc"`), []byte(`"`+evil+`"`), 1), 0o644))
	out, errs, code := runCLI(t, "quote", f)
	require.Equal(t, exitOK, code, errs)
	assert.Contains(t, out, `Acme \x1b[2J\u202eInc\x00`)
	assert.NotContains(t, out, "\x1b")
	assert.NotContains(t, out, "\u202e")
	assert.True(t, strings.Contains(out, "\n"), "layout newlines kept")
}

func TestGuardedPanic(t *testing.T) {
	err := guarded(func() error { panic("boom") })
	assert.EqualError(t, err, "internal error (a bug; please report it with the input): boom")
	assert.Equal(t, exitInternal, exitCode(err))
	var buf bytes.Buffer
	w := &escapingWriter{w: &buf}
	// A rune split across two writes is held back, not escaped.
	_, _ = w.Write([]byte("é")[:1])
	_, _ = w.Write([]byte("é")[1:])
	_, _ = w.Write([]byte("\tx\x07\n"))
	assert.Equal(t, "é\tx\\x07\n", buf.String())
}
