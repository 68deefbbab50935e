package store_test

import (
	"testing"
	"time"

	"daicho/store"
	"daicho/store/storetest"
)

func TestNextStage(t *testing.T) {
	d := storetest.Date
	due := d("2026-11-30")
	stages := store.DefaultReminderStages() // −3, +1, +15, +30
	noFinal := store.DefaultReminderStages()
	noFinal[3].Enabled = false
	sent := func(pairs ...string) []store.SentStage {
		var out []store.SentStage
		for i := 0; i < len(pairs); i += 2 {
			out = append(out, store.SentStage{Stage: pairs[i], Date: d(pairs[i+1])})
		}
		return out
	}
	cases := []struct {
		name   string
		stages []store.ReminderStage
		in     store.StageInput
		asOf   string
		stage  string
		date   string // "" = none
		due    bool
		held   bool
	}{
		{"before due, no notice wanted: the friendly reminder next", stages,
			store.StageInput{DueDate: due, Open: 1000}, "2026-11-20", store.StageFriendly, "2026-12-01", false, false},
		{"notice wanted, not yet its day", stages,
			store.StageInput{DueDate: due, Open: 1000, PreDueNotice: true}, "2026-11-26", store.StagePreDue, "2026-11-27", false, false},
		{"notice wanted, its day", stages,
			store.StageInput{DueDate: due, Open: 1000, PreDueNotice: true}, "2026-11-27", store.StagePreDue, "2026-11-27", true, false},
		{"notice never sent, due date reached: too late for it", stages,
			store.StageInput{DueDate: due, Open: 1000, PreDueNotice: true}, "2026-11-30", store.StageFriendly, "2026-12-01", false, false},
		{"notice sent: the friendly one after the due date", stages,
			store.StageInput{DueDate: due, Open: 1000, PreDueNotice: true, Sent: sent(store.StagePreDue, "2026-11-27")},
			"2026-12-01", store.StageFriendly, "2026-12-01", true, false},
		{"on the due date nothing is overdue yet", stages,
			store.StageInput{DueDate: due, Open: 1000}, "2026-11-30", store.StageFriendly, "2026-12-01", false, false},
		{"long overdue, nothing sent: the friendly one first", stages,
			store.StageInput{DueDate: due, Open: 1000}, "2027-02-01", store.StageFriendly, "2026-12-01", true, false},
		{"friendly sent on time: firm on its day", stages,
			store.StageInput{DueDate: due, Open: 1000, Sent: sent(store.StageFriendly, "2026-12-01")},
			"2026-12-10", store.StageFirm, "2026-12-15", false, false},
		{"friendly sent late: firm keeps its distance of 14 days", stages,
			store.StageInput{DueDate: due, Open: 1000, Sent: sent(store.StageFriendly, "2026-12-20")},
			"2026-12-31", store.StageFirm, "2027-01-03", false, false},
		{"firm sent: final next", stages,
			store.StageInput{DueDate: due, Open: 1000, Sent: sent(store.StageFriendly, "2026-12-01", store.StageFirm, "2026-12-15")},
			"2026-12-30", store.StageFinal, "2026-12-30", true, false},
		{"a later stage sent by hand makes earlier ones moot", stages,
			store.StageInput{DueDate: due, Open: 1000, Sent: sent(store.StageFirm, "2026-12-15")},
			"2027-01-31", store.StageFinal, "2026-12-30", true, false},
		{"every stage sent: none left", stages,
			store.StageInput{DueDate: due, Open: 1000, Sent: sent(store.StageFriendly, "2026-12-01", store.StageFirm, "2026-12-15", store.StageFinal, "2026-12-30")},
			"2027-03-01", "", "", false, false},
		{"a disabled stage is skipped", noFinal,
			store.StageInput{DueDate: due, Open: 1000, Sent: sent(store.StageFriendly, "2026-12-01", store.StageFirm, "2026-12-15")},
			"2027-03-01", "", "", false, false},
		{"on hold: nothing, whatever is due", stages,
			store.StageInput{DueDate: due, Open: 1000, Hold: "請求内容に異議（問合せ #12）"}, "2027-02-01", "", "", false, true},
		{"nothing open: nothing", stages,
			store.StageInput{DueDate: due, Open: 0}, "2027-02-01", "", "", false, false},
		{"no due date: nothing", stages,
			store.StageInput{Open: 1000}, "2027-02-01", "", "", false, false},
		{"the time of day does not count", stages,
			store.StageInput{DueDate: due, Open: 1000}, "2026-12-01T23:00", store.StageFriendly, "2026-12-01", true, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			asOf := time.Time{}
			if len(tc.asOf) > 10 {
				asOf, _ = time.Parse("2006-01-02T15:04", tc.asOf)
			} else {
				asOf = d(tc.asOf)
			}
			got := store.NextStage(tc.stages, tc.in, asOf)
			wantDate := time.Time{}
			if tc.date != "" {
				wantDate = d(tc.date)
			}
			if got.Stage != tc.stage || !got.Date.Equal(wantDate) || got.Due != tc.due || got.Held != tc.held {
				t.Errorf("got %s on %s due=%v held=%v; want %s on %s due=%v held=%v", got.Stage,
					store.FormatDate(got.Date), got.Due, got.Held, tc.stage, tc.date, tc.due, tc.held)
			}
		})
	}
}

