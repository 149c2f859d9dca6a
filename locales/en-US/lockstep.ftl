# lockstep's own messages (English). Every user-facing sentence of the command line is here.

## Errors

error-prefix = error
notice-prefix = note
error-read = { $path }: cannot read: { $reason }
error-unknown-rule = no rule { $rule } (`lockstep rules` lists them)
error-binary = { $path }: binary file (it contains NUL bytes), not a page
error-utf8 = { $path }:{ $line }:{ $column }: invalid UTF-8
error-write = cannot write the output: { $reason }
hint-locale = could not tell the locale from { $path }; pass --locale (e.g. --locale he)

## Statuses, as shown to people

status-translated = translated
status-untranslated = untranslated
status-partial = partial
status-stale = stale
status-missing = missing
status-obsolete = obsolete
verbatim = verbatim

## `align`

align-header = { $source } ↔ { $translation } ({ $locale })
align-base-none = base: unknown, so nothing can be called stale (pass --base FILE)
align-base-file = base: { $revision }
align-summary = { $pairs ->
    [one] one pair
   *[other] { $pairs } pairs
  }: { $translated } translated, { $untranslated } untranslated, { $partial } partial, { $stale } stale, { $missing } missing, { $obsolete } obsolete
align-verbatim-note = Pairs marked verbatim (code, names, links only) have nothing to translate and are not counted in coverage.
error-config = { $path }: { $reason }
error-init-exists = { $path } exists already; pass --force to replace it
error-write-file = { $path }: cannot write: { $reason }
init-written = wrote { $path }

## `status` and `check`

status-header = { $root }: { $locales ->
    [one] one locale
   *[other] { $locales } locales
  }, source { $source }
status-columns = locale  dir  pages  translated  untranslated  partial  stale  missing  obsolete  coverage
status-unit-words = source words
status-unit-segments = segments
status-pages-columns = page  locale  coverage  to do (words)  untranslated  partial  stale  missing  obsolete  base
status-verbatim-note = Segments with nothing to translate (code, names, links only) are not counted. Obsolete blocks are counted in segments.
check-summary = { $findings ->
    [one] one finding
   *[other] { $findings } findings
  } ({ $errors } errors, { $warnings } warnings, { $infos } notes) in { $pages ->
    [one] one page
   *[other] { $pages } pages
  }
gate-passed = { $locale }: gate { $gate } passed ({ $actual } against { $limit })
gate-failed = { $locale }: gate { $gate } FAILED ({ $actual } against { $limit })
orphan = { $file }: { $message }
check-bases = bases of the translated pages (status --pages names each): { $bases }

## `stamp`

stamp-written = stamped { $path }
error-stamp-unknown = { $path } is not a translated page of this site (for a source page, name the locales with --locale)

## rules, explain

rules-columns = rule  group  default  detects
rules-footer = `lockstep explain RULE` prints a rule's documentation; lockstep.toml sets levels per rule and per locale.
