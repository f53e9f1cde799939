-- Neovim (0.7+) as an independent LSP client of dist/server.js: opens each file, waits for the server's
-- diagnostics, asks for one hover, and writes what it got as JSON. Driven by test/lsp/nvim.test.ts.
local server = assert(os.getenv('IRYO_SERVER'), 'IRYO_SERVER')
local out = assert(os.getenv('IRYO_OUT'), 'IRYO_OUT')
local files = vim.split(assert(os.getenv('IRYO_FILES'), 'IRYO_FILES'), '\n', { trimempty = true })
local result = { diagnostics = {}, errors = {} }

local client_id = vim.lsp.start_client({
  name = 'iryo-guard',
  cmd = { 'node', server, '--stdio' },
  root_dir = vim.fn.fnamemodify(files[1], ':h'),
  settings = { iryoGuard = { language = 'en' } },
  init_options = { settings = { language = 'en' } },
})
if not client_id then table.insert(result.errors, 'start_client failed') end

for _, file in ipairs(files) do
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(bufnr, client_id)
  local got = vim.wait(15000, function() return #vim.diagnostic.get(bufnr) > 0 end, 50)
  if not got then table.insert(result.errors, 'no diagnostics for ' .. file) end
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    table.insert(list, { line = d.lnum + 1, col = d.col + 1, code = code, source = d.source, message = d.message, severity = d.severity })
  end
  result.diagnostics[vim.fn.fnamemodify(file, ':t')] = list
end

-- One hover through the plain protocol on the first file's resource type.
vim.cmd('edit ' .. vim.fn.fnameescape(files[1]))
local bufnr = vim.api.nvim_get_current_buf()
local row = vim.fn.search('AWS::S3::Bucket')
if row > 0 then
  local col = vim.fn.col('.') + 2
  local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = row - 1, character = col - 1 },
  }, 10000)
  for _, r in pairs(responses or {}) do
    if r.result and r.result.contents then result.hover = r.result.contents.value end
    if r.err then table.insert(result.errors, vim.inspect(r.err)) end
  end
end

vim.lsp.stop_client(client_id)
local f = assert(io.open(out, 'w'))
f:write(vim.fn.json_encode(result))
f:close()
vim.cmd('qa!')
