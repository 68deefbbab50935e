package demo

import (
	"strings"

	"daicho/store"
)

// closingRunChoices sets customer i's invoice style, delivery and send-to
// block (issue 16) from its index and what it already has, without drawing
// from the random source, so every other field of the demo stays as it was.
// A third of the customers get carry-forward invoices; customers without an
// address go by post, those whose notes ask for paper and PDF get both, and
// one sample sends its documents to its head office.
func closingRunChoices(c *store.Customer, i int) {
	if i%3 == 1 {
		c.InvoiceStyle = store.InvoiceCarryForward
	}
	switch {
	case c.Email == "":
		c.Delivery = store.DeliveryPost
	case strings.Contains(c.Notes, "郵送"):
		c.Delivery = store.DeliveryBoth
	case i == 5: // 株式会社みなと印刷 wants paper though it has mail
		c.Delivery = store.DeliveryPost
	default:
		c.Delivery = store.DeliveryEmail
	}
	if i == 4 { // 北斗運輸: the branch's documents go to the head office's accounts
		c.SendToName = "北斗運輸株式会社 本社"
		c.SendToPostalCode = "060-0001"
		c.SendToAddress1 = "北海道札幌市中央区北一条西2-1-1"
		c.SendToAddress2 = "北斗ビル5階"
		c.SendToDepartment = "経理部"
		c.SendToContact = "佐藤 美咲"
	}
}
