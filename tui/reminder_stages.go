package tui

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"daicho/store"
)

// The reminder stages (issue 14): the settings screen's third page (pgdn
// from the mail settings, pgup back). Per stage its day from the due date,
// whether it is used, and its subject and words in Japanese and English.
// The words are shown as they go out (the built-in ones where none are
// set); words left as the built-in ones are stored empty, so a better
// built-in text reaches them later.

type (
	stagesLoadedMsg struct {
		stages []store.ReminderStage
		err    error
	}
	stagesSavedMsg      struct{ stages []store.ReminderStage }
	stagesSaveFailedMsg struct{ err error }
)

// stagePages is the third page's state.
type stagePages struct {
	page *stagesPage // nil until first shown
	on   bool
}

type stagesPage struct {
	env
	form   *Form
	stages []store.ReminderStage
}

// stageTextFields are the text fields of a stage, as the store names them.
var stageTextFields = []string{"subject_ja", "body_ja", "subject_en", "body_en"}

func newStagesPage(e env, stages []store.ReminderStage) *stagesPage {
	p, st := e.p, e.styles
	var fields []*Field
	for _, s := range stages {
		name := p.T("stage.name." + s.Stage)
		hint := p.T("stageset.days_after_hint")
		if s.Stage == store.StagePreDue {
			hint = p.T("stageset.days_before_hint")
		}
		fields = append(fields,
			ChoiceField(s.Stage+".enabled", name, []Choice{{"yes", p.T("stageset.on")}, {"no", p.T("stageset.off")}},
				yesNo(s.Enabled)),
			TextField(s.Stage+".days", name+" · "+p.T("stageset.days"), strconv.Itoa(s.Days), hint, st))
		for i, f := range stageTextFields {
			lang := f[len(f)-2:]
			subject, body := s.Text(lang)
			value := subject
			if i%2 == 1 {
				value = strings.ReplaceAll(body, "\n", " "+bodyMark+" ")
			}
			hint := ""
			if i == 0 {
				hint = "{" + strings.Join(store.StagePlaceholders, "} {") + "}"
			}
			fields = append(fields, TextField(s.Stage+"."+f, name+" · "+p.T("stageset."+f), value, hint, st))
		}
	}
	return &stagesPage{env: e, stages: stages, form: NewForm(p.T("stageset.title"), fields, DefaultFormKeyMap(p), st)}
}

// read reads the form; a day that is not a number is refused here, the
// rest by the store.
func (pg *stagesPage) read() ([]store.ReminderStage, error) {
	v := pg.form.Value
	out := make([]store.ReminderStage, len(pg.stages))
	var errs store.Errors
	for i, s := range pg.stages {
		r := store.ReminderStage{Stage: s.Stage, Enabled: v(s.Stage+".enabled") == "yes"}
		n, err := strconv.Atoi(strings.TrimSpace(foldDigits(strings.ReplaceAll(v(s.Stage+".days"), "−", "-"))))
		if err != nil {
			errs = append(errs, store.Invalid(s.Stage+".days", "number"))
		}
		r.Days = n
		texts := []*string{&r.SubjectJA, &r.BodyJA, &r.SubjectEN, &r.BodyEN}
		for j, f := range stageTextFields {
			lang := f[len(f)-2:]
			ds, db := store.DefaultStageText(s.Stage, lang)
			value, builtIn := strings.TrimSpace(v(s.Stage+"."+f)), ds
			if j%2 == 1 {
				value, builtIn = unmarkLines(v(s.Stage+"."+f)), db
			}
			if value != builtIn { // the built-in words stay empty: they follow the program
				*texts[j] = value
			}
		}
		out[i] = r
	}
	return out, errs.OrNil()
}

func (pg *stagesPage) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case stagesSavedMsg:
		pg.stages = msg.stages
		pg.form.SetErrors(nil, pg.p)
		pg.form.MarkSaved()
		return status(pg.p.T("stageset.saved"))
	case stagesSaveFailedMsg:
		pg.form.SetErrors(msg.err, pg.p)
		return pg.notSaved(msg.err, "stageset.not_saved")
	case tea.KeyPressMsg:
		if key.Matches(msg, pg.form.Keys.Save) {
			stages, err := pg.read()
			if err != nil {
				pg.form.SetErrors(err, pg.p)
				return statusErr(pg.p.T("stageset.not_saved"))
			}
			st, ctx := pg.st, pg.ctx
			return func() tea.Msg {
				if err := st.SaveReminderStages(ctx, stages); err != nil {
					return stagesSaveFailedMsg{err}
				}
				return stagesSavedMsg{stages}
			}
		}
	}
	return pg.form.Update(msg)
}

// stagesPageUpdate handles what belongs to the stages page (and pgdn from
// the mail page to it); ok is false for everything else.
func (s *setupScreen) stagesPageUpdate(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case stagesLoadedMsg:
		if msg.err != nil {
			return statusErr(s.p.Error(msg.err)), true
		}
		if s.stages.page == nil {
			s.stages.page = newStagesPage(s.env, msg.stages)
			s.stages.page.form.SetSize(s.form.width, s.form.height)
		}
		s.stages.on = true
		if s.mail.page != nil {
			s.mail.page.form.Blur()
		}
		return nil, true
	case stagesSavedMsg, stagesSaveFailedMsg:
		if s.stages.page == nil {
			return nil, true
		}
		return s.stages.page.Update(msg), true
	case tea.KeyPressMsg:
		if s.first || !s.mail.on {
			return nil, false
		}
		keys := s.pageKeys()
		switch {
		case !s.stages.on && key.Matches(msg, keys.Mail): // pgdn on the mail page
			if s.stages.page != nil {
				s.stages.on = true
				s.mail.page.form.Blur()
				s.stages.page.form.Refocus()
				return nil, true
			}
			st, ctx := s.st, s.ctx
			return func() tea.Msg {
				stages, err := st.ReminderStageSettings(ctx)
				return stagesLoadedMsg{stages: stages, err: err}
			}, true
		case s.stages.on && key.Matches(msg, keys.Company): // pgup: back to the mail page
			s.stages.on = false
			s.stages.page.form.Blur()
			s.mail.page.form.Refocus()
			return nil, true
		case s.stages.on && key.Matches(msg, s.form.Keys.Cancel):
			closed := func() tea.Msg { return setupClosedMsg{} }
			if s.Dirty() {
				return s.confirm(s.p.T("confirm.discard"), closed), true
			}
			return closed, true
		case s.stages.on:
			return s.stages.page.Update(msg), true
		}
	}
	return nil, false
}

func (s *setupScreen) stagesPageDirty() bool {
	return s.stages.page != nil && s.stages.page.form.Dirty()
}

func (s *setupScreen) stagesPageSize(w, h int) {
	if s.stages.page != nil {
		s.stages.page.form.SetSize(w, h)
	}
}
