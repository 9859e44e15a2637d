package ior

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"slices"
	"strconv"
	"sync"

	"github.com/iorkit/iorkit/duty"
	"github.com/shopspring/decimal"
)

// idWriter feeds a canonical, length-prefixed encoding of a shipment to a
// hash: every field in declaration order, so that two shipments hash alike
// exactly when they are equal. It is much cheaper than hashing the JSON.
// TestQuoteIDCoversEveryField keeps it in step with the types.
type idWriter struct {
	b []byte // the encoding, hashed once at the end
}

func (w *idWriter) str(s string) {
	w.b = binary.LittleEndian.AppendUint64(w.b, uint64(len(s)))
	w.b = append(w.b, s...)
}

func (w *idWriter) flag(b bool) {
	if b {
		w.str("1")
	} else {
		w.str("0")
	}
}

func (w *idWriter) optFlag(b *bool) {
	switch {
	case b == nil:
		w.str("-")
	default:
		w.flag(*b)
	}
}

func (w *idWriter) n(n int) { w.b = binary.LittleEndian.AppendUint64(w.b, uint64(n)) }

// dec writes d as w.str(d.String()) would, formatting it in place.
func (w *idWriter) dec(d decimal.Decimal) {
	at := w.open()
	w.b = appendDecimalString(w.b, d)
	w.close(at)
}

// date writes d as w.str(d.String()) would, formatting it in place.
func (w *idWriter) date(d duty.Date) {
	at := w.open()
	w.b, _ = d.AppendText(w.b) // never fails
	w.close(at)
}

// open reserves the length prefix of a string written in place; close
// fills it in.
func (w *idWriter) open() int {
	w.b = binary.LittleEndian.AppendUint64(w.b, 0)
	return len(w.b)
}

func (w *idWriter) close(at int) {
	binary.LittleEndian.PutUint64(w.b[at-8:at], uint64(len(w.b)-at))
}

// appendDecimalString appends d.String() to b. A coefficient of up to 18
// digits with an exponent from -18 to 0 (every everyday amount) is
// formatted without big.Int; anything else, or decimal's package-level
// formatting switches set otherwise than by default, falls back to
// d.String().
func appendDecimalString(b []byte, d decimal.Decimal) []byte {
	exp := d.Exponent()
	if !decimal.TrimTrailingZeros || decimal.UseScientificNotation || exp > 0 || exp < -18 || d.NumDigits() > 18 {
		return append(b, d.String()...)
	}
	c := d.CoefficientInt64()
	if c < 0 {
		b = append(b, '-')
	}
	var buf [20]byte
	digits := strconv.AppendUint(buf[:0], absUint64(c), 10)
	places := int(-exp)
	if places == 0 {
		return append(b, digits...)
	}
	intPart, frac, zeros := []byte("0"), digits, places-len(digits)
	if len(digits) > places {
		intPart, frac, zeros = digits[:len(digits)-places], digits[len(digits)-places:], 0
	}
	for len(frac) > 0 && frac[len(frac)-1] == '0' {
		frac = frac[:len(frac)-1]
	}
	b = append(b, intPart...)
	if len(frac) == 0 {
		return b
	}
	b = append(b, '.')
	for range zeros {
		b = append(b, '0')
	}
	return append(b, frac...)
}

func absUint64(c int64) uint64 {
	if c < 0 {
		return uint64(-(c + 1)) + 1
	}
	return uint64(c)
}

func (w *idWriter) money(m duty.Money) { w.dec(m.Amount()); w.str(m.Currency()) }

func (w *idWriter) optMoney(m *duty.Money) {
	if m == nil {
		w.str("-")
		return
	}
	w.money(*m)
}

func (w *idWriter) qty(q duty.Quantity) { w.dec(q.Value); w.str(string(q.Unit)) }

func (w *idWriter) party(p Party) {
	w.str(p.Name)
	w.str(p.Country)
	w.str(p.Region)
	w.str(string(p.Kind))
	w.flag(p.LocalEntity)
	w.flag(p.VATRegistered)
	w.optFlag(p.AcceptsImportRisk)
	w.n(len(p.Registrations))
	for _, r := range p.Registrations {
		w.str(r.Scheme)
		w.str(r.ID)
	}
	if p.Fee == nil {
		w.str("-")
	} else {
		w.dec(p.Fee.Percent)
		if p.Fee.Minimum == nil {
			w.str("-")
		} else {
			w.money(*p.Fee.Minimum)
		}
	}
}

