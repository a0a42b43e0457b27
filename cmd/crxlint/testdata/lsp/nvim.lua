-- Drives crxlint lsp from headless Neovim's built-in LSP client (Neovim
-- 0.7 and later), started by the README's snippet, which runs first:
-- opens $CRXLINT_MANIFEST, waits for its diagnostics, asks
-- for hover and code actions at the first one, applies the quick fix and
-- waits for the diagnostics to clear. Each step writes a line to
-- $CRXLINT_RESULT, which the Go test reads; the waits only bound a broken
-- run.
local out = {}
local function say(line) table.insert(out, line) end
local function finish()
  vim.fn.writefile(out, vim.env.CRXLINT_RESULT)
  vim.cmd('qall!')
end
local function fail(why)
  say('fail ' .. why)
  finish()
end

vim.cmd('edit ' .. vim.fn.fnameescape(vim.env.CRXLINT_MANIFEST))
local buf = vim.api.nvim_get_current_buf()
if not vim.wait(20000, function() return next(vim.lsp.buf_get_clients(buf)) ~= nil end, 20) then
  return fail('the README\'s snippet started no client')
end

if not vim.wait(20000, function() return #vim.diagnostic.get(buf) > 0 end, 20) then
  return fail('no diagnostics')
end
local diags = vim.diagnostic.get(buf)
for _, d in ipairs(diags) do
  -- Neovim converts the server's UTF-16 columns to byte columns.
  say(string.format('diagnostic %d:%d-%d:%d %s %s', d.lnum, d.col, d.end_lnum, d.end_col, d.source or '', d.message))
end

local d = diags[1]
local pos = { line = d.lnum, character = vim.lsp.util.character_offset(buf, d.lnum, d.col, 'utf-16') }
local hover = vim.lsp.buf_request_sync(buf, 'textDocument/hover',
  { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = pos }, 20000)
for _, res in pairs(hover or {}) do
  if res.result then say('hover ' .. res.result.contents.value:gsub('\n', ' ')) end
end

local actions = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', {
  textDocument = { uri = vim.uri_from_bufnr(buf) },
  range = { start = pos, ['end'] = pos },
  context = { diagnostics = {} },
}, 20000)
for _, res in pairs(actions or {}) do
  for _, action in ipairs(res.result or {}) do
    say('action ' .. action.kind .. ' ' .. action.title)
    vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16')
  end
end
vim.cmd('write')

if vim.wait(20000, function() return #vim.diagnostic.get(buf) == 0 end, 20) then
  say('cleared')
else
  say('not cleared')
end
finish()
