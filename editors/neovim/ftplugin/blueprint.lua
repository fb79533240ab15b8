-- Service blueprints (.bp): comments, indentation, and the language server
-- (`blueprint lsp`) for diagnostics, completion, hover, rename, formatting
-- and, from Neovim 0.9, semantic highlighting.
--
-- Settings, before the first .bp file opens:
--   vim.g.blueprint_lsp_cmd = { "/path/to/.venv/bin/blueprint", "lsp" }
--   vim.g.blueprint_lsp = false   -- comments and indentation only

vim.bo.commentstring = "# %s"
vim.bo.comments = ":#"
vim.bo.expandtab = true
vim.bo.shiftwidth = 2
vim.bo.softtabstop = 2
vim.b.undo_ftplugin = "setlocal commentstring< comments< expandtab< shiftwidth< softtabstop<"

if vim.g.blueprint_lsp == false then
  return
end

if vim.lsp.start == nil then
  vim.notify_once("blueprint: the language server needs Neovim 0.8 or newer", vim.log.levels.WARN)
  return
end

local buffer = vim.api.nvim_get_current_buf()
local file = vim.api.nvim_buf_get_name(buffer)
local marker = vim.fs.find({ "pyproject.toml", ".git" }, { upward = true, path = vim.fs.dirname(file) })[1]

vim.lsp.start({
  name = "blueprint",
  cmd = vim.g.blueprint_lsp_cmd or { "blueprint", "lsp" },
  root_dir = marker and vim.fs.dirname(marker) or vim.fs.dirname(file),
}, { bufnr = buffer })
