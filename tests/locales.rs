//! One short page translated into 24 languages of a large documentation site, in the Latin,
//! Cyrillic, Greek, Arabic (Persian, right to left), Devanagari, Bengali, Thai, Han, kana and
//! Hangul scripts. A faithful translation is translated block for block in every one; the same
//! translation that kept an older English sentence in its paragraph is partial; against its
//! base, an English page that has since gained, rewritten and lost blocks gives missing, stale
//! and obsolete. Among what they exercise: Korean writes "two-factor" with a digit, Chinese and
//! Japanese have no spaces between words, Thai marks no end of sentence, Catalan needs its code
//! mapped for the language identifier, and Kurdish is unknown to it.

use lockstep::align_pages;

const EN: &str = "\
# Choosing a password manager

A password manager keeps every password you use in one encrypted vault, so you only have to remember a single strong passphrase.

- Pick a manager that has been audited by an independent firm.
- Turn on two-factor authentication for the vault itself.
";

/// An older wording of the English paragraph: not found verbatim in the current English.
const KEPT: &str = "A password manager keeps every password you use in one encrypted vault.";

/// Locale, and its heading, paragraph and two list items.
const PAGES: &[(&str, [&str; 4])] = &[
    (
        "bn",
        [
            "# পাসওয়ার্ড ম্যানেজার বেছে নেওয়া",
            "পাসওয়ার্ড ম্যানেজার আপনার সব পাসওয়ার্ড একটি এনক্রিপ্ট করা ভল্টে রাখে, তাই আপনাকে কেবল একটি শক্তিশালী পাসফ্রেজ মনে রাখতে হয়।",
            "- এমন ম্যানেজার বেছে নিন যা কোনো স্বাধীন প্রতিষ্ঠান অডিট করেছে।",
            "- ভল্টের জন্যও দুই-ধাপের যাচাইকরণ চালু করুন।",
        ],
    ),
    (
        "ca",
        [
            "# Triar un gestor de contrasenyes",
            "Un gestor de contrasenyes desa totes les contrasenyes que fas servir en una caixa forta xifrada, de manera que només has de recordar una única frase de pas segura.",
            "- Tria un gestor que hagi estat auditat per una empresa independent.",
            "- Activa l'autenticació de dos factors per a la mateixa caixa forta.",
        ],
    ),
    (
        "cs",
        [
            "# Výběr správce hesel",
            "Správce hesel uchovává všechna hesla, která používáte, v jednom šifrovaném trezoru, takže si musíte pamatovat jen jednu silnou přístupovou frázi.",
            "- Vyberte správce, kterého prověřila nezávislá firma.",
            "- Zapněte dvoufázové ověření pro samotný trezor.",
        ],
    ),
    (
        "el",
        [
            "# Επιλογή διαχειριστή κωδικών",
            "Ένας διαχειριστής κωδικών φυλάει όλους τους κωδικούς σας σε ένα κρυπτογραφημένο θησαυροφυλάκιο, οπότε χρειάζεται να θυμάστε μόνο μία ισχυρή φράση πρόσβασης.",
            "- Διαλέξτε έναν διαχειριστή που έχει ελεγχθεί από ανεξάρτητη εταιρεία.",
            "- Ενεργοποιήστε τον έλεγχο ταυτότητας δύο παραγόντων για το ίδιο το θησαυροφυλάκιο.",
        ],
    ),
    (
        "eo",
        [
            "# Elekti pasvortan administrilon",
            "Pasvorta administrilo konservas ĉiun pasvorton, kiun vi uzas, en unu ĉifrita trezorejo, do vi devas memori nur unu fortan pasfrazon.",
            "- Elektu administrilon, kiun sendependa firmao kontrolis.",
            "- Ŝaltu dufaktoran aŭtentikigon por la trezorejo mem.",
        ],
    ),
    (
        "es",
        [
            "# Elegir un gestor de contraseñas",
            "Un gestor de contraseñas guarda todas las contraseñas que usas en una bóveda cifrada, así que solo tienes que recordar una única frase de contraseña segura.",
            "- Elige un gestor que haya sido auditado por una empresa independiente.",
            "- Activa la autenticación de dos factores para la propia bóveda.",
        ],
    ),
    (
        "fa",
        [
            "# انتخاب مدیر گذرواژه",
            "مدیر گذرواژه همه گذرواژه‌های شما را در یک گاوصندوق رمزگذاری‌شده نگه می‌دارد، پس فقط باید یک عبارت عبور قوی را به خاطر بسپارید.",
            "- مدیری را انتخاب کنید که یک شرکت مستقل آن را ممیزی کرده باشد.",
            "- احراز هویت دومرحله‌ای را برای خود گاوصندوق فعال کنید.",
        ],
    ),
    (
        "hi",
        [
            "# पासवर्ड मैनेजर चुनना",
            "पासवर्ड मैनेजर आपके सभी पासवर्ड को एक एन्क्रिप्टेड तिजोरी में रखता है, इसलिए आपको केवल एक मज़बूत पासफ़्रेज़ याद रखना होता है।",
            "- ऐसा मैनेजर चुनें जिसका किसी स्वतंत्र कंपनी ने ऑडिट किया हो।",
            "- तिजोरी के लिए भी दो-चरणीय प्रमाणीकरण चालू करें।",
        ],
    ),
    (
        "hu",
        [
            "# Jelszókezelő kiválasztása",
            "A jelszókezelő minden használt jelszavadat egyetlen titkosított széfben tárolja, így csak egyetlen erős jelmondatot kell megjegyezned.",
            "- Válassz olyan kezelőt, amelyet független cég auditált.",
            "- Kapcsold be a kétlépcsős azonosítást magához a széfhez is.",
        ],
    ),
    (
        "id",
        [
            "# Memilih pengelola kata sandi",
            "Pengelola kata sandi menyimpan setiap kata sandi yang Anda gunakan dalam satu brankas terenkripsi, sehingga Anda hanya perlu mengingat satu frasa sandi yang kuat.",
            "- Pilih pengelola yang telah diaudit oleh perusahaan independen.",
            "- Aktifkan autentikasi dua faktor untuk brankas itu sendiri.",
        ],
    ),
    (
        "it",
        [
            "# Scegliere un gestore di password",
            "Un gestore di password conserva tutte le password che usi in una cassaforte cifrata, così devi ricordare soltanto una singola passphrase robusta.",
            "- Scegli un gestore che sia stato verificato da un'azienda indipendente.",
            "- Attiva l'autenticazione a due fattori per la cassaforte stessa.",
        ],
    ),
    (
        "ja",
        [
            "# パスワードマネージャーの選び方",
            "パスワードマネージャーは、使っているすべてのパスワードを一つの暗号化された保管庫に保存するので、覚えるのは強力なパスフレーズ一つだけです。",
            "- 独立した企業による監査を受けたマネージャーを選びましょう。",
            "- 保管庫そのものにも二要素認証を有効にしましょう。",
        ],
    ),
    (
        "ko",
        [
            "# 비밀번호 관리자 고르기",
            "비밀번호 관리자는 사용하는 모든 비밀번호를 하나의 암호화된 금고에 보관하므로, 강력한 암호 문구 하나만 기억하면 됩니다.",
            "- 독립 업체의 감사를 받은 관리자를 고르세요.",
            "- 금고 자체에도 2단계 인증을 켜세요.",
        ],
    ),
    (
        "ku",
        [
            "# Hilbijartina rêveberê şîfreyan",
            "Rêveberê şîfreyan hemû şîfreyên ku hûn bikar tînin di yek kasaya şîfrekirî de diparêze, ji ber vê yekê hûn tenê hewce ne ku yek hevoka şîfreyê ya xurt bi bîr bînin.",
            "- Rêveberekî hilbijêrin ku ji aliyê şirketeke serbixwe ve hatiye kontrolkirin.",
            "- Ji bo kasayê bi xwe jî piştrastkirina du-gavî çalak bikin.",
        ],
    ),
    (
        "nl",
        [
            "# Een wachtwoordbeheerder kiezen",
            "Een wachtwoordbeheerder bewaart elk wachtwoord dat je gebruikt in één versleutelde kluis, zodat je maar één sterke wachtwoordzin hoeft te onthouden.",
            "- Kies een beheerder die door een onafhankelijk bedrijf is gecontroleerd.",
            "- Schakel tweestapsverificatie in voor de kluis zelf.",
        ],
    ),
    (
        "pl",
        [
            "# Wybór menedżera haseł",
            "Menedżer haseł przechowuje każde używane przez ciebie hasło w jednym zaszyfrowanym sejfie, więc musisz pamiętać tylko jedno silne hasło główne.",
            "- Wybierz menedżera, który został sprawdzony przez niezależną firmę.",
            "- Włącz uwierzytelnianie dwuskładnikowe dla samego sejfu.",
        ],
    ),
    (
        "pt-BR",
        [
            "# Escolhendo um gerenciador de senhas",
            "Um gerenciador de senhas guarda todas as senhas que você usa em um cofre criptografado, então você só precisa lembrar de uma única frase secreta forte.",
            "- Escolha um gerenciador que tenha sido auditado por uma empresa independente.",
            "- Ative a autenticação de dois fatores para o próprio cofre.",
        ],
    ),
    (
        "ru",
        [
            "# Выбор менеджера паролей",
            "Менеджер паролей хранит все ваши пароли в одном зашифрованном хранилище, поэтому вам нужно помнить только одну надёжную парольную фразу.",
            "- Выберите менеджер, прошедший аудит независимой компании.",
            "- Включите двухфакторную аутентификацию для самого хранилища.",
        ],
    ),
    (
        "sv",
        [
            "# Att välja en lösenordshanterare",
            "En lösenordshanterare förvarar alla lösenord du använder i ett krypterat valv, så att du bara behöver komma ihåg en enda stark lösenfras.",
            "- Välj en hanterare som har granskats av ett oberoende företag.",
            "- Slå på tvåfaktorsautentisering för själva valvet.",
        ],
    ),
    (
        "th",
        [
            "# การเลือกตัวจัดการรหัสผ่าน",
            "ตัวจัดการรหัสผ่านเก็บรหัสผ่านทั้งหมดที่คุณใช้ไว้ในตู้นิรภัยที่เข้ารหัสเพียงแห่งเดียว คุณจึงต้องจำวลีรหัสผ่านที่แข็งแรงเพียงวลีเดียว",
            "- เลือกตัวจัดการที่ผ่านการตรวจสอบจากบริษัทอิสระ",
            "- เปิดการยืนยันตัวตนแบบสองขั้นตอนสำหรับตู้นิรภัยด้วย",
        ],
    ),
    (
        "tr",
        [
            "# Parola yöneticisi seçmek",
            "Bir parola yöneticisi kullandığınız tüm parolaları tek bir şifreli kasada saklar, böylece yalnızca tek bir güçlü parola cümlesini hatırlamanız gerekir.",
            "- Bağımsız bir şirket tarafından denetlenmiş bir yönetici seçin.",
            "- Kasanın kendisi için iki adımlı doğrulamayı açın.",
        ],
    ),
    (
        "uk",
        [
            "# Вибір менеджера паролів",
            "Менеджер паролів зберігає всі ваші паролі в одному зашифрованому сховищі, тож вам треба пам'ятати лише одну надійну парольну фразу.",
            "- Оберіть менеджер, який перевірила незалежна компанія.",
            "- Увімкніть двофакторну автентифікацію для самого сховища.",
        ],
    ),
    (
        "vi",
        [
            "# Chọn trình quản lý mật khẩu",
            "Trình quản lý mật khẩu lưu mọi mật khẩu bạn dùng trong một kho được mã hóa, vì vậy bạn chỉ cần nhớ một cụm mật khẩu mạnh duy nhất.",
            "- Hãy chọn trình quản lý đã được một công ty độc lập kiểm toán.",
            "- Bật xác thực hai yếu tố cho chính kho mật khẩu.",
        ],
    ),
    (
        "zh-Hans",
        [
            "# 选择密码管理器",
            "密码管理器把你使用的所有密码保存在一个加密的保险库中，因此你只需要记住一个强密码短语。",
            "- 选择经过独立公司审计的管理器。",
            "- 为保险库本身开启双重身份验证。",
        ],
    ),
];

