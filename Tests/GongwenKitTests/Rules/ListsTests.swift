import Testing

@testable import GongwenKit

@Suite("Focus areas and eligibility")
struct ListsTests {
    @Test("Focus areas and eligibility come from the sections so headed, with leading clauses")
    func lists() throws {
        let record = try Corpus.record("2021_shandong.txt")
        #expect(record.focusAreas.map(\.index) == [1, 2, 3])
        #expect(record.focusAreas[0].summary == "企业运用大数据、两化融合、人工智能、互联网、区块链等新技术手段提升产品和服务质量")
        #expect(record.eligibility.map(\.number) == ["1.", "2.", "3."])
        #expect(record.eligibility[0].summary == "具有独立法人资格")
    }
}
