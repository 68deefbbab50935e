package tui

import (
	"context"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"daicho/store"
	"daicho/tui/i18n"
)

var sampleCustomers = [][4]string{
	{"C0001", "株式会社テスト", "テスト", "03-1234-5678"},
	{"C0002", "有限会社山田製作所", "ヤマダセイサクショ", "06-2345-6789"},
	{"C0003", "Acme Trading Ltd.", "", "+1 555 0100"},
	{"C0004", "ｻﾝﾌﾟﾙ工業株式会社", "ｻﾝﾌﾟﾙｺｳｷﾞｮｳ", "045-111-2222"},
}

func TestCreateCustomerThroughTheForm(t *testing.T) {
	st := newStore(t, true)
	h := newHarness(t, st, i18n.EN, 100, 30)
	h.mustSee("Customers", "No customers yet")

	h.press("n")
	h.mustSee("New customer", "C0001") // the suggested code
	h.press("tab")
	h.typeText("株式会社テスト")
	h.press("tab")
	h.typeText("てすと") // hiragana: stored as katakana
	h.press("ctrl+s")
	h.mustSee("Customer C0001 added.")

	c, err := st.CustomerByCode(context.Background(), "C0001")
	if err != nil {
		t.Fatal(err)
	}
	if c.Name != "株式会社テスト" || c.Kana != "テスト" || c.Honorific != "御中" {
		t.Fatalf("stored %+v", c)
	}
	h.press("esc")
	h.mustSee("1 of 1", "株式会社テスト")
}

func TestBadInputIsReportedOnTheFieldAndNothingIsSaved(t *testing.T) {
	st := newStore(t, true)
	h := newHarness(t, st, i18n.EN, 100, 40)
	h.press("n", "tab")
	h.typeText("株式会社テスト")
	// Down to the postal code (kana, honorific, language, postal code).
	h.press("tab", "tab", "tab", "tab")
	h.typeText("12-34")
	for h.m.screens[0].(*customersScreen).editor.form.Focused() != "closing_day" {
		h.press("tab")
	}
	h.press("backspace", "backspace")
	h.typeText("30")
	h.press("ctrl+s")
	h.mustSee("Not saved", "✗ use the form 123-4567", "✗ must be a day from 1 to 28, or 31")
	if f := h.m.screens[0].(*customersScreen).editor.form.Focused(); f != "postal_code" {
		t.Fatalf("focus on %s, want the first bad field postal_code", f)
	}
	if n := countCustomers(t, st); n != 0 {
		t.Fatalf("%d customers saved, want none", n)
	}
	// Fixing the field clears its message; saving then works.
	h.press("backspace", "backspace", "backspace", "backspace", "backspace")
	h.typeText("1000001")
	h.mustNotSee("✗ use the form")
	for h.m.screens[0].(*customersScreen).editor.form.Focused() != "closing_day" {
		h.press("tab")
	}
	h.press("backspace", "backspace")
	h.typeText("20")
	h.press("ctrl+s")
	h.mustSee("Customer C0001 added.")
	c, _ := st.CustomerByCode(context.Background(), "C0001")
	if c.PostalCode != "100-0001" || c.ClosingDay != 20 {
		t.Fatalf("stored postal %q closing %d", c.PostalCode, c.ClosingDay)
	}
}

func TestFilterFindsKanaInEitherScript(t *testing.T) {
	st := newStore(t, true)
	addCustomers(t, st, sampleCustomers...)
	h := newHarness(t, st, i18n.EN, 100, 30)
	h.mustSee("4 of 4")

	tests := []struct{ query, want string }{
		{"てすと", "株式会社テスト"},
		{"ﾃｽﾄ", "株式会社テスト"},
		{"さんぷる", "ｻﾝﾌﾟﾙ工業株式会社"}, // half-width name found by a hiragana query, shown as stored
		{"acme", "Acme Trading Ltd."},
		{"0612345", ""}, // no match: digits of the wrong number
		{"0623456789", "有限会社山田製作所"},
	}
	for _, tt := range tests {
		h.press("/")
		h.typeText(tt.query)
		if tt.want == "" {
			h.mustSee("0 of 4")
		} else {
			h.mustSee("1 of 4", tt.want)
		}
		h.press("esc") // clears the filter
		h.mustSee("4 of 4")
	}
}

