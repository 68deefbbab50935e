package i18n

// enCLILegacy: the old "(s)" messages that main.go still prints through
// T, until it calls N with their .one/.other forms in en_cli.go. Then
// delete this file and ja_cli_legacy.go, and take both out of the parts
// in catalog.go. ja_cli_legacy.go mirrors it key for key.
var enCLILegacy = map[string]string{
	"cli.import.problems":        "%s: %d problem(s); nothing was imported:",
	"cli.bank.summary":           "%s: %d deposit(s), %d new, %d imported before (left alone)",
	"cli.bank.summary_dry":       "%s (dry run: nothing was written): %d deposit(s), %d new, %d imported before",
	"cli.export.batch_done":      "exported %d PDF(s) into %s in %.1f s",
	"cli.export.statements_done": "exported %d statement(s) into %s",
	"cli.overdue.total":          "As of %s, %d invoice(s) overdue, %s in all: %s",
	"cli.bill.plan":              "Billing run for %s (dry run: nothing was written): %d invoice(s) would be made; %d contract period(s) billed before are left alone.",
	"cli.bill.plan_total":        "%d invoice(s), %s in all. Run it without --dry-run to make them (--issue issues them at once).",
	"cli.bill.nothing_new":       "%s: already billed, nothing new (%d contract period(s) were billed before)",
	"cli.bill.made_drafts":       "Billing run for %s: made %d draft invoice(s); issue them in the Documents screen, or bill with --issue next time. %d contract period(s) billed before were left alone.",
	"cli.bill.made_issued":       "Billing run for %s: made and issued %d invoice(s); %d contract period(s) billed before were left alone.",
}
