package store

// How a customer is billed by the closing run and where its documents go
// (issue 16): the invoice style, the delivery method and the optional
// send-to block.

// Invoice styles: what a customer's closing invoice shows.
const (
	InvoiceSimple       = "simple"        // this cycle's sales only
	InvoiceCarryForward = "carry_forward" // 繰越請求書: the account's movement since the previous invoice, then this cycle
)

// Delivery methods: how the closing run sends a customer's documents.
const (
	DeliveryEmail = "email"
	DeliveryPost  = "post"
	DeliveryBoth  = "both"
)

// validateSending checks (and defaults) the closing-run fields. An empty
// delivery is mail when the customer has an address and post otherwise, so
// a file written before these fields existed imports as the data implies;
// mail to a customer without an address is refused on the delivery field.
func (c *Customer) validateSending(ck *checker) {
	if c.InvoiceStyle == "" {
		c.InvoiceStyle = InvoiceSimple
	}
	ck.choice("invoice_style", c.InvoiceStyle, InvoiceSimple, InvoiceCarryForward)
	if c.Delivery == "" {
		c.Delivery = DeliveryPost
		if c.Email != "" {
			c.Delivery = DeliveryEmail
		}
	}
	ck.choice("delivery", c.Delivery, DeliveryEmail, DeliveryPost, DeliveryBoth)
	if c.Mails() && c.Email == "" {
		ck.add("delivery", "customer.delivery_needs_email")
	}
	ck.line("send_to_name", &c.SendToName, false, 100)
	ck.postalCode("send_to_postal_code", &c.SendToPostalCode, c.Language != "en")
	ck.line("send_to_address1", &c.SendToAddress1, false, 200)
	ck.line("send_to_address2", &c.SendToAddress2, false, 200)
	ck.line("send_to_department", &c.SendToDepartment, false, 100)
	ck.line("send_to_contact", &c.SendToContact, false, 100)
	if c.SendToName == "" && c.SendToAddress1 != "" {
		ck.add("send_to_name", "required")
	}
}

// Mails reports whether the closing run mails the customer's documents.
func (c *Customer) Mails() bool { return c.Delivery == DeliveryEmail || c.Delivery == DeliveryBoth }

// Posts reports whether the closing run puts the customer's documents in the print pack.
func (c *Customer) Posts() bool { return c.Delivery == DeliveryPost || c.Delivery == DeliveryBoth }

// Recipient is where paper goes: the send-to block when it is set, else
// the customer's own name and address.
type Recipient struct {
	Name, Honorific, PostalCode, Address1, Address2, Department, Contact string
}

// Recipient returns the customer's postal recipient.
func (c *Customer) Recipient() Recipient {
	if c.SendToName != "" {
		return Recipient{Name: c.SendToName, Honorific: c.Honorific, PostalCode: c.SendToPostalCode,
			Address1: c.SendToAddress1, Address2: c.SendToAddress2, Department: c.SendToDepartment,
			Contact: c.SendToContact}
	}
	return Recipient{Name: c.Name, Honorific: c.Honorific, PostalCode: c.PostalCode, Address1: c.Address1,
		Address2: c.Address2, Department: c.Department, Contact: c.Contact}
}
