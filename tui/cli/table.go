package cli

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// The table format of every command that prints for a person (--format
// table, the default): terminal output, so it lives with the CLI rather than
// with the file formats of store/exchange.

// writeTable writes rows (the first is the header) as columns two spaces
// apart, padded by display width so that a kanji (two cells) lines up with
// Latin text (one cell): the table format of `daicho list`. The columns
// numbered in right (amounts) are aligned on the right. Trailing spaces are
// dropped.
func writeTable(w io.Writer, rows [][]string, right ...int) error {
	widths := make([]int, len(rows[0]))
	for _, row := range rows {
		for i, cell := range row {
			widths[i] = max(widths[i], ansi.StringWidth(cell))
		}
	}
	var line strings.Builder
	for _, row := range rows {
		line.Reset()
		for i, cell := range row {
			pad := strings.Repeat(" ", widths[i]-ansi.StringWidth(cell))
			if slices.Contains(right, i) {
				line.WriteString(pad + cell)
			} else {
				line.WriteString(cell + pad)
			}
			if i < len(row)-1 {
				line.WriteString("  ")
			}
		}
		if _, err := fmt.Fprintln(w, strings.TrimRight(line.String(), " ")); err != nil {
			return err
		}
	}
	return nil
}

// indented writes a table two spaces in, under a heading (an invoice of the
// billing run, a section of a bank import).
func indented(w io.Writer, rows [][]string, right ...int) error {
	var table strings.Builder
	if err := writeTable(&table, rows, right...); err != nil {
		return err
	}
	for _, line := range strings.Split(strings.TrimRight(table.String(), "\n"), "\n") {
		if _, err := fmt.Fprintln(w, "  "+line); err != nil {
			return err
		}
	}
	return nil
}
