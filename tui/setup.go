package tui

import (
	"net/url"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"daicho/store"
)

// setupScreen is the company form: the company that issues the documents and
// the bank account customers pay into. On the first run daicho shows it
// instead of the tabs until it is saved; later S opens it to change them.
type setupScreen struct {
	env
	form  *Form
	c     store.Company
	first bool      // the first run: there is nothing to go back to
	mail  mailPages // the second page, the mail settings (mail_settings.go)
	// The third page, the reminder stages (reminder_stages.go; issue 14).
	stages stagePages
}

type (
	companySaveFailedMsg struct{ err error }
	companyLoadedMsg     struct {
		c   store.Company
		err error
	}
	setupClosedMsg     struct{}
	companyReloadedMsg struct { // the settings as saved by someone else, for the form
		c   store.Company
		err error
	}
)

// newSetupScreen returns the form over c (store.NewCompany() on the first run).
func newSetupScreen(e env, c store.Company, first bool) *setupScreen {
	p, st := e.p, e.styles
	var b store.BankAccount
	if len(c.BankAccounts) > 0 {
		b = c.BankAccounts[0]
	} else {
		b.AccountType = store.AccountOrdinary
	}
	months := make([]Choice, 12)
	for i := range months {
		months[i] = Choice{strconv.Itoa(i + 1), p.T("setup.month", i+1)}
	}
	bank := func(name string) string { return "bank_accounts.0." + name }
	fields := []*Field{
		TextField("name", p.T("field.name"), c.Name, p.T("setup.name_hint"), st),
		TextField("kana", p.T("field.kana"), c.Kana, "", st),
		TextField("postal_code", p.T("field.postal_code"), c.PostalCode, "123-4567", st),
		TextField("address1", p.T("field.address1"), c.Address1, "", st),
		TextField("address2", p.T("field.address2"), c.Address2, "", st),
		TextField("name_en", p.T("field.name_en"), c.NameEN, p.T("setup.english_hint"), st),
		TextField("address1_en", p.T("field.address1_en"), c.Address1EN, p.T("setup.english_hint"), st),
		TextField("address2_en", p.T("field.address2_en"), c.Address2EN, "", st),
		TextField("phone", p.T("field.phone"), c.Phone, "", st),
		TextField("email", p.T("field.email"), c.Email, "", st),
		TextField("registration_number", p.T("field.registration_number"), c.RegistrationNumber, p.T("setup.regno_hint"), st),
		ChoiceField("fiscal_year_start", p.T("field.fiscal_year_start"), months, strconv.Itoa(c.FiscalYearStart)),
		ChoiceField("currency", p.T("field.currency"), []Choice{{"JPY", "JPY ¥"}, {"USD", "USD $"}, {"EUR", "EUR €"}}, c.Currency),
		ChoiceField("tax_rounding", p.T("field.tax_rounding"), []Choice{
			{store.RoundFloor, p.T("setup.round_floor")}, {store.RoundHalfUp, p.T("setup.round_half_up")},
			{store.RoundCeil, p.T("setup.round_ceil")},
		}, c.TaxRounding),
		exportsField(e, c),
		TextField("seal_path", p.T("field.seal_path"), c.SealPath, sealHint(e), st),
		TextField("shortfall_tolerance", p.T("field.shortfall_tolerance"), c.ShortfallTolerance.Plain(e.currency()),
			p.T("setup.shortfall_hint"), st),
		ChoiceField("billing_combine", p.T("field.billing_combine"), []Choice{
			{"false", p.T("setup.billing_per_contract")}, {"true", p.T("setup.billing_per_customer")},
		}, strconv.FormatBool(c.BillingCombine)),
		backupDirField(e, c),
		TextField("backup_keep", p.T("field.backup_keep"), strconv.Itoa(c.BackupKeep), p.T("setup.backup_keep_hint"), st),
		replicaField(e, c), // Replication (issue 15)
		TextField(bank("bank"), p.Field(bank("bank")), b.Bank, p.T("setup.bank_hint"), st),
		TextField(bank("branch"), p.Field(bank("branch")), b.Branch, "", st),
		ChoiceField(bank("account_type"), p.Field(bank("account_type")), []Choice{
			{store.AccountOrdinary, p.T("setup.account_ordinary")}, {store.AccountCurrent, p.T("setup.account_current")},
			{store.AccountSavings, p.T("setup.account_savings")},
		}, b.AccountType),
		TextField(bank("number"), p.Field(bank("number")), b.Number, "", st),
		TextField(bank("holder_kana"), p.Field(bank("holder_kana")), b.HolderKana, "", st),
	}
	title := p.T("setup.edit_title")
	if first {
		title = p.T("setup.title")
	}
	return &setupScreen{env: e, c: c, first: first, form: NewForm(title, fields, DefaultFormKeyMap(p), st)}
}

