package fx_test

import (
	"archive/zip"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/iorkit/iorkit/duty"
	"github.com/iorkit/iorkit/duty/fx"
	"github.com/iorkit/iorkit/internal/shareddata"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func d(s string) duty.Date { return duty.MustDate(s) }

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func ecb(t *testing.T) *fx.ECB {
	t.Helper()
	e, err := fx.EmbeddedECB()
	require.NoError(t, err)
	return e
}

func hmrc(t *testing.T) *fx.HMRC {
	t.Helper()
	h, err := fx.EmbeddedHMRC()
	require.NoError(t, err)
	return h
}

// Spot values of eurofxref-hist.csv (shared/data/SOURCES.md and the file):
// 2025-01-02 USD 1.0321, GBP 0.83118; 2026-04-13 USD 1.1684, GBP 0.87058,
// JPY 186.75; 2026-04-10 USD 1.1711.
func TestEmbeddedECB(t *testing.T) {
	e := ecb(t)
	assert.Equal(t, d("1999-01-04"), e.First())
	assert.Equal(t, d("2026-04-13"), e.Last())
	for _, c := range []struct {
		cur, day, want, pub string
	}{
		{"USD", "2025-01-02", "1.0321", "2025-01-02"},
		{"GBP", "2025-01-02", "0.83118", "2025-01-02"},
		{"USD", "2026-04-13", "1.1684", "2026-04-13"},
		{"JPY", "2026-04-13", "186.75", "2026-04-13"},
		// Saturday 2026-04-11: Friday's publication.
		{"USD", "2026-04-11", "1.1711", "2026-04-10"},
	} {
		q, pub, err := e.Quote(c.cur, d(c.day))
		require.NoError(t, err, c)
		assert.True(t, dec(c.want).Equal(q), "%v: %s", c, q)
		assert.Equal(t, d(c.pub), pub)
	}
	// BGN was last quoted on 2025-12-31 (the euro from 2026-01-01): no
	// older quote is carried into 2026.
	_, _, err := e.Quote("BGN", d("2026-02-02"))
	assert.ErrorIs(t, err, duty.ErrMissingRate)
	q, _, err := e.Quote("BGN", d("2025-12-31"))
	require.NoError(t, err)
	assert.True(t, q.IsPositive())
	_, _, err = e.Quote("XYZ", d("2026-02-02"))
	assert.ErrorIs(t, err, duty.ErrMissingRate)
	_, _, err = e.Quote("USD", d("1998-12-31"))
	assert.ErrorIs(t, err, duty.ErrMissingRate)
}

// The penultimate Wednesday of the month before, worked out from a
// calendar: March 2026 starts on a Sunday, its Wednesdays are 4, 11, 18
// and 25, so April's rate is of 2026-03-18. December 2025 ends on
// Wednesday the 31st (Wednesdays 3, 10, 17, 24, 31): January 2026 uses
// 2025-12-24. November 2026 starts on a Sunday (Wednesdays 4, 11, 18, 25):
// December 2026 uses 2026-11-18. February 2026 starts on a Sunday
// (Wednesdays 4, 11, 18, 25): March 2026 uses 2026-02-18.
func TestArticle146Day(t *testing.T) {
	for day, want := range map[string]string{
		"2026-04-01": "2026-03-18",
		"2026-04-30": "2026-03-18",
		"2026-01-15": "2025-12-24",
		"2026-12-01": "2026-11-18",
		"2026-03-31": "2026-02-18",
	} {
		assert.Equal(t, d(want), fx.Article146Day(d(day)), day)
	}
}

// EU customs, April 2026: the ECB rate of 2026-03-18, USD 1.15 (a line of
// the history file: 2026-03-18,1.15,...). USD->EUR = 1/1.15 =
// 0.869565217391304347... kept to 16 decimals; 115.00 USD is 100.00 EUR.
func TestEUCustomsRate(t *testing.T) {
	r := ecb(t).EUCustoms()
	info, err := r.RateInfo("USD", "EUR", d("2026-04-10"))
	require.NoError(t, err)
	assert.Equal(t, "0.8695652173913043", info.Rate.String())
	assert.Equal(t, d("2026-03-18"), info.Day)
	assert.Equal(t, d("2026-04-01"), info.ValidFrom)
	assert.Equal(t, d("2026-04-30"), info.ValidTo)
	assert.Empty(t, info.Caveat)
	assert.Contains(t, info.Source, "2015/2447 Art. 146")
	assert.Contains(t, info.Source, "1 EUR = 1.15 USD")
	m, got, err := duty.ConvertInfo(duty.MustMoney("115.00", "USD"), "EUR", r, d("2026-04-10"))
	require.NoError(t, err)
	assert.Equal(t, "100.00 EUR", m.Round().String())
	assert.Equal(t, info, got)

	// January 2026: 2025-12-24, USD 1.1787; EUR->USD is the quote itself.
	info, err = r.RateInfo("EUR", "USD", d("2026-01-15"))
	require.NoError(t, err)
	assert.Equal(t, "1.1787", info.Rate.String())
	assert.Equal(t, d("2025-12-24"), info.Day)
}

// December 2026 needs the rate of 2026-11-18, after the data (which ends
// 2026-04-13): the last rate applies, flagged FX_RATE_AGE.
func TestEUCustomsRateAged(t *testing.T) {
	info, err := ecb(t).EUCustoms().RateInfo("EUR", "USD", d("2026-12-01"))
	require.NoError(t, err)
	assert.Equal(t, "1.1684", info.Rate.String())
	assert.Equal(t, d("2026-04-13"), info.Day)
	assert.Equal(t, duty.FXRateAge, info.Caveat)
	assert.Contains(t, info.Note, "2026-11-18")
	assert.Contains(t, info.Source, "the last rate, of 2026-04-13")
}

// A penultimate Wednesday without publication takes the last rate before
// it (Art. 146(2)): a two-day file without 2026-03-18.
func TestEUCustomsRateHoliday(t *testing.T) {
	e, err := fx.ReadECBCSV(strings.NewReader("Date,USD,\n2026-03-19,1.1489,\n2026-03-17,1.1531,\n"))
	require.NoError(t, err)
	info, err := e.EUCustoms().RateInfo("EUR", "USD", d("2026-04-02"))
	require.NoError(t, err)
	assert.Equal(t, "1.1531", info.Rate.String())
	assert.Equal(t, d("2026-03-17"), info.Day)
	assert.Empty(t, info.Caveat)
	assert.Contains(t, info.Source, "Art. 146(2)")
}

// HMRC: January 2026 USD 1.3329, EUR 1.1382 per GBP (SOURCES.md);
// April 2025 USD 1.2978; December 2025 EUR 1.1328.
// USD->GBP = 1/1.3329; 133.29 USD = 100.00 GBP.
// EUR->USD through GBP = 1.3329/1.1382 = 1.1710595... (1.1382 x 1.171 =
// 1.3328322, remainder 0.0000678 / 1.1382 = 0.0000595...).
func TestHMRCMonthly(t *testing.T) {
	h := hmrc(t)
	assert.Equal(t, d("2025-01-01"), h.First())
	assert.Equal(t, d("2026-08-31"), h.Last())
	r := h.Monthly()
	info, err := r.RateInfo("GBP", "USD", d("2026-01-20"))
	require.NoError(t, err)
	assert.Equal(t, "1.3329", info.Rate.String())
	assert.Equal(t, d("2026-01-01"), info.Day)
	assert.Equal(t, d("2026-01-31"), info.ValidTo)
	assert.Contains(t, info.Source, "HMRC monthly exchange rates")
	m, _, err := duty.ConvertInfo(duty.MustMoney("133.29", "USD"), "GBP", r, d("2026-01-20"))
	require.NoError(t, err)
	assert.Equal(t, "100.00 GBP", m.Round().String())

	info, err = r.RateInfo("GBP", "USD", d("2025-04-30"))
	require.NoError(t, err)
	assert.Equal(t, "1.2978", info.Rate.String())
	info, err = r.RateInfo("GBP", "EUR", d("2025-12-01"))
	require.NoError(t, err)
	assert.Equal(t, "1.1328", info.Rate.String())

	info, err = r.RateInfo("EUR", "USD", d("2026-01-20"))
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(info.Rate.String(), "1.1710595"), info.Rate.String())
	assert.Contains(t, info.Source, "cross rate through GBP")

	// After August 2026: August's rates (USD 1.3367), flagged.
	info, err = r.RateInfo("GBP", "USD", d("2026-12-01"))
	require.NoError(t, err)
	assert.Equal(t, "1.3367", info.Rate.String())
	assert.Equal(t, duty.FXRateAge, info.Caveat)
	// Before January 2025: no rate.
	_, err = r.RateInfo("GBP", "USD", d("2024-12-31"))
	assert.ErrorIs(t, err, duty.ErrMissingRate)
	_, err = r.RateInfo("GBP", "XYZ", d("2026-01-20"))
	assert.ErrorIs(t, err, duty.ErrMissingRate)
}

