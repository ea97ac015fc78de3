/// Recognises short date/time lines ("Updated Nov 19, 9:41 AM", "2024年2月28日(水)15時04分").
///
/// ```swift
/// DateLine.looksLikeDateLine("Posted Nov 18, 8:19 PM") == true
/// ```
enum DateLine {
    /// Month names and date words that, with a number, make a line a date line, per language
    /// (folded like `TextFold`: lowercase, Greek without accents).
    static let englishWords = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "january", "february", "march", "april", "june", "july", "august", "september", "october",
        "november", "december", "updated", "posted", "published", "am", "pm", "gmt", "utc", "est",
        "edt", "pst", "pdt", "bst", "cet", "cest", "ago", "hours", "minutes", "mins", "today", "yesterday",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "on", "at",
        "last", "modified", "added",
    ]
    /// German, Dutch.
    static let germanicWords = [
        "januar", "jänner", "februar", "märz", "mai", "juni", "juli", "oktober", "dezember", "okt", "dez",
        "aktualisiert", "veröffentlicht", "hinzugefügt", "erstellt", "stand", "uhr", "um", "vor", "stunden",
        "minuten", "gestern", "heute", "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag",
        "sonntag", "januari", "februari", "maart", "mei", "augustus", "gepubliceerd", "bijgewerkt",
        "toegevoegd", "op", "om", "uur", "geleden", "gisteren", "vandaag",
    ]
    /// French, Spanish, Italian, Portuguese.
    static let romanceWords = [
        "de", "le", "el", "et", "por", "janvier", "février", "mars", "avril", "juin", "juillet", "août",
        "septembre", "octobre", "novembre", "décembre", "publié", "mis", "jour", "ajouté", "modifié", "à",
        "hier", "il", "y", "a", "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
        "septiembre", "setiembre", "octubre", "noviembre", "diciembre", "publicado", "actualizado", "hace",
        "las", "ayer", "hoy", "gennaio", "febbraio", "aprile", "maggio", "giugno", "luglio", "settembre",
        "ottobre", "dicembre", "pubblicato", "aggiornato", "alle", "ore", "fa", "ieri", "oggi", "janeiro",
        "fevereiro", "março", "maio", "junho", "julho", "setembro", "outubro", "dezembro", "atualizado",
        "em", "às", "há", "ontem", "hoje",
    ]
    /// Polish, Russian, Greek.
    static let easternWords = [
        "stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września",
        "października", "listopada", "grudnia", "opublikowano", "aktualizacja", "zaktualizowano", "dodano",
        "godz", "r", "temu", "wczoraj", "dzisiaj", "dziś", "января", "февраля", "марта", "апреля", "мая",
        "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря", "опубликовано", "обновлено",
        "добавлено", "в", "г", "года", "назад", "вчера", "сегодня", "мск", "ιανουαριου", "φεβρουαριου",
        "μαρτιου", "απριλιου", "μαιου", "ιουνιου", "ιουλιου", "αυγουστου", "σεπτεμβριου", "οκτωβριου",
        "νοεμβριου", "δεκεμβριου", "δημοσιευση", "δημοσιευθηκε", "ενημερωση", "ενημερωθηκε", "αναρτηθηκε",
        "πριν", "ωρεσ", "λεπτα", "χθεσ", "σημερα", "στισ", "μμ", "πμ",
    ]
    /// Every date word, folded, in one set.
    static let dateWords: Set<String> = Set((englishWords + germanicWords + romanceWords + easternWords).map(TextFold.fold))
    /// For each scalar below U+0800, whether it has a numeric type (`Unicode.Scalar.Properties.numericType`):
    /// the ASCII digits, superscripts and fractions, Arabic-Indic digits … Looked up once per process.
    static let numericBelow800: [Bool] = (0..<0x800).map { (value: UInt32) in
        Unicode.Scalar(value).map { $0.properties.numericType != nil } ?? false
    }
    /// Labels of a source or editor credit that Chinese and Japanese pages write on the date's
    /// line ("2025-12-05 10:30 来源：新华网"): the words from one on are not counted.
    static let sourceLabels: Set<String> = ["来源", "來源", "出处", "出處", "作者", "编辑", "編輯", "责任编辑", "責任編輯", "出典"]
    /// Most words a date line may have.
    static let maxWords = 12
    /// Most words that are neither numbers nor date words.
    static let maxOtherWords = 1

    static func looksLikeDateLine(_ text: String) -> Bool { looksLikeDateLine(text, folded: nil) }

    /// `looksLikeDateLine` with the text's `TextFold.fold`, when the caller has it.
    static func looksLikeDateLine(_ text: String, folded: String?) -> Bool {
        // Fast exit: fewer than two digits and nothing but ASCII.
        var asciiDigits = 0
        var nonASCII = false
        for b in text.utf8 {
            if b >= 0x30 && b <= 0x39 { asciiDigits += 1 } else if b >= 0x80 { nonASCII = true }
        }
        if asciiDigits < 2 && !nonASCII { return false }
        // Text whose only non-ASCII characters are no-break spaces and general punctuation (curly
        // quotes, dashes) reads like ASCII: those are neither letters nor numbers, nor CJK date marks,
        // and `TextFold` keeps them.
        if !nonASCII || asciiWithPunctuation(text) { return looksLikeASCIIDateLine(text) }
        return looksLikeDateLineByCharacters(text, folded: folded, asciiDigits: asciiDigits)
    }

    /// `looksLikeDateLine` read by scalars and Characters: the path for any text (the byte path
    /// `looksLikeASCIIDateLine` must agree with it). `asciiDigits`: the ASCII digits of `text`.
    static func looksLikeDateLineByCharacters(_ text: String, folded: String?, asciiDigits: Int) -> Bool {
        // Two ASCII digits already make the two digits asked for: no property lookups then.
        var digits = asciiDigits >= 2 ? 2 : 0
        var words = 0
        var dateish = 0
        var other = 0
        var hasCJKDate = false
        let numericBelow800 = DateLine.numericBelow800
        for scalar in text.unicodeScalars {
            // ASCII and the other one- and two-byte scalars (Latin, Greek, Cyrillic …) answer from a
            // table; only the rest need the Unicode property lookup.
            // Only "two or more" matters, so the lookups stop once two digits are seen.
            if digits < 2 && (scalar.value < 0x800 ? numericBelow800[Int(scalar.value)] : scalar.properties.numericType != nil) {
                digits += 1
            }
            if scalar == "年" || scalar == "月" || scalar == "日" || scalar == "時" || scalar == "分" { hasCJKDate = true }
        }
        guard digits >= 2 else { return false }
        for raw in (folded ?? TextFold.fold(text)).split(whereSeparator: { !$0.isLetter && !$0.isNumber }) {
            let word = String(raw)
            // "2025-12-05 10:30 来源：新华网": the source credit after the date is not the line's.
            if sourceLabels.contains(word) { break }
            words += 1
            if raw.allSatisfy(\.isNumber) || dateWords.contains(word) || isNumberWithUnit(raw) {
                dateish += 1
            } else {
                other += 1
            }
            // Without a CJK date mark the counts can only rule the line out from here on.
            if !hasCJKDate && (words > maxWords || other > maxOtherWords) { return false }
        }
        if hasCJKDate { return text.unicodeScalars.count <= 40 }
        return words <= maxWords && other <= maxOtherWords && dateish >= 2
    }

    private static func asciiWithPunctuation(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { TextSearch.isASCIIWithPunctuation($0) }
    }

    /// `looksLikeDateLine` of an all-ASCII text (or ASCII with punctuation, whose other bytes
    /// separate words like ASCII punctuation), on its bytes: its characters are its bytes (CR LF,
    /// one character, is neither letter nor digit either), letters and digits are `A–Z a–z 0–9`,
    /// and `TextFold.fold` lowercases A–Z. Stops as soon as the word counts rule the line out.
    private static func looksLikeASCIIDateLine(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { bytes in
            var digits = 0
            for b in bytes where b &- 0x30 <= 9 { digits += 1 }
            guard digits >= 2 else { return false }
            var words = 0
            var dateish = 0
            var other = 0
            var word: [UInt8] = []
            var i = 0
            let n = bytes.count
            while i <= n {
                let b: UInt8 = i < n ? bytes[i] : 0x20
                i += 1
                let isDigit = b &- 0x30 <= 9
                let lower = b | 0x20
                if isDigit || (lower >= 0x61 && lower <= 0x7A) {
                    word.append(isDigit ? b : lower)
                    continue
                }
                if word.isEmpty { continue }
                words += 1
                if isDateWord(word) { dateish += 1 } else { other += 1 }
                if words > maxWords || other > maxOtherWords { return false }
                word.removeAll(keepingCapacity: true)
            }
            return dateish >= 2
        }
    }

    /// A lowercased ASCII word of letters and digits: all digits, a date word, or a number with a date unit.
    private static func isDateWord(_ word: [UInt8]) -> Bool {
        var digits = 0
        var letters: [UInt8] = []
        for b in word {
            if b &- 0x30 <= 9 { digits += 1 } else { letters.append(b) }
        }
        if letters.isEmpty { return true }
        let string = String(decoding: word, as: UTF8.self)
        if dateWords.contains(string) { return true }
        return digits > 0 && dateUnits.contains(String(decoding: letters, as: UTF8.self))
    }

    /// Letters a number may carry and still count as a date part: times ("14h30"), ordinals
    /// ("12th", "1er"), year marks ("2024г", "2024r"); not units of measure ("500g", "302ms").
    static let dateUnits: Set<String> = ["h", "st", "nd", "rd", "th", "er", "e", "г", "r", "η", "ησ"]

    /// A run of digits with date-unit letters: a time, day or year with its mark.
    private static func isNumberWithUnit(_ word: Substring) -> Bool {
        var letters = ""
        var digits = 0
        for c in word { if c.isNumber { digits += 1 } else { letters.append(c) } }
        return digits > 0 && dateUnits.contains(letters)
    }
}
