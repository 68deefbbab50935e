package store

import "context"

// SaveSettings stores the company and the mail settings together, in one
// transaction (`daicho settings set` may change both at once: either both
// changes land or neither). Each is validated as its own form validates it;
// the first that fails is returned, its fields named as in that form, and
// nothing is written. Versions work as in SaveCompany and SaveMailSettings.
func (s *Store) SaveSettings(ctx context.Context, c *Company, m *MailSettings) error {
	if err := c.Validate(); err != nil {
		return err
	}
	if err := m.Validate(); err != nil {
		return err
	}
	err := s.write(ctx, func(tx *Tx) error {
		if err := tx.saveCompany(c); err != nil {
			return err
		}
		return tx.saveMailSettings(m)
	})
	if err == nil {
		c.Version++
		m.Version++
	}
	return err
}
