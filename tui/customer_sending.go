package tui

import (
	"daicho/store"
	"daicho/tui/i18n"
)

// The customer's closing-run fields (issue 16) in the form and the detail
// view: invoice style, delivery method and the optional send-to block. Kept
// apart so the customer form stays about the customer itself.

// sendingFields are the closing-run inputs, at the end of the customer form.
func sendingFields(p i18n.Printer, st *Styles, c store.Customer) []*Field {
	delivery := []Choice{{store.DeliveryEmail, p.T("delivery.email")}, {store.DeliveryPost, p.T("delivery.post")},
		{store.DeliveryBoth, p.T("delivery.both")}}
	if c.Delivery == "" { // a new customer: mail when it has an address (store.Customer.Validate decides)
		delivery = append([]Choice{{"", p.T("delivery.auto")}}, delivery...)
	}
	return []*Field{
		ChoiceField("invoice_style", p.T("field.invoice_style"), []Choice{
			{store.InvoiceSimple, p.T("invoice_style.simple")}, {store.InvoiceCarryForward, p.T("invoice_style.carry_forward")},
		}, c.InvoiceStyle),
		ChoiceField("delivery", p.T("field.delivery"), delivery, c.Delivery),
		TextField("send_to_name", p.T("field.send_to_name"), c.SendToName, p.T("customers.send_to_hint"), st),
		TextField("send_to_postal_code", p.T("field.send_to_postal_code"), c.SendToPostalCode, "123-4567", st),
		TextField("send_to_address1", p.T("field.send_to_address1"), c.SendToAddress1, "", st),
		TextField("send_to_address2", p.T("field.send_to_address2"), c.SendToAddress2, "", st),
		TextField("send_to_department", p.T("field.send_to_department"), c.SendToDepartment, "", st),
		TextField("send_to_contact", p.T("field.send_to_contact"), c.SendToContact, "", st),
	}
}

// readSendingFields reads the closing-run inputs back into c.
func readSendingFields(v func(string) string, c *store.Customer) {
	c.InvoiceStyle, c.Delivery = v("invoice_style"), v("delivery")
	c.SendToName, c.SendToPostalCode = v("send_to_name"), v("send_to_postal_code")
	c.SendToAddress1, c.SendToAddress2 = v("send_to_address1"), v("send_to_address2")
	c.SendToDepartment, c.SendToContact = v("send_to_department"), v("send_to_contact")
}

// sendingRows are the closing-run rows of the customer detail view; the
// send-to block only when it is set.
func sendingRows(p i18n.Printer, c store.Customer) [][2]string {
	rows := [][2]string{
		{"field.invoice_style", p.T("invoice_style." + c.InvoiceStyle)},
		{"field.delivery", p.T("delivery." + c.Delivery)},
	}
	if c.SendToName == "" {
		return rows
	}
	return append(rows,
		[2]string{"field.send_to_name", c.SendToName},
		[2]string{"field.send_to_postal_code", c.SendToPostalCode},
		[2]string{"field.send_to_address1", c.SendToAddress1},
		[2]string{"field.send_to_address2", c.SendToAddress2},
		[2]string{"field.send_to_department", c.SendToDepartment},
		[2]string{"field.send_to_contact", c.SendToContact})
}
