// Package tui is daicho's terminal interface: one root model (this file) that
// owns the tabs, the global keys, the status line and the confirmation dialog,
// and one screen per tab. Screens never touch the database in Update: store
// calls run in tea.Cmds and come back as messages.
package tui

import (
	"context"
	"os"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"daicho/store"
	"daicho/tui/i18n"
)

// screen is what every tab implements. Screens are pointers updated in place;
// they render a string for the area the root gives them.
type screen interface {
	help.KeyMap
	Init() tea.Cmd
	Update(msg tea.Msg) tea.Cmd
	View() string
	SetSize(width, height int)
	Title() string
	// Capturing reports that a text field has the keyboard, so letters, digits
	// and tab belong to it rather than to the global keys.
	Capturing() bool
	// Dirty reports unsaved changes: quitting asks first.
	Dirty() bool
}

// env is what every screen shares: the store, the kit its components draw
// and ask with, how New was set up, and the references.
type env struct {
	kit
	st   *store.Store
	ctx  context.Context
	opt  *options    // how New was set up (server mode); never nil
	refs *references // customers, products, tax rates: filled by the root, read by every screen
}

// kit is what a component needs to draw and to ask: the language, the
// styles, the company's money rules (a pointer: set once the company is
// known) and the dialog slot. The line grid, the line editor and the dialogs
// take a kit, never the env: they cannot reach the store.
type kit struct {
	p      i18n.Printer
	styles *Styles
	co     *moneyRules
	ui     *dialogSlot
}

// moneyRules are the company settings that figures on screen depend on.
type moneyRules struct {
	cur      store.Currency
	rounding string
}

// Model is the root of the TUI.
type Model struct {
	env
	keys GlobalKeyMap
	help help.Model

	screens     []screen
	shortTitles []string // per screen, for a tab bar too narrow for the titles
	active      int
	setup       *setupScreen // the company form, shown instead of the tabs while open
	ready       bool         // the company check has come back

	status        statusMsg
	damaged       string // the integrity check failed: shown until daicho quits
	start         startState
	prefetched    tea.Cmd // Init's work, started by Run before the program (start.go)
	fullHelp      bool
	width, height int
}

// New returns the root model over an open store.
func New(st *store.Store, p i18n.Printer, opts ...Option) *Model {
	styles := DefaultStyles()
	o := &options{}
	for _, opt := range opts {
		opt(o)
	}
	if o.exportsDir == "" {
		o.exportsDefault = defaultExportsDir(st)
	}
	k := kit{p: p, styles: &styles, co: &moneyRules{cur: store.JPY, rounding: store.RoundFloor}, ui: &dialogSlot{}}
	e := env{kit: k, st: st, ctx: context.Background(), opt: o, refs: &references{}}
	h := help.New()
	h.Styles = styles.Help
	// Three spaces between the full help's columns rather than bubbles'
	// four: at 80 columns that is the difference between 12 and 9 rows of
	// keys on the busiest screen (fitHelpColumns).
	h.FullSeparator = "   "
	m := &Model{env: e, keys: DefaultGlobalKeyMap(p), help: h}
	if e.clerk() {
		m.keys.Settings.SetEnabled(false) // settings are a manager's (roles.go)
	}
	tabs := []struct {
		s     screen
		short string // the catalog key of its short title (tabsView)
	}{
		{newCustomersScreen(e), "tab.short.customers"},
		{newContractsScreen(e), "tab.short.contracts"},
		{newDocumentsScreen(e), "tab.short.documents"},
		{newPaymentsScreen(e), "tab.short.payments"},
		{newOverdueScreen(e), "tab.short.overdue"},
		{newInquiriesScreen(e), "tab.short.inquiries"},
		{newReportsScreen(e), "tab.short.reports"},
	}
	for _, t := range tabs {
		m.screens = append(m.screens, t.s)
		m.shortTitles = append(m.shortTitles, p.T(t.short))
	}
	if o.staff != "" { // a person in charge: their queue first (queue.go)
		m.screens = append(m.screens, newQueueScreen(e, o.staff))
		m.shortTitles = append(m.shortTitles, p.T("tab.short.queue"))
		m.active = len(m.screens) - 1
	}
	return m
}

