//go:build !js

package parity

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
)

// EnsureTFJS makes sure node can import TensorFlow.js from dir, the node
// project in testdata/tfjs (its pinned package.json and package-lock.json):
// it runs `npm ci` there once, under an exclusive file lock, because the
// tests of several packages (parity, export, the browser and bench tests)
// may ask at the same moment and a second `npm ci` would delete the first
// one's half-written node_modules. A marker file written after a successful
// install tells later callers that node_modules is complete.
//
// It returns a reason to skip when node or npm is absent or the install
// fails (no registry), and an error when the lock cannot be taken.
func EnsureTFJS(dir string) (skip string, err error) {
	if _, err := exec.LookPath("node"); err != nil {
		return "node not found on PATH; install Node.js 20 to compare with TensorFlow.js", nil
	}
	marker := filepath.Join(dir, "node_modules", ".netfit-installed")
	if _, err := os.Stat(marker); err == nil {
		return "", nil
	}

	lock, err := os.OpenFile(filepath.Join(dir, ".npm-ci.lock"), os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return "", err
	}
	defer lock.Close()
	if err := syscall.Flock(int(lock.Fd()), syscall.LOCK_EX); err != nil {
		return "", fmt.Errorf("parity: locking %s: %w", lock.Name(), err)
	}
	defer syscall.Flock(int(lock.Fd()), syscall.LOCK_UN)
	// Another test may have installed it while this one waited.
	if _, err := os.Stat(marker); err == nil {
		return "", nil
	}

	if _, err := exec.LookPath("npm"); err != nil {
		return "TensorFlow.js is not installed in " + dir + " and npm is not found; " +
			"run `npm ci` there", nil
	}
	cmd := exec.Command("npm", "ci", "--no-audit", "--no-fund")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Sprintf("`npm ci` in %s failed (%v); is the npm registry reachable?\n%s",
			dir, err, lastBytes(string(out), 2000)), nil
	}
	return "", os.WriteFile(marker, nil, 0o644)
}

// lastBytes returns the last n bytes of s, trimmed.
func lastBytes(s string, n int) string {
	if len(s) > n {
		s = s[len(s)-n:]
	}
	return strings.TrimSpace(s)
}
