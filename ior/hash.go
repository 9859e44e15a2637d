package ior

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"strconv"
	"sync"

	"github.com/iorkit/iorkit/duty"
	"github.com/shopspring/decimal"
)

// The quote id hashes a canonical, length-prefixed encoding of a shipment
// (putShipment): every field in declaration order, so that two shipments
// hash alike exactly when they are equal. It is much cheaper than hashing
// the JSON. TestQuoteIDCoversEveryField keeps it in step with the types.

// idWriter holds an encoding being written (the tests' view of the put
// functions).
type idWriter struct {
	b []byte // the encoding, hashed once at the end
}

func (w *idWriter) str(s string) { w.b = putStr(w.b, s) }

// dec writes d as w.str(d.String()) would, formatting it in place.
func (w *idWriter) dec(d decimal.Decimal) { w.b = putDec(w.b, d) }

// date writes d as w.str(d.String()) would, formatting it in place.
func (w *idWriter) date(d duty.Date) { w.b = putDate(w.b, d) }

// The put functions append to the encoding and return it: the buffer
// stays in registers rather than behind a pointer (no write barrier on
// every append while the collector runs).

func putStr(b []byte, s string) []byte {
	b = binary.LittleEndian.AppendUint64(b, uint64(len(s)))
	return append(b, s...)
}

func putFlag(b []byte, f bool) []byte {
	if f {
		return putStr(b, "1")
	}
	return putStr(b, "0")
}

func putOptFlag(b []byte, f *bool) []byte {
	if f == nil {
		return putStr(b, "-")
	}
	return putFlag(b, *f)
}

func putN(b []byte, n int) []byte { return binary.LittleEndian.AppendUint64(b, uint64(n)) }

// putDec writes d as putStr(b, d.String()) would, formatting it in place.
func putDec(b []byte, d decimal.Decimal) []byte {
	b = binary.LittleEndian.AppendUint64(b, 0)
	at := len(b)
	b = appendDecimalString(b, d)
	binary.LittleEndian.PutUint64(b[at-8:at], uint64(len(b)-at))
	return b
}

