package tui

import (
	"context"
	"errors"
	"fmt"
	"os/exec"
	"runtime"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/progress"
	tea "charm.land/bubbletea/v2"

	"daicho/pdf"
	"daicho/store"
)

// PDFs from the documents screen: p exports the selected document into the
// exports folder, o opens it with the system's viewer, P prints it with lp,
// E exports every document the filters show, with a progress bar.

// exportedMsg reports one export: where it went, or why not.
type exportedMsg struct {
	id     int64
	path   string
	then   string // "open" or "print": what to do with the file next
	exists bool   // the file is there already: ask before overwriting
	err    error
	retry  tea.Cmd // with exists: the same export, over the file
}

// exportResult turns what pdf.Exporter.Write returned into an exportedMsg: a
// file in the way is a question (exists), not an error.
func exportResult(path string, err error) exportedMsg {
	if errors.Is(err, pdf.ErrExists) {
		return exportedMsg{path: path, exists: true}
	}
	return exportedMsg{path: path, err: err}
}

// exportDoc renders document id into the exports folder (force: over an
// existing file), then opens or prints it when then says so.
func (e env) exportDoc(id int64, force bool, then string) tea.Cmd {
	st, ctx := e.st, e.ctx
	return func() tea.Msg {
		d, err := st.Document(ctx, id)
		if err != nil {
			return exportedMsg{id: id, err: err}
		}
		company, err := st.Company(ctx)
		if err != nil {
			return exportedMsg{id: id, err: err}
		}
		// To open or print an issued document, replacing its file loses
		// nothing: the same document always gives the same bytes.
		force = force || then != "" && d.Frozen()
		// What is written is kept in the archive: printed, or exported.
		ex := pdf.Exporter{Dir: e.exportsDir(company), Force: force, Channel: store.SentExport}
		if then == "print" {
			ex.Channel = store.SentPrint
		}
		msg := exportResult(ex.WriteDocument(ctx, st, d, ""))
		msg.id, msg.then, msg.retry = id, then, e.exportDoc(id, true, then)
		return msg
	}
}

// exported shows where the file went and carries on with open or print; an
// existing file is overwritten only after asking.
func (e env) exported(msg exportedMsg) tea.Cmd {
	switch {
	case msg.exists:
		return e.confirm(e.p.T("export.overwrite", msg.path), msg.retry)
	case msg.err != nil:
		return statusErr(e.p.T("export.failed", e.p.Error(msg.err)))
	case msg.then == "open" && e.opt.remote: // the viewer would open on the server's screen
		return status(e.p.T("export.remote_saved", msg.path))
	case msg.then == "open":
		return e.run(viewerCommand(), msg.path, "export.opened", "export.no_viewer")
	case msg.then == "print":
		return e.run("lp", msg.path, "export.printed", "export.no_printer")
	}
	return status(e.p.T("export.saved", msg.path))
}

// viewerCommand is the program that opens a file with its default viewer.
func viewerCommand() string {
	if runtime.GOOS == "darwin" {
		return "open"
	}
	return "xdg-open"
}

// run starts program on path, saying done or, where the program does not
// exist on this machine, missing (with the path, so the file can be found).
func (e env) run(program, path, done, missing string) tea.Cmd {
	if _, err := exec.LookPath(program); err != nil {
		return status(e.p.T(missing, path))
	}
	p := e.p
	return func() tea.Msg {
		out, err := exec.Command(program, path).CombinedOutput()
		if err != nil {
			return statusMsg{text: p.T("export.command_failed", program, string(out)), err: true}
		}
		return statusMsg{text: p.T(done, path)}
	}
}

// batchDialog exports many documents with a progress bar; esc cancels (files
// already written stay whole, and none is left half-written). It drives
// itself: each progress report comes to it as a batchTickMsg, and it asks
// for the next.
type batchDialog struct {
	kit
	ids     []int64
	done    int
	started time.Time
	elapsed time.Duration
	bar     progress.Model
	cancel  context.CancelFunc
	updates chan batchProgress
	waitRes chan batchResult
	result  *batchResult
	keys    FilterKeyMap
}

type batchProgress struct{ done, total int }

type batchResult struct {
	paths []string
	err   error
}

// batchTickMsg carries the next progress report (or the end) of batch d.
type batchTickMsg struct {
	d      *batchDialog
	p      batchProgress
	result *batchResult
}

