package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"daicho/store"
	"daicho/store/replica"
)

// restoredReplica restores the ledger the replica at url holds (as of at,
// when given) to a new hidden file in the ledger's folder and runs check on
// it, printing what check says. It returns the file — for store.Restore,
// which checks it again, asks and keeps the replaced ledger aside — or ""
// and the exit status when there is nothing fit to restore; the caller
// removes the file.
func (c *cli) restoredReplica(db, url, at string) (file string, code int) {
	var when time.Time
	if at != "" {
		var ok bool
		if when, ok = parseAt(at); !ok {
			return "", c.usageError(c.p.T("cli.restore.bad_at", at))
		}
	}
	abs, err := filepath.Abs(db)
	if err != nil {
		return "", c.failErr(err)
	}
	// The ledger's folder may be gone with the disk it was on.
	dir := filepath.Dir(abs)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", c.failErr(err)
	}
	file = filepath.Join(dir, "."+filepath.Base(abs)+".from-replica-"+time.Now().Format("20060102-150405"))
	if err := replica.Restore(c.ctx, url, file, when); err != nil {
		return "", c.fail(c.p.T("cli.restore.from_replica_failed", replica.Redact(url), err))
	}
	fail := func(code int) (string, int) {
		removeWithSideFiles(file)
		return "", code
	}
	r, err := store.CheckFile(c.ctx, file)
	c.printViolations(r.Violations)
	if e, ok := store.AsError(err); ok && e.Reason == "check.old_schema" {
		// A replica of an older daicho: store.Restore checks it the way it
		// checks an older backup (integrity, then the rules it can).
		return file, exitOK
	}
	if err != nil {
		return fail(c.failErr(err))
	}
	if len(r.Violations) > 0 {
		return fail(c.fail(c.p.T("cli.restore.replica_violations", len(r.Violations))))
	}
	as := ""
	if !when.IsZero() {
		as = c.p.T("cli.restore.replica_at", when.Format("2006-01-02 15:04:05 MST"))
	}
	fmt.Fprintln(c.stdout, c.p.T("cli.restore.replica_checked", as, r.Documents, r.Payments, r.AuditRows, r.ChainHead))
	return file, exitOK
}

// removeWithSideFiles removes a database file that was only a step on the
// way, with the -wal and -shm a check may have left.
func removeWithSideFiles(path string) {
	for _, suffix := range []string{"", "-wal", "-shm"} {
		os.Remove(path + suffix)
	}
}
