// gen-import writes the files `.ci/bench-process` (ONLY=import) imports:
// N customers and N documents in the shapes of ARCHITECTURE.md §8, made up
// but realistic (Japanese names and addresses, several lines per document,
// both tax rates, some inclusive prices), the same bytes for the same N.
//
//	go run ./.ci/gen-import -customers 100000 -documents 100000 -dir DIR
//
// writes DIR/customers.json (codes K000001…, people in charge from the demo's
// staff) and DIR/documents.json, whose documents name the first 1,000 of
// those customers and the demo's products P0001–P0004, so it imports into a
// small demo ledger once the customers are in. Documents are written one
// per line, as a program exporting them would, not indented.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
)

var (
	families = []string{"さくら", "みどり", "あおば", "ひかり", "やまと", "こだま", "はやぶさ", "つばさ", "あさひ", "ふじ"}
	trades   = []string{"工業", "商事", "印刷", "建設", "食品", "電機", "物産", "設計事務所", "運輸", "企画"}
	kanas    = []string{"サクラ", "ミドリ", "アオバ", "ヒカリ", "ヤマト", "コダマ", "ハヤブサ", "ツバサ", "アサヒ", "フジ"}
	cities   = []string{"東京都千代田区丸の内", "大阪府大阪市北区梅田", "愛知県名古屋市中村区名駅", "福岡県福岡市博多区博多駅前", "北海道札幌市中央区北五条西"}
	staff    = []string{"佐藤 健一", "渡辺 大輔", "田中 由美", "鈴木 美咲", "高橋 翔"}
	months   = []string{"9月", "10月", "11月"}
)

// product is one of the small demo's products, as a line names it.
type product struct {
	code, description, unit string
	price                   int64
	rate                    int
}

var products = []product{
	{"P0001", "保守サポート（月額）", "月", 30000, 10},
	{"P0002", "作業費", "時間", 8000, 10},
	{"P0003", "印刷物（チラシ A4 両面）", "式", 48000, 10},
	{"P0004", "お茶（500ml）", "本", 150, 8},
}

func main() {
	nc := flag.Int("customers", 100000, "customers to write")
	nd := flag.Int("documents", 100000, "documents to write")
	dir := flag.String("dir", ".", "folder to write customers.json and documents.json into")
	flag.Parse()
	r := rand.New(rand.NewPCG(17, 2026))
	if err := write(filepath.Join(*dir, "customers.json"), *nc, func(i int) any { return customer(r, i) }); err != nil {
		fail(err)
	}
	docCustomers := min(*nc, 1000)
	if err := write(filepath.Join(*dir, "documents.json"), *nd, func(i int) any { return makeDocument(r, i, docCustomers) }); err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "gen-import:", err)
	os.Exit(1)
}

// write writes n records as a JSON array, one record per line.
func write(path string, n int, record func(i int) any) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	w.WriteString("[\n")
	for i := 1; i <= n; i++ {
		if err := enc.Encode(record(i)); err != nil { // Encode ends the line
			return err
		}
		if i < n {
			// Encode wrote "…}\n": turn the newline into ",\n".
			if err := w.Flush(); err != nil {
				return err
			}
			if _, err := f.Seek(-1, 1); err != nil {
				return err
			}
			w.WriteString(",\n")
		}
	}
	w.WriteString("]\n")
	if err := w.Flush(); err != nil {
		return err
	}
	return f.Close()
}

func customer(r *rand.Rand, i int) map[string]any {
	f, t := r.IntN(len(families)), r.IntN(len(trades))
	closing := []int{31, 20, 25, 15}[r.IntN(4)]
	return map[string]any{
		"code":             fmt.Sprintf("K%06d", i),
		"name":             fmt.Sprintf("株式会社%s%s %d", families[f], trades[t], i),
		"kana":             kanas[f],
		"honorific":        "御中",
		"postal_code":      fmt.Sprintf("%03d-%04d", 100+r.IntN(800), r.IntN(10000)),
		"address1":         fmt.Sprintf("%s%d-%d-%d", cities[r.IntN(len(cities))], 1+r.IntN(9), 1+r.IntN(20), 1+r.IntN(30)),
		"address2":         fmt.Sprintf("第%dビル%d階", 1+r.IntN(5), 2+r.IntN(20)),
		"department":       "経理部",
		"contact":          "山田 花子",
		"email":            fmt.Sprintf("keiri%d@example.co.jp", i),
		"phone":            fmt.Sprintf("03-%04d-%04d", r.IntN(10000), r.IntN(10000)),
		"closing_day":      closing,
		"months_deferred":  1,
		"payment_day":      31,
		"holiday_rule":     "next",
		"language":         "ja",
		"person_in_charge": staff[r.IntN(len(staff))],
		"notes":            "",
	}
}

type line struct {
	ProductCode string `json:"product_code,omitempty"`
	Description string `json:"description"`
	Quantity    string `json:"quantity"`
	Unit        string `json:"unit"`
	UnitPrice   int64  `json:"unit_price"`
	TaxRate     int    `json:"tax_rate"`
}

type docJSON struct {
	Kind         string `json:"kind"`
	CustomerCode string `json:"customer_code"`
	IssueDate    string `json:"issue_date"`
	Subject      string `json:"subject"`
	PriceMode    string `json:"price_mode"`
	Notes        string `json:"notes"`
	Lines        []line `json:"lines"`
}

func makeDocument(r *rand.Rand, i, customers int) docJSON {
	month := r.IntN(len(months))
	d := docJSON{Kind: "invoice", CustomerCode: fmt.Sprintf("K%06d", 1+r.IntN(customers)),
		IssueDate: fmt.Sprintf("2026-%02d-%02d", 9+month, 1+r.IntN(28)),
		Subject:   months[month] + "分 保守・作業・消耗品", PriceMode: "exclusive"}
	if i%10 == 0 {
		d.PriceMode = "inclusive"
		d.Notes = "お振込手数料はご負担ください。"
	}
	if i%7 == 0 {
		d.Kind = "delivery_note"
	}
	for n := 2 + r.IntN(4); n > 0; n-- {
		p := products[r.IntN(len(products))]
		l := line{ProductCode: p.code, Description: p.description, Quantity: fmt.Sprint(1 + r.IntN(12)),
			Unit: p.unit, UnitPrice: p.price, TaxRate: p.rate}
		if r.IntN(4) == 0 { // a free-text line
			l = line{Description: "出張費（" + cities[r.IntN(len(cities))][:9] + "）", Quantity: "1.5",
				Unit: "式", UnitPrice: int64(1000 * (1 + r.IntN(30))), TaxRate: 10}
		}
		d.Lines = append(d.Lines, l)
	}
	return d
}
