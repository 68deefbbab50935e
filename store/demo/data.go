package demo

// The word lists the demo customers are made from. Readings (kana) are the
// name without the legal form (株式会社, 有限会社, …), as Japanese offices
// sort and search by them; slugs make the email domains.

// sample is a hand-written customer: the small demo is exactly these, and the
// large one starts with them.
type sample struct {
	name, kana string
	slug       string // email domain label; "" for no email
	person     bool   // an individual, addressed with 様
	place      int    // index into places (Japanese customers)
	english    *abroad
}

// abroad is a customer outside Japan, with documents in English.
type abroad struct {
	postal, address1, address2, phone string
}

var samples = []sample{
	{name: "株式会社さくら工業", kana: "サクラコウギョウ", slug: "sakura-kogyo", place: 0},
	{name: "青葉商事株式会社", kana: "アオバショウジ", slug: "aoba-shoji", place: 1},
	{name: "有限会社山田製作所", kana: "ヤマダセイサクショ", slug: "yamada-ss", place: 5},
	{name: "株式会社東海システム", kana: "トウカイシステム", slug: "tokai-sys", place: 5},
	{name: "北斗運輸株式会社", kana: "ホクトウンユ", slug: "hokuto-unyu", place: 7},
	{name: "株式会社みなと印刷", kana: "ミナトインサツ", slug: "minato-print", place: 9},
	{name: "合同会社ひかりデザイン", kana: "ヒカリデザイン", slug: "hikari-design", place: 1},
	{name: "株式会社丸山建設", kana: "マルヤマケンセツ", slug: "maruyama-kensetsu", place: 3},
	{name: "大和食品株式会社", kana: "ヤマトショクヒン", slug: "yamato-foods", place: 4},
	{name: "税理士法人若葉会計", kana: "ワカバカイケイ", slug: "wakaba-tax", place: 2},
	{name: "株式会社ミドリ電機", kana: "ミドリデンキ", slug: "midori-denki", place: 6},
	{name: "株式会社アサヒ物流", kana: "アサヒブツリュウ", slug: "asahi-logi", place: 8},
	{name: "富士見精工株式会社", kana: "フジミセイコウ", slug: "fujimi-seiko", place: 11},
	{name: "株式会社こだま企画", kana: "コダマキカク", slug: "kodama-kikaku", place: 0},
	{name: "一般社団法人日本サンプル協会", kana: "ニホンサンプルキョウカイ", slug: "sample-kyokai", place: 0},
	{name: "株式会社銀河ソフトウェア", kana: "ギンガソフトウェア", slug: "ginga-soft", place: 2},
	{name: "株式会社松本商店", kana: "マツモトショウテン", slug: "", place: 12},
	{name: "有限会社たちばな園芸", kana: "タチバナエンゲイ", slug: "tachibana-engei", place: 10},
	{name: "株式会社北浜薬品", kana: "キタハマヤクヒン", slug: "kitahama-yakuhin", place: 4},
	{name: "瀬戸内水産株式会社", kana: "セトウチスイサン", slug: "setouchi-suisan", place: 11},
	{name: "株式会社オリオン通信", kana: "オリオンツウシン", slug: "orion-tsushin", place: 1},
	{name: "株式会社つばさ旅行", kana: "ツバサリョコウ", slug: "tsubasa-travel", place: 6},
	{name: "医療法人社団ひまわり会", kana: "ヒマワリカイ", slug: "himawari", place: 8},
	{name: "株式会社かえで不動産", kana: "カエデフドウサン", slug: "kaede-estate", place: 9},
	{name: "株式会社新星エンジニアリング", kana: "シンセイエンジニアリング", slug: "shinsei-eng", place: 3},
	// Half-width katakana, as old systems and bank files write names: the
	// list must fold them for display (ｶﾞ is one cell to a width library but
	// two on screen), and the reading is folded to full width by Validate.
	{name: "ｻﾝﾌﾟﾙﾃｸﾉ株式会社", kana: "ｻﾝﾌﾟﾙﾃｸﾉ", slug: "sample-techno", place: 2},
	{name: "株式会社ﾏﾙｶﾞﾒ食堂", kana: "ﾏﾙｶﾞﾒｼｮｸﾄﾞｳ", slug: "marugame", place: 12},
	{name: "株式会社くすのき保育サービス", kana: "クスノキホイクサービス", slug: "kusunoki-hoiku", place: 10},
	{name: "株式会社日の出ベーカリー", kana: "ヒノデベーカリー", slug: "hinode-bakery", place: 7},
	{name: "株式会社ほしぞら出版", kana: "ホシゾラシュッパン", slug: "hoshizora-pub", place: 0},
	{name: "山田 太郎", kana: "ヤマダ タロウ", person: true, place: 1},
	{name: "佐々木 花子", kana: "ササキ ハナコ", person: true, place: 2},
	{name: "中村 一郎", kana: "ナカムラ イチロウ", person: true, place: 5},
	{name: "小林 さくら", kana: "コバヤシ サクラ", person: true, place: 3},
	{name: "Acme Trading Ltd.", kana: "アクメトレーディング", slug: "acme-trading", english: &abroad{
		"EC1A 1BB", "1 Sample Street", "London, United Kingdom", "+44 20 7946 0123"}},
	{name: "Blue Harbor Software Inc.", slug: "blueharbor", english: &abroad{
		"CA 94105", "500 Example Avenue, Suite 300", "San Francisco, USA", "+1 415 555 0134"}},
	{name: "Nordlicht GmbH", kana: "ノルトリヒト", slug: "nordlicht", english: &abroad{
		"10115", "Beispielstraße 12", "Berlin, Germany", "+49 30 901820"}},
	{name: "Maple Leaf Imports Ltd.", slug: "mapleleaf", english: &abroad{
		"M5V 2T6", "77 Sample Road", "Toronto, Canada", "+1 416 555 0199"}},
	{name: "Kangaroo Coffee Pty Ltd", slug: "kangaroo-coffee", english: &abroad{
		"2000", "3/45 Example Lane", "Sydney NSW, Australia", "+61 2 5550 1234"}},
	{name: "Lion City Logistics Pte. Ltd.", slug: "lioncity", english: &abroad{
		"018956", "10 Sample Quay #12-01", "Singapore", "+65 6555 0101"}},
}

