package uktt

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/iorkit/iorkit/duty"
	"github.com/iorkit/iorkit/internal/shareddata"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// replay is an httptest server answering from files by path, with hooks
// to fail some requests first.
type replay struct {
	t      *testing.T
	files  map[string]string // URL path -> file
	mu     sync.Mutex
	hits   map[string]int
	faults []func(w http.ResponseWriter, r *http.Request) bool // each used once, in order
	seen   []*http.Request
}

func newReplay(t *testing.T, files map[string]string) (*replay, *httptest.Server) {
	rp := &replay{t: t, files: files, hits: map[string]int{}}
	srv := httptest.NewServer(rp)
	t.Cleanup(srv.Close)
	return rp, srv
}

func (rp *replay) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	rp.mu.Lock()
	rp.hits[r.URL.Path]++
	rp.seen = append(rp.seen, r)
	var f func(http.ResponseWriter, *http.Request) bool
	if len(rp.faults) > 0 {
		f, rp.faults = rp.faults[0], rp.faults[1:]
	}
	rp.mu.Unlock()
	if f != nil && f(w, r) {
		return
	}
	name, ok := rp.files[r.URL.Path]
	if !ok {
		http.Error(w, `{"error":"not found"}`, http.StatusNotFound)
		return
	}
	b, err := os.ReadFile(name)
	if err != nil {
		rp.t.Error(err)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write(b)
}

func (rp *replay) hit(path string) int {
	rp.mu.Lock()
	defer rp.mu.Unlock()
	return rp.hits[path]
}

func status(code int, retryAfter string) func(http.ResponseWriter, *http.Request) bool {
	return func(w http.ResponseWriter, r *http.Request) bool {
		if retryAfter != "" {
			w.Header().Set("Retry-After", retryAfter)
		}
		http.Error(w, http.StatusText(code), code)
		return true
	}
}

// testClient has instant, recorded waits.
func testClient(t *testing.T, srv *httptest.Server, svc Service, opts ...ClientOption) (*Client, *[]time.Duration) {
	c, err := NewClient(svc, append([]ClientOption{BaseURL(srv.URL), MinInterval(0), Retries(3, time.Second),
		Clock(func() time.Time { return time.Date(2025, 3, 10, 15, 0, 0, 0, time.UTC) })}, opts...)...)
	require.NoError(t, err)
	var waits []time.Duration
	var mu sync.Mutex
	c.sleep = func(ctx context.Context, d time.Duration) error {
		mu.Lock()
		defer mu.Unlock()
		if d > 0 {
			waits = append(waits, d)
		}
		return ctx.Err()
	}
	return c, &waits
}

const fixturePath = "/api/v2/commodities/0201100099"

func TestClientPrefetchAndCache(t *testing.T) {
	rp, srv := newReplay(t, map[string]string{fixturePath: "testdata/api_commodity_0201100099.json"})
	dir := t.TempDir()
	c, _ := testClient(t, srv, UK, CacheDir(dir))
	s, err := c.Prefetch(context.Background(), "0201.10.00.99")
	require.NoError(t, err)
	require.Len(t, rp.seen, 1)
	r := rp.seen[0]
	assert.Equal(t, "2025-03-10", r.URL.Query().Get("as_of"))
	assert.Equal(t, "application/vnd.hmrc.2.0+json", r.Header.Get("Accept"))
	ms, err := s.Measures("0201100099", "US", day("2025-03-10"))
	require.NoError(t, err)
	assert.Contains(t, ms[0].Source, "UK service as of 2025-03-10, commodity 0201100099")
	assert.FileExists(t, filepath.Join(dir, "uk", "2025-03-10", "commodity_0201100099.json"))

	// the same day again: from the cache, even with the server down
	srv.Close()
	s, err = c.Prefetch(context.Background(), "0201100099")
	require.NoError(t, err)
	assert.Equal(t, 1, rp.hit(fixturePath))
	assert.Equal(t, []string{"0201100099"}, s.Codes())

	// offline, from the cache alone
	off, err := LoadCache(dir, UK, duty.MustDate("2025-03-20"))
	require.NoError(t, err)
	ms, err = off.Measures("0201100099", "US", day("2025-03-20"))
	require.NoError(t, err)
	assert.Contains(t, ms[0].Source, "as of 2025-03-10")
	assert.Equal(t, "UK Online Trade Tariff, UK service, 1 code as of 2025-03-10", off.Edition())
	empty, err := LoadCache(dir, XI, duty.MustDate("2025-03-20"))
	require.NoError(t, err)
	assert.Empty(t, empty.Codes())
}

