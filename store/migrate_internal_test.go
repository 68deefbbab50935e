package store

import (
	"context"
	"path/filepath"
	"testing"
)

// Every Go step of a migration belongs to a migration that exists: a step
// whose migration was renamed would silently never run.
func TestMigrationStepsNameMigrations(t *testing.T) {
	ms, err := loadMigrations()
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, m := range ms {
		names[m.topic()] = true
	}
	for name := range migrationSteps {
		if !names[name] {
			t.Errorf("migration step %s has no migration NNNN_%s", name, name)
		}
	}
}

// migrate after Open's read-only precheck does not ask the file for its
// schema version again, but a newer version that appeared since (another
// program wrote it between the two reads) is still refused, not migrated.
func TestMigrateAfterPrecheckRefusesANewerSchema(t *testing.T) {
	st, err := Open(filepath.Join(t.TempDir(), "daicho.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	known := SchemaVersion()
	if _, err := st.db.Exec(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, 'future.sql', 'x')`, known+1); err != nil {
		t.Fatal(err)
	}
	err = st.migrate(context.Background(), true)
	if e, ok := AsError(err); !ok || e.Code != CodeTooNew || e.Args[1] != known+1 || e.Args[2] != known {
		t.Fatalf("migrate = %v, want too new (%d > %d)", err, known+1, known)
	}
}
