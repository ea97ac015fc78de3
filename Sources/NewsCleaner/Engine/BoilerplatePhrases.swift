/// Short block texts that are boilerplate wherever they appear: one named list per concept, in
/// English, German, French, Spanish, Italian, Portuguese, Dutch, Polish, Russian, Greek, Japanese,
/// Chinese and Korean. A block matches when its whole text, folded (`TextFold`) and without
/// trailing punctuation and colons, is one of the phrases.
///
/// ```swift
/// BoilerplatePhrases.matches("ADVERTISEMENT") == true
/// BoilerplatePhrases.matches("Читайте также:") == true
/// ```
enum BoilerplatePhrases {
    /// Advertisement and sponsorship labels.
    static let advertisement = [
        "advertisement", "advertisements", "ad", "ads", "sponsored", "sponsored content", "promoted",
        "story continues below advertisement", "continue reading below", "article continues below",
        "anzeige", "werbung", "gesponsert", "publicité", "sponsorisé", "publicidad", "patrocinado",
        "pubblicità", "sponsorizzato", "publicidade", "advertentie", "gesponsord", "reklama",
        "materiał sponsorowany", "реклама", "на правах рекламы", "διαφήμιση",
        "広告", "pr", "スポンサー", "广告", "廣告", "광고",
    ]
    /// Share, print and e-mail buttons.
    static let share = [
        "share", "share this", "share this article", "share this story", "share on facebook",
        "share on twitter", "tweet", "email", "print", "teilen", "artikel teilen", "diesen artikel teilen",
        "drucken", "partager", "partager cet article", "imprimer", "compartir", "compartir en facebook",
        "imprimir", "condividi", "condividi su facebook", "stampa", "partilhar", "compartilhar", "delen",
        "deel dit artikel", "afdrukken", "udostępnij", "podziel się", "drukuj", "поделиться",
        "поделитесь", "печать", "распечатать", "κοινοποίηση", "μοιραστείτε", "εκτύπωση",
        "シェア", "ツイート", "いいね", "分享", "分享到", "공유",
    ]
    /// "Related", "read also", "read more" labels.
    static let related = [
        "related", "related articles", "related stories", "related content", "related coverage",
        "read more", "continue reading", "read next", "read also", "more stories", "recommended",
        "recommended for you", "you may also like", "lesen sie auch", "auch interessant", "mehr zum thema",
        "das könnte sie auch interessieren", "weitere artikel", "ähnliche artikel", "weiterlesen",
        "mehr lesen", "lire aussi", "à lire aussi", "sur le même sujet", "articles similaires",
        "lire la suite", "lee también", "te puede interesar", "noticias relacionadas",
        "artículos relacionados", "leer más", "seguir leyendo", "leggi anche", "potrebbe interessarti",
        "articoli correlati", "leggi tutto", "continua a leggere", "leia também", "leia mais",
        "veja também", "notícias relacionadas", "artigos relacionados", "continue lendo", "lees ook",
        "lees meer", "gerelateerde artikelen", "meer over dit onderwerp", "czytaj także", "czytaj też",
        "przeczytaj też", "zobacz też", "zobacz także", "powiązane artykuły", "czytaj dalej",
        "czytaj więcej", "читайте также", "читать также", "по теме", "похожие статьи", "читать далее",
        "подробнее", "διαβάστε επίσης", "διαβάστε ακόμη", "σχετικά άρθρα", "σχετικές ειδήσεις",
        "διαβάστε περισσότερα", "関連記事", "あわせて読みたい", "おすすめ", "おすすめ記事", "続きを読む",
        "もっと見る", "相关新闻", "相关阅读", "推荐阅读", "相關新聞", "延伸閱讀", "推薦閱讀", "관련기사",
    ]
    /// "Rate this article" prompts.
    static let rating = [
        "rate this article", "rate this story", "was this article helpful", "artikel bewerten",
        "bewerten sie diesen artikel", "wie hat ihnen der artikel gefallen", "noter cet article",
        "évaluer cet article", "valora este artículo", "valorar este artículo", "vota questo articolo",
        "valuta questo articolo", "avalie este artigo", "classifique este artigo", "beoordeel dit artikel",
        "oceń artykuł", "oceń ten artykuł", "оцените статью", "оценить статью", "βαθμολογήστε το άρθρο",
        "αξιολογήστε το άρθρο",
    ]
    /// Contact and legal links.
    static let contact = [
        "contact", "contact us", "privacy policy", "terms of use", "kontakt", "impressum", "datenschutz",
        "nous contacter", "contactez-nous", "mentions légales", "contacto", "contáctanos", "aviso legal",
        "contatti", "contattaci", "note legali", "contato", "fale conosco", "neem contact op",
        "kontakt z nami", "polityka prywatności", "контакты", "связаться с нами", "επικοινωνία",
        "όροι χρήσης",
    ]
    /// Search boxes.
    static let search = [
        "search", "suche", "suchen", "rechercher", "recherche", "buscar", "búsqueda", "cerca", "pesquisar",
        "zoeken", "szukaj", "wyszukaj", "поиск", "найти", "αναζήτηση",
    ]
    /// Tag and topic labels.
    static let tags = [
        "tags", "topics", "filed under", "schlagwörter", "schlagworte", "stichwörter", "mots-clés",
        "étiquettes", "etiquetas", "argomenti", "parole chiave", "trefwoorden", "tagi", "słowa kluczowe",
        "теги", "метки", "ключевые слова", "ετικέτες", "タグ",
    ]
    /// Comment section labels.
    static let comments = [
        "comments", "comment", "view comments", "show comments", "leave a comment", "kommentare",
        "kommentar", "kommentar schreiben", "commentaires", "commentaire", "laisser un commentaire",
        "comentarios", "comentario", "deja un comentario", "commenti", "commento", "lascia un commento",
        "comentários", "deixe um comentário", "reacties", "plaats een reactie", "komentarze", "komentarz",
        "dodaj komentarz", "комментарии", "комментарий", "оставить комментарий", "добавить комментарий",
        "σχόλια", "σχόλιο", "αφήστε ένα σχόλιο", "コメント",
    ]
    /// Subscription, newsletter, membership and log-in prompts.
    static let membership = [
        "sign up", "subscribe", "subscribe now", "newsletter", "sign up for our newsletter", "log in",
        "abonnieren", "jetzt abonnieren", "newsletter abonnieren", "anmelden", "einloggen", "registrieren",
        "s'abonner", "abonnez-vous", "je m'abonne", "se connecter", "connexion", "s'inscrire",
        "suscríbete", "suscribirse", "iniciar sesión", "regístrate", "boletín", "iscriviti", "abbonati",
        "accedi", "registrati", "assine", "assinar", "inscreva-se", "entrar", "abonneren", "inloggen",
        "registreren", "nieuwsbrief", "zapisz się", "zaloguj się", "zarejestruj się", "subskrybuj",
        "prenumerata", "подписаться", "подпишитесь", "войти", "регистрация", "рассылка", "εγγραφή",
        "εγγραφείτε", "σύνδεση", "συνδρομή", "ログイン", "会員登録", "メールマガジン", "メルマガ", "定期購読",
        "好評発売中", "구독",
    ]
    /// Cookie and consent buttons.
    static let consent = [
        "accept", "accept all", "accept cookies", "i agree", "cookie settings", "alle akzeptieren",
        "akzeptieren", "zustimmen", "cookie-einstellungen", "tout accepter", "accepter", "j'accepte",
        "paramètres des cookies", "aceptar", "aceptar todo", "acepto", "accetta", "accetto",
        "accetta tutto", "aceitar", "aceito", "accepteren", "alles accepteren", "akceptuję",
        "zgadzam się", "принять", "принять все", "согласен", "αποδοχή", "αποδοχή όλων", "συμφωνώ",
    ]
    /// "Most read" ranking labels.
    static let mostRead = [
        "most popular", "most read", "trending", "meistgelesen", "meist gelesen", "am meisten gelesen",
        "les plus lus", "les plus populaires", "lo más leído", "más leídas", "más leído", "i più letti",
        "più letti", "os mais lidos", "mais lidas", "meest gelezen", "najczęściej czytane",
        "najpopularniejsze", "популярное", "самое читаемое", "самые читаемые", "самое популярное",
        "δημοφιλή", "πιο δημοφιλή", "τα πιο διαβασμένα", "人気記事", "ランキング", "人気ランキング",
        "アクセスランキング", "热门", "排行榜", "熱門新聞", "많이 본 뉴스",
    ]
    /// Previous / next article links.
    static let pager = [
        "previous article", "next article", "previous post", "next post", "vorheriger artikel",
        "nächster artikel", "article précédent", "article suivant", "artículo anterior",
        "artículo siguiente", "articolo precedente", "articolo successivo", "artigo anterior",
        "próximo artigo", "vorig artikel", "volgend artikel", "poprzedni artykuł", "następny artykuł",
        "предыдущая статья", "следующая статья", "προηγούμενο άρθρο", "επόμενο άρθρο", "前の記事", "次の記事",
    ]
    /// Skip links, "back to top", loading placeholders and media labels.
    static let navigation = [
        "follow us", "skip to content", "skip to main content", "back to top", "loading", "loading…",
        "image", "photo", "video", "zum inhalt springen", "nach oben", "aller au contenu", "haut de page",
        "ir al contenido", "volver arriba", "vai al contenuto", "torna su", "voltar ao topo",
        "naar boven", "przejdź do treści", "do góry", "перейти к содержанию", "наверх",
        "μετάβαση στο περιεχόμενο", "wird geladen", "chargement", "cargando", "caricamento",
        "carregando", "ładowanie", "загрузка", "φόρτωση", "最新記事", "ニュース速報", "责任编辑",
    ]

