import Foundation

/// A calendar date with an optional time of day and UTC offset, as a page states it.
///
/// ```swift
/// let date = PageDate(year: 2024, month: 2, day: 28, hour: 15, minute: 4, second: 0, offsetMinutes: 540)
/// date.iso8601() // "2024-02-28T15:04:00+09:00"
/// ```
package struct PageDate: Sendable, Equatable {
    /// Four-digit year.
    package var year: Int
    /// Month 1–12.
    package var month: Int
    /// Day of the month 1–31.
    package var day: Int
    /// Hour 0–23, `nil` when the page gives only a date.
    package var hour: Int?
    /// Minute 0–59, with `hour`.
    package var minute: Int?
    /// Second 0–60, with `hour`.
    package var second: Int?
    /// Offset from UTC in minutes, `nil` when the page does not say.
    package var offsetMinutes: Int?
    /// Read from `A.B.YYYY` (or, in a day-first language, `A/B/YYYY`) with both numbers 12 or
    /// less: day first by rule, but the page may mean month first (`09.10.2024` for September 10
    /// on a US site).
    package var dayMonthAmbiguous = false

    /// A date as stated; see the type's example.
    package init(year: Int, month: Int, day: Int, hour: Int? = nil, minute: Int? = nil,
                second: Int? = nil, offsetMinutes: Int? = nil) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        self.offsetMinutes = offsetMinutes
    }

    /// True when a time of day is known.
    package var hasTime: Bool { hour != nil }

    /// True when `other` names the same calendar day (times and offsets aside).
    package func sameDay(_ other: PageDate) -> Bool {
        year == other.year && month == other.month && day == other.day
    }

    /// This date with day and month swapped, when `dayMonthAmbiguous` and `other` names that
    /// reading: the other source settles which way the page wrote it.
    package func settled(by other: PageDate) -> PageDate? {
        guard dayMonthAmbiguous, other.year == year, other.month == day, other.day == month else { return nil }
        return other
    }

    /// True when this calendar day comes after `other`'s (times and offsets aside).
    package func dayAfter(_ other: PageDate) -> Bool {
        (year, month, day) > (other.year, other.month, other.day)
    }

    /// ISO 8601: `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM:SS` plus `±HH:MM` when the offset is known.
    ///
    /// ```swift
    /// PageDate(year: 2009, month: 10, day: 18).iso8601() // "2009-10-18"
    /// ```
    package func iso8601() -> String {
        var out = PageDate.padded(year, 4) + "-" + PageDate.padded(month, 2) + "-" + PageDate.padded(day, 2)
        guard let hour else { return out }
        out += "T" + PageDate.padded(hour, 2) + ":" + PageDate.padded(minute ?? 0, 2) + ":" + PageDate.padded(second ?? 0, 2)
        if let offsetMinutes { out += PageDate.offsetString(offsetMinutes) }
        return out
    }

    /// `+09:00` / `-05:00` for an offset in minutes.
    static func offsetString(_ minutes: Int) -> String {
        let sign = minutes < 0 ? "-" : "+"
        let magnitude = abs(minutes)
        return sign + padded(magnitude / DateParser.minutesPerHour, 2) + ":" + padded(magnitude % DateParser.minutesPerHour, 2)
    }

    /// `value` in decimal, zero-padded to `width` characters, the sign counted: what `%0<width>d`
    /// writes (`String(format:)` goes through CoreFoundation's formatter on Linux).
    static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value.magnitude)
        let sign = value < 0 ? "-" : ""
        let zeros = max(0, width - sign.count - digits.count)
        return sign + String(repeating: "0", count: zeros) + digits
    }
}

