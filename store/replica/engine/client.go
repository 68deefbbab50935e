package engine

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/benbjohnson/litestream"
	"github.com/benbjohnson/litestream/file"
	"github.com/benbjohnson/litestream/s3"
	"github.com/benbjohnson/litestream/sftp"

	"daicho/store/replica"
)

// Where a replica can live: a folder (another disk, a mounted share), an
// SFTP server, or S3-compatible storage. Only these three backends are
// linked in (Litestream has more: Azure, GCS, NATS, …); each adds its SDK
// to the binary.
//
//	file:///mnt/backup/daicho, or just /mnt/backup/daicho
//	sftp://user@host:22/path?key=/home/me/.ssh/id_ed25519&host-key=ssh-ed25519%20AAAA…
//	s3://bucket/path?endpoint=https://…&region=…   (keys: AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY)

// Schemes are the replica URL schemes daicho accepts.
var Schemes = []string{"file", "sftp", "s3"}

// NewClient returns the Litestream replica client for rawURL, or an error
// that names what is wrong with it.
func NewClient(rawURL string) (litestream.ReplicaClient, error) {
	if filepath.IsAbs(rawURL) {
		// A plain folder path: the same as file:// without its escaping
		// (a # or ? in a folder name would cut a URL short).
		return file.NewReplicaClient(filepath.Clean(rawURL)), nil
	}
	u, err := url.Parse(rawURL)
	if err != nil || u.Scheme == "" {
		return nil, fmt.Errorf("%q is not a replica URL (file:///folder, sftp://user@host/path or s3://bucket/path)", rawURL)
	}
	switch u.Scheme {
	case "file":
		return fileClient(u)
	case "sftp":
		return sftpClient(u)
	case "s3":
		if u.Host == "" {
			return nil, fmt.Errorf("replica URL %q names no bucket", rawURL)
		}
		_ = s3.ReplicaClientType // linked in for its registration
		return litestream.NewReplicaClientFromURL(rawURL)
	}
	return nil, fmt.Errorf("replica URL %q: daicho replicates to %s, not %s", rawURL, strings.Join(Schemes, ", "), u.Scheme)
}

// fileClient is a folder replica; the path must be absolute (file:///path),
// so that it means the same folder whoever starts daicho from wherever.
func fileClient(u *url.URL) (litestream.ReplicaClient, error) {
	p := u.Path
	if u.Host != "" && u.Host != "localhost" || !filepath.IsAbs(p) {
		return nil, fmt.Errorf("replica URL %q: a folder replica needs an absolute path, as file:///path/to/folder", u.String())
	}
	return file.NewReplicaClient(filepath.Clean(p)), nil
}

// sftpClient is an SFTP replica. Unlike Litestream's own URL parsing, which
// takes only a password and accepts any host key, it takes a private key
// file (key=) and requires the server's public host key (host-key=, as in
// known_hosts without the host name): the ledger is not sent to a server
// whose identity nobody checked.
func sftpClient(u *url.URL) (litestream.ReplicaClient, error) {
	q := u.Query()
	c := sftp.NewReplicaClient()
	c.Host = u.Host
	c.Path = u.Path
	if u.User != nil {
		c.User = u.User.Username()
		c.Password, _ = u.User.Password()
	}
	c.KeyPath = q.Get("key")
	c.HostKey = q.Get("host-key")
	switch {
	case c.Host == "":
		return nil, fmt.Errorf("replica URL %q names no host", u.Redacted())
	case c.User == "":
		return nil, fmt.Errorf("replica URL %q names no user (sftp://user@host/path)", u.Redacted())
	case c.HostKey == "":
		return nil, fmt.Errorf("replica URL %q: add the server's host key as host-key=… (the line from ssh-keyscan, without the host name)", u.Redacted())
	case c.KeyPath == "" && c.Password == "":
		return nil, fmt.Errorf("replica URL %q: add key=PATH (a private key file) or a password", u.Redacted())
	}
	if c.KeyPath != "" {
		if _, err := os.Stat(c.KeyPath); err != nil {
			return nil, fmt.Errorf("replica URL %q: key file: %w", u.Redacted(), err)
		}
	}
	return c, nil
}

// Redact hides a password in rawURL, for messages and logs (package
// replica's, which daicho uses for the same URLs).
func Redact(rawURL string) string { return replica.Redact(rawURL) }
