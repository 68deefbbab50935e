package store

import (
	"cmp"
	"context"
	"database/sql"
	"slices"
)

// grouped is the rows of a table that belong to another record (a payment's
// allocations, an invoice's adjustments), read in one scan as encodings and
// sorted by that record; the records, read in id order, take theirs from
// the front.
type grouped struct {
	arena []byte
	refs  []groupedRow
}

type groupedRow struct {
	group    int64
	from, to int
}

// readGrouped reads query, whose rows are concat(group id, ';', encoding),
// keeping each group's rows in storage (id) order.
func readGrouped(ctx context.Context, q queryer, query string) (*grouped, error) {
	rows, err := q.QueryContext(ctx, query)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	g := &grouped{}
	var raw sql.RawBytes
	for rows.Next() {
		if err := rows.Scan(&raw); err != nil {
			return nil, err
		}
		c := canonReader{b: raw}
		id := c.int()
		from := len(g.arena)
		g.arena = append(g.arena, c.b...)
		g.refs = append(g.refs, groupedRow{group: id, from: from, to: len(g.arena)})
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	slices.SortStableFunc(g.refs, func(a, b groupedRow) int { return cmp.Compare(a.group, b.group) })
	return g, nil
}

// take returns group id's encodings in dst (skipping the rows of groups that
// do not exist).
func (g *grouped) take(id int64, dst [][]byte) [][]byte {
	for len(g.refs) > 0 && g.refs[0].group < id {
		g.refs = g.refs[1:]
	}
	dst = dst[:0]
	for len(g.refs) > 0 && g.refs[0].group == id {
		dst = append(dst, g.arena[g.refs[0].from:g.refs[0].to])
		g.refs = g.refs[1:]
	}
	return dst
}