/// Parses the date forms news pages use: ISO 8601, RFC 2822, month names (English, German, Dutch,
/// French, Spanish, Italian, Portuguese, Polish, Russian, Greek),
/// and the Japanese, Chinese and Korean forms (`2024年2月28日(水)15時04分`, `2024년 7월 22일 오전 9:41`).
///
/// Only what the text says is returned: no offset is invented here (see `MetadataExtractor`
/// for the page-level time-zone rule).
///
/// ```swift
/// DateParser.parse("2024年2月28日(水)15時04分")?.iso8601() // "2024-02-28T15:04:00"
/// DateParser.parse("Mon, 04 Mar 2024 18:12:00 -0500")?.iso8601() // "2024-03-04T18:12:00-05:00"
/// ```
package enum DateParser {
    static let minutesPerHour = 60
    static let hoursPerHalfDay = 12
    static let earliestYear = 1990
    static let latestYear = 2100
    static let monthsPerYear = 12
    static let maxDay = 31
    static let maxHour = 23
    static let maxMinute = 59
    /// A leap second is allowed.
    static let maxSecond = 60
    /// Two-digit years are taken as 20xx.
    static let twoDigitYearBase = 2000
    static let twoDigitYearLimit = 100
    /// Offsets written as `+0900` have this many digits.
    static let compactOffsetDigits = 4

    /// Time-zone abbreviations pages write after a time, in minutes from UTC.
    static let zoneAbbreviations: [String: Int] = [
        "utc": 0, "gmt": 0, "z": 0, "ut": 0,
        "est": -5 * minutesPerHour, "edt": -4 * minutesPerHour,
        "cst": -6 * minutesPerHour, "cdt": -5 * minutesPerHour,
        "mst": -7 * minutesPerHour, "mdt": -6 * minutesPerHour,
        "pst": -8 * minutesPerHour, "pdt": -7 * minutesPerHour,
        "bst": 1 * minutesPerHour, "cet": 1 * minutesPerHour, "cest": 2 * minutesPerHour,
        "jst": 9 * minutesPerHour, "kst": 9 * minutesPerHour, "hkt": 8 * minutesPerHour,
    ]

    /// Month names and abbreviations → month number: English, and the German, Dutch, French,
    /// Spanish, Italian, Portuguese, Polish, Russian and Greek names (`4. März 2024`,
    /// `04-ago-2021`, `4 de agosto de 2021`, `4 marca 2024`, `4 марта 2024`, `4 Μαρτίου 2024`).
    /// Left out: abbreviations that are common words or names before a number (`out`, `set`,
    /// `gen`, `mag`, `marco`).
    static let monthNames: [String: Int] = {
        let english = ["january", "february", "march", "april", "may", "june", "july", "august",
                       "september", "october", "november", "december"]
        var table: [String: Int] = [:]
        for (index, name) in english.enumerated() {
            table[name] = index + 1
            table[String(name.prefix(3))] = index + 1
        }
        table["sept"] = 9
        let others: [[String]] = [
            ["januar", "jänner", "januari", "janvier", "janv", "enero", "ene", "gennaio", "janeiro"],
            ["februar", "februari", "février", "fevrier", "févr", "fevr", "febrero", "febbraio", "fevereiro", "fev"],
            ["märz", "mär", "mrz", "maart", "mrt", "mars", "marzo", "março"],
            ["avril", "avr", "abril", "abr", "aprile"],
            ["mai", "mei", "mayo", "maggio", "maio"],
            ["juni", "juin", "junio", "giugno", "giu", "junho"],
            ["juli", "juillet", "juil", "julio", "luglio", "lug", "julho"],
            ["augustus", "août", "aout", "agosto", "ago"],
            ["septembre", "septiembre", "setiembre", "settembre", "setembro"],
            ["oktober", "okt", "octobre", "octubre", "ottobre", "ott", "outubro"],
            ["novembre", "noviembre", "novembro"],
            ["dezember", "dez", "décembre", "decembre", "déc", "diciembre", "dic", "dicembre", "dezembro"],
        ]
        for (index, names) in others.enumerated() {
            for name in names { table[name] = index + 1 }
        }
        // Polish, Russian, Greek: the genitive of dates (`5 grudnia 2025`, `5 декабря 2025 г.`,
        // `5 Δεκεμβρίου 2025`), the nominative and the usual abbreviations; keys folded like
        // `TextFold` (lowercase, Greek without accents), as the matched name is.
        let eastern: [[String]] = [
            ["stycznia", "styczeń", "sty", "января", "январь", "янв", "Ιανουαρίου", "Ιανουάριος", "Ιαν"],
            ["lutego", "luty", "lut", "февраля", "февраль", "фев", "февр", "Φεβρουαρίου", "Φεβρουάριος", "Φεβ"],
            ["marca", "marzec", "марта", "март", "мар", "Μαρτίου", "Μάρτιος", "Μαρ"],
            ["kwietnia", "kwiecień", "kwi", "апреля", "апрель", "апр", "Απριλίου", "Απρίλιος", "Απρ"],
            ["maja", "maj", "мая", "май", "Μαΐου", "Μαΐος", "Μάιος", "Μαΐ"],
            ["czerwca", "czerwiec", "cze", "июня", "июнь", "июн", "Ιουνίου", "Ιούνιος", "Ιουν"],
            ["lipca", "lipiec", "июля", "июль", "июл", "Ιουλίου", "Ιούλιος", "Ιουλ"],
            ["sierpnia", "sierpień", "августа", "август", "авг", "Αυγούστου", "Αύγουστος", "Αυγ"],
            ["września", "wrzesień", "wrz", "сентября", "сентябрь", "сен", "сент", "Σεπτεμβρίου", "Σεπτέμβριος", "Σεπ"],
            ["października", "październik", "paź", "октября", "октябрь", "окт", "Οκτωβρίου", "Οκτώβριος", "Οκτ"],
            ["listopada", "listopad", "lis", "ноября", "ноябрь", "ноя", "нояб", "Νοεμβρίου", "Νοέμβριος", "Νοε"],
            ["grudnia", "grudzień", "gru", "декабря", "декабрь", "дек", "Δεκεμβρίου", "Δεκέμβριος", "Δεκ"],
        ]
        for (index, names) in eastern.enumerated() {
            for name in names { table[TextFold.fold(name)] = index + 1 }
        }
        return table
    }()

    private static let zonePattern = #"(?:\s*\(?\s*(Z|[+-]\d{2}:?\d{2}|(?:UTC|GMT)(?:[+-]\d{1,2}(?::?\d{2})?)?|[A-Za-z]{2,4}T)\b\)?)?"#
    private static let timePattern = #"(?:\s*(?:T|at|,|-|@|\||·)?\s*(\d{1,2})(?::(\d{2}))(?::(\d{2}))?(?:[.,]\d+)?\s*([ap]\.?\s?m\.?)?|\s*(?:at|,)?\s*(\d{1,2})\s*([ap]\.?\s?m\.?))?"#

    /// `2024-02-28T15:04:00+09:00`, `2024/10/07 14:32`, `2024.07.22 09:41`.
    private static let numeric = try! NSRegularExpression(
        pattern: #"(?<!\d)(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)"# + timePattern + zonePattern,
        options: [.caseInsensitive])
    /// `13/11/2025 09:21`, `12.12.2025`, `09/25/2025 - 11:38`: two numbers before a four-digit year.
    private static let dayMonthYear = try! NSRegularExpression(
        pattern: #"(?<!\d)(\d{1,2})([/.])(\d{1,2})\2(\d{4})(?!\d)"# + timePattern + zonePattern,
        options: [.caseInsensitive])
    /// `March 4, 2024 at 6:12 p.m. EST`, `Nov 19, 2019 9:41 AM`.
    private static let monthFirst = try! NSRegularExpression(
        pattern: #"\b([A-Za-z\u00C0-\u017F\u0370-\u03FF\u0400-\u04FF]{3,12})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)"# + timePattern + zonePattern,
        options: [.caseInsensitive])
    /// `4 March 2024`, `Mon, 04 Mar 2024 18:12:00 -0500`, `4th of July 2024`, `04-Aug-2021`,
    /// `4. März 2024`, `4 de agosto de 2021`.
    private static let dayFirst = try! NSRegularExpression(
        pattern: #"(?<!\d)(\d{1,2})(?:st|nd|rd|th|\.)?(?:\s+(?:of|de))?(?:\s+|-)([A-Za-z\u00C0-\u017F\u0370-\u03FF\u0400-\u04FF]{3,12})\.?,?(?:\s+de)?(?:\s+|-)(\d{4})(?!\d)"# + timePattern + zonePattern,
        options: [.caseInsensitive])
    /// `2024年2月28日(水)15時04分`, `2024年05月16日 10:25`, `2024년 7월 22일 오전 9시 41분`.
    private static let cjk = try! NSRegularExpression(
        pattern: #"(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]?(?:\s*[（(][^)）]{1,4}[)）])?(?:\s*(午前|午後|上午|下午|오전|오후|AM|PM)?\s*(\d{1,2})\s*(?:[時时시:：]|点)\s*(?:(\d{1,2})\s*[分분]?)?(?:\s*(\d{1,2})\s*[秒초])?)?"#,
        options: [.caseInsensitive])
    /// A time alone: `21:45`, `9:41 PM`.
    private static let timeOnly = try! NSRegularExpression(
        pattern: #"(?<![\d:])(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?\s?m\.?)?(?![\d:])"#, options: [.caseInsensitive])

    /// Parses the first date found in `text`, or `nil`.
    ///
    /// ```swift
    /// DateParser.parse("Updated March 4, 2024 at 6:12 p.m. EST")?.iso8601() // "2024-03-04T18:12:00-05:00"
    /// ```
    package static func parse(_ text: String) -> PageDate? { parse(text, slashDayFirst: false) }

    /// `parse(_:)`, reading `A/B/YYYY` with both numbers 12 or less day first when
    /// `slashDayFirst` (the page's language writes the day first: every declared language but
    /// English, whose US pages write the month first). Such a date is `dayMonthAmbiguous`.
    ///
    /// ```swift
    /// DateParser.parse("05/12/2025", slashDayFirst: true)?.iso8601() // "2025-12-05"
    /// ```
    package static func parse(_ text: String, slashDayFirst: Bool) -> PageDate? {
        let s = asciiDigits(text)
        // Each pattern runs only when the text has what a match it can use needs (a regex run
        // bridges the text to NSString and costs far more than one look at its bytes).
        let shape = Shape(s)
        if shape.yearThenSeparator, let d = matchNumeric(s) { return d }
        if shape.cjkYear, let d = matchCJK(s) { return d }
        if shape.separatorThenYear, let d = matchDayMonthYear(s, slashDayFirst: slashDayFirst) { return d }
        if shape.letterRun, let d = matchMonthName(s, regex: monthFirst, monthGroup: 1, dayGroup: 2) { return d }
        if shape.letterRun, let d = matchMonthName(s, regex: dayFirst, monthGroup: 2, dayGroup: 1) { return d }
        return nil
    }

    /// Necessary conditions for each pattern to give a date, read in one pass over the bytes.
    /// A match only counts when its year group is four ASCII digits (`Int` reads no other
    /// digits, though the patterns' `\d` matches them), so (keep in step with the patterns):
    /// - `numeric` needs four ASCII digits followed by `-`, `/` or `.`;
    /// - `dayMonthYear` needs `/` or `.` followed by four ASCII digits;
    /// - `cjk` needs 年 or 년;
    /// - `monthFirst` / `dayFirst` need a month name: three letters in a row, ASCII or two-byte
    ///   UTF-8 letters (`letterLeads`: `ä`, `ź`, Greek, Cyrillic).
    struct Shape {
        var yearThenSeparator = false
        var separatorThenYear = false
        var cjkYear = false
        var letterRun = false

        init(_ text: String) {
            var copy = text
            copy.withUTF8 { bytes in
                let n = bytes.count
                var digits = 0
                var letters = 0
                var i = 0
                while i < n {
                    let b = bytes[i]
                    if Shape.letterLeads.contains(b), i + 1 < n, bytes[i + 1] & 0xC0 == 0x80 {
                        letters += 1
                        if letters >= Shape.monthLetters { letterRun = true }
                        digits = 0
                        i += 2
                        continue
                    }
                    if b &- UInt8(ascii: "0") <= 9 {
                        digits += 1
                        letters = 0
                    } else {
                        let isSeparator = b == UInt8(ascii: "/") || b == UInt8(ascii: ".")
                        if digits >= MetadataBytes.yearDigits, isSeparator || b == UInt8(ascii: "-") { yearThenSeparator = true }
                        if isSeparator, i + MetadataBytes.yearDigits < n,
                           (1...MetadataBytes.yearDigits).allSatisfy({ bytes[i + $0] &- UInt8(ascii: "0") <= 9 }) {
                            separatorThenYear = true
                        }
                        if (b | 0x20) &- UInt8(ascii: "a") < 26 {
                            letters += 1
                            if letters >= Shape.monthLetters { letterRun = true }
                        } else {
                            letters = 0
                        }
                        // 年 E5 B9 B4, 년 EB 85 84.
                        if i + 2 < n, (b == 0xE5 && bytes[i + 1] == 0xB9 && bytes[i + 2] == 0xB4)
                            || (b == 0xEB && bytes[i + 1] == 0x85 && bytes[i + 2] == 0x84) {
                            cjkYear = true
                        }
                        digits = 0
                    }
                    i += 1
                }
            }
        }

        /// Letters of the shortest month name the patterns read (`may`).
        static let monthLetters = 3
        /// UTF-8 lead bytes of the two-byte letters month names use: U+00C0–U+017F (Latin-1 and
        /// Extended-A: `ä`, `é`, `ź`), Greek (U+0380–U+03FF) and Cyrillic (U+0400–U+04FF).
        static let letterLeads: ClosedRange<UInt8> = 0xC3...0xD3
    }

    /// Parses a time of day alone (`21:45`, `9:41 PM`) as (hour, minute, second).
    ///
    /// ```swift
    /// DateParser.parseTime("Posted by しずく at 21:45")?.hour // 21
    /// ```
    package static func parseTime(_ text: String) -> (hour: Int, minute: Int, second: Int)? {
        let s = asciiDigits(text)
        guard let m = timeOnly.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)),
              let hour = int(m, 1, s), let minute = int(m, 2, s) else { return nil }
        guard let h = adjust(hour: hour, marker: group(m, 4, s)), h <= maxHour, minute <= maxMinute else { return nil }
        return (h, minute, int(m, 3, s) ?? 0)
    }

    // MARK: - Matchers

    private static func matchNumeric(_ s: String) -> PageDate? {
        for m in numeric.matches(in: s, range: NSRange(s.startIndex..., in: s)) {
            guard let year = int(m, 1, s), let month = int(m, 3, s), let day = int(m, 4, s) else { continue }
            if var d = make(year: year, month: month, day: day) {
                applyTime(&d, m, s, hour: 5, minute: 6, second: 7, marker: 8, bareHour: 9, bareMarker: 10, zone: 11)
                return d
            }
        }
        return nil
    }

    /// `A/B/YYYY` and `A.B.YYYY`. A number above 12 is the day, whichever side it stands on;
    /// when both could be the month, a dot means day first (the European `12.03.2025`), and a
    /// slash is ambiguous (US month-first and European day-first are both common), so it is not
    /// read at all unless both numbers are equal, or `slashDayFirst` says the page's language
    /// writes the day first.
    private static func matchDayMonthYear(_ s: String, slashDayFirst: Bool) -> PageDate? {
        for m in dayMonthYear.matches(in: s, range: NSRange(s.startIndex..., in: s)) {
            guard let a = int(m, 1, s), let b = int(m, 3, s), let year = int(m, 4, s), let separator = group(m, 2, s) else { continue }
            let day: Int, month: Int
            if a > monthsPerYear { (day, month) = (a, b) }
            else if b > monthsPerYear { (day, month) = (b, a) }
            else if separator == "." || a == b || slashDayFirst { (day, month) = (a, b) }
            else { continue }
            if var d = make(year: year, month: month, day: day) {
                d.dayMonthAmbiguous = a != b && a <= monthsPerYear && b <= monthsPerYear
                applyTime(&d, m, s, hour: 5, minute: 6, second: 7, marker: 8, bareHour: 9, bareMarker: 10, zone: 11)
                return d
            }
        }
        return nil
    }

    private static func matchMonthName(_ s: String, regex: NSRegularExpression, monthGroup: Int, dayGroup: Int) -> PageDate? {
        for m in regex.matches(in: s, range: NSRange(s.startIndex..., in: s)) {
            guard let name = group(m, monthGroup, s).map(TextFold.fold), let month = monthNames[name],
                  let day = int(m, dayGroup, s), let year = int(m, 3, s) else { continue }
            if var d = make(year: year, month: month, day: day) {
                applyTime(&d, m, s, hour: 4, minute: 5, second: 6, marker: 7, bareHour: 8, bareMarker: 9, zone: 10)
                return d
            }
        }
        return nil
    }

    private static func matchCJK(_ s: String) -> PageDate? {
        for m in cjk.matches(in: s, range: NSRange(s.startIndex..., in: s)) {
            guard let year = int(m, 1, s), let month = int(m, 2, s), let day = int(m, 3, s),
                  var d = make(year: year, month: month, day: day) else { continue }
            if let hour = int(m, 5, s), let h = adjust(hour: hour, marker: group(m, 4, s)), h <= maxHour {
                let minute = int(m, 6, s) ?? 0
                let second = int(m, 7, s) ?? 0
                if minute <= maxMinute, second <= maxSecond {
                    d.hour = h
                    d.minute = minute
                    d.second = second
                }
            }
            return d
        }
        return nil
    }

    // MARK: - Helpers

    private static func make(year rawYear: Int, month: Int, day: Int) -> PageDate? {
        let year = rawYear < twoDigitYearLimit ? rawYear + twoDigitYearBase : rawYear
        guard (earliestYear...latestYear).contains(year), (1...monthsPerYear).contains(month),
              (1...maxDay).contains(day) else { return nil }
        return PageDate(year: year, month: month, day: day)
    }

    private static func applyTime(_ d: inout PageDate, _ m: NSTextCheckingResult, _ s: String,
                                  hour: Int, minute: Int, second: Int, marker: Int,
                                  bareHour: Int, bareMarker: Int, zone: Int) {
        var h: Int?
        var min = 0
        var sec = 0
        if let raw = int(m, hour, s) {
            h = adjust(hour: raw, marker: group(m, marker, s))
            min = int(m, minute, s) ?? 0
            sec = int(m, second, s) ?? 0
        } else if let raw = int(m, bareHour, s) {
            h = adjust(hour: raw, marker: group(m, bareMarker, s))
        }
        guard let h, h <= maxHour, min <= maxMinute, sec <= maxSecond else { return }
        d.hour = h
        d.minute = min
        d.second = sec
        if let z = group(m, zone, s) { d.offsetMinutes = offset(z) }
    }

    /// Applies an AM/PM marker (English, Japanese, Chinese, Korean) to a 12-hour clock value.
    static func adjust(hour: Int, marker: String?) -> Int? {
        guard let marker = marker?.lowercased() else { return hour }
        let isPM = marker.hasPrefix("p") || marker == "午後" || marker == "下午" || marker == "오후"
        guard hour <= hoursPerHalfDay else { return hour }
        if isPM { return hour == hoursPerHalfDay ? hour : hour + hoursPerHalfDay }
        return hour == hoursPerHalfDay ? 0 : hour
    }

    /// Minutes from UTC for `Z`, `+09:00`, `-0500`, `GMT+9`, `EST` …; `nil` when unknown.
    static func offset(_ zone: String) -> Int? {
        let z = zone.lowercased()
        if let known = zoneAbbreviations[z] { return known }
        var rest = Substring(z)
        if rest.hasPrefix("utc") || rest.hasPrefix("gmt") { rest = rest.dropFirst("utc".count) }
        guard let signChar = rest.first, signChar == "+" || signChar == "-" else { return nil }
        let sign = signChar == "-" ? -1 : 1
        let digits = rest.dropFirst().filter(\.isNumber)
        let hours: Int
        let minutes: Int
        if digits.count >= compactOffsetDigits {
            hours = Int(digits.prefix(2)) ?? 0
            minutes = Int(digits.dropFirst(2).prefix(2)) ?? 0
        } else if rest.contains(":") {
            let parts = rest.dropFirst().split(separator: ":")
            hours = Int(parts.first ?? "") ?? 0
            minutes = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        } else {
            hours = Int(digits) ?? 0
            minutes = 0
        }
        guard hours <= maxHour, minutes <= maxMinute else { return nil }
        return sign * (hours * minutesPerHour + minutes)
    }

    /// Full-width digits and colon to ASCII, so `２０２４年` parses like `2024年`.
    static func asciiDigits(_ text: String) -> String {
        let fullWidthZero: UInt32 = 0xFF10
        let fullWidthNine: UInt32 = 0xFF19
        let fullWidthColon: UInt32 = 0xFF1A
        guard text.unicodeScalars.contains(where: { ($0.value >= fullWidthZero && $0.value <= fullWidthNine) || $0.value == fullWidthColon }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.value >= fullWidthZero, scalar.value <= fullWidthNine,
               let ascii = Unicode.Scalar(scalar.value - fullWidthZero + UInt32(UInt8(ascii: "0"))) {
                out.append(ascii)
            } else if scalar.value == fullWidthColon {
                out.append(":")
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    private static func group(_ m: NSTextCheckingResult, _ index: Int, _ s: String) -> String? {
        guard index < m.numberOfRanges, let r = Range(m.range(at: index), in: s) else { return nil }
        return String(s[r])
    }

    private static func int(_ m: NSTextCheckingResult, _ index: Int, _ s: String) -> Int? {
        group(m, index, s).flatMap { Int($0) }
    }
}
