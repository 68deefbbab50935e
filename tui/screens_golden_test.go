package tui

import (
	"fmt"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"daicho/tui/i18n"
)

// TestScreensGolden keeps every screen as the user sees it — each tab's list,
// the record views opened with enter from the first row and the bank
// reconciliation — at 80×24 and 120×35 in both languages, on the small demo,
// so that a cut-off column or a wrong word shows as a diff in review.
func TestScreensGolden(t *testing.T) {
	st := reportsLedger(t)
	for _, size := range termSizes {
		width, height := size[0], size[1]
		var cases []helpCase
		for i, name := range screenNames {
			cases = append(cases, helpCase{name, []string{string(rune('1' + i))}})
		}
		for i, name := range screenNames[:4] {
			cases = append(cases, helpCase{name + "_detail", []string{string(rune('1' + i)), "enter"}})
		}
		cases = append(cases, helpCase{"payments_reconcile", []string{"4", "b"}})
		for _, lang := range []i18n.Lang{i18n.EN, i18n.JA} {
			for _, c := range cases {
				t.Run(fmt.Sprintf("%s_%dx%d_%s", c.name, width, height, lang), func(t *testing.T) {
					h := newHarness(t, st, lang, width, height)
					h.press(c.keys...)
					view := h.screen()
					checkFits(t, view, width, height)
					golden.RequireEqual(t, []byte(view+"\n"))
				})
			}
		}
	}
}
