package i18n

// jaClosing mirrors en_closing.go key for key.
func jaClosing() map[string]string {
	return map[string]string{
		// Customer fields.
		"field.invoice_style":               "請求書の形式",
		"field.delivery":                    "送付方法",
		"field.send_to_name":                "送付先（名称）",
		"field.send_to_postal_code":         "送付先 郵便番号",
		"field.send_to_address1":            "送付先 住所",
		"field.send_to_address2":            "送付先 建物名",
		"field.send_to_department":          "送付先 部署",
		"field.send_to_contact":             "送付先 担当者",
		"invoice_style.simple":              "通常（今回分のみ）",
		"invoice_style.carry_forward":       "繰越請求書",
		"delivery.email":                    "メール",
		"delivery.post":                     "郵送",
		"delivery.both":                     "メールと郵送",
		"delivery.auto":                     "メールアドレスがあればメール、なければ郵送",
		"customers.send_to_hint":            "空欄: 顧客の住所",
		"err.customer.delivery_needs_email": "メールで送るには顧客のメールアドレスが必要です",

		// daicho settings.
		"cli.settings.need_pairs":  "settings set には KEY=VALUE を指定してください（キーは `daicho settings` の表示のとおり）",
		"cli.settings.bad_pair":    "%s は KEY=VALUE の形ではありません",
		"cli.settings.unknown_key": "%s: その設定はありません（キーは `daicho settings` で確認できます）",
		"cli.settings.bad_number":  "%s: %q は整数ではありません",
		"cli.settings.bad_bool":    "%s: %q は true か false で指定してください",
		"cli.settings.saved":       "設定を保存しました（%d 件）",

		// daicho close.
		"cli.close.need_date":  "close には --date YYYY-MM-DD（締め日）を指定してください",
		"cli.close.bad_date":   "%s は日付（YYYY-MM-DD）ではありません",
		"cli.close.failed":     "締め処理は何も作成しませんでした: 顧客 %s: %s",
		"cli.close.plan.one":   "%[2]s の締め処理で %[1]d 件の請求書を作成します:",
		"cli.close.plan.other": "%[2]s の締め処理で %[1]d 件の請求書を作成します:",
		"cli.close.made.one":   "%[2]s の締め処理で %[1]d 件の請求書を作成しました:",
		"cli.close.made.other": "%[2]s の締め処理で %[1]d 件の請求書を作成しました:",
		"cli.close.draft":      "（下書き）",
		"cli.close.carry":      "前回請求額 %s − 今回入金額 %s − 調整額 %s = 繰越金額 %s、今回お買上額 %s、今回請求額 %s",
		"cli.close.nothing":    "  %s %s: 請求するものはありません",
		"cli.close.closed":     "  %s %s: 締め済み（%s）",
		"cli.close.problem":    "  %s %s: 請求できません: %s",

		// The closing run on the documents screen (B).
		"key.close_run":         "締め処理",
		"close.ask_date":        "締め処理: 締め日（YYYY-MM-DD）",
		"close.preview.one":     "締め処理 %s: 請求書 %d 件",
		"close.preview.other":   "締め処理 %s: 請求書 %d 件",
		"close.carry_short":     "繰越 %s → 今回請求 %s",
		"close.left_nothing":    "請求なし（%d）: %s",
		"close.left_closed":     "締め済み（%d）: %s",
		"close.left_problem":    "請求できません: %s: %s",
		"close.nothing_to_make": "締め処理 %s: 作成する請求書はありません",
		"close.made.one":        "締め処理で請求書を %d 件作成しました。",
		"close.made.other":      "締め処理で請求書を %d 件作成しました。",

		// daicho close --send.
		"cli.close.send_flags":      "--labels と --print は --send と一緒に、--send は --dry-run なしで指定してください",
		"cli.close.mailed":          "  %s にメールしました（%s）",
		"cli.close.mail_failed":     "  %s: メールできませんでした: %s",
		"cli.close.drafts_not_sent": "  下書きは送りません: %s（発行してから送ってください）",
		"cli.close.lp_failed":       "lp で %s を印刷できませんでした: %s",

		// The closing run's send step on the documents screen.
		"close.send":            "送付: メールの顧客へ送信、郵送分は印刷用一式",
		"close.export.one":      "%d件をPDFで出力",
		"close.export.other":    "%d件すべてPDFで出力",
		"close.not_mailed":      "%s: メールできませんでした: %s",
		"close.drafts_not_sent": "下書きは送りません: %s",
		"close.print_pack":      "印刷用一式を印刷（lp）",

		// daicho import balances.
		"err.balance.json":               "%s は残高の JSON 配列にしてください: [{\"customer_code\": …, \"as_of\": …, \"amount\": …}]",
		"err.balance.value":              "文字列か数値で指定してください",
		"err.balance.empty":              "%s に残高がありません",
		"err.balance.amount":             "円単位の金額ではありません",
		"err.balance.positive":           "開始残高は0より大きい金額にしてください",
		"field.customer_code":            "顧客コード",
		"field.as_of":                    "基準日",
		"cli.import.balances_done.one":   "開始残高を %d 件登録しました:",
		"cli.import.balances_done.other": "開始残高を %d 件登録しました:",
		"cli.import.balance":             "  %s  %s  %s",

		// Issue 16 loose ends: the closing run's counts in the plural (Printer.N).
		"cli.close.invoice_line":         "  %s %s  %s  %s  （%s、%s）",
		"cli.close.delivery_notes.one":   "納品書 %d 件",
		"cli.close.delivery_notes.other": "納品書 %d 件",
		"cli.close.contracts.one":        "契約 %d 件",
		"cli.close.contracts.other":      "契約 %d 件",
		"cli.close.pack.one":             "  郵送分 %d 件の印刷用一式: %s",
		"cli.close.pack.other":           "  郵送分 %d 件の印刷用一式: %s",
		"close.sources":                  "%s %s",
		"close.notes.one":                "納品%d",
		"close.notes.other":              "納品%d",
		"close.contracts.one":            "契約%d",
		"close.contracts.other":          "契約%d",
		"close.sent.one":                 "%d件の顧客にメールしました。郵送分 %d 件を印刷用一式にまとめました。",
		"close.sent.other":               "%d件の顧客にメールしました。郵送分 %d 件を印刷用一式にまとめました。",
	}
}
