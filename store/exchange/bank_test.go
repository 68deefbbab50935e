package exchange

import (
	"context"
	"testing"

	"daicho/store"
	"daicho/store/bank"
	"daicho/store/demo"
)

// ReadBankFile finds the profile that fits a CSV (a saved one first), reads
// a Zengin file by its look, and names a missing profile.
func TestReadBankFile(t *testing.T) {
	ctx := context.Background()
	st := docStore(t)
	deps := []demo.BankDeposit{{Date: docToday, Amount: 12_345, Payer: "ｶ)ｻｸﾗ", EDI: "I-2026-0001"},
		{Date: docToday, Amount: 500, Payer: "ﾃｽｳﾘﾖｳ", Withdrawal: true}}
	zen, err := demo.ZenginStatement(docToday, deps)
	if err != nil {
		t.Fatal(err)
	}
	csvData, err := demo.BankCSV(deps)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name    string
		data    []byte
		format  bank.Format
		profile string
	}{
		{"zengin detected", zen, "", ""},
		{"zengin named", zen, bank.Zengin, ""},
		{"csv, profile found", csvData, "", ""},
		{"csv, profile named", csvData, bank.CSV, "oazukekingaku"},
	} {
		ds, err := ReadBankFile(ctx, st, c.data, c.format, c.profile)
		if err != nil || len(ds) != 1 || ds[0].Amount != 12_345 || ds[0].Account == "" {
			t.Errorf("%s: %+v, %v", c.name, ds, err)
			continue
		}
		if l := BankLines(ds)[0]; l.Account != ds[0].Account || l.Amount != 12_345 || l.PayerName != "カ)サクラ" ||
			!l.Date.Equal(docToday) {
			t.Errorf("%s: bank line %+v", c.name, l)
		}
	}
	// A bank of one's own: its CSV fits no built-in profile until it is saved.
	own := []byte("取扱日,入金,出金,依頼人\n2026/11/20,7700,,ｶ)ｱｵﾊﾞ\n2026/11/20,,300,ﾃｽｳﾘﾖｳ\n")
	if ds, err := ReadBankFile(ctx, st, own, "", ""); err == nil && len(ds) > 0 && ds[0].PayerName != "" {
		t.Logf("the generic profile reads it: %+v", ds)
	}
	p := bank.CSVProfile{Name: "mybank", Encoding: "auto", HeaderHas: "取扱日", Date: "取扱日", Deposit: "入金",
		Withdrawal: "出金", Payer: "依頼人"}
	if err := SaveBankProfile(ctx, st, p); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"mybank", ""} {
		ds, err := ReadBankFile(ctx, st, own, "", name)
		if err != nil || len(ds) != 1 || ds[0].Amount != 7700 || ds[0].PayerName != "カ)アオバ" {
			t.Errorf("profile %q: %+v, %v", name, ds, err)
		}
	}
	got, err := BankProfile(ctx, st, "mybank")
	if err != nil || got.Deposit != "入金" || got.HeaderHas != "取扱日" {
		t.Errorf("saved profile %+v, %v", got, err)
	}
	_, err = ReadBankFile(ctx, st, csvData, bank.CSV, "nosuch")
	if e, ok := store.AsError(err); !ok || e.Code != store.CodeNotFound {
		t.Errorf("unknown profile: %v", err)
	}
}
