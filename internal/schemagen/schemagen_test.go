package schemagen

import (
	"strings"
	"testing"
)

func TestTables(t *testing.T) {
	src := `{
		"x-version": "1.2.3",
		"properties": {"name": {}, "action": {}},
		"$defs": {
			"permissions.available": {"enum": ["tabs", "alarms"]},
			"permissions.other": {"enum": ["tabs", "usb"]},
			"permissions.unregistered": {"enum": ["nonsense"]},
			"icon": {"enum": ["png"]}
		}
	}`
	got, err := Tables([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"package schema\n",
		`const schemaVersion = "1.2.3"`,
		"var knownKeys = []string{\n\t\"action\",\n\t\"name\",\n}",
		"var knownPermissions = []string{\n\t\"alarms\",\n\t\"tabs\",\n\t\"usb\",\n}",
	} {
		if !strings.Contains(string(got), want) {
			t.Errorf("Tables() lacks %q:\n%s", want, got)
		}
	}
}

func TestTablesErrors(t *testing.T) {
	for _, src := range []string{
		`[]`,
		`{"properties": {"name": {}}, "$defs": {"permissions.available": {"enum": ["tabs"]}}}`,
		`{"x-version": "1", "$defs": {"permissions.available": {"enum": ["tabs"]}}}`,
		`{"x-version": "1", "properties": {"name": {}}}`,
	} {
		if _, err := Tables([]byte(src)); err == nil {
			t.Errorf("Tables(%s) succeeded, want an error", src)
		}
	}
}
