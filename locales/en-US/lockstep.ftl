# lockstep's own messages (English). Every sentence the command line shows is here; the code
# only names message ids. locales/he/lockstep.ftl has the same ids with the same variables.
# Placeables hold file names, locales, rule ids and numbers: they stay as they are in every
# language.

# Names that stay as they are in every language
-git = git

## The command line (clap): what `--help` shows. `cmd-…` are commands, `opt-…` their options
## and arguments (`opt-COMMAND-ARG` when one command means something else by it).

cmd-lockstep = Keeps translated documentation in step with its English source
cmd-align = Align one translated page with its source and classify every block
cmd-segments = Show how a page is cut into segments (the units of alignment)
cmd-status = Coverage per locale (and per page) of a whole site
cmd-check = Every finding of a whole site, the release gates, and an exit code for CI
cmd-stamp = Record that translations now match their source's current revision
cmd-init = Write a commented lockstep.toml for the detected layout
cmd-rules = List the rules, with their default levels
cmd-explain = Print the documentation of one rule
cmd-catalog = UI strings as a Fluent catalogue: build, check, and the labels repeated across pages
cmd-catalog-build = Convert the UI strings of [catalog] sources into one Fluent file per locale, merged into the files already there
cmd-catalog-check = Check the Fluent files of every locale against the source locale's
cmd-catalog-labels = Find the short labels repeated across pages, and how each locale renders them
cmd-report = Write a static HTML report of a whole site (self-contained: opens from file://)

opt-report-out = The folder to write the report into (created when missing; files of an earlier report are replaced)
opt-lang = The language of lockstep's messages (en-US, he); default: LC_ALL, LC_MESSAGES or LANG
opt-help = Print help
opt-version = Print version
opt-root = The site root
opt-config = The configuration file (default: ROOT/lockstep.toml when it exists)
opt-locales = Only these locales
opt-align-source = The English page
opt-align-translation = The translated page
opt-align-base = The English page the translation was made from (enables stale)
opt-align-locale = The translation's locale (BCP 47); guessed from the translation's path when absent
opt-segments-page = A Markdown page
opt-status-pages = One row per page, worst first
opt-stamp-pages = Translated pages to stamp (or source pages, with --locale)
opt-stamp-locales = With source pages: the locales whose translations to stamp
opt-stamp-front-matter = Write the stamp into the page's front matter instead of lockstep.lock
opt-init-force = Replace an existing lockstep.toml
opt-rules-format = markdown: the rule documentation as docs/rules.md holds it
opt-explain-rule = A rule id, as `lockstep rules` lists them
opt-catalog-check-ftl = A folder of Fluent files, one sub-folder per locale (DIR/<locale>/*.ftl, relative to the root); default: the [catalog] out pattern
opt-catalog-check-source-locale = The locale the others are checked against (default: source-locale of the config, or en; en finds en-US when that is the only English)
opt-catalog-labels-min-count = How many times a label must occur in the source pages (default: label-min-count, or 3)
opt-catalog-labels-max-words = The most words a label may have (default: label-max-words, or 5)

# clap's headings, in languages other than English
help-usage = Usage
help-commands = Commands
help-arguments = Arguments
help-options = Options

## Errors and notes

error-prefix = error
notice-prefix = note
error-read = { $path }: cannot read: { $reason }
error-unknown-rule = no rule { $rule } (`lockstep rules` lists them)
error-binary = { $path }:{ $line }:{ $column }: NUL byte: a binary file, not a page
error-utf8 = { $path }:{ $line }:{ $column }: invalid UTF-8
error-not-utf8 = { $path }: not UTF-8 text
# $kind: fifo, device, socket or other
error-not-regular = { $path }: { $kind ->
    [fifo] a named pipe (FIFO)
    [device] a device
    [socket] a socket
   *[other] not a regular file
  }, not a page: skipped without opening it
# $kind: fifo, device, socket or other; a file that is not a page (UI strings, a catalogue, the config, the lock file)
error-not-regular-file = { $path }: { $kind ->
    [fifo] a named pipe (FIFO)
    [device] a device
    [socket] a socket
   *[other] a special file
  }, not a regular file: not opened
error-dangling-link = { $path }: symbolic link to { $target }, which does not exist
error-link-outside = { $path }: leads out of the site through a symbolic link (to { $target }): not followed
error-write = cannot write the output: { $reason }
error-config = { $path }: { $reason }
error-init-exists = { $path } exists already; pass --force to replace it
error-write-unchanged = { $path }: cannot write: { $reason }; the file was left unchanged
error-write-not-created = { $path }: cannot write: { $reason }; nothing was created
error-write-outside = refusing to write { $path }: it is outside { $root }; nothing was written
error-write-link = refusing to write { $path }: a symbolic link leads it to { $target }, outside { $root }; nothing was written
notice-lang-unknown = lockstep's messages are not available in { $lang }; they are in { $known }
hint-locale = could not tell the locale from { $path }; pass --locale (e.g. --locale he)
init-written = wrote { $path }

## Configuration (lockstep.toml) and finding the pages

# $detail: the TOML parser's own words, with line and column
config-syntax = { $detail }
config-unknown-rule = line { $line }: unknown rule `{ $rule }` (`lockstep rules` lists them)
config-bad-glob = line { $line }: bad glob `{ $glob }` in `{ $key }`: { $detail }
site-source-root-patterns = lockstep.toml: `source-root` needs `source` and `translation` patterns
site-patterns-together = lockstep.toml: `source` and `translation` go together
site-no-translations = no translated pages found under { $root }
site-source-root-not-folder = lockstep.toml: source-root { $path } is not a folder
site-no-sources = no source pages found under { $root } (pattern `{ $pattern }`)
site-bad-glob = lockstep.toml: bad glob `{ $glob }`: { $detail }
site-unclosed-brace = lockstep.toml: unclosed `{"{"}` in `{ $pattern }`
site-unknown-placeholder = lockstep.toml: unknown placeholder `{"{"}{ $name }{"}"}` in `{ $pattern }`
site-bad-pattern = lockstep.toml: `{ $pattern }`: { $detail }
site-unreadable-folder = { $path }: cannot read this folder: { $reason }; the pages in it are not checked
site-folder-link = { $path }: symbolic link to a folder ({ $target }): not followed, so the pages below it are not checked
site-name-not-utf8 = { $path }: the file name is not UTF-8: rename the file to have it checked
site-not-a-locale = { $folder }: not a locale (a BCP 47 tag such as `he` or `pt-BR`): { $pages ->
    [one] its page is
   *[other] its { $pages } pages are
  } not checked
lock-invalid = { $path }: { $detail }

## The git history (why staleness from history is unavailable)

history-shallow = { $path }: the repository is a shallow clone; history-based staleness needs the full history: fetch it with `git fetch --unshallow`, or `fetch-depth: 0` in actions/checkout
history-git-error = { $path }: git { $command }: { $detail }
history-untracked = { $path }: no Markdown file is tracked by git (commit the pages to use their history)
history-untracked-below = { $path }: no Markdown file below { $folders } is tracked by git (commit the pages to use their history)
history-no-work-tree = { $path }: the git repository has no work tree
history-not-blob-id = `{ $id }` is not a blob id
history-cat-file-stopped = { $path }: git cat-file stopped before blob { $id }
history-unexpected-answer = git cat-file: unexpected answer `{ $answer }`
history-unexpected-answer-blob = git cat-file: unexpected answer `{ $answer }` for blob { $id }
history-blob = blob { $id }
history-blob-of = blob { $id } of { $path } (version of { $date })
history-blob-binary = { $blob }: binary contents (NUL bytes), not a page
history-blob-utf8 = { $blob }: invalid UTF-8 at line { $line }, column { $column }
history-blob-missing = { $blob }: not found in the repository at { $root }
history-blob-ambiguous = blob id { $id } is ambiguous: give more hex digits
history-not-a-blob = { $id } is a { $kind }, not a blob
history-no-git = git is not installed (no `git` command found): history-based staleness needs it
history-cannot-run = cannot run git: { $detail }
history-not-a-repository = { $path }: not a git repository (history-based staleness needs the pages' git history)
history-no-commits = { $path }: the git repository has no commits yet
history-no-folder = { $path }: no such folder
history-failed = { $path }: git { $command } failed: { $detail }
history-no-message = no message

## Statuses, levels and bases, as shown to people

status-translated = translated
status-untranslated = untranslated
status-partial = partial
status-stale = stale
status-missing = missing
status-obsolete = obsolete
verbatim = verbatim
level-error = error
level-warning = warning
level-info = info
base-kind-file = file
base-kind-marker = marker
base-kind-git = { -git }
base-kind-none = none

## Table columns

col-locale = locale
col-dir = dir
col-pages = pages
col-files = files
col-page = page
col-translated = translated
col-untranslated = untranslated
col-partial = partial
col-stale = stale
col-missing = missing
col-obsolete = obsolete
col-coverage = coverage
col-to-do = to do (words)
col-base = base
col-errors = errors
col-warnings = warnings
col-gates = gates
col-rule = rule
col-group = group
col-default = default
col-detects = detects

## `align` and `segments`

align-header = { $source } ↔ { $translation } ({ $locale })
align-base-none = base: unknown, so nothing can be called stale (pass --base FILE)
align-base-file = base: { $revision }
align-summary = { $pairs ->
    [one] one pair
   *[other] { $pairs } pairs
  }: { $translated } translated, { $untranslated } untranslated, { $partial } partial, { $stale } stale, { $missing } missing, { $obsolete } obsolete
align-verbatim-note = Pairs marked verbatim (code, names, links only) have nothing to translate and are not counted in coverage.
progress-pages = pages

## Findings of the coverage rules (the markup and script rules word their own)

finding-untranslated = still in the source language (source line { $line })
finding-partial = partly translated: some sentences are still in the source language (source line { $line })
finding-partial-sentence = partly translated: “{ $sentence }” is still in the source language (source line { $line })
finding-stale = the source changed since this was translated (source line { $line })
finding-stale-suspected = link targets or code differ from the source (source line { $line }): the source may have changed since this was translated; without a base lockstep cannot tell
finding-missing-block = not translated into { $locale }: no counterpart in { $file }
finding-missing-page = no { $locale } translation of this page ({ $file })
finding-obsolete = the source no longer has this block
orphan-message = { $locale } translation with no source page
notice-no-translation = no { $locale } translation found: every page counts as missing for { $locale }
notice-staleness-unavailable = staleness is unavailable: { $reason }
notice-empty-translation = { $path }: empty page: every block of { $source } counts as missing
notice-empty-source = { $path }: empty source page: nothing to translate
notice-source-untracked = { $count ->
    [one] { $path } is not committed to git, so no base of its translations can come from the history (commit it, or record their bases with `lockstep stamp`)
   *[other] { $count } source pages ({ $path } first) are not committed to git, so no base of their translations can come from the history (commit them, or record the bases with `lockstep stamp`)
  }

## `status` and `check`

status-header = { $root }: { $locales ->
    [one] one locale
   *[other] { $locales } locales
  }, source { $source }
status-unit-words = source words
status-unit-segments = segments
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
# The failed gate in SARIF, JUnit and GitHub annotations
gate-not-met = { $locale }: { $gate } { $limit } not met (actual { $actual })
orphan = { $file }: { $message }
check-bases = bases of the translated pages (status --pages names each): { $bases }

## `check --format markdown` and `status --format markdown`

md-check-passed = lockstep check: ✅ passed
md-check-failed = lockstep check: ❌ failed
md-failed-gates = Failed gates
md-gate-limit = { $limit } (actual { $actual })
md-pages-heading = Pages that need most work
md-stale-heading = What changed in the source
md-more-stale = …and { $count ->
    [one] one more stale block
   *[other] { $count } more stale blocks
  }.
md-counts-note = Counts are source words. Blocks with nothing to translate (code, names, links only) are not counted.
md-summary = { $findings ->
    [one] One finding
   *[other] { $findings } findings
  }: { $errors } errors, { $warnings } warnings, { $infos } notes.

## SARIF descriptors and GitHub annotation titles of what is not a rule

sarif-rule-other = Finding of rule { $rule }
sarif-rule-orphan = A translated page with no source page
sarif-rule-gate = A release gate of a locale is not met
github-title-orphan = orphan
github-title-error = lockstep error
github-title-gate = lockstep gate

## `stamp`

stamp-written = stamped { $path }
error-stamp-unknown = { $path } is not a translated page of this site (for a source page, name the locales with --locale)

## `rules` and `explain`

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

# The header of a new catalogue file (always written in English: the file belongs to the site)
catalog-file-header = UI strings ({ $locale }), built by lockstep catalog build from { $sources }.
    Strings still the same as the source locale's are left out, so that Fluent falls back to it.

# `catalog build`
catalog-missing-source = { $key } has no { $locale } value
catalog-untranslated-source = { $key } is the same as in the source locale: left out of { $file }, so that the source applies
catalog-obsolete-source = { $key } is not in the { $locale } strings
catalog-obsolete-kept = { $id } is no longer in the UI strings; kept
catalog-source-differs = { $id }: the catalogue's value is kept; the UI strings now say: { $value }
catalog-roundtrip = it formats to “{ $got }” instead of “{ $want }”
catalog-no-value = no value
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
