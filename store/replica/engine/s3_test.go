package engine_test

import (
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"github.com/johannesboyne/gofakes3"
	"github.com/johannesboyne/gofakes3/backend/s3mem"
)

// The kill-and-restore test against S3: gofakes3, an S3-compatible server
// in this process on loopback, the writer child replicating to it.
func TestReplicaToS3KeepsEveryAcknowledgedPayment(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	backend := s3mem.New()
	if err := backend.CreateBucket("ledgers"); err != nil {
		t.Fatal(err)
	}
	server := httptest.NewServer(gofakes3.New(backend).Server())
	t.Cleanup(server.Close)
	// The child inherits these: keys come from the environment, never the URL.
	t.Setenv("AWS_ACCESS_KEY_ID", "daicho-test")
	t.Setenv("AWS_SECRET_ACCESS_KEY", "daicho-test-secret")
	// Litestream's S3 client cannot take a CA bundle (it brings its own
	// HTTP client): "unable to add custom RootCAs HTTPClient".
	t.Setenv("AWS_CA_BUNDLE", "")
	os.Unsetenv("AWS_CA_BUNDLE")
	replicaURL := "s3://ledgers/office/daicho?endpoint=" + url.QueryEscape(server.URL) + "&region=us-east-1&forcePathStyle=true"

	office := filepath.Join(t.TempDir(), "office")
	path := filepath.Join(office, "daicho.db")
	customer := newLedger(t, path)
	acked := runWriterAndKill(t, path, replicaURL, customer, "S3", 60)
	if err := os.RemoveAll(office); err != nil {
		t.Fatal(err)
	}
	restoreAndFind(t, replicaURL, acked)
	t.Logf("%d acknowledged payments, all restored from S3", len(acked))
}
