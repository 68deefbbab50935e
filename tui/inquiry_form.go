package tui

import (
	"context"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"daicho/store"
)

// The inquiry form (問合せ): one dialog over whichever screen asked for it,
// so an inquiry is logged without leaving the customer, document, invoice,
// contract or payment at hand. Every way in goes through openInquiryForm (a
// new inquiry) or editInquiry (a stored one): both load what the form needs
// in a tea.Cmd and come back as an inquiryFormMsg, which the Inquiries
// screen — always there, and the owner of the inquiry messages — opens as
// the dialog. The dialog stays open while its save is on its way, so a
// refusal (a stale version, an unknown document number) lands on the form.

type (
	// inquiryFormMsg carries an inquiry to show in the form.
	inquiryFormMsg struct {
		q       store.Inquiry
		created bool
		draft   bool // opened from a draft document, which cannot be linked yet
		err     error
	}
	// inquirySavedMsg reports a saved inquiry: every screen showing
	// inquiries reloads them.
	inquirySavedMsg struct {
		q       store.Inquiry
		created bool
		dlg     *inquiryDialog
	}
	inquirySaveFailedMsg struct {
		err error
		dlg *inquiryDialog
	}
)

// openInquiryForm opens the form for a new inquiry of a customer, dated
// today and looked after by the customer's person in charge. With a document
// (an invoice on the overdue list, the document under the cursor), the
// inquiry is linked to it, and customerID may be 0: the document's customer.
func openInquiryForm(e env, customerID, documentID int64) tea.Cmd {
	st, ctx := e.st, e.ctx
	return func() tea.Msg {
		q := store.Inquiry{CustomerID: customerID, Date: store.Today(st.Now()), Channel: store.ChannelPhone,
			Status: store.InquiryOpen}
		draft := false
		if documentID != 0 {
			d, err := st.Document(ctx, documentID)
			if err != nil {
				return inquiryFormMsg{err: err}
			}
			if q.CustomerID == 0 {
				q.CustomerID = d.CustomerID
			}
			switch {
			case d.Status == store.StatusDraft:
				draft = true
			case d.CustomerID == q.CustomerID:
				q.DocumentID, q.DocumentNumber = d.ID, d.Number
			}
		}
		c, err := st.Customer(ctx, q.CustomerID)
		if err != nil {
			return inquiryFormMsg{err: err}
		}
		q.CustomerCode, q.CustomerName, q.CustomerKana, q.Person = c.Code, c.Name, c.Kana, c.PersonInCharge
		return inquiryFormMsg{q: q, created: true, draft: draft}
	}
}

// editInquiry opens the form over the stored inquiry (its version now: a
// save after someone else's is refused).
func editInquiry(e env, id int64) tea.Cmd {
	st, ctx := e.st, e.ctx
	return func() tea.Msg {
		q, err := st.Inquiry(ctx, id)
		return inquiryFormMsg{q: q, err: err}
	}
}

// inquiryDialog is the form in the root's dialog slot.
type inquiryDialog struct {
	kit
	st         *store.Store // the save is the dialog's own
	ctx        context.Context
	form       *Form
	q          store.Inquiry // as loaded: id, customer, version, document
	created    bool
	confirming bool // esc with changes: asking whether to discard them
	saving     bool // the save is on its way; keys wait for its answer
	discard    DialogKeyMap
}

func newInquiryDialog(e env, msg inquiryFormMsg, width, height int) *inquiryDialog {
	p, st, q := e.p, e.styles, msg.q
	name := store.FoldDisplay(q.CustomerName)
	title := p.T("inq.edit_title", q.ID, q.CustomerCode, name)
	if msg.created {
		title = p.T("inq.new_title", q.CustomerCode, name)
	}
	channels := make([]Choice, len(store.InquiryChannels))
	for i, c := range store.InquiryChannels {
		channels[i] = Choice{c, p.T("inq.channel." + c)}
	}
	statuses := make([]Choice, len(store.InquiryStatuses))
	for i, s := range store.InquiryStatuses {
		statuses[i] = Choice{s, p.T("inq.status." + s)}
	}
	docHint := p.T("inq.document_hint")
	if msg.draft {
		docHint = p.T("inq.document_draft_hint")
	}
	fields := []*Field{
		TextField("date", p.T("field.date"), store.FormatDate(q.Date), p.T("inq.date_hint"), st),
		ChoiceField("channel", p.T("field.channel"), channels, q.Channel),
		TextField("subject", p.T("field.subject"), q.Subject, "", st),
		AreaField("body", p.T("field.body"), q.Body, p.T("inq.body_hint"), 4, st),
		ChoiceField("status", p.T("field.status"), statuses, q.Status),
		TextField("person", p.T("field.person"), q.Person, "", st),
		TextField("document", p.T("field.document"), q.DocumentNumber, docHint, st),
		TextField("follow_up", p.T("field.follow_up"), store.FormatDate(q.FollowUp), p.T("inq.follow_up_hint"), st),
	}
	d := &inquiryDialog{kit: e.kit, st: e.st, ctx: e.ctx, form: NewForm(title, fields, DefaultFormKeyMap(p), e.styles), q: q,
		created: msg.created, discard: DefaultDialogKeyMap(p)}
	if msg.created {
		d.form.setFocus(d.form.index("subject")) // the date and channel are usually right already
	}
	d.SetSize(width, height)
	return d
}

