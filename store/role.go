package store

// Roles of the people at daicho serve's desks (issue 15). The key's comment
// in the authorized keys file names the person and, optionally, the role:
// "hanako role=clerk". A clerk drafts documents and records payments; issuing
// (numbers are for good), voiding, the settings and backups need a manager.
// The rule is enforced here, once, whatever screen or command asks: the
// TUI only hides what a clerk cannot use.

// Role is what a person may do.
type Role string

const (
	RoleManager Role = "manager" // everything: the default, and every local user
	RoleClerk   Role = "clerk"   // no issuing, voiding, settings or backups
)

// CodeForbidden is a change the person's role does not allow.
const CodeForbidden Code = "forbidden"

// ParseRole reads a role's name; ok is false for an unknown one.
func ParseRole(s string) (Role, bool) {
	switch Role(s) {
	case RoleManager, RoleClerk:
		return Role(s), true
	}
	return "", false
}

// AsPerson is As with the person's role: daicho serve gives every session
// one, so the store refuses what the person's role does not allow.
func (s *Store) AsPerson(actor string, role Role) *Store {
	c := s.As(actor)
	c.role = role
	return c
}

// Role is the role the store acts in (a manager unless AsPerson said not).
func (s *Store) Role() Role {
	if s.role == "" {
		return RoleManager
	}
	return s.role
}

// IsManager reports whether the store may issue, void, change the settings
// and make backups.
func (s *Store) IsManager() bool { return s.Role() == RoleManager }

// needManager refuses action ("issue", "void", "settings", "backup") unless
// the role is a manager's.
func needManager(role Role, action string) error {
	if role == RoleClerk {
		return &Error{Code: CodeForbidden, Reason: managerNeeded[action]}
	}
	return nil
}

// managerNeeded is the refusal of each action, in the UI's words.
var managerNeeded = map[string]string{
	"issue":    "role.manager_needed.issue",
	"void":     "role.manager_needed.void",
	"settings": "role.manager_needed.settings",
	"backup":   "role.manager_needed.backup",
}

func (tx *Tx) needManager(action string) error { return needManager(tx.role, action) }

func (s *Store) needManager(action string) error { return needManager(s.role, action) }