func TestClientRetries(t *testing.T) {
	rp, srv := newReplay(t, map[string]string{fixturePath: "testdata/api_commodity_0201100099.json"})
	c, waits := testClient(t, srv, UK)
	// two 503s then the document: waits of 1 s then 2 s (doubling)
	rp.faults = append(rp.faults, status(503, ""), status(502, ""))
	_, err := c.Prefetch(context.Background(), "0201100099")
	require.NoError(t, err)
	assert.Equal(t, 3, rp.hit(fixturePath))
	assert.Equal(t, []time.Duration{time.Second, 2 * time.Second}, *waits)

	// 429 with Retry-After: 7 waits 7 s
	*waits = nil
	rp.faults = append(rp.faults, status(429, "7"))
	_, err = c.Prefetch(context.Background(), "0201100099")
	require.NoError(t, err)
	assert.Equal(t, []time.Duration{7 * time.Second}, *waits)

	// always 500: 1 try + 3 retries, then the error
	*waits = nil
	for i := 0; i < 4; i++ {
		rp.faults = append(rp.faults, status(500, ""))
	}
	_, err = c.Prefetch(context.Background(), "0201100099")
	var he *HTTPError
	require.ErrorAs(t, err, &he)
	assert.Equal(t, 500, he.Status)
	assert.Equal(t, 4, he.Attempts)
	assert.Len(t, *waits, 3)
}

func TestClientErrors(t *testing.T) {
	rp, srv := newReplay(t, map[string]string{fixturePath: "testdata/api_commodity_0201100099.json",
		"/api/v2/commodities/0201100098": "testdata/areas.json"}) // a body that is not a commodity
	dir := t.TempDir()
	c, waits := testClient(t, srv, UK, CacheDir(dir))

	// 404: an unknown code, not retried
	_, err := c.Prefetch(context.Background(), "0201100097")
	assert.ErrorIs(t, err, duty.ErrUnknownCode)
	assert.ErrorIs(t, err, ErrHTTP)
	assert.Equal(t, 1, rp.hit("/api/v2/commodities/0201100097"))
	assert.Empty(t, *waits)

	// a malformed body: a document error, not cached, not retried
	_, err = c.Prefetch(context.Background(), "0201100098")
	assert.ErrorIs(t, err, ErrInvalidDocument)
	assert.NoFileExists(t, filepath.Join(dir, "uk", "2025-03-10", "commodity_0201100098.json"))
	rp.faults = append(rp.faults, func(w http.ResponseWriter, r *http.Request) bool {
		_, _ = w.Write([]byte(`{"data": {"type": "commodity", "attributes": {"goods_nomen`))
		return true
	})
	_, err = c.Prefetch(context.Background(), "0201100099")
	assert.ErrorIs(t, err, ErrInvalidDocument)
	assert.NoFileExists(t, filepath.Join(dir, "uk", "2025-03-10", "commodity_0201100099.json"))

	// a body over the size limit ends in a limit error, not retried
	big, err := NewClient(UK, BaseURL(srv.URL), MinInterval(0))
	require.NoError(t, err)
	big.maxSize = 100
	_, err = big.Commodity(context.Background(), "0201100099", duty.MustDate("2025-03-10"))
	assert.ErrorIs(t, err, duty.ErrInputLimit)

	// not a 10-digit code; an XI document for a UK client
	_, err = c.Prefetch(context.Background(), "020110")
	assert.ErrorIs(t, err, duty.ErrInvalidCode)

	_, err = NewClient("eu")
	assert.Error(t, err)
	_, err = NewClient(UK, BaseURL("ftp://x"))
	assert.Error(t, err)
}

func TestClientTimeouts(t *testing.T) {
	release := make(chan struct{})
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		select { // hang until the client gives up
		case <-r.Context().Done():
		case <-release:
		}
	}))
	t.Cleanup(func() { close(release); srv.Close() })

	// the HTTP client's timeout: each attempt times out, retried once
	c, err := NewClient(UK, BaseURL(srv.URL), MinInterval(0), Retries(1, 0),
		HTTPClient(&http.Client{Timeout: 50 * time.Millisecond}))
	require.NoError(t, err)
	start := time.Now()
	_, err = c.Commodity(context.Background(), "0201100099", duty.MustDate("2025-03-10"))
	require.Error(t, err)
	assert.Less(t, time.Since(start), 5*time.Second)
	assert.Equal(t, int32(2), n.Load())

	// the caller's deadline ends the call, with no retry after it
	n.Store(0)
	c, err = NewClient(UK, BaseURL(srv.URL), MinInterval(0), Retries(5, time.Second))
	require.NoError(t, err)
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	start = time.Now()
	_, err = c.Prefetch(ctx, "0201100099")
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	assert.Less(t, time.Since(start), 5*time.Second)
	assert.Equal(t, int32(1), n.Load())
}

