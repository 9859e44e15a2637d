package ior_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/iorkit/iorkit/duty"
	"github.com/iorkit/iorkit/ior"
	"github.com/iorkit/iorkit/rules"
	"github.com/stretchr/testify/assert"
)

func TestClassify(t *testing.T) {
	wrap := func(err error) error { return fmt.Errorf("outer: %w", err) }
	assert.Equal(t, ior.ErrorClass(""), ior.Classify(nil))
	assert.Equal(t, ior.ClassCanceled, ior.Classify(wrap(context.Canceled)))
	assert.Equal(t, ior.ClassTimeout, ior.Classify(wrap(context.DeadlineExceeded)))
	assert.Equal(t, ior.ClassInvalid, ior.Classify(wrap(&ior.ValidationError{})))
	assert.Equal(t, ior.ClassUncovered, ior.Classify(wrap(duty.ErrUnknownCode)))
	assert.Equal(t, ior.ClassUncovered, ior.Classify(wrap(&duty.MissingRateError{From: "USD", To: "EUR"})))
	assert.Equal(t, ior.ClassUncovered, ior.Classify(wrap(&duty.StrictError{})))
	// Bad data files the caller loads are invalid input too.
	assert.Equal(t, ior.ClassInvalid, ior.Classify(wrap(&duty.ProfileError{Path: "profiles[0].valuation"})))
	assert.Equal(t, ior.ClassInvalid, ior.Classify(wrap(rules.ErrorList{{Code: rules.CodeUnknownField}})))
	assert.Equal(t, ior.ClassInvalid, ior.Classify(wrap(&duty.NameError{Kind: "HS strategy", Value: "x"})))
	assert.Equal(t, ior.ClassInternal, ior.Classify(errors.New("something else")))
}
