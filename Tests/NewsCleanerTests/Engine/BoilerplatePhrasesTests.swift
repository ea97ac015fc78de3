import Testing
@testable import NewsCleaner

/// One row per phrase list: whole blocks that must match it, and blocks that must not (content
/// words and sentences that share a word or a substring with a phrase).
struct PhraseRow: Sendable, CustomStringConvertible {
    let list: String
    let positives: [String]
    let negatives: [String]
    var description: String { list }
}

let phraseTable: [PhraseRow] = [
    PhraseRow(list: "advertisement",
              positives: ["Anzeige", "WERBUNG", "Publicité", "Publicidad", "Pubblicità", "Publicidade", "Advertentie",
                          "Reklama", "РЕКЛАМА", "Реклама", "Διαφήμιση", "ΔΙΑΦΗΜΙΣΗ"],
              negatives: ["Anzeigenblatt", "Bewerbung", "Publicidad engañosa en la televisión", "Рекламации",
                          "Reklamacja"]),
    PhraseRow(list: "share",
              positives: ["Teilen", "Artikel teilen", "Partager", "Compartir", "Condividi", "Partilhar", "Delen",
                          "Udostępnij", "Поделиться", "ПОДЕЛИТЬСЯ", "Κοινοποίηση", "Drucken", "Печать"],
              negatives: ["Teilen ist wichtig", "Verteilen", "Partagez votre avis avec nous", "Поделиться опытом врачей"]),
    PhraseRow(list: "related",
              positives: ["Lesen Sie auch", "Lesen Sie auch:", "Mehr zum Thema", "Lire aussi", "À lire aussi",
                          "Lee también", "Leggi anche", "Leia também", "Lees ook", "Czytaj także", "Zobacz też",
                          "Читайте также", "ЧИТАЙТЕ ТАКЖЕ:", "По теме", "Διαβάστε επίσης", "ΔΙΑΒΑΣΤΕ ΕΠΙΣΗΣ",
                          "Σχετικά άρθρα", "ΣΧΕΤΙΚΑ ΑΡΘΡΑ", "Weiterlesen", "Подробнее"],
              negatives: ["Lesen", "Auch", "Thema", "По теме выборов", "Διαβάστε", "Czytaj"]),
    PhraseRow(list: "rating",
              positives: ["Artikel bewerten", "Noter cet article", "Valora este artículo", "Vota questo articolo",
                          "Avalie este artigo", "Beoordeel dit artikel", "Oceń artykuł", "Оцените статью",
                          "Βαθμολογήστε το άρθρο", "Rate this article"],
              negatives: ["Bewerten", "Оценка", "Articolo"]),
    PhraseRow(list: "contact",
              positives: ["Kontakt", "Impressum", "Contactez-nous", "Contacto", "Contatti", "Contato",
                          "Neem contact op", "Kontakt z nami", "Контакты", "Επικοινωνία", "Datenschutz"],
              negatives: ["Kontaktlinsen", "Контактный телефон горячей линии", "Contactos diplomáticos"]),
    PhraseRow(list: "search",
              positives: ["Suche", "Rechercher", "Buscar", "Cerca", "Pesquisar", "Zoeken", "Szukaj", "Поиск", "Αναζήτηση"],
              negatives: ["Suchergebnisse der Polizei", "Поисковая операция", "Búsqueda de desaparecidos en el río"]),
    PhraseRow(list: "tags",
              positives: ["Schlagwörter", "Schlagworte:", "Mots-clés", "Etiquetas", "Parole chiave", "Trefwoorden",
                          "Tagi", "Теги", "Метки", "Ετικέτες", "ΕΤΙΚΕΤΕΣ"],
              negatives: ["Tagesschau", "Меткий выстрел", "Etiquetado"]),
    PhraseRow(list: "comments",
              positives: ["Kommentare", "Kommentar schreiben", "Commentaires", "Comentarios", "Commenti",
                          "Comentários", "Reacties", "Komentarze", "Комментарии", "КОММЕНТАРИИ", "Σχόλια", "ΣΧΟΛΙΑ"],
              negatives: ["Kommentator", "Комментарий министра", "Σχολιασμός"]),
    PhraseRow(list: "membership",
              positives: ["Jetzt abonnieren", "Anmelden", "Abonnez-vous", "Suscríbete", "Iscriviti", "Assine",
                          "Abonneren", "Zaloguj się", "Подписаться", "Подпишитесь", "Войти", "Εγγραφείτε", "Συνδρομή"],
              negatives: ["Abonnenten", "Подписание договора", "Entrada"]),
    PhraseRow(list: "consent",
              positives: ["Alle akzeptieren", "Tout accepter", "Aceptar", "Accetta tutto", "Aceitar", "Accepteren",
                          "Akceptuję", "Принять", "Αποδοχή", "Accept all"],
              negatives: ["Akzeptanz", "Принятие закона", "Αποδοχές"]),
    PhraseRow(list: "mostRead",
              positives: ["Meistgelesen", "Les plus lus", "Lo más leído", "I più letti", "Os mais lidos", "Meest gelezen",
                          "Najczęściej czytane", "Популярное", "Самое читаемое", "Δημοφιλή", "ΔΗΜΟΦΙΛΗ"],
              negatives: ["Gelesen", "Популярность", "Δημοφιλής τραγουδίστρια"]),
    PhraseRow(list: "pager",
              positives: ["Vorheriger Artikel", "Nächster Artikel", "Article précédent", "Artículo siguiente",
                          "Articolo successivo", "Próximo artigo", "Vorig artikel", "Następny artykuł",
                          "Следующая статья", "Предыдущая статья", "Επόμενο άρθρο", "Next article"],
              negatives: ["Artikel", "Следующая неделя", "Επόμενο βήμα"]),
    PhraseRow(list: "navigation",
              positives: ["Zum Inhalt springen", "Nach oben", "Haut de page", "Volver arriba", "Torna su",
                          "Naar boven", "Do góry", "Наверх", "Wird geladen", "Загрузка…", "Φόρτωση"],
              negatives: ["Oben", "Загрузка угля", "Inhalt"]),
]