// exportBatch asks, then exports ids with both cores.
func (s *documentsScreen) exportBatch(ids []int64) tea.Cmd {
	if len(ids) == 0 {
		return statusErr(s.p.T("export.nothing"))
	}
	filters := s.filterSummaryPlain()
	if filters == "" {
		filters = s.p.T("docs.no_filter")
	}
	return s.confirmThen(s.p.N("export.ask_batch", len(ids), len(ids), filters), func() tea.Cmd {
		return s.startBatch(ids)
	})
}

// startBatch opens the progress dialog and starts the workers; call it in
// Update (a confirmation's answer).
func (s env) startBatch(ids []int64) tea.Cmd {
	ctx, cancel := context.WithCancel(s.ctx)
	d := &batchDialog{kit: s.kit, ids: ids, started: time.Now(), cancel: cancel,
		updates: make(chan batchProgress, 16), keys: FilterKeyMap{
			Apply: bind(s.p, "enter", "key.close", "enter"), Clear: bind(s.p, "esc", "key.cancel", "esc")},
		bar: progress.New(progress.WithWidth(50), progress.WithDefaultBlend())}
	st := s.st
	result := make(chan batchResult, 1)
	go func() {
		company, err := st.Company(ctx)
		if err != nil {
			result <- batchResult{err: err}
			close(d.updates)
			return
		}
		ex := pdf.Exporter{Dir: s.exportsDir(company), Force: true, Channel: store.SentExport}
		paths, err := pdf.ExportBatch(ctx, st, ids, ex, 2, func(done, total int) {
			select {
			case d.updates <- batchProgress{done, total}:
			case <-ctx.Done(): // dismissed: no one reads the reports any more
			}
		})
		result <- batchResult{paths: paths, err: err}
		close(d.updates)
	}()
	d.waitRes = result
	s.show(d)
	return d.next()
}

// next waits for the batch's next progress report, or its end.
func (d *batchDialog) next() tea.Cmd {
	return func() tea.Msg {
		if p, ok := <-d.updates; ok {
			return batchTickMsg{d: d, p: p}
		}
		r := <-d.waitRes
		return batchTickMsg{d: d, result: &r}
	}
}

// tick records progress and waits for the next report.
func (d *batchDialog) tick(msg batchTickMsg) tea.Cmd {
	d.elapsed = time.Since(d.started)
	if msg.result != nil {
		d.result = msg.result
		d.cancel() // the batch is over: release its context
		return nil
	}
	d.done = msg.p.done
	return d.next()
}

// dismiss stops a batch still running when another dialog takes the slot:
// files already written stay whole.
func (d *batchDialog) dismiss() {
	if d.result == nil {
		d.cancel()
	}
}

func (d *batchDialog) Update(msg tea.Msg) (bool, tea.Cmd) {
	if t, ok := msg.(batchTickMsg); ok && t.d == d {
		return false, d.tick(t)
	}
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return false, nil
	}
	switch {
	case key.Matches(k, d.keys.Clear) && d.result == nil:
		d.cancel()
		return false, nil
	case d.result != nil && (key.Matches(k, d.keys.Apply) || key.Matches(k, d.keys.Clear)):
		return true, status(d.summary())
	}
	return false, nil
}

func (d *batchDialog) summary() string {
	if d.result.err != nil && !errors.Is(d.result.err, context.Canceled) {
		return d.p.N("export.batch_error", len(d.ids), len(d.result.paths), len(d.ids), d.p.Error(d.result.err))
	}
	return d.p.N("export.batch_done", len(d.ids), len(d.result.paths), len(d.ids), d.elapsed.Round(100*time.Millisecond))
}

func (d *batchDialog) View() string {
	title := d.p.T("export.batch_title")
	frac := float64(d.done) / float64(max(1, len(d.ids)))
	lines := fmt.Sprintf("%s\n\n%s\n\n%s", title, d.bar.ViewAs(frac),
		d.p.T("export.batch_count", d.done, len(d.ids), d.elapsed.Round(100*time.Millisecond)))
	if d.result != nil {
		lines += "\n\n" + d.summary()
	}
	return lines
}

func (d *batchDialog) ShortHelp() []key.Binding {
	if d.result != nil {
		return []key.Binding{d.keys.Apply}
	}
	return []key.Binding{d.keys.Clear}
}
