package ior

import (
	"fmt"

	"github.com/iorkit/iorkit/duty"
	"github.com/shopspring/decimal"
)

// View is a quote as a shopper sees it at checkout: goods, shipping, duty,
// tax, fees and the grand total, per line and per order, in one display
// currency. Every amount is converted exactly at the rates listed in Rates
// and then rounded to the display currency's minor unit so that the shown
// parts add up exactly to the shown totals (duty.RoundParts): a line's
// Total is its Goods + Duty + Tax, the order's Goods, Duty and Tax are the
// sums of its lines (plus the declaration's rounding adjustments), and
// Total = Goods + Shipping + Services + Duty + Tax + Fees = DueAtCheckout
// + DueOnDelivery.
type View struct {
	QuoteID     string   `json:"quote_id"`
	Destination string   `json:"destination"`
	Incoterm    Incoterm `json:"incoterm"`
	// Currency is the display currency.
	Currency string     `json:"currency"`
	Lines    []ViewLine `json:"lines"`
	Goods    duty.Money `json:"goods"`
	// Shipping is the freight and insurance of the shipment.
	Shipping duty.Money `json:"shipping"`
	// Services are the carrier's and broker's charges given with the
	// shipment (clearance, handling, delivery): not state charges, paid by
	// the side that clears the goods.
	Services duty.Money `json:"services"`
	Duty     duty.Money `json:"duty"`
	Tax      duty.Money `json:"tax"`
	// Fees are the entry's fees (customs processing, an IOR provider's fee).
	Fees  duty.Money `json:"fees"`
	Total duty.Money `json:"total"`
	// DueAtCheckout is what the shopper pays the seller: goods, shipping,
	// tax collected at the sale and, when the seller's side pays the import
	// charges (DDP), duty, border tax, fees and service charges.
	DueAtCheckout duty.Money `json:"due_at_checkout"`
	// DueOnDelivery is what the buyer pays to clear the goods when the
	// buyer's side pays the import charges (DAP and the other rules).
	DueOnDelivery duty.Money `json:"due_on_delivery"`
	// Rates lists every exchange rate the view used, how it was obtained.
	Rates []ViewRate `json:"rates"`
	// Warnings repeats the quote's: what the figures assume (sample or
	// reference tariff, stale figure, aged exchange rate...). A checkout
	// that must not show an estimate quotes with ior.Strict instead.
	Warnings []duty.Warning `json:"warnings"`
	// Incomplete repeats the quote's flag: some lines have no charges.
	Incomplete bool `json:"incomplete,omitempty"`
}

// ViewLine is one line of a View.
type ViewLine struct {
	Index       int        `json:"index"`
	SKU         string     `json:"sku"`
	Description string     `json:"description"`
	Goods       duty.Money `json:"goods"`
	Duty        duty.Money `json:"duty"`
	Tax         duty.Money `json:"tax"`
	Total       duty.Money `json:"total"`
}

// How a view obtained an exchange rate.
const (
	RateDirect   = "direct"   // the pair as given
	RateInverted = "inverted" // 1 ÷ the opposite pair (AllowInverse)
	RateCrossed  = "crossed"  // through a base currency (CrossVia)
)

// ViewRate is one exchange rate a View used: 1 From = Rate To.
type ViewRate struct {
	From string          `json:"from"`
	To   string          `json:"to"`
	Rate decimal.Decimal `json:"rate"`
	// How is direct, inverted or crossed.
	How string `json:"how"`
	// Via is the base currency of a crossed rate.
	Via string `json:"via,omitempty"`
	// Source says where the rate came from: "quote" (a rate the quote
	// itself used) or "caller" (ViewRates, or the engine's rates for
	// Engine.View).
	Source string `json:"source"`
	// Publication names the published rate when its source says (the ECB
	// reference rates, HMRC's monthly rates...).
	Publication string `json:"publication,omitempty"`
	// Date is the day the rate is of (the quote's date when its source
	// does not say).
	Date duty.Date `json:"date"`
}

// InvertPlaces is the number of decimals an inverted exchange rate keeps
// (1 ÷ a rate rarely terminates). Crossed rates are exact products.
const InvertPlaces = 12

