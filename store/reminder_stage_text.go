package store

// The built-in words of the reminder stages, used where the settings leave a
// subject or body empty. They may name {customer}, {company}, {number} (the
// invoice), {total} (what is open on it), {due_date} (its due date) and
// {pay_by} (the date asked for).

// StagePlaceholders are the names a stage's text may use.
var StagePlaceholders = []string{"customer", "company", "number", "total", "due_date", "pay_by"}

var defaultStageTexts = map[string]map[string][2]string{
	"ja": {
		StagePreDue: {"【ご案内】{number} お支払期日のお知らせ",
			"{customer}\n\nいつもお世話になっております。{company}です。\n請求書 {number}（ご請求額 {total}）のお支払期日は {due_date} です。\nお手続きがお済みでしたら、本状は行き違いとしてご容赦ください。"},
		StageFriendly: {"【ご確認】{number} のお支払いについて",
			"{customer}\n\nいつもお世話になっております。{company}です。\n請求書 {number}（{total}、お支払期日 {due_date}）のご入金が、本日時点で確認できておりません。\nご多忙のところ恐れ入りますが、ご確認のうえ {pay_by} までにお手続きをお願いいたします。\n行き違いでお支払い済みの場合はご容赦ください。"},
		StageFirm: {"【督促】{number} のお支払いのお願い",
			"{customer}\n\n請求書 {number}（{total}、お支払期日 {due_date}）につきまして、先にご案内いたしましたが、いまだご入金を確認できておりません。\n至急ご確認のうえ、{pay_by} までに必ずお支払いくださいますようお願い申し上げます。"},
		StageFinal: {"【最終通知】{number} のお支払いについて",
			"{customer}\n\n請求書 {number}（{total}、お支払期日 {due_date}）につきまして、再三のご案内にもかかわらずご入金を確認できておりません。\n{pay_by} までにお支払いいただけない場合は、誠に遺憾ながら法的措置を含めた対応を検討せざるを得ません。\n本状と行き違いでお支払い済みの場合はご容赦ください。"},
	},
	"en": {
		StagePreDue: {"Invoice {number}: payment due on {due_date}",
			"Dear {customer},\n\nThis is a friendly note that invoice {number} ({total}) is due on {due_date}.\nIf you have already paid, please disregard this message.\n\n{company}"},
		StageFriendly: {"Invoice {number}: payment not yet received",
			"Dear {customer},\n\nWe have not yet received payment of invoice {number} ({total}), due on {due_date}.\nPerhaps it was overlooked: we would be grateful for payment by {pay_by}.\nIf you have already paid, please disregard this message.\n\n{company}"},
		StageFirm: {"Reminder: invoice {number} is overdue",
			"Dear {customer},\n\nDespite our earlier reminder, invoice {number} ({total}, due on {due_date}) remains unpaid.\nPlease pay it by {pay_by} at the latest.\n\n{company}"},
		StageFinal: {"Final notice: invoice {number}",
			"Dear {customer},\n\nInvoice {number} ({total}, due on {due_date}) is still unpaid despite our reminders.\nUnless it is paid by {pay_by}, we will have to consider further steps, including legal action.\nIf you have paid in the meantime, please disregard this notice.\n\n{company}"},
	},
}

// DefaultStageText is the built-in subject and body of a stage in lang
// (Japanese unless "en").
func DefaultStageText(stage, lang string) (subject, body string) {
	if lang != "en" {
		lang = "ja"
	}
	t := defaultStageTexts[lang][stage]
	return t[0], t[1]
}
