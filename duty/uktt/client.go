package uktt

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/iorkit/iorkit/duty"
	"github.com/iorkit/iorkit/internal/limits"
)

// DefaultBaseURL is the host of the Online Trade Tariff. The UK service's
// API is under /api/v2, the XI service's under /xi/api/v2.
const DefaultBaseURL = "https://www.trade-tariff.service.gov.uk"

// Client fetches documents of the Online Trade Tariff API for one service
// (UK or XI). It is opt-in: nothing else in iorkit does network I/O, and a
// quote never does. Fetch what a catalogue needs up front (Prefetch) and
// give the schedule to the engine.
//
// Every call takes a context. Requests are spaced by MinInterval (polite
// rate limiting: one request at a time, 4 a second by default), and a 429
// or 5xx answer or a network error is retried with exponential backoff
// (honouring Retry-After). With CacheDir, each document is kept on disk
// keyed by service, code and day, so repeated fetches for the same day
// never reach the network. A Client is safe for concurrent use.
type Client struct {
	service  Service
	base     string
	http     *http.Client
	cache    string
	interval time.Duration
	retries  int
	backoff  time.Duration
	maxSize  int64
	now      func() time.Time
	sleep    func(ctx context.Context, d time.Duration) error
	sopts    []Option

	mu   sync.Mutex // serialises requests
	last time.Time  // start of the last request
}

// ClientOption configures a Client.
type ClientOption func(*Client) error

// BaseURL sets the host (scheme and authority, optionally a path prefix)
// instead of DefaultBaseURL, e.g. a mirror or a test server.
func BaseURL(u string) ClientOption {
	return func(c *Client) error {
		p, err := url.Parse(u)
		if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
			return fmt.Errorf("uktt: base URL %q: want http(s)://host", u)
		}
		c.base = strings.TrimRight(u, "/")
		return nil
	}
}

// HTTPClient sets the HTTP client (default: one with a 30 s timeout).
func HTTPClient(h *http.Client) ClientOption {
	return func(c *Client) error {
		if h == nil {
			return errors.New("uktt: HTTPClient(nil)")
		}
		c.http = h
		return nil
	}
}

// CacheDir keeps fetched documents under dir (created if needed):
// dir/{service}/{YYYY-MM-DD}/commodity_{code}.json and
// dir/{service}/exchange_rates/{YYYY-MM}.json. LoadCache reads it back
// offline.
func CacheDir(dir string) ClientOption {
	return func(c *Client) error {
		if dir == "" {
			return errors.New("uktt: CacheDir(\"\")")
		}
		c.cache = dir
		return nil
	}
}

// MinInterval sets the least time between the starts of two requests
// (default 250 ms).
func MinInterval(d time.Duration) ClientOption {
	return func(c *Client) error {
		if d < 0 {
			return fmt.Errorf("uktt: MinInterval(%s): want zero or more", d)
		}
		c.interval = d
		return nil
	}
}

// Retries sets how many times a request is retried after a 429, a 5xx or
// a network error (default 3), the first wait (default 1 s) doubling at
// each retry.
func Retries(n int, first time.Duration) ClientOption {
	return func(c *Client) error {
		if n < 0 || first < 0 {
			return fmt.Errorf("uktt: Retries(%d, %s): want zero or more", n, first)
		}
		c.retries, c.backoff = n, first
		return nil
	}
}

// Clock sets the function that gives today's date for Prefetch (default
// time.Now).
func Clock(now func() time.Time) ClientOption {
	return func(c *Client) error { c.now = now; return nil }
}

// WithScheduleOptions gives the options of the schedules Prefetch builds
// (areas, additional codes, exchange rates, size limit).
func WithScheduleOptions(opts ...Option) ClientOption {
	return func(c *Client) error { c.sopts = append(c.sopts, opts...); return nil }
}