// ViewOption configures NewView.
type ViewOption func(*viewConfig)

type viewConfig struct {
	rates   duty.Rates
	inverse bool
	via     string
}

// ViewRates gives exchange rates beyond those the quote recorded; they
// are asked for on the quote's date.
func ViewRates(r duty.Rates) ViewOption { return func(c *viewConfig) { c.rates = r } }

// AllowInverse lets the view use 1 ÷ the opposite pair when a pair is not
// given in the direction needed (kept to InvertPlaces decimals; reported
// as inverted).
func AllowInverse() ViewOption { return func(c *viewConfig) { c.inverse = true } }

// CrossVia lets the view cross a missing pair through base (X→base→Y;
// reported as crossed).
func CrossVia(base string) ViewOption { return func(c *viewConfig) { c.via = base } }

// ErrNoViewRate is matched by the error NewView returns when it cannot
// convert an amount into the display currency with the rates allowed.
var ErrNoViewRate = fmt.Errorf("ior: no exchange rate for the view")

// View is NewView with the engine's exchange rates tried after the
// quote's own (before any given with ViewRates).
func (e *Engine) View(s Shipment, q Quote, currency string, opts ...ViewOption) (View, error) {
	if e == nil {
		return View{}, fmt.Errorf("ior: View on a nil *Engine")
	}
	if e.rates != nil {
		opts = append([]ViewOption{ViewRates(e.rates)}, opts...)
	}
	return NewView(s, q, currency, opts...)
}