// framesPerSecond is how often Bubble Tea may write a frame: 120, its most.
// A frame reaches the terminal at the renderer's next tick, not when it is
// drawn, so at the default 60 the first rows and each keystroke's echo waited
// 8 ms on average, and the first frame, drawn before the first tick, always
// 17 ms; at 120 half that (launch → rows on the small demo 79 → 70 ms, median
// of 15, `.ci/bench-process`'s machine). A still screen writes nothing (a
// tick compares the frame with the last): idle, the TUI takes 1.0% of a core
// against 0.8% at 60.
const framesPerSecond = 120

// Run runs the local TUI until the user quits. daicho serve builds its
// sessions' programs on New with options instead (tui/serve).
func Run(st *store.Store, p i18n.Printer) error {
	done := make(chan struct{})
	defer close(done)
	staff := resolveStaff(context.Background(), st, os.Getenv("DAICHO_USER"))
	m := New(st, p, WithDone(done), WithStaff(staff), withRestDelay(firstFrameDelay))
	// The terminal's colour profile is the one lipgloss found when the
	// program started (lipgloss.Writer: the same stdout and environment
	// Bubble Tea looks at, with $TMUX hidden: tui/tmuxenv). Told it, Bubble
	// Tea does not detect it again: inside tmux detecting runs `tmux info`,
	// a process started and waited for on the way to the first frame
	// (10–40 ms here, more under load), to learn whether the terminal
	// outside shows true colour, which daicho's colours do not need.
	prog := tea.NewProgram(m, tea.WithColorProfile(lipgloss.Writer.Profile), tea.WithFPS(framesPerSecond))
	m.prefetch() // while Bubble Tea sets up the terminal (start.go)
	_, err := prog.Run()
	return err
}

func (m *Model) Init() tea.Cmd {
	if m.prefetched != nil {
		return m.prefetched
	}
	// The active screen's first rows load at once, beside the company check;
	// everything else waits for them (start.go).
	return tea.Batch(m.firstLoad(), m.checkCompany())
}

// checkCompany reads the company: without one, the setup form comes first.
func (m *Model) checkCompany() tea.Cmd {
	st, ctx := m.st, m.ctx
	return func() tea.Msg {
		c, err := st.Company(ctx)
		if e, ok := store.AsError(err); ok && e.Code == store.CodeNotFound {
			return companyCheckedMsg{}
		}
		return companyCheckedMsg{has: err == nil, company: c, err: err}
	}
}

// checkedMsg carries the verdict of the open-time integrity check.
type checkedMsg struct{ err error }

// current is the screen that has the keyboard: the setup form, or the active tab.
func (m *Model) current() screen {
	if m.setup != nil {
		return m.setup
	}
	return m.screens[m.active]
}

