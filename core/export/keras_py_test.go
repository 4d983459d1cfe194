//go:build !js

package export

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestKerasScriptCompiles writes the script of every case and checks it
// with `python3 -m py_compile` (one run for all; skipped without python3,
// failing instead when CI=true).
func TestKerasScriptCompiles(t *testing.T) {
	python, err := exec.LookPath("python3")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("python3 not found (CI=true: failing instead of skipping)")
		}
		t.Skip("python3 not found; cannot check the Keras script's syntax")
	}
	dir := t.TempDir()
	args := []string{"-m", "py_compile"}
	i := 0
	for name, s := range kerasCases(t) {
		script, err := KerasScript(s, "")
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		file := filepath.Join(dir, "run"+string(rune('a'+i))+".py")
		i++
		if err := os.WriteFile(file, []byte(script), 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, file)
	}
	if out, err := exec.Command(python, args...).CombinedOutput(); err != nil {
		t.Fatalf("python3 -m py_compile: %v\n%s", err, out)
	}
}
