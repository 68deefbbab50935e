package tui

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"daicho/store"
)

// Over SSH (issue 15) the file prompts see the imports folder only: no
// absolute path, no "..", no symbolic link out, and completion lists nothing
// else.
func TestImportsFolderIsAllAPromptSees(t *testing.T) {
	root := t.TempDir()
	imports := filepath.Join(root, "imports")
	for _, dir := range []string{imports, filepath.Join(imports, "2026")} {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			t.Fatal(err)
		}
	}
	write := func(path, body string) {
		if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(root, "secret.txt"), "secret")
	write(filepath.Join(imports, "zengin_20261120.txt"), "bank")
	write(filepath.Join(imports, "2026", "mirai.csv"), "csv")
	if err := os.Symlink(filepath.Join(root, "secret.txt"), filepath.Join(imports, "link.txt")); err != nil {
		t.Fatal(err)
	}
	f := fileSource{root: imports}

	for _, tc := range []struct{ typed, want string }{
		{"z", "zengin_20261120.txt"},
		{"20", "2026" + string(filepath.Separator)},
		{"2026/m", "2026/mirai.csv"},
		{"li", "li"},               // a link out is not offered
		{"../sec", "../sec"},       // nothing above the folder
		{"/etc/pass", "/etc/pass"}, // nor anywhere else
		{root + "/sec", root + "/sec"},
	} {
		if got := f.complete(tc.typed); got != tc.want {
			t.Errorf("complete(%q) = %q, want %q", tc.typed, got, tc.want)
		}
	}
	if body, err := f.read("zengin_20261120.txt"); err != nil || string(body) != "bank" {
		t.Errorf("read a file of the folder: %q, %v", body, err)
	}
	if err := f.check("2026/mirai.csv"); err != nil {
		t.Errorf("check a file of a subfolder: %v", err)
	}
	for _, bad := range []string{"../secret.txt", filepath.Join(root, "secret.txt"), "/etc/passwd", "link.txt", "2026/../../secret.txt", "2026", ""} {
		if body, err := f.read(bad); err == nil {
			t.Errorf("read(%q) gave %q", bad, body)
		}
		if err := f.check(bad); err == nil {
			t.Errorf("check(%q) accepted it", bad)
		}
	}
	// The local TUI reads the file system as its user does.
	local := fileSource{}
	if body, err := local.read(filepath.Join(root, "secret.txt")); err != nil || string(body) != "secret" {
		t.Errorf("local read: %q, %v", body, err)
	}
}

// The seal is read when chosen — over SSH from the imports folder only —
// and kept with the company (issue 15).
func TestSealIsReadFromTheImportsFolder(t *testing.T) {
	root := t.TempDir()
	imports := filepath.Join(root, "imports")
	if err := os.MkdirAll(imports, 0o700); err != nil {
		t.Fatal(err)
	}
	var img bytes.Buffer
	if err := png.Encode(&img, image.NewGray(image.Rect(0, 0, 2, 2))); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{filepath.Join(imports, "seal.png"), filepath.Join(root, "secret.png")} {
		if err := os.WriteFile(p, img.Bytes(), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	f := fileSource{root: imports}
	c := store.NewCompany()
	for _, outside := range []string{filepath.Join(root, "secret.png"), "../secret.png"} {
		c.SealPath = outside
		if err := loadSeal(f, &c, "", nil); err == nil || c.SealImage != nil {
			t.Errorf("the seal %s outside the imports folder was read", outside)
		}
	}
	c.SealPath = "seal.png"
	if err := loadSeal(f, &c, "", nil); err != nil || !bytes.Equal(c.SealImage, img.Bytes()) {
		t.Fatalf("the seal in the imports folder: %v, %d bytes", err, len(c.SealImage))
	}
	// Unchanged, it is not read again (the file may be gone).
	kept := c.SealImage
	os.Remove(filepath.Join(imports, "seal.png"))
	if err := loadSeal(f, &c, "seal.png", kept); err != nil || !bytes.Equal(c.SealImage, kept) {
		t.Errorf("an unchanged seal: %v", err)
	}
}
