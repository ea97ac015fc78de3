/// Steps 5–7 of the pipeline: features, container choice, block extraction. (Stub until the engine lands.)
struct ArticleExtractor {
    let options: CleanerOptions
    func extract(_ document: Document, url: String?) -> Article {
        Article(title: nil, blocks: [])
    }
}
