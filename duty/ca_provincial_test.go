package duty_test

import (
	"context"
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
//   - Elsewhere the GST; the PST/RST/QST of BC, MB, SK and QC is collected
//     by the CBSA only when the goods enter through a port of the buyer's
//     province (CBSA, Courier Low Value Shipment Program). These entries
//     give no port: BC and QC are flagged CA_PST_PORT, MB and SK (not
//     modelled at all) CA_PST_CASUAL; TestCAPSTByPortOfImport gives ports.
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
		{"CA-BC", true, "GST", "11.80", "CA_PST_PORT"},
		{"CA-MB", true, "GST", "11.80", "CA_PST_CASUAL"},
		{"CA-SK", true, "GST", "11.80", "CA_PST_CASUAL"},
		{"CA-QC", true, "GST", "11.80", "CA_PST_PORT"},
		{"CA-QC", false, "GST", "11.80", "CA_QST_COMMERCIAL"},
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
			assert.True(t, hasWarning(a, duty.NotModelled, tc.flag), "%s: %s flagged", what, tc.flag)
		}
		assert.False(t, !tc.consumer && hasWarning(a, duty.NotModelled, "CA_PST_CASUAL"), "%s: PST flag is for consumers", what)
		assert.False(t, tc.consumer && hasWarning(a, duty.NotModelled, "CA_HST_REGISTRANT"), "%s: registrant flag is for business buyers", what)
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

// The CBSA collects a province's sales tax on casual goods only when they
// are imported through the province where the buyer resides ("the
// collection of PST is based on the point of importation into Canada",
// CBSA, Courier Low Value Shipment Program, PST and HST on casual goods).
// British Columbia's PST is embedded: 7% of the value for tax (CBSA
// Customs Notice 13-008; D18-4-1: a provincial sales tax applies to the
// value for tax), 10% on liquor; so is Québec's QST, 9.975% (QST Act s.17;
// Revenu Québec: collected by the CBSA when the goods are released in
// Québec); Manitoba's and Saskatchewan's taxes are flagged (CA_PST_CASUAL)
// when due at the border. Figures as above: duty 36.00,
// value for tax 236.00, GST 5% = 11.80.
func TestCAPSTByPortOfImport(t *testing.T) {
	c := calculator(t)
	for _, tc := range []struct {
		region, port, hs string
		pst, total       string
		flag             string
	}{
		{"CA-BC", "", "610910", "0", "11.80", "CA_PST_PORT"},               // port not given: not charged, flagged
		{"CA-BC", "CA-BC", "610910", "16.52", "28.32", "CA_BC_PST_EXEMPT"}, // 7% × 236.00 = 16.52
		{"CA-BC", "CA-BC", "220421", "23.60", "35.40", "CA_BC_PST_EXEMPT"}, // liquor 10% × 236.00 = 23.60
		{"CA-BC", "CA-AB", "610910", "0", "11.80", ""},                     // released in Alberta: no BC PST at the border
		{"CA-QC", "CA-ON", "610910", "0", "11.80", ""},                     // CRA 121733 citing D17-1-22: no QST through Ontario
		{"CA-QC", "CA-QC", "610910", "23.54", "35.34", "CA_QC_QST_EXEMPT"}, // QST 9.975% × 236.00 = 23.541
		{"CA-QC", "", "610910", "0", "11.80", "CA_PST_PORT"},
		{"CA-MB", "CA-MB", "610910", "0", "11.80", "CA_PST_CASUAL"},
		{"CA-SK", "", "610910", "0", "11.80", "CA_PST_CASUAL"},
		{"CA-ON", "CA-QC", "610910", "0", "30.68", ""}, // HST 13% × 236.00, wherever the goods enter
	} {
		a := run(t, c, duty.Entry{Destination: "CA", Region: tc.region, PortRegion: tc.port, Date: duty.MustDate("2026-03-02"),
			Mode: "courier", ShippedFrom: "CN", Consumer: true,
			Lines: []duty.EntryLine{ln(t, tc.hs, "CN", "200", "CAD", "18%")}})
		what := tc.region + " via " + tc.port + " " + tc.hs
		pst := duty.MustMoney("0", "CAD")
		for _, tx := range a.Lines[0].Taxes {
			if tx.Code == "PST" || tx.Code == "QST" {
				pst = tx.Amount
			}
		}
		eqm(t, tc.pst, pst, what+": provincial sales tax")
		eqm(t, tc.total, a.Totals.Tax, what+": total tax")
		var flags []string
		for _, w := range a.Warnings {
			if w.Code == duty.NotModelled && strings.HasPrefix(w.Subject, "CA_") && w.Subject != "CA_EXCISE" {
				flags = append(flags, w.Subject)
			}
		}
		if tc.flag == "" {
			assert.Empty(t, flags, what)
		} else {
			assert.Equal(t, []string{tc.flag}, flags, what)
		}
	}
	// Business buyers in British Columbia and Québec: commercial goods,
	// no provincial sales tax at the border (CBSA: PST on casual goods),
	// GST 11.80; Québec's self-assessed QST is flagged.
	for _, region := range []string{"CA-BC", "CA-QC"} {
		b := run(t, c, duty.Entry{Destination: "CA", Region: region, PortRegion: region, Date: duty.MustDate("2026-03-02"),
			Mode: "courier", ShippedFrom: "CN", Lines: []duty.EntryLine{ln(t, "610910", "CN", "200", "CAD", "18%")}})
		eqm(t, "11.80", b.Totals.Tax, region+" business buyer")
		assert.Equal(t, region == "CA-QC", hasWarning(b, duty.NotModelled, "CA_QST_COMMERCIAL"), region)
	}
}

