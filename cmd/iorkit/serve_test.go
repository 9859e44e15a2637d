package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestServeBinary builds the command, runs `iorkit serve` on a free
// loopback port, talks to it over TCP and stops it with SIGTERM.
func TestServeBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := filepath.Join(t.TempDir(), "iorkit")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Stderr = os.Stderr
	require.NoError(t, build.Run())

	cmd := exec.Command(bin, "serve", "--addr", "127.0.0.1:0")
	stdout, err := cmd.StdoutPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	done := make(chan error, 1)
	t.Cleanup(func() { _ = cmd.Process.Kill() })

	lines := bufio.NewScanner(stdout)
	require.True(t, lines.Scan(), "no first line from serve")
	first := lines.Text()
	require.True(t, strings.HasPrefix(first, "iorkit: listening on http://"), first)
	base := strings.TrimPrefix(first, "iorkit: listening on ")
	go func() {
		for lines.Scan() {
		}
		done <- cmd.Wait()
	}()

	client := &http.Client{Timeout: 10 * time.Second}
	resp, err := client.Get(base + "/healthz")
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusOK, resp.StatusCode)

	body, err := os.ReadFile("../../examples/shipments/de-tshirts.json")
	require.NoError(t, err)
	resp, err = client.Post(base+"/v1/quote?currency=EUR", "application/json", bytes.NewReader(body))
	require.NoError(t, err)
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode, string(b))
	var q struct {
		Quote struct {
			Destination string `json:"destination"`
		} `json:"quote"`
		View struct {
			Currency string `json:"currency"`
		} `json:"view"`
	}
	require.NoError(t, json.Unmarshal(b, &q))
	assert.Equal(t, "DE", q.Quote.Destination)
	assert.Equal(t, "EUR", q.View.Currency)

	require.NoError(t, cmd.Process.Signal(syscall.SIGTERM))
	select {
	case err := <-done:
		assert.NoError(t, err, "serve should exit 0 after SIGTERM")
	case <-time.After(15 * time.Second):
		t.Fatal("serve did not stop after SIGTERM")
	}
}
