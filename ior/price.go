package ior

import (
	"context"
	"errors"
	"fmt"

	"github.com/iorkit/iorkit/duty"
	"github.com/shopspring/decimal"
)

// PriceRequest asks for the selling price of one line such that the
// shopper's landed total (goods, shipping, duty, tax and fees: the View's
// Total) comes to Target: a duty-inclusive price shown on a product page
// or in a price list.
type PriceRequest struct {
	// Shipment is the order as it would be placed; the unit price of
	// Lines[Line] is what is solved (its given amount is ignored, its
	// currency kept).
	Shipment Shipment `json:"shipment"`
	Line     int      `json:"line"`
	// Target is what the shopper should pay in all, in the currency of the
	// line's unit price.
	Target duty.Money `json:"target"`
	// AllowInverse and Via say how the quote's amounts may be converted
	// back into the target's currency when the engine's rates do not give
	// that direction (see AllowInverse and CrossVia).
	AllowInverse bool   `json:"allow_inverse,omitempty"`
	Via          string `json:"via,omitempty"`
}

// PriceResult is the solved price.
type PriceResult struct {
	// UnitPrice is the highest unit price, to the currency's minor unit,
	// whose landed total does not exceed the target.
	UnitPrice duty.Money `json:"unit_price"`
	// Landed is the shopper's total at that price; Shortfall = Target −
	// Landed (zero when the target is met exactly; a minor unit or two of
	// rounding otherwise, more where a threshold is in the way).
	Landed    duty.Money `json:"landed"`
	Shortfall duty.Money `json:"shortfall"`
	// View is the shopper's view of the order at that price.
	View View `json:"view"`
	// Notes explain what the price depends on, such as a de minimis
	// threshold the next minor unit would cross.
	Notes []string `json:"notes,omitempty"`
}

// ErrTargetTooLow is matched by the error of Price when even a zero price
// lands above the target (shipping and fixed charges alone exceed it).
var ErrTargetTooLow = errors.New("ior: target price is below the landed cost at a zero price")

// Price finds the net selling price of req.Line such that the order lands
// at req.Target or just under it, exactly: it searches the unit price in
// whole minor units, quoting the order at each step (about log2(target)
// quotes). Landed cost never falls when the price rises (duty and tax grow
// with value, and crossing a de minimis threshold adds charges), so the
// search finds the highest price that fits; when the next minor unit
// would cross a threshold, a note says which and what the shopper would
// pay. The call options (Strict, Partial) apply to every quote of the
// search.
func (e *Engine) Price(ctx context.Context, req PriceRequest, opts ...CallOption) (PriceResult, error) {
	if e == nil {
		return PriceResult{}, errors.New("ior: Price on a nil *Engine")
	}
	s := req.Shipment
	if req.Line < 0 || req.Line >= len(s.Lines) {
		return PriceResult{}, &ValidationError{Problems: []*FieldError{{Path: "line", Value: fmt.Sprint(req.Line), Msg: fmt.Sprintf("no such line (the shipment has %d)", len(s.Lines)), Err: ErrInvalidValue}}}
	}
	cur := req.Target.Currency()
	if _, err := duty.LookupCurrency(cur); err != nil {
		return PriceResult{}, fmt.Errorf("ior: price target: %w", err)
	}
	if !req.Target.IsPositive() {
		return PriceResult{}, &ValidationError{Problems: []*FieldError{{Path: "target", Value: req.Target.String(), Msg: "must be positive", Err: ErrInvalidValue}}}
	}
	qty := s.Lines[req.Line].Quantity.Value
	if !qty.IsPositive() {
		return PriceResult{}, &ValidationError{Problems: []*FieldError{{Path: fmt.Sprintf("shipment.lines[%d].quantity", req.Line), Value: qty.String(), Msg: "must be positive to solve a unit price", Err: ErrInvalidValue}}}
	}
	vopts := []ViewOption{ViewRates(e.rates)}
	if req.AllowInverse {
		vopts = append(vopts, AllowInverse())
	}
	if req.Via != "" {
		vopts = append(vopts, CrossVia(req.Via))
	}
	places := duty.MustMoney("0", cur).MinorUnits()
	unit := decimal.New(1, -places)
	// A unit price above target ÷ quantity puts the goods alone over the
	// target, so the answer lies in [0, hi] minor units.
	hi := req.Target.Amount().Div(qty).RoundFloor(places).Shift(places).IntPart()
	landed := func(minor int64) (View, Quote, error) {
		if err := ctx.Err(); err != nil {
			return View{}, Quote{}, fmt.Errorf("ior: price: %w", err)
		}
		p, err := duty.NewMoney(decimal.New(minor, -places), cur)
		if err != nil {
			return View{}, Quote{}, err
		}
		t := s
		t.Lines = append([]Line(nil), s.Lines...)
		t.Lines[req.Line].UnitPrice = p
		q, err := e.Quote(ctx, t, opts...)
		if err != nil {
			return View{}, Quote{}, err
		}
		v, err := NewView(t, q, cur, vopts...)
		return v, q, err
	}
	fits := func(v View) bool { return v.Total.Amount().LessThanOrEqual(req.Target.Amount()) }

	v0, _, err := landed(0)
	if err != nil {
		return PriceResult{}, err
	}
	if !fits(v0) {
		return PriceResult{}, fmt.Errorf("%w: %s at a unit price of 0, target %s", ErrTargetTooLow, v0.Total, req.Target)
	}
	lo, best := int64(0), v0 // invariant: lo fits
	for lo < hi {
		mid := lo + (hi-lo+1)/2
		v, _, err := landed(mid)
		if err != nil {
			return PriceResult{}, err
		}
		if fits(v) {
			lo, best = mid, v
		} else {
			hi = mid - 1
		}
	}
	res := PriceResult{View: best, Landed: best.Total}
	if res.UnitPrice, err = duty.NewMoney(decimal.New(lo, -places), cur); err != nil {
		return PriceResult{}, fmt.Errorf("ior: price: %w", err)
	}
	if res.Shortfall, err = req.Target.Sub(best.Total); err != nil {
		return PriceResult{}, fmt.Errorf("ior: price shortfall: %w", err)
	}
	if res.Shortfall.IsPositive() {
		notes, err := e.priceEdge(lo, landed, unit)
		if err != nil {
			return PriceResult{}, err
		}
		res.Notes = notes
	}
	return res, nil
}

