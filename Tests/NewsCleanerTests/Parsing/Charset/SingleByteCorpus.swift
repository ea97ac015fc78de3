/// Self-written news prose in Russian, Greek, Polish and Czech, for the single-byte detection tests:
/// one ~500-character paragraph and twelve sentences per language on the same spread of topics as
/// `CharsetCorpus` (weather, schools, crime, sport, health, tourism, industry, science, media, towns,
/// culture, courts).
enum SingleByteCorpus {
    /// Russian: small-business law (« », —, ё).
    static let russianParagraph = "Правительство России в среду одобрило законопроект о поддержке малого и среднего бизнеса, сообщила пресс-служба кабинета министров. По словам министра экономического развития, новые меры позволят снизить налоговую нагрузку на предпринимателей и упростить получение кредитов в региональных банках. «Мы рассчитываем, что уже в следующем году число новых компаний вырастет не менее чем на десять процентов», — заявил он журналистам. Эксперты, однако, считают, что без снижения ключевой ставки Центрального банка эффект от этих мер будет ограниченным."
    /// Russian: the further sentences.
    static let russianSentences = [
        "Синоптики предупреждают о сильных снегопадах и гололедице в Московской области в ближайшие выходные.",
        "В школах Санкт-Петербурга с понедельника вводится новое расписание уроков физкультуры.",
        "Полиция задержала мужчину, который обманом выманил деньги у нескольких пожилых людей.",
        "Футбольный клуб одержал победу в дополнительное время и вышел в финал кубка страны.",
        "Учёные выяснили, что ежедневная прогулка продолжительностью тридцать минут заметно снижает риск болезней сердца.",
        "Число иностранных туристов в Казани за первое полугодие выросло почти на двенадцать процентов.",
        "Автомобильный завод объявил о строительстве нового цеха, где будут работать три тысячи человек.",
        "Накануне вручения Нобелевской премии многие ждут, что награду получит российский физик.",
        "Опрос показал, что молодые люди всё чаще читают новости в смартфоне, а не в газетах.",
        "Власти небольшого города решили помогать семьям, которые переезжают сюда из столицы, с покупкой жилья.",
        "Перед началом концерта у стадиона выстроилась длинная очередь из поклонников певицы.",
        "Суд приговорил бывшего мэра к пяти годам лишения свободы за взятку, защита намерена обжаловать решение.",
    ]
    /// Greek: support measures (tonos, final sigma, « »).
    static let greekParagraph = "Η κυβέρνηση ανακοίνωσε την Τετάρτη νέο πακέτο μέτρων στήριξης για τα νοικοκυριά, με στόχο να περιοριστούν οι επιπτώσεις από την άνοδο των τιμών της ενέργειας. Σύμφωνα με τον υπουργό Οικονομικών, το κόστος των μέτρων θα ξεπεράσει τα δύο δισεκατομμύρια ευρώ και θα καλυφθεί από τα πλεονάσματα του προϋπολογισμού. «Δεν θα αφήσουμε κανέναν πολίτη αβοήθητο απέναντι στην ακρίβεια», δήλωσε ο πρωθυπουργός μετά τη συνεδρίαση του υπουργικού συμβουλίου. Η αντιπολίτευση χαρακτήρισε τα μέτρα ανεπαρκή και ζήτησε μόνιμη μείωση του ΦΠΑ στα τρόφιμα. Άλλωστε, οι τιμές στα σούπερ μάρκετ αυξήθηκαν κατά δέκα τοις εκατό μέσα σε έναν χρόνο."
    /// Greek: the further sentences.
    static let greekSentences = [
        "Η Εθνική Μετεωρολογική Υπηρεσία προειδοποιεί για ισχυρές καταιγίδες και χαλάζι στη Θεσσαλία το Σαββατοκύριακο.",
        "Από τη Δευτέρα τα σχολεία της Αθήνας θα λειτουργούν με νέο ωράριο για τα μαθήματα γυμναστικής.",
        "Η αστυνομία συνέλαβε έναν άνδρα που εξαπάτησε ηλικιωμένους αποσπώντας χρήματα μέσω τηλεφώνου.",
        "Η ομάδα κέρδισε στην παράταση και προκρίθηκε στον τελικό του κυπέλλου για πρώτη φορά μετά από δέκα χρόνια.",
        "Οι ερευνητές διαπίστωσαν ότι ένας καθημερινός περίπατος τριάντα λεπτών μειώνει σημαντικά τον κίνδυνο καρδιακών παθήσεων.",
        "Ο αριθμός των ξένων τουριστών στη Θεσσαλονίκη αυξήθηκε σχεδόν κατά δώδεκα τοις εκατό το πρώτο εξάμηνο.",
        "Άρθρο του περιοδικού αναφέρει ότι η εταιρεία θα χτίσει νέο εργοστάσιο όπου θα εργάζονται τρεις χιλιάδες άνθρωποι.",
        "Λίγο πριν από την απονομή των βραβείων Νόμπελ, πολλοί ελπίζουν ότι θα βραβευτεί ένας Έλληνας επιστήμονας.",
        "Η έρευνα έδειξε ότι οι νέοι διαβάζουν όλο και συχνότερα ειδήσεις στο κινητό τους και όχι σε εφημερίδες.",
        "Ο δήμος αποφάσισε να στηρίξει οικονομικά τις οικογένειες που μετακομίζουν στο νησί από την πρωτεύουσα.",
        "Πριν από τη συναυλία σχηματίστηκε μεγάλη ουρά θαυμαστών έξω από το στάδιο.",
        "Το δικαστήριο καταδίκασε τον πρώην δήμαρχο σε πέντε χρόνια φυλάκιση για δωροδοκία και η υπεράσπιση θα ασκήσει έφεση.",
    ]
    /// Polish: small-business law (ą ę ł ś ż ź ć ń ó, „ ”).
    static let polishParagraph = "Rząd przyjął w środę projekt ustawy o wsparciu małych i średnich przedsiębiorstw, poinformowało biuro prasowe Kancelarii Premiera. Według ministra rozwoju nowe przepisy pozwolą obniżyć obciążenia podatkowe i ułatwią firmom uzyskanie kredytów w bankach spółdzielczych. „Liczymy, że już w przyszłym roku liczba nowych działalności gospodarczych wzrośnie o co najmniej dziesięć procent” – powiedział dziennikarzom. Ekonomiści zwracają jednak uwagę, że bez obniżki stóp procentowych przez Narodowy Bank Polski efekt zmian będzie ograniczony."
    /// Polish: the further sentences.
    static let polishSentences = [
        "Synoptycy ostrzegają przed silnymi opadami śniegu i gołoledzią w województwie małopolskim w najbliższy weekend.",
        "Od poniedziałku w szkołach w Łodzi obowiązuje nowy plan lekcji wychowania fizycznego.",
        "Policja zatrzymała mężczyznę, który podstępem wyłudził pieniądze od kilku starszych osób.",
        "Drużyna wygrała po dogrywce i awansowała do finału Pucharu Polski po raz pierwszy od dziesięciu lat.",
        "Naukowcy ustalili, że codzienny spacer trwający trzydzieści minut wyraźnie zmniejsza ryzyko chorób serca.",
        "Liczba zagranicznych turystów w Gdańsku wzrosła w pierwszym półroczu o prawie dwanaście procent.",
        "Fabryka samochodów ogłosiła budowę nowej hali, w której znajdzie zatrudnienie trzy tysiące osób.",
        "Przed ogłoszeniem tegorocznych Nagród Nobla wielu liczy na wyróżnienie dla polskiej chemiczki.",
        "Badanie pokazało, że młodzi ludzie coraz częściej czytają wiadomości w smartfonie, a nie w gazecie.",
        "Władze małego miasta postanowiły dopłacać rodzinom, które przeprowadzają się tu ze stolicy, do zakupu mieszkania.",
        "Przed koncertem pod stadionem ustawiła się długa kolejka fanów piosenkarki.",
        "Sąd skazał byłego burmistrza na pięć lat więzienia za łapówkę, a obrona zapowiada apelację.",
    ]
    /// Czech: small-business law (ě š č ř ž ý á í é ů, „ “).
    static let czechParagraph = "Vláda ve středu schválila návrh zákona o podpoře malých a středních podniků, oznámil mluvčí ministerstva průmyslu. Podle ministra nová pravidla sníží daňovou zátěž podnikatelů a usnadní jim získání úvěrů u regionálních bank. „Očekáváme, že už příští rok vzroste počet nových živností nejméně o deset procent,“ řekl novinářům. Ekonomové však upozorňují, že bez snížení úrokových sazeb České národní banky bude účinek těchto opatření omezený."
    /// Czech: the further sentences.
    static let czechSentences = [
        "Meteorologové varují před silným sněžením a náledím na Vysočině o nadcházejícím víkendu.",
        "Od pondělí platí ve školách v Brně nový rozvrh hodin tělesné výchovy.",
        "Policie zadržela muže, který podvodem vylákal peníze od několika seniorů.",
        "Tým zvítězil v prodloužení a poprvé po deseti letech postoupil do finále poháru.",
        "Vědci zjistili, že každodenní třicetiminutová procházka výrazně snižuje riziko srdečních onemocnění.",
        "Počet zahraničních turistů v Olomouci vzrostl v prvním pololetí téměř o dvanáct procent.",
        "Automobilka oznámila stavbu nové haly, kde najde práci tři tisíce lidí.",
        "Před vyhlášením letošních Nobelových cen mnozí doufají v ocenění pro českou chemičku.",
        "Průzkum ukázal, že mladí lidé čtou zprávy stále častěji v mobilu, a ne v novinách.",
        "Radnice malého města se rozhodla přispívat rodinám, které se sem stěhují z Prahy, na koupi bytu.",
        "Před koncertem se u stadionu vytvořila dlouhá fronta fanoušků zpěvačky.",
        "Soud poslal bývalého starostu na pět let do vězení za úplatek, obhajoba se chce odvolat.",
    ]

