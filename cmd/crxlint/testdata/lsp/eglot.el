;;; Drives crxlint lsp from Eglot in Emacs --batch, after the README's
;;; snippet: opens $CRXLINT_MANIFEST, starts Eglot with the server the
;;; snippet names for the buffer's mode, waits for Flymake's diagnostics
;;; and writes them to $CRXLINT_RESULT, which the Go test reads. The wait
;;; only bounds a broken run.
(require 'eglot)
(find-file (getenv "CRXLINT_MANIFEST"))
(call-interactively #'eglot)
(let ((tries 0))
  (while (and (< tries 400) (null (flymake-diagnostics)))
    (accept-process-output nil 0.05)
    (setq tries (1+ tries))))
(let ((diagnostics (flymake-diagnostics)))
  (with-temp-file (getenv "CRXLINT_RESULT")
    (dolist (d diagnostics)
      (insert (format "diagnostic %d-%d %s\n" (flymake-diagnostic-beg d) (flymake-diagnostic-end d)
                      (flymake-diagnostic-text d))))))
(kill-emacs 0)