// Other destinations: the ECB rate of the day crossed through EUR.
// GBP->USD on 2026-04-13 = 1.1684 / 0.87058.
func TestCustomsByDestination(t *testing.T) {
	c := fx.Default()
	us := c.ForDestination("US").(duty.SourcedRates)
	info, err := us.RateInfo("GBP", "USD", d("2026-04-13"))
	require.NoError(t, err)
	assert.Equal(t, "1.1684", info.Rate.Mul(dec("0.87058")).Round(12).String())
	assert.Contains(t, info.Source, "not the destination customs' own rate")
	assert.Empty(t, info.Caveat)

	info, err = c.ForDestination("DE").(duty.SourcedRates).RateInfo("USD", "EUR", d("2026-04-10"))
	require.NoError(t, err)
	assert.Equal(t, d("2026-03-18"), info.Day)

	info, err = c.ForDestination("GB").(duty.SourcedRates).RateInfo("USD", "GBP", d("2026-01-20"))
	require.NoError(t, err)
	assert.Equal(t, d("2026-01-01"), info.Day)

	// Poland: the ECB cross rate on the Art. 146 day, saying the national
	// rate is not embedded.
	info, err = c.ForDestination("PL").(duty.SourcedRates).RateInfo("USD", "PLN", d("2026-04-10"))
	require.NoError(t, err)
	assert.Equal(t, d("2026-03-18"), info.Day)
	assert.Contains(t, info.Source, "national authority")

	// As plain Rates, the ECB rate of the day; aged after 2026-04-13.
	r, err := c.Rate("EUR", "USD", duty.MustDate("2026-04-13"))
	require.NoError(t, err)
	assert.Equal(t, "1.1684", r.String())
	info, err = c.RateInfo("EUR", "USD", d("2026-05-01"))
	require.NoError(t, err)
	assert.Equal(t, duty.FXRateAge, info.Caveat)
	assert.Equal(t, d("2026-04-13"), info.Day)

	viaFor, err := duty.RatesFor(c, "US").(duty.SourcedRates).RateInfo("GBP", "USD", d("2026-04-13"))
	require.NoError(t, err)
	assert.Equal(t, "1.1684", viaFor.Rate.Mul(dec("0.87058")).Round(12).String())
}

