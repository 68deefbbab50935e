package tui

import (
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"
)

// The full help (?) lists every key of the view shown. bubbles' help draws
// each group of keys as one column side by side and cuts the columns that do
// not fit with "…": at 80 columns that hid half the keys of the busier
// screens. fitHelpColumns regroups the keys into columns that fit the width,
// as few rows high as possible, and FullHelpView then draws them as usual.

// fitHelpColumns returns the columns to draw groups in within width cells,
// with h's separator between them: the lowest layout that fits. At each
// height it prefers whole groups per column (each group read as one, as
// bubbles draws them), else lets the keys flow from one column into the next
// in their order. Only enabled keys count; when even one column is too wide,
// that column is returned and the caller cuts its lines.
func fitHelpColumns(h help.Model, groups [][]key.Binding, width int) [][]key.Binding {
	var kept [][]key.Binding
	n := 0
	for _, g := range groups {
		var on []key.Binding
		for _, b := range g {
			if b.Enabled() {
				on = append(on, b)
			}
		}
		if len(on) > 0 {
			kept = append(kept, on)
			n += len(on)
		}
	}
	if n == 0 {
		return nil
	}
	sep := lipgloss.Width(h.FullSeparator)
	for rows := 1; rows <= n; rows++ {
		if cols := packGroups(kept, rows); columnsWidth(cols, sep) <= width {
			return cols
		}
		if cols := flowKeys(kept, rows); columnsWidth(cols, sep) <= width {
			return cols
		}
	}
	return flowKeys(kept, n)
}

// packGroups puts whole groups into columns of at most rows keys, a group
// starting a new column when it does not fit below the one before; a group
// longer than rows fills columns of its own.
func packGroups(groups [][]key.Binding, rows int) [][]key.Binding {
	var cols [][]key.Binding
	var cur []key.Binding
	for _, g := range groups {
		if len(cur) > 0 && len(cur)+len(g) > rows {
			cols, cur = append(cols, cur), nil
		}
		for len(g) > 0 {
			take := min(rows-len(cur), len(g))
			cur, g = append(cur, g[:take]...), g[take:]
			if len(cur) == rows {
				cols, cur = append(cols, cur), nil
			}
		}
	}
	if len(cur) > 0 {
		cols = append(cols, cur)
	}
	return cols
}

// flowKeys lays the keys of every group, in order, into columns of rows keys.
func flowKeys(groups [][]key.Binding, rows int) [][]key.Binding {
	var all []key.Binding
	for _, g := range groups {
		all = append(all, g...)
	}
	var cols [][]key.Binding
	for len(all) > 0 {
		take := min(rows, len(all))
		cols, all = append(cols, all[:take]), all[take:]
	}
	return cols
}

// columnsWidth is how wide FullHelpView draws cols: per column its widest
// key, a space and its widest description, and sep cells between columns.
func columnsWidth(cols [][]key.Binding, sep int) int {
	total := 0
	for i, c := range cols {
		keyW, descW := 0, 0
		for _, b := range c {
			keyW = max(keyW, lipgloss.Width(b.Help().Key))
			descW = max(descW, lipgloss.Width(b.Help().Desc))
		}
		if i > 0 {
			total += sep
		}
		total += keyW + 1 + descW
	}
	return total
}
