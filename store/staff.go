package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"
)

// Staff (担当者) are the office's people in charge of customers and
// contracts. A customer's or contract's person_in_charge is a staff entry's
// name: the name is the key (unique), so the JSON/CSV key person_in_charge
// and every list that shows it stay as they were, and 0014_staff.sql's
// triggers refuse a name that is no entry's. Entries are never deleted;
// renaming one renames it wherever it is named, in the same transaction.
type Staff struct {
	ID     int64  `json:"-"`
	Name   string `json:"name"`
	Email  string `json:"email"`   // where `daicho notify` sends their notices; "": none
	SSHKey string `json:"ssh_key"` // their key's name in `daicho serve`'s authorized keys; "": none
	// Version is bumped on every save, so a stale edit is refused.
	Version int64 `json:"-"`
}

var sshKeyName = lazyRegexp(`^[A-Za-z0-9._@-]{1,64}$`)

// Validate normalises the entry in place and returns every field error.
func (m *Staff) Validate() error {
	var ck checker
	ck.line("name", &m.Name, true, 50)
	ck.email("email", &m.Email)
	m.SSHKey = strings.TrimSpace(m.SSHKey)
	if m.SSHKey != "" && !sshKeyName().MatchString(m.SSHKey) {
		ck.add("ssh_key", "staff.ssh_key_format")
	}
	return ck.errs.OrNil()
}

const staffColumns = `id, name, email, ssh_key, version`

func scanStaff(r scanner) (Staff, error) {
	var m Staff
	err := r.Scan(&m.ID, &m.Name, &m.Email, &m.SSHKey, &m.Version)
	return m, err
}

// StaffList returns every staff entry, by name.
func (s *Store) StaffList(ctx context.Context) ([]Staff, error) {
	return staffList(ctx, s.db)
}

func staffList(ctx context.Context, q queryer) ([]Staff, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+staffColumns+` FROM staff ORDER BY name`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Staff
	for rows.Next() {
		m, err := scanStaff(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// StaffByName returns the entry named name (CodeNotFound: none).
func (s *Store) StaffByName(ctx context.Context, name string) (Staff, error) {
	return staffWhere(ctx, s.db, "name = ?", strings.TrimSpace(name))
}

// StaffBySSHKey returns the entry whose SSH key name is key (CodeNotFound:
// none): who signed in to `daicho serve`.
func (s *Store) StaffBySSHKey(ctx context.Context, key string) (Staff, error) {
	if key == "" {
		return Staff{}, &Error{Code: CodeNotFound, Reason: "staff.not_found", Args: []any{key}}
	}
	return staffWhere(ctx, s.db, "ssh_key = ?", key)
}

func staffWhere(ctx context.Context, q queryer, where string, arg any) (Staff, error) {
	m, err := scanStaff(q.QueryRowContext(ctx, `SELECT `+staffColumns+` FROM staff WHERE `+where, arg))
	if errors.Is(err, sql.ErrNoRows) {
		return m, &Error{Code: CodeNotFound, Reason: "staff.not_found", Args: []any{arg}}
	}
	return m, err
}

// CreateStaff validates m and adds it (with an audit row); m gets its id.
func (s *Store) CreateStaff(ctx context.Context, m *Staff) error {
	if err := m.Validate(); err != nil {
		return err
	}
	return s.write(ctx, func(tx *Tx) error {
		res, err := tx.ExecContext(tx.ctx, `INSERT INTO staff (name, email, ssh_key, version, created_at, updated_at)
			VALUES (?, ?, ?, 1, ?, ?)`, m.Name, m.Email, m.SSHKey, stamp(tx.now), stamp(tx.now))
		if err := staffConflict(err, m); err != nil {
			return err
		}
		if m.ID, err = res.LastInsertId(); err != nil {
			return err
		}
		m.Version = 1
		return tx.audit("create", "staff", m.Name, nil, m)
	})
}

// UpdateStaff saves m over the entry with its id; m.Version must be the one
// loaded. A new name renames the person wherever they are named (customers,
// contracts, inquiries) in the same transaction (trigger staff_rename).
func (s *Store) UpdateStaff(ctx context.Context, m *Staff) error {
	if err := m.Validate(); err != nil {
		return err
	}
	err := s.write(ctx, func(tx *Tx) error {
		before, err := staffWhere(tx.ctx, tx, "id = ?", m.ID)
		if err != nil {
			return err
		}
		if before.Version != m.Version {
			return tx.staleError("staff", before.Name)
		}
		_, err = tx.ExecContext(tx.ctx, `UPDATE staff SET name = ?, email = ?, ssh_key = ?, version = version + 1,
			updated_at = ? WHERE id = ?`, m.Name, m.Email, m.SSHKey, stamp(tx.now), m.ID)
		if err := staffConflict(err, m); err != nil {
			return err
		}
		return tx.audit("update", "staff", m.Name, before, m)
	})
	if err == nil {
		m.Version++
	}
	return err
}

// staffConflict turns a unique violation into the field it is about.
func staffConflict(err error, m *Staff) error {
	switch {
	case isUniqueViolation(err, "staff.name"):
		return &Error{Code: CodeConflict, Field: "name", Reason: "staff.name_taken", Args: []any{m.Name}}
	case isUniqueViolation(err, "staff.ssh_key"):
		return &Error{Code: CodeConflict, Field: "ssh_key", Reason: "staff.ssh_key_taken", Args: []any{m.SSHKey}}
	}
	return err
}

// checkPersonInCharge refuses a person in charge who is no staff entry,
// naming the entries there are: the field error a form or an import shows
// (the triggers of 0014_staff.sql are the backstop).
func (tx *Tx) checkPersonInCharge(name string) error {
	if name == "" || tx.knownStaff[name] {
		return nil
	}
	var n int
	if err := tx.QueryRowContext(tx.ctx, `SELECT count(*) FROM staff WHERE name = ?`, name).Scan(&n); err != nil || n > 0 {
		if n > 0 && tx.knownStaff != nil {
			tx.knownStaff[name] = true
		}
		return err
	}
	list, err := staffList(tx.ctx, tx)
	if err != nil {
		return err
	}
	names := make([]string, len(list))
	for i, m := range list {
		names[i] = m.Name
	}
	known := strings.Join(names, ", ")
	if known == "" {
		known = "—"
	}
	return Invalid("person_in_charge", "staff.unknown", name, known)
}
