package ior

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"

	"github.com/iorkit/iorkit/duty"
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

func (w *idWriter) money(m duty.Money) { w.str(m.Amount().String()); w.str(m.Currency()) }

func (w *idWriter) optMoney(m *duty.Money) {
	if m == nil {
		w.str("-")
		return
	}
	w.money(*m)
}

func (w *idWriter) qty(q duty.Quantity) { w.str(q.Value.String()); w.str(string(q.Unit)) }

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
		w.str(p.Fee.Percent.String())
		if p.Fee.Minimum == nil {
			w.str("-")
		} else {
			w.money(*p.Fee.Minimum)
		}
	}
}

func (w *idWriter) shipment(s Shipment) {
	w.str(s.ID)
	w.str(s.Date.String())
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
	for _, l := range s.Lines {
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
		w.str(c.Percent.String())
		w.optMoney(c.Minimum)
	}
}

// quoteID hashes everything that can change a figure of the quote: the
// shipment, the engine's data label (DataVersion, the editions and the
// fingerprints of the caller's tables, profiles and packs), the exchange
// rates actually applied, the per-call choices that change figures
// (partial, HS resolution) and the date.
func quoteID(s Shipment, data string, fx []duty.FXUse, cfg callConfig) (string, error) {
	w := idWriter{b: make([]byte, 0, 1024)}
	w.shipment(s)
	w.str(data)
	w.n(len(fx))
	for _, u := range fx {
		w.str(u.From)
		w.str(u.To)
		w.str(u.Rate)
		w.str(u.Date.String())
		w.str(u.Source)
	}
	w.flag(cfg.partial)
	w.str(string(cfg.hs))
	w.str(s.Date.String())
	sum := sha256.Sum256(w.b)
	return "q_" + hex.EncodeToString(sum[:16]), nil
}
