package serve

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/charmbracelet/keygen"
	gossh "golang.org/x/crypto/ssh"

	"daicho/tui/i18n"
)

// hostKey reads the server's private host key from path, or makes a new
// ed25519 key there on the first start (with path.pub beside it, to hand
// to the people connecting). The private key is the server's identity:
// anyone who reads it can pose as the server, so it is 0600, and a key file
// found readable by others is set back to 0600 (said on log).
//
// keygen makes the key; the file is written here rather than by keygen's
// WithWrite, which would chmod the folder it lands in (the operator's own
// folder, with --host-key ./key) and expand $VARIABLES in the path.
func hostKey(path string, p i18n.Printer, log io.Writer) (gossh.Signer, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		data, err = newHostKey(path)
	}
	if err != nil {
		return nil, errors.New(p.T("serve.host_key", path, err))
	}
	if err := ensurePrivate(path, p, log); err != nil {
		return nil, errors.New(p.T("serve.host_key", path, err))
	}
	signer, err := gossh.ParsePrivateKey(data)
	if err != nil {
		return nil, errors.New(p.T("serve.host_key_bad", path, err))
	}
	return signer, nil
}

// newHostKey makes an ed25519 key and writes it to path, which must not
// exist yet (O_EXCL: a file or link someone planted is never written through).
func newHostKey(path string) ([]byte, error) {
	k, err := keygen.New(path, keygen.WithKeyType(keygen.Ed25519))
	if err != nil {
		return nil, err
	}
	priv := k.RawPrivateKey()
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return nil, err
	}
	if _, err := f.Write(priv); err != nil {
		f.Close()
		os.Remove(path)
		return nil, err
	}
	if err := f.Close(); err != nil {
		os.Remove(path)
		return nil, err
	}
	// The public half is not secret; failing to write it loses nothing.
	os.WriteFile(path+".pub", []byte(k.AuthorizedKey()+"\n"), 0o644)
	return priv, nil
}

// ensurePrivate makes sure only the owner can read or write the key file.
func ensurePrivate(path string, p i18n.Printer, log io.Writer) error {
	info, err := os.Stat(path)
	if err != nil {
		return err
	}
	if mode := info.Mode().Perm(); mode != 0o600 {
		if err := os.Chmod(path, 0o600); err != nil {
			return fmt.Errorf("chmod 0600: %w", err)
		}
		if mode&0o077 != 0 {
			fmt.Fprint(log, p.T("serve.key_mode_fixed", path, mode.String()))
		}
	}
	return nil
}
