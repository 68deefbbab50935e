package store

import "testing"

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