    /// Every list with its name (for tests and explanations).
    static let lists: [(name: String, phrases: [String])] = [
        ("advertisement", advertisement), ("share", share), ("related", related), ("rating", rating),
        ("contact", contact), ("search", search), ("tags", tags), ("comments", comments),
        ("membership", membership), ("consent", consent), ("mostRead", mostRead), ("pager", pager),
        ("navigation", navigation),
    ]

    /// All phrases, folded, in one set.
    static let phrases: Set<String> = Set(lists.flatMap { $0.phrases.map(TextFold.fold) })

    /// Characters trimmed from the end of a block before the lookup.
    private static let trailing: Set<Character> = [":", "：", ".", "。", "!", "！", "|", " ", "»", "›", "→", "…"]

    /// True when the whole (short) block text is a boilerplate phrase.
    static func matches(_ text: String) -> Bool { matches(folded: TextFold.fold(text)) }

    /// `matches` for text already folded with `TextFold.fold`.
    static func matches(folded: String) -> Bool {
        var t = folded
        while let last = t.last, trailing.contains(last) { t.removeLast() }
        return phrases.contains(t)
    }
}

/// How bylines start or what they contain, across languages ("By …", "Autor:", "Автор:",
/// "Συντάκτης:", 記者…, 文／…, … 기자). Folded like `TextFold` (lowercase, no Greek accents).
enum BylineMarkers {
    /// Lowercased prefixes of a byline.
    static let prefixes = ["by ", "von ", "par ", "por ", "door ", "di ", "af ", "autor:", "autor ", "autorin:",
                           "autorin ", "text:", "text von ", "auteur :", "auteur:", "texte :", "autore:", "a cura di ",
                           "redacción:", "por:", "redactie:", "redakcja:", "opracowanie:", "oprac.", "автор:", "автор ",
                           "текст:", "συντάκτης:", "συντάκτης ", "γράφει ", "γράφει:", "επιμέλεια:",
                           "記者", "记者", "文／", "文/",
                           "文・", "撰文", "作者：", "作者:", "（記者", "(記者", "【記者", "편집", "글 ",
                           "责任编辑", "責任編輯", "编辑：", "編輯：", "編集：", "来源：", "來源："]
    /// Lowercased fragments that make a short line a byline.
    static let infixes = [" 기자", "기자 =", "특파원", "編集部", "报道：", "報導 "]
}

