package i18n

// jaCLILegacy: the old "(s)" messages that main.go still prints through
// T, until it calls N with their .one/.other forms in ja_cli.go. Then
// delete this file and en_cli_legacy.go, and take both out of the parts
// in catalog.go. en_cli_legacy.go mirrors it key for key.
var jaCLILegacy = map[string]string{
	"cli.import.problems":        "%s: 問題が %d 件あります。何も取り込んでいません:",
	"cli.bank.summary":           "%s: 入金 %d 件（新規 %d 件、取込済み %d 件は触れていません）",
	"cli.bank.summary_dry":       "%s（試行のみ。何も書き込んでいません）: 入金 %d 件（新規 %d 件、取込済み %d 件）",
	"cli.export.batch_done":      "%d件のPDFを %s に出力しました（%.1f 秒）",
	"cli.export.statements_done": "%d件の取引明細書を %s に出力しました",
	"cli.overdue.total":          "%s 時点で期日超過の請求書 %d 件、計 %s: %s",
	"cli.bill.plan":              "%s の定期請求（試行: 何も書き込んでいません）: 請求書 %d 件を作ります。請求済みの契約期間 %d 件はそのままです。",
	"cli.bill.plan_total":        "請求書 %d 件、合計 %s。--dry-run を付けずに実行すると作成します（--issue で同時に発行）。",
	"cli.bill.nothing_new":       "%s: 請求済みです。新たに作るものはありません（請求済みの契約期間 %d 件）",
	"cli.bill.made_drafts":       "%s の定期請求: 請求書の下書きを %d 件作りました。書類画面で発行するか、次回は --issue を付けてください。請求済みの契約期間 %d 件はそのままです。",
	"cli.bill.made_issued":       "%s の定期請求: 請求書 %d 件を作成し発行しました。請求済みの契約期間 %d 件はそのままです。",
}
