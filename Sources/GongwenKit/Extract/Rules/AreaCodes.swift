/// Telephone area codes of China's provincial capitals, the municipalities and the cities with
/// planning status, with a few other large cities: general reference data (not complete; a city not
/// listed gets no inferred code).
enum AreaCodes {
    static let cities: [String: String] = [
        "北京": "010", "上海": "021", "天津": "022", "重庆": "023", "石家庄": "0311", "太原": "0351", "呼和浩特": "0471",
        "沈阳": "024", "长春": "0431", "哈尔滨": "0451", "南京": "025", "杭州": "0571", "合肥": "0551", "福州": "0591",
        "南昌": "0791", "济南": "0531", "郑州": "0371", "武汉": "027", "长沙": "0731", "广州": "020", "南宁": "0771",
        "海口": "0898", "成都": "028", "贵阳": "0851", "昆明": "0871", "拉萨": "0891", "西安": "029", "兰州": "0931",
        "西宁": "0971", "银川": "0951", "乌鲁木齐": "0991",
        "大连": "0411", "青岛": "0532", "宁波": "0574", "厦门": "0592", "深圳": "0755",
        "苏州": "0512", "无锡": "0510", "常州": "0519", "徐州": "0516", "温州": "0577", "泉州": "0595", "漳州": "0596",
        "莆田": "0594", "佛山": "0757", "东莞": "0769", "珠海": "0756", "洛阳": "0379", "烟台": "0535", "潍坊": "0536",
        "唐山": "0315", "保定": "0312",
    ]

    /// Each provincial-level division's capital, where its departments sit.
    static let capitals: [String: String] = [
        "北京市": "北京", "天津市": "天津", "河北省": "石家庄", "山西省": "太原", "内蒙古自治区": "呼和浩特", "辽宁省": "沈阳",
        "吉林省": "长春", "黑龙江省": "哈尔滨", "上海市": "上海", "江苏省": "南京", "浙江省": "杭州", "安徽省": "合肥",
        "福建省": "福州", "江西省": "南昌", "山东省": "济南", "河南省": "郑州", "湖北省": "武汉", "湖南省": "长沙",
        "广东省": "广州", "广西壮族自治区": "南宁", "海南省": "海口", "重庆市": "重庆", "四川省": "成都", "贵州省": "贵阳",
        "云南省": "昆明", "西藏自治区": "拉萨", "陕西省": "西安", "甘肃省": "兰州", "青海省": "西宁", "宁夏回族自治区": "银川",
        "新疆维吾尔自治区": "乌鲁木齐",
    ]

    /// The area code of the city an issuer sits in: the city its name begins with ("福州市…"), or
    /// for a provincial department the provincial capital. Nil when that is not known.
    static func code(forIssuer name: String?, level: Issuer.Level) -> String? {
        guard let name else { return nil }
        var rest = name
        if let province = IssuerLevels.province(beginning: rest) {
            rest = String(IssuerLevels.scalars(of: rest, after: province))
            if level == .provincial, let capital = capitals[province] { return cities[capital] }
        }
        guard let first = StringUTF8.firstScalar(of: rest) else { return nil }
        // A name is compared only with the cities that begin as it does (it was compared with all 52, 13,000
        // instructions an issuer), found by their first characters where they stand in `citiesInOrder`, as
        // `IssuerLevels.province(beginning:)` finds a division: a dictionary of the cities grouped by that
        // character handed out a copy of a group, its array retained and released by both parse threads.
        let initials = cityInitials
        for k in initials.indices where initials[k] == first {
            let (city, cityWithSuffix, code) = citiesInOrder[k]
            if rest.hasPrefix(cityWithSuffix) || rest.hasPrefix(city) && level == .municipal { return code }
        }
        return nil
    }

    /// The first character of each of `citiesInOrder`, in its order.
    private static let cityInitials = citiesInOrder.map { $0.city.unicodeScalars.first! }

    /// The cities in a fixed order (a dictionary's order changes from one run to the next), each with
    /// its name as a body's name begins with it ("福州市…"): made once, not for every notice.
    private static let citiesInOrder: [(city: String, withSuffix: String, code: String)] =
        cities.sorted { $0.key < $1.key }.map { ($0.key, $0.key + "市", $0.value) }
}
