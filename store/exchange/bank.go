package exchange

import (
	"bytes"
	"context"
	"encoding/json"

	"daicho/store"
	"daicho/store/bank"
)

// BankLines turns the deposits a parser read into the bank lines the store
// imports (store.ImportBankLines takes its own type: store/bank imports
// store, so the store cannot take the parser's).
func BankLines(ds []bank.Deposit) []store.BankLine {
	out := make([]store.BankLine, len(ds))
	for i, d := range ds {
		out[i] = store.BankLine{Account: d.Account, Date: d.Date, Amount: d.Amount, PayerName: d.PayerName,
			Reference: d.Reference, Memo: d.Memo}
	}
	return out
}

// BankProfile finds a CSV column profile by name: a built-in one
// (bank.Profiles) or one saved in the store (store.SaveBankProfile, the
// profile as JSON).
func BankProfile(ctx context.Context, st *store.Store, name string) (bank.CSVProfile, error) {
	if p, ok := bank.ProfileByName(name); ok {
		return p, nil
	}
	text, err := st.BankProfile(ctx, name)
	if err != nil {
		return bank.CSVProfile{}, err
	}
	var p bank.CSVProfile
	if err := json.Unmarshal([]byte(text), &p); err != nil {
		return p, store.Invalid("bank_profile", "reconcile.profile_json")
	}
	if p.Name == "" {
		p.Name = name
	}
	return p, nil
}

// SaveBankProfile saves a CSV column profile under its name.
func SaveBankProfile(ctx context.Context, st *store.Store, p bank.CSVProfile) error {
	b, err := json.Marshal(p)
	if err != nil {
		return err
	}
	return st.SaveBankProfile(ctx, p.Name, string(b))
}

// ReadBankFile parses a bank file into its deposits. format "" detects the
// format (bank.DetectFormat). A CSV file is read with the profile named, or
// with none named, with the first profile that finds deposits in it: the
// saved profiles, then the built-in ones for particular layouts, then the
// generic one. When none fits, the generic profile's problems are returned.
func ReadBankFile(ctx context.Context, st *store.Store, data []byte, format bank.Format, profile string) ([]bank.Deposit, error) {
	if format == "" {
		format = bank.DetectFormat(data)
		if format == bank.CSV && len(bytes.TrimSpace(data)) > 0 && bytes.IndexAny(data, ",\t") < 0 {
			// Not a table either: no CSV profile can read it (issue 15).
			return nil, store.Invalid("", "bank.not_bank_file")
		}
	}
	if format == bank.Zengin {
		return bank.ParseZengin(data)
	}
	if profile != "" {
		p, err := BankProfile(ctx, st, profile)
		if err != nil {
			return nil, err
		}
		return bank.ParseCSV(data, p)
	}
	var tries []bank.CSVProfile
	names, err := st.BankProfileNames(ctx)
	if err != nil {
		return nil, err
	}
	for _, n := range names {
		p, err := BankProfile(ctx, st, n)
		if err != nil {
			continue // a broken saved profile does not stop the built-in ones
		}
		tries = append(tries, p)
	}
	generic := bank.Profiles[0]
	for _, p := range bank.Profiles {
		if p.Name == "generic" {
			generic = p
			continue
		}
		tries = append(tries, p)
	}
	for _, p := range tries {
		if ds, err := bank.ParseCSV(data, p); err == nil && len(ds) > 0 {
			return ds, nil
		}
	}
	return bank.ParseCSV(data, generic)
}
