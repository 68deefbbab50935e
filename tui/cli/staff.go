package cli

import (
	"encoding/json"
	"flag"
	"fmt"
	"slices"

	"daicho/store"
)

// staff manages the people in charge (担当者): `staff list [--format
// table|json]`, `staff add NAME [--email E] [--ssh-key K]` and `staff set
// NAME [--name NEW] [--email E] [--ssh-key K]` (a flag left out keeps the
// value; an empty one clears it; a new name renames the person on every
// customer and contract naming them).
func (c *cli) staff(args []string) int {
	if len(args) == 0 {
		return c.usageError(c.p.T("cli.staff.what"))
	}
	switch args[0] {
	case "list":
		return c.staffList(args[1:])
	case "add", "set":
		return c.staffSave(args[0], args[1:])
	}
	return c.usageError(c.p.T("cli.staff.what"))
}

func (c *cli) staffList(args []string) int {
	fs := c.flagSet("staff list")
	format := fs.String("format", "table", "")
	pos, code, ok := c.parseCommand(fs, args)
	switch {
	case !ok:
		return code
	case len(pos) > 0:
		return c.usageError(c.p.T("cli.unexpected_arg", pos[0]))
	case !slices.Contains([]string{"table", "json"}, *format):
		return c.usageError(c.p.T("cli.list.bad_format", *format))
	}
	st, code := c.openChecked()
	if st == nil {
		return code
	}
	defer st.Close()
	list, err := st.StaffList(c.ctx)
	if err != nil {
		return c.failErr(err)
	}
	if *format == "json" {
		if list == nil {
			list = []store.Staff{}
		}
		enc := json.NewEncoder(c.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(list); err != nil {
			return c.failErr(err)
		}
		return exitOK
	}
	rows := [][]string{{c.p.Field("name"), c.p.Field("email"), c.p.T("cli.staff.ssh_key")}}
	for _, m := range list {
		rows = append(rows, []string{store.FoldDisplay(m.Name), m.Email, m.SSHKey})
	}
	if err := writeTable(c.stdout, rows); err != nil {
		return c.failErr(err)
	}
	return exitOK
}

// staffSave is `staff add` and `staff set`.
func (c *cli) staffSave(verb string, args []string) int {
	fs := c.flagSet("staff " + verb)
	var name, email, sshKey optionalString
	fs.Var(&email, "email", "")
	fs.Var(&sshKey, "ssh-key", "")
	if verb == "set" {
		fs.Var(&name, "name", "")
	}
	pos, code, ok := c.parseCommand(fs, args)
	switch {
	case !ok:
		return code
	case len(pos) == 0:
		return c.usageError(c.p.T("cli.staff.name"))
	case len(pos) > 1:
		return c.usageError(c.p.T("cli.unexpected_arg", pos[1]))
	}
	st, code := c.openChecked()
	if st == nil {
		return code
	}
	defer st.Close()
	var m store.Staff
	var err error
	if verb == "set" {
		if m, err = st.StaffByName(c.ctx, pos[0]); err != nil {
			return c.failErr(err)
		}
	} else {
		m.Name = pos[0]
	}
	name.apply(&m.Name)
	email.apply(&m.Email)
	sshKey.apply(&m.SSHKey)
	if verb == "set" {
		err = st.UpdateStaff(c.ctx, &m)
	} else {
		err = st.CreateStaff(c.ctx, &m)
	}
	if err != nil {
		return c.failErr(err)
	}
	fmt.Fprintln(c.stdout, c.p.T("cli.staff.saved", m.Name))
	return exitOK
}

// optionalString is a string flag that knows whether it was given.
type optionalString struct {
	value string
	set   bool
}

var _ flag.Value = (*optionalString)(nil)

func (o *optionalString) String() string     { return o.value }
func (o *optionalString) Set(v string) error { o.value, o.set = v, true; return nil }

func (o *optionalString) apply(to *string) {
	if o.set {
		*to = o.value
	}
}
