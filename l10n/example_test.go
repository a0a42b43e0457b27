package l10n_test

import (
	"fmt"
	"testing/fstest"

	"github.com/crxlint/crxlint/l10n"
)

func ExampleCatalog_Resolve() {
	extension := fstest.MapFS{
		"_locales/en/messages.json": {Data: []byte(`{
			"appName": {"message": "Example"},
			"appDesc": {"message": "Shows $count$ examples", "placeholders": {"count": {"content": "$1"}}}
		}`)},
	}
	catalog, err := l10n.Load(extension, "en")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range []string{"__MSG_APPNAME__", "__MSG_appDesc__", "__MSG_appTitle__ (__MSG_@@ui_locale__)"} {
		resolved, missing := catalog.Resolve(s)
		fmt.Printf("%q %q\n", resolved, missing)
	}
	// Output:
	// "Example" []
	// "Shows $1 examples" []
	// "__MSG_appTitle__ (en)" ["appTitle"]
}

func ExampleLoad_error() {
	extension := fstest.MapFS{
		"_locales/en/messages.json": {Data: []byte(`{"appName": {"description": "The name"}}`)},
	}
	_, err := l10n.Load(extension, "en")
	fmt.Println(err)
	// Output:
	// _locales/en/messages.json:1:2: message "appName" has no "message" string; add one with the text
}