// A tax with port_in_region is charged only on goods released in the
// destination region. The profile below is illustrative (a 7% provincial
// tax on value for duty + duty, not an embedded figure): 7% of 236.00 =
// 16.52 for a consumer in CA-BC whose goods are released in CA-BC; nothing
// when they are released in CA-AB or the port is not given.
func TestTaxPortInRegion(t *testing.T) {
	ps, err := duty.ReadProfiles(strings.NewReader(`{"version":"2026-12-01","profiles":[{"country":"CA","name":"Canada","currency":"CAD","valuation":"FOB","from":"2020-07-01","sources":["s"],
		"taxes":[{"code":"GST","name":"GST","rate":"5","base":["duty"],"from":"2020-07-01","source":"s"},
		{"code":"PST","name":"Provincial sales tax (illustrative)","rate":"7","base":["duty"],"regions":["CA-BC"],"b2c_only":true,"port_in_region":true,"from":"2020-07-01","source":"s"}]}]}`))
	require.NoError(t, err)
	profiles, err := duty.NewProfiles(ps...)
	require.NoError(t, err)
	c := calculator(t, duty.WithProfiles(profiles))
	for port, want := range map[string]string{"CA-BC": "16.52", "CA-AB": "0.00", "": "0.00"} {
		a, err := c.Calculate(context.Background(), duty.Entry{Destination: "CA", Region: "CA-BC", PortRegion: port, Date: duty.MustDate("2026-03-02"),
			Mode: "courier", ShippedFrom: "CN", Consumer: true,
			Lines: []duty.EntryLine{ln(t, "610910", "CN", "200", "CAD", "18%")}})
		require.NoError(t, err, port)
		pst := duty.MustMoney("0", "CAD")
		for _, tx := range a.Lines[0].Taxes {
			if tx.Code == "PST" {
				pst = tx.Amount
			}
		}
		eqm(t, want, pst, "port "+port)
	}
}

// A port region must be a subdivision of the destination.
func TestEntryPortRegionValidated(t *testing.T) {
	c := calculator(t)
	for _, port := range []string{"US-NY", "CA-XX"} {
		_, err := c.Calculate(context.Background(), duty.Entry{Destination: "CA", Region: "CA-BC", PortRegion: port, Date: duty.MustDate("2026-03-02"),
			Mode: "courier", ShippedFrom: "CN", Consumer: true,
			Lines: []duty.EntryLine{ln(t, "610910", "CN", "200", "CAD", "18%")}})
		var re *duty.InvalidRegionError
		require.ErrorAs(t, err, &re, port)
		assert.Equal(t, port, re.Region)
	}
	_, err := duty.ReadProfiles(strings.NewReader(`{"version":"2026-12-01","profiles":[{"country":"CA","name":"Canada","currency":"CAD","valuation":"FOB","from":"2020-07-01","sources":["s"],
		"taxes":[{"code":"GST","name":"GST","rate":"5","from":"2020-07-01","source":"s"}],
		"not_modelled":[{"code":"X","note":"n","port":["elsewhere"]}]}]}`))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "elsewhere")
}
