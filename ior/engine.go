package ior

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/iorkit/iorkit/duty"
	"github.com/iorkit/iorkit/duty/fx"
	"github.com/iorkit/iorkit/duty/reftariff"
	"github.com/iorkit/iorkit/internal/datamanifest"
	"github.com/iorkit/iorkit/rules"
)

// DataVersion names the embedded data set: every profile file, rule pack,
// tariff and exchange-rate file embedded in the library, by a hash of the
// manifest that lists each with its SHA-256 and edition (DataManifest).
// It is part of every quote id, so a data update changes ids. `iorkit
// version` prints it.
const DataVersion = datamanifest.Version

// DataFile is one embedded data file of the manifest behind DataVersion.
type DataFile struct {
	Path    string `json:"path"`    // in the module, e.g. "rules/packs/us.json"
	SHA256  string `json:"sha256"`  // hex
	Bytes   int64  `json:"bytes"`   // size
	Edition string `json:"edition"` // what the file says it is (a version, a date range), or ""
}

// DataManifest lists the embedded data files, sorted by path: what
// DataVersion names. Each call returns a new slice.
func DataManifest() []DataFile {
	m := datamanifest.Embedded()
	out := make([]DataFile, len(m.Files))
	for i, f := range m.Files {
		out[i] = DataFile(f)
	}
	return out
}

// fingerprintLabel names caller-supplied data in the engine's label (and
// so in quote ids): its content hash when it has one, hashed once here.
func fingerprintLabel(kind string, v any) string {
	if f, ok := v.(duty.Fingerprinter); ok {
		if fp := f.Fingerprint(); fp != "" {
			return kind + "=" + fp[:16]
		}
	}
	return kind
}

// Engine answers the two questions of iorkit for a shipment: who should
// import it (Decide) and what it costs to land (Quote). Build it once with
// NewEngine and share it: it never changes after construction and is safe
// for concurrent use.
type Engine struct {
	calc  *duty.Calculator
	label string // what was loaded (data versions), part of the quote id
	rates duty.Rates
	book  *rules.Book // nil: no requirements known
	// strict: every quote is as if called with Strict.
	strict bool
}

// Option configures an Engine.
type Option func(*engineConfig) error

type engineConfig struct {
	profiles  *duty.Profiles
	schedules map[string]duty.Schedule
	labels    []string
	rates     duty.Rates
	noSamples bool
	noRefs    bool
	noHTS     bool
	noRates   bool
	noPacks   bool
	packs     []*rules.Pack
	strict    bool
	overlay   []duty.Profile
}

// WithStrict makes every quote of the engine strict, as if each call had
// the Strict option: a quote that would carry warnings is a
// *duty.StrictError.
func WithStrict() Option {
	return func(c *engineConfig) error { c.strict = true; return nil }
}

// WithProfile overlays the profiles of one country (all its periods) on
// the embedded set, or on the set given with WithProfiles, keeping every
// other country: duty.Profiles.With. Use it to bring newer figures (the
// next US MPF fiscal year) without replacing the whole set.
func WithProfile(ps ...duty.Profile) Option {
	return func(c *engineConfig) error {
		if len(ps) == 0 {
			return errors.New("ior: WithProfile() needs at least one profile")
		}
		c.overlay = append(c.overlay, ps...)
		for _, p := range ps {
			c.labels = append(c.labels, "profile:"+p.Country+"@"+p.From.String())
		}
		return nil
	}
}

// WithSchedule sets the tariff of a destination country or of a customs
// union ("EU") whose members share it. It replaces the embedded sample
// tariff for that area.
func WithSchedule(area string, s duty.Schedule) Option {
	return func(c *engineConfig) error {
		if s == nil {
			return fmt.Errorf("ior: WithSchedule(%q, nil)", area)
		}
		if area != "EU" {
			if err := duty.ValidateCountry(area); err != nil {
				return fmt.Errorf("ior: WithSchedule area: %w", err)
			}
		}
		c.schedules[area] = s
		c.labels = append(c.labels, fingerprintLabel("schedule:"+area, s))
		return nil
	}
}

// WithRates sets the exchange rates, replacing the embedded customs rates
// (fx.Default: the EU's monthly Art. 146 rates and the ECB rates of the
// day from the ECB reference rates, HMRC's monthly rates for GB). Rates
// that implement duty.DestinationRates are asked for each destination's
// own; other Rates serve every destination alike. No rate is ever
// assumed: a pair the rates do not give is an error.
func WithRates(r duty.Rates) Option {
	return func(c *engineConfig) error {
		if r == nil {
			return errors.New("ior: WithRates(nil): use WithoutDefaultRates to quote without exchange rates")
		}
		c.rates = r
		c.labels = append(c.labels, fingerprintLabel("rates:custom", r))
		return nil
	}
}