func TestClientRateLimit(t *testing.T) {
	_, srv := newReplay(t, map[string]string{fixturePath: "testdata/api_commodity_0201100099.json"})
	c, err := NewClient(UK, BaseURL(srv.URL), MinInterval(40*time.Millisecond))
	require.NoError(t, err)
	start := time.Now()
	for i := 0; i < 3; i++ {
		_, err := c.Commodity(context.Background(), "0201100099", duty.MustDate("2025-03-10"))
		require.NoError(t, err)
	}
	// three requests, two intervals of at least 40 ms between their starts
	assert.GreaterOrEqual(t, time.Since(start), 80*time.Millisecond)
}

func TestClientMonthlyRates(t *testing.T) {
	rp, srv := newReplay(t, map[string]string{"/api/v2/exchange_rates/2025-3": "testdata/api_exchange_rates_2025-3_monthly.json"})
	dir := t.TempDir()
	c, _ := testClient(t, srv, UK, CacheDir(dir))
	m, err := c.MonthlyRates(context.Background(), duty.MustDate("2025-03-05"), duty.MustDate("2025-03-31"))
	require.NoError(t, err)
	assert.Equal(t, "monthly", rp.seen[0].URL.Query().Get("filter[type]"))
	r, err := m.Rate("GBP", "USD", day("2025-03-05"))
	require.NoError(t, err)
	assert.Equal(t, "1.25", r.String())
	assert.FileExists(t, filepath.Join(dir, "uk", "exchange_rates", "2025-03.json"))
	_, err = c.MonthlyRates(context.Background(), duty.MustDate("2025-03-05"), duty.MustDate("2025-03-06"))
	require.NoError(t, err)
	assert.Equal(t, 1, rp.hit("/api/v2/exchange_rates/2025-3"))
	// April is not published by this server
	_, err = c.MonthlyRates(context.Background(), duty.MustDate("2025-03-05"), duty.MustDate("2025-04-06"))
	assert.True(t, errors.Is(err, ErrHTTP))
}

// The recorded UK and XI responses, replayed: the XI client asks under
// /xi/api/v2 and the schedules give the GBP and EUR duties.
func TestClientRecorded(t *testing.T) {
	dir := shareddata.Path(t, "uk_api")
	rp, srv := newReplay(t, map[string]string{
		"/api/v2/commodities/0201100021":    filepath.Join(dir, "uk_commodity_0201100021_2025-02-11.json"),
		"/xi/api/v2/commodities/0201100021": filepath.Join(dir, "xi_commodity_0201100021_2025-02-11.json"),
	})
	on := duty.MustDate("2025-02-11")
	uk, _ := testClient(t, srv, UK)
	xi, _ := testClient(t, srv, XI)
	su, err := uk.PrefetchOn(context.Background(), on, "0201100021")
	require.NoError(t, err)
	sx, err := xi.PrefetchOn(context.Background(), on, "0201100021")
	require.NoError(t, err)
	assert.Equal(t, 1, rp.hit("/xi/api/v2/commodities/0201100021"))
	ms, err := su.Measures("0201100021", "US", on)
	require.NoError(t, err)
	assert.Equal(t, "12% + 147 GBP/100kg", ms[0].Rate.String())
	ms, err = sx.Measures("0201100021", "US", on)
	require.NoError(t, err)
	assert.Equal(t, "12.8% + 176.8 EUR/100kg", ms[0].Rate.String())

	// a UK body served to the XI client is refused
	rp.files["/xi/api/v2/commodities/0201100021"] = filepath.Join(dir, "uk_commodity_0201100021_2025-02-11.json")
	_, err = xi.PrefetchOn(context.Background(), duty.MustDate("2025-02-12"), "0201100021")
	assert.ErrorIs(t, err, ErrInvalidDocument)
}

func TestLoadCachedRates(t *testing.T) {
	m, err := LoadCachedRates(t.TempDir())
	require.NoError(t, err)
	assert.Nil(t, m)
	_, srv := newReplay(t, map[string]string{"/api/v2/exchange_rates/2025-3": "testdata/api_exchange_rates_2025-3_monthly.json"})
	dir := t.TempDir()
	c, _ := testClient(t, srv, UK, CacheDir(dir))
	_, err = c.MonthlyRates(context.Background(), duty.MustDate("2025-03-01"), duty.MustDate("2025-03-01"))
	require.NoError(t, err)
	m, err = LoadCachedRates(dir)
	require.NoError(t, err)
	r, err := m.Rate("GBP", "EUR", duty.MustDate("2025-03-31"))
	require.NoError(t, err)
	assert.Equal(t, "1.2", r.String())
}
