package mail

import (
	"context"
	"fmt"
	"strings"
	"time"

	"daicho/pdf"
	"daicho/store"
)

// MailNotice is the kind of a notice to a person in charge (担当者への通知):
// not a customer's mail, so it goes through Deliver and is logged in the
// notify log (store.RecordNotice), not the mail log.
const MailNotice = "notice"

// noticeText is the wording of a notice in one language.
type noticeText struct {
	subject  string // %s: the day, %d: items
	greeting string // %s: the person
	intro    string // %s: the day
	sections map[string]string
	item     map[string]string // per kind: the line of one item (see noticeLine)
	outro    string
}

var noticeTexts = map[string]noticeText{
	"ja": {
		subject:  "【daicho】%s の確認事項（%d 件）",
		greeting: "%s さん",
		intro:    "%s 時点で、担当の取引先について次の確認事項があります。",
		sections: map[string]string{
			store.NoticeOverdue:  "■ 支払期限を過ぎた請求書",
			store.NoticeStage:    "■ 督促の段階に達した請求書",
			store.NoticeDeposit:  "■ 消込されていない入金",
			store.NoticeRenewal:  "■ 更新の判断が必要な契約",
			store.NoticeFollowUp: "■ フォローアップ日が来た問い合わせ",
		},
		item: map[string]string{
			store.NoticeOverdue:  "%[1]s  %[2]s  期限 %[3]s（%[5]d 日超過）  未入金 %[4]s",
			store.NoticeStage:    "%[1]s  %[2]s  期限 %[3]s  未入金 %[4]s  段階：%[6]s",
			store.NoticeDeposit:  "入金 #%[1]s  %[3]s  %[4]s  振込人 %[6]s（%[5]d 日未消込）%[2]s",
			store.NoticeRenewal:  "%[1]s  %[2]s  %[6]s  終了日 %[3]s",
			store.NoticeFollowUp: "問い合わせ #%[1]s  %[2]s  %[6]s  フォローアップ日 %[3]s",
		},
		outro: "daicho を開くと、最初の画面にこれらが並びます。\n（このメールは daicho notify が送りました）",
	},
	"en": {
		subject:  "[daicho] To look at on %s: %d",
		greeting: "Dear %s,",
		intro:    "As of %s, these need you for your customers.",
		sections: map[string]string{
			store.NoticeOverdue:  "* Invoices past their due date",
			store.NoticeStage:    "* Invoices at a new reminder stage",
			store.NoticeDeposit:  "* Deposits not matched",
			store.NoticeRenewal:  "* Contracts to renew or end",
			store.NoticeFollowUp: "* Inquiries due for a follow-up",
		},
		item: map[string]string{
			store.NoticeOverdue:  "%[1]s  %[2]s  due %[3]s (%[5]d days overdue)  open %[4]s",
			store.NoticeStage:    "%[1]s  %[2]s  due %[3]s  open %[4]s  stage: %[6]s",
			store.NoticeDeposit:  "deposit #%[1]s  %[3]s  %[4]s  from %[6]s (unmatched %[5]d days) %[2]s",
			store.NoticeRenewal:  "%[1]s  %[2]s  %[6]s  ends %[3]s",
			store.NoticeFollowUp: "inquiry #%[1]s  %[2]s  %[6]s  follow up %[3]s",
		},
		outro: "Open daicho: your first screen lists them.\n(Sent by daicho notify)",
	},
}

// noticeKinds is the order of the sections.
var noticeKinds = []string{store.NoticeOverdue, store.NoticeStage, store.NoticeDeposit, store.NoticeRenewal,
	store.NoticeFollowUp}

