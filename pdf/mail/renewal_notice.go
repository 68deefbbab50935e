package mail

import (
	"context"
	"fmt"
	"strings"
	"time"

	"daicho/pdf"
	"daicho/store"
)

// Renewal notices to customers (contracts that mail themselves, issue 16):
// when a contract whose NotifyCustomer is on enters its notice period,
// `daicho notify` (and serve's daily run) mails its customer a short, polite
// notice — contract number, item, end date, how to renew or cancel — in the
// customer's language, with the contract summary attached; once per contract
// and end date (store.CustomerRenewalsDue, the mail log).

// renewalText is the wording of a renewal notice in one language; %[1]s the
// contract number, %[2]s the item (its title), %[3]s the end date, %[4]s the
// company, %[5]d the renewal term in months.
type renewalText struct {
	subject, greeting, greetingPerson, intro, facts, auto, manual, outro string
}

var renewalTexts = map[string]renewalText{
	"ja": {
		subject:        "ご契約更新のご案内（%[1]s）",
		greeting:       "%s\nご担当者様\n\n",
		greetingPerson: "%s\n\n",
		intro:          "いつもお世話になっております。%[4]sでございます。\n\nご契約いただいている下記の契約が、%[3]sに契約期間の満了を迎えます。\n\n",
		facts:          "契約番号: %[1]s\n件名: %[2]s\n契約期間満了日: %[3]s\n\n",
		auto:           "お申し出のない限り、満了日の翌日から同じ条件で%[5]dか月更新されます。ご解約をご希望の場合は、%[3]sまでに本メールへのご返信にてお知らせください。\n",
		manual:         "ご継続をご希望の場合は、%[3]sまでに本メールへのご返信にてお知らせください。お申し出がない場合は、満了日をもって終了となります。\n",
		outro:          "\n契約の内容は添付の契約内容確認書をご覧ください。\nご不明な点がございましたら、お気軽にお問い合わせください。\n今後ともよろしくお願い申し上げます。\n\n%[4]s\n",
	},
	"en": {
		subject:        "Your contract %[1]s: renewal",
		greeting:       "Dear %s,\n\n",
		greetingPerson: "Dear %s,\n\n",
		intro:          "Thank you for your continued business. The term of your contract below ends on %[3]s.\n\n",
		facts:          "Contract: %[1]s\nItem: %[2]s\nTerm ends: %[3]s\n\n",
		auto:           "Unless you tell us otherwise, it renews on the same terms for %[5]d months. To cancel it, please reply to this email by %[3]s.\n",
		manual:         "To renew it, please reply to this email by %[3]s; otherwise it ends on that day.\n",
		outro:          "\nThe attached contract summary shows its terms. If you have any questions, please do not hesitate to contact us.\n\nKind regards,\n%[4]s\n",
	},
}

// ComposeRenewalNotice makes the renewal notice of contract id for its
// current end date. A contract without an end date, a customer without a
// valid email and settings without a sender are refused with a reason.
func ComposeRenewalNotice(ctx context.Context, st *store.Store, id int64) (Message, error) {
	c, err := st.Contract(ctx, id)
	if err != nil {
		return Message{}, err
	}
	if c.Number == "" {
		return Message{}, store.Invalid("contract", "mail.contract_draft")
	}
	if c.End.IsZero() {
		return Message{}, store.Invalid("end", "contract.open_ended")
	}
	cu, co, settings, err := parties(ctx, st, c.CustomerID)
	if err != nil {
		return Message{}, err
	}
	lang := cu.Language
	m, err := newMessage(store.MailRenewal, cu, co, settings, lang)
	if err != nil {
		return Message{}, err
	}
	m.ContractID, m.ContractEnd = c.ID, c.End
	m.Subject, m.Body = RenewalNoticeText(c, cu, co.InLanguage(lang).Name, lang)
	if err := attachContract(&m, c, co, cu); err != nil {
		return Message{}, err
	}
	return m, nil
}

// RenewalNoticeText is a renewal notice's subject and body in lang (ja
// unless en).
func RenewalNoticeText(c store.Contract, cu store.Customer, company, lang string) (subject, body string) {
	t, ok := renewalTexts[lang]
	if !ok {
		lang, t = "ja", renewalTexts["ja"]
	}
	args := []any{c.Number, store.WidenKana(c.Title), pdf.Date(lang, c.End), company, c.RenewalMonths}
	var b strings.Builder
	greeting := t.greeting
	if cu.Honorific == store.HonorificPerson {
		greeting = t.greetingPerson // a person is greeted by name, not as ご担当者様
	}
	fmt.Fprintf(&b, greeting, addressee(cu.Name, cu.Honorific, lang))
	fmt.Fprintf(&b, t.intro+t.facts, args...)
	if c.AutoRenew && c.RenewalMonths > 0 {
		fmt.Fprintf(&b, t.auto, args...)
	} else {
		fmt.Fprintf(&b, t.manual, args...)
	}
	fmt.Fprintf(&b, t.outro, args...)
	return fmt.Sprintf(t.subject, args...), b.String()
}

// RenewalResult is what became of one customer's renewal notice.
type RenewalResult struct {
	Contract store.ContractSummary
	Message  Message
	Log      store.MailLog // when it left (Err nil, or a *NotLoggedError)
	Err      error         // not composed, not sent, or sent but not logged
}

// SendRenewalNotices mails each customer due one (store.CustomerRenewalsDue
// as of asOf) its contract's renewal notice, logged and kept like any
// customer mail (Send). One failure does not stop the others.
func (s Sender) SendRenewalNotices(ctx context.Context, st *store.Store, asOf time.Time) ([]RenewalResult, error) {
	due, err := st.CustomerRenewalsDue(ctx, asOf)
	if err != nil {
		return nil, err
	}
	out := make([]RenewalResult, len(due))
	for i, c := range due {
		r := &out[i]
		r.Contract = c
		if r.Message, r.Err = ComposeRenewalNotice(ctx, st, c.ID); r.Err != nil {
			continue
		}
		r.Log, r.Err = s.Send(ctx, st, r.Message)
	}
	return out, nil
}
