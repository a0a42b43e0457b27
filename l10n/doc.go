// Package l10n reads an extension's translations as Chrome does: the locale
// names Chrome knows, the messages.json files under _locales, and the
// substitution of __MSG_name__ placeholders in the manifest.
//
// Chrome localises a manifest before it validates it. When the extension
// has a _locales folder, Chrome loads the messages of its default_locale
// and replaces every __MSG_name__ in the handful of keys listed by
// LocalizedKeys; a placeholder that names no message makes the extension
// fail to load. Without a _locales folder nothing is replaced, and the
// placeholder is shown as written.
//
// The behaviour modelled here, and every error text quoted, was measured
// against Chromium 156 and checked against the Chromium sources
// extensions/common/extension_l10n_util.cc, message_bundle.cc and
// manifest_handlers/default_locale_handler.cc.
package l10n