// archivedSamples are the samples (by index) that are archived: a former
// client, a closed office, a one-off job.
var archivedSamples = map[int]bool{9: true, 21: true, 33: true}

// place is a town in Japan: postal code, address and the phone area code.
type place struct {
	postal, address, area string
}

var places = []place{
	{"100-0005", "東京都千代田区丸の内", "03"},
	{"150-0002", "東京都渋谷区渋谷", "03"},
	{"160-0022", "東京都新宿区新宿", "03"},
	{"220-0012", "神奈川県横浜市西区みなとみらい", "045"},
	{"530-0001", "大阪府大阪市北区梅田", "06"},
	{"460-0008", "愛知県名古屋市中区栄", "052"},
	{"810-0001", "福岡県福岡市中央区天神", "092"},
	{"060-0001", "北海道札幌市中央区北一条西", "011"},
	{"980-0021", "宮城県仙台市青葉区中央", "022"},
	{"600-8216", "京都府京都市下京区東塩小路町", "075"},
	{"730-0011", "広島県広島市中区基町", "082"},
	{"700-0024", "岡山県岡山市北区駅元町", "086"},
	{"380-0836", "長野県長野市南長野", "026"},
}

var buildings = []string{"", "", "サンプルビル", "中央ビル", "第二ビル", "ヒルズタワー", "駅前ビル"}

// staff are this office's people in charge (担当者) of customers.
var staff = []string{"佐藤 健一", "鈴木 美咲", "高橋 翔", "田中 由美", "渡辺 大輔"}

// staffMailboxes are their addresses (under the demo company's domain) and
// the names of their SSH keys for `daicho serve`, in the order of staff: with
// them `daicho notify` works on the demo as it is.
var staffMailboxes = []string{"sato", "suzuki", "takahashi", "tanaka", "watanabe"}

var departments = []string{"", "経理部", "総務部", "購買部", "営業部", "管理部"}

var surnames = []string{"田村", "石井", "森", "岡田", "前田", "藤井", "後藤", "近藤", "坂本", "遠藤",
	"青木", "西村", "福島", "太田", "三浦", "原田", "中島", "小川", "竹内", "金子"}

var surnameKana = []string{"タムラ", "イシイ", "モリ", "オカダ", "マエダ", "フジイ", "ゴトウ", "コンドウ",
	"サカモト", "エンドウ", "アオキ", "ニシムラ", "フクシマ", "オオタ", "ミウラ", "ハラダ", "ナカジマ",
	"オガワ", "タケウチ", "カネコ"}

var givenNames = []string{"浩二", "真由美", "誠", "恵子", "健太", "陽子", "直樹", "明美", "隆", "裕子",
	"大輔", "彩", "拓也", "千尋", "亮", "智子", "修", "麻衣", "聡", "舞"}

var givenKana = []string{"コウジ", "マユミ", "マコト", "ケイコ", "ケンタ", "ヨウコ", "ナオキ", "アケミ",
	"タカシ", "ユウコ", "ダイスケ", "アヤ", "タクヤ", "チヒロ", "リョウ", "トモコ", "オサム", "マイ",
	"サトシ", "マイ"}

// terms are payment terms as Japanese offices name them.
var terms = []struct{ closing, deferred, payment int }{
	{31, 1, 31}, // 月末締め翌月末払い, the most common: listed twice
	{31, 1, 31},
	{20, 1, 10}, // 20日締め翌月10日払い
	{15, 1, 31}, // 15日締め翌月末払い
	{31, 2, 31}, // 月末締め翌々月末払い
	{25, 1, 25}, // 25日締め翌月25日払い
	{10, 0, 25}, // 10日締め当月25日払い
}

