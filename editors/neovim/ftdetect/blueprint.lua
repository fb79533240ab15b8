-- .bp files are service blueprints. Neovim's own table gives `*.bp` to
-- Android's Soong files (filetype `bp`); this takes the extension over.
if vim.fn.has("nvim-0.8") == 1 then
  vim.filetype.add({ extension = { bp = "blueprint" } })
else
  -- Before 0.8 the Lua filetype table is not consulted by default.
  vim.cmd([[autocmd BufNewFile,BufRead *.bp set filetype=blueprint]])
end