func TestEditCustomer(t *testing.T) {
	st := newStore(t, true)
	addCustomers(t, st, sampleCustomers...)
	h := newHarness(t, st, i18n.EN, 100, 40)
	h.press("/")
	h.typeText("やまだ")
	h.press("enter", "enter") // keep the filter, open the customer
	h.mustSee("C0002", "有限会社山田製作所 御中", "closes at month end, paid at the end of the next month")
	h.press("e")
	for h.m.screens[0].(*customersScreen).editor.form.Focused() != "phone" {
		h.press("tab")
	}
	h.typeText("0")
	h.press("ctrl+s")
	h.mustSee("Customer C0002 saved.", "06-2345-67890")
	c, _ := st.CustomerByCode(context.Background(), "C0002")
	if c.Phone != "06-2345-67890" || c.Version != 2 {
		t.Fatalf("phone %q version %d", c.Phone, c.Version)
	}
}

func TestArchiveAsksFirst(t *testing.T) {
	st := newStore(t, true)
	addCustomers(t, st, sampleCustomers...)
	h := newHarness(t, st, i18n.EN, 100, 30)
	h.press("a")
	h.mustSee("Archive C0001 株式会社テスト?")
	h.press("n")
	if c, _ := st.CustomerByCode(context.Background(), "C0001"); c.Archived {
		t.Fatal("archived although the answer was no")
	}
	h.press("a", "y")
	h.mustSee("Customer C0001 archived.", "3 of 3")
	if c, _ := st.CustomerByCode(context.Background(), "C0001"); !c.Archived {
		t.Fatal("not archived")
	}
	h.press("A", "g") // show archived, go to the top (C0001), restore it
	h.mustSee("4 of 4")
	h.press("a", "y")
	if c, _ := st.CustomerByCode(context.Background(), "C0001"); c.Archived {
		t.Fatal("not restored")
	}
}

func TestEscAndQuitAskBeforeDiscarding(t *testing.T) {
	st := newStore(t, true)
	h := newHarness(t, st, i18n.EN, 100, 30)
	h.press("n", "tab")
	h.typeText("q") // q is a letter here, not quit
	if h.quit {
		t.Fatal("q quit while typing in a form")
	}
	h.press("esc")
	h.mustSee("Discard your unsaved changes?")
	h.press("n")
	h.mustSee("New customer")
	h.press("ctrl+c")
	h.mustSee("You have unsaved changes. Quit and discard them?")
	h.press("y")
	if !h.quit {
		t.Fatal("did not quit after confirming")
	}
}

func TestTabsAndPlaceholders(t *testing.T) {
	st := newStore(t, true)
	h := newHarness(t, st, i18n.JA, 100, 30)
	h.mustSee("顧客マスタ")
	h.press("7")
	// The Reports screen, on an empty ledger.
	h.mustSee("月別", "この期間に発行した請求書・返品伝票はありません。")
	h.press("tab") // wraps to the first screen
	h.mustSee("顧客マスタ")
	h.press("shift+tab", "shift+tab", "shift+tab") // reports, inquiries, overdue
	h.mustSee("延滞")
	h.press("2")
	h.mustSee("契約はまだありません")
	h.press("?")
	h.mustSee("次の画面")
}

func TestFirstRunSetup(t *testing.T) {
	st := newStore(t, false)
	h := newHarness(t, st, i18n.EN, 100, 40)
	h.mustSee("Welcome to daicho")
	h.press("ctrl+s")
	h.mustSee("✗ required")
	h.typeText("株式会社サンプル商事")
	for h.m.setup.form.Focused() != "registration_number" {
		h.press("tab")
	}
	h.typeText("T4011001098994") // wrong check digit
	h.press("ctrl+s")
	h.mustSee("✗ the check digit does not match")
	h.press("backspace")
	h.typeText("3")
	h.press("ctrl+s")
	h.mustSee("Customers")
	if has, _ := st.HasCompany(context.Background()); !has {
		t.Fatal("company not saved")
	}
	c, _ := st.Company(context.Background())
	if c.Name != "株式会社サンプル商事" || c.RegistrationNumber != "T4011001098993" || len(c.BankAccounts) != 0 {
		t.Fatalf("company %+v", c)
	}
}

