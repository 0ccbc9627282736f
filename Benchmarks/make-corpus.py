#!/usr/bin/env python3
"""Writes a synthetic corpus of notices for the benchmarks, made from real ones by varying names and numbers.

    Benchmarks/make-corpus.py COUNT OUTPUT_FOLDER SEED_FOLDER...

Each output notice is a seed notice (round robin over the .txt/.html files of the seed folders) with its years
shifted, its document serials, dates and phone numbers changed, and its province and city names swapped for
others, so that no two outputs are the same text and the archive's search has realistic selectivity. The
same COUNT and seeds always give the same files (the random generator is seeded). Written as UTF-8, one
subfolder per thousand files.
"""
import pathlib
import random
import re
import sys

PROVINCES = ["北京市", "天津市", "河北省", "山西省", "内蒙古自治区", "辽宁省", "吉林省", "黑龙江省", "上海市", "江苏省", "浙江省",
             "安徽省", "福建省", "江西省", "山东省", "河南省", "湖北省", "湖南省", "广东省", "广西壮族自治区", "海南省", "重庆市",
             "四川省", "贵州省", "云南省", "西藏自治区", "陕西省", "甘肃省", "青海省", "宁夏回族自治区", "新疆维吾尔自治区"]
CITIES = ["福州市", "厦门市", "郑州市", "洛阳市", "济南市", "青岛市", "南京市", "苏州市", "杭州市", "宁波市", "合肥市", "芜湖市",
          "武汉市", "宜昌市", "长沙市", "株洲市", "广州市", "深圳市", "成都市", "绵阳市", "西安市", "宝鸡市", "昆明市", "贵阳市"]
SHORT = {p: p.rstrip("省市").replace("自治区", "")[:2] for p in PROVINCES}


def decode(data: bytes) -> str | None:
    for encoding in ("utf-8", "gb18030", "big5"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def vary(text: str, rng: random.Random) -> str:
    shift = rng.randint(-4, 4)
    text = re.sub(r"(?<!\d)(20[12]\d)(?!\d)", lambda m: str(int(m.group(1)) + shift), text)
    text = re.sub(r"([〔\[［（(])(\d{4})([〕\]］）)])(\d{1,4})号", lambda m: f"{m.group(1)}{m.group(2)}{m.group(3)}{rng.randint(1, 400)}号", text)
    text = re.sub(r"(\d{1,2})月(\d{1,2})日", lambda m: f"{rng.randint(1, 12)}月{rng.randint(1, 28)}日", text)
    text = re.sub(r"1[3-9]\d{9}", lambda m: "1" + str(rng.randint(3, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(9)), text)
    text = re.sub(r"(0\d{2,3}-)(\d{7,8})", lambda m: m.group(1) + "".join(str(rng.randint(0, 9)) for _ in m.group(2)), text)
    province, other = rng.sample(PROVINCES, 2)
    if province in text:
        text = text.replace(province, other)
    else:
        for name in PROVINCES:
            if name in text:
                text = text.replace(name, province)
                break
    city = rng.choice(CITIES)
    for name in CITIES:
        if name in text and name != city:
            text = text.replace(name, city)
            break
    return text


def main() -> None:
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    count, output, seeds = int(sys.argv[1]), pathlib.Path(sys.argv[2]), sys.argv[3:]
    sources = []
    for folder in seeds:
        for path in sorted(pathlib.Path(folder).rglob("*")):
            if path.suffix.lower() in (".txt", ".html", ".htm") and path.name != "README.md":
                text = decode(path.read_bytes())
                if text is not None:
                    sources.append((path.suffix.lower(), text))
    if not sources:
        sys.exit(f"no .txt or .html notices in {' '.join(seeds)}")
    rng = random.Random(20261201)
    for i in range(count):
        suffix, text = sources[i % len(sources)]
        folder = output / f"{i // 1000:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"notice{i:06d}{suffix}").write_text(vary(text, rng), encoding="utf-8")
    print(f"{count} notices from {len(sources)} seeds in {output}")


if __name__ == "__main__":
    main()
