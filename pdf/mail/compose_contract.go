package mail

import (
	"bytes"
	"context"

	"daicho/pdf"
	"daicho/store"
)

// Contracts that mail themselves (issue 16): a contract's summary
// (契約内容確認書) by mail, e.g. right after it was activated.

// ComposeContract makes the mail that sends contract id's summary PDF to
// its customer, with the document mail's subject and body from the mail
// settings in the customer's document language ({kind} is 契約内容確認書,
// {number} the contract's number; the lines about a total and a due date
// fall away). A draft (no number), a customer without a valid email and
// settings without a sender are refused with a reason.
func ComposeContract(ctx context.Context, st *store.Store, id int64) (Message, error) {
	c, err := st.Contract(ctx, id)
	if err != nil {
		return Message{}, err
	}
	if c.Number == "" {
		return Message{}, store.Invalid("contract", "mail.contract_draft")
	}
	cu, co, settings, err := parties(ctx, st, c.CustomerID)
	if err != nil {
		return Message{}, err
	}
	lang := cu.Language
	m, err := newMessage(store.MailContract, cu, co, settings, lang)
	if err != nil {
		return Message{}, err
	}
	m.ContractID = c.ID
	values := map[string]string{"number": c.Number, "customer": addressee(cu.Name, cu.Honorific, lang),
		"company": co.Name, "total": "", "due_date": "", "kind": pdf.Title(lang, store.SentContract)}
	tpl := settings.Template(lang)
	m.Subject, m.Body = fill(tpl.Subject, values, false), fill(tpl.Body, values, true)
	if err := attachContract(&m, c, co, cu); err != nil {
		return Message{}, err
	}
	return m, nil
}

// attachContract renders c's summary as the customer's documents print it
// and attaches it under the name the exports give it, to be kept in the
// archive once the mail left.
func attachContract(m *Message, c store.Contract, co store.Company, cu store.Customer) error {
	var buf bytes.Buffer
	if err := pdf.RenderContract(&buf, c, co, cu); err != nil {
		return err
	}
	m.AttachmentName, m.Attachment = pdf.ContractFileName(c), buf.Bytes()
	m.Kept = pdf.ContractSent(c)
	return nil
}