// The store reads the settings, the customers' flags and the reminder log:
// logging a stage moves the invoice on, as of the day it was logged (a
// reminder logged later does not count as of an earlier day).
func TestInvoiceStagesFromTheLedger(t *testing.T) {
	f := newPayFix(t)
	early := f.invoice(f.cust, "2026-10-01", "2026-10-31", 10000) // 26 days overdue on 11-26
	soon := f.invoice(f.cust, "2026-11-01", "2026-11-28", 20000)  // due in 2 days
	other := f.invoice(f.other, "2026-10-01", "2026-11-20", 5000)
	asOf := storetest.Date("2026-11-26")
	stageOf := func(list []store.InvoiceStage, id int64) (store.InvoiceStage, bool) {
		for _, it := range list {
			if it.InvoiceID == id {
				return it, true
			}
		}
		return store.InvoiceStage{}, false
	}
	all, err := f.st.InvoiceStages(f.ctx, asOf)
	if err != nil {
		t.Fatal(err)
	}
	if it, _ := stageOf(all, early.ID); it.Stage != store.StageFriendly || !it.Due {
		t.Errorf("early: %+v", it.StageDue)
	}
	if it, _ := stageOf(all, soon.ID); it.Stage != store.StageFriendly || it.Due {
		t.Errorf("soon, no notice wanted: %+v", it.StageDue)
	}

	// The customer wants the notice: it is due (11-25 ≤ 11-26 < 11-28).
	c := f.cust
	c.PreDueNotice = true
	if err := f.st.UpdateCustomer(f.ctx, &c); err != nil {
		t.Fatal(err)
	}
	due, err := f.st.ReminderStages(f.ctx, asOf)
	if err != nil {
		t.Fatal(err)
	}
	if it, ok := stageOf(due, soon.ID); !ok || it.Stage != store.StagePreDue {
		t.Errorf("soon with the notice: %+v %v", it.StageDue, ok)
	}
	if len(due) != 3 {
		t.Errorf("%d due, want 3", len(due))
	}

	// Sending the friendly reminder of early moves it to firm.
	r := store.ReminderLog{CustomerID: f.cust.ID, InvoiceID: early.ID, Date: asOf, Method: store.RemindEmail,
		Stage: store.StageFriendly}
	if err := f.st.LogReminder(f.ctx, &r); err != nil {
		t.Fatal(err)
	}
	all, _ = f.st.InvoiceStages(f.ctx, asOf)
	if it, _ := stageOf(all, early.ID); it.Stage != store.StageFirm || it.Due || !it.Date.Equal(storetest.Date("2026-12-10")) ||
		it.Last.Stage != store.StageFriendly {
		t.Errorf("early after friendly: %+v", it.StageDue)
	}
	// As of the day before, the reminder was not yet sent.
	all, _ = f.st.InvoiceStages(f.ctx, storetest.Date("2026-11-25"))
	if it, _ := stageOf(all, early.ID); it.Stage != store.StageFriendly {
		t.Errorf("early as of 11-25: %+v", it.StageDue)
	}

	// The other customer on hold: its invoice is listed as held, never due.
	if err := f.st.SetReminderHold(f.ctx, f.other.ID, "請求額に異議"); err != nil {
		t.Fatal(err)
	}
	all, _ = f.st.InvoiceStages(f.ctx, asOf)
	if it, _ := stageOf(all, other.ID); !it.Held || it.HoldReason != "請求額に異議" || it.Stage != "" {
		t.Errorf("held: %+v", it)
	}
	due, _ = f.st.ReminderStages(f.ctx, asOf)
	if _, ok := stageOf(due, other.ID); ok {
		t.Error("a held customer's invoice is due")
	}
	if got, _ := f.st.Customer(f.ctx, f.other.ID); got.ReminderHold != "請求額に異議" {
		t.Errorf("customer hold %q", got.ReminderHold)
	}
	if err := f.st.SetReminderHold(f.ctx, f.other.ID, ""); err != nil {
		t.Fatal(err)
	}
	due, _ = f.st.ReminderStages(f.ctx, asOf)
	if _, ok := stageOf(due, other.ID); !ok {
		t.Error("released, yet not due")
	}
}

