// Package testenv holds helpers that tests of several packages share. It
// imports the standard library only.
package testenv

import (
	"os"
	"path/filepath"
	"testing"
)

// ModuleRoot walks up from the test's working directory (its package
// directory) to the directory that holds go.mod, and fails tb when there is
// none.
func ModuleRoot(tb testing.TB) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Fatal("no go.mod above the test directory")
		}
		dir = parent
	}
}