@Suite struct BoilerplatePhrasesTests {
    @Test("each phrase list matches its positives and not its negatives", arguments: phraseTable)
    func table(_ row: PhraseRow) throws {
        let list = try #require(BoilerplatePhrases.lists.first { $0.name == row.list }, "no list \(row.list)")
        let folded = Set(list.phrases.map(TextFold.fold))
        for text in row.positives {
            var t = TextFold.fold(text)
            while let last = t.last, ":…. ".contains(last) { t.removeLast() }
            #expect(folded.contains(t), "\(row.list) should hold \(text)")
            #expect(BoilerplatePhrases.matches(text), "\(text) should be boilerplate")
        }
        for text in row.negatives {
            #expect(!BoilerplatePhrases.matches(text), "\(text) should not be boilerplate")
        }
    }

    @Test func everyListHasARow() {
        let covered = Set(phraseTable.map(\.list))
        for list in BoilerplatePhrases.lists { #expect(covered.contains(list.name), "\(list.name)") }
    }

    /// Folding lowercases every script and drops Greek accents and final sigma, so capitals match.
    @Test func foldingCoversCyrillicAndGreek() {
        #expect(TextFold.fold("ΣΧΕΤΙΚΆ Άρθρα") == "σχετικα αρθρα")
        #expect(TextFold.fold("Σχόλιος") == "σχολιοσ")
        #expect(TextFold.fold("ЧИТАЙТЕ ТАКЖЕ Ёлка") == "читайте также елка")
        #expect(TextFold.fold("ÀLIRE ÉTÉ Łódź") == "àlire été łódź")
        #expect(TextFold.fold("plain ascii") == "plain ascii")
    }

    /// Bylines in other languages, in any case; prose that starts the same way is not one.
    @Test func bylinesInOtherLanguages() {
        for line in ["Autor: Hans Meier", "AUTOR: Jan Kowalski", "Автор: Иван Петров", "АВТОР: Анна Смирнова",
                     "Συντάκτης: Γιώργος Παπαδόπουλος", "ΣΥΝΤΆΚΤΗΣ: Μαρία Οικονόμου", "Text: Anna Schmidt",
                     "Γράφει ο Νίκος Δημητρίου", "Texte : Claire Martin", "Redakcja: Piotr Nowak"] {
            #expect(TextMarkers.scan(line).byline, "\(line)")
        }
        for line in ["Autoren und Verlage streiten über Urheberrecht", "Автомобиль врезался в остановку",
                     "Συνταγματικό Δικαστήριο", "Texter gesucht"] {
            #expect(!TextMarkers.scan(line).byline, "\(line)")
        }
    }

    /// Labels of link lists at the start of a block ("Lesen Sie auch: …"); not in the middle of prose.
    @Test func listLabels() {
        for line in ["Lesen Sie auch: Neue Regeln für Mieter", "ЧИТАЙТЕ ТАКЖЕ: Выборы в Москве", "Читайте также: Курс рубля",
                     "Διαβάστε επίσης: Νέα μέτρα", "ΔΙΑΒΆΣΤΕ ΕΠΊΣΗΣ: Σεισμός", "Lire aussi : La réforme", "Tags: Politik, Wahl",
                     "Теги: экономика, банки", "Ετικέτες: οικονομία", "Czytaj także: Nowy rząd", "Leggi anche: Il voto"] {
            #expect(TextMarkers.scan(line).label, "\(line)")
        }
        for line in ["Er sagte, man solle lesen Sie auch nicht vergessen", "Теги", "Politiker lesen auch Zeitung",
                     "Они читайте также говорят"] {
            #expect(!TextMarkers.scan(line).label, "\(line)")
        }
    }

    /// Newsletter, follow and cookie prompts count as calls to action in every language.
    @Test func callsToActionInOtherLanguages() {
        let prompts = ["Jetzt abonnieren und folgen Sie uns auf Facebook", "Abonnez-vous et suivez-nous",
                       "Подпишитесь на рассылку и следите за нами", "Εγγραφείτε και ακολουθήστε μας",
                       "Wir verwenden Cookies. Alle akzeptieren", "Używamy plików cookie. Zapisz się"]
        for text in prompts { #expect(TextMarkers.scan(text).callsToAction >= 2, "\(text)") }
        #expect(TextMarkers.scan("Die Kekse (Cookies) der Bäckerei sind beliebt").callsToAction == 0)
    }

    /// Photo credits in other languages.
    @Test func photoCredits() {
        for text in ["Foto: dpa", "Фото: РИА Новости", "Φωτογραφία: Eurokinissi", "(Bild: Keystone)", "Fot. PAP"] {
            #expect(TextMarkers.scan(text).photoCredit, "\(text)")
        }
        #expect(!TextMarkers.scan("Fotografen streiken").photoCredit)
    }

    /// "Added on" / "published" lines in other languages are date lines; prose with a number is not.
    @Test func dateLinesInOtherLanguages() {
        for line in ["Aktualisiert am 12. März 2024, 14:30 Uhr", "Publié le 3 avril 2024 à 14h30", "Publicado el 5 de mayo de 2024",
                     "Pubblicato il 7 giugno 2024 alle 10:15", "Atualizado em 8 de julho de 2024", "Gepubliceerd op 9 augustus 2024",
                     "Dodano: 12 września 2024, 08:15", "Опубликовано: 14 октября 2024, 10:20 мск", "Добавлено 3 ноября 2024 г.",
                     "Δημοσιεύθηκε: 15 Δεκεμβρίου 2024, 09:30", "ΕΝΗΜΕΡΩΣΗ 16 Μαΐου 2024 14:00", "vor 12 Stunden", "12.03.2024 14:30", "Le 1er mars 2024 à 14h30", "Posted Nov 21st, 2024",
                     "2025-12-05 10:30:15　来源：人民网", "2025-12-05 10:30 來源：中央社"] {
            #expect(DateLine.looksLikeDateLine(line), "\(line)")
        }
        for line in ["Die Regierung plant 2024 neue Steuern für 3 Millionen Haushalte",
                     "Россия и Китай подписали 12 соглашений", "Η κυβέρνηση ανακοίνωσε 5 νέα μέτρα",
                     "Polska wygrała 3:1 z Niemcami", "500g (around 2)", "1 tin (120g)", "302ms → 261ms (14% faster)",
                     "SC26: November 15-20, 2026 | Chicago, IL", "187.2Wh", "Li said revenue grew 12 percent in 2025 来源：新华网"] {
            #expect(!DateLine.looksLikeDateLine(line), "\(line)")
        }
    }
}
