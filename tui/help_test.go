package tui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"daicho/tui/i18n"
)

// screenNames are the tabs in order, as the golden files are named.
var screenNames = []string{"customers", "contracts", "documents", "payments", "overdue", "inquiries", "reports"}

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
