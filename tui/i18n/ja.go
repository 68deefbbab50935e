package i18n

// ja is the Japanese catalog; it has exactly the keys of en (a test checks).
var ja = map[string]string{
	"tab.customers":            "顧客",
	"docs.title":               "書類",
	"docs.col_number":          "番号",
	"docs.col_kind":            "種類",
	"docs.col_customer":        "顧客",
	"docs.col_subject":         "件名",
	"docs.col_date":            "発行日",
	"docs.col_tax":             "税率",
	"docs.col_total":           "金額",
	"docs.col_status":          "状態",
	"docs.search_placeholder":  "番号・件名・顧客名",
	"docs.search_hint":         "/ 検索 · K 種類 · F 状態 · C 顧客 · D 期間 · esc 解除",
	"docs.no_filter":           "すべての書類",
	"docs.empty":               "書類はまだありません。n で見積書・納品書・請求書を作ります。",
	"docs.draft_number":        "下書き",
	"docs.frozen":              "%s は発行済みのため変更できません。取消するか、r で訂正版を作ってください。",
	"docs.new_kind":            "新しい書類の種類は？",
	"docs.pick_customer":       "どの顧客の書類ですか？",
	"docs.pick_product":        "品目",
	"docs.filter_customer":     "どの顧客の書類を表示しますか？",
	"docs.date_range":          "発行日: 2026-11（月）、2026-11-01..2026-11-15、2026-11-01.. または ..2026-11-15。空欄ですべて",
	"docs.new_title":           "%sの新規作成",
	"docs.header_hint":         "（先頭のセルで shift+tab: ヘッダへ）",
	"docs.no_lines_hint":       "明細はまだありません。o（または入力を始める）で行を追加。品目セルに入力すると品目を検索します。",
	"docs.valid_hint":          "空欄: 期限なし",
	"docs.delivery_hint":       "空欄: 発行日",
	"docs.closing_hint":        "空欄: 発行日",
	"docs.due_hint":            "空欄: 顧客の支払条件から",
	"docs.exclusive":           "税抜",
	"docs.inclusive":           "税込",
	"docs.tax_included":        "（税込）",
	"docs.rate_line":           "%d%%対象 %s  消費税 %s",
	"docs.total":               "合計",
	"docs.reduced_legend":      "※は軽減税率対象",
	"docs.saved":               "下書きを保存しました。",
	"docs.not_saved":           "保存していません: ✗ の箇所を直してください（ctrl+s でもう一度）。",
	"docs.confirm_delete_line": "%d行目を削除しますか？",
	"docs.confirm_delete":      "この下書きを削除しますか？ 未発行のため、監査ログ以外には残りません。",
	"docs.deleted":             "下書きを削除しました。",
	"docs.confirm_issue":       "この%sを %s として %s 宛に %s で発行しますか？\n発行後は変更できません（取消・訂正のみ）。",
	"docs.already_issued":      "%s は発行済みです。",
	"docs.cannot_issue":        "まだ発行できません: %s",
	"docs.issued":              "発行しました。",
	"docs.voided":              "取消しました。番号は記録に残ります。",
	"docs.revised":             "元の書類を取消し、訂正用の下書きを作りました。",
	"docs.duplicated":          "今日の日付で下書きとして複製しました。すべての項目を確認してください。",
	"docs.converted":           "元の書類から下書きを作りました。確認して発行（I）してください。",
	"docs.accepted":            "見積を受注にしました。",
	"docs.declined":            "見積を失注にしました。",
	"docs.void_reason":         "取消の理由は？（記録に残ります）",
	"docs.revises":             "（%s の訂正）",
	"docs.revise_reason":       "訂正の理由は？（取消した元の書類に残ります）",
	"docs.void_reason_label":   "取消",
	"docs.convert_estimate":    "この見積から作る書類:",
	"docs.confirm_credit":      "この請求書を訂正する返品・値引き伝票を作りますか？",
	"docs.no_conversion":       "この種類の書類から作れる書類はありません。",
	"docs.closing_date":        "請求書の締め日: この日までの納品書をまとめます",
	"docs.confirm_closing":     "この納品書%d件をまとめて請求書（%s締め）を作りますか？",
	"docs.closing_subject":     "%[1]d年%[2]d月分ご請求",
	"docs.flow":                "流れ",
	"docs.open_amount":         "未入金: %s",
	"docs.due_from_terms":      "支払条件から",
	"kind.estimate":            "見積書",
	"kind.delivery_note":       "納品書",
	"kind.invoice":             "請求書",
	"kind.credit_note":         "返品・値引き",
	"kind.short.estimate":      "見積",
	"kind.short.delivery_note": "納品",
	"kind.short.invoice":       "請求",
	"kind.short.credit_note":   "返品",
	"status.draft":             "下書き",
	"status.issued":            "発行済",
	"status.accepted":          "受注",
	"status.declined":          "失注",
	"status.expired":           "期限切れ",
	"status.void":              "取消",
	"tax.standard":             "10%",
	"tax.reduced":              "8%※",
	"tax.exempt":               "0%",
	"field.amount":             "金額",
	"key.ok":                   "決定",
	"key.pick":                 "選択",
	"key.left":                 "左",
	"key.right":                "右",
	"key.kind_filter":          "種類",
	"key.status_filter":        "状態",
	"key.customer_filter":      "顧客",
	"key.date_filter":          "期間",
	"key.issue":                "発行",
	"key.convert":              "変換",
	"key.void":                 "取消",
	"key.revise":               "訂正",
	"key.duplicate":            "複製",
	"key.delete_draft":         "下書き削除",
	"key.accept":               "受注",
	"key.decline":              "失注",
	"key.edit_cell":            "セル編集",
	"key.add_below":            "行追加",
	"key.add_above":            "上に追加",
	"key.delete_line":          "行削除",
	"key.move_up":              "上へ移動",
	"key.move_down":            "下へ移動",
	"export.overwrite":         "%s はすでにあります。置き換えますか？",
	"export.failed":            "出力できませんでした: %s",
	"export.saved":             "保存しました: %s",
	"export.opened":            "%s を開きました",
	"export.no_viewer":         "PDFを開くプログラムがありません。ファイルは %s にあります",
	"export.printed":           "印刷に送りました: %s",
	"export.no_printer":        "印刷の仕組み（CUPS の lp）がありません。ファイルは %s にあります",
	"export.command_failed":    "%s が失敗しました: %s",
	"export.nothing":           "出力する書類がありません（絞り込みの結果が0件）。",
	"export.confirm_batch":     "表示中の書類%d件（%s）をPDFで保存先に出力しますか？ 同じ名前のファイルは置き換えます。",
	"export.batch_title":       "PDFを出力中",
	"export.batch_count":       "%d / %d件  ·  %s",
	"export.batch_done":        "%d / %d件の書類を %s で出力しました。",
	"export.batch_failed":      "%d / %d件を出力した後、エラー: %s",
	"key.export":               "PDF",
	"key.open_pdf":             "PDFを開く",
	"key.print":                "印刷",
	"key.export_all":           "表示中を一括出力",
	"key.close":                "閉じる",
	// Payments screen.
	"pay.title":                   "入金",
	"pay.search_placeholder":      "顧客・振込名義・照会番号・摘要",
	"pay.search_hint":             "/ 検索 · n 入金登録 · b 入金消込",
	"pay.empty":                   "入金はまだありません。n で登録、b で銀行ファイルを消込します。",
	"pay.col_payer":               "振込名義",
	"pay.col_amount":              "金額",
	"pay.col_unapplied":           "未消込",
	"pay.col_method":              "方法",
	"pay.col_open":                "未入金",
	"pay.col_apply":               "充当",
	"pay.reversed":                "取消済",
	"pay.reversed_done":           "入金を取り消しました。取消の記録が残ります。",
	"pay.reverse_reason":          "入金を取り消す理由は？（記録に残ります）",
	"pay.pick_customer":           "どの顧客からの入金ですか？",
	"pay.amount":                  "%s %s からの入金額",
	"pay.date":                    "入金日（YYYY-MM-DD）",
	"pay.method":                  "入金方法は？",
	"pay.detail_title":            "%s の入金 %s",
	"pay.unapplied":               "未消込（顧客の預り金）: %s",
	"pay.allocations":             "消込",
	"pay.reversal":                "取消",
	"pay.nothing_to_allocate":     "この入金に消し込める残りはありません。",
	"pay.no_open_invoices":        "未入金の請求書がありません。%s は預り金として残ります。",
	"pay.allocate_title":          "%s %s の入金（%s）の消込",
	"pay.remaining":               "残り: %s",
	"pay.apply_amount":            "%s への充当額（未入金 %s）",
	"pay.allocated":               "%d件を消し込みました。",
	"rec.title":                   "入金消込",
	"rec.col_match":               "候補",
	"rec.no_match":                "候補なし: a で指定、s で保留",
	"rec.fee":                     "手数料 %s",
	"rec.imported":                "入金%d件を取り込みました。%d件は取込済みのため追加していません。",
	"rec.empty":                   "消し込む入金はありません。i で銀行ファイル（全銀・CSV）を取り込みます。",
	"rec.import_path":             "取り込む銀行ファイル（全銀またはCSV。tab でパス補完）",
	"rec.pick_customer":           "%s（%s）の入金はどの顧客ですか？",
	"rec.pick_invoice":            "どの請求書ですか？",
	"rec.all_open":                "未入金の請求書すべて（古い順）",
	"rec.summary":                 "消込済 %d件（%s） · 要確認 %d件（%s） · 候補なし %d件（%s）",
	"method.bank_transfer":        "振込",
	"method.cash":                 "現金",
	"method.card":                 "カード",
	"method.direct_debit":         "口座振替",
	"method.other":                "その他",
	"field.date":                  "日付",
	"err.money.positive":          "0より大きい金額を入力してください",
	"err.allocation.over_open":    "請求書の未入金額を超えています",
	"err.allocation.over_payment": "入金の残りを超えています",
	"key.record_payment":          "入金登録",
	"key.allocate":                "消込",
	"key.reverse":                 "取消",
	"key.reconcile":               "入金消込",
	"key.apply_toggle":            "充当/解除",
	"key.apply_amount":            "金額",
	"key.apply_auto":              "古い順",
	"key.import_bank":             "銀行ファイル取込",
	"key.accept_match":            "確定",
	"key.next_candidate":          "次の候補",
	"key.assign":                  "指定",
	"key.skip":                    "保留",
	"key.close_fee":               "手数料差引で確定",
	// Overdue screen.
	"overdue.title":              "延滞（%s現在）",
	"overdue.search_placeholder": "番号・顧客コード・顧客名・担当",
	"overdue.search_hint":        "/ 検索 · D 基準日を変更 · v 顧客別 · s 並び替え",
	"overdue.empty":              "%s現在、延滞している請求書はありません。",
	"overdue.col_due":            "支払期日",
	"overdue.col_days":           "日数",
	"overdue.col_open":           "未入金額",
	"overdue.col_bucket":         "区分",
	"overdue.col_count":          "件数",
	"overdue.col_oldest":         "最長延滞",
	"overdue.bucket.1-30":        "1〜30日",
	"overdue.bucket.31-60":       "31〜60日",
	"overdue.bucket.61-90":       "61〜90日",
	"overdue.bucket.90+":         "90日超",
	"overdue.bucket_days":        "%s",
	"overdue.total":              "合計",
	"overdue.count":              "%d件",
	"overdue.days":               "%d日",
	"overdue.sort_days":          "延滞日数",
	"overdue.sort_amount":        "未入金額",
	"overdue.sort_customer":      "顧客",
	"overdue.per_customer":       "顧客別",
	"overdue.startup":            "延滞 %d件 %s",
	"overdue.startup_one":        "延滞 1件 %s",
	"overdue.as_of_prompt":       "いつ時点の延滞を表示しますか？（YYYY-MM-DD。空欄で今日）",
	"overdue.pay_prompt":         "%s %s から本日振込で受け取った金額（未入金 %s）",
	"overdue.paid":               "%[2]s から %[1]s の入金を登録し、%[3]s に消し込みました。",
	"overdue.paid_credit":        "%[2]s から %[1]s の入金を登録し、%[3]s に消し込みました。残り %[4]s は預り金です。",
	"overdue.paid_none":          "%[2]s から %[1]s の入金を登録しました。未入金の請求書がないため、全額を預り金とします。",
	"overdue.paid_unallocated":   "%[2]s から %[1]s の入金を登録しましたが、消し込めませんでした: %[3]s",
	"overdue.remind_how":         "%s への督促（%s）の方法は？",
	"overdue.remind_note":        "督促（%s）のメモ（任意。enter で省略）",
	"overdue.reminded":           "%[2]s への督促（%[1]s・%[3]s）を記録しました。",
	"overdue.pay_by":             "%s 宛の督促状: お支払い期限（YYYY-MM-DD）",
	"overdue.nothing_overdue":    "%s %s には%s現在の延滞がないため、督促状は作りません。",
	"remind.phone":               "電話",
	"remind.email":               "メール",
	"remind.letter":              "書面",
	"remind.visit":               "訪問",
	"remind.other":               "その他",
	"key.as_of":                  "基準日",
	"key.per_customer":           "顧客別",
	"key.log_reminder":           "督促記録",
	"key.reminder_pdf":           "督促状PDF",
	"customers.balance":          "売掛残高 %s · 預り金 %s",
	"customers.payments":         "入金（%d件）",
	"customers.allocated":        "消込 %s",
	"customers.reminders":        "督促履歴（%d件）",
	"customers.account":          "取引全体",
	// Contracts: the price change (c) and the renewal history in a contract's view.
	"key.price_change":     "価格改定",
	"con.price_draft":      "下書きの単価は編集（e）で変えます。価格改定は有効な契約のためのものです。",
	"con.price_closed":     "この契約は%sのため、単価はもう変えられません。",
	"con.price_no_lines":   "この契約には単価を改定する明細がありません。",
	"con.price_pick_line":  "どの明細の単価を改定しますか？",
	"con.price_more_lines": "どの明細の単価を改定しますか？（%d行）",
	"con.price_from":       "%s（現在 %s）の価格改定: 適用開始日は？（YYYY-MM-DD）",
	"con.price_new":        "%s の %s からの新しい単価:",
	"con.price_changed":    "%[3]s から %[2]s に単価を改定しました（%[1]s）。",
	"con.renewals":         "更新履歴",
	"con.renewals_earlier": "… ほか%d件",
	"con.renewal_auto":     "自動",
	"con.renewal_manual":   "手動",
	"con.renewal_line":     "%s  終了日 %s → %s  %s  %s",
	// Contracts screen.
	"con.title":                    "契約",
	"con.renewals_title":           "更新の判断が必要な契約",
	"con.search_placeholder":       "番号・顧客・件名・担当",
	"con.search_hint":              "/ 検索 · F 状態 · W 担当 · B 請求実行 · R 更新",
	"con.empty":                    "契約はまだありません。n で登録します。",
	"con.no_renewals":              "いま更新の判断が必要な契約はありません。",
	"con.col_title":                "件名",
	"con.col_next":                 "次回請求",
	"con.col_monthly":              "月額",
	"con.col_end":                  "終了日",
	"con.open_ended":               "期限なし",
	"con.ends_in":                  "あと%d日",
	"con.status.draft":             "下書き",
	"con.status.active":            "有効",
	"con.status.ended":             "終了",
	"con.status.cancelled":         "解約",
	"con.pick_customer":            "どの顧客との契約ですか？",
	"con.saved":                    "契約を保存しました。",
	"con.confirm_activate":         "この契約を有効にしますか？ 番号が付き、開始日から請求されます。",
	"con.activated":                "契約を有効にしました。",
	"con.confirm_renew":            "この契約を更新期間分、更新しますか？",
	"con.renewed":                  "契約を更新しました。",
	"con.end_reason":               "契約を終了する理由は？（記録に残ります）",
	"con.cancel_reason":            "解約の理由は？（記録に残ります）",
	"con.ended":                    "契約を終了しました。",
	"con.cancelled":                "契約を解約しました。",
	"con.period":                   "期間 %s 〜 %s",
	"con.billing":                  "%s請求（%s）・%s",
	"con.in_advance":               "前払い",
	"con.in_arrears":               "後払い",
	"con.every_n":                  "%dか月ごと",
	"con.cycle.monthly":            "毎月",
	"con.cycle.every_n_months":     "Nか月ごと",
	"con.cycle.yearly":             "毎年",
	"con.cycle.one_off":            "1回のみ",
	"con.auto_renew":               "自動更新 %dか月・通知 %d日前",
	"con.manual_renew":             "自動更新なし・終了%d日前に判断",
	"con.lines":                    "明細",
	"con.price_history":            "単価の履歴",
	"con.lines_short":              "行",
	"con.new_title":                "契約の新規登録",
	"con.edit_title":               "契約 %s",
	"con.end_hint":                 "空欄: 期限なし",
	"con.cycle_months_hint":        "Nか月ごとの場合",
	"con.yes":                      "する",
	"con.no":                       "しない",
	"con.field.title":              "件名",
	"con.field.start":              "開始日",
	"con.field.end":                "終了日",
	"con.field.cycle":              "請求周期",
	"con.field.cycle_months":       "周期（か月）",
	"con.field.billing_day":        "請求日",
	"con.field.in_advance":         "請求時期",
	"con.field.pro_rate":           "日割り",
	"con.field.payment_method":     "支払方法",
	"con.field.auto_renew":         "自動更新",
	"con.field.renewal_months":     "更新期間（か月）",
	"con.field.notice_days":        "通知期限（日）",
	"con.bill_month":               "何月分の請求を実行しますか？（YYYY-MM）",
	"con.bill_nothing":             "%s に請求するものはありません（%d件は請求済み）。",
	"con.bill_preview":             "%s の請求実行: 請求書%d件",
	"con.bill_more":                "… ほか%d件",
	"con.bill_total":               "合計 %s",
	"con.bill_already":             "この月の契約%d件は請求済みのため対象外です。",
	"con.bill_renews":              "先に自動更新: %s",
	"con.bill_issue":               "作成して発行する",
	"con.bill_drafts":              "下書きで作成する",
	"con.bill_none_made":           "新しく作るものはありません（%d件は請求済み）。",
	"con.bill_made":                "請求書を%d件作りました。",
	"con.bill_export":              "すべてPDFで出力しますか？",
	"key.person_filter":            "担当",
	"key.activate":                 "有効化",
	"key.billing_run":              "請求実行",
	"key.renewals":                 "更新",
	"key.renew":                    "更新する",
	"key.end_contract":             "終了",
	"key.cancel_contract":          "解約",
	"tab.contracts":                "契約",
	"tab.documents":                "書類",
	"tab.payments":                 "入金",
	"tab.overdue":                  "滞留",
	"tab.reports":                  "レポート",
	"later.contracts":              "契約・更新・月次請求はdaichoの今後のリリースで追加されます。この画面は場所を確保しているだけで、まだ何も保存されません。",
	"later.documents":              "見積書・納品書・請求書はdaichoの今後のリリースで追加されます。この画面は場所を確保しているだけで、まだ何も保存されません。",
	"later.payments":               "入金と銀行ファイルの消込はdaichoの今後のリリースで追加されます。この画面は場所を確保しているだけで、まだ何も保存されません。",
	"later.overdue":                "滞留一覧と督促はdaichoの今後のリリースで追加されます。この画面は場所を確保しているだけで、まだ何も保存されません。",
	"loading":                      "読み込み中…",
	"confirm.keys":                 "y / enter: はい    n / esc: いいえ",
	"confirm.discard":              "保存していない変更を破棄しますか？",
	"confirm.quit_unsaved":         "保存していない変更があります。破棄して終了しますか？",
	"customers.title":              "顧客マスタ",
	"customers.count":              "%d / %d件",
	"customers.sorted_by":          "並び順: %s",
	"customers.with_archived":      "（アーカイブ済みを表示中）",
	"customers.filter_hint":        "/ でコード・名称・フリガナ・電話・メールを絞り込み",
	"customers.filter_placeholder": "入力して絞り込み（ひらがな・カタカナどちらでも）",
	"customers.empty":              "顧客はまだいません。n で最初の顧客を登録します。",
	"customers.col_person":         "担当",
	"customers.new_title":          "顧客の新規登録",
	"customers.edit_title":         "顧客 %s の編集",
	"customers.code_hint":          "自動で提案。変更も可",
	"customers.kana_hint":          "並び替えに使う読み",
	"customers.day_hint":           "1〜28、31 = 月末",
	"customers.honorific_none":     "なし",
	"customers.created":            "顧客 %s を登録しました。",
	"customers.saved":              "顧客 %s を保存しました。",
	"customers.not_saved":          "保存していません: ✗ の項目を直してください（ctrl+s でもう一度）。",
	"customers.confirm_archive":    "%s %s をアーカイブしますか？\n一覧からは外れますが、記録はすべて残ります。",
	"customers.confirm_restore":    "%s %s を一覧に戻しますか？",
	"customers.archived":           "顧客 %s をアーカイブしました。",
	"customers.restored":           "顧客 %s を一覧に戻しました。",
	"customers.archived_mark":      "［アーカイブ済み］",
	"customers.documents":          "書類（%d件）",
	"customers.terms":              "支払条件",
	"terms.format":                 "%[1]s締め%[2]s%[3]s払い",
	"terms.closing_end":            "月末",
	"terms.closing_day":            "%d日",
	"terms.payment_end":            "末",
	"terms.payment_day":            "%d日",
	"terms.pay_month0":             "当月",
	"terms.pay_month1":             "翌月",
	"terms.pay_month2":             "翌々月",
	"terms.pay_month3":             "3か月後",
	"terms.holiday_next":           "翌営業日",
	"terms.holiday_previous":       "前営業日",
	"terms.holiday_keep":           "そのまま",
	"setup.edit_title":             "自社情報: これから発行する書類に印刷されます（発行済みの書類は変わりません）。",
	"setup.saved":                  "自社情報を保存しました。",
	"key.settings":                 "自社情報",
	"setup.edit_tab":               "自社情報",
	"err.path.absolute":            "/ から始まる完全なパスで入力してください",
	"err.path.missing":             "ファイルがありません",
	"err.seal.png":                 "PNG画像を指定してください",
	"field.exports_dir":            "PDFの保存先",
	"field.seal_path":              "社印・ロゴ（PNG）",
	"setup.exports_hint":           "空欄: ドキュメント/daicho",
	"setup.seal_hint":              "任意: PNGファイル",
	"setup.tab":                    "自社情報の設定",
	"setup.title":                  "daichoへようこそ。まず自社情報を登録します。すべての書類に印刷されます。",
	"setup.name_hint":              "請求書に印刷する名称",
	"setup.regno_hint":             "適格請求書に必要",
	"setup.bank_hint":              "請求書に印刷（任意）",
	"setup.month":                  "%d月",
	"setup.round_floor":            "切り捨て",
	"setup.round_half_up":          "四捨五入",
	"setup.round_ceil":             "切り上げ",
	"setup.account_ordinary":       "普通",
	"setup.account_current":        "当座",
	"setup.account_savings":        "貯蓄",
	"field.billing_combine":        "請求の作り方",
	"setup.billing_per_contract":   "契約ごとに1通",
	"setup.billing_per_customer":   "顧客ごとにまとめて1通",
	"setup.shortfall_hint":         "振込手数料として閉じられる不足額の上限",
	"setup.not_saved":              "保存していません: ✗ の項目を直してください（ctrl+s でもう一度）。",
	"err.number":                   "数字で入力してください",
	"key.next_screen":              "次の画面",
	"key.prev_screen":              "前の画面",
	"key.jump":                     "画面へ移動",
	"key.help":                     "キー一覧",
	"key.quit":                     "終了",
	"key.up":                       "上",
	"key.down":                     "下",
	"key.top":                      "先頭",
	"key.bottom":                   "末尾",
	"key.page_up":                  "前ページ",
	"key.page_down":                "次ページ",
	"key.filter":                   "絞り込み",
	"key.open":                     "開く",
	"key.new":                      "新規",
	"key.edit":                     "編集",
	"key.archive":                  "アーカイブ",
	"key.sort":                     "並び替え",
	"key.show_archived":            "アーカイブ表示",
	"key.back":                     "戻る",
	"key.filter_apply":             "絞り込み確定",
	"key.filter_clear":             "絞り込み解除",
	"key.next_field":               "次の項目",
	"key.prev_field":               "前の項目",
	"key.choose":                   "選択",
	"key.save":                     "保存",
	"key.cancel":                   "取消",
	"key.yes":                      "はい",
	"key.no":                       "いいえ",

	"err.required":               "入力してください",
	"err.too_long":               "%d文字以内で入力してください",
	"err.control_chars":          "制御文字が含まれています",
	"err.one_line":               "1行で入力してください",
	"err.choice":                 "次のいずれかを選んでください: %s",
	"err.range":                  "%d〜%dで入力してください",
	"err.day.range":              "%d〜%dの日、または月末の%dを入力してください",
	"err.postal.format_jp":       "123-4567の形で入力してください",
	"err.phone.format":           "数字と - ( ) 、先頭の + で入力してください（6桁以上）",
	"err.email.format":           "メールアドレスではありません（name@example.jp）",
	"err.kana.format":            "カナ（または英字）で入力してください。漢字は使えません",
	"err.code.format":            "英数字・-・_ で16文字以内にしてください",
	"err.currency.unknown":       "不明な通貨です",
	"err.account.number":         "8桁以内の数字で入力してください",
	"err.regno.format":           "Tと13桁の数字で入力してください（T1234567890123）",
	"err.regno.check_digit":      "チェックデジットが合いません。番号を確認してください",
	"err.money.empty":            "金額を入力してください",
	"err.money.syntax":           "金額として読めません（例: 12,345）",
	"err.money.fraction":         "この通貨の小数点以下は%d桁です",
	"err.money.overflow":         "金額が大きすぎます",
	"err.quantity.empty":         "数量を入力してください",
	"err.quantity.syntax":        "数量として読めません（例: 1.5）",
	"err.quantity.decimals":      "小数点以下は%d桁までです",
	"err.quantity.overflow":      "数量が大きすぎます",
	"err.customer.not_found":     "顧客 %v は見つかりません",
	"err.customer.code_taken":    "コード %s は他の顧客が使っています",
	"err.customer.code_repeated": "コード %s がこのファイルに2回あります（最初は%d行目）",
	"err.company.not_set":        "自社情報がまだ設定されていません",
	"err.changed_since_opened":   "開いた後に他の人がこのデータを保存しました。開き直してからもう一度変更してください",
	"err.db.locked":              "データベースが使用中です（他のdaichoが書き込み中）。もう一度お試しください",
	"err.db.damaged":             "データベースファイル %s が壊れています（%s）。何も書き込んでいません。バックアップから復元する（daicho restore FILE。毎日のコピーは隣の backups フォルダにあります）か、--db で別のファイルを開いてください",
	"err.db.too_new":             "データベースファイル %s は新しいdaichoで作られています（スキーマ%d、このプログラムは%dまで）。新しいdaichoをインストールしてください",
	"err.db.not_daicho":          "%s は他のプログラムのSQLiteデータベースで、daichoの台帳ではありません。何も書き込んでいません。--db で別のファイルを指定してください",
	"err.at_line":                "%d行目: %s",
	"err.unexpected":             "予期しないエラー: %s",

	// SSH server mode (daicho serve) and "changed by X at T" (issue 8).
	"err.changed_by":        "%s さんが %s に変更しました。読み込み直しますか？",
	"setup.exports_fixed":   "サーバーがすべての接続に決めています（daicho serve --exports）",
	"export.remote_saved":   "サーバーに保存しました: %s（SSH接続ではこの画面で開けません）",
	"form.reloaded":         "読み込み直しました。いま保存されている内容を表示しています",
	"key.reload":            "再読み込み",
	"app.reloaded":          "再読み込みしました。全員が保存した最新の内容を表示しています",
	"serve.need_keys":       "--authorized-keys FILE を指定してください。ログインできる公開鍵を1行に1つ、OpenSSH形式で、コメントにユーザー名を書いたファイルです（ssh-ed25519 AAAA… hanako）",
	"serve.bad_listen":      "--listen %q はアドレスではありません。HOST:PORT の形で指定してください（例: 127.0.0.1:2222）",
	"serve.bad_idle":        "--idle-timeout %s: 正の時間を指定してください（例: 30m）",
	"serve.keys_unreadable": "公開鍵ファイル %s を読めません: %v",
	"serve.keys_empty":      "公開鍵ファイル %s に鍵がありません。1人1行で書いてください（例: ssh-ed25519 AAAA… hanako）",
	"serve.keys_bad_line":   "%s の%d行目: OpenSSH形式の公開鍵ではありません（%v）",
	"serve.keys_options":    "%s の%d行目: 鍵の前のオプション（from=、command= など）には対応していません。鍵の種類、鍵、ユーザー名だけを書いてください",
	"serve.host_key":        "ホスト鍵 %s を読むことも作ることもできません: %v",
	"serve.host_key_bad":    "%s はSSHの秘密鍵ではありません（%v）。別の場所に移すと、次の起動で daicho serve が新しい鍵を作ります",
	"serve.exports":         "出力フォルダ %s を作れません: %v",
	"serve.listen_failed":   "%s で待ち受けできません: %v。他のプログラムがこのポートを使っていませんか？ --listen で別のポートを指定してください",
	"serve.listening":       "daicho serve: %s で台帳 %s を提供しています\n  ホスト鍵 %s（%s）\n  ファイルの出力先 %s\n  Ctrl+C で停止します\n",
	"serve.stopping":        "daicho serve: 停止します。接続中のセッションを閉じます（フォームの未保存の変更は失われます）\n",
	"serve.key_mode_fixed":  "daicho serve: %s を他の人も読めました（%s）。0600 にしました\n",
	"serve.no_pty":          "daicho には端末が必要です。ssh -t で接続してください",
	"serve.no_command":      "daicho serve は台帳の画面だけを提供します。コマンドを付けずに接続してください",
	"serve.idle_closed":     "daicho: %s の間キー入力がなかったため、接続を閉じました",
	"serve.shutdown_closed": "daicho: サーバーを停止します",
	"serve.key_removed":     "daicho: あなたの鍵は公開鍵ファイルから削除されています",

	// Documents (store).
	"err.document.not_found":            "書類 %v は見つかりません",
	"err.document.frozen":               "%s は発行済みのため変更できません。取り消すか、訂正版を作ってください",
	"err.document.too_many_lines":       "明細は%d行までです",
	"err.document.before_issue_date":    "発行日より前の日付にはできません",
	"err.document.due_before_issue":     "支払期限を発行日より前にはできません",
	"err.document.credit_needs_invoice": "返品・値引きは発行済みの請求書から作ってください",
	"err.document.exceeds_remaining":    "未納品・未請求の残り（%s）を超えています",
	"err.document.no_lines":             "明細を1行以上入力してください",
	"err.document.line_no_tax":          "税率区分を選んでください",
	"err.document.company_regno":        "適格請求書には自社の登録番号が必要です。設定で入力してください",
	"err.document.number_taken":         "番号 %s はすでに使われています。もう一度発行してください",
	"err.document.dn_already_invoiced":  "納品書 %s はすでに請求書 %s に含まれています",
	"err.document.void_draft":           "下書きは取り消しません。削除してください",
	"err.document.already_void":         "%s はすでに取り消されています",
	"err.document.void_has_targets":     "%s から作った %s が有効なため取り消せません。先にそちらを取り消してください",
	"err.document.outcome_not_allowed":  "受注・失注にできるのは発行済みの見積書だけです",
	"err.document.convert_not_allowed":  "見積書から作れるのは納品書と請求書だけです",
	"err.document.convert_needs_issued": "変換できるのは発行済み・受注済みの見積書だけです%.0s",
	"err.document.not_a_source_line":    "明細 %v はこの見積書の明細ではありません",
	"err.document.nothing_remaining":    "%s はすべて納品・請求済みです",
	"err.document.no_delivery_notes":    "%s までに請求していない発行済みの納品書はありません",
	"err.document.mixed_price_modes":    "税込と税抜の納品書が混ざっています。分けて請求してください",
	"err.date.format":                   "日付として読めません（例: 2026-11-26）",
	"err.date.range":                    "存在しない日付です",
	"err.tax.no_rate":                   "この税率区分は %s には税率がありません",
	"err.product.not_found":             "品目 %v は見つかりません",
	"err.product.code_taken":            "コード %s は他の品目が使っています",
	"err.money.negative":                "マイナスにはできません",
	"err.quantity.negative":             "マイナスにはできません（見積書の残りから取る数量です）",
	"err.number_format.placeholders":    "{kind}、{year}、{seq} をすべて含めてください（例: {kind}-{year}-{seq:4}）",
	"field.kind":                        "種類",
	"field.customer":                    "顧客",
	"field.subject":                     "件名",
	"field.issue_date":                  "発行日",
	"field.valid_until":                 "有効期限",
	"field.delivery_date":               "納品日",
	"field.closing_date":                "締め日（請求）",
	"field.due_date":                    "支払期限",
	"field.price_mode":                  "税込・税抜",
	"field.lines":                       "明細",
	"field.line":                        "明細%d行目: %s",
	"field.description":                 "品名・摘要",
	"field.quantity":                    "数量",
	"field.unit":                        "単位",
	"field.unit_price":                  "単価",
	"field.tax_category":                "税率区分",
	"field.product":                     "品目",
	"field.product_code":                "品目コード",
	"field.cost_price":                  "仕切り値",
	"field.reason":                      "理由",
	"field.corrects":                    "訂正する請求書",
	"field.document_number":             "書類番号",
	"field.number_format":               "書類番号の形式",
	"field.company.registration_number": "自社の登録番号",

	// Payments (store).
	"err.payment.amount_positive":       "入金額を0より大きい金額で入力してください",
	"err.payment.reversal_by_reverse":   "入金の取消は取消操作で行います。入金として登録はできません",
	"err.payment.not_found":             "入金 %v は見つかりません",
	"err.payment.is_reversal":           "この記録は取消の記録です。取消や消込はできません",
	"err.payment.already_reversed":      "この入金はすでに取り消されています",
	"err.payment.reversed":              "この入金は取り消されているため消込できません",
	"err.allocation.amount_positive":    "0より大きい金額を入力してください",
	"err.allocation.exceeds_payment":    "入金の残額を超えています（残り %s）",
	"err.allocation.exceeds_open":       "%s の未入金額を超えています（未入金 %s）",
	"err.allocation.not_issued_invoice": "%s は発行済みの請求書ではありません",
	"err.allocation.other_customer":     "%s は別の顧客の請求書です",
	"err.allocation.not_found":          "消込 %v は見つかりません",
	"err.allocation.is_reversal":        "この記録は取消の記録です。取り消せません",
	"err.allocation.already_reversed":   "この消込はすでに取り消されています",
	"err.shortfall.nothing_open":        "%s に未入金はありません",
	"err.shortfall.beyond_tolerance":    "未入金 %s は差額の許容額 %s を超えています。不足分の入金を登録するか、設定で許容額を変更してください",
	"err.credit.exceeds_open":           "返品・値引きの額が %s の未入金額（%s）を超えています。先に消込を取り消してください（入金は顧客の前受金になります）",
	"err.invoice.void_paid":             "%s には入金が消し込まれています。取り消す前に消込を取り消してください",
	"field.method":                      "入金方法",
	"field.payer_name":                  "振込名義",
	"field.reference":                   "参照番号",
	"field.memo":                        "メモ",
	"field.note":                        "内容",
	"field.invoice":                     "請求書",
	"field.shortfall_tolerance":         "差額の許容額",

	// Bank files (store/bank).
	"err.bank.empty":            "ファイルが空です",
	"err.bank.record_length":    "レコード長が%dバイトです（全銀フォーマットは%dバイト）",
	"err.bank.record_type":      "データ区分 %q は不明です（1 ヘッダー・2 データ・8 トレーラー・9 エンド）",
	"err.bank.kind":             "種別コード %q には対応していません（01 振込入金通知・03 入出金取引明細のみ）",
	"err.bank.no_header":        "ヘッダーレコードより前にレコードがあります",
	"err.bank.no_trailer":       "トレーラーレコードがありません",
	"err.bank.no_end":           "エンドレコードがありません。ファイルが途中で切れていませんか",
	"err.bank.after_end":        "エンドレコードの後にデータがあります",
	"err.bank.number":           "%q は数字ではありません",
	"err.bank.date":             "%q は日付として読めません",
	"err.bank.code":             "区分 %q は不明です",
	"err.bank.encoding":         "文字コードを読み取れません（Shift_JIS・JIS・UTF-8 ではありません）",
	"err.bank.trailer_count":    "トレーラーの件数 %d 件がデータの %d 件と一致しません",
	"err.bank.trailer_total":    "トレーラーの合計 %d がデータの合計 %d と一致しません",
	"err.bank.profile":          "CSVプロファイル %q に日付列・入金列がないか、文字コードの指定が不明です",
	"err.bank.header_not_found": "%q を含む見出し行がありません。プロファイルは合っていますか",
	"err.bank.missing_column":   "見出し行に列 %q がありません",
	"err.bank.amount":           "%q は金額として読めません",
	"err.bank.negative":         "入金額がマイナスです（%q）",
	// Contracts (store).
	"err.contract.not_found":           "契約 %v はありません",
	"err.contract.end_before_start":    "終了日は開始日より前にできません",
	"err.contract.one_off_renewal":     "一回限りの契約は更新されません",
	"err.contract.renew_needs_end":     "自動更新する契約には終了日が必要です",
	"err.contract.renew_needs_term":    "更新期間（月数）を入力してください",
	"err.contract.too_many_lines":      "契約の明細は%d行までです",
	"err.contract.quantity_positive":   "0より大きい数を入力してください",
	"err.contract.no_lines":            "明細を1行以上入力してください",
	"err.contract.not_editable":        "この契約は終了または解約済みのため変更できません",
	"err.contract.customer_fixed":      "有効な契約の顧客は変更できません。契約を終了して新しい契約を作成してください",
	"err.contract.terms_billed":        "この契約には請求済みの期間があるため変更できません。契約を終了して新しい契約を作成してください",
	"err.contract.line_not_found":      "明細 %v はこの契約の明細ではありません",
	"err.contract.price_use_change":    "有効な契約の単価は適用開始日を指定して改定します。編集を閉じて c（価格改定）を押してください（履歴が残ります）",
	"err.contract.not_draft":           "%s はすでに有効です",
	"err.contract.number_taken":        "番号 %s はすでに使われています。もう一度有効にしてください",
	"err.contract.price_before_start":  "契約開始日（%s）より前にはできません",
	"err.contract.price_unchanged":     "%s 時点ですでにこの単価です。新しい単価を入力してください",
	"err.contract.price_change_billed": "この契約は %s まで請求済みです。単価の改定は %s 以降に適用できます",
	"err.contract.not_active":          "更新・終了できるのは有効な契約だけです",
	"err.contract.already_cancelled":   "この契約はすでに解約されています",
	"err.contract.open_ended":          "この契約には終了日がないため、更新するものはありません",
	"field.title":                      "件名",
	"field.start":                      "開始日",
	"field.end":                        "終了日",
	"field.cycle":                      "請求サイクル",
	"field.cycle_months":               "請求間隔（月）",
	"field.billing_day":                "請求日",
	"field.in_advance":                 "前払い",
	"field.payment_method":             "支払方法",
	"field.auto_renew":                 "自動更新",
	"field.renewal_months":             "更新期間（月）",
	"field.notice_days":                "通知期限（日）",
	"field.from":                       "適用開始日",
	"field.month":                      "対象月",
	"field.contract_number":            "契約番号",
	"field.id":                         "明細",
	"field.code":                       "コード",
	"field.name":                       "名称",
	"field.kana":                       "フリガナ",
	"field.honorific":                  "敬称",
	"field.postal_code":                "郵便番号",
	"field.address1":                   "住所",
	"field.address2":                   "住所（建物名）",
	"field.department":                 "部署",
	"field.contact":                    "担当者名（先方）",
	"field.email":                      "メール",
	"field.phone":                      "電話番号",
	"field.closing_day":                "締め日",
	"field.months_deferred":            "支払月（何か月後）",
	"field.payment_day":                "支払日",
	"field.holiday_rule":               "休日の場合",
	"field.registration_number":        "登録番号",
	"field.language":                   "書類の言語",
	"field.person_in_charge":           "担当者（自社）",
	"field.notes":                      "備考",
	"field.archived":                   "アーカイブ",
	"field.fiscal_year_start":          "期首月",
	"field.currency":                   "通貨",
	"field.tax_rounding":               "消費税の端数処理",
	"field.bank":                       "銀行名",
	"field.branch":                     "支店名",
	"field.account_type":               "口座種別",
	"field.number":                     "口座番号",
	"field.holder_kana":                "口座名義（カナ）",

	// CLI (main.go) and imports.
	"cli.usage": `daicho — 小さな事務所のための、キーボードで操作する販売台帳です。

使い方:
  daicho                           台帳を開きます（全画面のTUI）
  daicho --demo                    使い捨てのデモ用データベースで試します（終了時に削除）
  daicho demo [--size small|large] [--force]
                                   データベースにデモデータを入れます
  daicho list customers [--format table|csv|json] [--archived]
                                   顧客マスタを標準出力に出します
  daicho list products [--format table|csv|json] [--archived]
                                   品目（価格表）を出します
  daicho list documents [--kind K] [--status S] [--customer CODE]
                        [--from DATE] [--to DATE] [--format table|csv|json]
                                   見積書・納品書・請求書・返品伝票を出します
  daicho list payments [--customer CODE] [--from DATE] [--to DATE]
                       [--format table|csv|json]
                                   受け取った入金を出します
  daicho list contracts [--status S] [--customer CODE] [--format table|csv|json]
                                   契約（定期請求）を出します
  daicho list inquiries [--status S] [--customer CODE] [--format table|csv|json]
                                   問合せ履歴（顧客からの問合せ）を出します
  daicho import customers FILE     CSVまたはJSONのファイルから顧客を追加します
  daicho import documents FILE [--issue]
                                   JSONのファイルから書類を追加し（--issue で発行）、
                                   結果をJSONで出します
  daicho import bank FILE [--format zengin|csv] [--profile NAME] [--dry-run]
                                   銀行ファイルの入金を取り込み、確実なものを
                                   請求書に消し込みます
  daicho overdue [--as-of DATE] [--format table|csv|json]
                                   支払期日を過ぎた請求書を出します
  daicho report sales|margin [--from DATE] [--to DATE]
                [--by month|customer|product|person] [--format table|csv|json]
                                   税抜売上（margin は原価・粗利・粗利率も）を
                                   月別・顧客別・商品別・担当者別に出します
  daicho report aging [--to DATE] [--by customer] [--format table|csv|json]
                                   期日超過の売掛金を年齢区分ごとに出します
  daicho bill --month YYYY-MM [--issue] [--dry-run]
                                   定期請求: その月に請求する契約すべての
                                   請求書を作ります
  daicho export pdf NUMBER [-o FILE | --dir DIR] [--force]
                                   書類1件、または契約の契約内容確認書
                                   （K-2026-0001）をPDFに出力します
  daicho export pdf --kind K --month YYYY-MM [--dir DIR] [--force]
                                   ひと月分の同じ種類の書類をPDFに出力します
  daicho export statement CODE --from DATE --to DATE [-o FILE | --dir DIR]
                          [--force]
                                   顧客の取引明細書をPDFに出力します
  daicho export statement --all --from DATE --to DATE [--dir DIR] [--force]
                                   期間に取引のあるすべての顧客の取引明細書を
                                   出力します
  daicho export csv invoices|payments|customers|documents [--from DATE]
                    [--to DATE] [--encoding utf8|sjis] [-o FILE] [--force]
                                   税理士向けの表をCSVで出力します
  daicho export journal --format hledger|yayoi [--from DATE] [--to DATE]
                        [-o FILE] [--force]
                                   台帳を hledger または弥生会計の仕訳として
                                   出力します
  daicho mail NUMBER [--dry-run]   書類のPDFを取引先のメールアドレスに送信します
                                   （SMTPサーバー未設定なら .eml ファイルを保存）。
                                   --dry-run は送らずにメールを表示します
  daicho backup [--to DIR]         データベースをバックアップ先にコピーして
                                   検査し、設定の保存数を超える古いものを削除します
  daicho restore FILE [--yes]      検査と確認のあと、バックアップでデータベースを
                                   置き換えます。置き換えたファイルは隣に残します
  daicho check                     データベースファイルと台帳の規則を検査します。
                                   すべて守られているときだけ終了コード 0
  daicho serve --authorized-keys FILE [--listen HOST:PORT] [--host-key FILE]
               [--exports DIR] [--idle-timeout 30m]
                                   SSHで複数の人が同時にTUIを使えるようにします
  daicho version                   バージョンを表示します
  daicho help                      このヘルプを表示します

どのコマンドにも使えるフラグ（コマンドの前でも後でも可）:
  --db PATH     データベースファイル。省略時は $DAICHO_DB、それもなければ
                $XDG_DATA_HOME/daicho/daicho.db（~/.local/share/daicho/daicho.db）
  --lang en|ja  メッセージの言語。省略時は LANG が ja_* なら日本語、それ以外は英語

demo: 架空の自社情報に加え、small は顧客40件・品目15件と、すべての種類と
  状態の書類を、large は顧客10,000件と3年分の請求書100,000件も入れます。
  すでにデータのあるデータベースには入れません。--force を付けると、
  既存の自社情報はそのまま残し、デモの顧客を使用中の最大のコードの
  次の番号から追加します。品目と書類は、デモが自分で用意したデータベースに
  だけ作ります（発行した書類は本物の番号を使い、削除できないため）。
  上書きは一切しません。どちらのサイズでも契約も入れます。small は11件
  （毎月・四半期・毎年のもの、月の途中から始まる日割りのもの、まもなく終了するもの、
  自動更新するもの、解約済みのもの、下書き）、large はさらに契約中の5,000件です。

list customers: --archived を付けない限り、どの形式でもアーカイブ済みの
  顧客は出しません。table（既定）はコード・名称・フリガナ・電話番号・担当者を
  日本語でも揃えて表示します。csv と json は全項目を下のキーで出します。
  csv では = + - @ で始まるセルの先頭に ' を付け、表計算ソフトが数式として
  実行しないようにします（import で元に戻します）。

import customers FILE: 見出し行にキーを並べたCSV（UTF-8 または Shift_JIS。
  順序は自由、code と name は必須）:
    code, name, kana, honorific, postal_code, address1, address2,
    department, contact, email, phone, closing_day, months_deferred,
    payment_day, holiday_rule, registration_number, language,
    person_in_charge, notes, archived
  または JSON（list --format json の出力の形）。FILE に - を指定すると標準入力から
  読みます。先に全行を検査し、1件でも誤りがあれば何も取り込まず、
  誤りをすべて行番号付きで表示します。使用中のコードは上書きせず、誤りとして報告します。

list products: コード・名称・単位・単価・原価・税区分を出します。アーカイブ済みの
  品目は --archived を付けたときだけ出します。csv と json は全項目（code, name,
  kana, unit, unit_price, cost_price, tax_category, archived）を出します。

list documents: 新しい順、下書きが先頭です。--kind は estimate、delivery_note、
  invoice、credit_note。--status は draft、issued、accepted、declined、expired
  （有効期限の過ぎた発行済み見積書）、void。--customer CODE。--from と --to で
  発行日の範囲（YYYY-MM-DD）を絞ります。table は番号（下書きは「下書き」）・種類・
  顧客・件名・発行日・合計・状態を、csv はそれに顧客コードと支払期日を加えて
  1書類1行で、json は各書類のすべてを import documents が読む形で出します。

import documents FILE: 書類のJSON配列。例:
    [{"kind": "invoice", "customer_code": "C0001", "issue_date": "2026-11-20",
      "subject": "11月分", "price_mode": "exclusive", "notes": "",
      "lines": [{"product_code": "P0001", "description": "作業費",
                 "quantity": "1.5", "unit": "時間", "unit_price": 8000,
                 "tax_rate": 10}]}]
  kind は estimate、delivery_note、invoice、credit_note。price_mode は exclusive
  （税抜、既定）か inclusive（税込）。product_code は省略できます。金額は通貨の
  最小単位（円）の整数、tax_rate は発行日に有効な税率（10、8、0）です。
  valid_until（見積書）、delivery_date（納品書）、closing_date と due_date
  （請求書）は指定でき、省略すると発行時に決まります。返品伝票は訂正する
  請求書を "sources": ["I-2026-0001"] で指定します。list documents --format json
  が加える項目は残してかまいません。number と status は無視し、amount、taxes、
  total は daicho の計算と一致する必要があります。書類は下書きとして、--issue
  を付けると発行（採番）して、まとめて取り込みます。1件でも問題があれば何も
  取り込まず、問題ごとに書類の番号（最初が1）、キー（lines.0 は1行目）、理由を
  表示します。FILE に - を指定すると標準入力から読みます。

export: PDFは設定の出力先フォルダに、未設定ならホームフォルダの
  Documents/daicho に、それもなければデータベースのフォルダに保存します。
  --dir DIR で別のフォルダを、-o FILE でファイルそのものを指定できます
  （フォルダは既存のものに限ります）。ファイル名は番号と顧客名で、
  I-2026-0007_株式会社テスト.pdf のようになります（取引明細書は
  statement_C0001_2026-10-01_2026-10-31.pdf）。同じ名前のファイルは --force を
  付けたときだけ置き換えます。ファイルは書き終えてから現れるので、書きかけの
  PDFが残ることはありません。書き出したパスを1行に1つ標準出力に出します。
  export pdf --kind --month: 指定した種類（estimate、delivery_note、invoice、
  credit_note）で発行日がその月の書類を、下書きも含めて（DRAFT の透かし入り）、
  無効にしたものを除いて、2コアで出力します。Ctrl+C で止めても、書き出した
  ファイルはすべて完全です。
  export statement: --from より前の繰越残高（発行済みの請求書から発行済みの
  返品伝票を引いた額）と、--from から --to（YYYY-MM-DD）までに発行した請求書と
  返品伝票を載せます。
  export pdf K-2026-0001: 契約番号を指定すると契約内容確認書（当事者、契約期間、
  請求の条件、お支払方法、更新条件、単価改定を含む明細）を
  K-2026-0001_株式会社テスト.pdf に出力します。
  export statement --all: 期間内に請求書・返品伝票・入金があるか、期末に残高の
  ある顧客ごとに取引明細書を1つずつ、上と同じ名前で出力します。1つでも同じ
  名前のファイルがあれば、--force を付けない限り何も書き出しません。
  export csv と export journal は標準出力に、-o FILE を付けるとそのファイルに
  書き出します（--force と、書き終えてから現れる点は同じです）。--from と --to
  （YYYY-MM-DD、どちらも省略可）で出力する日付の範囲を指定します。
  export csv: RFC 4180 のCSV（CRLF、キーの見出し行）で、UTF-8、または
  --encoding sjis でExcel向けのShift_JISです。Shift_JISにない文字があると
  その場所を示して止まります。金額は円（最小単位）です。= + - @、タブ、CR、NUL
  で始まる文字のセルには先頭に ' を付け、表計算ソフトが数式として実行しない
  ようにします（数値には付けません）。invoices: 発行済みと無効の請求書・返品
  伝票を発行日順に、税率ごと（10、8、0、その他）の税抜額と税額、小計、税額、
  合計、入金済、調整、返品、残高。返品伝票はマイナス、無効のものは0なので、
  列の合計が純売上になります。payments: すべての入金の記録。取消はマイナスで、
  取り消した入金を示します。customers: すべての顧客を上のキーで。documents:
  発行済みのすべての書類（見積書・納品書・請求書・返品伝票）の明細1行ごとに、
  原価付きで。
  export journal: 貸借の合う仕訳です。請求書は売掛金（顧客ごと）を借方に、
  税率ごとの売上と仮受消費税を貸方に、返品伝票はその逆。入金は預金（現金払いは
  現金）を借方に売掛金を貸方に、取消は同じ仕訳をマイナスで。不足額を閉じた
  振込手数料・値引は支払手数料・売上値引を借方に。無効の書類は仕訳しません。
  --format hledger: 勘定科目と通貨を宣言した仕訳帳（hledger check が通ります。
  勘定科目名は --lang の言語）。--format yayoi: 弥生会計の仕訳日記帳
  インポート形式（Shift_JIS、25列、売上は税込: 課税売上込10% など）。

list payments: 新しい順に、消し込んだ額と残り（顧客の未消込の入金）を付けて
  出します。取消はマイナスの金額を持つ別の記録です。--customer、--from、--to
  （入金日）で絞ります。csv と json のキー: id, date, customer_code,
  customer_name, amount, allocated, unapplied, method, payer_name, reference,
  memo, reversed, reverses, reason。

import bank FILE: 全銀協フォーマットのファイル（入出金取引明細・振込入金通知）
  か、銀行のCSV。形式は --format がなければ自動で判別します。CSVは --profile
  で指定した列の定義（組み込み: generic, azukari, oazukeire, oazukekingaku,
  nyushukkin, ukeire。または消込画面で保存したもの）で、なければ合うものを
  探して読みます。入金だけを、まとめて取り込みます。1行でも問題があれば何も
  取り込まず、問題を行番号付きで表示します。取込済みの入金（同じ口座の同じ
  明細）は見分けて触れないので、同じファイルを2回取り込んでも何も増えません。
  新しい入金はそれぞれ未入金の請求書と照合し、確実なもの（未入金額と金額が
  一致し、以前の消込で覚えた振込依頼人名か、摘要の請求書番号があるもの）だけを
  その場で入金として記録します。残りは最有力の候補とともに表示し、消込画面で
  確認を待ちます。--dry-run は読んで表示するだけで、何も書き込みません。

overdue: --as-of（省略時は今日）の時点で支払期日を過ぎて未入金のある請求書を、
  遅れの長い順に、遅延日数と年齢区分を付けて出し、区分ごとの合計も出します。
  担当者への毎日のメールなどに。json と csv のキー: number, customer_code,
  customer_name, person_in_charge, issue_date, due_date, total, paid, open,
  days_overdue, bucket（1-30, 31-60, 61-90, 90+）。

report sales|margin: 発行済みの請求書から発行済みの返品伝票を差し引いた
  税抜売上を発行日で集計します。下書きと無効の書類は数えません。期間は
  --from〜--to、省略時は今月までの12か月です。--by は month（既定。期間の
  すべての月を、売上のない月も出します）、customer、product、person（顧客の
  担当者）。margin は原価（明細を作ったときの仕切り値 × 数量）・粗利・粗利率
  も出します。税込の書類では、商品の売上は税率ごとの税抜額を金額の割合で
  分けたものなので、どの単位で集計しても合計は同じです。csv のキー: key,
  label, documents, sales（margin は cost, profit, margin（%）も）。合計行は
  ありません。json は {from, to, by, rows, total}。
report aging: --to（省略時は今日）時点の期日超過の売掛金を、daicho overdue
  と同じく年齢区分ごとに合計します。--by customer で顧客ごとの合計も出します
  （csv: code, name, person_in_charge, invoices, oldest_days, open。
  それ以外は bucket, invoices, open）。

list contracts: 下書きが先頭、あとは番号順です。--status は draft、active、
  ended、cancelled。--customer CODE。table は番号・顧客・契約名・状態・周期・
  次回請求日・月額（税抜）・終了日（契約中なら残り日数も）を、csv は1契約1行で
  （number, customer_code, customer_name, title, status, cycle, start, end,
  next_billing, monthly_value, ends_in_days, auto_renew, person_in_charge）、
  json は各契約のすべて（start、end（期間の定めなしは null）、cycle、
  cycle_months、billing_day（31 は月末）、in_advance、pro_rate、payment_method、
  auto_renew、renewal_months、notice_days、cancel_reason、notes、単価の履歴
  （prices: [{from, unit_price}]）付きの明細、table の数値）を出します。

list inquiries: 問合せ画面と同じ順（対応中、回答待、完了の順。その中では
  次回対応日の近い順（なしは後）、次に新しい順）に出します。--status は
  open、waiting、closed。--customer CODE。table は状況・次回対応日・受付日・
  顧客・件名・担当・受付方法・関連書類を、csv と json はキー id,
  customer_code, customer_name, date, channel（phone, email, visit, other）,
  subject, body, status, person, document（書類番号。json ではなければ
  null）, follow_up（json ではなければ null）で出します。

bill --month YYYY-MM: 定期請求です。その月に請求期間のある契約ごとに請求書を
  1通（設定で顧客ごとにまとめることもできます）作り、各明細に対象期間
  （保守料 2026年12月分）を付け、契約で指定があれば端数期間を日割りします。
  期間の満了する自動更新の契約は先に更新します。請求書は下書きで、--issue を
  付けると発行（採番）まで一度に行います。途中で失敗すると何も作りません。
  請求済みの期間は二度と請求しないので、同じ月を二度実行しても新たには
  何も作らず、その旨を表示します。--dry-run は作る請求書をすべて（顧客、契約、
  明細、合計）表示するだけで、何も書き込みません。

backup: 設定のバックアップ先（空欄ならデータベースと同じフォルダの backups）
  または --to DIR に、VACUUM INTO で daicho-YYYYMMDD-HHMMSS.db（現地時刻）を
  0600 で作ります（フォルダは 0700）。コピーを検査（integrity_check と台帳の
  規則）してから、保存数（設定がなければ 14）を超える古いものを削除します。
  削除するのはこの名前のファイルだけです。TUI はその日の最初の起動時に、
  裏で1日1回このバックアップを作ります。コピーのパスを表示します。
restore FILE: FILE が integrity_check と台帳の規則に合格し、新しい daicho の
  ものでない daicho のデータベースであることを確かめ、y と答えると（または
  --yes で）データベースを DB.before-restore-YYYYMMDD-HHMMSS に残して FILE を
  コピーします。他の daicho はすべて閉じてください。開かれている間は復元を
  断ります。
check: 読むだけで何も書き込みません。integrity_check（見つかった問題すべて）
  と台帳の規則（請求の残高、入金を超えない消し込み、種類・年度ごとに欠番の
  ない番号とカウンター、発行済み書類の合計と明細の一致、納品書の二重請求が
  ないこと）を検査し、違反を1行ずつ表示します。

serve: SSHサーバー（--listen がなければ 127.0.0.1:2222）を起動し、接続ごとに
  このデータベースのTUIを1つ提供します。入れるのは --authorized-keys の公開鍵
  だけです（OpenSSH形式で1行に1つ、コメントに監査ログに出る本人の名前。
  コメントがなければ ssh のログイン名）。パスワードは使えません。ホスト鍵は
  初回起動時に 0600 で作ります（--host-key がなければデータベースと同じ
  フォルダの ssh_host_ed25519_key）。接続が書き出すファイルは --exports
  （既定はデータベースと同じフォルダの exports）の中だけです。--idle-timeout の
  間キー入力のない接続は閉じます。接続の開始と終了を1行ずつ標準エラーに
  出力します。Ctrl+C または SIGTERM で接続を閉じて停止します。

終了コード: 0 完了、1 直すべき問題あり（メッセージを参照）、2 使い方の誤り。
`,
	"cli.usage_short":             "使い方: daicho [--db PATH] [--lang en|ja] [--demo] [demo|list|import|export|overdue|report|bill|backup|restore|check|serve|version|help] …\nコマンドの一覧は daicho help で表示します。\n",
	"cli.unknown_command":         "不明なコマンドです: %q",
	"cli.unexpected_arg":          "余分な引数があります: %q",
	"cli.bad_lang":                "不明な言語です: %q（en か ja を指定してください）",
	"cli.demo_flag_alone":         "--demo は使い捨てのデータベースでTUIを開くもので、コマンドとは併用できません",
	"cli.version":                 "daicho %s（データベーススキーマ %d）",
	"cli.no_home":                 "データベースを置くホームフォルダが見つかりません。--db PATH か $DAICHO_DB でファイルを指定してください",
	"cli.demo.temp":               "デモ用データベースの一時フォルダを作れません: %v",
	"cli.demo.bad_size":           "不明なサイズです: %q（small か large を指定してください）",
	"cli.demo.has_data":           "%s にはすでにデータ（自社情報または顧客）があるため、何も変更していません。それでもデモの顧客を追加するには daicho demo --force を実行してください（自社情報はそのまま残ります）。このファイルに触れずに試すには daicho --demo を実行してください",
	"cli.demo.done":               "デモの顧客 %d 件、品目 %d 件、書類 %d 件を %s に追加しました",
	"cli.list.what":               "何を一覧しますか？ daicho list customers、products、documents、payments、contracts、inquiries のいずれかです",
	"cli.list.unknown":            "%q は一覧できません。一覧できるのは customers、products、documents、payments、contracts、inquiries です",
	"cli.list.bad_format":         "不明な形式です: %q（table、csv、json のいずれかを指定してください）",
	"cli.list.archived_mark":      "アーカイブ済",
	"cli.list.empty":              "一覧する顧客がありません",
	"cli.import.what":             "何を取り込みますか？ daicho import customers FILE、daicho import documents FILE、daicho import bank FILE のいずれかです",
	"cli.import.unknown":          "%q は取り込めません。取り込めるのは customers、documents、bank です",
	"cli.import.need_file":        "取り込むファイルを指定してください: daicho import %s FILE",
	"cli.import.read":             "%s を読めません: %v",
	"cli.import.stdin":            "標準入力",
	"cli.import.problems":         "%s: 問題が %d 件あります。何も取り込んでいません:",
	"cli.import.record":           "%d件目: %s",
	"cli.import.fix":              "ファイルを直してから、もう一度取り込んでください。",
	"cli.import.done":             "%[2]s から顧客 %[1]d 件を取り込みました",
	"err.import.too_large":        "%s は %d MB を超えています。ファイルを確認してください",
	"err.import.encoding":         "%s は UTF-8 でも Shift_JIS でもありません。CSV（UTF-8）で保存し直してください",
	"err.import.empty":            "%s には顧客がありません",
	"err.import.int":              "%s は整数ではありません",
	"err.import.bool":             "%s は true か false で入力してください",
	"err.import.unknown_column":   "見出しに不明な列 %s があります。使える列: %s",
	"err.import.duplicate_column": "見出しに列 %s が2回あります",
	"err.import.missing_column":   "見出しに必須の列 %s がありません",
	"err.import.field_count":      "この行のセルは %d 個ですが、見出しは %d 個です",
	"err.import.unnamed_column":   "%d 番目のセルに値がありますが、見出しに列名がありません",
	"err.import.csv_quote":        "引用符で始まるセルが閉じていません（\" が足りません）",
	"err.import.csv_bare_quote":   "引用符で囲まれていないセルに \" があります。セルを \" で囲み、中の \" は2つ重ねてください",
	"err.import.csv_syntax":       "ここでCSVを読めません: %s",
	"err.import.json_array":       "ファイルには顧客のJSON配列が必要です: [{…}, {…}]",
	"err.import.json_record":      "このレコードがオブジェクト {…} ではありません",
	"err.import.json_text":        "\" で囲んだ文字列で指定してください",
	"err.import.unknown_key":      "不明なキー %s があります。使えるキー: %s",
	"err.import.json_syntax":      "JSONが %d 行目で壊れています（%s）",
	"err.import.json_truncated":   "JSONが途中で終わっています（] か } が足りません）",
	"err.import.json_trailing":    "閉じ ] の後に余分な文字があります",
	"cli.list.flag_not_for":       "--%s は list %s には使えません",
	"cli.list.bad_kind":           "不明な種類です: %q（%s のいずれかを指定してください）",
	"cli.list.bad_status":         "不明な状態です: %q（%s のいずれかを指定してください）",
	"cli.list.bad_date":           "%s %q は日付ではありません（YYYY-MM-DD で指定してください）",
	"cli.list.from_after_to":      "--from %s が --to %s より後です",
	"cli.list.empty_products":     "一覧する品目がありません",
	"cli.list.empty_documents":    "一覧する書類がありません",
	"cli.col.code":                "コード",
	"cli.col.name":                "名称",
	"cli.col.unit":                "単位",
	"cli.col.unit_price":          "単価",
	"cli.col.cost_price":          "原価",
	"cli.col.tax":                 "税区分",
	"cli.col.number":              "番号",
	"cli.col.kind":                "種類",
	"cli.col.customer":            "顧客",
	"cli.col.subject":             "件名",
	"cli.col.issue_date":          "発行日",
	"cli.col.total":               "合計",
	"cli.col.status":              "状態",
	"cli.kind.estimate":           "見積書",
	"cli.kind.delivery_note":      "納品書",
	"cli.kind.invoice":            "請求書",
	"cli.kind.credit_note":        "返品伝票",
	"cli.status.draft":            "下書き",
	"cli.status.issued":           "発行済",
	"cli.status.accepted":         "受注",
	"cli.status.declined":         "失注",
	"cli.status.expired":          "期限切れ",
	"cli.status.void":             "無効",
	"cli.tax.standard":            "標準（10%）",
	"cli.tax.reduced":             "軽減（8%）",
	"cli.tax.exempt":              "非課税",
	"cli.import.issue_documents":  "--issue は import documents にだけ使えます",
	"cli.import.document":         "%d件目の書類: %s",
	"err.import.json_documents":   "ファイルには書類のJSON配列が必要です: [{…}, {…}]",
	"err.import.no_documents":     "%s には書類がありません",
	"err.import.json_list":        "配列 [ … ] で指定してください",
	"err.import.json_object":      "オブジェクト {…} で指定してください",
	"err.import.not_for_kind":     "種類 %s の書類にはこの日付はありません",
	"err.import.tax_rate":         "%d%% の税区分は %s にはありません",
	"err.import.mismatch":         "ファイルでは %d ですが、daicho の計算では %d です（数量×単価は四捨五入、消費税は税率ごとに1回）",
	"err.import.taxes_mismatch":   "税率ごとの金額が daicho の計算と違います（消費税は明細ごとではなく税率ごとに1回計算します）",
	"cli.export.what":             "何を出力しますか？ daicho export pdf NUMBER、daicho export pdf --kind K --month YYYY-MM、daicho export statement CODE|--all --from DATE --to DATE、daicho export csv TABLE、daicho export journal --format hledger|yayoi のいずれかです",
	"cli.export.unknown":          "%q は出力できません。出力できるのは pdf、statement、csv、journal です",
	"cli.export.flag_not_for":     "--%s は export %s には使えません",
	"cli.export.o_and_dir":        "-o はファイル名、--dir はフォルダの指定です。どちらか一方にしてください",
	"cli.export.number_or_month":  "書類番号か、ひと月分の --kind と --month のどちらかを指定してください（両方は指定できません）",
	"cli.export.pdf_what":         "どのPDFですか？ daicho export pdf NUMBER か、種類とひと月を指定して daicho export pdf --kind invoice --month 2026-11 です",
	"cli.export.kind_and_month":   "--kind と --month は一緒に指定します: daicho export pdf --kind invoice --month 2026-11",
	"cli.export.o_with_month":     "-o は1つのファイルの指定です。ひと月分の書類はフォルダに出力します: --dir DIR を使ってください",
	"cli.export.bad_month":        "--month %q は年月ではありません（YYYY-MM で指定してください）",
	"cli.export.statement_who":    "顧客を指定してください: daicho export statement CODE --from DATE --to DATE",
	"cli.export.need_period":      "取引明細書には期間が必要です: --from DATE --to DATE（YYYY-MM-DD）",
	"cli.export.o_is_folder":      "%s はフォルダです。-o には書き出すファイル名を指定します（フォルダは --dir で指定します）",
	"cli.export.no_folder":        "フォルダ %s がありません。先に作るか、-o を付けずに出力先フォルダへ保存してください",
	"cli.export.exists":           "%s はすでにあるため、何も書き出していません。置き換えるには --force を付けてください",
	"cli.export.cannot_write":     "%s に書き出せません: %v",
	"cli.export.none":             "出力するものがありません: 発行日が %[2]s の%[1]sはありません（無効にした書類は除きます）",
	"cli.export.interrupted":      "%d / %d件のPDFを書き出したところで中断しました。書き出したファイルは完全です",
	"cli.export.partial":          "%d / %d件のPDFを書き出したところで止まりました:",
	"cli.export.batch_done":       "%d件のPDFを %s に出力しました（%.1f 秒）",

	// CLI: the accountant's exports: CSV, journals, statements for all (issue 7).
	"cli.export.csv_what":               "どの表ですか？ daicho export csv invoices|payments|customers|documents [--from DATE --to DATE] [--encoding utf8|sjis] [-o FILE]",
	"cli.export.csv_unknown":            "%q はCSVに出力できません。出力できる表は %s です",
	"cli.export.bad_encoding":           "--encoding %q は使えません（utf8 か sjis を指定してください）",
	"cli.export.customers_no_period":    "export csv customers には --from と --to は使えません（すべての顧客を出力します）",
	"cli.export.journal_format":         "どの形式ですか？ daicho export journal --format hledger|yayoi [--from DATE --to DATE] [-o FILE]",
	"cli.export.bad_journal_format":     "仕訳の形式 %q はありません（hledger か yayoi を指定してください）",
	"cli.export.all_or_code":            "顧客コードか --all のどちらか一方を指定してください",
	"cli.export.o_with_all":             "-o はファイル1つを指定します。--all は顧客ごとの取引明細書をフォルダに出力するので、--dir DIR を使ってください",
	"cli.export.no_statements":          "出力するものはありません。%s から %s までに書類・入金・残高のある顧客はいません",
	"cli.export.statements_exist":       "取引明細書 %[2]d件のうち%[1]d件がすでにあるため（%[3]s など）、何も書き出していません。置き換えるには --force を付けてください",
	"cli.export.statements_interrupted": "取引明細書 %[2]d件のうち%[1]d件を書き出したところで中断しました。書き出したファイルはすべて完全です",
	"cli.export.statements_partial":     "取引明細書 %[2]d件のうち%[1]d件を書き出して止まりました:",
	"cli.export.statements_done":        "%d件の取引明細書を %s に出力しました",
	"err.export.not_sjis":               "%d行目（%s）の %s: %q（%s）はShift_JISで書けません。daichoで文字を直すか、CSVなら --encoding utf8 で出力してください",
	"err.export.yayoi_yen":              "弥生会計は円で記帳しますが、この台帳の通貨は %s です。--format hledger で出力してください",

	// CLI: payments, bank import and overdue (issue 5).
	"cli.demo.payments":               "入金 %d 件も追加しました。消し込みを試すデモの銀行ファイル（daicho import bank FILE）:\n  %s",
	"cli.list.empty_payments":         "一覧する入金がありません",
	"cli.col.date":                    "日付",
	"cli.col.amount":                  "金額",
	"cli.col.allocated":               "消込済",
	"cli.col.unapplied":               "未消込",
	"cli.col.method":                  "方法",
	"cli.col.payer":                   "振込依頼人",
	"cli.col.person":                  "担当者",
	"cli.col.due_date":                "支払期日",
	"cli.col.days":                    "遅延日数",
	"cli.col.open":                    "未入金",
	"cli.col.bucket":                  "区分",
	"cli.payment.reversal":            "#%d の取消: %s",
	"cli.payment.reversed":            "取消済",
	"cli.overdue.none":                "%s の時点で期日を過ぎた請求書はありません",
	"cli.overdue.bucket":              "%s日: %d件（%s）",
	"cli.overdue.total":               "%s 時点で期日超過の請求書 %d 件、計 %s: %s",
	"cli.import.bank_flag":            "--%s は import bank にだけ使えます",
	"cli.import.bad_bank_format":      "不明な銀行ファイルの形式です: %q（zengin か csv を指定してください）",
	"cli.import.profile_csv":          "--profile はCSVの列の定義を指定するもので、--format zengin には使えません",
	"cli.bank.summary":                "%s: 入金 %d 件（新規 %d 件、取込済み %d 件は触れていません）",
	"cli.bank.summary_dry":            "%s（試行のみ。何も書き込んでいません）: 入金 %d 件（新規 %d 件、取込済み %d 件）",
	"cli.bank.matched":                "消し込んで入金として記録しました（%d 件）:",
	"cli.bank.would_match":            "消し込んで記録する入金（%d 件）:",
	"cli.bank.review":                 "消込画面で確認してください（%d 件、最有力の候補）:",
	"cli.bank.unmatched":              "候補なし（%d 件）: 消込画面で手動で割り当てるか、対象外にしてください",
	"cli.bank.confirm_failed":         "%s の入金は確認待ちにしました: %s",
	"cli.bank.no_invoice":             "（未入金の請求書なし: 未消込の入金になります）",
	"cli.bank.fee":                    "手数料 %s",
	"match.reason.exact_amount":       "金額が一致",
	"match.reason.fee_deducted":       "振込手数料 %s 差引",
	"match.reason.shortfall":          "%s 不足",
	"match.reason.payer_name":         "振込依頼人名が一致",
	"match.reason.alias":              "以前の消込で覚えた振込依頼人",
	"match.reason.number_in_memo":     "摘要に請求書番号",
	"match.reason.combined":           "請求書 %s 件分",
	"cli.bank.confidence.high":        "確実",
	"cli.bank.confidence.medium":      "有力",
	"cli.bank.confidence.low":         "可能性あり",
	"err.reconcile.amount_positive":   "入金額は0より大きくなければなりません",
	"err.reconcile.line_not_found":    "銀行明細 %v はありません",
	"err.reconcile.line_matched":      "この入金は消込済みです（入金 #%v）",
	"err.reconcile.line_skipped":      "この入金は対象外にしてあります。先に戻してください",
	"err.reconcile.payment_live":      "この入金の記録 #%v が有効です。先に入金を取り消してください",
	"err.reconcile.alias_not_found":   "この顧客について振込依頼人名 %s は覚えていません",
	"err.reconcile.profile_json":      "列の定義は JSON のオブジェクトでなければなりません",
	"err.reconcile.profile_not_found": "%s という名前のCSVの列の定義はありません（組み込み: generic, azukari, oazukeire, oazukekingaku, nyushukkin, ukeire）",
	"field.identity":                  "明細の識別子",
	"field.bank_profile":              "CSVの列の定義",

	// CLI: contracts, the billing run and the contract summary (issue 6).
	"cli.bill.need_month":               "どの月ですか？ daicho bill --month YYYY-MM（先に --dry-run で確認できます）",
	"cli.bill.failed":                   "何も請求していません。契約 %s: %s",
	"cli.bill.plan":                     "%s の定期請求（試行: 何も書き込んでいません）: 請求書 %d 件を作ります。請求済みの契約期間 %d 件はそのままです。",
	"cli.bill.would_renew":              "先に自動更新します: %s",
	"cli.bill.invoice":                  "%s %s · %s · 発行日 %s",
	"cli.bill.totals":                   "小計 %s · 消費税 %s · 合計 %s",
	"cli.bill.plan_total":               "請求書 %d 件、合計 %s。--dry-run を付けずに実行すると作成します（--issue で同時に発行）。",
	"cli.bill.none_due":                 "%s: この月に請求する契約期間はありません。何も作っていません",
	"cli.bill.nothing_new":              "%s: 請求済みです。新たに作るものはありません（請求済みの契約期間 %d 件）",
	"cli.bill.renewed":                  "自動更新しました: %s",
	"cli.bill.made_drafts":              "%s の定期請求: 請求書の下書きを %d 件作りました。書類画面で発行するか、次回は --issue を付けてください。請求済みの契約期間 %d 件はそのままです。",
	"cli.bill.made_issued":              "%s の定期請求: 請求書 %d 件を作成し発行しました。請求済みの契約期間 %d 件はそのままです。",
	"cli.bill.draft":                    "下書き #%d",
	"cli.bill.more":                     "…ほか %d 件",
	"cli.col.description":               "品名・内容",
	"cli.col.quantity":                  "数量",
	"cli.col.title":                     "契約名",
	"cli.col.cycle":                     "周期",
	"cli.col.next_billing":              "次回請求",
	"cli.col.monthly":                   "月額",
	"cli.col.end":                       "終了日",
	"cli.contract.status.draft":         "下書き",
	"cli.contract.status.active":        "契約中",
	"cli.contract.status.ended":         "終了",
	"cli.contract.status.cancelled":     "解約",
	"cli.contract.cycle.monthly":        "毎月",
	"cli.contract.cycle.every_n_months": "数か月ごと",
	"cli.contract.cycle.yearly":         "毎年",
	"cli.contract.cycle.one_off":        "1回のみ",
	"cli.contract.open_ended":           "期間の定めなし",
	"cli.contract.ends_in":              "（あと%d日）",
	"cli.list.empty_contracts":          "一覧する契約がありません",
	"cli.export.no_number":              "番号 %s の書類も契約もありません",
	"cli.demo.contracts":                "契約 %d 件も追加しました（daicho list contracts）。次回の定期請求の確認: daicho bill --month 2026-12 --dry-run",

	// Email (issue 8): the preview and sending from the documents and overdue
	// screens, the mail log in the document view, the mail settings page and
	// the reasons of store/mail_*.go and store/mail.
	"key.mail":                          "メール送信",
	"key.mail_reminder":                 "督促メール",
	"key.send":                          "送信",
	"key.mail_to":                       "宛先",
	"key.mail_subject":                  "件名",
	"key.mail_settings":                 "メール設定",
	"key.company_settings":              "会社設定",
	"mail.preview_title":                "メールで送信しますか？",
	"mail.preview_reminder_title":       "督促状をメールで送信しますか？",
	"mail.to":                           "宛先",
	"mail.subject":                      "件名",
	"mail.attachment":                   "添付",
	"mail.via":                          "送信方法",
	"mail.via_smtp":                     "%s:%d（%s）",
	"mail.via_eml":                      "SMTPサーバー未設定: %s に .eml ファイルとして保存し、メールソフトから送信します",
	"mail.security.starttls":            "STARTTLS",
	"mail.security.tls":                 "TLS",
	"mail.security.none":                "なし（このマシン内のみ）",
	"mail.more_lines":                   "… ほか%d行",
	"mail.keys":                         "y/enter 送信 · t 宛先 · s 件名 · esc 送信しない",
	"mail.retry_keys":                   "y 再送信 · esc 送信しない",
	"mail.sending":                      "%s に送信中…",
	"mail.ask_to":                       "宛先（メールアドレス1件）",
	"mail.ask_subject":                  "件名",
	"mail.draft_refused":                "下書きは送信できません。発行（I）してから送信（m）してください。",
	"mail.cannot":                       "送信できません: %s",
	"mail.not_sent":                     "送信できませんでした（送信済みにはしていません）: %s",
	"mail.send_failed":                  "サーバー %s がメールを受け付けませんでした: %s",
	"mail.not_logged":                   "%s へのメールは送信されましたが、送信記録を書けませんでした（%s）。再送信しないでください",
	"mail.sent":                         "%s を %s に送信しました",
	"mail.saved_eml":                    "SMTPサーバー未設定のため、%s 宛てのメールを %s に保存しました。メールソフトから送信してください",
	"mail.log_title":                    "メール送信履歴（%d件）",
	"mail.log_more":                     "… ほか%d件",
	"mail.log_smtp":                     "SMTP",
	"mail.log_eml":                      ".emlファイル",
	"mail.log_reminder":                 "督促",
	"mailset.tab":                       "メール設定",
	"mailset.title":                     "メール設定（pgup: 会社設定）",
	"mailset.saved":                     "メール設定を保存しました。",
	"mailset.not_saved":                 "保存していません。印の付いた項目を直してください。",
	"mailset.host_hint":                 "空欄: サーバーなし（エクスポート先に .eml を保存）",
	"mailset.port_hint":                 "587 STARTTLS · 465 TLS · 25 なし",
	"mailset.password_env_hint":         "パスワードを入れた環境変数の「名前」",
	"mailset.password_file_hint":        "または本人だけが読めるファイル（chmod 600）",
	"mailset.from_hint":                 "空欄: 会社のメールアドレス",
	"mailset.from_name_hint":            "空欄: 会社名",
	"mailset.lines_hint":                "%s = 改行",
	"field.host":                        "SMTPサーバー",
	"field.security":                    "暗号化",
	"field.port":                        "ポート",
	"field.username":                    "ユーザー名",
	"field.password_env":                "パスワードの環境変数",
	"field.password_file":               "パスワードファイル",
	"field.from_address":                "差出人アドレス",
	"field.from_name":                   "差出人名",
	"field.to":                          "宛先",
	"field.file":                        "ファイル",
	"field.ja.subject":                  "件名（日本語）",
	"field.ja.body":                     "本文（日本語）",
	"field.ja.reminder_subject":         "督促の件名（日本語）",
	"field.ja.reminder_body":            "督促の本文（日本語）",
	"field.en.subject":                  "件名（英語）",
	"field.en.body":                     "本文（英語）",
	"field.en.reminder_subject":         "督促の件名（英語）",
	"field.en.reminder_body":            "督促の本文（英語）",
	"err.mail.host":                     "smtp.example.jp のようなサーバー名かアドレスを入力してください（スキームやポートは不要）",
	"err.mail.env_name":                 "英数字と _ のみ（例: DAICHO_SMTP_PASSWORD）。パスワードそのものではなく変数名です",
	"err.mail.password_both":            "パスワードの環境変数とファイルは、どちらか一方だけにしてください",
	"err.mail.password_missing":         "ユーザー名があるときは、パスワードの環境変数かファイルを指定してください",
	"err.mail.placeholder":              "%v は使えない差し込み項目です。%v を使ってください",
	"err.mail.draft":                    "下書きは送信できません。先に発行してください",
	"err.mail.void":                     "%v は無効になっているため送信しません",
	"err.mail.other_customer":           "%v は別の取引先の書類です",
	"err.mail.no_email":                 "%v %v にメールアドレスがありません。先に取引先に登録してください",
	"err.mail.bad_email":                "%v のメールアドレス（%v）が使えません。取引先で直してください",
	"err.mail.no_from":                  "差出人がありません。メール設定の差出人アドレスか、会社設定のメールアドレスを入力してください",
	"err.mail.password_env_unset":       "環境変数 %v が設定されていない（または空）です",
	"err.mail.password_file_unreadable": "パスワードファイル %v を読めません: %v",
	"err.mail.password_file_mode":       "パスワードファイル %v が他の人にも読める状態です（モード %v）。chmod 600 にしてください",
	"err.mail.password_file_empty":      "パスワードファイル %v が空です",
	"cli.mail.number":                   "どの書類ですか？ daicho mail NUMBER（例: I-2026-0007）",
	"cli.mail.no_number":                "%s という番号の書類はありません",
	"cli.mail.dry_run":                  "（確認のみ: 送信も記録もしていません）",
	"err.reminder.nothing_overdue":      "%v %v には%v現在の延滞がないため、督促しません",
	// The inquiry log (issue 7, サポート履歴): the Inquiries tab, the inquiry
	// form, the customer detail's section, the store's reasons and the CLI.
	"tab.inquiries":                       "問合せ",
	"key.inquiry":                         "問合せ",
	"field.channel":                       "受付方法",
	"field.body":                          "内容",
	"field.status":                        "状況",
	"field.person":                        "担当",
	"field.document":                      "関連書類",
	"field.follow_up":                     "次回対応日",
	"inq.status.open":                     "対応中",
	"inq.status.waiting":                  "回答待",
	"inq.status.closed":                   "完了",
	"inq.channel.phone":                   "電話",
	"inq.channel.email":                   "メール",
	"inq.channel.visit":                   "対面",
	"inq.channel.other":                   "その他",
	"inq.title":                           "問合せ履歴",
	"inq.col_status":                      "状況",
	"inq.col_follow_up":                   "次回対応",
	"inq.col_date":                        "受付日",
	"inq.col_customer":                    "顧客",
	"inq.col_subject":                     "件名",
	"inq.col_person":                      "担当",
	"inq.col_channel":                     "方法",
	"inq.col_document":                    "関連書類",
	"inq.search_placeholder":              "顧客・件名",
	"inq.search_hint":                     "/ で顧客（名称・フリガナ・コード）・件名を絞り込み",
	"inq.filter_active":                   "未完了（対応中・回答待）",
	"inq.filter_closed":                   "完了のみ",
	"inq.empty":                           "問合せはまだありません。n でここから登録するか、顧客を選んでいる画面（顧客・書類・延滞・契約・入金）で i を押してください。",
	"inq.pick_customer":                   "問合せ元の顧客を選んでください",
	"inq.new_title":                       "問合せの登録: %s %s",
	"inq.edit_title":                      "問合せ #%d: %s %s",
	"inq.date_hint":                       "YYYY-MM-DD",
	"inq.body_hint":                       "⏎ で改行",
	"inq.document_hint":                   "例: I-2026-0007",
	"inq.document_draft_hint":             "下書きは発行後に紐付け",
	"inq.follow_up_hint":                  "空欄: なし",
	"inq.saving":                          "保存中…",
	"inq.created":                         "%[2]s %[3]s の問合せ #%[1]d を登録しました。",
	"inq.saved":                           "問合せ #%d を保存しました（%s %s）。",
	"inq.not_saved":                       "保存していません: ✗ の項目を直してください（ctrl+s でもう一度）。",
	"inq.section":                         "問合せ（%d件）",
	"inq.more":                            "…ほか%d件（問合せタブ）",
	"inq.next":                            "次回 %s",
	"err.inquiry.not_found":               "問合せ #%v は見つかりません",
	"err.inquiry.document_unknown":        "番号 %v の書類はありません",
	"err.inquiry.document_draft":          "下書きにはまだ番号がありません。発行してから紐付けるか、空欄にしてください",
	"err.inquiry.document_other_customer": "%v は %v ではなく別の顧客の書類です",
	"err.inquiry.follow_up_before_date":   "受付日（%v）以降の日付にしてください",
	"cli.list.empty_inquiries":            "表示する問合せはありません",
	"cli.inq.col_channel":                 "受付方法",
	"cli.inq.col_document":                "関連書類",
	"cli.inq.col_follow_up":               "次回対応日",
	"cli.demo.inquiries":                  "問合せ %d 件も追加しました（daicho list inquiries）。",

	// Sales and margin reports: the report command, the Reports screen and the
	// document view's gross profit (issue 7, margin).
	"err.report.to_before_from": "期間の開始日（%s）より前にはできません",
	"cli.report.what":           "何を出しますか？ daicho report sales、margin、aging のどれかです",
	"cli.report.unknown":        "%q というレポートはありません: daicho report は sales、margin、aging を出します",
	"cli.report.bad_by":         "集計の単位 %q はありません（%s のどれか）",
	"cli.report.aging_by":       "report aging は顧客別（--by customer）にだけまとめられます（%q は使えません）",
	"cli.report.aging_from":     "report aging はある一日（--to、省略時は今日）時点の表です: --from は使えません",
	"cli.report.sales_heading":  "売上（税抜） %s〜%s %s",
	"cli.report.margin_heading": "売上・原価・粗利 %s〜%s %s",
	"cli.report.by_month":       "月別",
	"cli.report.by_customer":    "顧客別",
	"cli.report.by_product":     "商品別",
	"cli.report.by_person":      "担当者別",
	"cli.report.col_month":      "月",
	"cli.report.col_customer":   "コード",
	"cli.report.col_product":    "コード",
	"cli.report.col_person":     "担当者",
	"cli.report.nothing":        "%s〜%s に発行した請求書・返品伝票はありません",
	"cli.report.total":          "合計",
	"cli.report.no_product":     "（商品なし）",
	"cli.report.no_person":      "（担当なし）",
	"cli.report.aging_heading":  "%s 時点の売掛金",
	"cli.report.days":           "%s日",
	"cli.col.documents":         "件数",
	"cli.col.sales":             "売上",
	"cli.col.cost_total":        "原価",
	"cli.col.profit":            "粗利",
	"cli.col.margin":            "粗利率",
	"cli.col.invoices":          "請求書数",
	"cli.col.oldest":            "最長遅延日数",
	"rep.period":                "%s〜%s",
	"rep.loading":               "読み込み中…",
	"rep.view.month":            "月別",
	"rep.view.customer":         "顧客別",
	"rep.view.product":          "商品別",
	"rep.view.person":           "担当者別",
	"rep.view.aging":            "売掛金年齢",
	"rep.view.cash":             "入金",
	"rep.col.month":             "月",
	"rep.col.code":              "コード",
	"rep.col.customer":          "顧客",
	"rep.col.product":           "商品",
	"rep.col.person":            "担当者",
	"rep.col.docs":              "件数",
	"rep.col.sales":             "売上",
	"rep.col.cost":              "原価",
	"rep.col.profit":            "粗利",
	"rep.col.margin":            "粗利率",
	"rep.col.received":          "入金額",
	"rep.col.bucket":            "遅延日数",
	"rep.col.invoices":          "請求書数",
	"rep.col.open":              "未入金",
	"rep.total":                 "合計",
	"rep.no_product":            "（商品なし）",
	"rep.no_person":             "（担当なし）",
	"rep.sorted":                "並び順: %s",
	"rep.sort.sales":            "売上",
	"rep.sort.profit":           "粗利",
	"rep.sort.margin":           "粗利率",
	"rep.sort.code":             "コード",
	"rep.empty":                 "この期間に発行した請求書・返品伝票はありません。",
	"rep.sales_note":            "売上は税抜（請求書 − 返品伝票）、原価は明細ごとの仕切り値 × 数量です。",
	"rep.aging_title":           "%s 時点の売掛金（期日前と、期日超過の日数別）",
	"rep.aging_none":            "%s 時点で未入金の売掛金はありません。",
	"rep.not_due":               "期日前",
	"rep.cash_title":            "月別の入金額（取消分を差し引き）",
	"rep.from_prompt":           "期間の開始日（YYYY-MM-DD。空欄なら末日の12か月前から）",
	"rep.to_prompt":             "期間の末日（YYYY-MM-DD。空欄なら今月末）",
	"rep.period_set":            "%s〜%s のレポートです",
	"key.report_view":           "表示切替",
	"key.report_period":         "期間",
	"docs.margin":               "粗利 %s（粗利率 %s%%）・原価 %s ※社内用、印刷されません",
	"docs.margin_no_sales":      "粗利 %s・原価 %s ※社内用、印刷されません",

	// A full disk (issue 8, fault tests): SQLITE_FULL as the store reports it.
	"err.db.full": "ディスクがいっぱいです。何も保存していません。空き容量を作ってからもう一度お試しください",

	// Backups and checks (issue 8): daicho backup, restore and check, the
	// daily automatic backup and the backup settings.
	"field.backup_dir":       "バックアップの保存先",
	"field.backup_keep":      "バックアップの保存数",
	"setup.backup_dir_hint":  "空欄: データベースと同じフォルダの backups",
	"setup.backup_keep_hint": "新しいものから残します。14 = 毎日のバックアップ2週間分",
	"setup.backup_fixed":     "サーバー側の端末（serve なしの daicho）でのみ変更できます",
	"err.backup.dir":         "%s にバックアップを書き込めません（%s）。設定か --to DIR で別の保存先を指定してください",
	"err.file.missing":       "%s がありません。ファイル名とフォルダを確認してください",
	"err.db.not_sqlite":      "%s は daicho のデータベースではありません（SQLite のファイルではありません）。何も変更していません",
	"err.restore.same_file":  "%s はデータベースそのものです。バックアップのファイルを指定してください",
	"err.restore.in_use":     "%s は別の daicho（端末または SSH の接続）で開かれています。閉じてからもう一度復元してください。何も変更していません",
	"err.check.old_schema":   "%s は古い daicho のスキーマです（%d。このプログラムは %d）。一度 daicho で開くと更新されるので、その後にもう一度チェックしてください",
	"cli.backup.removed":     "古いバックアップ %s を削除しました",
	"cli.backup.violations":  "バックアップ %s を書き込みましたが、台帳が %d 件の規則に違反しています（上に表示）。古いバックアップは削除していません。このコピーは別に保管し、daicho check を実行してください",
	"cli.backup.finishing":   "今日のバックアップを仕上げています…",
	"cli.backup.auto_failed": "今日の自動バックアップに失敗しました: %s。daicho backup でもう一度お試しください",
	"cli.restore.no_file":    "復元するバックアップを指定してください: daicho restore FILE",
	"cli.restore.confirm":    "%s を %s で置き換えますか？ [y/N]",
	"cli.restore.cancelled":  "復元しませんでした",
	"cli.restore.done":       "%s を %s から復元しました。置き換えたファイルは %s に残しています",
	"cli.restore.done_new":   "%s を %s から復元しました",
	"cli.restore.violations": "%s は台帳の規則に %d 件違反しているため（上に表示）、復元しませんでした。別のバックアップを選んでください",
	"cli.check.violations":   "%s は台帳の規則に %d 件違反しています（上に表示）。バックアップから復元する（daicho restore FILE）か、この一覧を daicho の担当者に見せてください",
	"cli.check.ok":           "ok: %[3]s の伝票 %[1]d 件と入金 %[2]d 件を確認しました",

	// 他の席での変更の即時反映: 開いているフォームのデータを他の人が保存
	// （または削除）したら、すぐに知らせる。
	"live.form_stale":         "開いた後に %s さんが %s にこのデータを保存しました。保存すると読み込み直すか確認します",
	"live.form_stale_unknown": "開いた後に他の人がこのデータを保存しました。保存すると読み込み直すか確認します",
	"live.form_deleted":       "開いた後に他の人がこのデータを削除しました。保存できません",
}
