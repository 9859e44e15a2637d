package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"time"

	"github.com/iorkit/iorkit/duty"
	"github.com/iorkit/iorkit/duty/uktt"
	"github.com/iorkit/iorkit/ior"
)

const tariffUsage = `iorkit tariff fetch --service uk|xi --cache DIR [--date YYYY-MM-DD] CODE...

Fetches the commodity documents of the UK Online Trade Tariff (the UK
service, or the XI service: the EU's measures as Northern Ireland applies
them) for the 10-digit codes given, as of the date (default today), into
the cache DIR. Documents already cached for that day are not fetched
again. "iorkit quote --uktt-cache DIR" then prices GB quotes from the UK
documents and EU quotes from the XI documents, offline.

Flags:
  --service uk|xi   the service (required)
  --cache DIR       the cache directory (required; created if needed)
  --date DAY        the day the documents are as of (default: today)
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
	if len(codes) == 0 {
		return usagef("want one or more 10-digit commodity codes")
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
	return nil
}

// ukttOptions gives the engine the schedules cached under dir by "iorkit
// tariff fetch": the UK service's as the GB schedule and the XI service's
// as the EU schedule, each document of the latest day on or before on. A
// service with nothing cached leaves its area as it was.
func ukttOptions(dir string, on duty.Date) ([]ior.Option, error) {
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
	return opts, nil
}
