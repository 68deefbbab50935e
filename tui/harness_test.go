package tui

import (
	"regexp"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"daicho/store"
	"daicho/store/storetest"
	"daicho/tui/i18n"
)

// harness drives the root model synchronously: every command a key press
// returns is run at once and its message fed back, as the real program would,
// so a test can press keys and then look at the screen and the database.
type harness struct {
	t    testing.TB
	m    *Model
	quit bool
}

func newHarness(t testing.TB, st *store.Store, lang i18n.Lang, width, height int, opts ...Option) *harness {
	t.Helper()
	h := &harness{t: t, m: New(st, i18n.New(lang), append([]Option{withoutLive()}, opts...)...)}
	h.send(tea.WindowSizeMsg{Width: width, Height: height})
	h.run(h.m.Init())
	return h
}

func (h *harness) send(msg tea.Msg) {
	_, cmd := h.m.Update(msg)
	h.run(cmd)
}

func (h *harness) run(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	switch msg := cmd().(type) {
	case nil:
	case tea.BatchMsg:
		for _, c := range msg {
			h.run(c)
		}
	case tea.QuitMsg:
		h.quit = true
	default:
		h.send(msg)
	}
}

// press sends named keys: "enter", "esc", "tab", "shift+tab", "ctrl+s",
// "down", "up", or a single character.
func (h *harness) press(keys ...string) {
	for _, k := range keys {
		h.send(keyMsg(k))
	}
}

// typeText types s one character at a time, Japanese included.
func (h *harness) typeText(s string) {
	for _, r := range s {
		h.send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

func keyMsg(name string) tea.KeyPressMsg {
	named := map[string]tea.Key{
		"enter":     {Code: tea.KeyEnter},
		"esc":       {Code: tea.KeyEscape},
		"tab":       {Code: tea.KeyTab},
		"shift+tab": {Code: tea.KeyTab, Mod: tea.ModShift},
		"ctrl+s":    {Code: 's', Mod: tea.ModCtrl},
		"ctrl+c":    {Code: 'c', Mod: tea.ModCtrl},
		"down":      {Code: tea.KeyDown},
		"up":        {Code: tea.KeyUp},
		"pgdown":    {Code: tea.KeyPgDown},
		"pgup":      {Code: tea.KeyPgUp},
		"backspace": {Code: tea.KeyBackspace},
		"space":     {Code: tea.KeySpace, Text: " "},
		"right":     {Code: tea.KeyRight},
		"left":      {Code: tea.KeyLeft},
	}
	if k, ok := named[name]; ok {
		return tea.KeyPressMsg(k)
	}
	r := []rune(name)[0]
	return tea.KeyPressMsg{Code: r, Text: name}
}

// screen is what the terminal shows, without colours.
// screen is the text a user sees: no styling, and no zero-width spaces (the
// ones store.FoldDisplay puts before half-width sound marks draw nothing).
func (h *harness) screen() string {
	return strings.ReplaceAll(ansi.Strip(h.m.render()), "\u200B", "")
}

// mustSee checks the screen shows each text; runs of spaces count as one, so
// a test does not depend on column padding.
func (h *harness) mustSee(want ...string) {
	h.t.Helper()
	s := h.screen()
	for _, w := range want {
		if !strings.Contains(squeeze(s), squeeze(w)) {
			h.t.Fatalf("screen lacks %q:\n%s", w, s)
		}
	}
}

var spaces = regexp.MustCompile(` +`)

func squeeze(s string) string { return spaces.ReplaceAllString(s, " ") }

func (h *harness) mustNotSee(unwanted string) {
	h.t.Helper()
	if s := h.screen(); strings.Contains(s, unwanted) {
		h.t.Fatalf("screen shows %q:\n%s", unwanted, s)
	}
}

// newStore opens a fresh database; withCompany saves the company first so the
// TUI starts on the tabs rather than the first-run setup.
func newStore(t testing.TB, withCompany bool) *store.Store {
	t.Helper()
	st := storetest.Open(t)
	st.Now = func() time.Time { return time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC) }
	if withCompany {
		storetest.WithCompany(t, st)
	}
	return st
}

// addCustomers stores customers given as code, name, kana, phone.
func addCustomers(t testing.TB, st *store.Store, rows ...[4]string) {
	t.Helper()
	cs := make([]store.Customer, len(rows))
	for i, r := range rows {
		cs[i] = storetest.Customer(r[0], r[1])
		cs[i].Kana, cs[i].Phone = r[2], r[3]
	}
	storetest.AddCustomers(t, st, cs...)
}
