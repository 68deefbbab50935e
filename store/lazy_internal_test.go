package store

import (
	"regexp"
	"testing"
)

// The regular expressions built on first use (lazy.go) compile: a typo in
// one would otherwise panic only when its path first runs.
func TestLazyRegexpsCompile(t *testing.T) {
	for _, re := range []func() *regexp.Regexp{backupName, staleBackupName, customerCode, numberPlaceholder,
		envName, hostName, placeholder, sshKeyName, postalJP, phoneChars} {
		if re() == nil {
			t.Error("a lazy regexp gave nil")
		}
	}
	for _, enc := range []func() string{paymentEncoding, allocationEncoding, adjustmentEncoding,
		adjustmentEncodingBefore, documentEncoding, lineEncoding, archiveEncoding, auditEncoding} {
		if enc() == "" {
			t.Error("a lazy SQL encoding is empty")
		}
	}
}
