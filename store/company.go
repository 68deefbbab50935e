package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
)

// Company is this office: the issuer printed on every document. There is one.
type Company struct {
	Name               string        `json:"name"`
	Kana               string        `json:"kana"`
	PostalCode         string        `json:"postal_code"`
	Address1           string        `json:"address1"`
	Address2           string        `json:"address2"`
	Phone              string        `json:"phone"`
	Email              string        `json:"email"`
	RegistrationNumber string        `json:"registration_number"`
	FiscalYearStart    int           `json:"fiscal_year_start"` // month 1–12; 4 = April, the usual Japanese year
	Currency           string        `json:"currency"`
	TaxRounding        string        `json:"tax_rounding"`
	NumberFormat       string        `json:"number_format"`        // document numbers: {kind}-{year}-{seq:4} → I-2026-0007
	ExportsDir         string        `json:"exports_dir"`          // where PDFs go; "" = Documents/daicho, else the data folder
	SealPath           string        `json:"seal_path"`            // where the seal (角印) or logo came from; "" = none
	SealImage          []byte        `json:"seal_image,omitempty"` // the PNG itself, read when chosen (seal.go): PDFs print it, never the path
	ShortfallTolerance Money         `json:"shortfall_tolerance"`  // the largest shortfall (a deducted transfer fee) CloseShortfall may close
	BankAccounts       []BankAccount `json:"bank_accounts"`
	BillingCombine     bool          `json:"billing_combine"` // billing runs make one invoice per customer (and billing date), not one per contract
	BackupDir          string        `json:"backup_dir"`      // where backups go; "" = the backups folder next to the database
	BackupKeep         int           `json:"backup_keep"`     // how many backups to keep; 0 = DefaultBackupKeep
	// The name and address English documents print (empty: the Japanese ones).
	NameEN     string `json:"name_en"`
	Address1EN string `json:"address1_en"`
	Address2EN string `json:"address2_en"`
	// Replication (issue 15, a replica off the machine).
	ReplicaURL string `json:"replica_url"` // where the TUI replicates the ledger (file:///…, sftp://…, s3://…); "" = nowhere
	Version    int64  `json:"-"`
}

// InLanguage is the company as a document in lang prints it: in English,
// the English name and address where they are set.
func (c Company) InLanguage(lang string) Company {
	if lang != "en" {
		return c
	}
	if c.NameEN != "" {
		c.Name = c.NameEN
	}
	if c.Address1EN != "" || c.Address2EN != "" {
		c.Address1, c.Address2 = c.Address1EN, c.Address2EN
	}
	return c
}

// BankAccount is where customers transfer money, printed on invoices.
type BankAccount struct {
	Bank        string `json:"bank"`
	Branch      string `json:"branch"`
	AccountType string `json:"account_type"` // ordinary 普通, current 当座, savings 貯蓄
	Number      string `json:"number"`
	HolderKana  string `json:"holder_kana"`
}

// Tax rounding modes: how the tax of each rate is rounded to the minor unit.
const (
	RoundFloor  = "floor" // 切り捨て, the usual choice
	RoundHalfUp = "half_up"
	RoundCeil   = "ceil"
)

// Account types of a Japanese bank account.
const (
	AccountOrdinary = "ordinary"
	AccountCurrent  = "current"
	AccountSavings  = "savings"
)

// DefaultNumberFormat numbers documents I-2026-0007: kind letter, fiscal year, counter.
const DefaultNumberFormat = "{kind}-{year}-{seq:4}"

// DefaultShortfallTolerance is ¥1,000: a little more than the highest bank
// transfer fee a payer usually deducts.
const DefaultShortfallTolerance Money = 1000

// NewCompany returns the defaults for a Japanese office: April fiscal year,
// yen, tax rounded down, shortfalls up to ¥1,000 closable.
func NewCompany() Company {
	return Company{FiscalYearStart: 4, Currency: "JPY", TaxRounding: RoundFloor, NumberFormat: DefaultNumberFormat,
		ShortfallTolerance: DefaultShortfallTolerance, BackupKeep: DefaultBackupKeep}
}