// company reads the form; a bank account left wholly empty is no account.
// Accounts after the first (none can be made here yet) are kept as they are.
// An amount that is not one is refused here, under its field.
func (s *setupScreen) company() (store.Company, error) {
	c, v := s.c, s.form.Value
	c.Name, c.Kana, c.PostalCode, c.Address1, c.Address2 = v("name"), v("kana"), v("postal_code"), v("address1"), v("address2")
	c.NameEN, c.Address1EN, c.Address2EN = v("name_en"), v("address1_en"), v("address2_en")
	c.Phone, c.Email, c.RegistrationNumber = v("phone"), v("email"), v("registration_number")
	c.FiscalYearStart, _ = strconv.Atoi(v("fiscal_year_start"))
	c.Currency, c.TaxRounding = v("currency"), v("tax_rounding")
	c.SealPath = v("seal_path")
	if s.opt.exportsDir == "" { // in server mode the stored folder is kept as it is
		c.ExportsDir = v("exports_dir")
		c.BackupDir = v("backup_dir")
		c.ReplicaURL = v("replica_url") // Replication (issue 15)
	}
	c.BillingCombine = v("billing_combine") == "true"
	var err error
	if c.BackupKeep, err = strconv.Atoi(strings.TrimSpace(v("backup_keep"))); err != nil {
		c.BackupKeep = -1 // not a number: Validate says what it must be
	}
	var bad error
	cur, ok := store.CurrencyByCode(c.Currency) // as chosen on this form
	if !ok {
		cur = s.currency()
	}
	if c.ShortfallTolerance, err = store.ParseMoney(v("shortfall_tolerance"), cur); err != nil {
		if e, ok := store.AsError(err); ok {
			e.Field = "shortfall_tolerance"
		}
		bad = err
	}
	b := store.BankAccount{Bank: v("bank_accounts.0.bank"), Branch: v("bank_accounts.0.branch"),
		AccountType: v("bank_accounts.0.account_type"), Number: v("bank_accounts.0.number"),
		HolderKana: v("bank_accounts.0.holder_kana")}
	var rest []store.BankAccount
	if len(c.BankAccounts) > 1 {
		rest = c.BankAccounts[1:]
	}
	c.BankAccounts = nil
	if b.Bank+b.Branch+b.Number+b.HolderKana != "" {
		c.BankAccounts = []store.BankAccount{b}
	}
	c.BankAccounts = append(c.BankAccounts, rest...)
	return c, bad
}

// sealHint says where the seal image is read from: over SSH, the imports
// folder only (names are relative to it).
func sealHint(e env) string {
	if f := e.files(); f.rooted() {
		return e.p.T("setup.seal_hint_in", f.root)
	}
	return e.p.T("setup.seal_hint")
}

// loadSeal copies the seal image into the company when its path was
// chosen or changed (issue 15): read once, here — over SSH only from the
// imports folder — and kept in the ledger, so no PDF reads a path. An
// unchanged path keeps the image already kept.
func loadSeal(files fileSource, c *store.Company, oldPath string, oldImage []byte) error {
	switch {
	case c.SealPath == "":
		c.SealImage = nil
	case c.SealPath == oldPath && len(oldImage) > 0:
		c.SealImage = oldImage
	default:
		data, err := files.read(c.SealPath)
		if err != nil {
			if e, ok := store.AsError(err); ok {
				e.Field = "seal_path"
				return e
			}
			return store.Invalid("seal_path", "path.missing")
		}
		c.SealImage = data
		return store.CheckSealImage(data) // a PNG, not too large
	}
	return nil
}

// exportsField is where files go. In server mode the server has fixed the
// folder for every session: the field shows it, as a choice of one, so
// nothing typed there changes it (and the stored setting is kept for the
// local TUI).
func exportsField(e env, c store.Company) *Field {
	if dir := e.opt.exportsDir; dir != "" {
		f := ChoiceField("exports_dir", e.p.T("field.exports_dir"), []Choice{{dir, dir}}, dir)
		f.Hint = e.p.T("setup.exports_fixed")
		return f
	}
	// Empty, the field shows the folder that is used then (inside the field:
	// at 80 columns the hints after it are cut).
	f := TextField("exports_dir", e.p.T("field.exports_dir"), c.ExportsDir, e.p.T("setup.exports_hint"), e.styles)
	f.input.Placeholder = e.opt.exportsDefault
	return f
}