func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.ui.width = msg.Width
		m.resize()
		return m, nil
	case companyCheckedMsg:
		return m, m.companyChecked(msg)
	case companySavedMsg:
		m.setMoneyRules(msg.company)
		first := m.setup != nil && m.setup.first
		m.setup = nil
		m.resize()
		if first {
			return m, m.startScreens()
		}
		return m, status(m.p.T("setup.saved"))
	case companyLoadedMsg:
		if msg.err != nil {
			return m, statusErr(m.p.Error(msg.err))
		}
		m.setup = newSetupScreen(m.env, msg.c, false)
		m.resize()
		return m, nil
	case setupClosedMsg:
		m.setup = nil
		m.resize()
		return m, nil
	case statusMsg:
		m.status = msg
		return m, nil
	case askMsg:
		if msg.err != nil {
			return m, statusErr(m.p.Error(msg.err))
		}
		return m, msg.open()
	case checkedMsg:
		if msg.err != nil {
			m.damaged = m.p.Error(msg.err)
		}
		return m, nil
	case quitMsg:
		return m, tea.Quit
	case showDocumentMsg:
		for i, s := range m.screens {
			if docs, ok := s.(*documentsScreen); ok {
				m.switchTo(i)
				return m, docs.open(msg.id, false)
			}
		}
		return m, nil
	case switchTabMsg: // from the queue: to the tab handling its item
		return m, m.switchTo(msg.tab)
	case writeOffDoneMsg: // said here once; the screens showing the invoice reload it, below
		m.status = statusMsg{text: msg.text}
		if msg.err != nil {
			m.status = statusMsg{text: m.p.Error(msg.err), err: true}
		}
	case creditNoteDraftMsg: // made on the overdue screen: it is edited in the documents tab
		for i, s := range m.screens {
			if _, ok := s.(*documentsScreen); ok {
				m.switchTo(i)
			}
		}
		changed := msg.docChangedMsg
		return m, func() tea.Msg { return changed }
	case startMsg:
		return m, m.started(msg)
	case firstRowsMsg:
		return m, m.firstRows(msg)
	case laterMsg:
		return m, msg.cmd
	case liveMsg, liveResultMsg, liveCompanyMsg: // another desk's changes (live.go)
		return m, m.live(msg)
	case refsLoadedMsg:
		if msg.err != nil {
			return m, statusErr(m.p.Error(msg.err))
		}
		*m.refs = msg.refs // then the screens hear of it, below
	case tea.KeyPressMsg:
		return m, m.key(msg)
	case tea.PasteMsg:
		if m.ui.d != nil { // typed into the dialog, not into a form under it
			return m, m.toDialog(msg)
		}
	}
	// Everything else (store results) goes to the open dialog, which may be
	// waiting for it (the PDF batch's progress), and to every screen: a load
	// that comes back after the user switched tabs must still reach its screen.
	var cmds []tea.Cmd
	if m.ui.d != nil {
		cmds = append(cmds, m.toDialog(msg))
	}
	if changesRefs(msg) {
		cmds = append(cmds, m.loadRefs())
	}
	if m.setup != nil {
		cmds = append(cmds, m.setup.Update(msg))
	}
	for _, s := range m.screens {
		cmds = append(cmds, s.Update(msg))
	}
	return m, tea.Batch(cmds...)
}

func (m *Model) setMoneyRules(c store.Company) {
	if cur, ok := store.CurrencyByCode(c.Currency); ok {
		m.co.cur = cur
	}
	if c.TaxRounding != "" {
		m.co.rounding = c.TaxRounding
	}
}

func (m *Model) companyChecked(msg companyCheckedMsg) tea.Cmd {
	m.ready = true
	m.setMoneyRules(msg.company)
	if msg.err != nil {
		m.status = statusMsg{text: m.p.Error(msg.err), err: true}
		return nil
	}
	if !msg.has {
		m.setup = newSetupScreen(m.env, store.NewCompany(), true)
		m.resize()
		return m.setup.Init()
	}
	m.start.company = true
	return m.startRest()
}

// startScreens loads the references and every screen's list (at start and
// on ctrl+r).
func (m *Model) startScreens() tea.Cmd {
	cmds := []tea.Cmd{m.loadRefs()}
	for _, s := range m.screens {
		cmds = append(cmds, s.Init())
	}
	return tea.Batch(cmds...)
}

// toDialog is the one way a message reaches the open dialog; the dialog
// closes when it says it is done, unless its answer opened the next one.
func (m *Model) toDialog(msg tea.Msg) tea.Cmd {
	d := m.ui.d
	done, cmd := d.Update(msg)
	if done && m.ui.d == d {
		m.ui.d = nil
	}
	return cmd
}

