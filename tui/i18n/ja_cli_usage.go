package i18n

// jaCLIUsage: the text of daicho help, the whole command line, the short
// usage line and the version: a part of their own, so `daicho version` and
// `daicho help` make only this small map (catalog.go);
// en_cli_usage.go mirrors it key for key.
func jaCLIUsage() map[string]string {
	return map[string]string{
		"cli.usage_short": "使い方: daicho [--db PATH] [--lang en|ja] [--demo] [demo|list|import|export|overdue|report|bill|close|receipt|mail|archive|staff|notify|settings|backup|restore|check|serve|version|help] …\nコマンドの一覧は daicho help で表示します。\n",
		"cli.version":     "daicho %s（データベーススキーマ %d）",
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
                        [--from DATE] [--to DATE] [--min N] [--max N]
                        [--format table|csv|json]
                                   見積書・納品書・請求書・返品伝票を出します
                                   （--min/--max は合計金額の範囲）
  daicho list payments [--customer CODE] [--from DATE] [--to DATE]
                       [--format table|csv|json]
                                   受け取った入金を出します
  daicho list contracts [--status S] [--customer CODE] [--format table|csv|json]
                                   契約（定期請求）を出します
  daicho list inquiries [--status S] [--customer CODE] [--format table|csv|json]
                                   問合せ履歴（顧客からの問合せ）を出します
  daicho list payers [--customer CODE] [--format table|csv|json]
                                   消込で覚えた振込依頼人名を出します
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
  daicho report balances [--from DATE] [--to DATE] [--format table|csv|json]
                                   売掛金残高一覧表: 顧客ごとの前期繰越・当期売上・
                                   当期入金・調整・期末残高
  daicho bill --month YYYY-MM [--issue] [--dry-run] [--catch-up]
                                   定期請求: その月に請求する契約すべての
                                   請求書を作ります
  daicho close --date DATE [--issue] [--dry-run] [--format text|json]
               [--dir DIR] [--send [--labels] [--print]]
                                   締め処理: DATE が締め日の顧客ごとに請求書を
                                   1件作ります。--send でメール送信と郵送用の
                                   印刷用一式の作成
  daicho import balances FILE      開始残高を登録（CSV または JSON:
                                   customer_code, as_of, amount, reference）
  daicho settings [--format json] | settings set KEY=VALUE…
                                   自社情報とメール設定の表示・変更
  daicho export pdf NUMBER [-o FILE | --dir DIR] [--force]
                                   書類1件、または契約の契約内容確認書
                                   （K-2026-0001）をPDFに出力します
  daicho export pdf --kind K --month YYYY-MM [--dir DIR] [--force]
                                   ひと月分の同じ種類の書類をPDFに出力します
  daicho export pdf --contracts --month YYYY-MM [--dir DIR] [--force]
                                   毎月の契約書一括出力: 有効な契約ごとの
                                   契約内容確認書とその月の請求書
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
  daicho mail contract 番号 [--dry-run]
                                   契約内容確認書を取引先のメールアドレスに送信します
                                   （契約を有効にしたときの案内と同じメール）
  daicho archive list|verify|export
                                   取引先に渡したPDFの保存庫（電子帳簿保存法）:
                                   list [--from --to --min --max --customer
                                   --channel mail|print|export --format …]、
                                   verify（全保存ファイルを再ハッシュし、変更・
                                   欠落があれば終了コード1）、export --from D
                                   --to D --dir DIR（YYYYMMDD_取引先_金額_番号.pdf
                                   と index.csv を書き出し）
  daicho staff list [--format json] | staff add|set NAME [--name NEW]
               [--email ADDRESS] [--ssh-key NAME]
                                   担当者の一覧：通知のメールアドレスと
                                   serve 用の SSH 鍵の名前
  daicho notify [--as-of DATE] [--dry-run] [--format json]
                                   担当者ごとに、まだ知らせていない延滞・
                                   未消込入金・契約更新・フォローアップを
                                   メールで知らせます
  daicho notify settings [--send-at HH:MM] [--deposit-days N]
                                   serve が送る時刻と、入金を待つ日数
  daicho backup [--to DIR]         データベースをバックアップ先にコピーして
                                   検査し、設定の保存数を超える古いものを削除します
  daicho restore FILE [--yes]      検査と確認のあと、バックアップでデータベースを
                                   置き換えます。置き換えたファイルは隣に残します
  daicho restore --from-replica URL [--at TIME] [--yes]
                                   同じことをレプリカから行います（最新、または
                                   TIME 時点）
  daicho check                     データベースファイルと台帳の規則を検査します。
                                   すべて守られているときだけ終了コード 0
  daicho serve --authorized-keys FILE [--listen HOST:PORT] [--host-key FILE]
               [--exports DIR] [--imports DIR] [--idle-timeout 30m]
               [--replicate URL]
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
  （有効期限の過ぎた発行済み見積書）、void、または発行済み請求書の入金状況
  unpaid、partly_paid、paid（payment_status による）、overdue（今日の時点で
  支払期日を過ぎて残高があるもの）。--customer CODE。--from と --to で
  発行日の範囲（YYYY-MM-DD）を絞ります。table は番号（下書きは「下書き」）・種類・
  顧客・件名・発行日・合計・残高・状態（発行済み請求書は入金状況）を、csv は
  それに顧客コード・支払期日・paid・adjusted・credited・open・payment_status を
  加えて1書類1行で、json は各書類のすべてを import documents が読む形で出します。
  発行済み請求書には paid（消込済みの入金）、adjusted（手数料・値引きとして
  閉じた不足額）、credited（返品・値引き伝票）、open（合計からそれらを引いた
  残高。overdue と同じ額）、payment_status（unpaid、partly_paid、paid）が
  付きます。ほかの書類にはこれらのキーはありません。

import documents FILE: 書類のJSON配列。例:
    [{"kind": "invoice", "customer_code": "C0001", "issue_date": "2026-11-20",
      "subject": "11月分", "price_mode": "exclusive", "notes": "",
      "lines": [{"product_code": "P0001", "description": "作業費",
                 "quantity": "1.5", "unit": "時間", "unit_price": 8000,
                 "tax_rate": 10}]}]
  kind は estimate、delivery_note、invoice、credit_note。price_mode は exclusive
  （税抜、既定）か inclusive（税込）。product_code は省略できます。金額は通貨の
  最小単位（円）の整数、tax_rate は発行日に有効な税率（10、8、0）です。
  valid_until（見積書。省略すると発行日の1か月後、"" なら期限なし）、
  delivery_date（納品書）、closing_date と due_date（請求書）は指定でき、
  省略すると発行時に決まります。"sources" には元の書類を、画面での作成と
  同じ規則で指定します。返品伝票は訂正する請求書（"sources": ["I-2026-0001"]）、
  納品書・請求書は見積書、締め請求書は納品書です。"lines" を省くと元の書類の
  明細を引き継ぎます。アーカイブ済みの顧客の書類や、同じキーが2回ある書類は
  取り込みません。list documents --format json
  が加える項目は残してかまいません。number、status、paid、adjusted、credited、
  open、payment_status は無視し、amount、taxes、total は daicho の計算と
  一致する必要があります。書類は下書きとして、--issue
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
  取り込まず、問題を行番号付きで表示します。取込済みの入金（口座・日付・金額・
  振込依頼人・摘要が同じもの）は、期間の重なる明細や並び順の違う明細の中でも
  見分けて触れないので、同じファイルを2回取り込んでも何も増えません。同じ日の
  同じ入金が2件あれば2件として取り込みます。
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
  next_billing, monthly_value, ends_in_days, auto_renew, person_in_charge,
  notify_customer, bill_from）、
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
  明細、合計）表示するだけで、何も書き込みません。それより前に未請求の月が
  あれば標準エラーに表示してその月には触れません。--catch-up を付けると
  古い月から順に --month まで一度に請求します。アーカイブ済みの顧客の契約は
  請求せず一覧にします。

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
restore --from-replica URL: レプリカにある台帳（最新、または --at TIME の
  時点。TIME は 2026-12-04T15:30 の現地時刻か RFC 3339）をデータベースの隣の
  新しいファイルに復元して検査し、合格したときだけ restore FILE と同じように
  進みます（確認と、置き換えるファイルの保存）。
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
  （既定はデータベースと同じフォルダの exports）の中だけ、読むファイル（銀行
  ファイル、社印の画像）は --imports（既定は exports の隣の imports）の中だけ
  です。鍵のコメントの最後に role=clerk と書くと事務担当になり、書類の下書き
  と入金の記録ができます。発行・取消・設定・バックアップは管理者（role=manager
  または役割なし）だけです。--idle-timeout の
  間キー入力のない接続は閉じます。接続の開始と終了を1行ずつ標準エラーに
  出力します。Ctrl+C または SIGTERM で接続を閉じて停止します。
  --replicate URL（なければレプリカの設定）で、Litestream により台帳を
  file:///フォルダ、sftp://user@host/path（?key=FILE&host-key=…）または
  s3://bucket/path に継続して複製します。どの変更もレプリカに届いてから完了
  します。起動時にレプリカに接続できなければ起動しません。

終了コード: 0 完了、1 直すべき問題あり（メッセージを参照）、2 使い方の誤り。
`,
	}
}
