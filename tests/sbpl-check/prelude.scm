;; prelude.scm — the SBPL vocabulary, for checking profiles with stock TinyScheme
;;
;; Copyright 2026 The Sandbar authors
;; SPDX-License-Identifier: GPL-3.0-or-later
;;
;; Loaded by sandbar-sbpl-check before the profile (see that script for how
;; to run it). It defines just enough of SBPL for a profile to evaluate,
;; and fails on what a generator could get wrong: an operation that
;; Seatbelt does not have, a parameter that was not passed, a filter given
;; the wrong kind of argument, a path filter on a relative path, a network
;; address macOS cannot parse. Each rule is recorded in *sandbar-rules*
;; with its filters evaluated, so a test can compare it with its model.
;;
;; Written for Debian's tinyscheme 1.42, whose build has traits to step
;; around (checked on Debian 12):
;; - symbols are folded to lower case when read, so `AF_UNIX` is `af_unix`;
;; - string-ref, vector-ref, and so string=?, equal? and assoc on strings,
;;   fail with "index must be exact"; strings are compared here as symbols
;;   made with string->symbol, which keeps case and compares with eq?;
;; - `error` prints no file and line, but an unbound variable does; so a
;;   failed check evaluates an unbound symbol whose name is the message:
;;   Error: (profile.sb : 12) eval: unbound variable: sbpl: unknown operation file-reed*

;;; State