// backupDirField is where backups go (backups next to the database when
// empty). Like the exports folder, a session of the server cannot change it:
// the server would write its daily backups wherever a session typed.
func backupDirField(e env, c store.Company) *Field {
	if e.opt.exportsDir != "" {
		shown := c.BackupDir
		if shown == "" {
			shown = e.p.T("setup.backup_dir_hint")
		}
		f := ChoiceField("backup_dir", e.p.T("field.backup_dir"), []Choice{{c.BackupDir, shown}}, c.BackupDir)
		f.Hint = e.p.T("setup.backup_fixed")
		return f
	}
	return TextField("backup_dir", e.p.T("field.backup_dir"), c.BackupDir, e.p.T("setup.backup_dir_hint"), e.styles)
}

// replicaField is where the TUI replicates the ledger (Replication, issue
// 15). Like the backup folder, a session of the server cannot change it: it
// would send the whole ledger wherever a session typed.
func replicaField(e env, c store.Company) *Field {
	if e.opt.exportsDir != "" {
		shown := "—"
		if u, err := url.Parse(c.ReplicaURL); err == nil && c.ReplicaURL != "" {
			shown = u.Redacted() // a password in the URL is not shown to sessions
		}
		f := ChoiceField("replica_url", e.p.T("field.replica_url"), []Choice{{c.ReplicaURL, shown}}, c.ReplicaURL)
		f.Hint = e.p.T("setup.replica_fixed")
		return f
	}
	return TextField("replica_url", e.p.T("field.replica_url"), c.ReplicaURL, e.p.T("setup.replica_hint"), e.styles)
}

func (s *setupScreen) Init() tea.Cmd { return nil }

func (s *setupScreen) Update(msg tea.Msg) tea.Cmd {
	if cmd, ok := s.stagesPageUpdate(msg); ok {
		return cmd
	}
	if cmd, ok := s.mailPageUpdate(msg); ok {
		return cmd
	}
	switch msg := msg.(type) {
	case companySaveFailedMsg:
		s.form.SetErrors(msg.err, s.p)
		if isStale(msg.err) {
			st, ctx := s.st, s.ctx
			s.askReload(msg.err, func() tea.Msg {
				c, err := st.Company(ctx)
				return companyReloadedMsg{c: c, err: err}
			}, nil)
		}
		return s.notSaved(msg.err, "setup.not_saved")
	case companyReloadedMsg:
		if msg.err != nil {
			return statusErr(s.p.Error(msg.err))
		}
		w, h := s.form.width, s.form.height
		*s = *newSetupScreen(s.env, msg.c, s.first)
		s.form.SetSize(w, h)
		return nil
	case tea.KeyPressMsg:
		if !s.first && key.Matches(msg, s.form.Keys.Cancel) {
			closed := func() tea.Msg { return setupClosedMsg{} }
			if s.Dirty() { // either page
				return s.confirm(s.p.T("confirm.discard"), closed)
			}
			return closed
		}
		if key.Matches(msg, s.form.Keys.Save) {
			c, err := s.company()
			if err == nil {
				err = c.Validate()
			}
			if err != nil {
				s.form.SetErrors(err, s.p)
				return statusErr(s.p.T("setup.not_saved"))
			}
			st, ctx := s.st, s.ctx
			files, oldPath, oldImage := s.files(), s.c.SealPath, s.c.SealImage
			return func() tea.Msg {
				if err := loadSeal(files, &c, oldPath, oldImage); err != nil {
					return companySaveFailedMsg{err}
				}
				if err := st.SaveCompany(ctx, &c); err != nil {
					return companySaveFailedMsg{err}
				}
				return companySavedMsg{company: c}
			}
		}
	}
	return s.form.Update(msg)
}

func (s *setupScreen) View() string {
	if s.stages.on {
		return s.stages.page.form.View()
	}
	if s.mail.on {
		return s.mail.page.form.View()
	}
	return s.form.View()
}

func (s *setupScreen) SetSize(w, h int) {
	s.form.SetSize(w, h)
	s.mailPageSize(w, h)
	s.stagesPageSize(w, h)
}

func (s *setupScreen) Capturing() bool { return true }
func (s *setupScreen) Dirty() bool {
	return s.form.Dirty() || s.mailPageDirty() || s.stagesPageDirty()
}

func (s *setupScreen) Title() string {
	if s.first {
		return s.p.T("setup.tab")
	}
	if s.stages.on {
		return s.p.T("stageset.tab")
	}
	if s.mail.on {
		return s.p.T("mailset.tab")
	}
	return s.p.T("setup.edit_tab")
}

func (s *setupScreen) ShortHelp() []key.Binding {
	k := s.form.Keys
	if s.first {
		return []key.Binding{k.Next, k.Prev, k.Choose, k.Save}
	}
	return s.mailPageHelp()
}

func (s *setupScreen) FullHelp() [][]key.Binding { return [][]key.Binding{s.ShortHelp()} }
