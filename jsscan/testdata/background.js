// Service worker of a note-taking extension: syncs notes with a native
// companion app and answers the extension's pages and a partner site.
'use strict';

importScripts('vendor/idb.js', "lib/sync.js");

const NATIVE_HOST = 'com.example.notes_companion';
const TRUSTED_ORIGINS = new Set(['https://notes.example.com']);
const { runtime, storage } = chrome;
const local = storage.local;

let port = null;

function connectCompanion() {
  // runtime.connectNative is only there with the nativeMessaging permission.
  port = runtime.connectNative(NATIVE_HOST);
  port.onDisconnect.addListener(() => {
    console.warn('companion gone', runtime.lastError && runtime.lastError.message);
    port = null;
  });
  return port;
}

async function saveNote(note) {
  const { notes = [] } = await local.get('notes');
  notes.push({ ...note, savedAt: Date.now() });
  await local.set({ notes });
  chrome.action.setBadgeText({ text: String(notes.length) });
}

// Messages from our own pages.
runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (sender.id !== runtime.id) return false;
  switch (message.type) {
    case 'save':
      saveNote(message.note).then(() => sendResponse({ ok: true }));
      return true;
    case 'open-options':
      runtime.openOptionsPage();
      return false;
    default:
      return false;
  }
});

// The partner site talks to us directly; this handler forgets to look at
// who is asking.
function onPartnerMessage(request, sender, sendResponse) {
  if (request && request.kind === 'export') {
    local.get('notes').then(({ notes }) => sendResponse(notes));
    return true;
  }
  sendResponse({ error: 'unknown request' });
}
chrome.runtime.onMessageExternal.addListener(onPartnerMessage);

// Long-lived connections from the partner site do check the origin.
chrome.runtime.onConnectExternal.addListener((remote) => {
  if (!TRUSTED_ORIGINS.has(new URL(remote.sender.url).origin)) {
    remote.disconnect();
    return;
  }
  remote.onMessage.addListener((msg) => {
    const companion = port || connectCompanion();
    companion.postMessage(msg);
  });
});

runtime.onInstalled.addListener(({ reason }) => {
  if (reason === 'install') {
    chrome.tabs.create({ url: runtime.getURL('welcome/index.html') });
  }
  runtime.setUninstallURL('https://notes.example.com/goodbye?v=' + '2');
});

chrome.contextMenus?.create({ id: 'save-selection', title: 'Save to notes', contexts: ['selection'] });

/* Old code, kept for reference:
chrome.runtime.sendMessage('abcdefghijklmnopabcdefghijklmnop', { hello: true });
*/
const helpText = "Call chrome.runtime.reload() to restart";
