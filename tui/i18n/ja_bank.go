package i18n

// jaBank mirrors enBank (issue 14).
func jaBank() map[string]string {
	return map[string]string{
		// The reconciliation screen.
		"rec.credit":             "未入金の請求書なし: 前受",
		"rec.fee_theirs_mark":    "（先方負担）",
		"rec.held_status":        "%s（%s）を保留にしました。h で保留一覧",
		"rec.hold_lifted":        "%s（%s）を消込待ちに戻しました",
		"rec.not_payment_undone": "%s（%s）を消込待ちに戻しました",
		"rec.summary_held":       "保留 %d件 (%s)",
		"rec.summary_skipped":    "入金以外 %d件 (%s)",
		"rec.title_held":         "保留中の入金",
		"rec.title_skipped":      "顧客の入金ではないもの",
		"rec.empty_held":         "保留中の入金はありません。h で入金以外の一覧",
		"rec.empty_skipped":      "入金以外にした明細はありません。h で消込待ちに戻ります",
		"rec.held_by":            "%s に %s が保留",
		"rec.fee_policy.ours":    "手数料: 当方負担（enter で差額を閉じます）",
		"rec.fee_policy.theirs":  "手数料: 先方負担（enter で差額を残します）",
		"rec.fee_policy.ask":     "手数料: enter で負担を確認します",
		"rec.ask_fee":            "入金が %s 不足しています（%s %s）。振込手数料はどちらの負担ですか？",
		"rec.ask_fee_ours":       "当方負担: %s を振込手数料として閉じる",
		"rec.ask_fee_theirs":     "先方負担: %s を未入金のまま残し、請求する",
		"rec.fee_left_open":      "手数料 %s は未入金のままです（%s の負担）",
		"rec.ask_teach":          "%s を %s %s の振込依頼人として覚えますか？",
		"rec.teach_yes":          "はい: 次からこの名前の入金をこの顧客に照合します",
		"rec.teach_no":           "いいえ: この入金だけ消し込みます",
		"rec.not_payment_reason": "%s（%s）が顧客の入金でない理由は？（返金、利息など）",
		"rec.not_payment_status": "%s（%s）を入金以外にしました（h で一覧、u で戻す）",
		// Keys.
		"key.hold":         "保留",
		"key.not_payment":  "入金以外",
		"key.bank_section": "保留/入金以外",
		"key.bank_undo":    "戻す",
		"key.payers":       "振込依頼人名",
		// The customer: transfer-fee policy and learned payer names.
		"field.fee_policy":             "振込手数料",
		"fee_policy.ask":               "都度確認",
		"fee_policy.ours":              "当方負担",
		"fee_policy.theirs":            "先方負担",
		"customers.payers":             "覚えた振込依頼人名（%d件）: p で削除",
		"customers.payer_taught.one":   "消込 %d 回",
		"customers.payer_taught.other": "消込 %d 回",
		"customers.no_payers":          "この顧客について覚えた振込依頼人名はありません",
		"customers.forget_payer_pick":  "どの振込依頼人名を忘れますか？",
		"customers.forget_payer":       "%s を %s の振込依頼人から外しますか？次からの入金は確認になります",
		"customers.payer_forgotten":    "振込依頼人名を外しました",
		"err.reconcile.line_held":      "この入金は保留中です。先に保留を解除してください（u）",
		"err.reconcile.invoice_closed": "%s は未入金が残っていません（その間に入金または調整済み）",
		// import bank (tui/cli/bank.go).
		"cli.bank.waiting":         "消込画面で待っている入金: 未消込 %d 件（%s）、保留 %d 件（%s）",
		"cli.bank.candidates":      "候補",
		"cli.bank.more_candidates": "ほか %d 件",
		// The start-up status line (tui/startup_held.go).
		"startup.held.one":   "保留中の入金 %d件 %s（入金 → b → h）",
		"startup.held.other": "保留中の入金 %d件 %s（入金 → b → h）",
		// list payers (tui/cli/list_payers.go).
		"cli.list.empty_payers": "覚えた振込依頼人名はまだありません",
		"cli.col.confirmed":     "消込回数",
	}
}
