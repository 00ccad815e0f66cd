;; check.scm — runs after the profile; see sandbar-sbpl-check
;;
;; Copyright 2026 The Sandbar authors
;; SPDX-License-Identifier: GPL-3.0-or-later
;;
;; TinyScheme drops an unclosed last form without a word, and goes on with
;; the next file after an error; the sentinel after the profile tells both
;; apart from a profile that was read and evaluated to its end.

(cond ((not *sandbar-end*)
       (sbpl-fail "the profile did not evaluate to its end (an error above, or an unclosed form)"))
      ((not *sandbar-version*)
       (sbpl-fail "the profile has no (version 1)"))
      (else
       (if *sandbar-print-rules*
           (for-each (lambda (rule) (display "rule: ") (write rule) (newline))
                     (reverse *sandbar-rules*)))
       (display "sandbar-sbpl-check: ok, ")
       (display (length *sandbar-rules*))
       (display " rules")
       (newline)))
