package i18n

// enStaff: staff (担当者) and the notices they are sent (issue 14, "the
// person in charge is told"); ja_staff.go mirrors it key for key.
func enStaff() map[string]string {
	return map[string]string{
		// Store errors.
		"err.staff.unknown":         "%s is not on the staff list (daicho staff list); the staff are: %s",
		"err.staff.not_found":       "no staff member %v",
		"err.staff.name_taken":      "%s is already on the staff list",
		"err.staff.ssh_key_taken":   "the SSH key %s already belongs to another staff member",
		"err.staff.ssh_key_format":  "letters, digits and . _ @ - only (at most 64)",
		"err.notify.send_at_format": "a time of day as HH:MM (e.g. 08:30), or empty for never",

		// The forms' picker.
		"staff.none":      "(none)",
		"staff.pick":      "Person in charge",
		"staff.pick_hint": "enter: pick from the staff",
		// daicho staff.
		"cli.staff.what":    "staff what? daicho staff list|add|set",
		"cli.staff.name":    "whose? daicho staff add|set NAME",
		"cli.staff.ssh_key": "SSH key",
		"cli.staff.saved":   "saved staff member %s",
		// daicho notify.
		"cli.notify.json_dry_run":    "--format json shows what would be sent: use it with --dry-run",
		"cli.notify.nothing":         "nothing new to tell anyone as of %s",
		"cli.notify.sent.one":        "sent %s <%s> %d item",
		"cli.notify.sent.other":      "sent %s <%s> %d items",
		"cli.notify.saved_eml.one":   "%s: %d item written to %s (no SMTP server is set)",
		"cli.notify.saved_eml.other": "%s: %d items written to %s (no SMTP server is set)",
		"cli.notify.bad_days":        "--deposit-days wants a number of days, not %q",
		"cli.notify.never":           "never (daicho notify by hand, cron or a timer)",
		"cli.notify.settings":        "serve sends the day's notices at: %s\ndeposits are told once unmatched for more than %d days",
		"err.notify.no_email":        "staff member %s has no email: daicho staff set NAME --email ADDRESS",
		"err.notify.bad_email":       "staff member %s's email %s is not one plain address",
		// The queue (a person in charge's first screen).
		"tab.queue":           "My queue",
		"tab.short.queue":     "Queue",
		"queue.open":          "go to its screen",
		"queue.title":         "Waiting for %s on %s",
		"queue.empty":         "Nothing waits for you today.",
		"queue.loading":       "Loading…",
		"queue.kind.overdue":  "Overdue",
		"queue.kind.stage":    "Reminder",
		"queue.kind.deposit":  "Deposit",
		"queue.kind.renewal":  "Renewal",
		"queue.kind.followup": "Follow-up",
		// daicho check.
		"err.check.customer_staff": "customer %s names %s as its person in charge, who is not on the staff list",
		"err.check.contract_staff": "contract %s names %s as its person in charge, who is not on the staff list",
	}
}
