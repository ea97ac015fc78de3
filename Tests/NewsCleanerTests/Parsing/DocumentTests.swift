@testable import NewsCleaner
import Testing

/// The parsed `Document`'s queries.
@Suite struct DocumentTests {
    @Test func idsTaggedListsTheElementsOfEitherTagInDocumentOrder() throws {
        let doc = try Cleaner().parse(html: Array("""
            <div><main><article><p>a</p></article></main><aside><article>b</article></aside><p>c</p></div>
            """.utf8))
        let ids = doc.ids(tagged: .main, .article)
        #expect(ids.map { doc.tag($0) } == [.main, .article, .article])
        #expect(ids == ids.sorted())
        #expect(ids == doc.nodeIDs.filter { doc.tag($0) == .main || doc.tag($0) == .article })
        #expect(doc.ids(tagged: .table, .table).isEmpty)
    }
}
