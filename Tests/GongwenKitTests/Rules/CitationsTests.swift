import Testing

@testable import GongwenKit

@Suite("Citations")
struct CitationsTests {
    @Test("A title with its number in brackets, a number right after a title, a bare number, an attachment")
    func citations() {
        let found = CitationExtractor.extract(
            sentences(
                """
                落实《工业和信息化部关于促进制造业产品和服务质量提升的实施意见》（工信部科〔2019〕188 号）要求。
                中小企业（符合《中小企业划型标准规定》工信部联企业〔2011〕300 号标准）。
                根据国办发〔2019〕5号文件精神，按照《2021年工业企业质量标杆遴选说明》（附件1）执行。
                """))
        #expect(found.map(\.title) == ["工业和信息化部关于促进制造业产品和服务质量提升的实施意见", "中小企业划型标准规定", "2021年工业企业质量标杆遴选说明", nil])
        #expect(found.map(\.docNumber) == ["工信部科〔2019〕188号", "工信部联企业〔2011〕300号", nil, "国办发〔2019〕5号"])
        #expect(found[2].attachmentIndex == 1)
    }
}
