const words = document.body.innerText.split(/\s+/).length;
chrome.runtime.sendMessage({ minutes: Math.ceil(words / 230) });