// NewClient returns a client of the UK or XI service.
func NewClient(service Service, opts ...ClientOption) (*Client, error) {
	if service != UK && service != XI {
		return nil, fmt.Errorf("uktt: service %q: want uk or xi", service)
	}
	c := &Client{service: service, base: DefaultBaseURL, http: &http.Client{Timeout: 30 * time.Second},
		interval: 250 * time.Millisecond, retries: 3, backoff: time.Second, maxSize: DefaultMaxDocumentSize,
		now: time.Now, sleep: sleepCtx}
	for _, o := range opts {
		if err := o(c); err != nil {
			return nil, err
		}
	}
	return c, nil
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// api returns the URL of an API path of the client's service.
func (c *Client) api(path string, q url.Values) string {
	prefix := "/api/v2/"
	if c.service == XI {
		prefix = "/xi/api/v2/"
	}
	u := c.base + prefix + path
	if len(q) > 0 {
		u += "?" + q.Encode()
	}
	return u
}

// ErrHTTP is matched by *HTTPError.
var ErrHTTP = errors.New("uktt: HTTP error")

// HTTPError reports an answer of the API that is not a document: its URL,
// status and the start of its body. A 404 (a code the tariff does not
// have on that day) also matches duty.ErrUnknownCode.
type HTTPError struct {
	URL      string
	Status   int
	Body     string
	Attempts int
}

func (e *HTTPError) Error() string {
	return fmt.Sprintf("uktt: GET %s: HTTP %d after %d attempt(s): %s", e.URL, e.Status, e.Attempts, e.Body)
}

// Is reports whether target is ErrHTTP, or duty.ErrUnknownCode for a 404.
func (e *HTTPError) Is(target error) bool {
	return target == ErrHTTP || (e.Status == http.StatusNotFound && target == duty.ErrUnknownCode)
}

func retryable(status int) bool {
	return status == http.StatusTooManyRequests || status >= 500
}

// get fetches u, retrying as configured.
func (c *Client) get(ctx context.Context, u string) ([]byte, error) {
	var last error
	for attempt := 0; ; attempt++ {
		b, wait, err := c.once(ctx, u, attempt+1)
		if err == nil {
			return b, nil
		}
		if ctx.Err() != nil {
			return nil, fmt.Errorf("uktt: GET %s: %w", u, ctx.Err())
		}
		var he *HTTPError
		if errors.As(err, &he) && !retryable(he.Status) {
			return nil, err
		}
		var le *limits.Error
		if errors.As(err, &le) {
			return nil, err
		}
		last = err
		if attempt >= c.retries {
			return nil, last
		}
		if wait <= 0 {
			wait = c.backoff << attempt
		}
		if err := c.sleep(ctx, wait); err != nil {
			return nil, fmt.Errorf("uktt: GET %s: %w (after: %v)", u, err, last)
		}
	}
}

// once makes one request, after waiting for its turn. wait is the
// Retry-After of a 429 or 503 answer.
func (c *Client) once(ctx context.Context, u string, attempt int) ([]byte, time.Duration, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.last.IsZero() {
		if err := c.sleep(ctx, c.interval-time.Since(c.last)); err != nil {
			return nil, 0, err
		}
	}
	c.last = time.Now()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, 0, fmt.Errorf("uktt: %w", err)
	}
	req.Header.Set("Accept", "application/vnd.hmrc.2.0+json")
	req.Header.Set("User-Agent", "iorkit-uktt (+https://github.com/iorkit/iorkit)")
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, 0, fmt.Errorf("uktt: GET %s: %w", u, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		snippet, _ := io.ReadAll(io.LimitReader(resp.Body, 200))
		var wait time.Duration
		if s, err := strconv.Atoi(resp.Header.Get("Retry-After")); err == nil && s >= 0 {
			wait = min(time.Duration(s)*time.Second, time.Minute)
		}
		return nil, wait, &HTTPError{URL: u, Status: resp.StatusCode, Body: strings.TrimSpace(string(snippet)), Attempts: attempt}
	}
	b, err := limits.ReadAll(resp.Body, c.maxSize, "uktt "+u)
	if err != nil {
		return nil, 0, fmt.Errorf("uktt: GET %s: %w", u, err)
	}
	return b, 0, nil
}

