package tui

import (
	tea "charm.land/bubbletea/v2"

	"daicho/store"
)

// announce sends the start-up status line: what is overdue (the overdue
// screen's line) and how many deposits are held, waiting to be named
// (issue 14: a held deposit is never out of view). Nothing to say, nothing
// sent.
func (s *overdueScreen) announce(overdue string) tea.Cmd {
	st, ctx, p, cur := s.st, s.ctx, s.p, s.currency()
	return func() tea.Msg {
		line := overdue
		if counts, err := st.BankLineCounts(ctx); err == nil {
			if held := counts[store.LineHeld]; held.Count > 0 {
				part := p.N("startup.held", held.Count, held.Count, held.Amount.Format(cur))
				if line != "" {
					line += " · "
				}
				line += part
			}
		}
		if line == "" {
			return nil
		}
		return statusMsg{text: line}
	}
}