func TestReadECBFiles(t *testing.T) {
	f, err := os.Open("testdata/ecb-format-sample.xml")
	require.NoError(t, err)
	defer f.Close()
	x, err := fx.ReadECBXML(f)
	require.NoError(t, err)
	assert.Equal(t, d("2026-04-10"), x.First())
	assert.Equal(t, d("2026-04-13"), x.Last())
	q, _, err := x.Quote("GBP", d("2026-04-10"))
	require.NoError(t, err)
	assert.Equal(t, "0.87105", q.String())

	p := shareddata.Path(t, "fx", "ecb", "eurofxref.csv")
	b, err := os.ReadFile(p)
	require.NoError(t, err)
	daily, err := fx.ReadECBCSV(bytes.NewReader(b))
	require.NoError(t, err)
	assert.Equal(t, d("2026-04-13"), daily.Last())
	q, _, err = daily.Quote("JPY", d("2026-04-13"))
	require.NoError(t, err)
	assert.Equal(t, "186.75", q.String())
	assert.Len(t, daily.Currencies(), 29)

	// A newer day merged over the history.
	newer, err := fx.ReadECBCSV(strings.NewReader("Date,USD,\n2026-04-14,1.1700,\n"))
	require.NoError(t, err)
	m := ecb(t).Merge(newer)
	assert.Equal(t, d("2026-04-14"), m.Last())
	q, _, err = m.Quote("USD", d("2026-04-14"))
	require.NoError(t, err)
	assert.Equal(t, "1.17", q.String())
	q, _, err = m.Quote("GBP", d("2026-04-13"))
	require.NoError(t, err)
	assert.Equal(t, "0.87058", q.String())
}