// word is a piece of a generated name: text, reading, email slug.
type word struct{ text, kana, slug string }

var stems = []word{
	{"青山", "アオヤマ", "aoyama"}, {"石川", "イシカワ", "ishikawa"}, {"上田", "ウエダ", "ueda"},
	{"大島", "オオシマ", "oshima"}, {"川口", "カワグチ", "kawaguchi"}, {"北村", "キタムラ", "kitamura"},
	{"栗原", "クリハラ", "kurihara"}, {"小松", "コマツ", "komatsu"}, {"桜井", "サクライ", "sakurai"},
	{"清水", "シミズ", "shimizu"}, {"杉本", "スギモト", "sugimoto"}, {"関口", "セキグチ", "sekiguchi"},
	{"高田", "タカダ", "takada"}, {"千葉", "チバ", "chiba"}, {"土屋", "ツチヤ", "tsuchiya"},
	{"長野", "ナガノ", "nagano"}, {"西田", "ニシダ", "nishida"}, {"野村", "ノムラ", "nomura"},
	{"浜田", "ハマダ", "hamada"}, {"平野", "ヒラノ", "hirano"}, {"福田", "フクダ", "fukuda"},
	{"堀田", "ホッタ", "hotta"}, {"松井", "マツイ", "matsui"}, {"宮本", "ミヤモト", "miyamoto"},
	{"村上", "ムラカミ", "murakami"}, {"森田", "モリタ", "morita"}, {"安田", "ヤスダ", "yasuda"},
	{"横山", "ヨコヤマ", "yokoyama"}, {"若林", "ワカバヤシ", "wakabayashi"}, {"あおば", "アオバ", "aoba"},
	{"ひかり", "ヒカリ", "hikari"}, {"みらい", "ミライ", "mirai"}, {"つばき", "ツバキ", "tsubaki"},
	{"サンライズ", "サンライズ", "sunrise"}, {"グリーン", "グリーン", "green"}, {"スター", "スター", "star"},
	{"東洋", "トウヨウ", "toyo"}, {"日本橋", "ニホンバシ", "nihonbashi"}, {"中央", "チュウオウ", "chuo"},
	{"太平洋", "タイヘイヨウ", "taiheiyo"},
}

var trades = []word{
	{"商事", "ショウジ", "shoji"}, {"工業", "コウギョウ", "kogyo"}, {"製作所", "セイサクショ", "ss"},
	{"物産", "ブッサン", "bussan"}, {"建設", "ケンセツ", "kensetsu"}, {"電機", "デンキ", "denki"},
	{"食品", "ショクヒン", "foods"}, {"運輸", "ウンユ", "unyu"}, {"印刷", "インサツ", "print"},
	{"設計", "セッケイ", "sekkei"}, {"不動産", "フドウサン", "estate"}, {"薬品", "ヤクヒン", "yakuhin"},
	{"化学", "カガク", "kagaku"}, {"繊維", "センイ", "seni"}, {"精機", "セイキ", "seiki"},
	{"産業", "サンギョウ", "sangyo"}, {"システム", "システム", "system"}, {"テクノ", "テクノ", "techno"},
	{"企画", "キカク", "kikaku"}, {"通信", "ツウシン", "tsushin"}, {"物流", "ブツリュウ", "logi"},
	{"商店", "ショウテン", "shoten"}, {"開発", "カイハツ", "kaihatsu"}, {"技研", "ギケン", "giken"},
	{"製菓", "セイカ", "seika"},
}

// areas prefix some generated names (東京青山商事); the first is none.
var areas = []word{{"", "", ""}, {"東京", "トウキョウ", "tokyo"}, {"関西", "カンサイ", "kansai"},
	{"九州", "キュウシュウ", "kyushu"}}

// forms are legal forms: before the name (前株) or after it (後株).
var forms = []struct {
	text   string
	before bool
}{{"株式会社", true}, {"株式会社", false}, {"有限会社", true}, {"合同会社", true}}

var englishFirst = []string{"Acorn", "Beacon", "Cedar", "Delta", "Evergreen", "Falcon", "Granite",
	"Harbor", "Iris", "Juniper"}
var englishTrade = []string{"Trading", "Software", "Imports", "Logistics", "Consulting", "Foods",
	"Design", "Systems"}
var englishForm = []string{"Ltd.", "Inc.", "GmbH", "LLC", "Pty Ltd"}

var englishPlaces = []abroad{
	{"EC2A 4NE", "", "London, United Kingdom", "+44 20 7946 "},
	{"NY 10001", "", "New York, USA", "+1 212 555 "},
	{"80331", "", "Munich, Germany", "+49 89 5550 "},
	{"3000", "", "Melbourne VIC, Australia", "+61 3 5550 "},
}