// Validate normalises the company in place and returns every field error.
// Bank account fields are named bank_accounts.N.field.
func (c *Company) Validate() error {
	var ck checker
	c.Currency = strings.ToUpper(strings.TrimSpace(c.Currency))
	ck.line("name", &c.Name, true, 100)
	ck.kana("kana", &c.Kana)
	ck.postalCode("postal_code", &c.PostalCode, c.Currency == "JPY")
	ck.line("address1", &c.Address1, false, 200)
	ck.line("address2", &c.Address2, false, 200)
	ck.line("name_en", &c.NameEN, false, 100)
	ck.line("address1_en", &c.Address1EN, false, 200)
	ck.line("address2_en", &c.Address2EN, false, 200)
	ck.phone("phone", &c.Phone)
	ck.email("email", &c.Email)
	ck.registrationNumber("registration_number", &c.RegistrationNumber, false)
	ck.intRange("fiscal_year_start", c.FiscalYearStart, 1, 12, 0)
	if _, ok := CurrencyByCode(c.Currency); !ok {
		ck.add("currency", "currency.unknown")
	}
	ck.choice("tax_rounding", c.TaxRounding, RoundFloor, RoundHalfUp, RoundCeil)
	c.NumberFormat = strings.TrimSpace(c.NumberFormat)
	if c.NumberFormat == "" {
		c.NumberFormat = DefaultNumberFormat
	}
	if !validNumberFormat(c.NumberFormat) {
		ck.add("number_format", "number_format.placeholders")
	}
	ck.line("number_format", &c.NumberFormat, true, 40)
	ck.line("exports_dir", &c.ExportsDir, false, 500)
	if c.ExportsDir != "" && !filepath.IsAbs(c.ExportsDir) {
		ck.add("exports_dir", "path.absolute")
	}
	ck.line("backup_dir", &c.BackupDir, false, 500)
	if c.BackupDir != "" && !filepath.IsAbs(c.BackupDir) {
		ck.add("backup_dir", "path.absolute")
	}
	if c.BackupKeep == 0 {
		c.BackupKeep = DefaultBackupKeep
	}
	ck.intRange("backup_keep", c.BackupKeep, 1, MaxBackupKeep, 0)
	// Replication (issue 15).
	ck.line("replica_url", &c.ReplicaURL, false, 1000)
	if c.ReplicaURL != "" && !validReplicaURL(c.ReplicaURL) {
		ck.add("replica_url", "replica.url")
	}
	ck.line("seal_path", &c.SealPath, false, 500)
	if c.SealPath != "" {
		if !strings.EqualFold(filepath.Ext(c.SealPath), ".png") {
			ck.add("seal_path", "seal.png")
		}
	}
	checkSealImage(&ck, c.SealImage)
	if c.ShortfallTolerance < 0 {
		ck.add("shortfall_tolerance", "money.negative")
	}
	ck.amount("shortfall_tolerance", c.ShortfallTolerance)
	for i := range c.BankAccounts {
		b := &c.BankAccounts[i]
		f := func(name string) string { return fmt.Sprintf("bank_accounts.%d.%s", i, name) }
		ck.line(f("bank"), &b.Bank, true, 50)
		ck.line(f("branch"), &b.Branch, true, 50)
		ck.choice(f("account_type"), b.AccountType, AccountOrdinary, AccountCurrent, AccountSavings)
		b.Number = foldASCII(b.Number)
		switch {
		case b.Number == "":
			ck.add(f("number"), "required")
		case len(b.Number) > 8 || !AllDigits(b.Number): // at most 8 digits
			ck.add(f("number"), "account.number")
		}
		ck.kana(f("holder_kana"), &b.HolderKana)
		if b.HolderKana == "" {
			ck.add(f("holder_kana"), "required")
		}
	}
	return ck.errs.OrNil()
}

