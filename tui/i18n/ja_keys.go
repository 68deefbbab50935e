package i18n

// jaKeys: the names of keys in the help bar, grouped by the key maps of
// tui/keys.go; en_keys.go mirrors it key for key.
func jaKeys() map[string]string {
	return map[string]string{
		// Everywhere.
		"key.next_screen": "次の画面",
		"key.prev_screen": "前の画面",
		"key.jump":        "画面へ移動",
		"key.settings":    "自社情報",
		"key.help":        "キー一覧",
		"key.help_close":  "一覧を閉じる",
		"key.quit":        "終了",
		"key.reload":      "再読み込み",

		// Lists and records.
		"key.up":            "上",
		"key.down":          "下",
		"key.top":           "先頭",
		"key.bottom":        "末尾",
		"key.page_up":       "前ページ",
		"key.page_down":     "次ページ",
		"key.filter":        "絞り込み",
		"key.open":          "開く",
		"key.new":           "新規",
		"key.edit":          "編集",
		"key.archive":       "アーカイブ",
		"key.sort":          "並び替え",
		"key.show_archived": "アーカイブ表示",
		"key.back":          "戻る",
		"key.inquiry":       "問合せ",
		"key.filter_apply":  "絞り込み確定",
		"key.filter_clear":  "絞り込み解除",

		// Forms, dialogs and pickers.
		"key.next_field": "次の項目",
		"key.prev_field": "前の項目",
		"key.choose":     "選択",
		"key.save":       "保存",
		"key.cancel":     "取消",
		"key.yes":        "はい",
		"key.no":         "いいえ",
		"key.ok":         "決定",
		"key.pick":       "選択",
		"key.close":      "閉じる",

		// Contracts.
		"key.person_filter":   "担当",
		"key.activate":        "有効化",
		"key.billing_run":     "請求実行",
		"key.renewals":        "更新",
		"key.renew":           "更新する",
		"key.end_contract":    "終了",
		"key.cancel_contract": "解約",
		"key.price_change":    "価格改定",

		// Documents, and the line grid of documents and contracts.
		"key.kind_filter":     "種類",
		"key.status_filter":   "状態",
		"key.customer_filter": "顧客",
		"key.date_filter":     "期間",
		"key.issue":           "発行",
		"key.convert":         "変換",
		"key.void":            "取消",
		"key.revise":          "訂正",
		"key.duplicate":       "複製",
		"key.delete_draft":    "下書き削除",
		"key.accept":          "受注",
		"key.decline":         "失注",
		"key.export":          "PDF",
		"key.open_pdf":        "PDFを開く",
		"key.print":           "印刷",
		"key.export_all":      "表示中を一括出力",
		"key.mail":            "メール送信",
		"key.left":            "左",
		"key.right":           "右",
		"key.edit_cell":       "セル編集",
		"key.add_below":       "行追加",
		"key.add_above":       "上に追加",
		"key.delete_line":     "行削除",
		"key.move_up":         "上へ移動",
		"key.move_down":       "下へ移動",

		// Payments, allocation and the bank reconciliation.
		"key.record_payment": "入金登録",
		"key.allocate":       "消込",
		"key.reverse":        "取消",
		"key.reconcile":      "入金消込",
		"key.apply_toggle":   "充当/解除",
		"key.apply_amount":   "金額",
		"key.apply_auto":     "古い順",
		"key.import_bank":    "銀行ファイル取込",
		"key.accept_match":   "確定",
		"key.next_candidate": "次の候補",
		"key.assign":         "指定",
		"key.close_fee":      "手数料差引で確定",
		"key.move":           "移動",

		// Overdue.
		"key.as_of":         "基準日",
		"key.per_customer":  "顧客別",
		"key.log_reminder":  "督促記録",
		"key.reminder_pdf":  "督促状PDF",
		"key.mail_reminder": "督促メール",

		// Reports.
		"key.report_view":   "表示切替",
		"key.report_period": "期間",

		// The mail preview and the settings pages.
		"key.send":             "送信",
		"key.mail_to":          "宛先",
		"key.mail_subject":     "件名",
		"key.mail_settings":    "メール設定",
		"key.company_settings": "会社設定",
		// The kept archive (電子帳簿保存法).
		"key.amount_filter": "金額",
		"key.sent_history":  "送付履歴",
		"key.balances_pdf":  "残高一覧PDF",

		// Issue 14: write-offs and staged reminders.
		"key.write_off":      "残額処理",
		"key.send_stage":     "段階督促",
		"key.reminder_hold":  "督促保留",
		"key.stage_settings": "督促の段階",
	}
}
