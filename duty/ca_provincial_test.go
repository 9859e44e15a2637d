package duty_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iorkit/iorkit/duty"
)

// Canada: which sales tax the CBSA collects at import depends on the
// province of destination and on whether the goods are commercial.
//
//   - Non-commercial (casual) goods of a resident of a participating
//     province (ON, NB, NL, NS, PE) pay the HST of that province at the
//     border (Excise Tax Act s.212.1(2)(b)).
//   - Goods accounted for as commercial goods pay the GST (5%, s.212) only:
//     s.212.1(3) excludes them; the provincial part is self-assessed under
//     s.220.07, or not due at all from a registrant importing for use
//     exclusively in its commercial activities (s.220.07(2)(a)).
//   - Elsewhere the GST only; the PST/RST/QST of BC, MB, SK and QC is
//     collected by the CBSA only when the goods enter through a port of the
//     buyer's province (CBSA, Courier Low Value Shipment Program), which the
//     entry does not carry: not modelled, flagged CA_PST_CASUAL.
//
// No CBSA worked example with a provincial tax was found; the figures
// below are worked by hand. Every quote: a line of CAD 200.00 value for
// duty (FOB, no freight added), a duty of 18% from the line's measure,
// shipped by air from China (above the CAD 20 courier threshold):
//
//	duty      = 18% of 200.00            = 36.00
//	tax base  = value for duty + duty    = 236.00 (ETA s.215)
//	GST  5%   = 236.00 × 0.05            = 11.80
//	HST 13%   = 236.00 × 0.13            = 30.68 (ON)
//	HST 15%   = 236.00 × 0.15            = 35.40 (NB, NL, PE)
//	HST 14%   = 236.00 × 0.14            = 33.04 (NS from 2025-04-01)
func TestCAProvincialTaxesByBuyer(t *testing.T) {
	c := calculator(t)
	quote := func(region string, consumer bool) duty.Assessment {
		return run(t, c, duty.Entry{Destination: "CA", Region: region, Date: duty.MustDate("2026-03-02"),
			Mode: "air", ShippedFrom: "CN", Consumer: consumer,
			Lines: []duty.EntryLine{ln(t, "610910", "CN", "200", "CAD", "18%")}})
	}
	warned := func(a duty.Assessment, code string) bool {
		for _, w := range a.Warnings {
			if w.Code == duty.NotModelled && w.Subject == code {
				return true
			}
		}
		return false
	}
	for _, tc := range []struct {
		region   string
		consumer bool
		code     string
		want     string
		flag     string
	}{
		// Consumers in participating provinces: the full HST at import.
		{"CA-ON", true, "HST", "30.68", ""},
		{"CA-NB", true, "HST", "35.40", ""},
		{"CA-NL", true, "HST", "35.40", ""},
		{"CA-PE", true, "HST", "35.40", ""},
		{"CA-NS", true, "HST", "33.04", ""},
		// Business buyers there: GST 5% at the border, the provincial part
		// (ON 8%, NB/NL/PE 10%, NS 9%) not collected by the CBSA.
		{"CA-ON", false, "GST", "11.80", "CA_HST_REGISTRANT"},
		{"CA-NB", false, "GST", "11.80", "CA_HST_REGISTRANT"},
		{"CA-NL", false, "GST", "11.80", "CA_HST_REGISTRANT"},
		{"CA-PE", false, "GST", "11.80", "CA_HST_REGISTRANT"},
		{"CA-NS", false, "GST", "11.80", "CA_HST_REGISTRANT"},
		// GST-only territory and provinces.
		{"CA-AB", true, "GST", "11.80", ""},
		{"CA-AB", false, "GST", "11.80", ""},
		{"CA-YT", true, "GST", "11.80", ""},
		// PST provinces: GST only; the provincial tax is flagged for
		// consumers, not charged.
		{"CA-BC", true, "GST", "11.80", "CA_PST_CASUAL"},
		{"CA-MB", true, "GST", "11.80", "CA_PST_CASUAL"},
		{"CA-SK", true, "GST", "11.80", "CA_PST_CASUAL"},
		{"CA-QC", true, "GST", "11.80", "CA_PST_CASUAL"},
		{"CA-QC", false, "GST", "11.80", ""},
	} {
		what := tc.region
		if tc.consumer {
			what += " consumer"
		} else {
			what += " business"
		}
		a := quote(tc.region, tc.consumer)
		eqm(t, "36.00", a.Totals.Duty, what+": duty 18% of 200.00")
		require.Len(t, a.Lines[0].Taxes, 1, "%s: one sales tax at the border, never GST and HST together", what)
		eqm(t, tc.want, taxOf(t, a, 0, tc.code).Amount, what)
		eqm(t, tc.want, a.Totals.Tax, what+": total tax")
		if tc.flag != "" {
			assert.True(t, warned(a, tc.flag), "%s: %s flagged", what, tc.flag)
		}
		assert.False(t, !tc.consumer && warned(a, "CA_PST_CASUAL"), "%s: PST flag is for consumers", what)
		assert.False(t, tc.consumer && warned(a, "CA_HST_REGISTRANT"), "%s: registrant flag is for business buyers", what)
	}
}

// A tax may not be limited to consumers and to business buyers at once.
func TestTaxRuleB2CAndB2BRejected(t *testing.T) {
	_, err := duty.ReadProfiles(strings.NewReader(`{"version":"2026-12-01","profiles":[{"country":"CA","name":"Canada","currency":"CAD","valuation":"FOB","from":"2020-07-01","sources":["s"],
		"taxes":[{"code":"GST","name":"GST","rate":"5","b2c_only":true,"b2b_only":true,"from":"2020-07-01","source":"s"}]}]}`))
	require.Error(t, err)
	var pe *duty.ProfileError
	require.ErrorAs(t, err, &pe)
	assert.Contains(t, pe.Path, "b2b_only")
}
