package csp

import (
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	policy := "  script-src 'self'  http://localhost:8080 ;;; OBJECT-SRC 'none';img-src\t*;"
	dirs := Parse(policy)
	var got []string
	for _, d := range dirs {
		parts := []string{d.Name.Text}
		for _, s := range d.Sources {
			parts = append(parts, s.Text)
			if policy[s.Start:s.End] != s.Text {
				t.Errorf("source %q has offsets %d-%d covering %q", s.Text, s.Start, s.End, policy[s.Start:s.End])
			}
		}
		got = append(got, strings.Join(parts, " "))
	}
	want := "script-src 'self' http://localhost:8080|OBJECT-SRC 'none'|img-src *"
	if strings.Join(got, "|") != want {
		t.Errorf("Parse = %q, want %q", strings.Join(got, "|"), want)
	}
	if d, ok := Find(dirs, "object-src"); !ok || !d.Is("Object-Src") || len(d.Sources) != 1 {
		t.Errorf("Find(object-src) = %+v, %v", d, ok)
	}
	if _, ok := Find(dirs, "worker-src"); ok {
		t.Error("Find found a directive that is not there")
	}
}

func TestFindTakesTheFirst(t *testing.T) {
	d, _ := Find(Parse("script-src 'self'; script-src https://x.com"), "script-src")
	if len(d.Sources) != 1 || d.Sources[0].Text != "'self'" {
		t.Errorf("Find returned %+v; a repeated directive is ignored, the first counts", d)
	}
}

func FuzzParse(f *testing.F) {
	f.Add("script-src 'self'; object-src 'none'")
	f.Add(";;  ;a b;c")
	f.Fuzz(func(t *testing.T, policy string) {
		for _, d := range Parse(policy) {
			for _, tok := range append([]Token{d.Name}, d.Sources...) {
				if tok.Text == "" || policy[tok.Start:tok.End] != tok.Text || strings.ContainsAny(tok.Text, "; \t\n\f\r") {
					t.Fatalf("bad token %+v in %q", tok, policy)
				}
			}
		}
	})
}
