package rules

import "testing"

// TestTypeGatesSorted checks that the tables refresh-type-gates.sh writes are
// sorted by name, as lookup's binary search needs, with no name twice.
func TestTypeGatesSorted(t *testing.T) {
	check := func(table string, names []string) {
		if len(names) == 0 {
			t.Errorf("%s is empty", table)
		}
		for i := 1; i < len(names); i++ {
			if names[i-1] >= names[i] {
				t.Errorf("%s: %q before %q", table, names[i-1], names[i])
			}
		}
	}
	check("typeGatedKeys", namesOf(typeGatedKeys))
	check("typeGatedPermissions", namesOf(typeGatedPermissions))
	check("typeGatedAliases", namesOf(typeGatedAliases))
	check("typeSilentPermissions", namesOf(typeSilentPermissions))
	for _, e := range typeGatedKeys {
		if g, ok := lookup(typeGatedKeys, e.name); !ok || g != e.v {
			t.Errorf("lookup(typeGatedKeys, %q) = %v, %v; want %v", e.name, g, ok, e.v)
		}
	}
	if _, ok := lookup(typeGatedKeys, "no such key"); ok {
		t.Error("lookup found a name that is not in the table")
	}
}

func namesOf[T any](table []named[T]) []string {
	out := make([]string, len(table))
	for i, e := range table {
		out[i] = e.name
	}
	return out
}
