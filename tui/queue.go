package tui

import (
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"daicho/store"
)

// The queue (担当キュー): the first screen of a person in charge — someone
// who signed in over SSH with a key named like a staff entry, or opened the
// TUI with $DAICHO_USER naming one. It lists what waits for them today, as
// `daicho notify` would tell it (store.Queue): their customers' overdue
// invoices, unmatched deposits likely theirs (or nobody's), renewals and
// follow-ups; enter goes to the tab that handles the item.

// queueTabs is the tab that handles each kind of item (the order of New's tabs).
var queueTabs = map[string]int{
	store.NoticeOverdue:  tabOverdue,
	store.NoticeStage:    tabOverdue,
	store.NoticeDeposit:  tabPayments,
	store.NoticeRenewal:  tabContracts,
	store.NoticeFollowUp: tabInquiries,
}

// Tab indexes of New's tabs that the queue sends to.
const (
	tabContracts = 1
	tabPayments  = 3
	tabOverdue   = 4
	tabInquiries = 5
)

type queueScreen struct {
	env
	nav    ListKeyMap
	open   key.Binding
	person string // the staff member's name

	items  []store.NoticeItem
	asOf   time.Time
	cursor int
	loaded bool

	width, height int
}

type queueLoadedMsg struct {
	items []store.NoticeItem
	asOf  time.Time
	err   error
}

// switchTabMsg asks the root to show tab i.
type switchTabMsg struct{ tab int }

func newQueueScreen(e env, person string) *queueScreen {
	return &queueScreen{env: e, nav: DefaultListKeyMap(e.p), person: person,
		open: bind(e.p, "enter", "queue.open", "enter")}
}

func (s *queueScreen) Title() string { return s.p.T("tab.queue") }

func (s *queueScreen) Init() tea.Cmd {
	st, ctx, person := s.st, s.ctx, s.person
	return func() tea.Msg {
		day := store.Today(st.Now())
		items, err := st.Queue(ctx, person, day)
		return queueLoadedMsg{items: items, asOf: day, err: err}
	}
}

func (s *queueScreen) SetSize(w, h int) { s.width, s.height = w, h }
func (s *queueScreen) Capturing() bool  { return false }
func (s *queueScreen) Dirty() bool      { return false }

func (s *queueScreen) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case queueLoadedMsg:
		if msg.err != nil {
			return statusErr(s.p.Error(msg.err))
		}
		s.items, s.asOf, s.loaded = msg.items, msg.asOf, true
		s.cursor = min(s.cursor, max(len(s.items)-1, 0))
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, s.nav.Up):
			s.cursor = max(s.cursor-1, 0)
		case key.Matches(msg, s.nav.Down):
			s.cursor = min(s.cursor+1, max(len(s.items)-1, 0))
		case key.Matches(msg, s.nav.Top):
			s.cursor = 0
		case key.Matches(msg, s.nav.Bottom):
			s.cursor = max(len(s.items)-1, 0)
		case key.Matches(msg, s.open) && s.cursor < len(s.items):
			tab := queueTabs[s.items[s.cursor].Kind]
			return func() tea.Msg { return switchTabMsg{tab: tab} }
		}
	}
	return nil
}

func (s *queueScreen) View() string {
	if !s.loaded {
		return s.styles.Dim.Render(s.p.T("queue.loading"))
	}
	lines := []string{s.styles.Title.Render(s.p.T("queue.title", store.FoldDisplay(s.person), store.FormatDate(s.asOf)))}
	if len(s.items) == 0 {
		return strings.Join(append(lines, "", s.styles.Dim.Render(s.p.T("queue.empty"))), "\n")
	}
	rows := max(s.height-1, 1)
	first := max(0, s.cursor-rows+1)
	for i := first; i < len(s.items) && i < first+rows; i++ {
		line := ansi.Truncate(s.row(s.items[i]), max(s.width, 10), "…")
		if i == s.cursor {
			line = s.styles.Selected.Render(line)
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

// row is one item: what, which, whose, when, how much.
func (s *queueScreen) row(it store.NoticeItem) string {
	cells := []string{padCells(s.p.T("queue.kind."+it.Kind), 10), it.Ref}
	if it.CustomerCode != "" {
		cells = append(cells, it.CustomerCode+" "+store.FoldDisplay(it.CustomerName))
	}
	cells = append(cells, store.FormatDate(it.Date))
	if it.Amount != 0 {
		cells = append(cells, s.money(it.Amount))
	}
	if it.Text != "" {
		cells = append(cells, store.FoldDisplay(it.Text))
	}
	return strings.Join(cells, "  ")
}

// padCells pads s with spaces to n display cells.
func padCells(s string, n int) string {
	if w := ansi.StringWidth(s); w < n {
		return s + strings.Repeat(" ", n-w)
	}
	return s
}

func (s *queueScreen) ShortHelp() []key.Binding { return []key.Binding{s.nav.Up, s.nav.Down, s.open} }

func (s *queueScreen) FullHelp() [][]key.Binding {
	return [][]key.Binding{{s.nav.Up, s.nav.Down, s.nav.Top, s.nav.Bottom}, {s.open}}
}
