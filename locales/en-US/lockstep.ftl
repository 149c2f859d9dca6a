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

## catalog

# Reading UI strings ($detail: what was found, or the parser's own words)
catalog-bad-line = not a KEY=value line; it is left out
catalog-bad-key = { $detail ->
    [none] a key is missing; the line is left out
   *[other] “{ $detail }” is not a key (a key starts with a letter or _); the line is left out
  }
catalog-unclosed-quote = the quote opened here is never closed; the line is left out
catalog-trailing-text = text after the closing quote: { $detail }; the line is left out
catalog-bad-escape = invalid escape { $detail }; the entry is left out
catalog-json-error = invalid JSON: { $detail }
catalog-json-value = { $detail }: no text (null, or not inside an object); left out
catalog-fluent-error = Fluent syntax error: { $detail } (the entry is skipped, the rest of the file is read)
catalog-no-id = { $key }: a message id needs a letter or a digit; left out
catalog-duplicate-key = { $id } is defined again (first in { $file }, line { $line }); the first is kept

# Configuration
catalog-no-sources = no UI strings configured: add a [catalog] table with sources = ["…{"{"}locale{"}"}…"] to lockstep.toml (see lockstep init)
catalog-no-locale-placeholder = { $pattern }: the pattern needs {"{"}locale{"}"}
catalog-unknown-format = { $pattern }: lockstep reads .env, .properties, .json and .ftl files
catalog-no-source-files = no file of the source locale { $locale } matches { $patterns }

# The header of a new catalogue file
catalog-file-header = UI strings ({ $locale }), built by lockstep catalog build from { $sources }.
    Strings still the same as the source locale's are left out, so that Fluent falls back to it.

# `catalog build`
catalog-missing-source = { $key } has no { $locale } value
catalog-untranslated-source = { $key } is the same as in the source locale: left out of { $file }, so that the source applies
catalog-obsolete-source = { $key } is not in the { $locale } strings
catalog-obsolete-kept = { $id } is no longer in the UI strings; kept
catalog-source-differs = { $id }: the catalogue's value is kept; the UI strings now say: { $value }
catalog-roundtrip = it formats to “{ $got }” instead of “{ $want }”
catalog-built = { $file } ({ $locale }): { $messages } messages, { $added } new; { $untranslated } untranslated left out, { $missing } missing, { $obsolete } obsolete kept
catalog-unchanged = { $file } ({ $locale }): unchanged, { $messages } messages; { $untranslated } untranslated left out, { $missing } missing, { $obsolete } obsolete kept

# `catalog check`
catalog-duplicate-id = { $id } is defined again (first on line { $line }); Fluent keeps only one
catalog-format-failed = { $id } does not format: { $reason }
catalog-missing = { $id } has no translation here ({ $file } has it)
catalog-obsolete = { $id } is not in { $file } any more
catalog-untranslated = { $id } is the same as in { $file }: translate it, or remove it so that Fluent falls back
catalog-variable-missing = { $id } does not use { $variables }, which { $file } uses
catalog-variable-unknown = { $id } uses { $variables }, which { $file } does not: the application does not pass it
catalog-html-mismatch = { $id }: HTML tags differ from { $file } ({ $source } there, { $target } here)
catalog-plural-unknown = { $id }: { $locale } has no plural category { $categories } (it has { $known })
catalog-plural-incomplete = { $id }: { $locale } also needs { $categories }, left to the default variant (it has { $known })
catalog-bidi-control = { $id }: bidirectional control { $chars } inside a placeable can reorder the text around it
catalog-no-source-file = no source file { $file } for this file
catalog-no-locale-file = { $locale } has no { $file }
catalog-check-columns = locale   files  translated  untranslated  missing  obsolete  errors  warnings  translated
catalog-summary = { $findings ->
    [one] one finding
   *[other] { $findings } findings
  } ({ $errors } errors, { $warnings } warnings, { $infos } notes) in { $files ->
    [one] one file
   *[other] { $files } files
  }