// At 80×24 the list keeps its columns aligned, Japanese names included.
func TestCustomerListGolden80x24(t *testing.T) {
	st := newStore(t, true)
	addCustomers(t, st, sampleCustomers...)
	for _, lang := range []i18n.Lang{i18n.EN, i18n.JA} {
		t.Run(string(lang), func(t *testing.T) { checkListAt80x24(t, st, lang) })
	}
}

func checkListAt80x24(t *testing.T, st *store.Store, lang i18n.Lang) {
	{
		h := newHarness(t, st, lang, 120, 40)
		h.send(tea.WindowSizeMsg{Width: 80, Height: 24}) // a resize, as when the user shrinks the terminal
		view := h.screen()
		lines := strings.Split(view, "\n")
		if len(lines) != 24 {
			t.Fatalf("%s: %d lines, want 24", lang, len(lines))
		}
		for i, l := range lines {
			if w := ansi.StringWidth(l); w > 80 {
				t.Fatalf("%s: line %d is %d cells wide: %q", lang, i, w, l)
			}
		}
		// Every table row has the phone column at the same display column.
		col := -1
		for _, c := range sampleCustomers {
			for _, l := range lines {
				if i := strings.Index(l, c[3]); i >= 0 {
					// wcwidth counts as a terminal draws: ｶﾞ is two cells
					w := ansi.StringWidthWc(l[:i])
					if col >= 0 && w != col {
						t.Fatalf("%s: phone of %s at cell %d, others at %d:\n%s", lang, c[0], w, col, view)
					}
					col = w
				}
			}
		}
		golden.RequireEqual(t, []byte(view+"\n"))
	}
}

func countCustomers(t *testing.T, st *store.Store) int {
	t.Helper()
	cs, err := st.Customers(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return len(cs)
}

func TestCompanySettingsCanBeChangedLater(t *testing.T) {
	st := newStore(t, true)
	h := newHarness(t, st, i18n.EN, 100, 40)
	h.press("S")
	h.mustSee("Company settings", "株式会社サンプル商事", "T4011001098993")
	h.press("esc") // nothing changed: closes at once
	h.mustSee("Customers")
	h.press("S")
	for h.m.setup.form.Focused() != "phone" {
		h.press("tab")
	}
	h.typeText("03-1111-2222")
	h.press("esc")
	h.mustSee("Discard your unsaved changes?")
	h.press("n", "ctrl+s")
	h.mustSee("Company settings saved.", "Customers")
	c, _ := st.Company(context.Background())
	if c.Phone != "03-1111-2222" || c.Name != "株式会社サンプル商事" || c.Version != 2 {
		t.Fatalf("company %+v", c)
	}
}

// A terminal smaller than anyone should use still draws without a panic, in
// every view.
func TestTinyTerminalsDoNotBreak(t *testing.T) {
	st := newStore(t, true)
	addCustomers(t, st, sampleCustomers...)
	h := newHarness(t, st, i18n.JA, 80, 24)
	for _, size := range [][2]int{{40, 10}, {20, 5}, {1, 1}, {0, 0}, {200, 60}} {
		h.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		for _, keys := range [][]string{{"/", "て", "esc"}, {"enter"}, {"e"}, {"esc"}, {"esc"}, {"n"}, {"esc"}, {"S"}, {"esc"}} {
			h.press(keys...)
			_ = h.screen()
		}
	}
}

// A reload keeps the chosen sort order.
func TestSortSurvivesAReload(t *testing.T) {
	st := newStore(t, true)
	addCustomers(t, st, sampleCustomers...)
	h := newHarness(t, st, i18n.EN, 100, 30)
	h.press("s", "s") // by kana
	h.press("n", "tab")
	h.typeText("アイウ商店")
	h.press("tab")
	h.typeText("あいう")
	h.press("ctrl+s", "esc") // saved: the list reloads
	s := h.m.screens[0].(*customersScreen)
	var order []string
	for i := 0; i < s.list.Visible(); i++ {
		order = append(order, s.list.Row(i).Kana)
	}
	// By reading: アイウ before サンプル before テスト before ヤマダ (no reading sorts by name, first).
	want := []string{"", "アイウ", "サンプルコウギョウ", "テスト", "ヤマダセイサクショ"}
	if strings.Join(order, ",") != strings.Join(want, ",") {
		t.Fatalf("order by kana after a reload: %v, want %v", order, want)
	}
}
