package store

import (
	"net/url"
	"path/filepath"
)

// validReplicaURL is the shape check of the replica setting: a scheme
// store/replica can replicate to (file, sftp, s3), an absolute folder for
// file:///…, a host or bucket for the others. store/replica checks the rest
// (an sftp host key, a key file) when replication starts. A plain absolute
// path is a folder too.
func validReplicaURL(raw string) bool {
	if filepath.IsAbs(raw) {
		return true // a folder
	}
	u, err := url.Parse(raw)
	if err != nil {
		return false
	}
	switch u.Scheme {
	case "file":
		return (u.Host == "" || u.Host == "localhost") && filepath.IsAbs(u.Path)
	case "sftp", "s3":
		return u.Host != ""
	}
	return false
}
