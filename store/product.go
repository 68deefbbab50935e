package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Product is one item of the price list (品目): what a document line can pick
// to fill its description, unit, price and tax category in one keystroke.
type Product struct {
	ID          int64  `json:"-"`
	Code        string `json:"code"`
	Name        string `json:"name"`
	Kana        string `json:"kana"`
	Unit        string `json:"unit"`
	UnitPrice   Money  `json:"unit_price"`
	CostPrice   Money  `json:"cost_price"` // 仕切り値: what it costs us, for margins
	TaxCategory string `json:"tax_category"`
	Archived    bool   `json:"archived"`
	Version     int64  `json:"-"`
}

// Validate normalises the product in place and returns every field error.
func (p *Product) Validate() error {
	var ck checker
	p.Code = strings.ToUpper(foldASCII(p.Code))
	switch {
	case p.Code == "":
		ck.add("code", "required")
	case !customerCode().MatchString(p.Code):
		ck.add("code", "code.format")
	}
	ck.line("name", &p.Name, true, 200)
	ck.kana("kana", &p.Kana)
	ck.line("unit", &p.Unit, false, 10)
	if p.TaxCategory == "" {
		p.TaxCategory = TaxStandard
	}
	ck.choice("tax_category", p.TaxCategory, TaxCategories...)
	ck.amount("unit_price", p.UnitPrice)
	if p.CostPrice < 0 {
		ck.add("cost_price", "money.negative")
	} else {
		ck.amount("cost_price", p.CostPrice)
	}
	return ck.errs.OrNil()
}

const productColumns = `id, code, name, kana, unit, unit_price, cost_price, tax_category, archived, version`

func scanProduct(r scanner) (Product, error) {
	var p Product
	err := r.Scan(&p.ID, &p.Code, &p.Name, &p.Kana, &p.Unit, &p.UnitPrice, &p.CostPrice, &p.TaxCategory, &p.Archived, &p.Version)
	return p, err
}

// Products returns every product, archived ones included, by code.
func (s *Store) Products(ctx context.Context) ([]Product, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+productColumns+` FROM products ORDER BY code`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Product
	for rows.Next() {
		p, err := scanProduct(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// ProductByCode returns the product with the given code.
func (s *Store) ProductByCode(ctx context.Context, code string) (Product, error) {
	code = strings.ToUpper(foldASCII(code))
	p, err := scanProduct(s.db.QueryRowContext(ctx, `SELECT `+productColumns+` FROM products WHERE code = ?`, code))
	if errors.Is(err, sql.ErrNoRows) {
		return p, &Error{Code: CodeNotFound, Field: "product_code", Reason: "product.not_found", Args: []any{code}}
	}
	return p, err
}

// NextProductCode suggests the code after the highest "P" + digits code.
func (s *Store) NextProductCode(ctx context.Context) (string, error) {
	return s.nextCode(ctx, "products", "P")
}

// nextCode suggests the code after the highest prefix + digits code of table.
func (s *Store) nextCode(ctx context.Context, table, prefix string) (string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT code FROM `+table+` WHERE code GLOB ?`, prefix+"[0-9]*")
	if err != nil {
		return "", err
	}
	defer rows.Close()
	var codes []string
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			return "", err
		}
		codes = append(codes, c)
	}
	if err := rows.Err(); err != nil {
		return "", err
	}
	return nextCode(prefix, codes), nil
}

// nextCode is prefix + (the highest number among codes + 1), as wide as the
// widest existing code's number and at least 4 digits.
func nextCode(prefix string, codes []string) string {
	max, digits := 0, 4
	for _, c := range codes {
		n, err := strconv.Atoi(strings.TrimPrefix(c, prefix))
		if err != nil {
			continue
		}
		if n > max {
			max, digits = n, maxInt(digits, len(c)-len(prefix))
		}
	}
	return fmt.Sprintf("%s%0*d", prefix, digits, max+1)
}

func maxInt(a, b int) int {
	if a > b {
		return a
	}
	return b
}

// SaveProduct creates (ID 0) or updates a product (Version must match).
func (s *Store) SaveProduct(ctx context.Context, p *Product) error {
	if err := p.Validate(); err != nil {
		return err
	}
	err := s.write(ctx, func(tx *Tx) error { return tx.saveProduct(p) })
	if err == nil {
		p.Version++
	}
	return err
}

func (tx *Tx) saveProduct(p *Product) error {
	ctx := tx.ctx
	var before any
	if p.ID != 0 {
		old, err := scanProduct(tx.QueryRowContext(ctx, `SELECT `+productColumns+` FROM products WHERE id = ?`, p.ID))
		if errors.Is(err, sql.ErrNoRows) {
			return &Error{Code: CodeNotFound, Reason: "product.not_found", Args: []any{p.ID}}
		}
		if err != nil {
			return err
		}
		if old.Version != p.Version {
			return tx.staleError("product", old.Code)
		}
		before = old
		_, err = tx.ExecContext(ctx, `UPDATE products SET code = ?, name = ?, kana = ?, unit = ?, unit_price = ?,
			cost_price = ?, tax_category = ?, archived = ?, version = version + 1, updated_at = ? WHERE id = ?`,
			p.Code, p.Name, p.Kana, p.Unit, p.UnitPrice, p.CostPrice, p.TaxCategory, p.Archived, stamp(tx.now), p.ID)
		if isUniqueViolation(err, "products.code") {
			return &Error{Code: CodeConflict, Field: "code", Reason: "product.code_taken", Args: []any{p.Code}}
		}
		if err != nil {
			return err
		}
	} else {
		res, err := tx.ExecContext(ctx, `INSERT INTO products (code, name, kana, unit, unit_price, cost_price,
			tax_category, archived, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`,
			p.Code, p.Name, p.Kana, p.Unit, p.UnitPrice, p.CostPrice, p.TaxCategory, p.Archived, stamp(tx.now), stamp(tx.now))
		if isUniqueViolation(err, "products.code") {
			return &Error{Code: CodeConflict, Field: "code", Reason: "product.code_taken", Args: []any{p.Code}}
		}
		if err != nil {
			return err
		}
		if p.ID, err = res.LastInsertId(); err != nil {
			return err
		}
		return tx.audit("create", "product", p.Code, nil, p)
	}
	return tx.audit("update", "product", p.Code, before, p)
}
