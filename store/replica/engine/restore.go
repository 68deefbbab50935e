package engine

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/benbjohnson/litestream"
)

// ErrEmpty is a replica that holds nothing (yet) to restore.
var ErrEmpty = errors.New("the replica holds no copy of a ledger")

// Restore writes the ledger as the replica at rawURL holds it — as it was at
// `at`, or its latest state when at is zero — to output, a new file (0600;
// an existing file is refused). It does not check the copy: the caller runs
// daicho's check on it before putting it anywhere.
func Restore(ctx context.Context, rawURL, output string, at time.Time) error {
	client, err := NewClient(rawURL)
	if err != nil {
		return err
	}
	if _, err := os.Lstat(output); err == nil {
		return fmt.Errorf("%s exists already", output)
	}
	rep := litestream.NewReplicaWithClient(nil, client)
	opt := litestream.NewRestoreOptions()
	opt.OutputPath = output
	opt.Timestamp = at
	if err := rep.Restore(ctx, opt); err != nil {
		os.Remove(output)
		if errors.Is(err, litestream.ErrTxNotAvailable) || errors.Is(err, litestream.ErrNoSnapshots) {
			return fmt.Errorf("%s: %w", Redact(rawURL), ErrEmpty)
		}
		return fmt.Errorf("restore from %s: %w", Redact(rawURL), err)
	}
	return os.Chmod(output, 0o600)
}
