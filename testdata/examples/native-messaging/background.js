// Sends the text the user selects to a desktop app through native messaging.
// The manifest forgets the "nativeMessaging" permission: Chrome loads the
// extension anyway, and chrome.runtime.connectNative is undefined when the
// menu item is clicked.
const HOST = "com.example.clip_to_desktop";

chrome.runtime.onInstalled.addListener(() => {
  chrome.contextMenus.create({ id: "clip", title: "Clip to desktop", contexts: ["selection"] });
});

chrome.contextMenus.onClicked.addListener(async (info, tab) => {
  const port = chrome.runtime.connectNative(HOST);
  port.onDisconnect.addListener(() => {
    chrome.storage.local.set({ lastError: chrome.runtime.lastError?.message ?? null });
  });
  port.postMessage({ text: info.selectionText, source: tab?.url ?? null });
});
