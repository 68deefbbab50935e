package replica

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"strings"
	"time"
)

// ErrEmpty is a replica that holds nothing (yet) to restore.
var ErrEmpty = errors.New("the replica holds no copy of a ledger")

// Restore writes the ledger as the replica at rawURL holds it — as it was at
// `at`, or its latest state when at is zero — to output, a new file (0600;
// an existing file is refused). It does not check the copy: the caller runs
// daicho's check on it before putting it anywhere. The sidecar restores.
func Restore(ctx context.Context, rawURL, output string, at time.Time) error {
	bin, err := sidecar()
	if err != nil {
		return err
	}
	args := []string{"restore", "--url", rawURL, "--output", output}
	if !at.IsZero() {
		args = append(args, "--at", at.Format(time.RFC3339Nano))
	}
	var stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		// The answer is the last line; Litestream may have logged before it.
		lines := strings.Split(strings.TrimSpace(stderr.String()), "\n")
		last := lines[len(lines)-1]
		if _, ok := strings.CutPrefix(last, "empty "); ok {
			return fmt.Errorf("%s: %w", Redact(rawURL), ErrEmpty)
		}
		if msg, ok := strings.CutPrefix(last, "error "); ok {
			return errors.New(msg)
		}
		if ctx.Err() != nil {
			return fmt.Errorf("restore from %s: %w", Redact(rawURL), ctx.Err())
		}
		return fmt.Errorf("restore from %s: %s: %w", Redact(rawURL), bin, err)
	}
	return nil
}
