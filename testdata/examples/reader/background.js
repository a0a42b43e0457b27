// Keeps each tab's reading time, and suggests the most visited sites to read.
chrome.runtime.onMessage.addListener(async (message, sender) => {
  const tab = await chrome.tabs.get(sender.tab.id);
  await chrome.storage.local.set({ [tab.url]: message.minutes });
});

chrome.runtime.onInstalled.addListener(async () => {
  const sites = await chrome.topSites.get();
  await chrome.storage.local.set({ suggestions: sites.slice(0, 5) });
});