// Commodity returns the raw /commodities/{code} response of the service as
// of day on, from the cache when it holds it. The body is checked (it must
// read as a commodity document of this service) before it is cached or
// returned.
func (c *Client) Commodity(ctx context.Context, code string, on duty.Date) ([]byte, error) {
	n, err := duty.NormalizeHS(code)
	if err != nil {
		return nil, err
	}
	if len(n) != 10 {
		return nil, &duty.InvalidCodeError{HS: code, Msg: "the tariff's commodity documents are for 10-digit codes"}
	}
	if on.IsZero() {
		return nil, errors.New("uktt: Commodity: no day given")
	}
	path := ""
	if c.cache != "" {
		path = filepath.Join(c.cache, string(c.service), on.String(), "commodity_"+n+".json")
		if b, err := os.ReadFile(path); err == nil {
			return b, nil
		}
	}
	b, err := c.get(ctx, c.api("commodities/"+n, url.Values{"as_of": {on.String()}}))
	if err != nil {
		return nil, err
	}
	if err := NewSchedule(ForService(c.service)).AddCommodity(bytes.NewReader(b)); err != nil {
		return nil, fmt.Errorf("uktt: commodity %s from %s: %w", n, c.service, err)
	}
	if path != "" {
		if err := writeFile(path, b); err != nil {
			return nil, err
		}
	}
	return b, nil
}

// Today returns today's date by the client's clock, in UTC.
func (c *Client) Today() duty.Date { return duty.DateOf(c.now().UTC()) }

// Prefetch builds a schedule of the commodity codes given (10 digits each),
// as of today: every document comes from the cache or the network, and the
// schedule then answers offline. Codes are fetched one after the other
// (politely); the first failure ends the call.
func (c *Client) Prefetch(ctx context.Context, codes ...string) (*Schedule, error) {
	return c.PrefetchOn(ctx, c.Today(), codes...)
}