// putDate writes d as putStr(b, d.String()) would, formatting it in place.
func putDate(b []byte, d duty.Date) []byte {
	b = binary.LittleEndian.AppendUint64(b, 0)
	at := len(b)
	b, _ = d.AppendText(b) // never fails
	binary.LittleEndian.PutUint64(b[at-8:at], uint64(len(b)-at))
	return b
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

func putMoney(b []byte, m *duty.Money) []byte {
	b = putDec(b, m.Amount())
	return putStr(b, m.Currency())
}

func putOptMoney(b []byte, m *duty.Money) []byte {
	if m == nil {
		return putStr(b, "-")
	}
	return putMoney(b, m)
}

func putQty(b []byte, q *duty.Quantity) []byte {
	b = putDec(b, q.Value)
	return putStr(b, string(q.Unit))
}

func putParty(b []byte, p *Party) []byte {
	b = putStr(b, p.Name)
	b = putStr(b, p.Country)
	b = putStr(b, p.Region)
	b = putStr(b, string(p.Kind))
	b = putFlag(b, p.LocalEntity)
	b = putFlag(b, p.VATRegistered)
	b = putOptFlag(b, p.AcceptsImportRisk)
	b = putN(b, len(p.Registrations))
	for i := range p.Registrations {
		b = putStr(b, p.Registrations[i].Scheme)
		b = putStr(b, p.Registrations[i].ID)
	}
	if p.Fee == nil {
		return putStr(b, "-")
	}
	b = putDec(b, p.Fee.Percent)
	if p.Fee.Minimum == nil {
		return putStr(b, "-")
	}
	return putMoney(b, p.Fee.Minimum)
}

// putShipment writes every field of s in declaration order (the shipment
// is read in place: its lines and parties are large structs).
func putShipment(b []byte, s *Shipment) []byte {
	b = putStr(b, s.ID)
	b = putDate(b, s.Date)
	b = putStr(b, s.Origin)
	b = putStr(b, s.Destination)
	b = putStr(b, s.DestinationRegion)
	b = putStr(b, string(s.Incoterm))
	b = putStr(b, string(s.Mode))
	b = putParty(b, &s.Seller)
	b = putParty(b, &s.Buyer)
	if s.Consignee == nil {
		b = putStr(b, "-")
	} else {
		b = putParty(b, s.Consignee)
	}
	b = putN(b, len(s.Affiliates))
	for i := range s.Affiliates {
		b = putParty(b, &s.Affiliates[i])
	}
	b = putN(b, len(s.IORProviders))
	for i := range s.IORProviders {
		b = putParty(b, &s.IORProviders[i])
	}
	b = putN(b, len(s.Lines))
	anyABV := false
	for li := range s.Lines {
		l := &s.Lines[li]
		b = putStr(b, l.SKU)
		b = putStr(b, l.Description)
		b = putStr(b, l.HS)
		b = putStr(b, l.Origin)
		b = putQty(b, &l.Quantity)
		b = putMoney(b, &l.UnitPrice)
		b = putQty(b, &l.NetWeight)
		b = putN(b, len(l.Quantities))
		for i := range l.Quantities {
			b = putQty(b, &l.Quantities[i])
		}
		b = putOptFlag(b, l.ClaimPreference)
		b = putN(b, len(l.Parts))
		for pi := range l.Parts {
			p := &l.Parts[pi]
			b = putStr(b, p.Name)
			b = putMoney(b, &p.Value)
			b = putN(b, len(p.Quantities))
			for i := range p.Quantities {
				b = putQty(b, &p.Quantities[i])
			}
		}
		b = putN(b, len(l.HSAlternatives))
		for _, hs := range l.HSAlternatives {
			b = putStr(b, hs)
		}
		b = putN(b, len(l.OriginAlternatives))
		for _, o := range l.OriginAlternatives {
			b = putStr(b, o)
		}
		anyABV = anyABV || !l.ABV.IsZero()
	}
	b = putMoney(b, &s.Freight)
	b = putMoney(b, &s.Insurance)
	b = putOptFlag(b, s.ClaimPreference)
	b = putFlag(b, s.Gift)
	b = putN(b, len(s.ServiceCharges))
	for i := range s.ServiceCharges {
		c := &s.ServiceCharges[i]
		b = putStr(b, c.Code)
		b = putStr(b, c.Name)
		b = putStr(b, string(c.Kind))
		b = putOptMoney(b, c.Amount)
		b = putDec(b, c.Percent)
		b = putOptMoney(b, c.Minimum)
	}
	// Written only when given, each under a tag no data label starts
	// with, so that the ids of shipments without them are unchanged.
	if anyABV {
		b = binary.LittleEndian.AppendUint64(b, 0)
		at := len(b)
		b = append(b, "abv:"...)
		for li := range s.Lines {
			b = appendDecimalString(b, s.Lines[li].ABV)
			b = append(b, ';')
		}
		binary.LittleEndian.PutUint64(b[at-8:at], uint64(len(b)-at))
	}
	if s.PortRegion != "" {
		b = putStr(b, "port_region:"+s.PortRegion)
	}
	return b
}

// idBuffers recycles the encoding buffers of quoteID: the encoding is
// hashed and dropped, and a 10-line shipment takes a few kilobytes.
var idBuffers = sync.Pool{New: func() any { b := make([]byte, 0, 4096); return &b }}

// quoteID hashes everything that can change a figure of the quote: the
// shipment, the engine's data label (DataVersion, the editions and the
// fingerprints of the caller's tables, profiles and packs), the exchange
// rates actually applied, the per-call choices that change figures
// (partial, HS resolution) and the date.
func quoteID(s *Shipment, data string, fx []duty.FXUse, cfg callConfig) (string, error) {
	bp := idBuffers.Get().(*[]byte)
	b := putShipment((*bp)[:0], s)
	b = putStr(b, data)
	b = putN(b, len(fx))
	for i := range fx {
		u := &fx[i]
		b = putStr(b, u.From)
		b = putStr(b, u.To)
		b = putStr(b, u.Rate)
		b = putDate(b, u.Date)
		b = putStr(b, u.Source)
	}
	b = putFlag(b, cfg.partial)
	b = putStr(b, string(cfg.hs))
	b = putDate(b, s.Date)
	sum := sha256.Sum256(b)
	if cap(b) <= 1<<16 { // a huge shipment's buffer is left to the GC
		*bp = b
		idBuffers.Put(bp)
	}
	return "q_" + hex.EncodeToString(sum[:16]), nil
}