// NewView builds the shopper's view of quote q of shipment s in the
// display currency. Amounts are converted at the rates the quote recorded
// and those given with ViewRates, in the direction given unless
// AllowInverse or CrossVia allow more.
func NewView(s Shipment, q Quote, currency string, opts ...ViewOption) (View, error) {
	if _, err := duty.LookupCurrency(currency); err != nil {
		return View{}, fmt.Errorf("ior: view currency: %w", err)
	}
	if len(q.Lines) != len(s.Lines) {
		return View{}, fmt.Errorf("ior: view: the quote has %d lines, the shipment %d: not the quote of this shipment", len(q.Lines), len(s.Lines))
	}
	cfg := viewConfig{}
	for _, o := range opts {
		o(&cfg)
	}
	cv := converter{cfg: cfg, q: q, to: currency, used: map[string]int{}, rates: make([]ViewRate, 0, 2)}
	sellerImports := sellerPaysImport(q)

	// Exact parts, in this order: per line goods, duty, tax; then shipping,
	// fees, duty adjustments, tax adjustments, services. checkout[i] says whether part
	// i is paid at checkout.
	n := len(q.Lines)
	parts := make([]duty.Money, 0, 5*n+5)
	checkout := make([]bool, 0, 5*n+5)
	add := func(m duty.Money, atCheckout bool) error {
		x, err := cv.convert(m)
		if err != nil {
			return err
		}
		parts = append(parts, x)
		checkout = append(checkout, atCheckout)
		return nil
	}
	zero, err := duty.Zero(q.Currency)
	if err != nil {
		return View{}, fmt.Errorf("ior: view of the quote: %w", err)
	}
	for i, l := range q.Lines {
		if err := add(s.Lines[i].Value(), true); err != nil {
			return View{}, err
		}
		dutyAmt, dutyAtSale := zero, zero
		for _, c := range l.Duties {
			if err := sumCharge(&dutyAmt, &dutyAtSale, c); err != nil {
				return View{}, err
			}
		}
		taxAmt, taxAtSale := zero, zero
		for _, c := range l.Taxes {
			if err := sumCharge(&taxAmt, &taxAtSale, c); err != nil {
				return View{}, err
			}
		}
		// A line's duty or tax is split in two parts when some of it is
		// collected at the sale and some at the border.
		for _, p := range [][2]duty.Money{{dutyAmt, dutyAtSale}, {taxAmt, taxAtSale}} {
			border, err := p[0].Sub(p[1])
			if err != nil {
				return View{}, err
			}
			if err := add(p[1], true); err != nil {
				return View{}, err
			}
			if err := add(border, sellerImports); err != nil {
				return View{}, err
			}
		}
	}
	ship, err := duty.Sum(s.Freight, s.Insurance)
	if err != nil {
		return View{}, fmt.Errorf("ior: view shipping: %w", err)
	}
	if err := add(ship, true); err != nil {
		return View{}, err
	}
	fees, dutyAdj, taxAdj, services := zero, zero, zero, zero
	for _, f := range q.Fees {
		if fees, err = fees.Add(f.Amount); err != nil {
			return View{}, err
		}
	}
	for _, c := range q.Services {
		if services, err = services.Add(c.Amount); err != nil {
			return View{}, err
		}
	}
	for _, a := range q.Adjustments {
		dst := &taxAdj
		if a.Kind == "duty" {
			dst = &dutyAdj
		}
		if *dst, err = dst.Add(a.Amount); err != nil {
			return View{}, err
		}
	}
	for _, m := range []duty.Money{fees, dutyAdj, taxAdj, services} {
		if err := add(m, sellerImports); err != nil {
			return View{}, err
		}
	}

	rounded, total, err := duty.RoundParts(parts)
	if err != nil {
		return View{}, err
	}
	dz, err := duty.Zero(currency)
	if err != nil {
		return View{}, fmt.Errorf("ior: view currency: %w", err)
	}
	v := View{QuoteID: q.ID, Destination: q.Destination, Incoterm: q.Incoterm, Currency: currency,
		Lines: make([]ViewLine, n), Goods: dz, Shipping: dz, Services: dz, Duty: dz, Tax: dz, Fees: dz, Total: total,
		DueAtCheckout: dz, DueOnDelivery: dz, Rates: cv.rates, Warnings: q.Warnings, Incomplete: q.Incomplete}
	// One currency throughout (RoundParts checked it): the first error,
	// which cannot happen, is still returned, never dropped.
	var sumErr error
	sum := func(dst *duty.Money, ms ...duty.Money) {
		for _, m := range ms {
			x, err := dst.Add(m)
			if err != nil && sumErr == nil {
				sumErr = err
			}
			*dst = x
		}
	}
	for i := range q.Lines {
		r := rounded[5*i : 5*i+5] // goods, duty at sale, duty at border, tax at sale, tax at border
		vl := ViewLine{Index: i, SKU: s.Lines[i].SKU, Description: s.Lines[i].Description, Goods: r[0], Duty: dz, Tax: dz, Total: dz}
		sum(&vl.Duty, r[1], r[2])
		sum(&vl.Tax, r[3], r[4])
		sum(&vl.Total, vl.Goods, vl.Duty, vl.Tax)
		sum(&v.Goods, vl.Goods)
		sum(&v.Duty, vl.Duty)
		sum(&v.Tax, vl.Tax)
		v.Lines[i] = vl
	}
	rest := rounded[5*n:] // shipping, fees, duty adjustments, tax adjustments, services
	v.Shipping = rest[0]
	v.Fees = rest[1]
	sum(&v.Duty, rest[2])
	sum(&v.Tax, rest[3])
	v.Services = rest[4]
	for i, m := range rounded {
		if checkout[i] {
			sum(&v.DueAtCheckout, m)
		} else {
			sum(&v.DueOnDelivery, m)
		}
	}
	if sumErr != nil {
		return View{}, fmt.Errorf("ior: view totals: %w", sumErr)
	}
	return v, nil
}

// sumCharge adds a charge to a line's amount, and to its at-sale part
// when collected at the sale; a charge not due adds nothing.
func sumCharge(all, atSale *duty.Money, c duty.Charge) error {
	if c.Collection == duty.NotDue {
		return nil
	}
	var err error
	if *all, err = all.Add(c.Amount); err != nil {
		return err
	}
	if c.Collection == duty.AtSale {
		*atSale, err = atSale.Add(c.Amount)
	}
	return err
}

// sellerPaysImport reports whether the seller's side pays the import
// charges (DDP, or an importer on the seller's side).
func sellerPaysImport(q Quote) bool {
	if q.Payers.Seller.AtImport.Currency() == "" { // no payers computed
		return q.Incoterm.ImportPayer() == SellerSide
	}
	return q.Payers.Seller.AtImport.IsPositive() || (q.Importer != nil && roleSide(q.Importer.Role) == SellerSide) ||
		(q.Importer == nil && q.Incoterm.ImportPayer() == SellerSide)
}

