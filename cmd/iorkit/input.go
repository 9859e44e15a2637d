package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"unicode"
	"unicode/utf8"
)

// errNotRegular and errIsDir are the causes openInput reports, wrapped in
// an *fs.PathError (exit code 3, invalid input).
var (
	errNotRegular = errors.New("not a regular file (a device, FIFO or socket cannot be read as input)")
	errIsDir      = errors.New("is a directory, not a file")
	errNotDir     = errors.New("is not a directory")
)

// openInput opens a file named on the command line, refusing what is not a
// regular file before opening it: opening a FIFO blocks until a writer
// comes, and /dev/zero or /dev/urandom never end.
func openInput(path string) (*os.File, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if err := regular(path, st); err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	// The file may have been replaced between Stat and Open.
	if st, err = f.Stat(); err != nil || regular(path, st) != nil {
		f.Close()
		if err == nil {
			err = regular(path, st)
		}
		return nil, err
	}
	return f, nil
}

func regular(path string, st fs.FileInfo) error {
	switch {
	case st.IsDir():
		return &fs.PathError{Op: "open", Path: path, Err: errIsDir}
	case !st.Mode().IsRegular():
		return &fs.PathError{Op: "open", Path: path, Err: errNotRegular}
	}
	return nil
}

// checkDir refuses a --packs argument that is not a directory.
func checkDir(path string) error {
	st, err := os.Stat(path)
	if err != nil {
		return err
	}
	if !st.IsDir() {
		return &fs.PathError{Op: "open", Path: path, Err: errNotDir}
	}
	return nil
}

// escape makes text that came from input safe to print on a terminal:
// control characters (ANSI escape sequences, NUL, carriage returns),
// bidirectional overrides and other format characters, and invalid UTF-8
// are written as Go escapes (\x1b, \u202e), so a shipment, a pack or a
// tariff cannot rewrite or hide what the CLI prints.
func escape(s string) string {
	clean := true
	for _, r := range s {
		if unsafeRune(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r < 0x80 && unsafeRune(r):
			fmt.Fprintf(&b, `\x%02x`, r)
		case unsafeRune(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

func unsafeRune(r rune) bool {
	return r == utf8.RuneError || unicode.IsControl(r) || unicode.Is(unicode.Cf, r)
}

// escapingWriter writes the CLI's text output with escape applied to
// everything but newlines and tabs, which the CLI's own layout uses: no
// byte of input reaches the terminal as a control sequence. A UTF-8
// sequence split across two writes is held back until it is complete.
type escapingWriter struct {
	w    io.Writer
	tail []byte // an incomplete UTF-8 sequence from the previous write
}

func (e *escapingWriter) Write(p []byte) (int, error) {
	buf := append(e.tail, p...)
	e.tail = nil
	// Hold back a trailing incomplete rune (at most 3 bytes).
	for i := len(buf) - 1; i >= 0 && i >= len(buf)-3; i-- {
		if utf8.RuneStart(buf[i]) {
			if !utf8.FullRune(buf[i:]) {
				e.tail = append([]byte(nil), buf[i:]...)
				buf = buf[:i]
			}
			break
		}
	}
	var b strings.Builder
	for _, line := range strings.SplitAfter(string(buf), "\n") {
		body, nl := strings.CutSuffix(line, "\n")
		for i, cell := range strings.Split(body, "\t") {
			if i > 0 {
				b.WriteByte('\t')
			}
			b.WriteString(escape(cell))
		}
		if nl {
			b.WriteByte('\n')
		}
	}
	if _, err := io.WriteString(e.w, b.String()); err != nil {
		return 0, err
	}
	return len(p), nil
}
