package cli

import (
	"os"
	"testing"

	"daicho/store/storetest"
)

// The replication tests run the sidecar daicho-replica, built once here.
func TestMain(m *testing.M) { os.Exit(storetest.WithReplicaSidecar(m.Run)) }
