package main

import (
	"fmt"
	"io"
	"os"

	"github.com/iorkit/iorkit/ior"
	"github.com/iorkit/iorkit/rules"
)

// cmdRules runs `iorkit rules lint [DIR]`: compile every pack of DIR (the
// embedded packs when DIR is omitted) against the ior types, print each
// error with its position and each rule's estimated cost.
func cmdRules(args []string, w io.Writer) error {
	if len(args) == 0 || args[0] != "lint" {
		return usagef("want: iorkit rules lint [DIR]")
	}
	env, err := ior.NewRulesEnv()
	if err != nil {
		return err
	}
	fsys, name := rules.DefaultPacks(), "embedded packs"
	switch len(args) {
	case 1:
	case 2:
		if st, err := os.Stat(args[1]); err != nil || !st.IsDir() {
			return fmt.Errorf("%s: not a directory of rule packs", args[1])
		}
		fsys, name = os.DirFS(args[1]), args[1]
	default:
		return usagef("want: iorkit rules lint [DIR]")
	}
	rep, err := rules.Lint(env, fsys)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	fmt.Fprint(w, rep.String())
	if !rep.OK() {
		// The packs are bad input: exit 3, as for any file iorkit reads.
		return fmt.Errorf("%s: %d errors: %w", name, len(rep.Errors), rules.ErrInvalidPack)
	}
	return nil
}
