import Testing

@testable import GongwenKit

@Suite("Submission")
struct SubmissionExtractorTests {
    @Test("Submission: channels, copies, formats and naming rules as the national notices state them")
    func submission() throws {
        let found = SubmissionExtractor.extract(
            sentences(
                """
                请访问中国质量网（www.caq.org.cn）左侧“奖项申报”页面，选择全国质量标杆申报入口，于7月15日前按要求提交申报材料。
                在线申报完成后，请将加盖公章的申报书、典型经验材料和其他证明材料的 word 版打包压缩成 RAR 格式文件，以“申报企业全称”命名，于7月15日前发送至指定邮箱，邮件主题为“申报企业全称”。
                推荐名单与企业申报书（纸质一式二份、光盘电子版一份），于 9 月 4 日前正式报送我厅。
                """))
        #expect(found.channels.map(\.kind) == [.online, .email, .delivery])
        #expect(found.channels.map(\.target) == ["www.caq.org.cn", nil, "我厅"])
        #expect(found.fileFormats.map(\.format) == ["Word", "RAR"])
        #expect(found.naming.map(\.target) == [.file, .emailSubject])
        #expect(found.naming.map(\.pattern) == ["申报企业全称", "申报企业全称"])
        #expect(found.materials.map(\.form) == ["纸质", "光盘电子版"])
        #expect(found.materials.map(\.copies) == [2, 1])
    }
}
