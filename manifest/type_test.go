package manifest_test

import (
	"testing"

	"github.com/crxlint/crxlint/manifest"
)

// TestTypeOf follows Chromium's Manifest::GetTypeFromManifestValue: theme,
// then shared module, then the kinds of app, else extension.
func TestTypeOf(t *testing.T) {
	tests := []struct {
		src  string
		want manifest.Type
	}{
		{`{"name": "x"}`, manifest.TypeExtension},
		{`{"theme": {}, "app": {"background": {}}}`, manifest.TypeTheme},
		{`{"export": {}, "app": {}}`, manifest.TypeSharedModule},
		{`{"app": {"urls": ["https://a.example/"], "background": {}}}`, manifest.TypeHostedApp},
		{`{"app": {"launch": {"web_url": "https://a.example/"}}}`, manifest.TypeHostedApp},
		{`{"app": {"background": {"scripts": ["b.js"]}}}`, manifest.TypePlatformApp},
		{`{"app": {"launch": {"local_path": "main.html"}}}`, manifest.TypeLegacyPackagedApp},
		{`{"app": {}}`, manifest.TypeLegacyPackagedApp},
	}
	for _, tt := range tests {
		doc, err := manifest.Parse([]byte(tt.src))
		if err != nil {
			t.Fatal(err)
		}
		if got := manifest.TypeOf(doc.Root()); got != tt.want {
			t.Errorf("TypeOf(%s) = %v, want %v", tt.src, got, tt.want)
		}
	}
	if !manifest.TypePlatformApp.IsApp() || manifest.TypeSharedModule.IsApp() || manifest.TypePlatformApp.String() != "packaged app" {
		t.Error("IsApp or String is wrong")
	}
}