// key handles a key press: the dialog alone while one is open, else global
// keys (unless the screen is capturing text), then the screen.
func (m *Model) key(k tea.KeyPressMsg) tea.Cmd {
	if m.ui.d != nil {
		return m.toDialog(k)
	}
	m.status = statusMsg{}
	cur := m.current()
	if k.String() == "ctrl+c" || (!cur.Capturing() && key.Matches(k, m.keys.Quit)) {
		return m.quit()
	}
	if !cur.Capturing() && m.setup == nil {
		switch {
		case key.Matches(k, m.keys.Help):
			m.fullHelp = !m.fullHelp
			m.resize()
			return nil
		case key.Matches(k, m.keys.NextTab):
			return m.switchTo(m.active + 1)
		case key.Matches(k, m.keys.PrevTab):
			return m.switchTo(m.active - 1)
		case key.Matches(k, m.keys.Jump):
			return m.switchTo(int(k.String()[0] - '1'))
		case key.Matches(k, m.keys.Reload):
			return tea.Batch(m.startScreens(), status(m.p.T("app.reloaded")))
		case key.Matches(k, m.keys.Settings):
			st, ctx := m.st, m.ctx
			return func() tea.Msg {
				c, err := st.Company(ctx)
				return companyLoadedMsg{c: c, err: err}
			}
		}
	}
	return cur.Update(k)
}

func (m *Model) switchTo(i int) tea.Cmd {
	m.active = (i + len(m.screens)) % len(m.screens)
	return nil
}

// quit leaves at once, or asks first when a form holds unsaved changes.
func (m *Model) quit() tea.Cmd {
	for _, s := range append([]screen{m.current()}, m.screens...) {
		if s.Dirty() {
			return m.confirm(m.p.T("confirm.quit_unsaved"), func() tea.Msg { return quitMsg{} })
		}
	}
	return tea.Quit
}

// Chrome: one line of tabs at the top, the status line and the help bar at
// the bottom; the screen gets the rest.
func (m *Model) resize() {
	if m.width == 0 {
		return
	}
	m.help.SetWidth(m.width)
	h := max(1, m.height-2-lipgloss.Height(m.helpView()))
	for _, s := range m.screens {
		s.SetSize(m.width, h)
	}
	if m.setup != nil {
		m.setup.SetSize(m.width, h)
	}
	if d, ok := m.ui.d.(sizedDialog); ok {
		d.SetSize(m.width, h)
	}
}

// helpView is the help bar: the keys of what is on screen, and the global
// keys, which stay visible at the right end however narrow the terminal is.
func (m *Model) helpView() string {
	var km help.KeyMap = m.current()
	global := m.setup == nil && !m.current().Capturing()
	if m.ui.d != nil {
		km, global = dialogHelp{m.ui.d}, false
	}
	if m.fullHelp && global {
		return m.fitLines(m.help.FullHelpView(fitHelpColumns(m.help, m.fullHelpGroups(km), m.width)))
	}
	if !global {
		return m.fitLines(m.help.ShortHelpView(km.ShortHelp()))
	}
	tail := m.help.ShortHelpView([]key.Binding{m.keys.Help, m.keys.Quit})
	sep := m.help.Styles.ShortSeparator.Render(m.help.ShortSeparator)
	h := m.help
	h.SetWidth(max(1, m.width-lipgloss.Width(tail)-lipgloss.Width(sep)))
	return m.fitLines(h.ShortHelpView(km.ShortHelp()) + sep + tail)
}

// fullHelpGroups is what ? lists: every key of the view shown, and the
// global keys (? now closing the list it opened).
func (m *Model) fullHelpGroups(km help.KeyMap) [][]key.Binding {
	g := m.keys
	g.Help.SetHelp(g.Help.Help().Key, m.p.T("key.help_close"))
	return withGlobal{km, g}.FullHelp()
}

