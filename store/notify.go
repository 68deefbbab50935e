package store

import (
	"context"
	"fmt"
	"time"
)

// Notices (担当者への通知): what each person in charge is told by `daicho
// notify` — their customers' invoices that became overdue, deposits left
// unmatched, contracts to renew within their notice period and inquiries
// whose follow-up day has come. Each item is told to a person once per
// stage: the notify log (notify_log) keeps what was told to whom, and
// Notices leaves out what it holds.

// The kinds of notice item (the JSON of `notify --dry-run --format json`).
const (
	NoticeOverdue  = "overdue"  // an invoice became overdue; ref: its number
	NoticeStage    = "stage"    // an invoice reached a new reminder stage; ref: its number
	NoticeDeposit  = "deposit"  // a deposit unmatched too long; ref: the bank line's id
	NoticeRenewal  = "renewal"  // a contract within its notice period; ref: its number
	NoticeFollowUp = "followup" // an inquiry's follow-up day has come; ref: its id
)

// NoticeItem is one thing a person is told.
type NoticeItem struct {
	Kind         string
	Ref          string // invoice number, bank line id, contract number or inquiry id
	Stage        string // what about Ref is told: an item is told once per stage
	CustomerCode string // "": a deposit no customer is known for
	CustomerName string
	Date         time.Time // the due date, the deposit's date, the contract's end, the follow-up day
	Amount       Money     // open on the invoice, the deposit; 0 for the others
	Text         string    // the payer's name, the contract's title, the inquiry's subject, the stage's name
	Days         int       // days overdue, days unmatched; days to the contract's end
}

// Notice is one person's mail: their items, overdue first, in the order of
// noticeSources.
type Notice struct {
	Staff Staff
	Items []NoticeItem
}

// routedItem is an item and the person in charge it goes to ("": every
// staff member: a deposit nobody's customer is known for).
type routedItem struct {
	person string
	item   NoticeItem
}

// noticeSource gathers the items of one kind as of a day.
type noticeSource struct {
	kind   string
	gather func(ctx context.Context, g *noticeGathering) ([]routedItem, error)
}

// noticeSources are the kinds of item a notice lists, in the order the mail
// lists them.
var noticeSources = []noticeSource{
	{NoticeOverdue, overdueNotices},
	{NoticeStage, stageNotices},
	{NoticeDeposit, depositNotices},
	{NoticeRenewal, renewalNotices},
	{NoticeFollowUp, followUpNotices},
}

// noticeGathering is what the sources share: the day, the settings and the
// customers' people in charge.
type noticeGathering struct {
	s        *Store
	asOf     time.Time
	settings NotifySettings
	persons  map[int64]string // customer id → person in charge
}

// Notices gathers what each person in charge is to be told as of asOf (a
// date) and has not been told yet: one Notice per staff member with
// something to tell, by name. A staff member without an email is listed too
// (the caller says they cannot be mailed).
func (s *Store) Notices(ctx context.Context, asOf time.Time) ([]Notice, error) {
	asOf = dateOnly(asOf)
	settings, err := s.NotifySettings(ctx)
	if err != nil {
		return nil, err
	}
	g, err := s.gathering(ctx, asOf, settings)
	if err != nil {
		return nil, err
	}
	staff, err := s.StaffList(ctx)
	if err != nil {
		return nil, err
	}
	told, err := s.toldItems(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]Notice, len(staff))
	for i, m := range staff {
		out[i] = Notice{Staff: m}
	}
	for _, src := range noticeSources {
		items, err := src.gather(ctx, g)
		if err != nil {
			return nil, err
		}
		for _, r := range items {
			for i := range out {
				mine := r.person == "" || r.person == out[i].Staff.Name
				if mine && !told[toldKey{out[i].Staff.ID, r.item.Kind, r.item.Ref, r.item.Stage}] {
					out[i].Items = append(out[i].Items, r.item)
				}
			}
		}
	}
	kept := out[:0]
	for _, n := range out {
		if len(n.Items) > 0 {
			kept = append(kept, n)
		}
	}
	return kept, nil
}

func (s *Store) gathering(ctx context.Context, asOf time.Time, settings NotifySettings) (*noticeGathering, error) {
	g := &noticeGathering{s: s, asOf: asOf, settings: settings, persons: map[int64]string{}}
	customers, err := s.CustomerSummaries(ctx)
	if err != nil {
		return nil, err
	}
	for _, c := range customers {
		g.persons[c.ID] = c.PersonInCharge
	}
	return g, nil
}

// Queue is what a person in charge has waiting as of asOf, told or not:
// their customers' overdue invoices, every unmatched deposit that is likely
// their customer's or nobody's, their renewals and their follow-ups due —
// the first screen of their TUI. The items come in the order of
// noticeSources, as a notice lists them.
func (s *Store) Queue(ctx context.Context, person string, asOf time.Time) ([]NoticeItem, error) {
	asOf = dateOnly(asOf)
	settings, err := s.NotifySettings(ctx)
	if err != nil {
		return nil, err
	}
	settings.DepositDays = -1 // every deposit waiting, however new
	g, err := s.gathering(ctx, asOf, settings)
	if err != nil {
		return nil, err
	}
	var out []NoticeItem
	for _, src := range noticeSources {
		items, err := src.gather(ctx, g)
		if err != nil {
			return nil, err
		}
		for _, r := range items {
			if r.person == "" || r.person == person {
				out = append(out, r.item)
			}
		}
	}
	return out, nil
}