/// Labels that open a short block of links or keywords: "Read also: …", "Lesen Sie auch: …",
/// "Читайте также: …", "Tags: …". A short block starting with one is boilerplate.
enum LabelMarkers {
    /// Lowercased, folded prefixes.
    static let prefixes = ["read also", "see also", "lesen sie auch", "siehe auch", "mehr zum thema:", "lire aussi",
                           "à lire aussi", "voir aussi", "lee también", "ver también", "leggi anche", "vedi anche",
                           "leia também", "veja também", "lees ook", "zie ook", "czytaj także", "czytaj też",
                           "zobacz też", "zobacz także", "читайте также", "читайте еще", "см. также",
                           "διαβάστε επίσης", "διαβάστε ακόμη", "δείτε επίσης", "tags:", "tag:", "keywords:",
                           "topics:", "schlagwörter:", "stichwörter:", "themen:", "mots-clés :", "mots-clés:",
                           "étiquettes :", "etiquetas:", "argomenti:", "trefwoorden:", "tagi:", "tematy:", "теги:",
                           "метки:", "ετικέτες:", "θέματα:"]
}

/// Text markers of lines that are not article prose: credit lines, photo credits, calls to action.
///
/// ```swift
/// BoilerplateMarkers.photoCredits.contains { "a crowd (ap photo/jane doe)".contains($0) } == true
/// ```
enum BoilerplateMarkers {
    /// Lowercased starts of agency credit lines ("Reporting by …; Editing by …").
    static let creditPrefixes = ["reporting by", "(reporting by", "additional reporting", "editing by",
                                 "(editing by", "writing by", "compiled by", "associated press writer",
                                 "the associated press contributed"]
    /// Lowercased fragments of credit lines.
    static let creditInfixes = ["contributed to this report", "contributed reporting", "contributed to this story"]
    /// Lowercased fragments that make a short block a photo caption or credit.
    static let photoCredits = ["(ap photo", "ap photo/", "(photo by", "(photo:", "photo credit", "/getty images",
                               "(getty images", "getty images)", "(reuters/", "reuters/", "/afp", "(afp photo",
                               "(credit:", "image credit", "(image:", "(courtesy of", "/ shutterstock",
                               "(shutterstock", "foto:", "(foto:", "fotos:", "bild:", "(bild:", "crédit photo",
                               "photo :", "foto di ", "fot.", "zdj.", "фото:", "(фото:", "фото ©", "φωτ.:",
                               "φωτογραφία:", "写真：", "写真＝", "（写真", "(写真", "图片来源", "資料照片", "圖片來源",
                               "사진=", "사진 ="]
    /// Lowercased fragments of calls to action (newsletters, follows, app downloads, subscriptions).
    static let callsToAction = ["sign up", "subscribe to", "subscribe now", "subscribe for", "newsletter", "follow us", "follow @", "follow him",
                                "follow her", "on twitter", "on facebook", "on instagram", "click here",
                                "your inbox", "download our app", "get the latest", "join our",
                                "delivered to your", "we use cookies", "accept all", "cookie settings",
                                "abonnieren", "newsletter-abo", "folgen sie uns", "ihr postfach", "alle akzeptieren",
                                "wir verwenden cookies", "abonnez-vous", "s'abonner", "suivez-nous", "votre boîte",
                                "tout accepter", "nous utilisons des cookies", "suscríbete", "suscribirse", "síguenos",
                                "utilizamos cookies", "aceptar todo", "iscriviti", "abbonati", "seguici",
                                "utilizziamo i cookie", "accetta tutto", "assine", "inscreva-se", "siga-nos",
                                "aceitar todos", "abonneer", "schrijf je in", "volg ons", "wij gebruiken cookies",
                                "alles accepteren", "zapisz się", "zaprenumeruj", "subskrybuj", "obserwuj nas",
                                "używamy plików cookie", "подпишитесь", "подписаться", "подписывайтесь",
                                "следите за нами", "мы используем cookie", "принять все", "εγγραφείτε",
                                "ακολουθήστε μας", "χρησιμοποιούμε cookies", "αποδοχή όλων", "メールマガジン", "メルマガ", "定期購読", "登録はこちら",
                                "フォローする", "关注我们", "订阅", "訂閱", "구독", "팔로우"]
}

