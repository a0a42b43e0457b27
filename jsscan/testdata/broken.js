// A file cut short while being edited: it does not parse, and the
// tokenizer still finds the calls before and after the damage.
chrome.runtime.onMessage.addListener(function (msg, sender) {
  chrome.tabs.query({ active: true }, (tabs) => {
    chrome.tabs.sendMessage(tabs[0].id, msg);
  );
});
importScripts('late.js');
const s = 'chrome.notifications.clear("not a call")';