# `catalog labels`
catalog-labels-header = { $labels } labels repeated at least { $min } times (at most { $words } words) in { $pages } source pages
catalog-label = { $id }  { $text }  ×{ $count } in { $pages } pages ({ $kinds })
catalog-label-untranslated = (untranslated)
catalog-label-inconsistent = { $renderings } different translations
catalog-labels-summary = { $labels } labels; { $inconsistent } label renderings inconsistent within a locale

## report
## `lockstep report`: the static HTML report. Placeables shown as elements ($locale, $page,
## $file, $commit …) are isolated by the report itself.

report-written = { $path }: report written ({ $files } files)
report-error-lang = --lang { $lang }: not a BCP 47 language tag
report-name = lockstep report
report-nav = Where you are
report-nav-overview = Overview
report-nav-rules = Rules
report-footer = Made by lockstep { $version } from the site’s files; nothing in it is loaded from the network.

# Index
report-index-heading = Translation report
report-source-revision = Source revision { $commit } of { $date }
report-source-revision-unknown = The source revision is unknown: the site’s git history is not available.
report-locales-heading = Locales
report-locales-caption = Coverage of every locale in source words and in segments, with its release gate
report-words-heading = Source words by status
report-segments-heading = Segments by status
report-verbatim-excluded = Blocks with nothing to translate (code, names, links only) are left out of every figure: { $verbatim } verbatim blocks in all. Obsolete blocks have no source words; they are counted in segments.
report-heatmap-heading = Coverage by section
report-heatmap-caption = Share of source words translated, per folder of pages and locale
report-section-top = (top level)
report-notices-heading = Notes
report-errors-heading = Files that could not be read
report-orphans-heading = Translations without a source page
report-errors-none = Every file could be read.

# Column headers
report-col-locale = Locale
report-col-pages = Pages
report-col-coverage-words = Coverage (words)
report-col-coverage-segments = Coverage (segments)
report-col-progress = Progress
report-col-gate = Gate
report-col-total = Total
report-col-verbatim = Verbatim
report-col-section = Section
report-col-page = Page
report-col-coverage = Coverage
report-col-to-do = To do (words)
report-col-base = Base
report-col-file = File
report-col-problem = Problem
report-col-status = Status
report-col-line = Line
report-col-source = English
report-col-translation = Translation ({ $locale })

# Gates
report-gate-passed = passed
report-gate-failed = failed
report-gate-none = no gate
report-gate = { $gate }: { $actual } (limit { $limit })

# Bars
report-bar-words = Source words
report-bar-segments = Segments
report-bar-label = { $unit }: { $translated } translated, { $stale } stale, { $partial } partial, { $untranslated } untranslated, { $missing } missing

# Locale page
report-locale-heading = Pages in { $locale }
report-pages-heading = Pages
report-locale-summary = { $pages } pages, { $coverage } of the source words translated
report-locale-caption = Pages worst first by source words needing work; columns count segments
report-filter-status = Show pages with
report-filter-any = any status
report-filter-needs-work = Needs work only
report-sort = Sort by this column
report-no-file = no translation file
report-error = error
report-base-file = file
report-base-marker = stamp
report-base-git = git
report-base-none = unknown

# Page
report-page-heading = { $page } in { $locale }
report-page-files = English { $source } · translation { $translation }
report-page-base = Measured against the base { $base }
report-page-base-unknown = No base is known: nothing can be called stale, and changed markup is only a suspicion.
report-edit = Edit this translation
report-pairs-caption = English and translation, block by block
report-part = Part { $part } of { $parts }
report-part-next = Next part
report-part-previous = Previous part
report-diff = Changed in the English since it was translated:
report-diff-deleted = removed:
report-diff-inserted = added:
report-invisible = invisible character { $code }
report-findings = Findings
report-finding-line = line { $line }, column { $column }

# Rules page
report-rules-heading = Rules
report-rules-intro = Every rule has a stable id and a default level; lockstep.toml sets levels per rule and per locale.
report-rule-id = Rule
report-rule-group = Group
report-rule-summary = What it finds
report-rule-level = Default level

# Badges
report-badge-label = { $locale } translated