// HasCompany reports whether the first-run setup has been done.
func (s *Store) HasCompany(ctx context.Context) (bool, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM company`).Scan(&n)
	return n > 0, err
}

// Company returns the company settings; NotFound before the first-run setup.
func (s *Store) Company(ctx context.Context) (Company, error) { return loadCompany(ctx, s.db) }

func loadCompany(ctx context.Context, q queryer) (Company, error) {
	var c Company
	err := q.QueryRowContext(ctx, `SELECT name, kana, postal_code, address1, address2, phone, email,
		registration_number, fiscal_year_start, currency, tax_rounding, number_format, exports_dir, seal_path, shortfall_tolerance,
		billing_combine, backup_dir, backup_keep, name_en, address1_en, address2_en, replica_url, version, seal_image
		FROM company WHERE id = 1`).
		Scan(&c.Name, &c.Kana, &c.PostalCode, &c.Address1, &c.Address2, &c.Phone, &c.Email,
			&c.RegistrationNumber, &c.FiscalYearStart, &c.Currency, &c.TaxRounding, &c.NumberFormat,
			&c.ExportsDir, &c.SealPath, &c.ShortfallTolerance, &c.BillingCombine, &c.BackupDir, &c.BackupKeep,
			&c.NameEN, &c.Address1EN, &c.Address2EN, &c.ReplicaURL, &c.Version, &c.SealImage)
	if errors.Is(err, sql.ErrNoRows) {
		return c, &Error{Code: CodeNotFound, Reason: "company.not_set"}
	}
	if err != nil {
		return c, err
	}
	rows, err := q.QueryContext(ctx, `SELECT bank, branch, account_type, number, holder_kana
		FROM bank_accounts ORDER BY position`)
	if err != nil {
		return c, err
	}
	defer rows.Close()
	for rows.Next() {
		var b BankAccount
		if err := rows.Scan(&b.Bank, &b.Branch, &b.AccountType, &b.Number, &b.HolderKana); err != nil {
			return c, err
		}
		c.BankAccounts = append(c.BankAccounts, b)
	}
	return c, rows.Err()
}

// SaveCompany validates and stores the company settings and bank accounts in
// one transaction. c.Version must be the version loaded (0 for the first save).
func (s *Store) SaveCompany(ctx context.Context, c *Company) error {
	if err := s.needManager("settings"); err != nil {
		return err
	}
	if err := c.Validate(); err != nil {
		return err
	}
	if c.SealPath != "" && len(c.SealImage) == 0 {
		// The caller reads the chosen file (the store reads no path).
		return Invalid("seal_path", "path.missing")
	}
	err := s.write(ctx, func(tx *Tx) error { return tx.saveCompany(c) })
	if err == nil {
		c.Version++
	}
	return err
}

// nilIfEmpty stores no image as NULL.
func nilIfEmpty(b []byte) any {
	if len(b) == 0 {
		return nil
	}
	return b
}

// saveCompany writes c (already validated) in tx, refusing a stale version.
func (tx *Tx) saveCompany(c *Company) error {
	ctx := tx.ctx
	var before any
	old, err := loadCompany(ctx, tx)
	switch e, _ := AsError(err); {
	case e != nil && e.Code == CodeNotFound:
		old.Version = 0
	case err != nil:
		return err
	default:
		before = old
	}
	if old.Version != c.Version {
		return tx.staleError("company", "company")
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO company (id, name, kana, postal_code, address1, address2, phone,
		email, registration_number, fiscal_year_start, currency, tax_rounding, number_format, exports_dir, seal_path,
		shortfall_tolerance, billing_combine, backup_dir, backup_keep, name_en, address1_en, address2_en, replica_url,
		version, updated_at, seal_image)
		VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET name = excluded.name, kana = excluded.kana,
		postal_code = excluded.postal_code, address1 = excluded.address1, address2 = excluded.address2,
		phone = excluded.phone, email = excluded.email, registration_number = excluded.registration_number,
		fiscal_year_start = excluded.fiscal_year_start, currency = excluded.currency,
		tax_rounding = excluded.tax_rounding, number_format = excluded.number_format,
		exports_dir = excluded.exports_dir, seal_path = excluded.seal_path,
		shortfall_tolerance = excluded.shortfall_tolerance, billing_combine = excluded.billing_combine,
		backup_dir = excluded.backup_dir, backup_keep = excluded.backup_keep, name_en = excluded.name_en,
		address1_en = excluded.address1_en, address2_en = excluded.address2_en, replica_url = excluded.replica_url,
		version = excluded.version, updated_at = excluded.updated_at, seal_image = excluded.seal_image`,
		c.Name, c.Kana, c.PostalCode, c.Address1, c.Address2, c.Phone, c.Email, c.RegistrationNumber,
		c.FiscalYearStart, c.Currency, c.TaxRounding, c.NumberFormat, c.ExportsDir, c.SealPath,
		c.ShortfallTolerance, c.BillingCombine, c.BackupDir, c.BackupKeep, c.NameEN, c.Address1EN, c.Address2EN,
		c.ReplicaURL, c.Version+1, stamp(tx.now), nilIfEmpty(c.SealImage))
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM bank_accounts`); err != nil {
		return err
	}
	for i, b := range c.BankAccounts {
		if _, err := tx.ExecContext(ctx, `INSERT INTO bank_accounts (position, bank, branch, account_type, number,
			holder_kana) VALUES (?, ?, ?, ?, ?, ?)`, i, b.Bank, b.Branch, b.AccountType, b.Number, b.HolderKana); err != nil {
			return err
		}
	}
	action := "update"
	if before == nil {
		action = "create"
	}
	return tx.audit(action, "company", "company", before, c)
}
