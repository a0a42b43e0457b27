// Marks each article page with the extension's logo.
const badge = document.createElement("img");
badge.src = chrome.runtime.getURL("logo.png");
badge.alt = "Reading badge";
badge.style.cssText = "position: fixed; right: 16px; bottom: 16px; width: 32px; height: 32px";
document.body.append(badge);