func TestReadErrors(t *testing.T) {
	for name, in := range map[string]string{
		"empty":      "",
		"no header":  "2026-04-13,1.1,\n",
		"bad code":   "Date,usd,\n2026-04-13,1.1,\n",
		"bad date":   "Date,USD,\n13/04/2026,1.1,\n",
		"bad rate":   "Date,USD,\n2026-04-13,-1.1,\n",
		"short row":  "Date,USD,GBP,\n2026-04-13,1.1,\n",
		"no rows":    "Date,USD,\n",
		"twice":      "Date,USD,\n2026-04-13,1.1,\n2026-04-13,1.1,\n",
		"dup column": "Date,USD,USD,\n2026-04-13,1.1,1.1,\n",
	} {
		_, err := fx.ReadECBCSV(strings.NewReader(in))
		assert.ErrorIs(t, err, fx.ErrInvalidFile, name)
	}
	_, err := fx.ReadECBCSV(strings.NewReader("Date,USD,\n2026-04-13,1.1,\n"), fx.MaxBytes(5))
	assert.ErrorIs(t, err, fx.ErrInvalidFile)
	assert.ErrorIs(t, err, duty.ErrInputLimit, "an input over its limit is the module's one limit error")
	_, err = fx.ReadHMRCXML(strings.NewReader("<mainTable Period=\"01/Jan/2026 to 31/Jan/2026\"></mainTable>"), fx.MaxBytes(5))
	assert.ErrorIs(t, err, duty.ErrInputLimit)
	var fe *fx.FileError
	_, err = fx.ReadECBCSV(strings.NewReader("Date,USD,\n2026-04-13,abc,\n"))
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, 2, fe.Line)
	assert.Equal(t, "USD", fe.Field)
	assert.Equal(t, "abc", fe.Value)

	for name, in := range map[string]string{
		"not xml":  "hello",
		"root":     "<a/>",
		"no rates": `<gesmes:Envelope xmlns:gesmes="x"><Cube></Cube></gesmes:Envelope>`,
		"bad time": `<gesmes:Envelope xmlns:gesmes="x"><Cube><Cube time="13/04/2026"><Cube currency="USD" rate="1"/></Cube></Cube></gesmes:Envelope>`,
		"bad rate": `<gesmes:Envelope xmlns:gesmes="x"><Cube><Cube time="2026-04-13"><Cube currency="USD" rate="x"/></Cube></Cube></gesmes:Envelope>`,
		"no time":  `<gesmes:Envelope xmlns:gesmes="x"><Cube><Cube currency="USD" rate="1"/></Cube></gesmes:Envelope>`,
		"twice":    `<gesmes:Envelope xmlns:gesmes="x"><Cube><Cube time="2026-04-13"><Cube currency="USD" rate="1"/><Cube currency="USD" rate="2"/></Cube></Cube></gesmes:Envelope>`,
		"bad code": `<gesmes:Envelope xmlns:gesmes="x"><Cube><Cube time="2026-04-13"><Cube currency="usd" rate="1"/></Cube></Cube></gesmes:Envelope>`,
	} {
		_, err := fx.ReadECBXML(strings.NewReader(in))
		assert.ErrorIs(t, err, fx.ErrInvalidFile, name)
	}

	hm := func(period, body string) string {
		return `<?xml version="1.0" encoding="UTF-8"?><exchangeRateMonthList Period="` + period + `">` + body + `</exchangeRateMonthList>`
	}
	usd := `<exchangeRate><countryCode>US</countryCode><currencyCode>USD</currencyCode><rateNew>1.3329</rateNew></exchangeRate>`
	for name, in := range map[string]string{
		"not xml":   "hello",
		"period":    hm("January 2026", usd),
		"bad day":   hm("01/13/2026 to 31/Jan/2026", usd),
		"backwards": hm("31/Jan/2026 to 01/Jan/2026", usd),
		"no rates":  hm("01/Jan/2026 to 31/Jan/2026", ""),
		"bad rate":  hm("01/Jan/2026 to 31/Jan/2026", `<exchangeRate><currencyCode>USD</currencyCode><rateNew>0</rateNew></exchangeRate>`),
		"bad code":  hm("01/Jan/2026 to 31/Jan/2026", `<exchangeRate><currencyCode>US</currencyCode><rateNew>1</rateNew></exchangeRate>`),
		"two rates": hm("01/Jan/2026 to 31/Jan/2026", usd+`<exchangeRate><currencyCode>USD</currencyCode><rateNew>1.4</rateNew></exchangeRate>`),
	} {
		_, err := fx.ReadHMRCXML(strings.NewReader(in))
		assert.ErrorIs(t, err, fx.ErrInvalidFile, name)
	}
	m1, err := fx.ReadHMRCXML(strings.NewReader(hm("01/Jan/2026 to 31/Jan/2026", usd+usd)))
	require.NoError(t, err)
	assert.Equal(t, []string{"USD"}, m1.Currencies())
	m2, err := fx.ReadHMRCXML(strings.NewReader(hm("15/Jan/2026 to 14/Feb/2026", usd)))
	require.NoError(t, err)
	_, err = fx.NewHMRC(m1, m2)
	assert.Error(t, err)
	_, err = fx.NewHMRC()
	assert.Error(t, err)
	_, err = fx.NewCustoms(nil, nil)
	assert.Error(t, err)
}

