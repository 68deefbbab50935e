package tui

import "github.com/charmbracelet/x/ansi"

// measureSample is how many rows Measure reads: enough to see the widest
// values of a column, few enough that 10,000 customers measure in a blink.
const measureSample = 400

// Measure reads the columns' natural widths (title and content) from the rows
// and lays the table out again. Call it when the rows are new (a load), not on
// every filter keystroke, so the columns stand still while the user types.
func (t *Table) Measure() {
	t.natural = make([]int, len(t.Columns))
	for i, c := range t.Columns {
		t.natural[i] = ansi.StringWidth(c.Title)
	}
	if t.Cell != nil && t.rows > 0 {
		step := max(1, t.rows/measureSample)
		for r := 0; r < t.rows; r += step {
			t.measureRow(r)
		}
		t.measureRow(t.rows - 1)
	}
	t.layout()
}

// naturalWidth is the width at which no shown column is cut: each at its
// measured width or its Min, one space between them (after Measure).
func (t *Table) naturalWidth() int {
	w := -1
	for i, c := range t.Columns {
		if t.widths != nil && i < len(t.widths) && t.widths[i] < 0 {
			continue // hidden
		}
		n := c.Min
		if i < len(t.natural) {
			n = max(n, t.natural[i])
		}
		w += n + 1
	}
	return max(w, 0)
}

func (t *Table) measureRow(r int) {
	for c := range t.Columns {
		t.natural[c] = max(t.natural[c], ansi.StringWidth(t.Cell(r, c)))
	}
}

// layout shares the width among the shown columns, one space between them:
//  1. every column starts at Min; Whole columns (numbers, dates) at their
//     measured width and amounts at least there, so they are never cut;
//  2. if that is too wide, the other columns give up cells, widest first;
//  3. spare cells go to the columns that are cut (a phone number, a method,
//     a name), a round at a time: a cell each, Grow cells to growing ones;
//  4. what is left goes to the growing columns in proportion to Grow.
func (t *Table) layout() {
	n := len(t.Columns)
	t.widths = make([]int, n)
	want := make([]int, n)
	shown := 0
	for i, c := range t.Columns {
		if t.width < c.WideOnly {
			t.widths[i] = -1 // hidden
			continue
		}
		shown++
		want[i] = c.Min
		if i < len(t.natural) {
			want[i] = max(t.natural[i], ansi.StringWidth(c.Title))
		}
		switch {
		case c.Right: // an amount: Min holds the largest plausible figure, beyond the rows measured
			t.widths[i] = max(c.Min, want[i])
		case c.Whole && i < len(t.natural): // numbers and dates: as wide as they are, measured
			t.widths[i] = want[i]
		default:
			t.widths[i] = c.Min
		}
	}
	spare := t.width - max(0, shown-1) - t.sumWidths()
	if spare < 0 {
		t.shrink(-spare)
		return
	}
	t.giveByGrow(t.giveToCut(spare, want))
}

func (t *Table) sumWidths() int {
	sum := 0
	for _, w := range t.widths {
		sum += max(0, w)
	}
	return sum
}

// shrink takes cells from the columns that may be cut, widest first, down to
// three cells each (an ellipsis still says something is there).
func (t *Table) shrink(cells int) {
	const floor = 3
	for ; cells > 0; cells-- {
		widest := -1
		for i, c := range t.Columns {
			if c.Right || c.Whole || t.widths[i] <= floor {
				continue
			}
			if widest < 0 || t.widths[i] > t.widths[widest] {
				widest = i
			}
		}
		if widest < 0 {
			return
		}
		t.widths[widest]--
	}
}

// giveToCut widens the cut columns towards their natural width, one round at
// a time in proportion to Grow (at least a cell), and returns the spare
// cells left.
func (t *Table) giveToCut(spare int, want []int) int {
	for spare > 0 {
		gave := false
		for i, c := range t.Columns {
			if spare == 0 || t.widths[i] < 0 || t.widths[i] >= want[i] {
				continue
			}
			d := min(max(1, c.Grow), want[i]-t.widths[i], spare)
			t.widths[i] += d
			spare -= d
			gave = true
		}
		if !gave {
			break
		}
	}
	return spare
}

// giveByGrow shares the spare cells among the growing columns in proportion
// to Grow; rounding leftovers go to the last growing column.
func (t *Table) giveByGrow(spare int) {
	grow := 0
	for i, c := range t.Columns {
		if t.widths[i] >= 0 {
			grow += c.Grow
		}
	}
	if spare <= 0 || grow == 0 {
		return
	}
	given := 0
	for i, c := range t.Columns {
		if t.widths[i] < 0 {
			continue
		}
		extra := spare * c.Grow / grow
		t.widths[i] += extra
		given += extra
	}
	for i := len(t.Columns) - 1; i >= 0; i-- {
		if t.Columns[i].Grow > 0 && t.widths[i] >= 0 {
			t.widths[i] += spare - given
			break
		}
	}
}
