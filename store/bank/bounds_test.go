package bank

import (
	"testing"
)

// A deposit outside the ledger's bounds (store.MinDate … MaxDate, at most
// store.MaxAmount) is refused on its line and field, like any other bad value
// of the file, rather than later by the store without the file's line.
func TestDepositsOutsideTheBounds(t *testing.T) {
	huge := lines03[0]
	huge.amount = 100_000_000_000
	old := lines03[0]
	old.date = "100101" // H10: 1998-01-01
	recs := group03(testAccount, huge, old)
	checkProblems(t, parseZengin(t, file("\r\n", append(recs, end())...)), []problem{
		{2, "amount", "money.bounds", nil},
		{3, "date", "date.bounds", nil},
	})

	generic := profile(t, "generic")
	_, err := ParseCSV([]byte(genericHeader+"2026/11/01,100000000000,,A\r\n1999/12/31,100,,B\r\n2026/11/02,99999999999,,C\r\n"), generic)
	checkProblems(t, err, []problem{
		{2, "deposit", "money.bounds", nil},
		{3, "date", "date.bounds", nil},
	})
}

func parseZengin(t *testing.T, data []byte) error {
	t.Helper()
	ds, err := ParseZengin(data)
	if err == nil {
		t.Fatalf("accepted: %+v", ds)
	}
	return err
}
