// Command daicho-replica is the sidecar that runs Litestream for daicho
// (store/replica/engine), so that daicho itself does not link it: Litestream
// and its S3 SDK cost every daicho command ~10 ms of start-up and 21 MB of
// binary. daicho starts it (package store/replica) and talks to it over
// stdin and stdout, one line per request and answer:
//
//	daicho-replica replicate --db PATH --url URL
//	  first line out: "started", "error running" (another replicates the
//	  ledger) or "error MESSAGE"; then per line in:
//	  sync   → "ok", "deleted WALPATH" (the commit is nowhere) or "error MESSAGE"
//	  status → "status LASTSYNC|- ERROR" (LASTSYNC RFC 3339, ERROR may be empty)
//	  close, or the end of stdin (daicho died) → "closed" or "error MESSAGE", exit
//	daicho-replica restore --url URL --output FILE [--at RFC3339]
//	  exit 0, or exit 1 with "empty MESSAGE" (nothing to restore) or
//	  "error MESSAGE" on stderr
//
// Messages are on one line (newlines become spaces). Litestream's warnings
// go to stderr, which daicho passes on to its log.
package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"daicho/store"
	"daicho/store/replica/engine"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: daicho-replica replicate --db PATH --url URL | restore --url URL --output FILE [--at RFC3339]")
		os.Exit(2)
	}
	switch os.Args[1] {
	case "replicate":
		// A Ctrl-C or a closed terminal reaches daicho's whole process
		// group: daicho decides when replication ends (close, or the end of
		// stdin when it is gone), so the last sync is always made; and a
		// daicho gone mid-answer must not kill this with SIGPIPE.
		signal.Ignore(os.Interrupt, syscall.SIGHUP, syscall.SIGPIPE)
		os.Exit(replicate(os.Args[2:], os.Stdin, os.Stdout))
	case "restore":
		os.Exit(restore(os.Args[2:]))
	}
	fmt.Fprintf(os.Stderr, "daicho-replica: unknown command %q\n", os.Args[1])
	os.Exit(2)
}

// oneLine makes err a message that fits the line protocol.
func oneLine(err error) string {
	return strings.Join(strings.Fields(err.Error()), " ")
}

func replicate(args []string, in io.Reader, out io.Writer) int {
	fs := flag.NewFlagSet("replicate", flag.ContinueOnError)
	db := fs.String("db", "", "the ledger")
	url := fs.String("url", "", "the replica URL")
	schema := fs.Int("schema", 0, "the schema version of the daicho that starts it")
	if err := fs.Parse(args); err != nil || *db == "" || *url == "" {
		fmt.Fprintln(out, "error daicho-replica replicate needs --db PATH and --url URL")
		return 2
	}
	// Built from another daicho, this one would open the ledger with other
	// code: refuse a newer file, or migrate it under the daicho that runs.
	if *schema != store.SchemaVersion() {
		fmt.Fprintf(out, "error daicho-replica was built from another version of daicho (ledger schema %d, daicho's %d): build it again from daicho's source folder\n",
			store.SchemaVersion(), *schema)
		return 1
	}
	// daicho checked the file before it started replication; a second
	// check here would only delay the first sync (and nothing is written
	// through this Store: it gives Litestream the ledger's path).
	st, err := store.OpenCheckingLater(*db)
	if err != nil {
		fmt.Fprintln(out, "error "+oneLine(err))
		return 1
	}
	rep, err := engine.Start(context.Background(), st, *url, os.Stderr)
	if err != nil {
		st.Close()
		if errors.Is(err, engine.ErrRunning) {
			fmt.Fprintln(out, "error running")
		} else {
			fmt.Fprintln(out, "error "+oneLine(err))
		}
		return 1
	}
	fmt.Fprintln(out, "started")
	lines := bufio.NewScanner(in)
	for lines.Scan() {
		switch lines.Text() {
		case "sync":
			fmt.Fprintln(out, syncAnswer(rep.Wait(context.Background())))
		case "status":
			s := rep.Status()
			last, why := "-", ""
			if !s.LastSync.IsZero() {
				last = s.LastSync.Format(time.RFC3339Nano)
			}
			if s.Err != nil {
				why = oneLine(s.Err)
			}
			fmt.Fprintln(out, "status "+last+" "+why)
		case "close":
			return closeAll(st, rep, out)
		default:
			fmt.Fprintf(out, "error unknown request %q\n", lines.Text())
		}
	}
	// The end of stdin: daicho closed it or died. Ship what it committed.
	return closeAll(st, rep, out)
}

// syncAnswer is the answer to sync for the commit waiter's err.
func syncAnswer(err error) string {
	if err == nil {
		return "ok"
	}
	if e, ok := store.AsError(err); ok && e.Reason == "db.deleted" && len(e.Args) == 1 {
		return fmt.Sprint("deleted ", e.Args[0])
	}
	return "error " + oneLine(err)
}

// closeAll closes the Store first, then the replicator (Litestream's handle
// on the file, closed first, would release the Store's SQLite locks).
func closeAll(st *store.Store, rep *engine.Replicator, out io.Writer) int {
	st.Close()
	if err := rep.Close(); err != nil {
		fmt.Fprintln(out, "error "+oneLine(err))
		return 1
	}
	fmt.Fprintln(out, "closed")
	return 0
}

func restore(args []string) int {
	fs := flag.NewFlagSet("restore", flag.ContinueOnError)
	url := fs.String("url", "", "the replica URL")
	output := fs.String("output", "", "the new file")
	at := fs.String("at", "", "the moment to restore (RFC 3339); the latest when empty")
	if err := fs.Parse(args); err != nil || *url == "" || *output == "" {
		fmt.Fprintln(os.Stderr, "error daicho-replica restore needs --url URL and --output FILE")
		return 2
	}
	var when time.Time
	if *at != "" {
		var err error
		if when, err = time.Parse(time.RFC3339Nano, *at); err != nil {
			fmt.Fprintln(os.Stderr, "error "+oneLine(err))
			return 2
		}
	}
	if err := engine.Restore(context.Background(), *url, *output, when); err != nil {
		if errors.Is(err, engine.ErrEmpty) {
			fmt.Fprintln(os.Stderr, "empty "+oneLine(err))
		} else {
			fmt.Fprintln(os.Stderr, "error "+oneLine(err))
		}
		return 1
	}
	return 0
}
