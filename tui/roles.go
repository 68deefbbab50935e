package tui

// Roles (issue 15): a clerk at a daicho serve desk drafts documents and
// records payments; issuing, voiding, the settings and backups are a
// manager's. The store enforces it (store/role.go) and says "a manager is
// needed" if asked; the TUI does not offer a clerk the keys to ask with:
// disabled bindings neither match nor show in the help.

// clerk reports whether the person works as a clerk.
func (e env) clerk() bool { return e.st != nil && !e.st.IsManager() }
