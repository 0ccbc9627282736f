import Testing

@testable import GongwenKit

@Suite("Reporting targets")
struct ReportingTargetTests {
    /// Real lines of the corpus: a body after 向 and before 报送, after 报送至, and a 省局 that names no
    /// level (not a target); and the verbs asked for only where one of them begins.
    @Test("The body materials are sent to, after 向 or a verb, on real lines")
    func targetsOfRealLines() {
        func targets(_ text: String) -> [String] { ReportingTarget.targets(in: TextLine(text)).map(\.text) }
        #expect(targets("于5月15日前通过邮寄和电子邮件方式向商务部报送2023年重点联系企业推荐名单(附件2)和推荐企业") == ["商务部"])
        #expect(targets("申报材料(纸质材料一式三份及电子版)报送至福州市工业和信息化局产业政策处") == ["福州市工业和信息化局产业政策处"])
        #expect(targets("质材料一式4份、Word电子版U盘1份)报送至省局(质量发展处),逾期不予受理") == [])
        #expect(targets("报送报送报送报至报") == [], "verbs with no body after them")
    }
}
