package store

// mailLogChecksOld and mailLogChecksNew are mail_log's CHECKs on kind as
// migration 0008 wrote them and as contract mails need them: the kinds
// 'contract' and 'renewal', which name a contract rather than a document
// (the trigger of migration contract_mail makes sure they do).
var (
	mailLogChecksOld = []string{
		`CHECK (kind IN ('document', 'reminder'))`,
		`CHECK (kind = 'reminder' OR document_id IS NOT NULL)`,
	}
	mailLogChecksNew = []string{
		`CHECK (kind IN ('document', 'reminder', 'contract', 'renewal'))`,
		`CHECK (kind IN ('reminder', 'contract', 'renewal') OR document_id IS NOT NULL)`,
	}
)

// allowContractMailKinds lets the contract kinds into mail_log; both CHECKs
// only loosen (see loosenChecks).
func allowContractMailKinds(tx *Tx) error {
	return loosenChecks(tx, "mail_log", mailLogChecksOld, mailLogChecksNew)
}
