package tui

import (
	"github.com/charmbracelet/x/ansi"

	"daicho/tui/i18n"
)

// WarmUp starts, in the background, the work the first frame needs that the
// ledger does not: `daicho` calls it before it opens the ledger, so this runs
// on the other core while SQLite reads the schema (most of the open) instead
// of after it, on the way to the first rows (issue 17).
//
//   - The width table Bubble Tea's renderer measures the frame with until the
//     terminal says it counts graphemes (mode 2027; tmux does not): built on
//     the first character past U+02FF a frame holds, ≈10 ms of CPU and 2 MB,
//     it was the largest part of drawing the first frame — the yardstick's
//     ASCII-only frame never builds it.
//   - The language's messages (i18n.Preload), which the screens read as they
//     are made.
//
// Nothing is done that the first frame would not do anyway: with a core to
// spare the work leaves the path to the first rows; on a machine whose other
// core is busy it only moves ahead of the rows' render (measured here under
// load: main to rows on screen 79.5 vs 81.2 ms, median of 30 pairs).
func WarmUp(lang i18n.Lang) {
	go func() {
		i18n.Preload(lang)
		ansi.WcWidth.StringWidth("台帳")
	}()
}
