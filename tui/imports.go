package tui

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"daicho/store"
)

// Where file prompts (the bank file, the seal image) find their files. The
// local TUI reads the file system as its user does. An SSH session (issue
// 15) sees only the imports folder daicho serve fixes: paths are relative
// to it, an absolute path or one with ".." is refused, everything is read
// through an os.Root (so a symbolic link cannot lead out either), and tab
// completes only names inside it. A session can neither read nor learn of
// anything else on the server.

// WithImportsDir fixes the one folder file prompts read from.
func WithImportsDir(dir string) Option { return func(o *options) { o.importsDir = dir } }

// fileSource is where a file prompt reads: root "" is the local file system.
type fileSource struct{ root string }

func (e env) files() fileSource { return fileSource{root: e.opt.importsDir} }

// rooted reports whether only the imports folder can be read.
func (f fileSource) rooted() bool { return f.root != "" }

// start is what the prompt shows first: local, the folder given; in the
// imports folder, nothing (names are relative to it).
func (f fileSource) start(local string) string {
	if f.rooted() {
		return ""
	}
	return local
}

// name is the path as it is refused or accepted: local paths as typed,
// imports-folder ones cleaned and checked to stay inside.
func (f fileSource) name(path string) (string, error) {
	if !f.rooted() {
		return path, nil
	}
	clean := filepath.Clean(path)
	if path == "" || !filepath.IsLocal(clean) {
		return "", store.Invalid("", "path.outside_imports", f.root)
	}
	return clean, nil
}

// check refuses a path that is not a readable file of the source.
func (f fileSource) check(path string) error {
	info, err := f.stat(path)
	if err != nil {
		if e, ok := store.AsError(err); ok {
			return e
		}
		return store.Invalid("", "path.missing")
	}
	if info.IsDir() {
		return store.Invalid("", "path.missing")
	}
	return nil
}

func (f fileSource) stat(path string) (fs.FileInfo, error) {
	name, err := f.name(path)
	if err != nil {
		return nil, err
	}
	if !f.rooted() {
		return os.Stat(name)
	}
	root, err := os.OpenRoot(f.root)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	return root.Stat(name)
}

// read reads the file at path.
func (f fileSource) read(path string) ([]byte, error) {
	name, err := f.name(path)
	if err != nil {
		return nil, err
	}
	if !f.rooted() {
		return os.ReadFile(name)
	}
	root, err := os.OpenRoot(f.root)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	return root.ReadFile(name)
}

// complete extends a path as a shell's tab does, within the source.
func (f fileSource) complete(v string) string {
	if !f.rooted() {
		return completePath(v)
	}
	dir, base := filepath.Split(v)
	if dir != "" && !filepath.IsLocal(filepath.Clean(dir)) {
		return v
	}
	root, err := os.OpenRoot(f.root)
	if err != nil {
		return v
	}
	defer root.Close()
	open := "."
	if dir != "" {
		open = filepath.Clean(dir)
	}
	d, err := root.Open(open)
	if err != nil {
		return v
	}
	entries, err := d.ReadDir(-1)
	d.Close()
	if err != nil {
		return v
	}
	var matches []string
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), base) {
			continue
		}
		// root.Stat follows a link only while it stays inside: one that
		// leads out is not offered.
		if _, err := root.Stat(filepath.Join(open, e.Name())); err != nil {
			continue
		}
		matches = append(matches, e.Name())
	}
	if len(matches) == 0 {
		return v
	}
	sort.Strings(matches)
	common := matches[0]
	for _, m := range matches[1:] {
		for !strings.HasPrefix(m, common) {
			_, size := utf8.DecodeLastRuneInString(common)
			common = common[:len(common)-size]
		}
	}
	out := dir + common
	if len(matches) == 1 {
		if info, err := root.Stat(filepath.Join(open, common)); err == nil && info.IsDir() {
			out += string(filepath.Separator)
		}
	}
	return out
}
