/// Short block texts that are boilerplate wherever they appear (compared lowercased, trimmed,
/// trailing punctuation and colons removed), in English, Japanese, Chinese and Korean.
///
/// ```swift
/// BoilerplatePhrases.matches("ADVERTISEMENT") == true
/// ```
enum BoilerplatePhrases {
    /// Whole-block phrases.
    static let phrases: Set<String> = [
        "advertisement", "advertisements", "ad", "ads", "sponsored", "sponsored content", "promoted",
        "story continues below advertisement", "continue reading below", "article continues below",
        "share", "share this", "share this article", "share this story", "share on facebook",
        "share on twitter", "tweet", "email", "print", "comments", "comment", "related",
        "related articles", "related stories", "related content", "related coverage", "read more",
        "continue reading", "read next", "more stories", "recommended", "recommended for you",
        "you may also like", "most popular", "most read", "trending", "sign up", "subscribe",
        "subscribe now", "newsletter", "sign up for our newsletter", "follow us", "skip to content",
        "skip to main content", "back to top", "loading", "loading…", "image", "photo", "video",
        "view comments", "show comments", "leave a comment", "tags", "topics", "filed under",
        "広告", "pr", "スポンサー", "シェア", "ツイート", "いいね", "関連記事", "あわせて読みたい",
        "おすすめ", "おすすめ記事", "人気記事", "ランキング", "人気ランキング", "アクセスランキング",
        "最新記事", "ニュース速報", "前の記事", "次の記事", "コメント", "タグ", "続きを読む",
        "もっと見る", "ログイン", "会員登録", "メールマガジン", "メルマガ", "定期購読", "好評発売中",
        "广告", "分享", "分享到", "相关新闻", "相关阅读", "热门", "排行榜", "推荐阅读", "责任编辑",
        "廣告", "分享", "相關新聞", "延伸閱讀", "熱門新聞", "推薦閱讀",
        "광고", "공유", "관련기사", "많이 본 뉴스", "구독",
    ]

    static func matches(_ text: String) -> Bool {
        var t = text.lowercased()
        while let last = t.last, ":：.。!！|".contains(last) || last == " " { t.removeLast() }
        return phrases.contains(t)
    }
}

/// How bylines start or what they contain, across languages ("By …", 記者…, 文／…, … 기자).
enum BylineMarkers {
    /// Lowercased prefixes of a byline.
    static let prefixes = ["by ", "von ", "par ", "por ", "door ", "di ", "af ", "記者", "记者", "文／", "文/",
                           "文・", "撰文", "作者：", "作者:", "（記者", "(記者", "【記者", "편집", "글 ",
                           "责任编辑", "責任編輯", "编辑：", "編輯：", "編集：", "来源：", "來源："]
    /// Lowercased fragments that make a short line a byline.
    static let infixes = [" 기자", "기자 =", "특파원", "編集部", "报道：", "報導 "]
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
                               "(shutterstock", "写真：", "写真＝", "（写真", "(写真", "图片来源", "資料照片", "圖片來源",
                               "사진=", "사진 ="]
    /// Lowercased fragments of calls to action (newsletters, follows, app downloads, subscriptions).
    static let callsToAction = ["sign up", "subscribe to", "subscribe now", "subscribe for", "newsletter", "follow us", "follow @", "follow him",
                                "follow her", "on twitter", "on facebook", "on instagram", "click here",
                                "your inbox", "download our app", "get the latest", "join our",
                                "delivered to your", "メールマガジン", "メルマガ", "定期購読", "登録はこちら",
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

    private enum Kind { case bylinePrefix, bylineInfix, creditPrefix, creditInfix, photo, call }

    private static let table: [(phrase: String, kind: Kind)] =
        BylineMarkers.prefixes.map { ($0, .bylinePrefix) } + BylineMarkers.infixes.map { ($0, .bylineInfix) }
        + BoilerplateMarkers.creditPrefixes.map { ($0, .creditPrefix) }
        + BoilerplateMarkers.creditInfixes.map { ($0, .creditInfix) }
        + BoilerplateMarkers.photoCredits.map { ($0, .photo) }
        + BoilerplateMarkers.callsToAction.map { ($0, .call) }
    private static let phraseLengths = table.map { $0.phrase.utf8.count }
    private static let matcher = PhraseMatcher(table.map(\.phrase))

    /// Scans a block's (trimmed) text.
    static func scan(_ text: String) -> TextMarkers {
        var markers = TextMarkers()
        var calls = Set<Int>()
        for hit in matcher.hits(in: text) {
            let atStart = hit.end == phraseLengths[hit.phrase]
            switch table[hit.phrase].kind {
            case .bylinePrefix: if atStart { markers.byline = true }
            case .bylineInfix: markers.byline = true
            case .creditPrefix: if atStart { markers.creditLine = true }
            case .creditInfix: markers.creditLine = true
            case .photo: markers.photoCredit = true
            case .call: calls.insert(hit.phrase)
            }
        }
        markers.callsToAction = calls.count
        return markers
    }
}
