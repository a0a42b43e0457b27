package schemagen

import (
	"strings"
	"testing"
)

func TestCompiled(t *testing.T) {
	src := `{
		"$schema": "https://json-schema.org/draft/2020-12/schema",
		"x-version": "1",
		"type": "object",
		"properties": {"b": {"$ref": "#/$defs/name"}, "a": {"enum": ["y", "x", 1, null]}},
		"additionalProperties": false,
		"x-chrome": {"additionalProperties": "warns"},
		"x-message": {"additionalProperties": "Unrecognized manifest key '{prop}'."},
		"$defs": {
			"name": {"type": ["string", "integer"], "minLength": 1, "pattern": "^[a-z]+$", "x-chrome": "rejects", "x-message": "@invalid-key"},
			"unused": {"type": "null"}
		}
	}`
	got, err := Compiled([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"package schema\n",
		"var nodes = [5]node{",
		`properties: []property{{"a", 2}, {"b", 3}}, noAdditional: true`,
		`enum: &enumSet{strings: []string{"x", "y"}, others: []literal{{kind: kindNumber, text: "1"}, {kind: kindNull, text: "null"}}}`,
		`ref: 4`,
		`types: typeString | typeInteger, minLength: 1, pattern: 1`,
		`message: byKeyword{all: "Value 'key' is missing or invalid."}`,
		`{src: "^[a-z]+$"}`,
	} {
		if !strings.Contains(string(got), want) {
			t.Errorf("Compiled() lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(string(got), "unused") {
		t.Error("Compiled() compiled a subschema nothing refers to")
	}
}

func TestCompiledErrors(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{`[]`, "not an object"},
		{`{"oneOf": [{}]}`, `keyword "oneOf" is not supported`},
		{`{"properties": {"a": {"format": "email"}}}`, `"/properties/a": keyword "format"`},
		{`{"$id": "x", "properties": {"a": {"$id": "y"}}}`, `keyword "$id"`},
		{`{"$ref": "other.json#/a"}`, "not a fragment"},
		{`{"$ref": "#/$defs/missing"}`, "no \"/$defs/missing\""},
		{`{"$ref": "#/$defs/a", "$defs": {"a": {"allOf": [{"$ref": "#"}]}}}`, "applies itself"},
		{`{"pattern": "("}`, "missing closing )"},
		{`{"const": [1]}`, "not supported"},
		{`{"minLength": -1}`, "non-negative integer"},
		{`{"type": "text"}`, `unknown type "text"`},
		{`{"x-chrome": "rejects", "x-message": "@nope"}`, "no message"},
	} {
		_, err := Compiled([]byte(tc.src))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Compiled(%s) = %v, want an error with %q", tc.src, err, tc.want)
		}
	}
}