// priceEdge explains why the price cannot rise by one more minor unit when
// a de minimis threshold is what stops it.
func (e *Engine) priceEdge(lo int64, landed func(int64) (View, Quote, error), unit decimal.Decimal) ([]string, error) {
	_, qLo, err := landed(lo)
	if err != nil {
		return nil, err
	}
	vHi, qHi, err := landed(lo + 1)
	if err != nil {
		return nil, err
	}
	var notes []string
	for _, a := range qLo.DeMinimis {
		for _, b := range qHi.DeMinimis {
			if a.Code == b.Code && a.Met != b.Met {
				notes = append(notes, fmt.Sprintf("one minor unit more (%s) takes the consignment across %s (threshold %s, %s): the shopper would pay %s",
					unit, a.Code, a.Threshold, b.Reason, vHi.Total))
			}
		}
	}
	return notes, nil
}

// PriceItem is one entry of a price list: a request with a key the caller
// uses to match results (a SKU and market, say).
type PriceItem struct {
	Key string `json:"key"`
	PriceRequest
}

// PriceListEntry is the answer for one PriceItem: the result, or the error
// that item met (the others are still solved).
type PriceListEntry struct {
	Key    string       `json:"key"`
	Result *PriceResult `json:"result,omitempty"`
	Err    error        `json:"-"`
}

// PriceList solves every item in order (SKUs × markets); an item's
// failure is recorded in its entry. Only a cancelled context stops the
// list, and is returned.
func (e *Engine) PriceList(ctx context.Context, items []PriceItem, opts ...CallOption) ([]PriceListEntry, error) {
	out := make([]PriceListEntry, len(items))
	for i, it := range items {
		if err := ctx.Err(); err != nil {
			return out[:i], fmt.Errorf("ior: price list: %w", err)
		}
		r, err := e.Price(ctx, it.PriceRequest, opts...)
		out[i].Key = it.Key
		if err != nil {
			if ctx.Err() != nil {
				return out[:i], fmt.Errorf("ior: price list: %w", ctx.Err())
			}
			out[i].Err = err
			continue
		}
		out[i].Result = &r
	}
	return out, nil
}
