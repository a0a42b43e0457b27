/* Content script: works in Chrome and Firefox. */
(function () {
  const ext = typeof browser !== 'undefined' ? browser : chrome;

  function findSelection() {
    const text = String(window.getSelection() || '').trim();
    return text.length > 0 ? text : null;
  }

  document.addEventListener('keydown', (event) => {
    if (!(event.altKey && event.key === 'n')) return;
    const text = findSelection();
    if (text === null) return;
    ext.runtime.sendMessage({ type: 'save', note: { text, url: location.href } }, (reply) => {
      if (!reply || !reply.ok) console.error('not saved');
    });
  });

  const icon = document.createElement('img');
  icon.src = ext.runtime.getURL(`images/icon-16.png`);
  icon.alt = 'chrome.runtime.getURL("not/this.png")';
  document.body.append(icon);

  // A helper that takes its own "chrome" object, as tests do.
  function withApi(chrome) {
    return chrome.storage.sync.get('prefs');
  }
  withApi({ storage: { sync: { get: async () => ({}) } } });

  const path = /chrome\.runtime\.getURL\(/.source;
  console.debug(path.length / 2, ext.i18n.getMessage('extName'));
})();
