package pdf

import (
	"context"
	"regexp"
	"strings"
	"sync"
	"time"

	"daicho/store"
)

// BuildReminder gathers a payment reminder from the ledger: the customer's
// invoices overdue as of asOf with what was still open on each that day
// (store.CustomerOverdue: only what is dated on or before it counts), to be
// paid by payBy. It is dated today (the store's clock). It has no invoices
// when none is overdue; the caller says so. The overdue screen prints it and
// the reminder mail (pdf/mail) attaches it, so both list the same invoices.
func BuildReminder(ctx context.Context, st *store.Store, customerID int64, asOf, payBy time.Time) (Reminder, error) {
	company, err := st.Company(ctx)
	if err != nil {
		return Reminder{}, err
	}
	cu, err := st.Customer(ctx, customerID)
	if err != nil {
		return Reminder{}, err
	}
	asOf = store.DateOf(asOf.Date())
	overdue, err := st.CustomerOverdue(ctx, customerID, asOf)
	if err != nil {
		return Reminder{}, err
	}
	r := Reminder{Company: company, Customer: cu, Date: store.Today(st.Now()), AsOf: asOf, PayBy: payBy}
	for _, b := range overdue {
		r.Invoices = append(r.Invoices, ReminderInvoice{Number: b.Number, IssueDate: b.IssueDate,
			DueDate: b.DueDate, Total: b.Total, Open: b.Open})
	}
	return r, nil
}

// StageTitles are the letter titles of the reminder stages (issue 14), in
// the customer's language: the mail's subject is the stage's own.
var stageTitles = map[string][2]string{ // stage → {ja, en}
	store.StagePreDue:   {"お支払期日のご案内", "Payment due notice"},
	store.StageFriendly: {"お支払いのご確認", "Payment reminder"},
	store.StageFirm:     {"督促状", "Overdue notice"},
	store.StageFinal:    {"最終督促状", "Final notice"},
}

// StageTitle is the title a stage's letter carries.
func StageTitle(stage, lang string) string {
	t := stageTitles[stage]
	if lang == "en" {
		return t[1]
	}
	return t[0]
}

// StagePayBy is the day a stage's reminder asks payment by: the due date
// for the notice before it, two weeks from today for the others.
func StagePayBy(stage string, due, today time.Time) time.Time {
	if stage == store.StagePreDue {
		return due
	}
	return today.AddDate(0, 0, 14)
}

// BuildStageReminder gathers the reminder of one invoice's stage: that
// invoice with what is open on it as of asOf, the stage's letter title and
// its words with the placeholders filled, to be paid by StagePayBy. It also
// returns the stage's subject, filled, for the mail that carries it.
func BuildStageReminder(ctx context.Context, st *store.Store, it store.InvoiceStage, asOf time.Time) (Reminder, string, error) {
	company, err := st.Company(ctx)
	if err != nil {
		return Reminder{}, "", err
	}
	cu, err := st.Customer(ctx, it.CustomerID)
	if err != nil {
		return Reminder{}, "", err
	}
	stages, err := st.ReminderStageSettings(ctx)
	if err != nil {
		return Reminder{}, "", err
	}
	var setting store.ReminderStage
	for _, s := range stages {
		if s.Stage == it.Stage {
			setting = s
		}
	}
	if setting.Stage == "" {
		return Reminder{}, "", store.Invalid("stage", "choice", it.Stage)
	}
	today := store.Today(st.Now())
	payBy := StagePayBy(it.Stage, it.DueDate, today)
	cur, _ := store.CurrencyByCode(company.Currency)
	lang := cu.Language
	name := store.FoldDisplay(cu.Name)
	if cu.Honorific != "" {
		name += " " + cu.Honorific
	}
	values := map[string]string{"customer": name, "company": company.Name, "number": it.Number,
		"total": it.Open.Format(cur), "due_date": Date(lang, it.DueDate), "pay_by": Date(lang, payBy)}
	subject, body := setting.Text(lang)
	r := Reminder{Company: company, Customer: cu, Date: today, AsOf: store.DateOf(asOf.Date()), PayBy: payBy,
		Title: StageTitle(it.Stage, lang), Body: FillPlaceholders(body, values),
		Invoices: []ReminderInvoice{{Number: it.Number, IssueDate: it.IssueDate, DueDate: it.DueDate,
			Total: it.Total, Open: it.Open}}}
	return r, strings.Join(strings.Fields(FillPlaceholders(subject, values)), " "), nil
}

// stagePlaceholder is a {name}; compiled on first use, not at every
// start-up (issue 17).
var stagePlaceholder = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\{([a-z_]+)\}`) })

// FillPlaceholders puts values in place of {name}; unknown names stay.
func FillPlaceholders(text string, values map[string]string) string {
	return stagePlaceholder().ReplaceAllStringFunc(text, func(p string) string {
		if v, ok := values[p[1:len(p)-1]]; ok {
			return v
		}
		return p
	})
}
