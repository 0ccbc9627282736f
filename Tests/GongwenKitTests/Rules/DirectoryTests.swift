import Testing

@testable import GongwenKit

@Suite("Directory")
struct DirectoryTests {
    func directory(_ text: String) -> [DirectoryEntry] {
        let normalized = normalizedLines(text)
        var notice = SegmentedNotice()
        notice.appendices = Segmenter.appendices(normalized[...], expectedCount: 1, depth: 0)
        return DirectoryExtractor.extract(notice)
    }

    @Test("A tab table split over a page break, its header repeated and a name wrapped, is one directory")
    func pageBreak() {
        let entries = directory(
            """
            附件1
            推荐单位名录
            序号\t单位名称
            1\t北京市经济和信息化局
            2\t新疆生产建设兵团工业和
            信息化局

            — 3 —

            序号\t单位名称
            3\t大连市工业和信息化局
            4\t中国机械工业联合会
            """)
        #expect(entries.map(\.index) == [1, 2, 3, 4])
        #expect(entries.map(\.name) == ["北京市经济和信息化局", "新疆生产建设兵团工业和信息化局", "大连市工业和信息化局", "中国机械工业联合会"])
        #expect(
            entries.map(\.kind) == [
                .provincialDepartment, .provincialDepartment, .plannedCityDepartment, .industryAssociation,
            ])
        #expect(entries.map(\.region) == ["北京市", "新疆生产建设兵团", "大连市", nil])
    }

    /// The header row is told by a cell that is 序号 and no more (asked of its scalars): the index column where
    /// it stands, the name column where a cell names units; a cell that only begins with 序号 is no header.
    @Test("A table's header is the row with a cell that is 序号, wherever it stands; 序号1 or 序号： is none")
    func indexHeader() {
        let swapped = directory(
            """
            附件
            推荐单位名录
            单位名称\t序号
            北京市经济和信息化局\t1
            中国机械工业联合会\t2
            """)
        #expect(swapped.map(\.index) == [1, 2])
        #expect(swapped.map(\.name) == ["北京市经济和信息化局", "中国机械工业联合会"])
        for header in ["序号1\t单位名称", "序号：\t单位名称", "序\t单位名称"] {
            var reader = DirectoryExtractor.TableReader()
            #expect(reader.read(TextLine(header)) == nil && reader.indexColumn == nil, "\(header)")
        }
        var reader = DirectoryExtractor.TableReader()
        #expect(reader.read(TextLine("单位名称\t 序号 ")) == nil && reader.indexColumn == 1 && reader.nameColumn == 0)
    }

    @Test("A numbered list and a markdown table give the same entries")
    func listAndMarkdown() {
        let list = directory(
            """
            附件
            推荐单位名录
            1. 河北省工业和信息化厅
            2. 青岛市工业和信息化局
            3. 福建省福州市工业和信息化局
            """)
        let table = directory(
            """
            附件
            推荐单位名录
            | 序号 | 单位名称 |
            |---|---|
            | 1 | 河北省工业和信息化厅 |
            | 2 | 青岛市工业和信息化局 |
            | 3 | 福建省福州市工业和信息化局 |
            """)
        #expect(list.map(\.name) == ["河北省工业和信息化厅", "青岛市工业和信息化局", "福建省福州市工业和信息化局"])
        #expect(table.map(\.name) == list.map(\.name))
        #expect(table.map(\.index) == [1, 2, 3])
        #expect(list.map(\.kind) == [.provincialDepartment, .plannedCityDepartment, .municipalDepartment])
        #expect(list[2].region == "福州市")
    }

    @Test("A directory grouped under headings gives its entries in reading order, each group's after the one above")
    func groupedDirectory() {
        // The shape of the recommending units' lists of the 质量标杆 notices: the units under their kinds.
        let entries = directory(
            """
            附件
            推荐单位名录
            一、地方工业和信息化主管部门
            1. 河北省工业和信息化厅
            2. 青岛市工业和信息化局
            二、行业协会
            1. 中国机械工业联合会
            2. 中国轻工业联合会
            """)
        #expect(entries.map(\.name) == ["河北省工业和信息化厅", "青岛市工业和信息化局", "中国机械工业联合会", "中国轻工业联合会"])
        #expect(entries.map(\.index) == [1, 2, 1, 2])
    }
}
