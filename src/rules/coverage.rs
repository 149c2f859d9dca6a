//! The coverage rules: one per status of a pair that needs work (SPEC §2). `classify` decides
//! the statuses; these entries give them an id, a level and their documentation.

use super::{Check, Group, Rule};
use crate::check::Level;
use crate::classify::Status;

pub static UNTRANSLATED: Rule = Rule {
    id: "untranslated",
    group: Group::Coverage,
    default: Level::Warning,
    summary: "a block is still in the source language",
    detects: "A translated page's block whose prose is still English (or whatever the source language is): \
        the platform or the translator copied the source instead of translating it.",
    why: "Translation platforms fill gaps with the source text, so a page looks complete while readers meet \
        English paragraphs. Coverage figures that count such blocks as done are wrong.",
    example: ["Encryption protects your files.", "Encryption protects your files."],
    precision: None,
    check: Check::Status(Status::Untranslated),
};

pub static PARTIAL: Rule = Rule {
    id: "partial-translation",
    group: Group::Coverage,
    default: Level::Warning,
    summary: "some sentences of a block are still in the source language",
    detects: "A block in which some sentences are translated and others are still in the source language. \
        The finding quotes the first sentence left in the source language.",
    why: "A new English sentence added to a translated paragraph is usually copied into the translation as is; \
        the block then reads as translated at a glance while part of it is not.",
    example: ["Backups matter. Keep one copy offline.", "Sicherungen sind wichtig. Keep one copy offline."],
    precision: None,
    check: Check::Status(Status::Partial),
};

pub static STALE: Rule = Rule {
    id: "stale",
    group: Group::Coverage,
    default: Level::Warning,
    summary: "the source block changed since the translation was made",
    detects: "A translated block whose English changed after the revision the translation was made from \
        (the base: `--base`, a stamp, or git history). The finding carries the old → new English, word by word.",
    why: "An outdated translation gives readers advice the source no longer gives. The word diff tells the \
        translator exactly what to change.",
    example: ["Use version 2 of the app.", "Verwenden Sie Version 1 der App."],
    precision: None,
    check: Check::Status(Status::Stale),
};

pub static STALE_SUSPECTED: Rule = Rule {
    id: "stale-suspected",
    group: Group::Coverage,
    default: Level::Info,
    summary: "no base is known and link targets or code differ from the source",
    detects: "Without a base, lockstep cannot prove a block stale; when the link targets or inline code of a \
        translated block differ from the current source's, the source may have changed since.",
    why: "It points at the blocks worth a look when no history or stamp is available, without claiming \
        staleness it cannot show.",
    example: ["See [the guide](new.md).", "Siehe [die Anleitung](old.md)."],
    precision: None,
    check: Check::Suspect,
};

pub static MISSING: Rule = Rule {
    id: "missing",
    group: Group::Coverage,
    default: Level::Warning,
    summary: "a source block (or page) has no counterpart in the translation",
    detects: "A block of the English page with no counterpart in the translation, usually added to the \
        English after the translation was made; or a whole page with no translation file.",
    why: "Readers of the translation never see the new content, and nothing in the translated page says so.",
    example: ["Intro.\n\nA new section.", "Einleitung."],
    precision: None,
    check: Check::Status(Status::Missing),
};

pub static OBSOLETE: Rule = Rule {
    id: "obsolete",
    group: Group::Coverage,
    default: Level::Info,
    summary: "a translated block has no counterpart in the source any more",
    detects: "A block of the translation whose English was removed (or rewritten beyond recognition) since \
        the translation was made.",
    why: "The translation keeps telling readers what the source withdrew, such as a recommendation dropped \
        for security reasons.",
    example: ["Intro.", "Einleitung.\n\nEin entfernter Abschnitt."],
    precision: None,
    check: Check::Status(Status::Obsolete),
};
