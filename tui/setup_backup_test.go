package tui

import (
	"context"
	"testing"

	"daicho/tui/i18n"
)

// The backup settings are on the company form (S): how many copies to keep,
// checked like every other field, and the folder.
func TestBackupSettingsOnTheCompanyForm(t *testing.T) {
	st := newStore(t, true)
	h := newHarness(t, st, i18n.EN, 100, 60)
	h.press("S")
	h.mustSee("Backup folder", "Backups to keep")
	focus := func(field string) {
		for range 40 {
			if h.m.setup.form.Focused() == field {
				return
			}
			h.press("tab")
		}
		t.Fatalf("no field %s", field)
	}
	focus("backup_keep")
	h.press("backspace", "backspace")
	h.typeText("abc")
	h.press("ctrl+s")
	h.mustSee("must be from 1 to 999")
	h.press("backspace", "backspace", "backspace")
	h.typeText("30")
	focus("backup_dir")
	h.typeText("/media/usb/daicho")
	h.press("ctrl+s")
	h.mustSee("Company settings saved.")
	c, _ := st.Company(context.Background())
	if c.BackupKeep != 30 || c.BackupDir != "/media/usb/daicho" {
		t.Fatalf("backup settings %d %q", c.BackupKeep, c.BackupDir)
	}
}
