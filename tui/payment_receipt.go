package tui

import (
	tea "charm.land/bubbletea/v2"

	"daicho/store"
)

// receiptIssuedMsg: the receipt (領収書) of a payment was made and issued (or
// was there already).
type receiptIssuedMsg struct {
	paymentID int64
	receipt   store.Document
}

// issueReceipt makes and issues the payment's receipt, then offers to export
// it: the file goes through the exports folder's Exporter and so into the
// kept archive, and on paper a receipt of ¥50,000 or more carries the stamp
// box.
func (s *paymentsScreen) issueReceipt(p store.Payment) tea.Cmd {
	st, ctx := s.st, s.ctx
	return func() tea.Msg {
		r, err := st.IssueReceipt(ctx, p.ID)
		if err != nil {
			return paymentFailedMsg{err}
		}
		return receiptIssuedMsg{paymentID: p.ID, receipt: r}
	}
}

// receiptIssued reports the number and asks whether to export the PDF.
func (s *paymentsScreen) receiptIssued(msg receiptIssuedMsg) tea.Cmd {
	done := s.p.T("payments.receipt.done", msg.receipt.Number, msg.paymentID)
	return tea.Batch(status(done),
		s.confirm(s.p.T("payments.receipt.export", msg.receipt.Number), s.exportDoc(msg.receipt.ID, false, "")))
}
