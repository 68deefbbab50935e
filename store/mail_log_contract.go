package store

// Contracts that mail themselves (issue 16): what the mail log checks of a
// mail about a contract.

// checkMailContract checks that m's contract exists, is the customer's and
// was ever in force (a draft has no number and goes out to nobody), and
// fills in its number.
func (tx *Tx) checkMailContract(m *MailLog) error {
	var customerID int64
	var status, number string
	err := tx.QueryRowContext(tx.ctx, `SELECT customer_id, status, coalesce(number, '') FROM contracts WHERE id = ?`,
		m.ContractID).Scan(&customerID, &status, &number)
	if isNoRows(err) {
		return &Error{Code: CodeNotFound, Field: "contract", Reason: "contract.not_found", Args: []any{m.ContractID}}
	}
	if err != nil {
		return err
	}
	switch {
	case status == ContractDraft || number == "":
		return Invalid("contract", "mail.contract_draft")
	case customerID != m.CustomerID:
		return Invalid("contract", "mail.other_customer", number)
	}
	m.ContractNumber = number
	return nil
}
