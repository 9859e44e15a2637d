package main

import (
	"bytes"
	"strings"
	"testing"
)

// The policy's importer rule rules the consumer out, so under DAP (buyer
// first) the decision falls to the seller; its line rule fires on line 0,
// the power banks (8507.60) going by courier.
//
// Landed cost in GB on 2026-03-01: goods 3 × 60.00 = GBP 180.00 > 135, so
// duty and VAT are due at the border (no point-of-sale VAT). CIF 180.00 +
// 20.00 freight = 200.00. Duty 2% (UKGT 8507 60) × 200.00 = 4.00. VAT 20% ×
// (200.00 + 4.00) = 40.80. Total 44.80, borne by the buyer under DAP.
func TestRun(t *testing.T) {
	var b bytes.Buffer
	if err := run(&b); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		"importer of record: Acme Inc (seller)\n",
		"candidate Sam Jones (buyer): not eligible: ACME_NO_CONSUMER_IOR: Acme policy",
		"finding UN38_3 [document, required] on line 0: UN 38.3 test summary for lithium-ion batteries carried by air (rule ACME-LI-ION-TEST-SUMMARY)",
		"landed cost: duty 4.00 GBP, tax 40.80 GBP, total 44.80 GBP",
		"seller pays at import 44.80 GBP", // the policy makes the seller the importer, so it pays at import
		"without the policy pack: importer of record: Sam Jones (buyer)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in:\n%s", want, out)
		}
	}
}

// A pack whose expression does not type-check is refused when the engine
// is built, with the rule named.
func TestBadPackFailsAtStart(t *testing.T) {
	bad := strings.Replace(policyPack, "importer.kind == 'consumer'", "importer.kind == 3", 1)
	if bad == policyPack {
		t.Fatal("replacement did not apply")
	}
	_, err := newEngine(bad)
	if err == nil || !strings.Contains(err.Error(), "ACME-NO-CONSUMER-IOR") {
		t.Fatalf("want a compile error naming the rule, got %v", err)
	}
}
