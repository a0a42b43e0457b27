// Drives VS Code's JSON language service (vscode-json-languageservice, found
// through NODE_PATH) with the schema `crxlint schema` wrote into a workspace,
// configured as the README's .vscode/settings.json block says, and fails
// unless an editor gets what the README promises: no problem in a manifest
// Chrome loads (comments and all), errors in one Chrome refuses, completion
// and hover with documentation links. Each EXAMPLE (a rule's good-*.txtar)
// must have no problem either; one whose "$schema" member names another
// schema is checked with it pointing at the workspace's, the README's other
// way to use the schema.
//
// Usage: node scripts/check-editor-schema.js WORKSPACE README.md [EXAMPLE.txtar...]
'use strict';
const fs = require('fs');
const path = require('path');
const { pathToFileURL, fileURLToPath } = require('url');
const { getLanguageService, TextDocument } = require('vscode-json-languageservice');

const [workspace, readme, ...examples] = process.argv.slice(2);
const blocks = [...fs.readFileSync(readme, 'utf8').matchAll(/```jsonc\n([\s\S]*?)```/g)].map(m => m[1]);
const settingsBlock = blocks.find(b => b.includes('"json.schemas"'));
if (!settingsBlock) {
  console.log('FAIL: the README shows no .vscode/settings.json block with json.schemas');
  process.exit(1);
}
const association = JSON.parse(settingsBlock)['json.schemas'][0];
const schemaFile = path.resolve(workspace, association.url);
const schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8'));

// Schemas load from the workspace only, as VS Code loads a relative one.
const ls = getLanguageService({
  schemaRequestService: uri => uri.startsWith('file:')
    ? Promise.resolve(fs.readFileSync(fileURLToPath(uri), 'utf8'))
    : Promise.reject(new Error('no network: ' + uri)),
  workspaceContext: { resolveRelativePath: (rel, resource) => new URL(rel, resource).toString() },
});
ls.configure({ validate: true, schemas: [{ uri: pathToFileURL(schemaFile).toString(), fileMatch: association.fileMatch, schema }] });
const manifestURI = pathToFileURL(path.resolve(workspace, 'manifest.json')).toString();

let failed = 0;
const fail = msg => { console.log('FAIL: ' + msg); failed++; };
const ok = msg => console.log('ok: ' + msg);

// open returns the document of text with the cursor where '|' is.
function open(text) {
  const offset = text.indexOf('|');
  const doc = TextDocument.create(manifestURI, 'json', 1, text.replace('|', ''));
  return { doc, json: ls.parseJSONDocument(doc), pos: offset < 0 ? undefined : doc.positionAt(offset) };
}
async function problems(text) {
  const { doc, json } = open(text);
  // Comments are errors unless the schema allows them, as crxlint's does.
  return (await ls.doValidation(doc, json, { comments: 'error', trailingCommas: 'error' })).map(d => d.message);
}
const min = '"manifest_version": 3, "name": "x", "version": "1"';

(async () => {
  let got = await problems(`{
  // Chrome allows comments, and warns about the rest but loads it.
  ${min},
  "permissions": ["storage", "tab", "https://example.com/*"],
  "browser_action": {"default_popup": 1},
  "unknown_key": true,
  "background": {"service_worker": "sw.js", "type": "module"}
}`);
  if (got.length) fail('a manifest Chrome loads has problems: ' + got.join(' | '));
  else ok('a manifest Chrome loads, with comments and warnings, has no problem');

  got = await problems(`{${min}, "incognito": "private", "icons": {"16": 1}, "content_scripts": [{"js": ["a.js"]}]}`);
  if (got.length < 3) fail('a manifest Chrome refuses: want 3 problems, got ' + got.join(' | '));
  else ok('a manifest Chrome refuses: ' + got.join(' | '));

  let { doc, json, pos } = open(`{${min}, "permissions": ["|"]}`);
  let list = await ls.doComplete(doc, pos, json);
  const tabs = list.items.find(i => i.label === '"tabs"');
  if (!tabs || !JSON.stringify(tabs.documentation).includes('developer.chrome.com/docs/extensions/reference/api/tabs')) {
    fail('no documented "tabs" among the permission completions: ' + JSON.stringify(tabs));
  } else ok(`${list.items.length} permission completions, "tabs" documented`);

  ({ doc, json, pos } = open(`{${min}, |}`));
  list = await ls.doComplete(doc, pos, json);
  const incognito = list.items.find(i => i.label === 'incognito');
  if (!incognito || !JSON.stringify(incognito.documentation).includes('reference/manifest/incognito')) {
    fail('no documented incognito among the key completions: ' + JSON.stringify(incognito));
  } else ok(`${list.items.length} key completions, incognito documented`);
  if (list.items.some(i => i.label === 'kiosk_enabled')) fail('kiosk_enabled, which no extension can use, is offered');

  ({ doc, json, pos } = open(`{${min}, "background": {|}}`));
  list = await ls.doComplete(doc, pos, json);
  if (!list.items.some(i => i.label === 'service_worker')) fail('no service_worker completion: ' + list.items.map(i => i.label));
  else ok('background completions: ' + list.items.map(i => i.label).join(' '));

  for (const [text, link] of [
    [`{${min}, "permissions": ["stor|age"]}`, 'reference/api/storage'],
    [`{${min}, "side_pa|nel": {"default_path": "p.html"}}`, 'reference/api/sidePanel'],
    [`{${min}, "kiosk_en|abled": true}`, 'packaged app'],
  ]) {
    ({ doc, json, pos } = open(text));
    const hover = await ls.doHover(doc, pos, json);
    if (!hover || !JSON.stringify(hover.contents).includes(link)) fail(`hover in ${text}: ` + JSON.stringify(hover));
    else ok('hover links to ' + link);
  }
  got = await problems(`{"$schema": "./.vscode/manifest.schema.json", ${min}, "incognito": "private"}`);
  if (got.length !== 1) fail('a manifest naming the schema in "$schema": want 1 problem, got ' + got.join(' | '));
  else ok('a manifest naming the schema in "$schema": ' + got[0]);

  let clean = 0, dialect = 0;
  for (const example of examples) {
    const m = /^-- manifest\.json --\n([\s\S]*?)(?=^-- |(?![\s\S]))/m.exec(fs.readFileSync(example, 'utf8'));
    if (!m) continue;
    const text = m[1].replace(/("\$schema"\s*:\s*)"[^"]*"/, '$1"./.vscode/manifest.schema.json"');
    const { doc, json } = open(text);
    if (json.syntaxErrors.length) {
      dialect++; // Chrome reads more than JSON with comments (raw line breaks, \x escapes)
      continue;
    }
    got = (await ls.doValidation(doc, json, { comments: 'error', trailingCommas: 'error' })).map(d => d.message);
    if (got.length) fail(`${example}: Chrome loads it, VS Code says: ` + got.join(' | '));
    else clean++;
  }
  if (examples.length) ok(`${clean} good examples without a problem (${dialect} in Chrome's JSON dialect not tried)`);
  process.exit(failed ? 1 : 0);
})().catch(e => { console.log('FAIL: ' + (e.stack || e)); process.exit(1); });