// converter converts amounts into the view's currency and records each
// rate it used once.
type converter struct {
	cfg   viewConfig
	q     Quote
	to    string
	rates []ViewRate
	used  map[string]int
}

func (c *converter) convert(m duty.Money) (duty.Money, error) {
	if m.Currency() == c.to {
		return m, nil
	}
	r, err := c.rate(m.Currency(), c.to)
	if err != nil {
		return duty.Money{}, err
	}
	return duty.NewMoney(m.Amount().Mul(r), c.to)
}

func (c *converter) rate(from, to string) (decimal.Decimal, error) {
	key := from + "/" + to
	if i, ok := c.used[key]; ok {
		return c.rates[i].Rate, nil
	}
	vr, ok := c.find(from, to)
	if !ok && c.cfg.via != "" && from != c.cfg.via && to != c.cfg.via {
		a, okA := c.find(from, c.cfg.via)
		b, okB := c.find(c.cfg.via, to)
		if okA && okB {
			c.record(a)
			c.record(b)
			vr, ok = ViewRate{From: from, To: to, Rate: a.Rate.Mul(b.Rate), How: RateCrossed, Via: c.cfg.via, Source: a.Source, Date: c.q.Date}, true
			if b.Date.Before(a.Date) { // a cross is as old as its older leg
				vr.Date = b.Date
			} else {
				vr.Date = a.Date
			}
			if b.Source != a.Source {
				vr.Source = a.Source + "+" + b.Source
			}
		}
	}
	if !ok {
		return decimal.Decimal{}, fmt.Errorf("%w: %s to %s on %s (give the pair with ViewRates, or allow AllowInverse/CrossVia)", ErrNoViewRate, from, to, c.q.Date)
	}
	c.record(vr)
	return vr.Rate, nil
}

func (c *converter) record(vr ViewRate) {
	key := vr.From + "/" + vr.To
	if _, ok := c.used[key]; ok {
		return
	}
	c.used[key] = len(c.rates)
	c.rates = append(c.rates, vr)
}

// find looks a pair up in the quote's recorded rates, then the caller's,
// directly, then inverted when allowed.
func (c *converter) find(from, to string) (ViewRate, bool) {
	if vr, ok := c.direct(from, to); ok {
		return vr, true
	}
	if c.cfg.inverse {
		if vr, ok := c.direct(to, from); ok && vr.Rate.IsPositive() {
			vr.From, vr.To, vr.How = from, to, RateInverted
			vr.Rate = decimal.New(1, 0).DivRound(vr.Rate, InvertPlaces)
			return vr, true
		}
	}
	return ViewRate{}, false
}

func (c *converter) direct(from, to string) (ViewRate, bool) {
	vr := ViewRate{From: from, To: to, How: RateDirect, Date: c.q.Date}
	for _, f := range c.q.FX {
		if f.From == from && f.To == to {
			if r, err := decimal.NewFromString(f.Rate); err == nil && r.IsPositive() {
				vr.Rate, vr.Source, vr.Publication = r, "quote", f.Source
				if !f.Date.IsZero() {
					vr.Date = f.Date
				}
				return vr, true
			}
		}
	}
	if c.cfg.rates == nil {
		return ViewRate{}, false
	}
	vr.Source = "caller"
	if sr, ok := c.cfg.rates.(duty.SourcedRates); ok {
		info, err := sr.RateInfo(from, to, c.q.Date)
		if err != nil || !info.Rate.IsPositive() {
			return ViewRate{}, false
		}
		vr.Rate, vr.Publication = info.Rate, info.Source
		if !info.Day.IsZero() {
			vr.Date = info.Day
		}
		return vr, true
	}
	r, err := c.cfg.rates.Rate(from, to, c.q.Date)
	if err != nil || !r.IsPositive() {
		return ViewRate{}, false
	}
	vr.Rate = r
	return vr, true
}