/// What the text markers say about one short block, found in one pass by a matcher compiled once.
///
/// ```swift
/// TextMarkers.scan("Reporting by Jane Doe; Editing by John Roe").creditLine == true
/// ```
struct TextMarkers {
    /// Starts like a byline ("By …", 記者…) or holds a byline fragment (" 기자").
    var byline = false
    /// An agency credit line ("Reporting by …", "… contributed to this report").
    var creditLine = false
    /// A photo credit ("(AP Photo/…", "Getty Images", 写真：).
    var photoCredit = false
    /// How many different call-to-action phrases the block holds.
    var callsToAction = 0

    /// Starts with a label of a link or keyword list ("Read also:", "Читайте также:", "Tags:").
    var label = false

    private enum Kind { case bylinePrefix, bylineInfix, creditPrefix, creditInfix, photo, call, label }

    private static let table: [(phrase: String, kind: Kind)] =
        BylineMarkers.prefixes.map { ($0, .bylinePrefix) } + BylineMarkers.infixes.map { ($0, .bylineInfix) }
        + BoilerplateMarkers.creditPrefixes.map { ($0, .creditPrefix) }
        + BoilerplateMarkers.creditInfixes.map { ($0, .creditInfix) }
        + BoilerplateMarkers.photoCredits.map { ($0, .photo) }
        + BoilerplateMarkers.callsToAction.map { ($0, .call) }
        + LabelMarkers.prefixes.map { ($0, .label) }
    private static let folded = table.map { TextFold.fold($0.phrase) }
    private static let phraseLengths = folded.map { $0.utf8.count }
    private static let matcher = PhraseMatcher(folded)

    /// Scans a block's (trimmed) text, folded first so capitals in any script match.
    static func scan(_ text: String) -> TextMarkers { scan(folded: TextFold.fold(text)) }

    /// `scan` for text already folded with `TextFold.fold`.
    static func scan(folded: String) -> TextMarkers {
        var markers = TextMarkers()
        var calls = Set<Int>()
        let table = table, phraseLengths = phraseLengths
        matcher.forEachHit(in: folded) { phrase, end in
            let atStart = end == phraseLengths[phrase]
            switch table[phrase].kind {
            case .bylinePrefix: if atStart { markers.byline = true }
            case .bylineInfix: markers.byline = true
            case .creditPrefix: if atStart { markers.creditLine = true }
            case .creditInfix: markers.creditLine = true
            case .photo: markers.photoCredit = true
            case .call: calls.insert(phrase)
            case .label: if atStart { markers.label = true }
            }
        }
        markers.callsToAction = calls.count
        return markers
    }
}
