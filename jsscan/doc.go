// Package jsscan reads an extension's JavaScript and reports what lint
// rules about the manifest need to know of it: which extension APIs it
// uses and calls, with which literal arguments; which paths it passes to
// runtime.getURL; which message and connection listeners it registers and
// whether they look at the sender; and which modules and scripts it loads.
//
// Files are parsed with github.com/tdewolff/parse/v2/js, a complete
// ECMAScript parser that resolves every identifier to the variable it
// names. A call in a comment, a string, a template or a regular expression
// is therefore never a call, and scopes are exact: a parameter, local,
// catch binding, class, function or import named chrome (or browser, or
// globalThis, window, self, importScripts) shadows the global and does not
// count.
//
// # What is found
//
//   - API uses (Result.Uses): every member chain rooted at the global chrome
//     or browser, or at globalThis.chrome, window.chrome or self.chrome, in
//     dot or literal-bracket form (chrome["runtime"], chrome[`tabs`]), with
//     optional chaining, whether it is called, the first MaxArgs arguments
//     (string literals, templates without substitutions, + of them, numbers,
//     booleans, null, and constants bound once to one of those) and the
//     number of arguments. A call through a comma, (0, chrome.x.y)(), as
//     compilers write it, is a call.
//   - Aliases, resolved wherever they are used in the file: a variable
//     declared once with an initialiser and never assigned again (const rt =
//     chrome.runtime; var api = chrome), destructuring of a chain (const {
//     runtime, storage: { local } } = chrome, which also reports each key as
//     a use), an alias of an alias, and the feature tests x ?? y, x || y, c ?
//     x : y (when both sides are the same chain, in either namespace, or one
//     side is null or undefined), g && x, and (a, x). A function alias
//     (const send = chrome.runtime.sendMessage; send()) is a call.
//   - Guards (APIUse.Tested, APIUse.Optional): how much of a use's chain
//     the code makes sure exists first, the documented way to use an
//     optional API. A use is tested by the conditions around it: if and
//     else branches, the rest of a block after if (!x) return (or throw,
//     break, continue), x && y, !x || y and c ? x : y, where a condition
//     tests a chain when it is truthy, with !, &&, typeof x !== "undefined"
//     (or === "function"), x != null, x !== undefined, "name" in x,
//     Boolean(x), and a variable bound once to one of those. Optional
//     chaining (chrome.offscreen?.createDocument()) is found in the
//     tokenizer's scan too.
//   - runtime.getURL and extension.getURL calls with their argument.
//   - Listeners of runtime.onMessage, onMessageExternal, onConnect,
//     onConnectExternal, onUserScriptMessage, onUserScriptConnect and the
//     extension namespace's onRequest and onRequestExternal: inline
//     functions and arrow functions, functions declared in the file and
//     passed by name, variables bound once to a function, and f.bind(this).
//     Whether the handler reads its sender (the second parameter, or
//     port.sender, port["sender"] or a { sender } pattern of the port) is
//     SenderRead, SenderIgnored, or SenderMaybe when it reads arguments,
//     gathers its parameters with ...rest, or passes the port on.
//   - Imports: import ... from "x", import "x", export ... from "x",
//     import("x"), and importScripts("a.js", "b.js") (also through self.,
//     globalThis. or window.).
//
// # What is not
//
// The analysis stays sound by not guessing:
//
//   - An alias assigned anywhere besides its declaration, declared in a loop
//     head, bound by a parameter (even with a default), an array pattern or
//     a ...rest, or a property of an object (this.api = chrome) is not
//     followed; nor are chains through a computed key other than a string
//     literal (chrome.storage[area] reports chrome.storage), through a call
//     (getApi().runtime), or through .call and .apply.
//   - A variable read before its declaration runs is taken to hold its
//     initialiser.
//   - Inside with (obj) { ... } a name may be a property of obj; the
//     analysis resolves it as if with were absent. Names created by eval are
//     not seen.
//   - A handler that is a method, a property, a parameter or an import is
//     HandlerUnknown, and f.bind(thisArg, arg) shifts parameters and is not
//     followed.
//
// # Positions
//
// Every finding has a byte range with 1-based lines and columns in UTF-16
// code units. The parser keeps no positions; they are recovered from the
// slices of the source the tree holds and from the file's tokens, lexed
// again with the parser's own lexer and its decisions on regular
// expressions, so comments inside a chain (chrome /* x */ .runtime) are
// placed right. The tokens and the line index are made only for a file
// with something to place. The one case that cannot be placed is a call through a
// function alias with no argument to anchor it, whose Range is then zero.
//
// # Errors and limits
//
// A file that does not parse is reported in Result.Err with the parser's
// position and scanned again by the tokenizer alone (Result.Fallback): it
// finds API chains, calls, literal arguments and imports as token
// sequences, without scopes, aliases or listeners, and guesses what the
// parser would have decided about each slash. A file larger than MaxSize is
// not read. The scan is linear in the size of the file, in time and in
// memory: the syntax tree is walked with bounded recursion (a subtree too
// deep is skipped and the result marked Incomplete), chains are followed to
// a bounded length (destructuring patterns included), bracket matching is
// done once for the whole file, and a constant's value is decoded once
// however many calls name it. A file with no import and no name an API use
// can start with is walked once. Scan recovers from a panic in the parser
// and reports it as ErrInternal, so one bad file costs one file.
//
// ScanContext stops when its context is done, with an ErrCanceled error:
// at once during the parse, which it leaves to finish in the background,
// and within a thousand nodes or tokens afterwards.
package jsscan