// PrefetchOn is Prefetch as of day on.
func (c *Client) PrefetchOn(ctx context.Context, on duty.Date, codes ...string) (*Schedule, error) {
	s := NewSchedule(append([]Option{ForService(c.service)}, c.sopts...)...)
	for _, code := range codes {
		b, err := c.Commodity(ctx, code, on)
		if err != nil {
			return nil, err
		}
		if err := s.AddCommodity(bytes.NewReader(b), AsOf(on)); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// MonthlyRates fetches HMRC's monthly customs exchange rates
// (/exchange_rates/{year}-{month}?filter[type]=monthly, UK service) for
// every month from the month of from to the month of to, through the
// cache.
func (c *Client) MonthlyRates(ctx context.Context, from, to duty.Date) (*MonthlyRates, error) {
	if from.IsZero() || to.IsZero() || to.Before(from) {
		return nil, fmt.Errorf("uktt: MonthlyRates(%s, %s): want from <= to", from, to)
	}
	m := &MonthlyRates{}
	first := time.Date(from.Time().Year(), from.Time().Month(), 1, 0, 0, 0, 0, time.UTC)
	for mo := first; !mo.After(to.Time()); mo = mo.AddDate(0, 1, 0) {
		key := fmt.Sprintf("%d-%d", mo.Year(), int(mo.Month()))
		path := ""
		var b []byte
		if c.cache != "" {
			path = filepath.Join(c.cache, string(c.service), "exchange_rates", mo.Format("2006-01")+".json")
			b, _ = os.ReadFile(path)
		}
		fromCache := b != nil
		if !fromCache {
			var err error
			b, err = c.get(ctx, c.api("exchange_rates/"+key, url.Values{"filter[type]": {"monthly"}}))
			if err != nil {
				return nil, err
			}
		}
		if err := m.Read(bytes.NewReader(b)); err != nil {
			return nil, fmt.Errorf("uktt: exchange rates %s: %w", key, err)
		}
		if path != "" && !fromCache {
			if err := writeFile(path, b); err != nil {
				return nil, err
			}
		}
	}
	return m, nil
}

// writeFile writes b to path atomically (a temporary file renamed).
func writeFile(path string, b []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("uktt: cache: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".tmp-*")
	if err != nil {
		return fmt.Errorf("uktt: cache: %w", err)
	}
	if _, err := tmp.Write(b); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return fmt.Errorf("uktt: cache: %w", err)
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("uktt: cache: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("uktt: cache: %w", err)
	}
	return nil
}

// LoadCache builds a schedule offline from the commodity documents a
// Client cached under dir for service: for each code, the document of the
// latest day on or before on (or, when every one is later, the earliest;
// with a zero on, the latest).
// Sources name the day of each document. A dir without documents of the
// service gives an empty schedule and no error.
func LoadCache(dir string, service Service, on duty.Date, opts ...Option) (*Schedule, error) {
	s := NewSchedule(append([]Option{ForService(service)}, opts...)...)
	days, err := os.ReadDir(filepath.Join(dir, string(service)))
	if errors.Is(err, os.ErrNotExist) {
		return s, nil
	}
	if err != nil {
		return nil, fmt.Errorf("uktt: cache: %w", err)
	}
	best := map[string]duty.Date{} // code -> day chosen
	for _, d := range days {
		day, err := duty.ParseDate(d.Name())
		if !d.IsDir() || err != nil {
			continue
		}
		files, err := os.ReadDir(filepath.Join(dir, string(service), d.Name()))
		if err != nil {
			return nil, fmt.Errorf("uktt: cache: %w", err)
		}
		for _, f := range files {
			name := f.Name()
			if !f.Type().IsRegular() || !strings.HasPrefix(name, "commodity_") || !strings.HasSuffix(name, ".json") {
				continue
			}
			code := strings.TrimSuffix(strings.TrimPrefix(name, "commodity_"), ".json")
			cur, seen := best[code]
			if !seen || better(day, cur, on) {
				best[code] = day
			}
		}
	}
	codes := make([]string, 0, len(best))
	for c := range best {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	for _, code := range codes {
		day := best[code]
		path := filepath.Join(dir, string(service), day.String(), "commodity_"+code+".json")
		f, err := os.Open(path)
		if err != nil {
			return nil, fmt.Errorf("uktt: cache: %w", err)
		}
		err = s.AddCommodity(f, AsOf(day))
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("uktt: cache %s: %w", path, err)
		}
	}
	return s, nil
}

// better reports whether day a is a better choice than b for a quote on
// day on: the latest on or before on, else the earliest after.
func better(a, b, on duty.Date) bool {
	if on.IsZero() {
		return a.After(b) // no day asked: the latest
	}
	aOK, bOK := !a.After(on), !b.After(on)
	switch {
	case aOK && bOK:
		return a.After(b)
	case aOK != bOK:
		return aOK
	default:
		return a.Before(b)
	}
}

// LoadCachedRates reads the monthly exchange rates a Client cached under
// dir (dir/uk/exchange_rates/YYYY-MM.json); nil and no error when there
// are none.
func LoadCachedRates(dir string) (*MonthlyRates, error) {
	d := filepath.Join(dir, string(UK), "exchange_rates")
	files, err := os.ReadDir(d)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("uktt: cache: %w", err)
	}
	var m *MonthlyRates
	for _, f := range files {
		if !f.Type().IsRegular() || !strings.HasSuffix(f.Name(), ".json") {
			continue
		}
		path := filepath.Join(d, f.Name())
		fh, err := os.Open(path)
		if err != nil {
			return nil, fmt.Errorf("uktt: cache: %w", err)
		}
		if m == nil {
			m = &MonthlyRates{}
		}
		err = m.Read(fh)
		fh.Close()
		if err != nil {
			return nil, fmt.Errorf("uktt: cache %s: %w", path, err)
		}
	}
	return m, nil
}
