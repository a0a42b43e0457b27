package rules

import (
	"fmt"
	"strings"

	"github.com/crxlint/crxlint/apiperm"
	"github.com/crxlint/crxlint/extension"
	"github.com/crxlint/crxlint/jsscan"
)

// maxPlaces is how many places in the code a message cites; it counts the
// others.
const maxPlaces = 3

// apiFeature returns the table's feature for a use the code depends on:
// a call, or a member read past the feature itself (chrome.bookmarks.getTree,
// chrome.storage.local). A bare reference such as `if (chrome.bookmarks)`
// or `const rt = chrome.runtime` is a feature test or an alias, judged
// where the alias is used, and is not reported.
func apiFeature(u *jsscan.APIUse) (apiperm.Feature, bool) {
	f, ok := apiperm.Lookup(u.Chain)
	if !ok || !u.Called && len(u.Chain) == strings.Count(f.Path, ".")+1 {
		return apiperm.Feature{}, false
	}
	return f, true
}

// reaches reports whether s can reach the API f in a context it runs in.
// A script nothing loads is taken to run in the service worker or a page.
func reaches(s *extension.Script, f apiperm.Feature) bool {
	switch {
	case s.Contexts == 0 || s.Contexts.Privileged():
		return true
	case s.Contexts&extension.ContentScript == 0:
		return false // sandboxed pages have no extension APIs
	case inMainWorld(s):
		return f.WebPage
	}
	return f.ContentScript
}

// inMainWorld reports whether every content_scripts entry that loads s runs
// it in the page's MAIN world, where extension APIs do not exist.
func inMainWorld(s *extension.Script) bool {
	for _, cs := range s.ContentScripts {
		if w, _ := cs.Get("world").Str(); w != "MAIN" {
			return false
		}
	}
	return len(s.ContentScripts) > 0
}

// usePlace cites a use: "background.js:12:3 calls chrome.runtime.connectNative".
func usePlace(s *extension.Script, u *jsscan.APIUse) string {
	verb := "uses"
	if u.Called {
		verb = "calls"
	}
	return fmt.Sprintf("%s %s %s", jsPos(s, u.Range), verb, apiName(u.Namespace, u.Path()))
}

// apiName writes an API path as the code reaches it: "chrome.bookmarks".
func apiName(ns jsscan.Namespace, path string) string {
	if ns == jsscan.Browser {
		return "browser." + path
	}
	return "chrome." + path
}

// places lists up to maxPlaces of ps, then counts the rest: "a, b, c and
// 2 more places".
func places(ps []string) string {
	if len(ps) > maxPlaces {
		more := len(ps) - maxPlaces
		noun := "places"
		if more == 1 {
			noun = "place"
		}
		return strings.Join(ps[:maxPlaces], ", ") + fmt.Sprintf(" and %d more %s", more, noun)
	}
	return joinWords(ps, "and")
}