/// The English now: a paragraph added, the second item rewritten.
const EN_NOW: &str = "\
# Choosing a password manager

A password manager keeps every password you use in one encrypted vault, so you only have to remember a single strong passphrase.

Store the recovery codes of the vault on paper, in a place only you can reach.

- Pick a manager that has been audited by an independent firm.
- Turn on two-factor authentication for the vault and for the account behind it.
";

/// The English now: the first item removed.
const EN_SHORTER: &str = "\
# Choosing a password manager

A password manager keeps every password you use in one encrypted vault, so you only have to remember a single strong passphrase.

- Turn on two-factor authentication for the vault itself.
";

fn statuses(translation: &str, locale: &str) -> Vec<String> {
    statuses_against(EN, None, translation, locale)
}

fn statuses_against(source: &str, base: Option<&str>, translation: &str, locale: &str) -> Vec<String> {
    align_pages(source, translation, base, locale)
        .pairs
        .iter()
        .map(|p| p.status.iter().map(|s| s.as_str()).collect::<Vec<_>>().join("+"))
        .collect()
}

#[test]
fn a_faithful_translation_is_translated_block_for_block_in_every_language() {
    for (locale, [heading, paragraph, first, second]) in PAGES {
        let page = format!("{heading}\n\n{paragraph}\n\n{first}\n{second}\n");
        assert_eq!(statuses(&page, locale), ["translated"; 4], "{locale}");
    }
}

#[test]
fn english_kept_in_a_paragraph_is_partial_and_an_english_item_untranslated_in_every_language() {
    for (locale, [heading, paragraph, first, _]) in PAGES {
        let page = format!(
            "{heading}\n\n{paragraph} {KEPT}\n\n{first}\n- Turn on two-factor authentication for the vault itself.\n"
        );
        assert_eq!(statuses(&page, locale), ["translated", "partial", "translated", "untranslated"], "{locale}");
    }
}

#[test]
fn with_its_base_an_added_block_is_missing_a_rewritten_one_stale_a_removed_one_obsolete_in_every_language() {
    for (locale, [heading, paragraph, first, second]) in PAGES {
        let page = format!("{heading}\n\n{paragraph}\n\n{first}\n{second}\n");
        let now = statuses_against(EN_NOW, Some(EN), &page, locale);
        assert_eq!(now, ["translated", "translated", "missing", "translated", "stale"], "{locale}");
        let shorter = statuses_against(EN_SHORTER, Some(EN), &page, locale);
        assert_eq!(shorter, ["translated", "translated", "obsolete", "translated"], "{locale}");
    }
}