func TestSaveReminderStages(t *testing.T) {
	f := newPayFix(t)
	got, err := f.st.ReminderStageSettings(f.ctx)
	if err != nil || len(got) != 4 || got[0].Days != -3 || got[3].Days != 30 {
		t.Fatalf("defaults %+v, %v", got, err)
	}
	if subj, body := got[2].Text("ja"); subj == "" || body == "" {
		t.Error("no built-in words")
	}
	got[1].Days, got[2].Days = 7, 21
	got[2].SubjectEN = "Second reminder: {number}"
	if err := f.st.SaveReminderStages(f.ctx, got); err != nil {
		t.Fatal(err)
	}
	again, _ := f.st.ReminderStageSettings(f.ctx)
	if again[1].Days != 7 || again[2].Days != 21 {
		t.Errorf("saved %+v", again)
	}
	if subj, _ := again[2].Text("en"); subj != "Second reminder: {number}" {
		t.Errorf("subject %q", subj)
	}
	bad := append([]store.ReminderStage(nil), again...)
	bad[2].Days = 5 // before the friendly one
	if e := storeError(t, f.st.SaveReminderStages(f.ctx, bad), store.CodeInvalid); e.Field != "firm.days" {
		t.Errorf("refused on %s", e.Field)
	}
	bad = append([]store.ReminderStage(nil), again...)
	bad[0].Days = 2 // a notice after the due date
	if e := storeError(t, f.st.SaveReminderStages(f.ctx, bad), store.CodeInvalid); e.Field != "pre_due.days" {
		t.Errorf("refused on %s", e.Field)
	}
}

// Before reminding: the last import, and the open or held deposits whose
// payer may be the customer (its kana, cut by the bank, or a learned name).
func TestCheckBeforeReminding(t *testing.T) {
	f := newRecFix(t, "サクラコウギヨウ", "ヤマダセイサクシヨ", "ミナトインサツ")
	sakura, yamada, minato := f.cs["サクラコウギヨウ"], f.cs["ヤマダセイサクシヨ"], f.cs["ミナトインサツ"]
	check, err := f.st.CheckBeforeReminding(t.Context(), []int64{sakura.ID})
	if err != nil || !check.LastImport.IsZero() || len(check.Possible) != 0 {
		t.Fatalf("no bank file yet: %+v, %v", check, err)
	}
	f.importLines(
		deposit("1", "2026-11-24", 44000, "ｶ)ｻｸﾗｺｳｷﾞﾖｳ", ""),
		deposit("2", "2026-11-24", 12000, "ﾔﾏﾀﾞｾｲｻｸ", ""), // cut by the bank
		deposit("3", "2026-11-25", 5000, "ﾀﾅｶ ｲﾁﾛｳ", ""),
	)
	check, err = f.st.CheckBeforeReminding(t.Context(), []int64{sakura.ID, yamada.ID, minato.ID})
	if err != nil {
		t.Fatal(err)
	}
	if check.LastImport.IsZero() {
		t.Error("no last import")
	}
	got := map[int64]store.Money{}
	for _, p := range check.Possible {
		got[p.CustomerID] += p.Amount
	}
	if len(got) != 2 || got[sakura.ID] != 44000 || got[yamada.ID] != 12000 {
		t.Errorf("possible payments %+v", check.Possible)
	}
}