// The embedded files are the official ones: the ECB zip as downloaded and
// each HMRC file decompressing to the published bytes (SHA-256 sums of
// the files in shared/data/fx, recorded in docs/data.md).
func TestEmbeddedAreTheOfficialFiles(t *testing.T) {
	sum := func(b []byte) string { s := sha256.Sum256(b); return hex.EncodeToString(s[:]) }
	zb, err := os.ReadFile("data/eurofxref-hist.zip")
	require.NoError(t, err)
	assert.Equal(t, "f866ef61b04a7f08b741f6ec731b71e2e777cbbc694943d09b8409aee46743b3", sum(zb))
	zr, err := zip.NewReader(bytes.NewReader(zb), int64(len(zb)))
	require.NoError(t, err)
	require.Len(t, zr.File, 1)
	rc, err := zr.File[0].Open()
	require.NoError(t, err)
	csv, err := io.ReadAll(rc)
	require.NoError(t, err)
	assert.Equal(t, "729e74c341288f4b07251fddcd8e5b604964e7b2d775920e442ba4dcf2e4ce4c", sum(csv))

	want := strings.Fields(`a9772b211d456e514d90765fe73ca691a89cea6a3d0513a7db8f2082b6583760 053ac546ebc387c01f45c57597affc761b1419add69087e6a9e2f0f25ee73a70 6428a23f188cc804cfe034163678e5fb69c8895765e0ea25f62b962b4d73bfcf fc13e98b2d3d37459680bcf9b4a21f999f4552bcd01c443dbf88e0d15e3c7f31 4d1ec5b39acc7ad0581480feaa880e2e3075ef9c2cdc8c816f50e716756d83b1 50bffa2a97b8b92dad5c9d8ca6e214bc6f1bab5265b7a9200049dcad6165ae55 fb9ea3356ac761b958394f1f0a28b486f47be7a3b43e2d34a437b15e1e0e2967 e4122a68051461ffd7075f1766e7729007b5be403766e0e894531bc9917e83a1 449c23d1af31eff731e86f36db4cbd86d2f10ab94e7eefe45ffc90485ad4d8d3 cd60aa6ca0a7a980ce094ab752df3b27ab07a245e57463198173158d2c2d41e8 f88fa708aa9fa048ca85414cf192ab68196551633482c86ff1942cf52648b595 a1c1019e4b5c3cd7a61cb0e2d3a97faa491f07084a7bcc26b71bbdcf2a5d0b0f 0294528e814575d1155fe27f28d1e5d78d35b28d288b92161a747eb547e0403e a8d2b39e603b551acbc994af4c0ea929ebc019e451725027dd0a70f313658011 ed6e092fbfcb9644bbd02b4847d687bf63f845376fd1c184b49b7cc01389dba7 82e06cc917497b835972c867b3c587ac96c17657089700bb09c44978dea61692 d82f473cbc6ada1ef60215c7f57c1f0182a794aa09ce31ba82e85829f50ce6f6 bf85fe5a27f4e09a61129d375bf7df123be0916ec6630051aed9821044666d37 463dacbd00f5860ba7ebe8f7da7edfe820c48dcfc3f8f9f5aaeec2d080e8b11c 8b7d841938d0e70556a1fa2bdbd4ba18cb2c3856faa55b81e183a54d43751342`)
	names, err := filepath.Glob("data/hmrc/*.xml.gz")
	require.NoError(t, err)
	require.Len(t, names, len(want))
	for i, n := range names {
		b, err := os.ReadFile(n)
		require.NoError(t, err)
		gr, err := gzip.NewReader(bytes.NewReader(b))
		require.NoError(t, err)
		x, err := io.ReadAll(gr)
		require.NoError(t, err)
		assert.Equal(t, want[i], sum(x), n)
	}
}

func TestEmbeddedEditionNamesTheData(t *testing.T) {
	e, h := ecb(t), hmrc(t)
	want := "ECB " + e.First().String() + ".." + e.Last().String() + ", HMRC " +
		h.First().Time().Format("2006-01") + ".." + h.Last().Time().Format("2006-01")
	assert.Equal(t, want, fx.EmbeddedEdition)
}