    /// One undeclared single-byte sample: an id for test arguments, the charset the detector
    /// should answer, the iconv name that encodes the bytes, and the texts.
    struct Sample: Sendable, CustomStringConvertible {
        let id: String
        let charset: String
        let encodeWith: String
        let paragraph: String
        let sentences: [String]
        var description: String { id }
    }

    /// `text` with the typographic quotes and dashes that KOI8-R and the ISO-8859 charsets lack
    /// replaced by ASCII ones.
    static func plain(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "«", "»", "„", "“", "”": out.append("\"")
            case "—", "–": out.append("-")
            default: out.append(c)
            }
        }
        return out
    }

    /// Every language in every charset that serves it.
    static let samples: [Sample] = [
        Sample(id: "ru windows-1251", charset: "windows-1251", encodeWith: "CP1251", paragraph: russianParagraph, sentences: russianSentences),
        Sample(id: "ru koi8-r", charset: "koi8-r", encodeWith: "KOI8-R", paragraph: plain(russianParagraph), sentences: russianSentences.map(plain)),
        Sample(id: "ru iso-8859-5", charset: "iso-8859-5", encodeWith: "ISO-8859-5", paragraph: plain(russianParagraph), sentences: russianSentences.map(plain)),
        Sample(id: "el windows-1253", charset: "windows-1253", encodeWith: "CP1253", paragraph: greekParagraph, sentences: greekSentences),
        Sample(id: "el iso-8859-7", charset: "iso-8859-7", encodeWith: "ISO-8859-7", paragraph: greekParagraph, sentences: greekSentences),
        Sample(id: "pl windows-1250", charset: "windows-1250", encodeWith: "CP1250", paragraph: polishParagraph, sentences: polishSentences),
        Sample(id: "pl iso-8859-2", charset: "iso-8859-2", encodeWith: "ISO-8859-2", paragraph: plain(polishParagraph), sentences: polishSentences.map(plain)),
        Sample(id: "cs windows-1250", charset: "windows-1250", encodeWith: "CP1250", paragraph: czechParagraph, sentences: czechSentences),
        Sample(id: "cs iso-8859-2", charset: "iso-8859-2", encodeWith: "ISO-8859-2", paragraph: plain(czechParagraph), sentences: czechSentences.map(plain)),
    ]
}