(define *sandbar-rules* '())      ; recorded rules, newest first
(define *sandbar-version* #f)     ; the profile's (version N)
(define *sandbar-params* '())     ; (("NAME" . "VALUE") ...), replaced by the runner
(define *sandbar-end* #f)         ; set by the sentinel after the profile
(define *sandbar-print-rules* #f) ; set by the runner for --print-rules

;;; Helpers

(define (sbpl-fail . words)
  (eval (string->symbol (apply string-append "sbpl: " words))))

(define (sbpl-string=? a b)
  (eq? (string->symbol a) (string->symbol b)))

(define (sbpl->string x)
  (cond ((string? x) x)
        ((symbol? x) (symbol->string x))
        ((number? x) (number->string x))
        (else "a list")))

(define (sbpl-every? ok? items)
  (or (null? items)
      (and (ok? (car items)) (sbpl-every? ok? (cdr items)))))

;; The index of the first `char` (a one-byte string) in `s` at or after
;; `from`, or #f. Uses substring, the one string accessor that works.
(define (sbpl-string-index s char from)
  (cond ((>= from (string-length s)) #f)
        ((sbpl-string=? (substring s from (+ from 1)) char) from)
        (else (sbpl-string-index s char (+ from 1)))))

;; Digits as symbols: TinyScheme has no |7| syntax, and chars are broken.
(define sbpl-digits (map string->symbol '("0" "1" "2" "3" "4" "5" "6" "7" "8" "9")))

(define (sbpl-digits? s)
  (and (> (string-length s) 0)
       (let loop ((i 0))
         (or (= i (string-length s))
             (and (memq (string->symbol (substring s i (+ i 1))) sbpl-digits)
                  (loop (+ i 1)))))))

(define (sbpl-starts-with-slash? s)
  (and (> (string-length s) 0) (sbpl-string=? (substring s 0 1) "/")))

(define (sbpl-ends-with-slash? s)
  (let ((n (string-length s)))
    (and (> n 1) (sbpl-string=? (substring s (- n 1) n) "/"))))

;;; Operations
;;
;; Seatbelt operations seen in Apple's profiles, Chromium, Codex and
;; sandbox-runtime. The point is to catch typos such as `file-reed*`, which
;; sandbox-exec would only reject on a Mac; add a name here only once a
;; real profile shows it exists.

(define sbpl-operations
  '(default
    file* file-read* file-read-data file-read-metadata file-read-xattr
    file-write* file-write-data file-write-create file-write-unlink file-write-mode
    file-write-owner file-write-flags file-write-times file-write-setugid file-write-xattr
    file-write-acl file-ioctl file-link file-map-executable file-mknod file-clone
    file-search file-test-existence file-chroot file-revoke file-issue-extension
    file-mount file-unmount
    process* process-exec process-exec* process-exec-interpreter process-fork
    process-info* process-info-pidinfo process-info-pidfdinfo process-info-pidfileportinfo
    process-info-setcontrol process-info-dirtycontrol process-info-rusage
    process-info-listpids process-info-codesignature process-codesigning-status*
    signal
    sysctl* sysctl-read sysctl-write
    mach* mach-lookup mach-register mach-per-user-lookup mach-bootstrap mach-task-name
    mach-priv* mach-priv-host-port mach-priv-task-port mach-issue-extension
    iokit* iokit-open iokit-open-user-client iokit-set-properties iokit-get-properties
    iokit-issue-extension
    ipc* ipc-posix* ipc-posix-sem ipc-posix-sem-create ipc-posix-sem-open
    ipc-posix-sem-post ipc-posix-sem-unlink ipc-posix-sem-wait ipc-posix-shm*
    ipc-posix-shm-read* ipc-posix-shm-read-data ipc-posix-shm-read-metadata
    ipc-posix-shm-write* ipc-posix-shm-write-create ipc-posix-shm-write-data
    ipc-posix-shm-write-unlink ipc-posix-issue-extension
    ipc-sysv* ipc-sysv-msg ipc-sysv-sem ipc-sysv-shm
    pseudo-tty
    user-preference* user-preference-read user-preference-write
    network* network-outbound network-inbound network-bind
    system* system-socket system-fsctl system-mac-syscall system-info system-sched
    system-audit system-privilege system-set-time system-acct system-reboot system-swap
    system-nfssvc system-package-check system-debug system-kext* system-kext-load
    system-kext-unload system-kext-query
    socket-ioctl socket-option-get socket-option-set
    nvram* nvram-get nvram-set nvram-delete
    darwin-notification-post distributed-notification-post
    job-creation load-unsigned-code dynamic-code-generation hid-control
    device* device-camera device-microphone
    generic-issue-extension authorization-right-obtain
    lsopen appleevent-send))

;; Sandbar's own rule (DESIGN.md, base rules): `open -a` through these would
;; start applications outside the sandbox.
(define sbpl-never-allowed '(lsopen appleevent-send))

(define (sbpl-check-operation! action op)
  (cond ((not (memq op sbpl-operations))
         (sbpl-fail "unknown operation " (symbol->string op)))
        ((and (eq? action 'allow) (memq op sbpl-never-allowed))
         (sbpl-fail "Sandbar never allows " (symbol->string op)))))

;;; Rules

;; A filter value is a tagged list such as (subpath "/a"); see below.
(define (sbpl-filter? x)
  (and (pair? x) (symbol? (car x))))

(define (sbpl-record! action ops filters)
  (cond ((not *sandbar-version*)
         (sbpl-fail "a rule before (version 1)"))
        ((not (sbpl-every? sbpl-filter? filters))
         (sbpl-fail (symbol->string action) " takes filters after its operations"))
        (else
         (set! *sandbar-rules* (cons (cons action (append ops filters)) *sandbar-rules*)))))

;; Splits (allow op ... filter ...) into its leading operation symbols and
;; the filter expressions, checks the operations and expands to a call that
;; evaluates the filters and records the rule.
(define (sbpl-rule-form action args)
  (let loop ((ops '()) (rest args))
    (if (and (pair? rest) (symbol? (car rest)))
        (loop (cons (car rest) ops) (cdr rest))
        (begin
          (if (null? ops)
              (sbpl-fail (symbol->string action) " needs an operation"))
          (for-each (lambda (op) (sbpl-check-operation! action op)) ops)
          `(sbpl-record! ',action ',(reverse ops) (list ,@rest))))))

(define-macro (allow . args) (sbpl-rule-form 'allow args))
(define-macro (deny . args) (sbpl-rule-form 'deny args))

(define (version n)
  (cond (*sandbar-version* (sbpl-fail "(version) given twice"))
        ((not (null? *sandbar-rules*)) (sbpl-fail "(version) after a rule"))
        ((not (eqv? n 1)) (sbpl-fail "only (version 1) exists"))
        (else (set! *sandbar-version* n))))

;; (with no-log), (with message "tag"): the first word is a keyword.
(define sbpl-with-words '(no-log no-report report send-signal message))

(define-macro (with word . args)
  (cond ((eq? word 'no-sandbox)
         (sbpl-fail "(with no-sandbox) runs the process unsandboxed"))
        ((not (memq word sbpl-with-words))
         (sbpl-fail "unknown (with " (sbpl->string word) ")"))
        (else `(list 'with ',word ,@args))))

;;; Parameters

(define (param name)
  (if (not (string? name))
      (sbpl-fail "param takes a string"))
  (let loop ((params *sandbar-params*))
    (cond ((null? params)
           (sbpl-fail "parameter " name " was not passed"))
          ((sbpl-string=? (caar params) name) (cdar params))
          (else (loop (cdr params))))))

;; Apple's regex-quote escapes regex syntax. Only the structure is checked
;; here, so the string comes back as it is.
(define (regex-quote s)
  (if (string? s) s (sbpl-fail "regex-quote takes a string")))

;;; Filters
;;
;; Each filter checks its arguments and returns (name arg ...).

(define (sbpl-string-filter name args)
  (if (and (pair? args) (sbpl-every? string? args))
      (cons name args)
      (sbpl-fail "(" (symbol->string name) ") takes strings")))

;; A path must be absolute or the rule is silently dead on macOS; subpath
;; without a trailing slash (sbpl.md §3, §5).
(define (sbpl-path-filter name args)
  (sbpl-string-filter name args)
  (for-each (lambda (p)
              (cond ((not (sbpl-starts-with-slash? p))
                     (sbpl-fail "(" (symbol->string name) ") on a relative path: " p))
                    ((and (eq? name 'subpath) (sbpl-ends-with-slash? p))
                     (sbpl-fail "(subpath) with a trailing slash: " p))))
            args)
  (cons name args))

(define (sbpl-symbol-filter name allowed args)
  (if (and (pair? args)
           (sbpl-every? (lambda (a) (or (memq a allowed) (number? a))) args))
      (cons name args)
      (sbpl-fail "(" (symbol->string name) ") takes one of its keywords")))

(define (sbpl-number-filter name args)
  (if (and (pair? args) (null? (cdr args)) (number? (car args)))
      (cons name args)
      (sbpl-fail "(" (symbol->string name) ") takes a number")))

(define (subpath . a) (sbpl-path-filter 'subpath a))
(define (literal . a) (sbpl-path-filter 'literal a))
(define (path . a) (sbpl-path-filter 'path a))
(define (prefix . a) (sbpl-path-filter 'prefix a))
(define (path-literal . a) (sbpl-path-filter 'path-literal a))
(define (path-prefix . a) (sbpl-path-filter 'path-prefix a))
(define (path-ancestors . a) (sbpl-path-filter 'path-ancestors a))

(define (regex . a) (sbpl-string-filter 'regex a))
(define (path-regex . a) (sbpl-string-filter 'path-regex a))
(define (sysctl-name . a) (sbpl-string-filter 'sysctl-name a))
(define (sysctl-name-prefix . a) (sbpl-string-filter 'sysctl-name-prefix a))
(define (sysctl-name-regex . a) (sbpl-string-filter 'sysctl-name-regex a))
(define (global-name . a) (sbpl-string-filter 'global-name a))
(define (global-name-prefix . a) (sbpl-string-filter 'global-name-prefix a))
(define (global-name-regex . a) (sbpl-string-filter 'global-name-regex a))
(define (local-name . a) (sbpl-string-filter 'local-name a))
(define (local-name-prefix . a) (sbpl-string-filter 'local-name-prefix a))
(define (local-name-regex . a) (sbpl-string-filter 'local-name-regex a))
(define (extension . a) (sbpl-string-filter 'extension a))
(define (iokit-registry-entry-class . a) (sbpl-string-filter 'iokit-registry-entry-class a))
(define (iokit-user-client-class . a) (sbpl-string-filter 'iokit-user-client-class a))
(define (ipc-posix-name . a) (sbpl-string-filter 'ipc-posix-name a))
(define (ipc-posix-name-prefix . a) (sbpl-string-filter 'ipc-posix-name-prefix a))
(define (ipc-posix-name-regex . a) (sbpl-string-filter 'ipc-posix-name-regex a))
(define (preference-domain . a) (sbpl-string-filter 'preference-domain a))
(define (control-name . a) (sbpl-string-filter 'control-name a))
(define (xattr . a) (sbpl-string-filter 'xattr a))
(define (signing-identifier . a) (sbpl-string-filter 'signing-identifier a))

(define (file-mode . a) (sbpl-number-filter 'file-mode a))
(define (socket-protocol . a) (sbpl-number-filter 'socket-protocol a))

;; Keywords that appear bare in filters evaluate to themselves. The reader
;; folds case, so AF_UNIX and af_unix are the same symbol here.
(define af_unix 'af_unix)
(define af_inet 'af_inet)
(define af_inet6 'af_inet6)
(define af_system 'af_system)
(define af_route 'af_route)
(define (socket-domain . a)
  (sbpl-symbol-filter 'socket-domain '(af_unix af_inet af_inet6 af_system af_route) a))

(define sock_stream 'sock_stream)
(define sock_dgram 'sock_dgram)
(define sock_raw 'sock_raw)
(define (socket-type . a)
  (sbpl-symbol-filter 'socket-type '(sock_stream sock_dgram sock_raw) a))

(define character-device 'character-device)
(define block-device 'block-device)
(define directory 'directory)
(define regular-file 'regular-file)
(define symlink 'symlink)
(define fifo 'fifo)
(define socket 'socket)
(define tty 'tty)
(define (vnode-type . a)
  (sbpl-symbol-filter 'vnode-type
                      '(character-device block-device directory regular-file symlink fifo
                        socket tty)
                      a))

(define same-sandbox 'same-sandbox)
(define self 'self)
(define others 'others)
(define children 'children)
(define parent 'parent)
(define pgrp 'pgrp)
(define (target . a)
  (sbpl-symbol-filter 'target '(same-sandbox self others children parent pgrp) a))

(define (require-all . a)
  (if (sbpl-every? sbpl-filter? a)
      (cons 'require-all a)
      (sbpl-fail "(require-all) takes filters")))

(define (require-any . a)
  (if (sbpl-every? sbpl-filter? a)
      (cons 'require-any a)
      (sbpl-fail "(require-any) takes filters")))

(define (require-not . a)
  (if (and (pair? a) (null? (cdr a)) (sbpl-filter? (car a)))
      (cons 'require-not a)
      (sbpl-fail "(require-not) takes one filter")))

;;; Network addresses
;;
;; (remote ip "localhost:8080"), (local tcp "*:*"), (remote ip),
;; (remote unix-socket (path-literal "/p")), (remote unix-socket).
;; macOS accepts only `*` and `localhost` as hosts: an IP literal fails to
;; compile there (sbpl.md §3).

(define ip 'ip)
(define ip4 'ip4)
(define ip6 'ip6)
(define tcp 'tcp)
(define tcp4 'tcp4)
(define tcp6 'tcp6)
(define udp 'udp)
(define udp4 'udp4)
(define udp6 'udp6)
(define unix 'unix)
(define unix-socket 'unix-socket)

(define sbpl-ip-protocols '(ip ip4 ip6 tcp tcp4 tcp6 udp udp4 udp6))
(define sbpl-socket-filters '(subpath literal path path-literal path-prefix prefix
                              path-regex regex))

(define (sbpl-port? s)
  (or (sbpl-string=? s "*")
      (and (sbpl-digits? s)
           (let ((n (string->number s)))
             (and (>= n 1) (<= n 65535))))))

(define (sbpl-check-address! a)
  (let ((colon (and (string? a) (sbpl-string-index a ":" 0))))
    (if (not colon)
        (sbpl-fail "a network address is \"host:port\""))
    (let ((host (substring a 0 colon))
          (port (substring a (+ colon 1) (string-length a))))
      (cond ((not (or (sbpl-string=? host "*") (sbpl-string=? host "localhost")))
             (sbpl-fail "a network host is * or localhost, not " host))
            ((not (sbpl-port? port))
             (sbpl-fail "a network port is * or 1-65535, not " port))))))

(define (sbpl-address name args)
  (let ((protocol (and (pair? args) (car args)))
        (rest (if (pair? args) (cdr args) '())))
    (cond ((memq protocol sbpl-ip-protocols)
           (if (pair? rest)
               (if (null? (cdr rest))
                   (sbpl-check-address! (car rest))
                   (sbpl-fail "(" (symbol->string name) ") takes one address"))))
          ((memq protocol '(unix unix-socket))
           (if (not (or (null? rest)
                        (and (null? (cdr rest))
                             (sbpl-filter? (car rest))
                             (memq (caar rest) sbpl-socket-filters))))
               (sbpl-fail "(" (symbol->string name) " unix-socket) takes one path filter")))
          (else
           (sbpl-fail "(" (symbol->string name) ") takes ip, tcp, udp or unix-socket")))
    (cons name args)))

(define (remote . a) (sbpl-address 'remote a))
(define (local . a) (sbpl-address 'local a))
