;;; blueprint-mode.el --- Service blueprints (.bp): highlighting and eglot  -*- lexical-binding: t; -*-

;; Version: 0.1.0
;; Package-Requires: ((emacs "28.1"))
;; Keywords: languages
;; SPDX-License-Identifier: MIT

;;; Commentary:

;; A major mode for the .bp language of the `blueprint' package: highlighting
;; of statements, lanes, IDs, flows, fail and wait points, comments and
;; strings, and the language server (`blueprint lsp') through eglot, which
;; brings diagnostics, completion, hover, rename, formatting and code actions.
;;
;;   (add-to-list 'load-path "/path/to/editors/emacs")
;;   (require 'blueprint-mode)
;;   (add-hook 'blueprint-mode-hook #'eglot-ensure)
;;
;; The words below are the vocabulary of the notation (blueprint.vocabulary);
;; a test in the project keeps them equal.

;;; Code:

(defgroup blueprint nil
  "Service blueprints written in the .bp language."
  :group 'languages
  :prefix "blueprint-")

(defcustom blueprint-server-command '("blueprint" "lsp")
  "The language server's command line, for eglot.
Give a full path to use a virtual environment's program."
  :type '(repeat string))

(defconst blueprint-statement-keywords
  '("blueprint" "description" "segment" "owner" "state" "lang" "version" "max-wait"
    "lane" "line" "phase" "step" "fail" "wait" "duration" "cost" "note" "link" "control"
    "emotion" "metric" "pain" "idea" "opportunity" "question" "confidence" "role" "by"
    "key" "decision" "channel" "via" "scenario" "only" "detail")
  "The words that open a statement.")

(defconst blueprint-option-keywords '("severity" "recover" "ref" "impact")
  "The options of a fail point.")

(defconst blueprint-lanes '("evidence" "customer" "onstage" "backstage" "support" "preparation" "management")
  "The lanes, top to bottom.")

(defconst blueprint-lines '("interaction" "visibility" "internal" "order-penetration" "implementation")
  "The lines between the lanes.")

(defconst blueprint-values '("current" "future" "en" "zh" "zh-Hant" "low" "medium" "high")
  "States, languages and severities.")

(defconst blueprint-arrows '("<->" "-->" "->")
  "Hand-off, deferred and two-way flows.")

(defconst blueprint--name "\\(?:[[:alpha:]_][[:alnum:]_]*\\(?:-[[:alnum:]_]+\\)*\\)"
  "An ID: a letter of any script, then letters, digits, `_' and inner hyphens.")

(defconst blueprint-font-lock-keywords
  `(;; A statement keyword opens its line.
    (,(concat "^[ \t]*" (regexp-opt blueprint-statement-keywords t) "\\_>")
     (1 font-lock-keyword-face))
    ;; `step ID', `lane NAME', `line NAME', `recover ID'.
    (,(concat "^[ \t]*step[ \t]+\\(" blueprint--name "\\)") (1 font-lock-function-name-face))
    (,(concat "^[ \t]*lane[ \t]+" (regexp-opt blueprint-lanes t) "\\_>") (1 font-lock-type-face))
    (,(concat "^[ \t]*line[ \t]+" (regexp-opt blueprint-lines t) "\\_>") (1 font-lock-type-face))
    ;; An action or a piece of evidence: the lane, then the ID.
    (,(concat "^[ \t]*" (regexp-opt blueprint-lanes t) "\\_>\\(?:[ \t]+\\(" blueprint--name "\\)\\)?")
     (1 font-lock-type-face) (2 font-lock-variable-name-face nil t))
    ;; The options of a fail point and their values.
    (,(concat "\\_<" (regexp-opt blueprint-option-keywords t) "\\_>") (1 font-lock-builtin-face))
    (,(concat "^[ \t]*\\(?:state\\|lang\\)[ \t]+" (regexp-opt blueprint-values t) "\\_>") (1 font-lock-constant-face))
    (,(concat "\\_<severity[ \t]+" (regexp-opt blueprint-values t) "\\_>") (1 font-lock-constant-face))
    ;; Flows: the arrows.
    (,(regexp-opt blueprint-arrows) . font-lock-builtin-face)
    ;; Durations and amounts.
    ("\\_<[0-9]+\\(?:\\.[0-9]+\\)?[[:alpha:]]*\\(?:\\.\\.[0-9]+\\(?:\\.[0-9]+\\)?[[:alpha:]]*\\)?" . font-lock-constant-face))
  "Highlighting of .bp files.")

(defvar blueprint-mode-syntax-table
  (let ((table (make-syntax-table)))
    (modify-syntax-entry ?# "<" table)
    (modify-syntax-entry ?\n ">" table)
    (modify-syntax-entry ?\" "\"" table)
    (modify-syntax-entry ?\\ "\\" table)
    (modify-syntax-entry ?_ "_" table)
    (modify-syntax-entry ?- "_" table)
    (modify-syntax-entry ?> "." table)
    (modify-syntax-entry ?< "." table)
    table)
  "Syntax of .bp files: `#' comments to the end of the line, double-quoted strings.")

;;;###autoload
(define-derived-mode blueprint-mode prog-mode "Blueprint"
  "Major mode for service blueprints (.bp files)."
  :syntax-table blueprint-mode-syntax-table
  (setq-local comment-start "# ")
  (setq-local comment-start-skip "#+[ \t]*")
  (setq-local comment-end "")
  (setq-local font-lock-defaults '(blueprint-font-lock-keywords))
  (setq-local indent-tabs-mode nil)
  (setq-local tab-width 2)
  (setq-local indent-line-function #'indent-relative))

;;;###autoload
(add-to-list 'auto-mode-alist '("\\.bp\\'" . blueprint-mode))

(with-eval-after-load 'eglot
  (defvar eglot-server-programs)
  (add-to-list 'eglot-server-programs
               `(blueprint-mode . ,(lambda (&rest _) blueprint-server-command))))

(provide 'blueprint-mode)
;;; blueprint-mode.el ends here