// fitLines cuts every line to the width: the help bar drops items that do
// not fit only when an ellipsis still fits, and a wrapped line would push the
// whole layout down.
func (m *Model) fitLines(v string) string {
	lines := strings.Split(v, "\n")
	for i, l := range lines {
		lines[i] = ansi.Truncate(l, m.width, "…")
	}
	return strings.Join(lines, "\n")
}

func (m *Model) View() tea.View {
	v := tea.NewView(m.render())
	v.AltScreen = true
	v.WindowTitle = "daicho"
	return v
}

func (m *Model) render() string {
	if m.width == 0 || !m.ready {
		return ""
	}
	body := m.current().View()
	if m.ui.d != nil {
		content := m.ui.d.View()
		// The box fits the terminal: long questions wrap inside it.
		box := m.styles.Dialog.Width(min(m.width-2, lipgloss.Width(content)+6)).Render(content)
		body = lipgloss.Place(m.width, lipgloss.Height(body), lipgloss.Center, lipgloss.Center, box)
	}
	bodyH := max(1, m.height-2-lipgloss.Height(m.helpView()))
	body = lipgloss.NewStyle().Height(bodyH).MaxHeight(bodyH).MaxWidth(m.width).Render(body)
	line := m.status
	if line.text == "" && m.damaged != "" {
		line = statusMsg{text: m.damaged, err: true}
	}
	statusStyle := m.styles.Status
	if line.err {
		statusStyle = m.styles.StatusError
	}
	return strings.Join([]string{
		m.tabsView(),
		body,
		statusStyle.Render(ansi.Truncate(line.text, m.width, "…")),
		m.helpView(),
	}, "\n")
}

func (m *Model) tabsView() string {
	if m.setup != nil {
		return m.styles.Brand.Render("daicho") + m.styles.Title.Render(m.setup.Title())
	}
	full := func(i int) string { return m.screens[i].Title() }
	short := func(i int) string { return m.shortTitles[i] }
	none := func(int) string { return "" }
	// The widest bar that fits: every title; else the active tab's title in
	// full and the others short (seven English tabs at 80 columns); else all
	// short; else the others keep only their digit, which is also the key
	// that opens them. Only a terminal narrower than that cuts the bar.
	var bar string
	for _, names := range [][2]func(int) string{{full, full}, {full, short}, {short, short}, {short, none}} {
		if bar = m.tabBar(names[0], names[1]); lipgloss.Width(bar) <= m.width {
			return bar
		}
	}
	return ansi.Truncate(bar, m.width, "…")
}

// tabBar draws the tabs, naming the active one with active and the others
// with other (a tab named "" shows its digit alone).
func (m *Model) tabBar(active, other func(i int) string) string {
	parts := []string{m.styles.Brand.Render("daicho")}
	for i := range m.screens {
		style, name := m.styles.Tab, other(i)
		if i == m.active {
			style, name = m.styles.ActiveTab, active(i)
		}
		label := string(rune('1' + i))
		if name != "" {
			label += " " + name
		}
		parts = append(parts, style.Render(label))
	}
	return strings.Join(parts, "")
}

// withGlobal adds the global keys to a screen's help.
type withGlobal struct {
	help.KeyMap
	g GlobalKeyMap
}

func (w withGlobal) ShortHelp() []key.Binding { return w.KeyMap.ShortHelp() }

func (w withGlobal) FullHelp() [][]key.Binding {
	return append(w.KeyMap.FullHelp(), []key.Binding{w.g.NextTab, w.g.PrevTab, w.g.Jump, w.g.Settings, w.g.Reload, w.g.Help, w.g.Quit})
}

// dialogHelp shows a dialog's keys in the help bar.
type dialogHelp struct{ d dialog }

func (h dialogHelp) ShortHelp() []key.Binding  { return h.d.ShortHelp() }
func (h dialogHelp) FullHelp() [][]key.Binding { return [][]key.Binding{h.d.ShortHelp()} }
