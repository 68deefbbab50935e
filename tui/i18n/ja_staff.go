package i18n

// jaStaff mirrors en_staff.go key for key.
func jaStaff() map[string]string {
	return map[string]string{
		// Store errors.
		"err.staff.unknown":         "%s は担当者の一覧にありません（daicho staff list）。担当者：%s",
		"err.staff.not_found":       "担当者 %v はいません",
		"err.staff.name_taken":      "%s はすでに担当者の一覧にあります",
		"err.staff.ssh_key_taken":   "SSH 鍵 %s は別の担当者のものです",
		"err.staff.ssh_key_format":  "英数字と . _ @ - のみ（64 文字まで）",
		"err.notify.send_at_format": "HH:MM の時刻（例 08:30）、送らないときは空欄",

		// The forms' picker.
		"staff.none":      "（なし）",
		"staff.pick":      "担当者",
		"staff.pick_hint": "Enter：担当者から選ぶ",
		// daicho staff.
		"cli.staff.what":    "何をしますか？ daicho staff list|add|set",
		"cli.staff.name":    "誰ですか？ daicho staff add|set 名前",
		"cli.staff.ssh_key": "SSH 鍵",
		"cli.staff.saved":   "担当者 %s を保存しました",
		// daicho notify.
		"cli.notify.json_dry_run":    "--format json は送る内容の表示です。--dry-run と一緒に使ってください",
		"cli.notify.nothing":         "%s 時点で新しく知らせることはありません",
		"cli.notify.sent.one":        "%s <%s> に %d 件を送りました",
		"cli.notify.sent.other":      "%s <%s> に %d 件を送りました",
		"cli.notify.saved_eml.one":   "%s：%d 件を %s に保存しました（SMTPサーバー未設定）",
		"cli.notify.saved_eml.other": "%s：%d 件を %s に保存しました（SMTPサーバー未設定）",
		"cli.notify.bad_days":        "--deposit-days には日数を指定してください（%q は数ではありません）",
		"cli.notify.never":           "送らない（daicho notify を手で、cron またはタイマーで）",
		"cli.notify.settings":        "serve が通知を送る時刻：%s\n%d 日を超えて消込されていない入金を知らせます",
		"err.notify.no_email":        "担当者 %s にメールアドレスがありません：daicho staff set 名前 --email アドレス",
		"err.notify.bad_email":       "担当者 %s のメールアドレス %s は単一のアドレスではありません",
		// The queue (a person in charge's first screen).
		"tab.queue":           "担当キュー",
		"tab.short.queue":     "キュー",
		"queue.open":          "処理する画面へ",
		"queue.title":         "%s さんの確認事項（%s）",
		"queue.empty":         "今日の確認事項はありません。",
		"queue.loading":       "読み込み中…",
		"queue.kind.overdue":  "延滞",
		"queue.kind.stage":    "督促",
		"queue.kind.deposit":  "未消込入金",
		"queue.kind.renewal":  "契約更新",
		"queue.kind.followup": "フォロー",
		// daicho check.
		"err.check.customer_staff": "顧客 %s の担当者 %s が担当者の一覧にありません",
		"err.check.contract_staff": "契約 %s の担当者 %s が担当者の一覧にありません",
	}
}
