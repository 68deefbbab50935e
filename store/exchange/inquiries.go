package exchange

import (
	"encoding/csv"
	"fmt"
	"io"

	"daicho/store"
)

// inquiryJSON is one inquiry as list inquiries --format json writes it; the
// CSV header is its keys. A missing document or follow-up is null in JSON
// and empty in CSV.
type inquiryJSON struct {
	ID           int64   `json:"id"`
	CustomerCode string  `json:"customer_code"`
	CustomerName string  `json:"customer_name"`
	Date         string  `json:"date"`
	Channel      string  `json:"channel"`
	Subject      string  `json:"subject"`
	Body         string  `json:"body"`
	Status       string  `json:"status"`
	Person       string  `json:"person"`
	Document     *string `json:"document"`
	FollowUp     *string `json:"follow_up"`
}

var inquiryKeys = []string{"id", "customer_code", "customer_name", "date", "channel", "subject", "body", "status",
	"person", "document", "follow_up"}

func toInquiryJSON(q store.Inquiry) inquiryJSON {
	j := inquiryJSON{ID: q.ID, CustomerCode: q.CustomerCode, CustomerName: q.CustomerName, Date: store.FormatDate(q.Date),
		Channel: q.Channel, Subject: q.Subject, Body: q.Body, Status: q.Status, Person: q.Person}
	if q.DocumentNumber != "" {
		j.Document = &q.DocumentNumber
	}
	if !q.FollowUp.IsZero() {
		s := store.FormatDate(q.FollowUp)
		j.FollowUp = &s
	}
	return j
}

// WriteInquiriesJSON writes an indented JSON array ("[]" when empty), as every list
// is written.
func WriteInquiriesJSON(w io.Writer, qs []store.Inquiry) error {
	return writeJSONArray(w, all(qs), func(q store.Inquiry) any { return toInquiryJSON(q) })
}

// WriteInquiriesCSV writes RFC 4180 CSV like the other lists: UTF-8,
// CRLF, a header of the JSON keys, and every text cell a spreadsheet would
// run as a formula (Defuse) behind an apostrophe. Bodies keep
// their line breaks inside quotes.
func WriteInquiriesCSV(w io.Writer, qs []store.Inquiry) error {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(inquiryKeys); err != nil {
		return err
	}
	for _, q := range qs {
		if err := cw.Write([]string{fmt.Sprint(q.ID), Defuse(q.CustomerCode), Defuse(q.CustomerName),
			store.FormatDate(q.Date), q.Channel, Defuse(q.Subject), Defuse(q.Body), q.Status, Defuse(q.Person),
			Defuse(q.DocumentNumber), store.FormatDate(q.FollowUp)}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