// WithoutDefaultRates leaves out the embedded exchange rates: without
// WithRates only same-currency shipments can be quoted.
func WithoutDefaultRates() Option {
	return func(c *engineConfig) error { c.noRates = true; return nil }
}

// WithProfiles replaces the embedded country profiles.
func WithProfiles(p *duty.Profiles) Option {
	return func(c *engineConfig) error {
		if p == nil {
			return errors.New("ior: WithProfiles(nil)")
		}
		c.profiles = p
		return nil
	}
}

// WithDataVersion labels data loaded by the caller (for example "HTS 2026
// rev 3"): it enters the quote id, so quotes from different data never
// share an id.
func WithDataVersion(v string) Option {
	return func(c *engineConfig) error { c.labels = append(c.labels, "data:"+v); return nil }
}

// WithoutSampleTariff leaves out the embedded sample tariff. With
// WithoutReferenceTariffs and WithoutEmbeddedHTS as well, a destination
// without a schedule given by WithSchedule is an error.
func WithoutSampleTariff() Option {
	return func(c *engineConfig) error { c.noSamples = true; return nil }
}

// WithoutReferenceTariffs leaves out the embedded reference editions of
// the EU and GB tariffs (package reftariff: the 2020 CET and the 2021 UK
// Global Tariff) and the Swiss industrial-goods rule, so that only the
// sample tariff (unless left out too) and schedules given by WithSchedule
// answer.
func WithoutReferenceTariffs() Option {
	return func(c *engineConfig) error { c.noRefs = true; return nil }
}

// WithoutEmbeddedHTS leaves out the embedded US tariff (package
// duty/hts/htsdata, HTS 2026 Revision 3 with its layers), so that the US
// is priced from the sample tariff (unless left out too) or a schedule
// given with WithSchedule. To leave the data out of the binary as well,
// build with the tag iorkit_nohtsdata.
func WithoutEmbeddedHTS() Option {
	return func(c *engineConfig) error { c.noHTS = true; return nil }
}

// WithoutDefaultPacks leaves out the embedded country rule packs: only
// packs given with WithPacks are evaluated, and a destination no pack
// covers gets its importer from the Incoterm.
func WithoutDefaultPacks() Option {
	return func(c *engineConfig) error { c.noPacks = true; return nil }
}

// NewEngine builds an engine on the embedded defaults (country profiles,
// the full US tariff, the reference tariffs of the EU and GB over the
// sample tariff, the Swiss industrial-goods rule, the country rule packs)
// unless options replace them. Tariffs are read on the first quote that
// needs them (the US tariff once per process).
func NewEngine(opts ...Option) (*Engine, error) {
	cfg := &engineConfig{schedules: map[string]duty.Schedule{}}
	for _, o := range opts {
		if err := o(cfg); err != nil {
			return nil, err
		}
	}
	defaults := map[string]duty.Schedule{}
	if !cfg.noSamples {
		samples, err := sampleSchedules()
		if err != nil {
			return nil, fmt.Errorf("ior: embedded sample tariff: %w", err)
		}
		for area, s := range samples {
			defaults[area] = s
		}
	}
	if !cfg.noRefs {
		cfg.labels = append(cfg.labels, "ref:"+reftariff.EmbeddedEdition+"; CH industrial 2024")
		for area, s := range referenceSchedules() {
			if sample, ok := defaults[area]; ok {
				s = layered{primary: s, extra: sample}
			}
			defaults[area] = s
		}
		defaults["CH"] = reftariff.Switzerland()
	}
	if !cfg.noHTS && embeddedUS != nil {
		if _, given := cfg.schedules["US"]; !given {
			// The full US schedule replaces the sample's US rows, copied
			// from the same revision; it is read on the first US quote.
			defaults["US"] = &lazySchedule{load: embeddedUS}
			cfg.labels = append(cfg.labels, embeddedUSLabel)
		}
	}
	for area, s := range defaults {
		if _, ok := cfg.schedules[area]; !ok {
			cfg.schedules[area] = s
		}
	}
	if cfg.rates == nil && !cfg.noRates {
		cfg.rates = fx.Default()
		cfg.labels = append(cfg.labels, "fx:"+fx.EmbeddedEdition)
	}
	copts := []duty.CalcOption{duty.WithRates(cfg.rates)}
	if len(cfg.overlay) > 0 {
		base := cfg.profiles
		if base == nil {
			var err error
			if base, err = duty.DefaultProfiles(); err != nil {
				return nil, err
			}
		}
		ps, err := base.With(cfg.overlay...)
		if err != nil {
			return nil, fmt.Errorf("ior: WithProfile: %w", err)
		}
		cfg.profiles = ps
	}
	if cfg.profiles != nil {
		copts = append(copts, duty.WithProfiles(cfg.profiles))
		cfg.labels = append(cfg.labels, fingerprintLabel("profiles", cfg.profiles))
	}
	areas := make([]string, 0, len(cfg.schedules))
	for a := range cfg.schedules {
		areas = append(areas, a)
	}
	sort.Strings(areas)
	for _, a := range areas {
		copts = append(copts, duty.WithSchedule(a, cfg.schedules[a]))
	}
	calc, err := duty.NewCalculator(copts...)
	if err != nil {
		return nil, err
	}
	var book *rules.Book
	switch {
	case !cfg.noPacks && len(cfg.packs) == 0:
		book, err = defaultBook()
	case !cfg.noPacks:
		var def []*rules.Pack
		if def, err = defaultPacks(); err == nil {
			book, err = compilePacks(append(def, cfg.packs...))
		}
	default:
		book, err = compilePacks(cfg.packs)
	}
	if err != nil {
		return nil, err
	}
	labels := append([]string{DataVersion}, cfg.labels...)
	return &Engine{calc: calc, label: strings.Join(labels, ","), rates: cfg.rates, book: book, strict: cfg.strict}, nil
}