func (w *idWriter) shipment(s Shipment) {
	w.str(s.ID)
	w.date(s.Date)
	w.str(s.Origin)
	w.str(s.Destination)
	w.str(s.DestinationRegion)
	w.str(string(s.Incoterm))
	w.str(string(s.Mode))
	w.party(s.Seller)
	w.party(s.Buyer)
	if s.Consignee == nil {
		w.str("-")
	} else {
		w.party(*s.Consignee)
	}
	w.n(len(s.Affiliates))
	for _, p := range s.Affiliates {
		w.party(p)
	}
	w.n(len(s.IORProviders))
	for _, p := range s.IORProviders {
		w.party(p)
	}
	w.n(len(s.Lines))
	for li := range s.Lines {
		l := &s.Lines[li]
		w.str(l.SKU)
		w.str(l.Description)
		w.str(l.HS)
		w.str(l.Origin)
		w.qty(l.Quantity)
		w.money(l.UnitPrice)
		w.qty(l.NetWeight)
		w.n(len(l.Quantities))
		for _, q := range l.Quantities {
			w.qty(q)
		}
		w.optFlag(l.ClaimPreference)
		w.n(len(l.Parts))
		for _, p := range l.Parts {
			w.str(p.Name)
			w.money(p.Value)
			w.n(len(p.Quantities))
			for _, q := range p.Quantities {
				w.qty(q)
			}
		}
		w.n(len(l.HSAlternatives))
		for _, hs := range l.HSAlternatives {
			w.str(hs)
		}
		w.n(len(l.OriginAlternatives))
		for _, o := range l.OriginAlternatives {
			w.str(o)
		}
	}
	w.money(s.Freight)
	w.money(s.Insurance)
	w.optFlag(s.ClaimPreference)
	w.flag(s.Gift)
	w.n(len(s.ServiceCharges))
	for _, c := range s.ServiceCharges {
		w.str(c.Code)
		w.str(c.Name)
		w.str(string(c.Kind))
		w.optMoney(c.Amount)
		w.dec(c.Percent)
		w.optMoney(c.Minimum)
	}
	// Written only when given, each under a tag no data label starts
	// with, so that the ids of shipments without them are unchanged.
	if slices.ContainsFunc(s.Lines, func(l Line) bool { return !l.ABV.IsZero() }) {
		at := w.open()
		w.b = append(w.b, "abv:"...)
		for _, l := range s.Lines {
			w.b = appendDecimalString(w.b, l.ABV)
			w.b = append(w.b, ';')
		}
		w.close(at)
	}
	if s.PortRegion != "" {
		w.str("port_region:" + s.PortRegion)
	}
}

// idBuffers recycles the encoding buffers of quoteID: the encoding is
// hashed and dropped, and a 10-line shipment takes a few kilobytes.
var idBuffers = sync.Pool{New: func() any { b := make([]byte, 0, 4096); return &b }}

// quoteID hashes everything that can change a figure of the quote: the
// shipment, the engine's data label (DataVersion, the editions and the
// fingerprints of the caller's tables, profiles and packs), the exchange
// rates actually applied, the per-call choices that change figures
// (partial, HS resolution) and the date.
func quoteID(s Shipment, data string, fx []duty.FXUse, cfg callConfig) (string, error) {
	bp := idBuffers.Get().(*[]byte)
	w := idWriter{b: (*bp)[:0]}
	defer func() {
		if cap(w.b) <= 1<<16 { // a huge shipment's buffer is left to the GC
			*bp = w.b
			idBuffers.Put(bp)
		}
	}()
	w.shipment(s)
	w.str(data)
	w.n(len(fx))
	for _, u := range fx {
		w.str(u.From)
		w.str(u.To)
		w.str(u.Rate)
		w.date(u.Date)
		w.str(u.Source)
	}
	w.flag(cfg.partial)
	w.str(string(cfg.hs))
	w.date(s.Date)
	sum := sha256.Sum256(w.b)
	return "q_" + hex.EncodeToString(sum[:16]), nil
}
