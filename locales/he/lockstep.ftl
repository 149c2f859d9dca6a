# ההודעות של lockstep בעברית. המזהים והמשתנים זהים לאלה של locales/en-US/lockstep.ftl.
# שמות קבצים, שפות, מזהי כללים ומספרים נשארים כמות שהם; lockstep עוטף כל אחד מהם בתווי
# הבידוד FSI ו־PDI, כדי ששם קובץ באנגלית או מספר לא יחליפו מקום עם המילים שסביבם.
#
# ריבוי: lockstep מפעיל את כללי הריבוי של CLDR 37 (דרך intl_pluralrules), ושם לעברית יש גם
# קטגוריה many (20, 30, …, 100, …), שמ־CLDR 42 היא חלק מ־other. הווריאנט [many] חוזר על
# [other], כך שהטקסט נכון לפי שתי הגרסאות.

# שמות שאינם מתורגמים
-git = git

## שורת הפקודה (clap): מה ש־--help מציג. cmd-… הן פקודות, opt-… האפשרויות והארגומנטים שלהן.

cmd-lockstep = שומר על תיעוד מתורגם מעודכן מול המקור האנגלי שלו
cmd-align = מיישר דף מתורגם אחד מול המקור שלו ומסווג כל קטע
cmd-segments = מראה איך דף מחולק למקטעים (יחידות היישור)
cmd-status = כיסוי התרגום לכל שפה (ולכל דף) באתר שלם
cmd-check = כל הממצאים באתר שלם, תנאי השחרור וקוד יציאה ל־CI
cmd-stamp = מתעד שהתרגומים תואמים עכשיו את הגרסה הנוכחית של המקור
cmd-init = כותב lockstep.toml עם הערות, לפי מבנה האתר שזוהה
cmd-rules = מציג את הכללים ואת רמות ברירת המחדל שלהם
cmd-explain = מציג את התיעוד של כלל אחד
cmd-catalog = מחרוזות ממשק כקטלוג Fluent: בנייה, בדיקה, והתוויות שחוזרות בדפים
cmd-catalog-build = ממיר את מחרוזות הממשק של מקורות [catalog] לקובץ Fluent אחד לכל שפה, וממזג אותן לקבצים הקיימים
cmd-catalog-check = בודק את קובצי ה־Fluent של כל שפה מול אלה של שפת המקור
cmd-catalog-labels = מוצא את התוויות הקצרות שחוזרות בדפים, ואיך כל שפה מתרגמת אותן
cmd-report = כותב דוח HTML סטטי של אתר שלם (עצמאי: נפתח גם מ־file://)

opt-report-out = התיקייה שאליה נכתב הדוח (נוצרת אם אינה קיימת; קבצים של דוח קודם מוחלפים)
opt-lang = שפת ההודעות של lockstep (en-US, he); ברירת המחדל: LC_ALL, LC_MESSAGES או LANG
opt-help = הצגת העזרה
opt-version = הצגת הגרסה
opt-root = תיקיית השורש של האתר
opt-config = קובץ התצורה (ברירת המחדל: ROOT/lockstep.toml אם הוא קיים)
opt-locales = רק השפות האלה
opt-align-source = הדף האנגלי
opt-align-translation = הדף המתורגם
opt-align-base = הדף האנגלי שממנו נעשה התרגום (מאפשר לזהות קטעים לא עדכניים)
opt-align-locale = שפת התרגום (BCP 47); אם אינה נתונה, היא נלמדת מהנתיב של התרגום
opt-segments-page = דף Markdown
opt-status-pages = שורה לכל דף, הגרועים ביותר קודם
opt-stamp-pages = דפים מתורגמים להחתמה (או דפי מקור, עם --locale)
opt-stamp-locales = עם דפי מקור: השפות שאת התרגומים שלהן יש להחתים
opt-stamp-front-matter = כתיבת החותמת בכותרת הקדמית (front matter) של הדף במקום ב־lockstep.lock
opt-init-force = החלפת lockstep.toml קיים
opt-rules-format = markdown: תיעוד הכללים כפי שהוא מופיע ב־docs/rules.md
opt-explain-rule = מזהה של כלל, כפי ש־`lockstep rules` מציג אותו
opt-catalog-check-ftl = תיקייה של קובצי Fluent, תת־תיקייה לכל שפה (DIR/<locale>/*.ftl, יחסית לשורש); ברירת המחדל: התבנית out של [catalog]
opt-catalog-check-source-locale = השפה שמולה נבדקות השאר (ברירת המחדל: source-locale שבתצורה, או en; en מוצאת את en-US כשזו האנגלית היחידה)
opt-catalog-labels-min-count = כמה פעמים תווית צריכה להופיע בדפי המקור (ברירת המחדל: label-min-count, או 3)
opt-catalog-labels-max-words = המספר המרבי של מילים בתווית (ברירת המחדל: label-max-words, או 5)

# הכותרות של clap
help-usage = שימוש
help-commands = פקודות
help-arguments = ארגומנטים
help-options = אפשרויות

## שגיאות והערות

error-prefix = שגיאה
notice-prefix = הערה
error-read = { $path }: אי אפשר לקרוא: { $reason }
error-unknown-rule = אין כלל בשם { $rule } (`lockstep rules` מציג את הכללים)
error-binary = { $path }:{ $line }:{ $column }: בית NUL: קובץ בינרי, לא דף
error-utf8 = { $path }: UTF-8 לא תקין בשורה { $line }, עמודה { $column }
error-not-utf8 = { $path }: אינו טקסט UTF-8
# $kind: fifo, device, socket או other
error-not-regular = { $path }: { $kind ->
    [fifo] צינור בעל שם (FIFO)
    [device] התקן
    [socket] שקע (socket)
   *[other] אינו קובץ רגיל
  }, לא דף: דולג בלי לפתוח אותו
error-not-regular-file = { $path }: { $kind ->
    [fifo] צינור בעל שם (FIFO)
    [device] התקן
    [socket] שקע (socket)
   *[other] קובץ מיוחד
  }, לא קובץ רגיל: לא נפתח
error-dangling-link = { $path }: קישור סמלי אל { $target }, שאינו קיים
error-link-outside = { $path }: מוביל אל מחוץ לאתר דרך קישור סמלי (אל { $target }): לא נקרא
error-write = אי אפשר לכתוב את הפלט: { $reason }
error-config = { $path }: { $reason }
error-init-exists = { $path } כבר קיים; כדי להחליף אותו יש להוסיף --force
error-write-unchanged = { $path }: אי אפשר לכתוב: { $reason }; הקובץ נשאר ללא שינוי
error-write-not-created = { $path }: אי אפשר לכתוב: { $reason }; שום קובץ לא נוצר
error-write-outside = הכתיבה אל { $path } נדחתה: הנתיב מחוץ לתיקייה { $root }; לא נכתב דבר
error-write-link = הכתיבה אל { $path } נדחתה: קישור סמלי מוביל אותו אל { $target }, מחוץ לתיקייה { $root }; לא נכתב דבר
notice-lang-unknown = ההודעות של lockstep אינן זמינות ב־{ $lang }; הן זמינות ב־{ $known }
hint-locale = לא ניתן לזהות את השפה מתוך { $path }; יש לציין --locale (למשל --locale he)
init-written = נכתב { $path }

## תצורה (lockstep.toml) ואיתור הדפים

# $detail: דברי מפענח ה־TOML עצמו, עם שורה ועמודה
config-syntax = קובץ התצורה אינו תקין: { $detail }
config-unknown-rule = שורה { $line }: כלל לא מוכר `{ $rule }` (`lockstep rules` מציג את הכללים)
config-bad-glob = שורה { $line }: תבנית glob שגויה `{ $glob }` ב־`{ $key }`: { $detail }
site-source-root-patterns = lockstep.toml: `source-root` דורש את התבניות `source` ו־`translation`
site-patterns-together = lockstep.toml: `source` ו־`translation` באים יחד
site-no-translations = לא נמצאו דפים מתורגמים תחת { $root }
site-source-root-not-folder = lockstep.toml: source-root { $path } אינו תיקייה
site-no-sources = לא נמצאו דפי מקור תחת { $root } (תבנית `{ $pattern }`)
site-bad-glob = lockstep.toml: תבנית glob שגויה `{ $glob }`: { $detail }
site-unclosed-brace = lockstep.toml: `{"{"}` שלא נסגר ב־`{ $pattern }`
site-unknown-placeholder = lockstep.toml: ממלא מקום לא מוכר `{"{"}{ $name }{"}"}` ב־`{ $pattern }`
site-bad-pattern = lockstep.toml: התבנית `{ $pattern }` שגויה: { $detail }
site-unreadable-folder = { $path }: אי אפשר לקרוא את התיקייה: { $reason }; הדפים שבה אינם נבדקים
site-folder-link = { $path }: קישור סמלי לתיקייה ({ $target }): lockstep אינו עובר דרכו, ולכן הדפים שמתחתיו אינם נבדקים
site-name-not-utf8 = { $path }: שם הקובץ אינו UTF-8: יש לשנות את שמו כדי שייבדק
site-not-a-locale = { $folder }: שם התיקייה אינו שפה (תג BCP 47 כמו `he` או `pt-BR`): { $pages ->
    [one] הדף שבה אינו נבדק
    [two] שני הדפים שבה אינם נבדקים
    [many] { $pages } הדפים שבה אינם נבדקים
   *[other] { $pages } הדפים שבה אינם נבדקים
  }
lock-invalid = { $path }: קובץ החותמות אינו תקין: { $detail }

## היסטוריית git (למה אי אפשר לזהות קטעים לא עדכניים מתוך ההיסטוריה)

history-shallow = { $path }: המאגר הוא שכפול רדוד; זיהוי קטעים לא עדכניים מתוך ההיסטוריה צריך את ההיסטוריה המלאה: אפשר להביא אותה עם `git fetch --unshallow`, או עם `fetch-depth: 0` ב־actions/checkout
history-git-error = { $path }: שגיאה ב־git { $command }: { $detail }
history-untracked = { $path }: אף קובץ Markdown אינו במעקב של git (יש לבצע commit לדפים כדי להשתמש בהיסטוריה שלהם)
history-untracked-below = { $path }: אף קובץ Markdown תחת { $folders } אינו במעקב של git (יש לבצע commit לדפים כדי להשתמש בהיסטוריה שלהם)
history-no-work-tree = { $path }: למאגר ה־git אין עץ עבודה
history-not-blob-id = `{ $id }` אינו מזהה של blob
history-cat-file-stopped = { $path }: git cat-file נעצר לפני ה־blob { $id }
history-unexpected-answer = git cat-file: תשובה לא צפויה `{ $answer }`
history-unexpected-answer-blob = git cat-file: תשובה לא צפויה `{ $answer }` עבור ה־blob { $id }
history-blob = ה־blob { $id }
history-blob-of = ה־blob { $id } של { $path } (הגרסה מ־{ $date })
history-blob-binary = { $blob }: תוכן בינרי (בתים NUL), לא דף
history-blob-utf8 = { $blob }: UTF-8 לא תקין בשורה { $line }, עמודה { $column }
history-blob-missing = { $blob }: לא נמצא במאגר שב־{ $root }
history-blob-ambiguous = מזהה ה־blob { $id } אינו חד־משמעי: יש לתת יותר ספרות הקסדצימליות
history-not-a-blob = { $id } הוא { $kind }, לא blob
history-no-git = git אינו מותקן (לא נמצאה הפקודה `git`): זיהוי קטעים לא עדכניים מתוך ההיסטוריה זקוק לו
history-cannot-run = אי אפשר להריץ את git: { $detail }
history-not-a-repository = { $path }: אינו מאגר git (זיהוי קטעים לא עדכניים מתוך ההיסטוריה זקוק להיסטוריית ה־git של הדפים)
history-no-commits = { $path }: במאגר ה־git אין עדיין אף commit
history-no-folder = { $path }: אין תיקייה כזו
history-failed = { $path }: git { $command } נכשל: { $detail }
history-no-message = אין הודעה

## מצבים, רמות ובסיסים, כפי שהם מוצגים לאנשים

status-translated = מתורגם
status-untranslated = לא מתורגם
status-partial = חלקי
status-stale = לא עדכני
status-missing = חסר
status-obsolete = מיותר
verbatim = כלשונו
level-error = שגיאה
level-warning = אזהרה
level-info = מידע
base-kind-file = קובץ
base-kind-marker = סימון
base-kind-git = { -git }
base-kind-none = אין

## עמודות בטבלאות

col-locale = שפה
col-dir = כיוון
col-pages = דפים
col-files = קבצים
col-page = דף
col-translated = מתורגם
col-untranslated = לא מתורגם
col-partial = חלקי
col-stale = לא עדכני
col-missing = חסר
col-obsolete = מיותר
col-coverage = כיסוי
col-to-do = לעבודה (מילים)
col-base = בסיס
col-errors = שגיאות
col-warnings = אזהרות
col-gates = תנאים
col-rule = כלל
col-group = קבוצה
col-default = ברירת מחדל
col-detects = מזהה

## `align` ו־`segments`

align-header = { $source } ↔ { $translation } (שפה: { $locale })
align-base-none = בסיס: לא ידוע, ולכן שום קטע לא יסומן כלא עדכני (אפשר לציין --base FILE)
align-base-file = בסיס: { $revision }
align-summary = { $pairs ->
    [one] זוג אחד
    [two] שני זוגות
    [many] { $pairs } זוגות
   *[other] { $pairs } זוגות
  }: מתורגמים: { $translated }, לא מתורגמים: { $untranslated }, חלקיים: { $partial }, לא עדכניים: { $stale }, חסרים: { $missing }, מיותרים: { $obsolete }
align-verbatim-note = זוגות שמסומנים „כלשונו” (קוד, שמות או קישורים בלבד) אין בהם מה לתרגם, והם אינם נספרים בכיסוי.
progress-pages = דפים

## ממצאים של כללי הכיסוי (כללי התחביר והכתב מנסחים את הממצאים שלהם בעצמם)

finding-untranslated = עדיין בשפת המקור (שורה { $line } במקור)
finding-partial = מתורגם בחלקו: חלק מהמשפטים עדיין בשפת המקור (שורה { $line } במקור)
finding-partial-sentence = מתורגם בחלקו: „{ $sentence }” עדיין בשפת המקור (שורה { $line } במקור)
finding-stale = המקור השתנה מאז שהקטע תורגם (שורה { $line } במקור)
finding-stale-suspected = יעדי קישורים או קוד שונים מאלה שבמקור (שורה { $line } במקור): ייתכן שהמקור השתנה מאז שהקטע תורגם; בלי בסיס lockstep לא יכול לדעת
finding-missing-block = לא תורגם ל־{ $locale }: אין לו מקבילה ב־{ $file }
finding-missing-page = אין תרגום ל־{ $locale } של הדף הזה ({ $file })
finding-obsolete = הקטע הזה כבר אינו במקור
orphan-message = תרגום ל־{ $locale } שאין לו דף מקור
notice-no-translation = לא נמצא אף תרגום ל־{ $locale }: כל הדפים נספרים כחסרים ב־{ $locale }
notice-staleness-unavailable = אי אפשר לזהות קטעים לא עדכניים: { $reason }
notice-empty-translation = { $path }: דף ריק: כל הקטעים של { $source } נספרים כחסרים
notice-empty-source = { $path }: דף מקור ריק: אין בו מה לתרגם
notice-source-untracked = { $count ->
    [one] לא בוצע commit ב־git לדף { $path }, ולכן הבסיס של התרגומים שלו אינו יכול לבוא מההיסטוריה (יש לבצע לו commit, או לרשום את הבסיסים עם `lockstep stamp`)
    [two] לא בוצע commit ב־git לשני דפי מקור (הראשון: { $path }), ולכן הבסיס של התרגומים שלהם אינו יכול לבוא מההיסטוריה (יש לבצע להם commit, או לרשום את הבסיסים עם `lockstep stamp`)
    [many] לא בוצע commit ב־git ל־{ $count } דפי מקור (הראשון: { $path }), ולכן הבסיס של התרגומים שלהם אינו יכול לבוא מההיסטוריה (יש לבצע להם commit, או לרשום את הבסיסים עם `lockstep stamp`)
   *[other] לא בוצע commit ב־git ל־{ $count } דפי מקור (הראשון: { $path }), ולכן הבסיס של התרגומים שלהם אינו יכול לבוא מההיסטוריה (יש לבצע להם commit, או לרשום את הבסיסים עם `lockstep stamp`)
  }

## `status` ו־`check`

status-header = { $root }: { $locales ->
    [one] שפה אחת
    [two] שתי שפות
    [many] { $locales } שפות
   *[other] { $locales } שפות
  }, שפת המקור: { $source }
status-unit-words = מילים במקור
status-unit-segments = מקטעים
status-verbatim-note = מקטעים שאין בהם מה לתרגם (קוד, שמות או קישורים בלבד) אינם נספרים. קטעים מיותרים נספרים במקטעים.
check-summary = { $findings ->
    [one] ממצא אחד
    [two] שני ממצאים
    [many] { $findings } ממצאים
   *[other] { $findings } ממצאים
  } (שגיאות: { $errors }, אזהרות: { $warnings }, הערות: { $infos }) { $pages ->
    [one] בדף אחד
    [two] בשני דפים
    [many] ב־{ $pages } דפים
   *[other] ב־{ $pages } דפים
  }
gate-passed = { $locale }: התנאי { $gate } מתקיים ({ $actual } מול { $limit })
gate-failed = { $locale }: התנאי { $gate } נכשל ({ $actual } מול { $limit })
# התנאי שנכשל ב־SARIF, ב־JUnit ובהערות של GitHub
gate-not-met = { $locale }: התנאי { $gate } { $limit } אינו מתקיים (בפועל { $actual })
orphan = { $file }: { $message }
check-bases = הבסיסים של הדפים המתורגמים (status --pages מציג את הבסיס של כל דף): { $bases }

## `check --format markdown` ו־`status --format markdown`

md-check-passed = בדיקת lockstep: ✅ עברה
md-check-failed = בדיקת lockstep: ❌ נכשלה
md-failed-gates = תנאים שנכשלו
md-gate-limit = { $limit } (בפועל { $actual })
md-pages-heading = הדפים שדורשים הכי הרבה עבודה
md-stale-heading = מה השתנה במקור
md-more-stale = …{ $count ->
    [one] ועוד קטע אחד לא עדכני
    [two] ועוד שני קטעים לא עדכניים
    [many] ועוד { $count } קטעים לא עדכניים
   *[other] ועוד { $count } קטעים לא עדכניים
  }.
md-counts-note = הספירה היא במילים של המקור. קטעים שאין בהם מה לתרגם (קוד, שמות או קישורים בלבד) אינם נספרים.
md-summary = { $findings ->
    [one] ממצא אחד
    [two] שני ממצאים
    [many] { $findings } ממצאים
   *[other] { $findings } ממצאים
  }: שגיאות: { $errors }, אזהרות: { $warnings }, הערות: { $infos }.

## תיאורים ב־SARIF וכותרות הערות ב־GitHub למה שאינו כלל

sarif-rule-other = ממצא של הכלל { $rule }
sarif-rule-orphan = דף מתורגם שאין לו דף מקור
sarif-rule-gate = תנאי שחרור של שפה אינו מתקיים
github-title-orphan = יתום
github-title-error = שגיאת lockstep
github-title-gate = תנאי של lockstep

## `stamp`

stamp-written = הוחתם { $path }
error-stamp-unknown = { $path } אינו דף מתורגם של האתר הזה (לדף מקור, יש לציין את השפות עם --locale)

## `rules` ו־`explain`

rules-footer = `lockstep explain RULE` מציג את התיעוד של כלל; ב־lockstep.toml קובעים רמות לכל כלל ולכל שפה.

## catalog

# קריאת מחרוזות ממשק ($detail: מה שנמצא, או דברי המפענח עצמו)
catalog-bad-line = זו אינה שורה מהצורה KEY=value; היא מושמטת
catalog-bad-key = { $detail ->
    [none] חסר מפתח; השורה מושמטת
   *[other] „{ $detail }” אינו מפתח (מפתח מתחיל באות או ב־_); השורה מושמטת
  }
catalog-unclosed-quote = המירכאה שנפתחת כאן לא נסגרת; השורה מושמטת
catalog-trailing-text = טקסט אחרי המירכאה הסוגרת: { $detail }; השורה מושמטת
catalog-bad-escape = רצף escape לא תקין { $detail }; הרשומה מושמטת
catalog-json-error = JSON לא תקין: { $detail }
catalog-json-value = { $detail }: אין טקסט (null, או לא בתוך אובייקט); מושמט
catalog-fluent-error = שגיאת תחביר של Fluent: { $detail } (הרשומה מדולגת, ושאר הקובץ נקרא)
catalog-no-id = { $key }: מזהה של הודעה צריך לפחות אות או ספרה אחת; מושמט
catalog-duplicate-key = { $id } מוגדר שוב (לראשונה ב־{ $file }, שורה { $line }); ההגדרה הראשונה נשמרת

# תצורה
catalog-no-sources = לא הוגדרו מחרוזות ממשק: יש להוסיף ל־lockstep.toml טבלת [catalog] עם sources = ["…{"{"}locale{"}"}…"] (ראו lockstep init)
catalog-no-locale-placeholder = { $pattern }: התבנית צריכה את {"{"}locale{"}"}
catalog-unknown-format = { $pattern }: lockstep קורא קובצי .env, .properties, .json ו־.ftl
catalog-no-source-files = אף קובץ של שפת המקור { $locale } אינו מתאים ל־{ $patterns }

# הכותרת של קובץ קטלוג חדש (נכתבת תמיד באנגלית: הקובץ שייך לאתר)
catalog-file-header = מחרוזות ממשק ({ $locale }), נבנו בעזרת lockstep catalog build מתוך { $sources }.
    מחרוזות שעדיין זהות לאלה של שפת המקור מושמטות, כדי ש־Fluent ישתמש בשפת המקור במקומן.

# `catalog build`
catalog-missing-source = ל־{ $key } אין ערך ב־{ $locale }
catalog-untranslated-source = { $key } זהה לשפת המקור: הושמט מ־{ $file }, כדי שהמקור יחול
catalog-obsolete-source = { $key } אינו במחרוזות של { $locale }
catalog-obsolete-kept = { $id } כבר אינו במחרוזות הממשק; נשמר
catalog-source-differs = { $id }: הערך שבקטלוג נשמר; במחרוזות הממשק כתוב עכשיו: { $value }
catalog-roundtrip = התוצאה היא „{ $got }” במקום „{ $want }”
catalog-no-value = אין ערך
catalog-built = { $file } ({ $locale }): הודעות: { $messages }, חדשות: { $added }; לא מתורגמות שהושמטו: { $untranslated }, חסרות: { $missing }, מיותרות שנשמרו: { $obsolete }
catalog-unchanged = { $file } ({ $locale }): ללא שינוי, הודעות: { $messages }; לא מתורגמות שהושמטו: { $untranslated }, חסרות: { $missing }, מיותרות שנשמרו: { $obsolete }

# `catalog check`
catalog-duplicate-id = { $id } מוגדר שוב (לראשונה בשורה { $line }); Fluent שומר רק הגדרה אחת
catalog-format-failed = אי אפשר לעצב את { $id }: { $reason }
catalog-missing = ל־{ $id } אין כאן תרגום (הוא קיים ב־{ $file })
catalog-obsolete = { $id } כבר אינו ב־{ $file }
catalog-untranslated = { $id } זהה לזה שב־{ $file }: יש לתרגם אותו, או להסיר אותו כדי ש־Fluent ישתמש במקור
catalog-variable-missing = { $id } אינו משתמש ב־{ $variables }, ש־{ $file } משתמש בו
catalog-variable-unknown = { $id } משתמש ב־{ $variables }, ש־{ $file } אינו משתמש בו: היישום אינו מעביר אותו
catalog-html-mismatch = { $id }: תגי ה־HTML שונים מאלה שב־{ $file } ({ $source } שם, { $target } כאן)
catalog-plural-unknown = { $id }: ל־{ $locale } אין קטגוריית ריבוי { $categories } (יש לה { $known })
catalog-plural-incomplete = { $id }: { $locale } צריכה גם את { $categories }, שנשארו לווריאנט ברירת המחדל (יש לה { $known })
catalog-bidi-control = { $id }: תו בקרה דו־כיווני { $chars } בתוך placeable יכול לשנות את סדר הטקסט שסביבו
catalog-no-source-file = אין קובץ מקור { $file } לקובץ הזה
catalog-no-locale-file = ל־{ $locale } אין { $file }
catalog-summary = { $findings ->
    [one] ממצא אחד
    [two] שני ממצאים
    [many] { $findings } ממצאים
   *[other] { $findings } ממצאים
  } (שגיאות: { $errors }, אזהרות: { $warnings }, הערות: { $infos }) { $files ->
    [one] בקובץ אחד
    [two] בשני קבצים
    [many] ב־{ $files } קבצים
   *[other] ב־{ $files } קבצים
  }

# `catalog labels`
catalog-labels-header = תוויות שחוזרות לפחות { $min } פעמים (עד { $words } מילים) ב־{ $pages } דפי מקור: { $labels }
catalog-label = { $id }  { $text }  ×{ $count } ב־{ $pages } דפים ({ $kinds })
catalog-label-untranslated = (לא מתורגם)
catalog-label-inconsistent = תרגומים שונים: { $renderings }
catalog-labels-summary = תוויות: { $labels }; תרגומים לא עקביים של תווית בתוך שפה: { $inconsistent }

## report
## `lockstep report`: דוח ה־HTML הסטטי. הדוח עצמו מבודד את הממלאים שמוצגים כרכיבים ($locale, $page,
## $file, $commit …).

report-written = { $path }: הדוח נכתב (קבצים: { $files })
report-name = דוח lockstep
report-nav = המיקום הנוכחי
report-nav-overview = סקירה כללית
report-nav-rules = כללים
report-footer = נוצר על ידי lockstep { $version } מתוך קובצי האתר; שום דבר בו אינו נטען מהרשת.

# דף הפתיחה
report-index-heading = דוח תרגום
report-source-revision = גרסת המקור { $commit } מ־{ $date }
report-source-revision-unknown = גרסת המקור אינה ידועה: היסטוריית ה־git של האתר אינה זמינה.
report-locales-heading = שפות
report-locales-caption = הכיסוי של כל שפה במילים במקור ובמקטעים, עם תנאי השחרור שלה
report-words-heading = מילים במקור לפי מצב
report-segments-heading = מקטעים לפי מצב
report-verbatim-excluded = קטעים שאין בהם מה לתרגם (קוד, שמות או קישורים בלבד) אינם נכללים באף אחד מהנתונים; קטעים כלשונם בסך הכול: { $verbatim }. לקטעים מיותרים אין מילים במקור; הם נספרים במקטעים.
report-heatmap-heading = כיסוי לפי מדור
report-heatmap-caption = שיעור המילים במקור שתורגמו, לכל תיקיית דפים ולכל שפה
report-section-top = (הרמה העליונה)
report-notices-heading = הערות
report-errors-heading = קבצים שאי אפשר היה לקרוא
report-orphans-heading = תרגומים שאין להם דף מקור

# כותרות העמודות
report-col-locale = שפה
report-col-pages = דפים
report-col-coverage-words = כיסוי (מילים)
report-col-coverage-segments = כיסוי (מקטעים)
report-col-progress = התקדמות
report-col-gate = תנאי
report-col-total = סך הכול
report-col-verbatim = כלשונו
report-col-section = מדור
report-col-page = דף
report-col-coverage = כיסוי
report-col-to-do = לעבודה (מילים)
report-col-base = בסיס
report-col-file = קובץ
report-col-problem = בעיה
report-col-status = מצב
report-col-line = שורה
report-col-source = אנגלית
report-col-translation = תרגום ({ $locale })

# תנאי שחרור
report-gate-passed = מתקיים
report-gate-failed = נכשל
report-gate-none = אין תנאי
report-gate = { $gate }: { $actual } (גבול: { $limit })

# פסי התקדמות
report-bar-words = מילים במקור
report-bar-segments = מקטעים
report-bar-label = { $unit }: מתורגמים: { $translated }, לא עדכניים: { $stale }, חלקיים: { $partial }, לא מתורגמים: { $untranslated }, חסרים: { $missing }

# הדף של שפה
report-locale-heading = דפים ב־{ $locale }
report-pages-heading = דפים
report-locale-summary = דפים: { $pages }; { $coverage } מהמילים במקור מתורגמות
report-locale-caption = הדפים, הגרועים ביותר קודם לפי המילים במקור שדורשות עבודה; העמודות סופרות מקטעים
report-filter-status = הצגת דפים עם
report-filter-any = כל מצב
report-filter-needs-work = רק מה שדורש עבודה
report-sort = מיון לפי העמודה הזו
report-no-file = אין קובץ תרגום
report-error = שגיאה
report-base-file = קובץ
report-base-marker = חותמת
report-base-git = { -git }
report-base-none = לא ידוע

# הדף של דף מתורגם
report-page-heading = { $page } ב־{ $locale }
report-page-files = אנגלית: { $source } · תרגום: { $translation }
report-page-base = נמדד מול הבסיס { $base }
report-page-base-unknown = אין בסיס ידוע: אי אפשר לסמן שום קטע כלא עדכני, ושינויים בקישורים או בקוד הם רק חשד.
report-edit = עריכת התרגום הזה
report-pairs-caption = האנגלית והתרגום, קטע מול קטע
report-part = חלק { $part } מתוך { $parts }
report-part-next = החלק הבא
report-part-previous = החלק הקודם
report-diff = מה השתנה באנגלית מאז שהקטע תורגם:
report-diff-deleted = הוסר:
report-diff-inserted = נוסף:
report-finding-line = שורה { $line }, עמודה { $column }

# דף הכללים
report-rules-heading = כללים
report-rules-intro = לכל כלל יש מזהה קבוע ורמת ברירת מחדל; ב־lockstep.toml קובעים רמות לכל כלל ולכל שפה.
report-rule-id = כלל
report-rule-group = קבוצה
report-rule-summary = מה הוא מוצא
report-rule-level = רמת ברירת המחדל

# תגים (badges)
report-badge-label = מתורגם ל־{ $locale }

