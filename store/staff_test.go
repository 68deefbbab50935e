package store_test

// testStaff are the people in charge the fixtures' customers and contracts
// name (fullCustomer's 佐藤 among them).
var testStaff = []string{"佐藤", "鈴木", "Kato"}
