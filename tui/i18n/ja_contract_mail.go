package i18n

// jaContractMail mirrors enContractMail key for key.
func jaContractMail() map[string]string {
	return map[string]string{
		// Activation offers the mail.
		"conmail.ask":          "契約内容確認書を %s にメールで送りますか？",
		"conmail.sent":         "契約内容確認書（%s）を %s にメールで送りました",
		"conmail.no_server":    "契約内容確認書はメールしていません（SMTP未設定）",
		"conmail.cannot":       "契約内容確認書はメールしていません: %s",
		"conmail.log_contract": "契約内容確認書 %[1]s",
		"conmail.log_renewal":  "更新のご案内 %[1]s（終了日 %[2]s）",
		// The contract's field.
		"field.notify_customer":      "取引先へ更新案内",
		"con.field.notify_customer":  "取引先へ更新案内",
		"con.notify_customer_on":     "更新判断の期間に入ると、取引先に更新のご案内をメールします。",
		"field.contract":             "契約",
		"field.contract_end":         "契約終了日",
		"err.mail.contract_draft":    "下書きの契約は送信できません。先に有効にしてください",
		"err.mail.not_contract_kind": "契約を指定できるのは契約についてのメールだけです",
		// daicho mail contract.
		"cli.mail.contract_number": "どの契約ですか？ daicho mail contract 番号（例: K-2026-0001）",
		"cli.mail.no_contract":     "番号 %s の契約はありません",
		// daicho notify: renewal notices to customers.
		"cli.notify.customer_sent":      "%s の更新のご案内を %s <%s> にメールで送りました",
		"cli.notify.customer_saved_eml": "%s の更新のご案内（%s 宛）を %s に保存しました",
		"cli.notify.customer_failed":    "%s の更新のご案内は送信できませんでした: %s",
		"cli.notify.customer_dry_run":   "%s（終了日 %s）の更新のご案内 → %s",
	}
}
