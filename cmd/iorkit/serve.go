package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/iorkit/iorkit/iorhttp"
)

// Server limits of `iorkit serve`: a slow or stalled client cannot hold a
// connection open, and a request's work is bounded by --timeout.
const (
	serveReadHeaderTimeout = 5 * time.Second
	serveReadTimeout       = 30 * time.Second
	serveIdleTimeout       = 2 * time.Minute
	serveShutdownGrace     = 10 * time.Second
)

// cmdServe runs the HTTP API until SIGINT or SIGTERM, then shuts down
// gracefully: in-flight requests finish (up to serveShutdownGrace).
func cmdServe(args []string, w io.Writer) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	var ef engineFlags
	ef.register(fs)
	addr := fs.String("addr", "127.0.0.1:8080", "HOST:PORT to listen on (port 0 picks a free one)")
	timeout := fs.Duration("timeout", iorhttp.DefaultTimeout, "time one request may take")
	maxBody := fs.Int64("max-body", iorhttp.DefaultMaxBody, "largest request body in bytes")
	rest, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usagef("unexpected argument %q", rest[0])
	}
	eng, err := ef.engine()
	if err != nil {
		return err
	}
	h, err := iorhttp.NewHandler(eng, iorhttp.Timeout(*timeout), iorhttp.MaxBody(*maxBody))
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: serveReadHeaderTimeout,
		ReadTimeout:       serveReadTimeout,
		WriteTimeout:      *timeout + 5*time.Second,
		IdleTimeout:       serveIdleTimeout,
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	fmt.Fprintf(w, "iorkit: listening on http://%s\n", ln.Addr())
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), serveShutdownGrace)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	fmt.Fprintln(w, "iorkit: stopped")
	return nil
}