type toldKey struct {
	staff            int64
	kind, ref, stage string
}

func (s *Store) toldItems(ctx context.Context) (map[toldKey]bool, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT staff_id, kind, ref, stage FROM notify_log`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	told := map[toldKey]bool{}
	for rows.Next() {
		var k toldKey
		if err := rows.Scan(&k.staff, &k.kind, &k.ref, &k.stage); err != nil {
			return nil, err
		}
		told[k] = true
	}
	return told, rows.Err()
}

// overdueNotices: the invoices overdue as of the day, to their customer's
// person in charge, once each.
func overdueNotices(ctx context.Context, g *noticeGathering) ([]routedItem, error) {
	over, err := g.s.Overdue(ctx, g.asOf)
	if err != nil {
		return nil, err
	}
	var out []routedItem
	for _, o := range over {
		if o.PersonInCharge == "" {
			continue
		}
		out = append(out, routedItem{o.PersonInCharge, NoticeItem{Kind: NoticeOverdue, Ref: o.Number, Stage: NoticeOverdue,
			CustomerCode: o.CustomerCode, CustomerName: o.CustomerName, Date: o.DueDate, Amount: o.Open, Days: o.DaysOverdue}})
	}
	return out, nil
}

// stageNotices: the invoices whose next reminder stage is due (held
// customers left out: Store.ReminderStages), told once per stage.
func stageNotices(ctx context.Context, g *noticeGathering) ([]routedItem, error) {
	due, err := g.s.ReminderStages(ctx, g.asOf)
	if err != nil {
		return nil, err
	}
	var out []routedItem
	for _, is := range due {
		if is.PersonInCharge == "" {
			continue
		}
		out = append(out, routedItem{is.PersonInCharge, NoticeItem{Kind: NoticeStage, Ref: is.Number, Stage: is.Stage,
			CustomerCode: is.CustomerCode, CustomerName: is.CustomerName, Date: is.Date, Amount: is.Open, Text: is.Stage}})
	}
	return out, nil
}

// depositNotices: the deposits waiting longer than the settings allow (see
// StaleDeposits), to the person in charge of the customer the matcher finds
// most likely, or to everyone when it finds none.
func depositNotices(ctx context.Context, g *noticeGathering) ([]routedItem, error) {
	lines, err := g.s.StaleDeposits(ctx, g.asOf, g.settings.DepositDays)
	if err != nil || len(lines) == 0 {
		return nil, err
	}
	cands, err := g.s.CandidatesForAll(ctx, lines)
	if err != nil {
		return nil, err
	}
	out := make([]routedItem, 0, len(lines))
	for _, l := range lines {
		it := NoticeItem{Kind: NoticeDeposit, Ref: fmt.Sprint(l.ID), Stage: l.State, Date: l.Date, Amount: l.Amount,
			Text: l.PayerName, Days: int(g.asOf.Sub(l.Date).Hours() / 24)}
		person := ""
		if cs := cands[l.ID]; len(cs) > 0 {
			it.CustomerCode, it.CustomerName, person = cs[0].CustomerCode, cs[0].CustomerName, g.persons[cs[0].CustomerID]
		}
		out = append(out, routedItem{person, it})
	}
	return out, nil
}

// StaleDeposits lists the bank lines waiting for someone longer than days
// as of asOf: still unmatched (open or held) and dated more than days before
// it. It is the one place that says which deposits are waiting.
func (s *Store) StaleDeposits(ctx context.Context, asOf time.Time, days int) ([]BankLine, error) {
	before := FormatDate(dateOnly(asOf).AddDate(0, 0, -days))
	return s.queryBankLines(ctx, `SELECT `+bankLineColumns+` FROM bank_lines
		WHERE state IN (?, ?) AND date < ? ORDER BY date, id`, LineOpen, LineHeld, before)
}

// renewalNotices: the contracts needing a decision (RenewalsDue), to the
// contract's person in charge (else its customer's), once per term.
func renewalNotices(ctx context.Context, g *noticeGathering) ([]routedItem, error) {
	due, err := g.s.RenewalsDue(ctx, g.asOf)
	if err != nil {
		return nil, err
	}
	var out []routedItem
	for _, c := range due {
		person := c.PersonInCharge
		if person == "" {
			person = g.persons[c.CustomerID]
		}
		if person == "" {
			continue
		}
		out = append(out, routedItem{person, NoticeItem{Kind: NoticeRenewal, Ref: c.Number, Stage: FormatDate(c.End),
			CustomerCode: c.CustomerCode, CustomerName: c.CustomerName, Date: c.End, Text: c.Title,
			Days: int(c.End.Sub(g.asOf).Hours() / 24)}})
	}
	return out, nil
}

// followUpNotices: the inquiries not closed whose follow-up day is the day
// or before, to the person looking after it when that is a staff member,
// else the customer's person in charge; once per follow-up day (a new day
// set is told again).
func followUpNotices(ctx context.Context, g *noticeGathering) ([]routedItem, error) {
	rows, err := g.s.db.QueryContext(ctx, inquirySelect+` WHERE i.status <> ? AND i.follow_up <> '' AND i.follow_up <= ?
		ORDER BY i.follow_up, i.id`, InquiryClosed, FormatDate(g.asOf))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var qs []Inquiry
	for rows.Next() {
		q, err := scanInquiry(rows)
		if err != nil {
			return nil, err
		}
		qs = append(qs, q)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	staff, err := g.s.StaffList(ctx)
	if err != nil {
		return nil, err
	}
	isStaff := map[string]bool{}
	for _, m := range staff {
		isStaff[m.Name] = true
	}
	var out []routedItem
	for _, q := range qs {
		person := q.Person
		if !isStaff[person] {
			person = g.persons[q.CustomerID]
		}
		if person == "" {
			continue
		}
		out = append(out, routedItem{person, NoticeItem{Kind: NoticeFollowUp, Ref: fmt.Sprint(q.ID),
			Stage: FormatDate(q.FollowUp), CustomerCode: q.CustomerCode, CustomerName: q.CustomerName,
			Date: q.FollowUp, Text: q.Subject}})
	}
	return out, nil
}

// RecordNotice logs, in one transaction with an audit row, that n's items
// were told to its staff member as of asOf: the mail left by method (and
// file, for an .eml). An item already logged (another run in between) is
// left as it is.
func (s *Store) RecordNotice(ctx context.Context, n Notice, asOf time.Time, method, file string) error {
	if method != MailSMTP && method != MailEML {
		return Invalid("method", "choice", MailSMTP+", "+MailEML)
	}
	return s.write(ctx, func(tx *Tx) error {
		for _, it := range n.Items {
			if _, err := tx.ExecContext(tx.ctx, `INSERT INTO notify_log (staff_id, kind, ref, stage, as_of, method, file, actor, sent_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`, n.Staff.ID, it.Kind, it.Ref, it.Stage,
				FormatDate(asOf), method, file, tx.actor, stamp(tx.now)); err != nil {
				return err
			}
		}
		kinds := map[string]int{}
		for _, it := range n.Items {
			kinds[it.Kind]++
		}
		return tx.audit("notify", "staff", n.Staff.Name, nil, map[string]any{"as_of": FormatDate(asOf),
			"to": n.Staff.Email, "items": kinds, "method": method, "file": file})
	})
}

// NotifySettings say when `daicho serve` sends the day's notices and how
// long a deposit may wait before it is told.
type NotifySettings struct {
	DepositDays int    `json:"deposit_days"` // a deposit unmatched longer than this many days is told
	SendAt      string `json:"send_at"`      // "HH:MM": serve sends the notices daily at that time; "": never
	Version     int64  `json:"-"`
}

// Validate checks the settings in place.
func (n *NotifySettings) Validate() error {
	var ck checker
	ck.intRange("deposit_days", n.DepositDays, 0, 365, 0)
	if n.SendAt != "" {
		if t, err := time.Parse("15:04", n.SendAt); err != nil || t.Format("15:04") != n.SendAt {
			ck.add("send_at", "notify.send_at_format")
		}
	}
	return ck.errs.OrNil()
}

// NotifySettings reads the settings.
func (s *Store) NotifySettings(ctx context.Context) (NotifySettings, error) {
	var n NotifySettings
	err := s.db.QueryRowContext(ctx, `SELECT deposit_days, send_at, version FROM notify_settings WHERE id = 1`).
		Scan(&n.DepositDays, &n.SendAt, &n.Version)
	return n, err
}

// SaveNotifySettings saves n (n.Version must be the one read).
func (s *Store) SaveNotifySettings(ctx context.Context, n *NotifySettings) error {
	if err := n.Validate(); err != nil {
		return err
	}
	err := s.write(ctx, func(tx *Tx) error {
		var before NotifySettings
		if err := tx.QueryRowContext(tx.ctx, `SELECT deposit_days, send_at, version FROM notify_settings WHERE id = 1`).
			Scan(&before.DepositDays, &before.SendAt, &before.Version); err != nil {
			return err
		}
		if before.Version != n.Version {
			return tx.staleError("notify_settings", "notify_settings")
		}
		if _, err := tx.ExecContext(tx.ctx, `UPDATE notify_settings SET deposit_days = ?, send_at = ?, version = version + 1,
			updated_at = ? WHERE id = 1`, n.DepositDays, n.SendAt, stamp(tx.now)); err != nil {
			return err
		}
		return tx.audit("update", "notify_settings", "notify_settings", before, n)
	})
	if err == nil {
		n.Version++
	}
	return err
}