// SetSize fits the dialog in a screen of width × height: the box's border
// and padding take 6 columns and 4 lines, the status under the form 2 lines.
func (d *inquiryDialog) SetSize(width, height int) {
	d.form.SetSize(max(30, min(width-8, 84)), max(6, height-6))
}

// inquiry reads the form. Dates that are not dates are reported here (the
// store's Validate would only add "required"); the rest by Validate.
func (d *inquiryDialog) inquiry() (store.Inquiry, error) {
	q, v := d.q, d.form.Value
	var errs store.Errors
	unreadable := map[string]bool{}
	date := func(field string, required bool) time.Time {
		s := strings.TrimSpace(v(field))
		if s == "" {
			if required {
				errs = append(errs, store.Invalid(field, "required"))
				unreadable[field] = true
			}
			return time.Time{}
		}
		t, err := store.ParseDate(s)
		if e, ok := store.AsError(err); ok {
			errs = append(errs, store.Invalid(field, e.Reason, e.Args...))
			unreadable[field] = true
		}
		return t
	}
	q.Date, q.FollowUp = date("date", true), date("follow_up", false)
	q.Channel, q.Subject, q.Status, q.Person = v("channel"), v("subject"), v("status"), v("person")
	q.Body = strings.TrimRight(v("body"), " \n")
	// A number typed anew is looked up when saving, in the same
	// transaction; one left as loaded keeps its link.
	if number := strings.TrimSpace(v("document")); number != d.q.DocumentNumber {
		q.DocumentID, q.DocumentNumber = 0, number
	}
	for _, fe := range store.FieldErrors(q.Validate()) {
		if !unreadable[fe.Field] {
			errs = append(errs, fe)
		}
	}
	return q, errs.OrNil()
}

func (d *inquiryDialog) Update(msg tea.Msg) (bool, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok || d.saving {
		return false, nil
	}
	if d.confirming {
		switch {
		case key.Matches(k, d.discard.Yes):
			return true, nil
		case key.Matches(k, d.discard.No):
			d.confirming = false
		}
		return false, nil
	}
	switch {
	case key.Matches(k, d.form.Keys.Save):
		q, err := d.inquiry()
		d.form.SetErrors(err, d.p)
		if err != nil {
			return false, statusErr(d.p.T("inq.not_saved"))
		}
		d.saving = true
		return false, d.save(q)
	case key.Matches(k, d.form.Keys.Cancel), k.String() == "ctrl+c":
		if d.form.Dirty() {
			d.confirming = true
			return false, nil
		}
		return true, nil
	}
	return false, d.form.Update(k)
}

// save writes the inquiry; the answer comes back to the Inquiries screen,
// which closes the dialog or shows the refusal on it.
func (d *inquiryDialog) save(q store.Inquiry) tea.Cmd {
	st, ctx, created := d.st, d.ctx, d.created
	return func() tea.Msg {
		var err error
		if created {
			err = st.CreateInquiry(ctx, &q)
		} else {
			err = st.UpdateInquiry(ctx, &q)
		}
		if err != nil {
			return inquirySaveFailedMsg{err: err, dlg: d}
		}
		return inquirySavedMsg{q: q, created: created, dlg: d}
	}
}

// failed shows a refused save on the form and gives it the keyboard back.
func (d *inquiryDialog) failed(err error) {
	d.saving = false
	d.form.SetErrors(err, d.p)
}

func (d *inquiryDialog) View() string {
	v := d.form.View()
	switch {
	case d.confirming:
		v += "\n\n" + d.styles.StatusError.Render(d.p.T("confirm.discard")) + "  " + d.styles.Dim.Render(d.p.T("confirm.keys"))
	case d.saving:
		v += "\n\n" + d.styles.Dim.Render(d.p.T("inq.saving"))
	}
	return v
}

func (d *inquiryDialog) ShortHelp() []key.Binding {
	if d.confirming {
		return []key.Binding{d.discard.Yes, d.discard.No}
	}
	f := d.form.Keys
	return []key.Binding{f.Next, f.Prev, f.Choose, f.Save, f.Cancel}
}

// closeDialog closes d if it is still the open dialog (and not one opened
// after it).
func (k kit) closeDialog(d dialog) {
	if k.ui.d == d {
		k.ui.d = nil
	}
}
