package tui

import (
	"fmt"
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"daicho/tui/i18n"
)

// screenNames are the tabs in order, as the golden files are named.
var screenNames = []string{"customers", "contracts", "documents", "payments", "overdue", "inquiries", "reports"}

// termSizes are the two sizes every screen is tried at: the smallest usual
// terminal and a wide one.
var termSizes = [][2]int{{80, 24}, {120, 35}}

// helpCase is a view whose full help is checked: the keys that open it.
type helpCase struct {
	name string
	keys []string
}

// helpCases are every tab's list, and the record views opened with enter
// from the first row and the bank reconciliation (at 80×24 only: the wide
// size adds nothing there).
func helpCases(width int) []helpCase {
	var cases []helpCase
	for i, name := range screenNames {
		cases = append(cases, helpCase{name, []string{string(rune('1' + i)), "?"}})
	}
	if width == 80 {
		for i, name := range screenNames[:4] {
			cases = append(cases, helpCase{name + "_detail", []string{string(rune('1' + i)), "enter", "?"}})
		}
		cases = append(cases, helpCase{"payments_reconcile", []string{"4", "b", "?"}})
	}
	return cases
}

// Every screen's full help (?) fits the terminal in both languages, cuts
// nothing, and lists every key of the screen and the global keys; the body
// gives up the rows the help takes.
func TestFullHelpGolden(t *testing.T) {
	st := reportsLedger(t) // the small demo: every list has rows
	for _, size := range termSizes {
		for _, lang := range []i18n.Lang{i18n.EN, i18n.JA} {
			width, height := size[0], size[1]
			for _, c := range helpCases(width) {
				t.Run(fmt.Sprintf("%s_%dx%d_%s", c.name, width, height, lang), func(t *testing.T) {
					h := newHarness(t, st, lang, width, height)
					h.press(c.keys...)
					view := h.screen()
					checkFits(t, view, width, height)
					helpLines := lipgloss.Height(h.m.helpView())
					lines := strings.Split(view, "\n")
					shown := squeeze(strings.Join(lines[len(lines)-helpLines:], "\n"))
					if strings.Contains(shown, "…") {
						t.Errorf("the help is cut:\n%s", view)
					}
					for _, group := range h.m.fullHelpGroups(h.m.current()) {
						for _, b := range group {
							if item := squeeze(b.Help().Key + " " + b.Help().Desc); b.Enabled() && !strings.Contains(shown, item) {
								t.Errorf("the help lacks %q:\n%s", item, view)
							}
						}
					}
					golden.RequireEqual(t, []byte(view+"\n"))
				})
			}
		}
	}
}

// checkFits fails when the view has other than height lines or a line wider
// than width cells.
func checkFits(t *testing.T, view string, width, height int) {
	t.Helper()
	lines := strings.Split(view, "\n")
	if len(lines) != height {
		t.Fatalf("%d lines, want %d:\n%s", len(lines), height, view)
	}
	for i, l := range lines {
		if w := ansi.StringWidth(l); w > width {
			t.Fatalf("line %d is %d cells wide: %q", i, w, l)
		}
	}
}

// At 80 columns the tab bar names every tab, whichever is active: the
// active one in full and the others short where all titles do not fit.
func TestTabBarGolden80(t *testing.T) {
	st := newStore(t, true)
	for _, lang := range []i18n.Lang{i18n.EN, i18n.JA} {
		t.Run(string(lang), func(t *testing.T) {
			h := newHarness(t, st, lang, 80, 24)
			var bars []string
			for i := range screenNames {
				h.press(string(rune('1' + i)))
				bar := strings.Split(h.screen(), "\n")[0]
				if w := ansi.StringWidth(bar); w > 80 || strings.Contains(bar, "…") {
					t.Errorf("tab bar %d cells wide or cut: %q", w, bar)
				}
				for j := range screenNames {
					name := h.m.shortTitles[j]
					if j == i {
						name = h.m.screens[j].Title()
					}
					if !strings.Contains(bar, name) {
						t.Errorf("tab %d lacks %q: %q", j+1, name, bar)
					}
				}
				bars = append(bars, fmt.Sprintf("%d active: %s", i+1, bar))
			}
			golden.RequireEqual(t, []byte(strings.Join(bars, "\n")+"\n"))
		})
	}
}

// Too narrow for even one column, the full help keeps every key in one
// column (the root then cuts its lines), and it never loses a key.
func TestFitHelpColumnsKeepsEveryKey(t *testing.T) {
	m := New(nil, i18n.New(i18n.EN))
	groups := m.fullHelpGroups(m.screens[2])
	want := 0
	for _, g := range groups {
		want += len(g)
	}
	for _, width := range []int{1, 30, 80, 200} {
		cols := fitHelpColumns(m.help, groups, width)
		got := 0
		for _, c := range cols {
			got += len(c)
		}
		if got != want {
			t.Errorf("width %d: %d keys in %d columns, want %d", width, got, len(cols), want)
		}
		if width == 1 && len(cols) != 1 {
			t.Errorf("width 1: %d columns, want 1", len(cols))
		}
	}
}

// The reconciliation's help bar says how to go from deposit to deposit,
// even at 80 columns.
func TestReconcileHelpBarNamesJK(t *testing.T) {
	h := newHarness(t, reportsLedger(t), i18n.EN, 80, 24)
	h.press("4", "b")
	h.mustSee("j/k move")
}
