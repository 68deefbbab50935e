package tui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"daicho/store"
)

// The start-up order. What the user waits for is the active screen's rows,
// so their query runs first, alone beside the company check, and everything
// else starts only once they are in: the rest of the list, the references,
// the other screens' lists (the overdue alert among them), the live updates
// and the integrity check (which reads the whole file: the real program
// opens the ledger with store.OpenCheckingLater, whatever its size; a file
// of a newer daicho or another program is still refused before the TUI
// starts). In the real program these also wait one frame or two more (Run
// sets restDelay), so the rows are drawn before the rest takes the cores. Then the TUI is as quick to show 10,000 customers as
// 40; a write still waits for the check (store.Checked), a read never does.

// startState tracks the start-up: the first rows are in, the company is
// known to exist, the rest has started.
type startState struct {
	rows, company, rest bool
}

// firstRowsMsg carries the active screen's first load.
type firstRowsMsg struct{ msg tea.Msg }

// laterMsg carries commands started after a delay (afterFirstFrame).
type laterMsg struct{ cmd tea.Cmd }

// prefetch starts Init's work — the company check, then the first rows —
// before Bubble Tea has set up the terminal (raw mode, the renderer, the
// input reader), and makes Init hand on their results: the queries run on
// the other core meanwhile, and the rows are in by the program's first frame.
// One after the other, they share the connection Open left in the pool; side
// by side the second would open one of its own (a parse of the whole schema)
// on the way to the first rows. Both results come in one message (startMsg),
// so no frame is drawn between them ("0 of 0" under the company's tabs).
// Only Run calls it, just before the program starts; tests and daicho
// serve's sessions start with Init's commands.
func (m *Model) prefetch() {
	company, rows := m.checkCompany(), m.firstLoad()
	results := make(chan tea.Msg, 1)
	go func() {
		c := company()
		results <- startMsg{c, rows()}
	}()
	m.prefetched = func() tea.Msg { return <-results }
}

// startMsg carries the prefetched start: the company check, then the first
// rows, handed to the root in one Update.
type startMsg []tea.Msg

// started hands each prefetched result to the root in turn.
func (m *Model) started(msgs startMsg) tea.Cmd {
	cmds := make([]tea.Cmd, 0, len(msgs))
	for _, msg := range msgs {
		_, cmd := m.Update(msg)
		cmds = append(cmds, cmd)
	}
	return tea.Batch(cmds...)
}

// firstLoad runs the active screen's first load; its result comes back
// wrapped, so the root knows the rows are in.
func (m *Model) firstLoad() tea.Cmd {
	load := m.screens[m.active].Init()
	return func() tea.Msg {
		if load == nil {
			return firstRowsMsg{}
		}
		return firstRowsMsg{load()}
	}
}

// firstRows hands the first load to the screens, then starts the check and,
// once the company is known, the rest.
func (m *Model) firstRows(msg firstRowsMsg) tea.Cmd {
	var cmd tea.Cmd
	switch inner := msg.msg.(type) {
	case nil:
	case tea.BatchMsg, tea.QuitMsg: // the program's to run, not the screens' to read
		cmd = func() tea.Msg { return inner }
	default:
		_, cmd = m.Update(inner)
	}
	m.start.rows = true
	st := m.st
	// The integrity check (a file the store has not checked at open: any
	// file in the real program) runs now, in the background; if it fails,
	// the status line says so for as long as daicho runs (and the store
	// refuses every write).
	checked := func() tea.Msg { return checkedMsg{st.Checked()} }
	return tea.Batch(cmd, m.afterFirstFrame(tea.Batch(checked, m.subscribeLive())), m.startRest())
}

// startRest loads the references and the other screens' lists, once the
// first rows are in and the company exists (without one, the setup form
// comes first and saving it starts every screen).
func (m *Model) startRest() tea.Cmd {
	if !m.start.rows || !m.start.company || m.start.rest {
		return nil
	}
	m.start.rest = true
	cmds := []tea.Cmd{m.loadRefs()}
	for i, s := range m.screens {
		if i != m.active {
			cmds = append(cmds, s.Init())
		}
	}
	return m.afterFirstFrame(tea.Batch(cmds...))
}

// afterFirstFrame runs cmd once the frame with the first rows has had time
// to be drawn (Run's restDelay; at once in tests), at a low priority
// (lowPriority). A screen's message carrying the command goes to the root,
// which runs it (laterMsg).
func (e env) afterFirstFrame(cmd tea.Cmd) tea.Cmd {
	if e.opt.restDelay <= 0 || cmd == nil {
		return cmd
	}
	cmd = lowPriority(cmd)
	return tea.Tick(e.opt.restDelay, func(time.Time) tea.Msg { return laterMsg{cmd} })
}

// lowPriority runs cmd, and each command of a batch it returns, on a thread
// of low priority (store.LowerPriority; the thread ends with the command).
// On two cores the rest of the start-up, run at the priority of the screen,
// took them both from the terminal still drawing the first rows (the rows
// showed ~25 ms later): now the terminal, and the user's typing, come first,
// and on an idle machine nothing is slower.
func lowPriority(cmd tea.Cmd) tea.Cmd {
	return func() tea.Msg {
		store.LowerPriority()
		msg := cmd()
		if batch, ok := msg.(tea.BatchMsg); ok {
			low := make(tea.BatchMsg, 0, len(batch))
			for _, c := range batch {
				if c != nil {
					low = append(low, lowPriority(c))
				}
			}
			return low
		}
		return msg
	}
}

// firstFrameDelay is Run's restDelay: long enough for the frame with the
// first rows to be written (at the renderer's next tick: framesPerSecond)
// and drawn by a terminal on a busy two-core machine — with 35 ms the rest
// started while tmux was still drawing, and the rows showed ~45 ms later
// (median of 12 launches, .ci/bench-process's machine) — and short enough
// that no one sees the other tabs come later.
const firstFrameDelay = 100 * time.Millisecond