// ComposeNotice makes the mail telling n's staff member their items as of
// asOf, in lang (ja or en: the office's language, not a customer's). A
// staff member without a valid email is refused with a reason.
func ComposeNotice(ctx context.Context, st *store.Store, n store.Notice, asOf time.Time, lang string) (Message, error) {
	co, err := st.Company(ctx)
	if err != nil {
		return Message{}, err
	}
	settings, err := st.MailSettings(ctx)
	if err != nil {
		return Message{}, err
	}
	if lang != "en" {
		lang = "ja"
	}
	m := Message{Kind: MailNotice, Lang: lang, To: strings.TrimSpace(n.Staff.Email),
		ToName: store.FoldDisplay(n.Staff.Name), From: settings.From, FromName: settings.FromName}
	if m.To == "" {
		return m, &store.Error{Code: store.CodeInvalid, Field: "email", Reason: "notify.no_email", Args: []any{n.Staff.Name}}
	}
	if !PlainAddress(m.To) {
		return m, &store.Error{Code: store.CodeInvalid, Field: "email", Reason: "notify.bad_email",
			Args: []any{n.Staff.Name, m.To}}
	}
	if m.From == "" {
		m.From = co.Email
	}
	if m.FromName == "" {
		m.FromName = co.Name
	}
	if m.From == "" {
		return m, store.Invalid("from_address", "mail.no_from")
	}
	if !PlainAddress(m.From) {
		return m, store.Invalid("from_address", "email.format")
	}
	cur, _ := store.CurrencyByCode(co.Currency)
	m.Subject, m.Body = NoticeText(n, asOf, lang, cur)
	// Nothing is attached: the name is only the .eml file's (writeEML),
	// notice_<key or id>_<day>.
	who := n.Staff.SSHKey
	if who == "" {
		who = fmt.Sprint(n.Staff.ID)
	}
	m.AttachmentName = pdf.CleanName("notice_" + who + "_" + store.FormatDate(asOf))
	return m, nil
}

// NoticeResult is what became of one person's notice.
type NoticeResult struct {
	Notice   store.Notice
	Message  Message
	Delivery Delivery // how it left (when Err is nil)
	Err      error    // not composed, not sent, or sent but not logged (*NotLoggedError)
}

// SendNotices sends each person in charge the notice of what they have not
// been told yet as of asOf (store.Notices), one mail each, and logs each
// mail's items once it left. One person's failure does not stop the
// others'; it is in their result.
func (s Sender) SendNotices(ctx context.Context, st *store.Store, asOf time.Time, lang string) ([]NoticeResult, error) {
	notices, err := st.Notices(ctx, asOf)
	if err != nil {
		return nil, err
	}
	out := make([]NoticeResult, len(notices))
	for i, n := range notices {
		r := &out[i]
		r.Notice = n
		if r.Message, r.Err = ComposeNotice(ctx, st, n, asOf, lang); r.Err != nil {
			continue
		}
		if r.Delivery, r.Err = s.Deliver(ctx, st, r.Message); r.Err != nil {
			continue
		}
		if err := st.RecordNotice(ctx, n, asOf, r.Delivery.Method, r.Delivery.File); err != nil {
			r.Err = &NotLoggedError{Log: store.MailLog{To: r.Message.To, Subject: r.Message.Subject,
				Method: r.Delivery.Method, File: r.Delivery.File}, Err: err}
		}
	}
	return out, nil
}

// NoticeText is a notice's subject and body: the items by kind, a line each.
func NoticeText(n store.Notice, asOf time.Time, lang string, cur store.Currency) (subject, body string) {
	t, ok := noticeTexts[lang]
	if !ok {
		t = noticeTexts["ja"]
	}
	day := pdf.Date(lang, asOf)
	var b strings.Builder
	fmt.Fprintf(&b, t.greeting+"\n\n"+t.intro+"\n", store.FoldDisplay(n.Staff.Name), day)
	for _, kind := range noticeKinds {
		first := true
		for _, it := range n.Items {
			if it.Kind != kind {
				continue
			}
			if first {
				fmt.Fprintf(&b, "\n%s\n", t.sections[kind])
				first = false
			}
			b.WriteString("  " + noticeLine(t, it, lang, cur) + "\n")
		}
	}
	b.WriteString("\n" + t.outro + "\n")
	return fmt.Sprintf(t.subject, day, len(n.Items)), b.String()
}

// noticeLine is one item: its ref, the customer, its date, its amount, its
// days and its text, as the kind's line arranges them.
func noticeLine(t noticeText, it store.NoticeItem, lang string, cur store.Currency) string {
	customer := ""
	if it.CustomerCode != "" {
		customer = it.CustomerCode + " " + store.FoldDisplay(it.CustomerName)
	}
	amount := ""
	if it.Amount != 0 {
		amount = it.Amount.Format(cur)
	}
	return strings.TrimSpace(fmt.Sprintf(t.item[it.Kind], it.Ref, customer, pdf.Date(lang, it.Date), amount, it.Days,
		store.FoldDisplay(it.Text)))
}
