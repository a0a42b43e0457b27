import { render } from './ui/render.mjs';
import * as prefs from "./prefs.mjs";
import './ui/theme.css.mjs';
export { defaultPrefs } from './prefs.mjs';

const api = globalThis.browser ?? globalThis.chrome;
const { local: store } = api.storage;

async function loadPanel(name) {
  const mod = await import(`./panels/${name}.mjs`);
  const help = await import('./panels/help.mjs');
  return [mod, help];
}

export async function init(root) {
  const saved = await store.get(prefs.KEYS);
  render(root, saved);
  root.querySelector('#manage').addEventListener('click', () => {
    api.tabs.create({ url: api.runtime.getURL('manage.html') });
  });
  root.querySelector('#reset').addEventListener('click', async () => {
    await store.clear();
    api.runtime.reload();
  });
  return loadPanel(saved.panel || 'general');
}

api.runtime.onConnect.addListener((p) => {
  p.onMessage.addListener((m) => p.postMessage(m));
});