// Profiles returns the country profiles the engine uses.
//
// A nil or zero Engine has none: it returns nil.
func (e *Engine) Profiles() *duty.Profiles {
	if e == nil {
		return nil
	}
	return e.calc.Profiles()
}

func (e *Engine) dataLabel() string { return e.label }

// entry turns a validated shipment into the customs entry of its
// destination.
// entryScratch holds the arrays of an entry's lines and quantities, which
// no result of Calculate refers to once it has returned (the assessment
// copies what it reports), so quote recycles them through entryScratches.
type entryScratch struct {
	lines []duty.EntryLine
	qs    []duty.Quantity
}

// entryScratches recycles the arrays of entryOf between quotes.
var entryScratches = sync.Pool{New: func() any { return new(entryScratch) }}

// release clears the arrays (so that they keep nothing of the shipment
// alive) and returns them to entryScratches; a huge entry's are left to
// the GC.
func (sc *entryScratch) release() {
	if cap(sc.lines) > 256 || cap(sc.qs) > 1024 {
		return
	}
	clear(sc.lines[:cap(sc.lines)])
	clear(sc.qs[:cap(sc.qs)])
	sc.lines, sc.qs = sc.lines[:0], sc.qs[:0]
	entryScratches.Put(sc)
}

// entryOf builds the duty entry of s; with sc non-nil its lines and
// quantities are in sc's arrays (grown when too small).
func entryOf(s Shipment, sc *entryScratch) duty.Entry {
	en := duty.Entry{
		Destination: s.Destination, Region: s.DestinationRegion, PortRegion: s.PortRegion, Date: s.Date, Mode: string(s.Mode),
		ShippedFrom: s.Origin, Consumer: s.Buyer.Kind == Consumer,
		BuyerVATRegistered: s.Buyer.Kind == Business && s.Buyer.VATRegistered, Gift: s.Gift,
		Freight: s.Freight, Insurance: s.Insurance,
	}
	for _, c := range s.ServiceCharges {
		sc := duty.ServiceCharge{Code: c.Code, Name: c.Name, Kind: c.Kind, Percent: c.Percent}
		if c.Amount != nil {
			sc.Fixed = *c.Amount
		}
		if c.Minimum != nil {
			sc.Minimum = *c.Minimum
		}
		en.Services = append(en.Services, sc)
	}
	en.SellerRegistrations = make([]string, len(s.Seller.Registrations))
	for i, r := range s.Seller.Registrations {
		en.SellerRegistrations[i] = NormalizeScheme(r.Scheme)
	}
	// Every line's quantities in one array, each line's capped to its own.
	nq := 0
	for li := range s.Lines {
		nq += 2 + len(s.Lines[li].Quantities)
	}
	var qall []duty.Quantity
	if sc != nil && cap(sc.lines) >= len(s.Lines) && cap(sc.qs) >= nq {
		en.Lines, qall = sc.lines[:0], sc.qs[:0]
	} else {
		en.Lines, qall = make([]duty.EntryLine, 0, len(s.Lines)), make([]duty.Quantity, 0, nq)
		if sc != nil {
			sc.lines, sc.qs = en.Lines, qall
		}
	}
	for li := range s.Lines {
		l := &s.Lines[li]
		claim := s.ClaimPreference
		if l.ClaimPreference != nil {
			claim = l.ClaimPreference
		}
		start := len(qall)
		qall = append(qall, l.Quantity)
		if l.NetWeight.Unit != "" {
			qall = append(qall, l.NetWeight)
		}
		qall = append(qall, l.Quantities...)
		qs := qall[start:len(qall):len(qall)]
		en.Lines = append(en.Lines, duty.EntryLine{HS: l.HS, Origin: l.Origin, Description: l.Description,
			Value: l.Value(), Quantities: qs, ClaimPreference: claim, Parts: l.Parts, ABV: l.ABV})
	}
	return en
}
