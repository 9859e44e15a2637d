package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"time"

	"github.com/iorkit/iorkit/duty"
	"github.com/iorkit/iorkit/duty/fx"
	"github.com/iorkit/iorkit/duty/uktt"
	"github.com/iorkit/iorkit/ior"
)

const tariffUsage = `iorkit tariff fetch --service uk|xi --cache DIR [--date YYYY-MM-DD] [--fx YYYY-MM:YYYY-MM] CODE...

Fetches the commodity documents of the UK Online Trade Tariff (the UK
service, or the XI service: the EU's measures as Northern Ireland applies
them) for the 10-digit codes given, as of the date (default today), into
the cache DIR. Documents already cached for that day are not fetched
again. With --fx (UK service), also HMRC's monthly customs exchange
rates for those months. "iorkit quote --uktt-cache DIR" then prices GB
quotes from the UK documents (converting at the cached HMRC rates, and at
the embedded ones for other months) and EU quotes from the XI documents,
offline.

Flags:
  --service uk|xi   the service (required)
  --cache DIR       the cache directory (required; created if needed)
  --date DAY        the day the documents are as of (default: today)
  --fx FROM:TO      also fetch HMRC's monthly rates of these months (uk only),
                    e.g. 2026-09:2026-12 (one month: 2026-09)
  --base URL        the API host (default https://www.trade-tariff.service.gov.uk)
  --timeout D       give up after D (default 5m)
`

// cmdTariff runs "iorkit tariff fetch".
func cmdTariff(args []string, w io.Writer) error {
	if len(args) == 0 || args[0] != "fetch" {
		if len(args) > 0 && (args[0] == "help" || args[0] == "-h" || args[0] == "--help") {
			fmt.Fprint(w, tariffUsage)
			return nil
		}
		return usagef("want: %s", tariffUsage)
	}
	fs := flag.NewFlagSet("tariff fetch", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	service := fs.String("service", "", "uk or xi")
	cache := fs.String("cache", "", "cache directory")
	date := fs.String("date", "", "YYYY-MM-DD (default today)")
	base := fs.String("base", "", "API host")
	timeout := fs.Duration("timeout", 5*time.Minute, "give up after")
	months := fs.String("fx", "", "YYYY-MM:YYYY-MM")
	codes, err := parseArgs(fs, args[1:])
	if err != nil {
		return err
	}
	svc, err := uktt.ParseService(*service)
	if err != nil {
		return usagef("--service: %v", err)
	}
	if *cache == "" {
		return usagef("--cache DIR is required")
	}
	if len(codes) == 0 && *months == "" {
		return usagef("want one or more 10-digit commodity codes, or --fx")
	}
	var rfrom, rto duty.Date
	if *months != "" {
		if svc != uktt.UK {
			return usagef("--fx: HMRC's rates come from the uk service")
		}
		a, b, ok := strings.Cut(*months, ":")
		if !ok {
			b = a
		}
		var err1, err2 error
		rfrom, err1 = duty.ParseDate(a + "-01")
		rto, err2 = duty.ParseDate(b + "-01")
		if err1 != nil || err2 != nil || rto.Before(rfrom) {
			return usagef("--fx %q: want YYYY-MM or YYYY-MM:YYYY-MM, in order", *months)
		}
	}
	opts := []uktt.ClientOption{uktt.CacheDir(*cache)}
	if *base != "" {
		opts = append(opts, uktt.BaseURL(*base))
	}
	c, err := uktt.NewClient(svc, opts...)
	if err != nil {
		return usagef("%v", err)
	}
	on := c.Today()
	if *date != "" {
		if on, err = duty.ParseDate(*date); err != nil {
			return usagef("--date: %v", err)
		}
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	ctx, cancel := context.WithTimeout(ctx, *timeout)
	defer cancel()
	for _, code := range codes {
		s, err := c.PrefetchOn(ctx, on, code)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "%s %s as of %s: %d duty measures, %d other measures left out\n", code, svc, on, s.Len(), len(s.Skipped()))
	}
	if !rfrom.IsZero() {
		m, err := c.MonthlyRates(ctx, rfrom, rto)
		if err != nil {
			return err
		}
		for _, mo := range m.Months() {
			fmt.Fprintf(w, "exchange rates %s: cached\n", mo.Time().Format("2006-01"))
		}
	}
	return nil
}

// ukttOptions gives the engine the schedules cached under dir by "iorkit
// tariff fetch": the UK service's as the GB schedule and the XI service's
// as the EU schedule, each document of the latest day on or before on. A
// service with nothing cached leaves its area as it was. Cached HMRC
// rates convert GB entries (the embedded rates elsewhere and for other
// months) unless the caller gave its own rates.
func ukttOptions(dir string, on duty.Date, ownRates bool) ([]ior.Option, error) {
	if st, err := os.Stat(dir); err != nil {
		return nil, err
	} else if !st.IsDir() {
		return nil, fmt.Errorf("--uktt-cache %s: not a directory", dir)
	}
	var opts []ior.Option
	for _, a := range []struct {
		svc  uktt.Service
		area string
	}{{uktt.UK, "GB"}, {uktt.XI, "EU"}} {
		s, err := uktt.LoadCache(dir, a.svc, on)
		if err != nil {
			return nil, fmt.Errorf("--uktt-cache: %w", err)
		}
		if len(s.Codes()) == 0 {
			continue
		}
		opts = append(opts, ior.WithSchedule(a.area, s), ior.WithDataVersion(s.Edition()))
	}
	if !ownRates {
		m, err := uktt.LoadCachedRates(dir)
		if err != nil {
			return nil, fmt.Errorf("--uktt-cache: %w", err)
		}
		if m != nil {
			var ms []string
			for _, mo := range m.Months() {
				ms = append(ms, mo.Time().Format("2006-01"))
			}
			opts = append(opts, ior.WithRates(uktt.ForGB(m, fx.Default())), ior.WithDataVersion("HMRC rates "+strings.Join(ms, " ")))
		}
	}
	return opts, nil
}
